/// String helpers with Python's semantics, written without Foundation.

/// Jinja's `title`: the first letter of each word upper-case, the rest lower-case; words begin after whitespace,
/// `-`, `(`, `{`, `[` and `<`.
func titleCase(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    var atWordStart = true
    for c in s {
        if c.isWhitespace || c == "-" || c == "(" || c == "{" || c == "[" || c == "<" {
            out.append(c)
            atWordStart = true
        } else if atWordStart {
            out += String(c).uppercased()
            atWordStart = false
        } else {
            out += String(c).lowercased()
        }
    }
    return out
}

/// First character upper-case, the rest lower-case.
func capitalize(_ s: String) -> String {
    guard let first = s.first else { return s }
    return String(first).uppercased() + s.dropFirst().lowercased()
}

func isPythonSpace(_ u: Unicode.Scalar) -> Bool {
    u.properties.isWhitespace || (u.value >= 0x1C && u.value <= 0x1F)
}

/// Python's `strip`/`lstrip`/`rstrip`: whitespace, or any of `chars`.
func stripChars(_ s: String, _ chars: String?, leading: Bool, trailing: Bool) -> String {
    let set = chars.map { Set($0.unicodeScalars) }
    func strip(_ u: Unicode.Scalar) -> Bool { set.map { $0.contains(u) } ?? isPythonSpace(u) }
    let scalars = Array(s.unicodeScalars)
    var a = 0, b = scalars.count
    if leading { while a < b, strip(scalars[a]) { a += 1 } }
    if trailing { while b > a, strip(scalars[b - 1]) { b -= 1 } }
    if a == 0 && b == scalars.count { return s }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[a..<b])
    return String(out)
}

/// Python's `split`: with no separator, runs of whitespace separate and empty parts are dropped.
func splitString(_ s: String, _ sep: String?, maxSplit: Int) -> [String] {
    if let sep, !sep.isEmpty {
        let h = Array(s.utf8), n = Array(sep.utf8)
        var parts: [String] = []
        var start = 0
        var splits = 0
        while maxSplit < 0 || splits < maxSplit, let i = findBytes(h, n, from: start) {
            parts.append(String(decoding: h[start..<i], as: UTF8.self))
            start = i + n.count
            splits += 1
        }
        parts.append(String(decoding: h[start...], as: UTF8.self))
        return parts
    }
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    var inWord = false
    var splits = 0
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
        let u = scalars[i]
        if isPythonSpace(u) {
            if inWord {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                inWord = false
                splits += 1
                if maxSplit >= 0 && splits >= maxSplit {
                    var j = i
                    while j < scalars.count, isPythonSpace(scalars[j]) { j += 1 }
                    if j < scalars.count {
                        var rest = String.UnicodeScalarView()
                        rest.append(contentsOf: scalars[j...])
                        parts.append(String(rest))
                    }
                    return parts
                }
            }
        } else {
            current.append(u)
            inWord = true
        }
        i += 1
    }
    if inWord { parts.append(String(current)) }
    return parts
}

/// Python's `replace` (on code points; an empty `old` inserts between characters).
func replaceString(_ s: String, _ old: String, _ new: String, count: Int = -1) -> String {
    if old.isEmpty {
        var out = ""
        var done = 0
        if count != 0 { out += new; done = 1 }
        for u in s.unicodeScalars {
            out.unicodeScalars.append(u)
            if count < 0 || done < count { out += new; done += 1 }
        }
        return out
    }
    let h = Array(s.utf8), n = Array(old.utf8), r = Array(new.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(h.count)
    var start = 0
    var done = 0
    while count < 0 || done < count, let i = findBytes(h, n, from: start) {
        out.append(contentsOf: h[start..<i])
        out.append(contentsOf: r)
        start = i + n.count
        done += 1
    }
    if done == 0 { return s }
    out.append(contentsOf: h[start...])
    return String(decoding: out, as: UTF8.self)
}

func countOccurrences(_ s: String, _ sub: String) -> Int {
    if sub.isEmpty { return s.unicodeScalars.count + 1 }
    let h = Array(s.utf8), n = Array(sub.utf8)
    var c = 0, start = 0
    while let i = findBytes(h, n, from: start) { c += 1; start = i + n.count }
    return c
}

/// Python's `str.format` for `{}`, `{0}`, `{name}` and `{{`/`}}`; format specs `:…` are handled like printf
/// (`{:.2f}`, `{:>5}` is not supported).
func braceFormat(_ fmt: String, _ args: [Value], _ kwargs: [(String, Value)]) throws(TemplateCallError) -> String {
    var out = ""
    var auto = 0
    let chars = Array(fmt)
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if c == "{" {
            if i + 1 < chars.count, chars[i + 1] == "{" { out.append("{"); i += 2; continue }
            guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                throw TemplateCallError("format string '\(fmt)' has an unclosed '{'")
            }
            var field = String(chars[(i + 1)..<close])
            var spec = ""
            if let colon = field.firstIndex(of: ":") {
                spec = String(field[field.index(after: colon)...])
                field = String(field[..<colon])
            }
            let v: Value
            if field.isEmpty {
                guard auto < args.count else { throw TemplateCallError("format string '\(fmt)' needs more arguments") }
                v = args[auto]; auto += 1
            } else if let n = Int(field) {
                guard n >= 0, n < args.count else { throw TemplateCallError("format string '\(fmt)' refers to argument \(n), which is missing") }
                v = args[n]
            } else {
                guard let kv = kwargs.first(where: { $0.0 == field }) else {
                    throw TemplateCallError("format string '\(fmt)' refers to '\(field)', which is not given")
                }
                v = kv.1
            }
            if spec.isEmpty {
                out += v.printed
            } else {
                out += try printfFormat("%" + spec, [v], [])
            }
            i = close + 1
            continue
        }
        if c == "}" {
            if i + 1 < chars.count, chars[i + 1] == "}" { out.append("}"); i += 2; continue }
            throw TemplateCallError("format string '\(fmt)' has a single '}'")
        }
        out.append(c)
        i += 1
    }
    return out
}
