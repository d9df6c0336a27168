/// Markup that is safe to send: literal text in the source is taken as markup, and every interpolated `String`
/// is escaped, so a value from a case file, a precedent record or a request can never become markup. Only
/// another `HTML` value is inserted as it is.
struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    private(set) var markup: String

    init(markup: String) { self.markup = markup }
    init(stringLiteral value: String) { self.markup = value }
    init(stringInterpolation: Interpolation) { self.markup = stringInterpolation.markup }

    var description: String { markup }

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""
        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        mutating func appendInterpolation(_ text: Substring) { markup += HTML.escape(String(text)) }
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        /// Markup built the same way: inserted as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
        mutating func appendInterpolation(_ html: HTML?) { if let html { markup += html.markup } }
    }

    static func + (left: HTML, right: HTML) -> HTML { HTML(markup: left.markup + right.markup) }
    static func += (left: inout HTML, right: HTML) { left.markup += right.markup }

    /// Escapes the five characters that matter in text and in double- or single-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = "") -> HTML {
        HTML(markup: map(\.markup).joined(separator: separator.markup))
    }
}
