/// printf-style formatting as Python's `%` operator does it, for the `format` filter and `'%s' % x`.
/// Supports `%s %r %d %i %u %f %F %e %E %g %G %x %X %o %c %%`, the flags `- + 0 #` and space, width,
/// precision, `*`, and `%(name)s` with a mapping.

func printfFormat(_ fmt: String, _ args: [Value], _ kwargs: [(String, Value)]) throws(TemplateCallError) -> String {
    let chars = Array(fmt.unicodeScalars)
    var out = ""
    var argIndex = 0
    var i = 0
    func nextArg() throws(TemplateCallError) -> Value {
        guard argIndex < args.count else { throw TemplateCallError("not enough arguments for format string '\(fmt)'") }
        defer { argIndex += 1 }
        return args[argIndex]
    }
    var usedMapping = false
    while i < chars.count {
        let c = chars[i]
        if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
        i += 1
        guard i < chars.count else { throw TemplateCallError("format string '\(fmt)' ends with '%'") }
        var key: String? = nil
        if chars[i] == "(" {
            var j = i + 1
            var depth = 1
            while j < chars.count, depth > 0 {
                if chars[j] == "(" { depth += 1 }
                if chars[j] == ")" { depth -= 1 }
                j += 1
            }
            guard depth == 0 else { throw TemplateCallError("format string '\(fmt)' has an unclosed '%('") }
            var k = String.UnicodeScalarView()
            k.append(contentsOf: chars[(i + 1)..<(j - 1)])
            key = String(k)
            i = j
        }
        var left = false, plus = false, space = false, zero = false, alt = false
        while i < chars.count, "-+ 0#".unicodeScalars.contains(chars[i]) {
            switch chars[i] {
            case "-": left = true
            case "+": plus = true
            case " ": space = true
            case "0": zero = true
            default: alt = true
            }
            i += 1
        }
        var width = 0
        if i < chars.count, chars[i] == "*" {
            guard case .int(let w) = try nextArg() else { throw TemplateCallError("'*' width needs an int") }
            if w < 0 { left = true }
            width = Swift.min(w.magnitude, 10_000).toInt; i += 1
        }
        while i < chars.count, chars[i].isASCII, let d = Int(String(chars[i])) {
            width = min(width * 10 + d, 10_000); i += 1
        }
        var precision: Int? = nil
        if i < chars.count, chars[i] == "." {
            i += 1
            var p = 0
            if i < chars.count, chars[i] == "*" {
                guard case .int(let w) = try nextArg() else { throw TemplateCallError("'*' precision needs an int") }
                p = Swift.max(0, Swift.min(w, 1000)); i += 1
            }
            while i < chars.count, chars[i].isASCII, let d = Int(String(chars[i])) { p = min(p * 10 + d, 1000); i += 1 }
            precision = p
        }
        while i < chars.count, "hlL".unicodeScalars.contains(chars[i]) { i += 1 }
        guard i < chars.count else { throw TemplateCallError("incomplete format in '\(fmt)'") }
        let conv = chars[i]
        i += 1
        if conv == "%" { out += "%"; continue }
        let v: Value
        if let key {
            usedMapping = true
            guard let m = (kwargs.first { $0.0 == key })?.1 ?? {
                if case .dict(let d)? = args.first { return d[key] }
                return nil
            }() else { throw TemplateCallError("format string '\(fmt)' needs '\(key)'") }
            v = m
        } else {
            v = try nextArg()
        }
        var body: String
        var sign = ""
        func numberArg() throws(TemplateCallError) -> Double {
            switch v {
            case .int(let n): return Double(n)
            case .double(let d): return d
            case .bool(let b): return b ? 1 : 0
            case .string(let s):
                if let d = Double(s.trimmingASCIIWhitespace()) { return d }
                fallthrough
            default: throw TemplateCallError("%\(Character(conv)) format needs a number, got \(v.shortDescription)")
            }
        }
        switch conv {
        case "s":
            body = v.printed
            if let p = precision { body = String(body.prefix(p)) }
        case "r":
            body = pythonRepr(v)
            if let p = precision { body = String(body.prefix(p)) }
        case "d", "i", "u":
            let d = try numberArg()
            guard d.isFinite, abs(d) < 9.2e18 else { throw TemplateCallError("%d format needs a finite number") }
            let n: Int
            if case .int(let x) = v { n = x } else { n = Int(d.rounded(.towardZero)) }
            body = String(n.magnitude)
            if n < 0 { sign = "-" }
            if let p = precision, body.count < p { body = String(repeating: "0", count: p - body.count) + body }
        case "x", "X", "o":
            guard case .int(let n) = v else { throw TemplateCallError("%\(Character(conv)) format needs an int, got \(v.shortDescription)") }
            body = String(n.magnitude, radix: conv == "o" ? 8 : 16, uppercase: conv == "X")
            if alt { body = (conv == "o" ? "0o" : (conv == "X" ? "0X" : "0x")) + body }
            if n < 0 { sign = "-" }
        case "c":
            switch v {
            case .int(let n):
                guard let u = Unicode.Scalar(UInt32(clamping: n)) else { throw TemplateCallError("%c needs a valid code point") }
                body = String(Character(u))
            case .string(let s) where s.count == 1: body = s
            default: throw TemplateCallError("%c needs a character, got \(v.shortDescription)")
            }
        case "f", "F", "e", "E", "g", "G":
            let d = try numberArg()
            if d < 0 || (d == 0 && d.sign == .minus) { sign = "-" }
            body = formatFloat(abs(d), conv: Character(conv), precision: precision ?? 6, alt: alt)
        default:
            throw TemplateCallError("unsupported format character '\(Character(conv))' in '\(fmt)'")
        }
        if sign.isEmpty, conv != "s", conv != "r", conv != "c" {
            if plus { sign = "+" } else if space { sign = " " }
        }
        let total = sign.count + body.count
        if total < width {
            let padCount = width - total
            if left {
                out += sign + body + String(repeating: " ", count: padCount)
            } else if zero, conv != "s", conv != "r", conv != "c" {
                out += sign + String(repeating: "0", count: padCount) + body
            } else {
                out += String(repeating: " ", count: padCount) + sign + body
            }
        } else {
            out += sign + body
        }
    }
    if !usedMapping, argIndex < args.count, !(args.count == 1 && { if case .dict = args[0] { return true }; return false }()) {
        throw TemplateCallError("not all arguments converted in format string '\(fmt)'")
    }
    return out
}

extension UInt {
    fileprivate var toInt: Int { Int(self) }
}

/// Fixed, exponent or general notation for a non-negative double, exact to the requested precision.
func formatFloat(_ d: Double, conv: Character, precision: Int, alt: Bool = false) -> String {
    if d.isNaN { return conv.isUppercase ? "NAN" : "nan" }
    if d.isInfinite { return conv.isUppercase ? "INF" : "inf" }
    switch conv {
    case "f", "F":
        return fixedNotation(d, precision)
    case "e", "E":
        return expNotation(d, precision, upper: conv == "E")
    default:
        let p = precision == 0 ? 1 : precision
        let (_, exp) = decimalDigits(d, significant: p)
        if exp >= -4 && exp < p {
            var s = fixedNotation(d, p - 1 - exp)
            if !alt, s.contains(".") {
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s.removeLast() }
            }
            return s
        }
        var s = expNotation(d, p - 1, upper: conv == "G")
        if !alt, let eIndex = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mant = String(s[..<eIndex])
            let rest = s[eIndex...]
            if mant.contains(".") {
                while mant.hasSuffix("0") { mant.removeLast() }
                if mant.hasSuffix(".") { mant.removeLast() }
            }
            s = mant + rest
        }
        return s
    }
}

/// The exact decimal expansion of a non-negative double, as digits and the position of the decimal point.
/// Doubles are dyadic rationals, so the expansion terminates; this is exact, unlike repeated multiplication.
private func exactDecimal(_ d: Double) -> (digits: [UInt8], point: Int) {
    if d == 0 { return ([0], 1) }
    // d = significand * 2^exponent with an integer significand.
    let e = Int(d.exponent) - Double.significandBitCount
    let sig = d.significandBitPattern | (d.isNormal ? (UInt64(1) << UInt64(Double.significandBitCount)) : 0)
    let exponent = d.isNormal ? e : Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
    // Big number as little-endian base-1e9 limbs.
    var limbs: [UInt64] = [sig % 1_000_000_000, sig / 1_000_000_000 % 1_000_000_000, sig / 1_000_000_000_000_000_000]
    func trim() { while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() } }
    func mul(_ m: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let v = limbs[i] * m + carry
            limbs[i] = v % 1_000_000_000
            carry = v / 1_000_000_000
        }
        while carry > 0 { limbs.append(carry % 1_000_000_000); carry /= 1_000_000_000 }
    }
    var fractionDigits = 0
    if exponent >= 0 {
        for _ in 0..<exponent { mul(2) }
    } else {
        // x / 2^k = x * 5^k / 10^k
        for _ in 0..<(-exponent) { mul(5) }
        fractionDigits = -exponent
    }
    trim()
    var s = String(limbs.last!)
    for l in limbs.dropLast().reversed() {
        let part = String(l)
        s += String(repeating: "0", count: 9 - part.count) + part
    }
    var digits = Array(s.utf8).map { $0 - 48 }
    var point = digits.count - fractionDigits
    if point <= 0 {
        digits = [UInt8](repeating: 0, count: 1 - point) + digits
        point = 1
    }
    return (digits, point)
}

/// Rounds an exact decimal expansion at `keep` digits (half to even at an exact tie, as C's printf does).
private func roundDigits(_ digits: [UInt8], keep: Int) -> ([UInt8], carried: Bool) {
    if keep >= digits.count { return (digits + [UInt8](repeating: 0, count: keep - digits.count), false) }
    if keep < 0 { return ([], false) }
    var kept = Array(digits[0..<keep])
    let next = digits[keep]
    let restNonZero = digits[(keep + 1)...].contains { $0 != 0 }
    var roundUp = next > 5 || (next == 5 && (restNonZero || (kept.last.map { $0 % 2 == 1 } ?? false)))
    if keep == 0 { roundUp = next > 5 || (next == 5 && restNonZero) }
    var carried = false
    if roundUp {
        var i = kept.count - 1
        while i >= 0 {
            if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
        }
        if i < 0 { kept.insert(1, at: 0); carried = true }
    }
    return (kept, carried)
}

func fixedNotation(_ d: Double, _ precision: Int) -> String {
    let (digits, point) = exactDecimal(d)
    var (r, carried) = roundDigits(digits, keep: point + precision)
    var intCount = point + (carried ? 1 : 0)
    if r.isEmpty { r = [0]; intCount = 1 }
    while r.count < intCount + precision { r.append(0) }
    let intPart = intCount > 0 ? String(decoding: r[0..<intCount].map { $0 + 48 }, as: UTF8.self) : "0"
    var s = intPart.isEmpty ? "0" : intPart
    if s.count > 1 { while s.hasPrefix("0") && s.count > 1 { s.removeFirst() } }
    if precision > 0 {
        s += "." + String(decoding: r[intCount..<(intCount + precision)].map { $0 + 48 }, as: UTF8.self)
    }
    return s
}

/// Significant digits and the decimal exponent of the first one (after rounding).
func decimalDigits(_ d: Double, significant: Int) -> ([UInt8], Int) {
    if d == 0 { return ([UInt8](repeating: 0, count: significant), 0) }
    let (digits, point) = exactDecimal(d)
    let first = digits.firstIndex { $0 != 0 } ?? 0
    let significantDigits = Array(digits[first...])
    var exp = point - first - 1
    let (r, carried) = roundDigits(significantDigits, keep: significant)
    if carried { exp += 1 }
    return (Array(r.prefix(significant)), exp)
}

func expNotation(_ d: Double, _ precision: Int, upper: Bool) -> String {
    let (digits, exp) = decimalDigits(d, significant: precision + 1)
    var s = String(digits[0])
    if precision > 0 { s += "." + String(decoding: digits[1...].map { $0 + 48 }, as: UTF8.self) }
    let e = abs(exp)
    s += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    return s
}
