import Testing
import AmicusTemplate

@Suite struct ReferencedPathsTests {
    func paths(_ source: String) -> [String] {
        do { return try Template(source: source).referencedPaths } catch {
            Issue.record("syntax errors: \(error)")
            return []
        }
    }

    @Test func plainPaths() {
        #expect(paths("{{ applicant.name.cyrillic }} {{ case.number }}") == ["applicant.name.cyrillic", "case.number"])
        #expect(paths("{{ a['b']['c'] }} {{ a.list[0].x }}") == ["a.b.c", "a.list[].x"])
    }

    @Test func intermediateStepsAreNotListedButTestedOnesAre() {
        #expect(paths("{% if a.rep %}{{ a.rep.name }}{% endif %}") == ["a.rep", "a.rep.name"])
    }

    @Test func loopVariablesResolveToTheirList() {
        #expect(paths("{% for e in events %}{{ e.date }}: {{ e.what }}{% endfor %}") == ["events", "events[].date", "events[].what"])
        #expect(paths("{% for c in applicant.children %}{% for d in c.documents %}{{ d.number }}{% endfor %}{% endfor %}") == ["applicant.children", "applicant.children[].documents", "applicant.children[].documents[].number"])
        #expect(paths("{% for e in events|sort(attribute='date') %}{{ e.place }}{% endfor %}") == ["events", "events[].date", "events[].place"])
        #expect(paths("{% for e in events if e.important %}{{ e.place }}{% endfor %}") == ["events", "events[].important", "events[].place"])
    }

    @Test func itemsLoopsGiveTheMapping() {
        #expect(paths("{% for k, v in d.items() %}{{ k }}={{ v.x }}{% endfor %}") == ["d"])
    }

    @Test func localsAreExcluded() {
        let src = """
        {% set ns = namespace(n=0) %}{% set total = fee * 2 %}{% for x in range(3) %}{{ loop.index }}{{ x }}{% set ns.n = ns.n + x %}{% endfor %}{{ total }}{{ ns.n }}{{ cite('kim', para=para_no) }}{% macro m(p) %}{{ p.q }}{{ outer }}{% endmacro %}
        """
        #expect(paths(src) == ["fee", "outer", "para_no"])
    }

    @Test func setAliasesResolve() {
        #expect(paths("{% set a = applicant %}{{ a.name }}") == ["applicant.name"])
    }

    @Test func filterArgumentsAndTestsCount() {
        #expect(paths("{{ x|default(y.z) }} {{ d|date(fmt) }} {{ p is defined }} {{ q if r else s }}") == ["d", "fmt", "p", "q", "r", "s", "x", "y.z"])
        #expect(paths("{{ people|map(attribute='name')|join(sep) }} {{ people|selectattr('role', 'equalto', role) }}") == ["people", "people[].name", "people[].role", "role", "sep"])
        #expect(paths("{{ d.get('k') }} {{ xs[i] }}") == ["d.k", "i", "xs"])
    }
}
