/// Decides what a YAML scalar means, under one rule: the lawyer's characters must survive. A value becomes a
/// number, a boolean, null or a date only when that reading cannot lose or change what was typed; everything
/// else stays text, exactly as written.
///
/// - Booleans are YAML 1.2 core (`true`, `false`, and their `True`/`TRUE` spellings). YAML 1.1's `yes`, `no`,
///   `on`, `off` stay text, so `country: NO` is Norway and not false.
/// - Null is `~`, `null` (`Null`, `NULL`) or nothing at all.
/// - A plain integer is a number only if printing it back gives the same text: `0123`, `+79001234567`,
///   `1_000`, `-0` and numbers too big for 64 bits stay text.
/// - A plain decimal is a number only if its shortest printing is the same text: `2.5` is, `1.10`, `1e3`,
///   `.5`, `.inf` are not.
/// - Plain `2016-02-15` (with an optional time) and `15.02.2016`, plain or quoted, are dates; an impossible one
///   is an error. Any other quoted or block scalar is text.
enum ScalarTyping {
    enum Style { case plain, quoted, block }

    enum Outcome: Equatable {
        case value(CaseValue)
        /// Written as a date, but no such date exists.
        case impossibleDate(String)
    }

    static func type(_ text: String, style: Style) -> Outcome {
        switch style {
        case .block:
            return .value(.string(text))
        case .quoted:
            switch DateSyntax.match(text, forms: [.russian]) {
            case .date(let date): return .value(.date(date))
            case .impossible(let reason): return .impossibleDate(reason)
            case .none: return .value(.string(text))
            }
        case .plain:
            return typePlain(text)
        }
    }

    private static func typePlain(_ text: String) -> Outcome {
        switch text {
        case "", "~", "null", "Null", "NULL": return .value(.null)
        case "true", "True", "TRUE": return .value(.bool(true))
        case "false", "False", "FALSE": return .value(.bool(false))
        default: break
        }
        guard let first = text.utf8.first else { return .value(.string(text)) }
        let startsNumeric = (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: "-")
        guard startsNumeric else { return .value(.string(text)) }
        if let number = exactInt(text) { return .value(.int(number)) }
        if let number = exactDouble(text) { return .value(.double(number)) }
        switch DateSyntax.match(text) {
        case .date(let date): return .value(.date(date))
        case .impossible(let reason): return .impossibleDate(reason)
        case .none: return .value(.string(text))
        }
    }

    /// The integer `text` spells, if printing that integer gives `text` back.
    static func exactInt(_ text: String) -> Int? {
        guard let number = Int(text), String(number) == text else { return nil }
        return number
    }

    /// The decimal `text` spells (digits, a point, digits; optional minus), if its shortest printing gives
    /// `text` back. Exponents, infinities and NaN are never read as numbers.
    static func exactDouble(_ text: String) -> Double? {
        var sawPoint = false
        var digitsBefore = 0
        var digitsAfter = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0: continue
            case UInt8(ascii: "."):
                if sawPoint { return nil }
                sawPoint = true
            case 0x30...0x39:
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default:
                return nil
            }
        }
        guard sawPoint, digitsBefore > 0, digitsAfter > 0,
              let number = Double(text), number.isFinite, String(number) == text else { return nil }
        return number
    }

    /// Why a plain number-looking text was kept as text, for messages on `int` and `number` fields.
    static func numberHint(_ text: String) -> String? {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        if text.hasPrefix("+") { return "a leading + would be lost" }
        if body.contains("_") { return "write it without _" }
        if body.count > 1, body.hasPrefix("0"), !body.hasPrefix("0.") { return "a leading zero would be lost" }
        if body.contains("e") || body.contains("E") { return "write the number out in full, without an exponent" }
        if body.contains("."), body.hasSuffix("0"), Double(text) != nil {
            return "trailing zeros after the decimal point would be lost"
        }
        if Int(text) == nil, body.allSatisfy({ $0.isASCII && $0.isNumber }), !body.isEmpty {
            return "the number is too large"
        }
        return nil
    }
}
