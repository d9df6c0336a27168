import Testing
import AmicusTemplate

/// Jinja defaults: no trim_blocks, no lstrip_blocks; `-` strips all whitespace, newlines included, on its side.
@Suite struct WhitespaceControlTests {
    @Test func noTrimmingByDefault() {
        #expect(rendered("a\n{% if true %}\nb\n{% endif %}\nc") == "a\n\nb\n\nc")
    }

    @Test func stripLeft() {
        #expect(rendered("a \n\t {{- 'b' }}") == "ab")
        #expect(rendered("a \n {%- if true %}b{% endif %}") == "ab")
        #expect(rendered("a \n {#- c #}b") == "ab")
    }

    @Test func stripRight() {
        #expect(rendered("{{ 'a' -}} \n\n b") == "ab")
        #expect(rendered("{% if true -%}\n  b{% endif %}") == "b")
        #expect(rendered("{# c -#}\n  b") == "b")
    }

    @Test func bothSidesInLoops() {
        let t = "<ul>\n  {%- for x in xs %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>"
        #expect(rendered(t, ["xs": [1, 2]]) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
    }

    @Test func documentedExample() {
        let t = "Children:\n{%- for c in children %} {{ c.name }}{% if not loop.last %},{% endif %}{%- endfor %}."
        #expect(rendered(t, ["children": [["name": "Ann"], ["name": "Boris"]]]) == "Children: Ann, Boris.")
    }

    @Test func unicodeWhitespaceIsStrippedToo() {
        // Word likes non-breaking spaces; Jinja's \s matches them.
        #expect(rendered("a\u{00A0}\u{2003} {{- 'b' -}} \u{00A0}c") == "abc")
    }

    @Test func plusIsAccepted() {
        #expect(rendered("a {%+ if true +%} b{% endif %}") == "a  b")
    }

    @Test func minusInsideExpressionIsSubtraction() {
        #expect(rendered("{{ 5 - 3 }}|{{ -3 }}|{{- 4 -}}|") == "2|-3|4|")
    }
}
