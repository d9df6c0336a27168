import Testing
import AmicusTemplate

/// Every syntax error of a source is reported at once, each at an exact UTF-8 offset with line, column (in
/// characters) and the byte range of the whole tag.
@Suite struct SyntaxErrorTests {
    @Test func severalErrorsInAMultilineMultibyteSource() {
        let src = "Заявитель 👩‍👧: {{ name }\nстрока {% iff x %}\n{% for x in xs %}{{ x }}\n{% endif %}\n{{ 1 + }}\n{% endfor %}{% endfor %}"
        let d = syntaxErrors(src)
        #expect(d.map(\.message) == [
            "'{{' is never closed (missing '}}')",
            "unknown tag 'iff' (did you mean 'if'?)",
            "'endif' without a matching 'if'",
            "expected an expression, got end of tag",
            "'endfor' without a matching 'for'",
        ])
        #expect(d.map(\.location.offset) == [32, 58, 95, 111, 129])
        #expect(d.map(\.location.line) == [1, 2, 4, 5, 6])
        #expect(d.map(\.location.column) == [14, 11, 4, 8, 16])
        #expect(d.map(\.tagRange) == [32..<55, 55..<66, 92..<103, 104..<113, 126..<138])
        #expect(d.allSatisfy { $0.kind == .syntax })
        // The offsets point at what they name.
        let bytes = Array(src.utf8)
        #expect(String(decoding: bytes[58..<61], as: UTF8.self) == "iff")
        #expect(String(decoding: bytes[126..<138], as: UTF8.self) == "{% endfor %}")
    }

    @Test func columnsCountCharactersNotBytes() {
        let src = "😀😀 ё {{ 1 + }}"
        let d = syntaxErrors(src)
        #expect(d.count == 1)
        #expect(d[0].location.column == 13)
        #expect(d[0].location.offset == offset(of: "}}", in: src))
        #expect(d[0].tagRange == offset(of: "{{", in: src)..<src.utf8.count)
    }

    @Test func unclosedBlockIsReportedAtItsOpeningTag() {
        let src = "Начало\n{% for c in children %}\n{{ c }}\n{% if c.age %}x{% endif %}\nконец"
        let d = syntaxErrors(src)
        #expect(d.map(\.message) == ["'for' is never closed (missing '{% endfor %}')"])
        #expect(d[0].location.line == 2)
        #expect(d[0].location.column == 1)
        #expect(d[0].tagRange == offset(of: "{% for", in: src)..<(offset(of: "children %}", in: src) + 11))
    }

    @Test func innerBlockLeftOpenIsReportedWhenTheOuterCloses() {
        let src = "{% if a %}\n{% for x in y %}\n{% endif %}"
        let d = syntaxErrors(src)
        #expect(d.map(\.message) == ["'for' is never closed (missing '{% endfor %}' before '{% endif %}')"])
        #expect(d.map(\.location.line) == [2])
    }

    @Test func badFilterCallsAreCaughtAtParseTime() {
        let src = "{{ x|upper(1) }} {{ x|replace('a') }} {{ x|sort(foo=1) }} {{ x is nonsense }} {{ x|truncate(1, 2, 3, 4, 5) }}"
        let d = syntaxErrors(src)
        #expect(d.map(\.message) == [
            "filter 'upper' takes no arguments, got 1",
            "filter 'replace' needs argument 'new'",
            "filter 'sort' has no argument 'foo'",
            "unknown test 'nonsense'",
            "filter 'truncate' takes at most 4 arguments (length, killwords, end, leeway), got 5",
        ])
        #expect(d.map(\.location.offset) == [offset(of: "upper", in: src), offset(of: "replace", in: src), offset(of: "sort", in: src), offset(of: "nonsense", in: src), offset(of: "truncate", in: src)])
    }

    @Test func unknownFiltersAtParseTimeWhenTheKnownOnesAreGiven() {
        do {
            _ = try Template(source: "{{ x|uper }} {{ x|cite }} {{ x|footnote }}", knownFilters: ["footnote"])
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["unknown filter 'uper' (did you mean 'upper'?)", "unknown filter 'cite'"])
            #expect(error.diagnostics.map(\.location.offset) == [5, 18])
        }
    }

    @Test func emptyAndMalformedTags() {
        let d = syntaxErrors("{% if %}{% endif %}{{ }}{% %}{% set %}{% for in x %}{% endfor %}")
        #expect(d.map(\.message) == [
            "expected an expression, got end of tag",
            "empty expression in '{{ }}'",
            "empty tag '{% %}'",
            "expected a name, got end of tag",
            "'in' cannot be a loop variable",
        ])
    }

    @Test func badExpressionsPointAtTheOffendingToken() {
        let src = "{{ a.b( }} {{ a[1 }} {{ (1 }} {{ 1 2 }} {{ a. }} {{ 1x }} {{ § }} {{ a = 1 }}"
        let d = syntaxErrors(src)
        #expect(d.map(\.message) == [
            "expected an expression, got end of tag",
            "expected ']' or ':', got end of tag",
            "expected ')', got end of tag",
            "unexpected number 2; expected end of tag",
            "expected an attribute name after '.', got end of tag",
            "invalid number '1x'",
            "unexpected character '§' (U+00A7) in tag",
            "unexpected '='; expected end of tag",
        ])
        #expect(d[3].location.offset == offset(of: "2", in: src))
        #expect(d[6].location.offset == offset(of: "§", in: src))
    }

    @Test func unterminatedThings() {
        let a = syntaxErrors("{{ 'abc }} text {{ y }}")
        #expect(a.map(\.message) == ["unterminated string"])
        #expect(a[0].location.offset == 3)
        #expect(syntaxErrors("{# unclosed comment {{ x }}").map(\.message) == ["unclosed comment: '{#' without a matching '#}'"])
        #expect(syntaxErrors("{% raw %} never closed").map(\.message) == ["'raw' is never closed (missing '{% endraw %}')"])
        #expect(syntaxErrors("text {% if x").map(\.message) == ["'{%' is never closed (missing '%}')"])
        #expect(syntaxErrors("text {{ x").map(\.location.offset) == [5])
    }

    @Test func strayAndUnsupportedTags() {
        let d = syntaxErrors("{% include 'x' %}{% endraw %}{% else %}{% elif x %}{% macro m( %}{% endmacro %}{% if x %}a{% else %}b{% else %}c{% endif %}{% for x in y recursive %}{% endfor %}")
        #expect(d.map(\.message) == [
            "the 'include' tag is not supported",
            "'endraw' without a matching 'raw'",
            "'else' without a matching 'if' or 'for'",
            "'elif' without a matching 'if'",
            "expected a name, got end of tag",
            "'if' already has an 'else'",
            "recursive loops are not supported",
        ])
    }

    @Test func brokenOpeningTagStillOpensItsBlock() {
        // Only the bad expression is reported: the endif/endfor are not stray.
        #expect(syntaxErrors("{% if 1 + %}x{% endif %}{% for x in 'abc %}{% endfor %}").map(\.message) == ["expected an expression, got end of tag", "unterminated string"])
    }

    @Test func setBlockIsNotSupported() {
        #expect(syntaxErrors("{% set x %}a{% endset %}").map(\.message) == ["'{% set x %}…{% endset %}' blocks are not supported; use '{% set x = … %}'", "the 'endset' tag is not supported"])
    }
}
