/// The lexer cuts a source into literal text and tags, and each tag into tokens.
///
/// It works on UTF-8 bytes, so every offset it hands out is a UTF-8 byte offset into the source: the DOCX layer
/// maps those back to the Word run where the user typed the tag. It never stops at the first problem: a broken tag
/// is reported and skipped, and lexing goes on at the next tag, so that every syntax error is reported at once.

/// One token inside a tag.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case name       // identifier or keyword (`if`, `and`, `true`…)
        case string     // `text` holds the decoded value
        case int        // `intValue`
        case float      // `doubleValue`
        case op         // `text` holds the operator: `+`, `//`, `(`, `|`, `==`…
        case end        // end of the tag (the close delimiter); `start` is where it begins
        case error      // a lexical error already reported: the rest of the tag is lost
    }
    var kind: Kind
    var start: Int
    var end: Int
    var text: String = ""
    var intValue: Int = 0
    var doubleValue: Double = 0

    func isName(_ s: String) -> Bool { kind == .name && text == s }
    func isOp(_ s: String) -> Bool { kind == .op && text == s }
}

/// A piece of the source: literal text, or a tag with its tokens.
enum Piece: Sendable {
    case text(String, start: Int)
    /// `{{ … }}`: `tag` is the UTF-8 range of the whole tag, braces included.
    case output(tag: Range<Int>, tokens: [Token])
    /// `{% … %}`
    case statement(tag: Range<Int>, tokens: [Token])
}

struct LexResult {
    var pieces: [Piece] = []
    var diagnostics: [(message: String, offset: Int, tag: Range<Int>?)] = []
}

struct Lexer {
    let bytes: [UInt8]
    var pieces: [Piece] = []
    var diagnostics: [(message: String, offset: Int, tag: Range<Int>?)] = []

    /// Raw text ranges awaiting whitespace control; turned into Strings at the end.
    private var parts: [Part] = []

    private enum Part {
        case text(start: Int, end: Int)
        case output(Range<Int>, [Token])
        case statement(Range<Int>, [Token])
    }
    /// Pending whitespace control: strip the leading whitespace of the next text part.
    private var stripNextText = false

    init(source: String) {
        bytes = Array(source.utf8)
    }

    static func lex(_ source: String) -> LexResult {
        var lexer = Lexer(source: source)
        lexer.run()
        return LexResult(pieces: lexer.pieces, diagnostics: lexer.diagnostics)
    }

    // MARK: - Top level

    private mutating func run() {
        let n = bytes.count
        var i = 0
        var textStart = 0
        while i < n {
            // Find the next "{" followed by "{", "%" or "#".
            guard let p = nextOpener(from: i) else { break }
            let kind = bytes[p + 1]
            let stripLeft = p + 2 < n && bytes[p + 2] == UInt8(ascii: "-")
            let plus = p + 2 < n && bytes[p + 2] == UInt8(ascii: "+")
            let bodyStart = p + 2 + (stripLeft || plus ? 1 : 0)

            if kind == UInt8(ascii: "#") {
                // Comment: find "#}".
                guard let close = find2(UInt8(ascii: "#"), UInt8(ascii: "}"), from: bodyStart) else {
                    report("unclosed comment: '{#' without a matching '#}'", at: p, tag: p..<n)
                    i = p + 2
                    continue
                }
                addText(textStart, p, stripRight: stripLeft)
                stripNextText = close > bodyStart && bytes[close - 1] == UInt8(ascii: "-")
                i = close + 2
                textStart = i
                continue
            }

            let isOutput = kind == UInt8(ascii: "{")
            switch lexTag(start: p, bodyStart: bodyStart, output: isOutput) {
            case .closed(let tokens, let tagEnd, let stripRight):
                addText(textStart, p, stripRight: stripLeft)
                let range = p..<tagEnd
                if !isOutput, tokens.count == 2, tokens[0].isName("raw") {
                    // {% raw %} … {% endraw %}: the text between is literal.
                    guard let (endStart, endEnd, endStripLeft, endStripRight) = findEndRaw(from: tagEnd) else {
                        report("'raw' is never closed (missing '{% endraw %}')", at: p, tag: range)
                        i = n
                        textStart = n
                        stripNextText = false
                        continue
                    }
                    stripNextText = stripRight
                    addText(tagEnd, endStart, stripRight: endStripLeft)
                    stripNextText = endStripRight
                    i = endEnd
                    textStart = i
                    continue
                }
                if isOutput {
                    parts.append(.output(range, tokens))
                } else {
                    parts.append(.statement(range, tokens))
                }
                stripNextText = stripRight
                i = tagEnd
                textStart = i
            case .unclosed(let resume):
                let what = isOutput ? "'{{' is never closed (missing '}}')" : "'{%' is never closed (missing '%}')"
                report(what, at: p, tag: p..<resume)
                addText(textStart, p, stripRight: stripLeft)
                stripNextText = false
                i = resume
                textStart = resume
            case .failed(var tokens, let resume):
                // The error is already reported. A statement keeps what was lexed, so that a broken `{% for … %}`
                // still opens its block and its `{% endfor %}` is not reported as stray.
                addText(textStart, p, stripRight: stripLeft)
                if !isOutput {
                    tokens.append(Token(kind: .error, start: min(resume, n), end: min(resume, n)))
                    parts.append(.statement(p..<resume, tokens))
                }
                stripNextText = false
                i = resume
                textStart = resume
            }
        }
        addText(textStart, n, stripRight: false)
        finish()
    }

    private func nextOpener(from start: Int) -> Int? {
        let n = bytes.count
        var i = start
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            while i + 1 < n {
                if buf[i] == 0x7B {
                    let c = buf[i + 1]
                    if c == 0x7B || c == 0x25 || c == 0x23 { return i }
                }
                i += 1
            }
            return nil
        }
    }

    private func find2(_ a: UInt8, _ b: UInt8, from start: Int) -> Int? {
        let n = bytes.count
        var i = start
        while i + 1 < n {
            if bytes[i] == a && bytes[i + 1] == b { return i }
            i += 1
        }
        return nil
    }

    /// Finds `{% endraw %}` (with optional `-` on either side); returns its range and whitespace flags.
    private func findEndRaw(from start: Int) -> (Int, Int, Bool, Bool)? {
        let n = bytes.count
        var i = start
        while let p = find2(UInt8(ascii: "{"), UInt8(ascii: "%"), from: i) {
            var j = p + 2
            var stripLeft = false
            if j < n, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") {
                stripLeft = bytes[j] == UInt8(ascii: "-"); j += 1
            }
            while j < n, isASCIISpace(bytes[j]) { j += 1 }
            let word = Array("endraw".utf8)
            if j + word.count <= n, Array(bytes[j..<(j + word.count)]) == word {
                j += word.count
                while j < n, isASCIISpace(bytes[j]) { j += 1 }
                var stripRight = false
                if j < n, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") {
                    stripRight = bytes[j] == UInt8(ascii: "-"); j += 1
                }
                if j + 1 < n, bytes[j] == UInt8(ascii: "%"), bytes[j + 1] == UInt8(ascii: "}") {
                    return (p, j + 2, stripLeft, stripRight)
                }
            }
            i = p + 2
        }
        _ = n
        return nil
    }

    private mutating func report(_ message: String, at offset: Int, tag: Range<Int>?) {
        diagnostics.append((message, offset, tag))
    }

    // MARK: - Text and whitespace control

    private mutating func addText(_ start: Int, _ end: Int, stripRight: Bool) {
        var s = start, e = end
        if stripNextText { s = skipWhitespaceForward(s, e) }
        stripNextText = false
        if stripRight { e = skipWhitespaceBackward(s, e) }
        if s < e { parts.append(.text(start: s, end: e)) }
    }

    private func skipWhitespaceForward(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                if isASCIISpace(b) { i += 1; continue }
                return i
            }
            guard let (scalar, len) = decodeScalar(at: i, limit: end), scalar.properties.isWhitespace else { return i }
            i += len
        }
        return i
    }

    private func skipWhitespaceBackward(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let b = bytes[e - 1]
            if b < 0x80 {
                if isASCIISpace(b) { e -= 1; continue }
                return e
            }
            var s = e - 1
            while s > start, bytes[s] & 0xC0 == 0x80 { s -= 1 }
            guard let (scalar, len) = decodeScalar(at: s, limit: e), s + len == e, scalar.properties.isWhitespace
            else { return e }
            e = s
        }
        return e
    }

    func decodeScalar(at i: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        var len = 0
        var value: UInt32 = 0
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        else if b0 & 0xE0 == 0xC0 { len = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { len = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { len = 4; value = UInt32(b0 & 0x07) }
        else { return nil }
        guard i + len <= limit else { return nil }
        for k in 1..<len {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let s = Unicode.Scalar(value) else { return nil }
        return (s, len)
    }

    private mutating func finish() {
        pieces.reserveCapacity(parts.count)
        for part in parts {
            switch part {
            case .text(let s, let e):
                pieces.append(.text(String(decoding: bytes[s..<e], as: UTF8.self), start: s))
            case .output(let r, let t):
                pieces.append(.output(tag: r, tokens: t))
            case .statement(let r, let t):
                pieces.append(.statement(tag: r, tokens: t))
            }
        }
    }

    // MARK: - Tags

    private enum TagResult {
        case closed([Token], tagEnd: Int, stripRight: Bool)
        /// No close delimiter before the next tag or the end: resume there.
        case unclosed(resume: Int)
        /// A lexical error inside the tag, already reported: resume after the tag.
        case failed([Token], resume: Int)
    }

    private mutating func lexTag(start p: Int, bodyStart: Int, output: Bool) -> TagResult {
        let n = bytes.count
        var tokens: [Token] = []
        var i = bodyStart
        var braces: [UInt8] = []   // open brackets, to tell `}}` closing a dict from the end of `{{ … }}`
        let closeFirst: UInt8 = output ? UInt8(ascii: "}") : UInt8(ascii: "%")

        func failAfter(_ from: Int) -> Int {
            // Skip to just after the close delimiter, or to the next opener, whichever comes first.
            var j = from
            while j + 1 < n {
                if bytes[j] == closeFirst && bytes[j + 1] == UInt8(ascii: "}") { return j + 2 }
                if bytes[j] == UInt8(ascii: "{"),
                   bytes[j + 1] == UInt8(ascii: "{") || bytes[j + 1] == UInt8(ascii: "%") || bytes[j + 1] == UInt8(ascii: "#") {
                    return j
                }
                j += 1
            }
            return n
        }

        while true {
            // Skip whitespace (any Unicode whitespace, as Word may put non-breaking spaces in tags).
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if isASCIISpace(b) { i += 1; continue }
                    break
                }
                if let (s, len) = decodeScalar(at: i, limit: n), s.properties.isWhitespace { i += len; continue }
                break
            }
            guard i < n else { return .unclosed(resume: n) }
            let b = bytes[i]

            // Close delimiter, possibly preceded by '-' or '+'.
            let topIsBrace = braces.last == UInt8(ascii: "{")
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "+"), i + 2 < n, bytes[i + 1] == closeFirst,
               bytes[i + 2] == UInt8(ascii: "}"), output ? !topIsBrace : true {
                tokens.append(Token(kind: .end, start: i, end: i + 3))
                return .closed(tokens, tagEnd: i + 3, stripRight: b == UInt8(ascii: "-"))
            }
            if b == closeFirst, i + 1 < n, bytes[i + 1] == UInt8(ascii: "}"), output ? !topIsBrace : true {
                tokens.append(Token(kind: .end, start: i, end: i + 2))
                return .closed(tokens, tagEnd: i + 2, stripRight: false)
            }
            // Another tag opening inside this one: this one was never closed.
            if b == UInt8(ascii: "{"), i + 1 < n,
               bytes[i + 1] == UInt8(ascii: "{") || bytes[i + 1] == UInt8(ascii: "%") || bytes[i + 1] == UInt8(ascii: "#") {
                return .unclosed(resume: i)
            }

            // Identifiers.
            if isIdentStart(b) || b >= 0x80 {
                if b >= 0x80 {
                    guard let (s, _) = decodeScalar(at: i, limit: n), s.properties.isXIDStart else {
                        let shown = decodeScalar(at: i, limit: n).map { describeScalar($0.0) } ?? "an invalid UTF-8 byte"
                        report("unexpected character \(shown) in tag", at: i, tag: p..<failAfter(i))
                        return .failed(tokens, resume: failAfter(i))
                    }
                }
                let s = i
                while i < n {
                    let c = bytes[i]
                    if c < 0x80 {
                        if isIdentContinue(c) { i += 1; continue }
                        break
                    }
                    guard let (sc, len) = decodeScalar(at: i, limit: n), sc.properties.isXIDContinue else { break }
                    i += len
                }
                tokens.append(Token(kind: .name, start: s, end: i, text: String(decoding: bytes[s..<i], as: UTF8.self)))
                continue
            }

            // Numbers.
            if isDigit(b) || (b == UInt8(ascii: ".") && i + 1 < n && isDigit(bytes[i + 1]) && !lastIsValue(tokens)) {
                switch lexNumber(at: i) {
                case .success(let (tok, next)):
                    tokens.append(tok)
                    i = next
                    continue
                case .failure(let err):
                    report(err.message, at: i, tag: p..<failAfter(i))
                    return .failed(tokens, resume: failAfter(i))
                }
            }

            // Strings.
            if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                switch lexString(at: i) {
                case .success(let (tok, next)):
                    tokens.append(tok)
                    i = next
                    continue
                case .failure(let err):
                    let resume = err.resume
                    report(err.message, at: i, tag: p..<resume)
                    return .failed(tokens, resume: resume)
                }
            }

            // Operators and punctuation.
            let two: String? = i + 1 < n ? twoCharOp(b, bytes[i + 1]) : nil
            if let op = two {
                tokens.append(Token(kind: .op, start: i, end: i + 2, text: op))
                i += 2
                continue
            }
            if let op = oneCharOp(b) {
                if b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                    braces.append(b)
                } else if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                    if !braces.isEmpty { braces.removeLast() }
                }
                tokens.append(Token(kind: .op, start: i, end: i + 1, text: op))
                i += 1
                continue
            }
            let shown = decodeScalar(at: i, limit: n).map { describeScalar($0.0) } ?? "an invalid UTF-8 byte"
            let resume = failAfter(i)
            report("unexpected character \(shown) in tag", at: i, tag: p..<resume)
            return .failed(tokens, resume: resume)
        }
    }

    private func lastIsValue(_ tokens: [Token]) -> Bool {
        guard let t = tokens.last else { return false }
        switch t.kind {
        case .name, .string, .int, .float: return true
        case .op: return t.text == ")" || t.text == "]" || t.text == "}"
        case .end, .error: return false
        }
    }

    private struct LexError: Error { var message: String; var resume: Int = 0 }

    private func lexNumber(at start: Int) -> Result<(Token, Int), LexError> {
        let n = bytes.count
        var i = start
        var isFloat = false
        var digits: [UInt8] = []
        func eatDigits() {
            while i < n, isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: "_") && i + 1 < n && isDigit(bytes[i + 1])) {
                if bytes[i] != UInt8(ascii: "_") { digits.append(bytes[i]) }
                i += 1
            }
        }
        eatDigits()
        if i + 1 < n, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) {
            isFloat = true
            digits.append(UInt8(ascii: "."))
            i += 1
            eatDigits()
        } else if i < n, bytes[i] == UInt8(ascii: "."), digits.isEmpty == false,
                  !(i + 1 < n && (isIdentStart(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "."))) {
            // "1." is a float in Jinja.
            isFloat = true
            digits.append(UInt8(ascii: "."))
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var j = i + 1
            if j < n, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            if j < n, isDigit(bytes[j]) {
                isFloat = true
                digits.append(UInt8(ascii: "e"))
                digits.append(contentsOf: bytes[(i + 1)..<j])
                i = j
                eatDigits()
            }
        }
        if digits.first == UInt8(ascii: ".") { digits.insert(UInt8(ascii: "0"), at: 0) }
        let text = String(decoding: digits, as: UTF8.self)
        if i < n, isIdentStart(bytes[i]) {
            return .failure(LexError(message: "invalid number '\(String(decoding: bytes[start...i], as: UTF8.self))'"))
        }
        if isFloat {
            guard let d = Double(text), d.isFinite else {
                return .failure(LexError(message: "number '\(text)' is too large"))
            }
            return .success((Token(kind: .float, start: start, end: i, text: text, doubleValue: d), i))
        }
        guard let v = Int(text) else {
            return .failure(LexError(message: "number '\(text)' is too large"))
        }
        return .success((Token(kind: .int, start: start, end: i, text: text, intValue: v), i))
    }

    private func lexString(at start: Int) -> Result<(Token, Int), LexError> {
        let n = bytes.count
        let quote = bytes[start]
        var i = start + 1
        var out: [UInt8] = []
        while i < n {
            let b = bytes[i]
            if b == quote {
                return .success((Token(kind: .string, start: start, end: i + 1,
                                       text: String(decoding: out, as: UTF8.self)), i + 1))
            }
            // A tag opener inside a string usually means the closing quote was forgotten: accept it only when the
            // quote comes before the next close delimiter (`'{{'` prints braces; `'abc }} … {{` is a lost quote).
            if b == UInt8(ascii: "{"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "{") || bytes[i + 1] == UInt8(ascii: "%"),
               !quoteComesFirst(from: i + 2, quote: quote) {
                return .failure(LexError(message: "unterminated string", resume: i))
            }
            if b == UInt8(ascii: "\\"), i + 1 < n {
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "0"): out.append(0x00)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\n"): break  // line continuation
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
                    guard i + count <= n, let v = UInt32(String(decoding: bytes[i..<(i + count)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(v) else {
                        return .failure(LexError(message: "invalid escape '\\\(Character(Unicode.Scalar(e)))' in string",
                                                 resume: skipPastString(from: i, quote: quote)))
                    }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += count
                default:
                    // Python keeps unknown escapes as they are.
                    out.append(UInt8(ascii: "\\"))
                    out.append(e)
                }
                continue
            }
            out.append(b)
            i += 1
        }
        return .failure(LexError(message: "unterminated string", resume: n))
    }

    private func quoteComesFirst(from start: Int, quote: UInt8) -> Bool {
        var j = start
        while j < bytes.count {
            let c = bytes[j]
            if c == UInt8(ascii: "\\") { j += 2; continue }
            if c == quote { return true }
            if j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: "}"), c == UInt8(ascii: "}") || c == UInt8(ascii: "%") {
                return false
            }
            j += 1
        }
        return false
    }

    private func skipPastString(from start: Int, quote: UInt8) -> Int {
        var i = start
        while i < bytes.count {
            if bytes[i] == quote { return i + 1 }
            if bytes[i] == UInt8(ascii: "\\") { i += 1 }
            i += 1
        }
        return bytes.count
    }

    private func twoCharOp(_ a: UInt8, _ b: UInt8) -> String? {
        switch (a, b) {
        case (UInt8(ascii: "/"), UInt8(ascii: "/")): return "//"
        case (UInt8(ascii: "*"), UInt8(ascii: "*")): return "**"
        case (UInt8(ascii: "="), UInt8(ascii: "=")): return "=="
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): return "!="
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): return "<="
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): return ">="
        default: return nil
        }
    }

    private func oneCharOp(_ b: UInt8) -> String? {
        switch b {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "|"):
            return String(Character(Unicode.Scalar(b)))
        default: return nil
        }
    }
}

@inline(__always) func isASCIISpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
}
@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) func isIdentStart(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
}
@inline(__always) func isIdentContinue(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }

/// `'x'` for a visible character, `U+0007` for a control or invisible one.
func describeScalar(_ s: Unicode.Scalar) -> String {
    let hex = String(s.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    if s.properties.generalCategory == .control || s.properties.isWhitespace || s.properties.generalCategory == .format
        || s.properties.generalCategory == .unassigned || s.properties.generalCategory == .surrogate
        || s.properties.generalCategory == .privateUse {
        return code
    }
    return "'\(Character(s))' (\(code))"
}
