/// Recognises the two ways dates are written in case files: ISO `2016-02-15` (what YAML calls a timestamp,
/// optionally with ` 10:30` or `T10:30:05`) and the Russian court style `15.02.2016` (optionally ` 10:30`).
///
/// The shape is checked first and the calendar second, so `31.02.2016` is recognised as a date that does not
/// exist (an error worth reporting) rather than quietly kept as text.
enum DateSyntax {
    enum Match: Equatable {
        /// Not shaped like a date at all.
        case none
        case date(CaseDate)
        /// Shaped like a date, but no such day or time exists; the reason is for the message.
        case impossible(String)
    }

    enum Form { case iso, russian }

    static func match(_ text: String, forms: Set<Form> = [.iso, .russian]) -> Match {
        let bytes = Array(text.utf8)
        if forms.contains(.iso), let parts = isoParts(bytes) { return build(parts) }
        if forms.contains(.russian), let parts = russianParts(bytes) { return build(parts) }
        return .none
    }

    private struct Parts {
        var year = 0, month = 0, day = 0
        var hour: Int?, minute: Int?, second: Int?
    }

    private static func build(_ p: Parts) -> Match {
        if let reason = CaseDate.problem(year: p.year, month: p.month, day: p.day,
                                         hour: p.hour, minute: p.minute, second: p.second) {
            return .impossible(reason)
        }
        // Cannot fail: the problem check above is the initializer's own.
        guard let date = CaseDate(year: p.year, month: p.month, day: p.day,
                                  hour: p.hour, minute: p.minute, second: p.second) else { return .none }
        return .date(date)
    }

    /// `YYYY-MM-DD`, then optionally a `T`/`t` or spaces and `H:MM`, `HH:MM` or `HH:MM:SS`.
    private static func isoParts(_ b: [UInt8]) -> Parts? {
        var scanner = ByteScanner(bytes: b)
        var parts = Parts()
        guard let year = scanner.digits(exactly: 4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(exactly: 2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(exactly: 2) else { return nil }
        (parts.year, parts.month, parts.day) = (year, month, day)
        if scanner.atEnd { return parts }
        if !scanner.take(UInt8(ascii: "T")) && !scanner.take(UInt8(ascii: "t")) {
            guard scanner.skipSpaces() else { return nil }
        }
        guard time(&scanner, into: &parts), scanner.atEnd else { return nil }
        return parts
    }

    /// `DD.MM.YYYY`, then optionally spaces and `HH:MM` or `HH:MM:SS`.
    private static func russianParts(_ b: [UInt8]) -> Parts? {
        var scanner = ByteScanner(bytes: b)
        var parts = Parts()
        guard let day = scanner.digits(exactly: 2), scanner.take(UInt8(ascii: ".")),
              let month = scanner.digits(exactly: 2), scanner.take(UInt8(ascii: ".")),
              let year = scanner.digits(exactly: 4) else { return nil }
        (parts.year, parts.month, parts.day) = (year, month, day)
        if scanner.atEnd { return parts }
        guard scanner.skipSpaces(), time(&scanner, into: &parts), scanner.atEnd else { return nil }
        return parts
    }

    private static func time(_ scanner: inout ByteScanner, into parts: inout Parts) -> Bool {
        guard let hour = scanner.digits(from: 1, to: 2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(exactly: 2) else { return false }
        parts.hour = hour
        parts.minute = minute
        if scanner.take(UInt8(ascii: ":")) {
            guard let second = scanner.digits(exactly: 2) else { return false }
            parts.second = second
        }
        return true
    }
}

/// A tiny cursor over ASCII bytes for the fixed-shape formats above.
struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Skips one or more spaces or tabs; false if there was none.
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index > start
    }

    mutating func digits(exactly count: Int) -> Int? { digits(from: count, to: count) }

    mutating func digits(from low: Int, to high: Int) -> Int? {
        var value = 0
        var taken = 0
        while taken < high, index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            taken += 1
        }
        return taken >= low ? value : nil
    }
}
