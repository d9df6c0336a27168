import Testing
import AmicusTemplate

@Suite struct ControlFlowTests {
    @Test func ifElifElse() {
        let t = "{% if n > 10 %}big{% elif n > 5 %}medium{% elif n > 0 %}small{% else %}none{% endif %}"
        #expect(rendered(t, ["n": 11]) == "big")
        #expect(rendered(t, ["n": 6]) == "medium")
        #expect(rendered(t, ["n": 1]) == "small")
        #expect(rendered(t, ["n": 0]) == "none")
        #expect(rendered("{% if x %}yes{% endif %}", ["x": ""]) == "")
    }

    @Test func forWithElse() {
        let t = "{% for x in xs %}[{{ x }}]{% else %}empty{% endfor %}"
        #expect(rendered(t, ["xs": [1, 2]]) == "[1][2]")
        #expect(rendered(t, ["xs": []]) == "empty")
        #expect(rendered(t, ["xs": nil]) == "empty")
    }

    @Test func loopVariables() {
        let t = "{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.length }}{{ loop.first|int }}{{ loop.last|int }};{% endfor %}"
        #expect(rendered(t, ["xs": ["a", "b", "c"]]) == "1032310;2121300;3210301;")
    }

    @Test func previousAndNextItems() {
        let t = "{% for x in xs %}{{ loop.previtem|default('-') }}{{ x }}{{ loop.nextitem|default('-') }} {% endfor %}"
        #expect(rendered(t, ["xs": ["a", "b", "c"]]) == "-ab abc bc- ")
    }

    @Test func cycleAndChanged() {
        #expect(rendered("{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}") == "odd even odd even odd ")
        #expect(rendered("{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}") == "121")
    }

    @Test func nestedLoopsSeeTheirOwnLoop() {
        let t = "{% for a in [1, 2] %}{% for b in ['x', 'y'] %}{{ loop.index }}{{ b }}{{ a }} {% endfor %}{{ loop.index }}|{% endfor %}"
        #expect(rendered(t) == "1x1 2y1 1|1x2 2y2 2|")
    }

    @Test func unpackingItems() {
        let ctx: ValueDict = ["d": ["первый": 1, "второй": 2]]
        #expect(rendered("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", ctx) == "первый=1;второй=2;")
        #expect(rendered("{% for (a, b) in [[1, 2], [3, 4]] %}{{ a + b }} {% endfor %}") == "3 7 ")
        #expect(rendered("{% for k in d %}{{ k }} {% endfor %}", ctx) == "первый второй ")
    }

    @Test func loopFilterCountsOnlyKeptItems() {
        let t = "{% for x in xs if x.ok %}{{ x.n }}{{ loop.index }}/{{ loop.length }} {% else %}none{% endfor %}"
        let xs: Value = [["n": "a", "ok": true], ["n": "b", "ok": false], ["n": "c", "ok": true]]
        #expect(rendered(t, ["xs": xs]) == "a1/2 c2/2 ")
        #expect(rendered(t, ["xs": [["n": "b", "ok": false]]]) == "none")
    }

    @Test func setIsScopedLikeJinja() {
        #expect(rendered("{% set x = 1 %}{% for i in [1, 2] %}{% set x = i * 10 %}{{ x }} {% endfor %}{{ x }}") == "10 20 1")
        #expect(rendered("{% set a, b = [1, 2] %}{{ b }}{{ a }}") == "21")
        #expect(rendered("{% if true %}{% set y = 5 %}{% endif %}{{ y }}") == "5")
        // A set inside a loop does not leak out.
        #expect(errorMessages("{% for i in [1] %}{% set inner = i %}{% endfor %}{{ inner }}") == ["undefined name 'inner'"])
    }

    @Test func setShadowsContext() {
        #expect(rendered("{{ name }}{% set name = 'B' %}{{ name }}", ["name": "A"]) == "AB")
    }

    @Test func namespaceCarriesValuesOutOfLoops() {
        let t = "{% set ns = namespace(total=0, found=false) %}{% for x in xs %}{% set ns.total = ns.total + x %}{% if x > 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.total }} {{ ns.found }}"
        #expect(rendered(t, ["xs": [1, 2, 3]]) == "6 True")
    }

    @Test func settingAnAttributeOfANonNamespaceIsAnError() {
        #expect(errorMessages("{% set d = {'a': 1} %}{% set d.a = 2 %}{{ d.a }}") == ["cannot set 'd.a': only a namespace() can be changed this way (use {% set d = namespace(...) %})"])
    }

    @Test func commentsAndRaw() {
        #expect(rendered("a{# a comment {{ x }} #}b") == "ab")
        #expect(rendered("{% raw %}{{ not a tag }} {% if %}{% endraw %}") == "{{ not a tag }} {% if %}")
        #expect(rendered("{%- raw -%}  {{ x }}  {%- endraw -%}") == "{{ x }}")
    }

    @Test func macros() {
        let t = "{% macro person(p, title='г-н') %}{{ title }} {{ p.name }}{% endmacro %}{{ person(a) }}; {{ person(b, title='г-жа') }}"
        #expect(rendered(t, ["a": ["name": "Иванов"], "b": ["name": "Петрова"]]) == "г-н Иванов; г-жа Петрова")
    }

    @Test func macroOutputIsNotEscapedTwice() {
        let opts = RenderOptions(escape: { (s: String) throws(TemplateCallError) -> String in s.replacing("&", with: "&amp;") })
        let t = "{% macro m(x) %}{{ x }} & co{% endmacro %}{{ m('A&B') }}"
        #expect(rendered(t, options: opts) == "A&amp;B & co")
    }

    @Test func macroRecursionIsBounded() {
        let r = outcome("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}")
        #expect(r.errors.map(\.message).contains("macros call each other more than 50 levels deep"))
    }
}

