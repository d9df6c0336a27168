import AmicusTemplate

/// How a printed value becomes XML. Values are text, never markup: every `&`, `<`, `>` and `"` is escaped, a
/// newline becomes the format's line break and a tab its tab, and a character XML cannot hold is refused rather
/// than written into a file that will not open.
enum OutputEscaping {
    /// XML for text inside a run: `breakMarkup`/`tabMarkup` close the current text element, insert the break,
    /// and reopen it (`</w:t><w:br/><w:t xml:space="preserve">` in WordprocessingML).
    static func textEscaper(breakMarkup: String?, tabMarkup: String?) -> OutputEscaper {
        return { (text: String) throws(TemplateCallError) -> String in
            try escape(text, breakMarkup: breakMarkup, tabMarkup: tabMarkup)
        }
    }

    static func escape(_ text: String, breakMarkup: String?, tabMarkup: String?) throws(TemplateCallError) -> String {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var out = String()
        out.reserveCapacity(text.utf8.count + 16)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n":
                if previousWasCR { continue }
                out += breakMarkup ?? "\n"
            case "\r", "\u{000B}": out += breakMarkup ?? "\n"
            case "\t": out += tabMarkup ?? "\t"
            case "\u{FFFE}", "\u{FFFF}":
                throw TemplateCallError("contains U+\(hex(scalar)), which a document cannot hold")
            default:
                if scalar.value < 0x20 {
                    throw TemplateCallError("contains the control character U+\(hex(scalar)), which a document cannot hold")
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
