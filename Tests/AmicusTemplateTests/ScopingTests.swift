import Testing
import AmicusTemplate

@Suite struct ScopingTests {
    @Test func loopVariableDoesNotLeak() {
        #expect(errorMessages("{% for item in [1] %}{% endfor %}{{ item }}") == ["undefined name 'item'"])
    }

    @Test func loopVariableShadowsContextAndRestores() {
        #expect(rendered("{{ x }}{% for x in [1, 2] %}{{ x }}{% endfor %}{{ x }}", ["x": "c"]) == "c12c")
    }

    @Test func setInsideLoopPersistsAcrossIterationsOnly() {
        #expect(rendered("{% for i in [1, 2, 3] %}{% if loop.first %}{% set first = i %}{% endif %}{{ first }}{% endfor %}") == "111")
    }

    @Test func setToTheLoopVariableLastsOneIteration() {
        #expect(rendered("{% for x in [1, 2] %}{% set x = x * 10 %}{{ x }} {% endfor %}") == "10 20 ")
    }

    @Test func macrosSeeArgumentsAndContextButNotCallerLocals() {
        let t = "{% macro m() %}{{ g }}{{ local|default('-') }}{% endmacro %}{% for local in [1] %}{{ m() }}{% endfor %}"
        #expect(rendered(t, ["g": "G"]) == "G-")
    }

    @Test func macrosSeeTopLevelSets() {
        #expect(rendered("{% set greeting = 'Здравствуйте' %}{% macro m(n) %}{{ greeting }}, {{ n }}{% endmacro %}{{ m('Анна') }}") == "Здравствуйте, Анна")
    }

    @Test func namespaceInNestedLoops() {
        let t = "{% set ns = namespace(count=0) %}{% for a in [1, 2] %}{% for b in [1, 2, 3] %}{% set ns.count = ns.count + 1 %}{% endfor %}{% endfor %}{{ ns.count }}"
        #expect(rendered(t) == "6")
    }

    @Test func loopCannotBeAssigned() {
        #expect(syntaxErrors("{% set loop = 1 %}").map(\.message) == ["cannot assign to 'loop'"])
        #expect(syntaxErrors("{% for loop in [1] %}{% endfor %}").map(\.message) == ["'loop' cannot be a loop variable"])
    }

    @Test func loopOutsideALoopIsUndefined() {
        #expect(errorMessages("{{ loop.index }}") == ["undefined name 'loop'"])
    }

    @Test func parallelRendersShareOneTemplate() async throws {
        let t = try Template(source: "{% for x in xs %}{{ x * k }},{% endfor %}")
        let results = await withTaskGroup(of: String.self) { group in
            for k in 1...8 {
                group.addTask { t.render(["xs": [1, 2, 3], "k": .int(k)]).output }
            }
            var all: [String] = []
            for await r in group { all.append(r) }
            return all.sorted()
        }
        #expect(results == (1...8).map { k in "\(k),\(2 * k),\(3 * k)," }.sorted())
    }
}
