import Testing
import AmicusTemplate

/// A stand-in for the DOCX escaper: XML-escapes, turns newlines into breaks, refuses control characters.
@Sendable func xmlEscaper(_ text: String) throws(TemplateCallError) -> String {
    var out = ""
    for u in text.unicodeScalars {
        switch u {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\n": out += "<w:br/>"
        default:
            if u.value < 0x20, u != "\t" {
                let hex = String(u.value, radix: 16, uppercase: true)
                throw TemplateCallError("contains U+\(String(repeating: "0", count: 4 - hex.count) + hex), which the document cannot hold")
            }
            out.unicodeScalars.append(u)
        }
    }
    return out
}

@Suite struct EscapingTests {
    let options = RenderOptions(escape: xmlEscaper)

    @Test func everyOutputIsEscapedButLiteralTextIsNot() {
        let r = outcome("<w:t>{{ name }} & {{ 'a<b' }}</w:t>", ["name": "Smith & Sons\nLtd"], options: options)
        #expect(r.output == "<w:t>Smith &amp; Sons<w:br/>Ltd & a&lt;b</w:t>")
    }

    @Test func numbersAndBooleansGoThroughTheEscaperToo() {
        #expect(rendered("{{ 1 }}{{ true }}", options: RenderOptions(escape: { (s: String) throws(TemplateCallError) -> String in "[" + s + "]" })) == "[1][True]")
    }

    @Test func escaperErrorNamesTheField() {
        let src = "Имя: {{ applicant.name }}\nПодпись: {{ applicant.name | upper }}"
        let r = outcome(src, ["applicant": ["name": "Ann\u{07}a"]], options: options)
        #expect(r.errors.map(\.message) == [
            "value of 'applicant.name' contains U+0007, which the document cannot hold",
            "value of 'applicant.name | upper' contains U+0007, which the document cannot hold",
        ])
        #expect(r.errors.map(\.kind) == [.value, .value])
        #expect(r.errors.map(\.location.line) == [1, 2])
        #expect(r.errors[0].location.offset == offset(of: "applicant.name", in: src))
        #expect(r.errors[0].tagRange == offset(of: "{{", in: src)..<(offset(of: "}}", in: src) + 2))
        #expect(r.output == "Имя: \nПодпись: ")
    }

    @Test func escapeAndSafeDoNotBypassTheEscaper() {
        let r = outcome("{{ x|safe }}|{{ x|e }}|{{ x|escape|safe }}", ["x": "<b>"], options: options)
        #expect(r.output == "&lt;b&gt;|&lt;b&gt;|&lt;b&gt;")
        let bad = outcome("{{ x|safe }}", ["x": "\u{01}"], options: options)
        #expect(bad.errors.count == 1)
    }

    @Test func rawTextIsLiteral() {
        #expect(rendered("{% raw %}<{{ x }}>{% endraw %}", options: options) == "<{{ x }}>")
    }
}
