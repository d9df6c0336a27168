import Testing
import AmicusTemplate

/// Render-time diagnostics carry exact UTF-8 offsets, lines, character columns and tag ranges.
@Suite struct RenderLocationTests {
    @Test func multibyteMultilineSource() {
        let src = "Жалоба 👩‍👧\n{% for c in дети %}\n  Ребёнок: {{ c.имя }}, {{ c.возраст + 'x' }}\n{% endfor %}\n{% if заявитель.тел > 3 %}x{% endif %}"
        let r = outcome(src, ["дети": [["имя": "Анна", "возраст": 5]], "заявитель": ["тел": nil]])
        #expect(r.errors.map(\.message) == ["cannot add int and string in 'c.возраст + 'x''", "'заявитель.тел' is empty (null)"])
        let first = r.errors[0], second = r.errors[1]
        #expect(first.location.offset == offset(of: "c.возраст", in: src))
        #expect(first.location.line == 3)
        #expect(first.location.column == 28)
        #expect(first.tagRange == offset(of: "{{ c.возраст", in: src)..<(offset(of: "'x' }}", in: src) + 6))
        #expect(second.location.line == 5)
        #expect(second.location.column == 7)
        #expect(second.tagRange == offset(of: "{% if", in: src)..<(offset(of: "> 3 %}", in: src) + 6))
        #expect(r.output == "Жалоба 👩‍👧\n\n  Ребёнок: Анна, \n\n")
    }

    @Test func loopHeaderErrorsPointAtTheLoopTag() {
        let src = "a\n{% for x in xs if x.ok > 1 %}{% endfor %}"
        let r = outcome(src, ["xs": [["ok": "yes"]]])
        #expect(r.errors.map(\.message) == ["cannot compare string and int ('x.ok' > '1')"])
        #expect(r.errors[0].tagRange == 2..<src.utf8.count - 12)
        #expect(r.errors[0].location.line == 2)
    }

    @Test func elifConditionErrorsPointAtTheElifTag() {
        let src = "{% if false %}{% elif x + 1 %}{% endif %}"
        let r = outcome(src)
        #expect(r.errors[0].tagRange == 14..<30)
        #expect(r.errors[0].location.offset == 22)
    }

    @Test func errorsInsideMacrosPointInsideTheMacro() {
        let src = "{% macro m() %}{{ nope }}{% endmacro %}\n{{ m() }}"
        let r = outcome(src)
        #expect(r.errors.map(\.message) == ["undefined name 'nope'"])
        #expect(r.errors[0].location.offset == 18)
        #expect(r.errors[0].tagRange == 15..<25)
    }
}
