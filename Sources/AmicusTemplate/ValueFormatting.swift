/// How values print and compare. Printing follows Jinja (and so Python): ints as ints, floats like Python's
/// `repr` (`2.5`, `1.0`, `1e+16`), booleans `True`/`False`, lists and mappings as Python literals, dates as ISO.

extension Value {
    /// Python truthiness: none, false, 0, 0.0, "", [] and {} are false.
    var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .date: return true
        case .list(let l): return !l.isEmpty
        case .dict(let d): return !d.isEmpty
        }
    }

    /// The name used in type errors: `cannot add int and string`.
    public var typeName: String {
        switch self {
        case .none: return "none"
        case .bool: return "boolean"
        case .int: return "int"
        case .double: return "float"
        case .string: return "string"
        case .date: return "date"
        case .list: return "list"
        case .dict: return "mapping"
        }
    }

    /// A short description of a value for an error message: `"15 feb"`, `int 5`, `a list of 3 items`.
    var shortDescription: String {
        switch self {
        case .none: return "none (null)"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "int \(i)"
        case .double: return "float \(printed)"
        case .string(let s):
            var shown = s
            if shown.unicodeScalars.count > 60 { shown = String(shown.prefix(57)) + "…" }
            return "\"\(shown)\""
        case .date(let d): return "date \(d.isoString)"
        case .list(let l): return "a list of \(l.count) item\(l.count == 1 ? "" : "s")"
        case .dict(let d): return "a mapping of \(d.count) key\(d.count == 1 ? "" : "s")"
        }
    }

    /// The text `{{ }}` prints (Python's `str()`).
    public var printed: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return pythonFloat(d)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .date(let d): return d.isoString
        case .list, .dict: return pythonRepr(self)
        }
    }

    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }

    var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

extension CalendarDate {
    /// `2014-07-17`, or `2014-07-17 10:30` when the date has a time.
    var isoString: String {
        var s = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if let h = hour { s += " " + pad(h, 2) + ":" + pad(minute ?? 0, 2) }
        return s
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    // Written as ASCII digits straight into the string: dates print several of these per value.
    let magnitude = n.magnitude
    var digits = 1
    var rest = magnitude / 10
    while rest > 0 { digits += 1; rest /= 10 }
    let body = max(digits, width)
    let total = body + (n < 0 ? 1 : 0)
    return String(unsafeUninitializedCapacity: total) { buffer in
        var rest = magnitude
        for position in stride(from: total - 1, through: total - body, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        if n < 0 { buffer[0] = UInt8(ascii: "-") }
        return total
    }
}

/// Python's repr: strings quoted, lists `[...]`, mappings `{'k': v}`, none `None`.
func pythonRepr(_ v: Value, depth: Int = 0) -> String {
    if depth > 50 { return "..." }
    switch v {
    case .string(let s):
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(u) == quote { out += "\\" + String(quote) }
                else if u.value < 0x20 || u.value == 0x7F { out += "\\x" + pad2hex(u.value) }
                else { out.unicodeScalars.append(u) }
            }
        }
        out.append(quote)
        return out
    case .list(let l):
        return "[" + l.map { pythonRepr($0, depth: depth + 1) }.joined(separator: ", ") + "]"
    case .dict(let d):
        return "{" + d.map { pythonRepr(.string($0.key)) + ": " + pythonRepr($0.value, depth: depth + 1) }
            .joined(separator: ", ") + "}"
    case .date(let d):
        return "'" + d.isoString + "'"
    default:
        return v.printed
    }
}

private func pad2hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return s.count < 2 ? "0" + s : s
}

/// Formats a double like Python's `repr(float)`: shortest round-trip digits, `1.0` keeps its `.0`,
/// scientific notation below 1e-4 and from 1e16.
func pythonFloat(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    var s = d.description
    var negative = false
    if s.hasPrefix("-") { negative = true; s.removeFirst() }
    var mantissa = Substring(s)
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = s[..<e]
        exponent = Int(s[s.index(after: e)...]) ?? 0
    }
    var intPart = mantissa
    var frac: Substring = ""
    if let dot = mantissa.firstIndex(of: ".") {
        intPart = mantissa[..<dot]
        frac = mantissa[mantissa.index(after: dot)...]
    }
    var digits = Array(intPart + frac)
    var point = intPart.count + exponent
    while digits.count > 1, digits.first == "0" { digits.removeFirst(); point -= 1 }
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let sign = negative ? "-" : ""
    if digits == ["0"] { return sign + "0.0" }
    let exp10 = point - 1
    if exp10 < -4 || exp10 >= 16 {
        var m = String(digits[0])
        if digits.count > 1 { m += "." + String(digits[1...]) }
        let e = abs(exp10)
        return sign + m + "e" + (exp10 < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }
    if point <= 0 {
        return sign + "0." + String(repeating: "0", count: -point) + String(digits)
    }
    if point >= digits.count {
        return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
    }
    return sign + String(digits[..<point]) + "." + String(digits[point...])
}

// MARK: - Equality and ordering

/// Python equality: 1 == 1.0; values of different types are simply unequal.
func valuesEqual(_ a: Value, _ b: Value, depth: Int = 0) -> Bool {
    if depth > 200 { return false }   // hostile nesting in data: never recurse without bound
    switch (a, b) {
    case (.int(let x), .double(let y)): return Double(x) == y
    case (.double(let x), .int(let y)): return x == Double(y)
    case (.list(let x), .list(let y)):
        guard x.count == y.count else { return false }
        for i in x.indices where !valuesEqual(x[i], y[i], depth: depth + 1) { return false }
        return true
    case (.dict(let x), .dict(let y)):
        // As in Python, key order does not matter.
        guard x.count == y.count else { return false }
        for (k, v) in x {
            guard let w = y[k], valuesEqual(v, w, depth: depth + 1) else { return false }
        }
        return true
    case (.date(let x), .string(let y)), (.string(let y), .date(let x)):
        // A date in case data equals the same date written as text in the template.
        if let d = parseDateString(y) { return d == x }
        return false
    default:
        return a == b
    }
}

/// Ordering for `<`, `sort`, `min`, `max`. Nil when the two values cannot be compared (a type error).
func compareValues(_ a: Value, _ b: Value, caseSensitive: Bool = true, depth: Int = 0) -> Int? {
    if depth > 200 { return nil }
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
    case _ where a.isNumber && b.isNumber:
        let x = a.asDouble!, y = b.asDouble!
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.string(var x), .string(var y)):
        if !caseSensitive { x = x.lowercased(); y = y.lowercased() }
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.date(let x), .date(let y)):
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.date(let x), .string(let s)):
        guard let y = parseDateString(s) else { return nil }
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.string(let s), .date(let y)):
        guard let x = parseDateString(s) else { return nil }
        return x < y ? -1 : (x > y ? 1 : 0)
    case (.list(let x), .list(let y)):
        for i in 0..<min(x.count, y.count) {
            guard let c = compareValues(x[i], y[i], caseSensitive: caseSensitive, depth: depth + 1) else { return nil }
            if c != 0 { return c }
        }
        return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
    default:
        return nil
    }
}
