/// A quick proof that a rendered part is well-formed, for the plain XML a Word or OpenDocument part is made of:
/// ASCII names, quoted attributes, the five predefined entities and character references, comments, CDATA and
/// processing instructions. libxml2's check of the same part cost a quarter of a batch render; this walk costs
/// less than half of that, and can hand the part's tags and text to a reader on the way (`MarkupObserver`).
///
/// It answers only "certainly well-formed" (true) or "not shown here" (false). Everything it accepts, libxml2
/// (SAX1, no DTD, the parse `XMLSupport.saxParse` runs) accepts too; anything outside that subset (a DTD, a name
/// with a non-ASCII letter, an entity other than the five, a document over 4 MiB or nested deeper than 200
/// elements) and every real error is answered false, and libxml2 gives the verdict and the message. The 4 MiB
/// bound keeps every name, value and text far inside libxml2's own size limits; 200 keeps the nesting under its
/// 256.
enum WellFormedFastPath {
    static let maximumSize = 4 << 20
    static let maximumDepth = 200
    static let maximumAttributes = 64

    /// true when `bytes` are certainly well-formed XML 1.0; false when libxml2 has to decide. Bytes not known to be
    /// UTF-8 (`knownUTF8`, as a Swift String's are) are validated first.
    static func accepts(_ bytes: UnsafeRawBufferPointer, knownUTF8: Bool) -> Bool {
        var ignoring = IgnoringObserver()
        return accepts(bytes, knownUTF8: knownUTF8, reportingTo: &ignoring)
    }

    /// The same walk, telling `observer` the tags and text it passes, so that a reader of the part (its paragraphs,
    /// say) needs no second pass. What the observer saw counts only when this returns true.
    static func accepts<Observer: MarkupObserver>(_ bytes: UnsafeRawBufferPointer, knownUTF8: Bool,
                                                  reportingTo observer: inout Observer) -> Bool {
        let n = bytes.count
        guard n > 0, n <= maximumSize, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        if !knownUTF8 && String(validating: UnsafeBufferPointer(start: base, count: n), as: UTF8.self) == nil { return false }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * maximumDepth) { stack in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * maximumAttributes) { attributes in
                var walk = Walk(p: base, n: n, stack: stack.baseAddress!, attributes: attributes.baseAddress!, observer: observer)
                let accepted = walk.document()
                observer = walk.observer
                return accepted
            }
        }
    }

    /// Byte classes for character data, one table lookup per byte on the hot path.
    fileprivate enum Class {
        static let plain: UInt8 = 0
        static let less: UInt8 = 1         // <
        static let amp: UInt8 = 2          // &
        static let bracket: UInt8 = 3      // ]
        static let ef: UInt8 = 4           // first byte of U+FFFE and U+FFFF (and of other characters)
        static let refused: UInt8 = 5      // a control character XML refuses
        static let quote: UInt8 = 6        // " and ', plain outside attribute values
    }

    /// The class of each byte. Written once, when first read (a Swift global is initialised once, safely), and
    /// never again.
    nonisolated(unsafe) fileprivate static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: Class.plain, count: 256)
        for b in 0..<0x20 where b != 0x09 && b != 0x0A && b != 0x0D { table[b] = Class.refused }
        table[Int(UInt8(ascii: "<"))] = Class.less
        table[Int(UInt8(ascii: "&"))] = Class.amp
        table[Int(UInt8(ascii: "]"))] = Class.bracket
        table[Int(UInt8(ascii: "\""))] = Class.quote
        table[Int(UInt8(ascii: "'"))] = Class.quote
        table[0xEF] = Class.ef
        return UnsafePointer(table)
    }()

    /// 1: may start a name; 2: may continue one. ASCII only: a name with any other letter is left to libxml2.
    nonisolated(unsafe) fileprivate static let nameClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = 1 }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = 1 }
        table[Int(UInt8(ascii: "_"))] = 1
        table[Int(UInt8(ascii: ":"))] = 1
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = 2 }
        table[Int(UInt8(ascii: "-"))] = 2
        table[Int(UInt8(ascii: "."))] = 2
        return UnsafePointer(table)
    }()
}

private struct Walk<Observer: MarkupObserver> {
    let p: UnsafePointer<UInt8>
    let n: Int
    /// Open elements: start and length of each name.
    let stack: UnsafeMutablePointer<Int>
    /// The current start tag's attribute names: start and length of each.
    let attributes: UnsafeMutablePointer<Int>
    let classes = WellFormedFastPath.classes
    let nameClasses = WellFormedFastPath.nameClasses
    var observer: Observer
    var i = 0

    init(p: UnsafePointer<UInt8>, n: Int, stack: UnsafeMutablePointer<Int>, attributes: UnsafeMutablePointer<Int>, observer: Observer) {
        self.p = p
        self.n = n
        self.stack = stack
        self.attributes = attributes
        self.observer = observer
    }

    /// Eight bytes from `k` (which has eight bytes after it), as one word.
    @inline(__always) func load(_ k: Int) -> UInt64 { UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) }

    /// The byte at `k`, or 0 past the end (0 is never valid anywhere, so running off the end fails every test).
    @inline(__always) func at(_ k: Int) -> UInt8 { k < n ? p[k] : 0 }

    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    @inline(__always) func matches(_ literal: StaticString, at k: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard k + count <= n else { return false }
        let bytes = literal.utf8Start
        for j in 0..<count where p[k + j] != bytes[j] { return false }
        return true
    }

    /// U+FFFE or U+FFFF (EF BF BE, EF BF BF) at `k`: characters XML refuses.
    @inline(__always) func forbidden(at k: Int) -> Bool {
        at(k + 1) == 0xBF && (at(k + 2) == 0xBE || at(k + 2) == 0xBF)
    }

    /// Skips white space; whether there was any.
    @discardableResult @inline(__always) mutating func skipSpaces() -> Bool {
        let start = i
        while i < n && isSpace(p[i]) { i += 1 }
        return i > start
    }

    mutating func document() -> Bool {
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        if matches("<?xml", at: i) && isSpace(at(i + 5)) {
            guard declaration() else { return false }
        }
        guard misc(), at(i) == UInt8(ascii: "<"), nameClasses[Int(at(i + 1))] == 1 else { return false }
        guard content() else { return false }
        guard misc() else { return false }
        return i == n
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, the encoding and standalone optional. Any other
    /// version or encoding is left to libxml2.
    mutating func declaration() -> Bool {
        i += 5
        guard skipSpaces(), matches("version", at: i) else { return false }
        i += 7
        guard let version = quotedValue(), version.count == 3, matches("1.0", at: version.lowerBound) else { return false }
        var spaced = skipSpaces()
        if spaced && matches("encoding", at: i) {
            i += 8
            guard let encoding = quotedValue(), encoding.count == 5 else { return false }
            let e = encoding.lowerBound
            guard p[e] | 0x20 == UInt8(ascii: "u"), p[e + 1] | 0x20 == UInt8(ascii: "t"), p[e + 2] | 0x20 == UInt8(ascii: "f"),
                  p[e + 3] == UInt8(ascii: "-"), p[e + 4] == UInt8(ascii: "8") else { return false }
            spaced = skipSpaces()
        }
        if spaced && matches("standalone", at: i) {
            i += 10
            guard let standalone = quotedValue() else { return false }
            let s = standalone.lowerBound
            guard (standalone.count == 3 && matches("yes", at: s)) || (standalone.count == 2 && matches("no", at: s)) else { return false }
            skipSpaces()
        }
        guard matches("?>", at: i) else { return false }
        i += 2
        return true
    }

    /// `= "value"` in the declaration: the value's range, which holds no quote.
    mutating func quotedValue() -> Range<Int>? {
        skipSpaces()
        guard at(i) == UInt8(ascii: "=") else { return nil }
        i += 1
        skipSpaces()
        let quote = at(i)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let start = i + 1
        var k = start
        while k < n && p[k] != quote {
            guard p[k] >= 0x20 && p[k] < 0x80 else { return nil }
            k += 1
        }
        guard k < n else { return nil }
        i = k + 1
        return start..<k
    }

    /// White space, comments and processing instructions, before and after the root element.
    mutating func misc() -> Bool {
        while true {
            skipSpaces()
            if matches("<!--", at: i) {
                guard comment() else { return false }
            } else if matches("<?", at: i) {
                guard processingInstruction() else { return false }
            } else {
                return true
            }
        }
    }

    /// An ASCII name at `i`; its length, or 0 when there is none or it goes on in letters this walk does not know.
    @inline(__always) mutating func name() -> Int {
        let start = i
        guard nameClasses[Int(at(i))] == 1 else { return 0 }
        i += 1
        while i < n && nameClasses[Int(p[i])] != 0 { i += 1 }
        guard at(i) < 0x80 else { return 0 }
        return i - start
    }

    @inline(__always) func sameName(_ a: Int, _ b: Int, count: Int) -> Bool {
        for j in 0..<count where p[a + j] != p[b + j] { return false }
        return true
    }

    /// The root element and everything in it, from the `<` of its start tag to past its end tag.
    mutating func content() -> Bool {
        var depth = 0
        while true {
            // At a `<`.
            let next = at(i + 1)
            if next == UInt8(ascii: "/") {
                i += 2
                let start = i
                let count = name()
                guard count > 0, depth > 0, stack[2 * depth - 1] == count, sameName(stack[2 * depth - 2], start, count: count) else { return false }
                skipSpaces()
                guard at(i) == UInt8(ascii: ">") else { return false }
                i += 1
                depth -= 1
                observer.endTag()
                if depth == 0 { return true }
            } else if next == UInt8(ascii: "!") {
                if matches("<!--", at: i) {
                    guard comment() else { return false }
                } else if matches("<![CDATA[", at: i) {
                    guard cdata() else { return false }
                } else {
                    return false
                }
            } else if next == UInt8(ascii: "?") {
                guard processingInstruction() else { return false }
            } else {
                i += 1
                let start = i
                let count = name()
                guard count > 0 else { return false }
                observer.startTag(name: start..<(start + count))
                guard let empty = startTagRest(), observer.startTagEnded(empty: empty) else { return false }
                if !empty {
                    guard depth < WellFormedFastPath.maximumDepth else { return false }
                    stack[2 * depth] = start
                    stack[2 * depth + 1] = count
                    depth += 1
                } else if depth == 0 {
                    return true
                }
            }
            guard text() else { return false }
        }
    }

    /// Attributes and the end of a start tag; whether the element was empty (`/>`), nil when not shown well-formed.
    mutating func startTagRest() -> Bool? {
        var count = 0
        while true {
            let spaced = skipSpaces()
            let b = at(i)
            if b == UInt8(ascii: ">") { i += 1; return false }
            if b == UInt8(ascii: "/") {
                guard at(i + 1) == UInt8(ascii: ">") else { return nil }
                i += 2
                return true
            }
            guard spaced, count < WellFormedFastPath.maximumAttributes else { return nil }
            let start = i
            let length = name()
            guard length > 0 else { return nil }
            for k in 0..<count where attributes[2 * k + 1] == length && sameName(attributes[2 * k], start, count: length) {
                return nil   // the same attribute twice
            }
            attributes[2 * count] = start
            attributes[2 * count + 1] = length
            count += 1
            skipSpaces()
            guard at(i) == UInt8(ascii: "=") else { return nil }
            i += 1
            skipSpaces()
            let quote = at(i)
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            i += 1
            let valueStart = i
            let quoteWord = UInt64(quote) &* SWAR.ones
            while true {
                while i + 8 <= n, case let w = load(i), !SWAR.hasByte(w, quoteWord), !SWAR.hasByte(w, SWAR.less),
                      !SWAR.hasByte(w, SWAR.amp), !SWAR.hasByte(w, SWAR.ef), !SWAR.hasByteBelow0x20(w) {
                    i += 8
                }
                guard i < n else { return nil }
                let c = p[i]
                if c == quote {
                    guard observer.attribute(name: start..<(start + length), value: valueStart..<i) else { return nil }
                    i += 1
                    break
                }
                switch classes[Int(c)] {
                case WellFormedFastPath.Class.plain, WellFormedFastPath.Class.bracket, WellFormedFastPath.Class.quote:
                    i += 1
                case WellFormedFastPath.Class.amp:
                    guard reference() else { return nil }
                case WellFormedFastPath.Class.ef:
                    guard !forbidden(at: i) else { return nil }
                    i += 1
                default:
                    return nil   // `<`, or a refused control character
                }
            }
        }
    }

    /// Character data up to the next `<`.
    @inline(__always) mutating func text() -> Bool {
        if at(i) == UInt8(ascii: "<") { return true }   // most tags follow one another directly
        let start = i
        while i < n {
            // Eight bytes at a time while none needs a look: no `<`, `&`, `]`, EF or control character.
            while i + 8 <= n, case let w = load(i), !SWAR.hasByte(w, SWAR.less), !SWAR.hasByte(w, SWAR.amp),
                  !SWAR.hasByte(w, SWAR.bracket), !SWAR.hasByte(w, SWAR.ef), !SWAR.hasByteBelow0x20(w) {
                i += 8
            }
            guard i < n else { break }
            let c = p[i]
            switch classes[Int(c)] {
            case WellFormedFastPath.Class.plain, WellFormedFastPath.Class.quote:
                i += 1
            case WellFormedFastPath.Class.less:
                if i > start { observer.text(start..<i) }
                return true
            case WellFormedFastPath.Class.amp:
                guard reference() else { return false }
            case WellFormedFastPath.Class.bracket:
                guard !(at(i + 1) == UInt8(ascii: "]") && at(i + 2) == UInt8(ascii: ">")) else { return false }
                i += 1
            case WellFormedFastPath.Class.ef:
                guard !forbidden(at: i) else { return false }
                i += 1
            default:
                return false
            }
        }
        return false   // the document ends inside an element
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, or a character reference to a character XML allows.
    mutating func reference() -> Bool {
        if at(i + 1) == UInt8(ascii: "#") {
            var k = i + 2
            let hex = at(k) == UInt8(ascii: "x")
            if hex { k += 1 }
            let first = k
            var value = 0
            while true {
                let b = at(k)
                let digit: Int
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = Int(b - UInt8(ascii: "a")) + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = Int(b - UInt8(ascii: "A")) + 10
                default: digit = -1
                }
                if digit < 0 { break }
                value = value * (hex ? 16 : 10) + digit
                k += 1
                guard k - first <= 7 else { return false }
            }
            guard k > first, at(k) == UInt8(ascii: ";") else { return false }
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
            guard allowed else { return false }
            i = k + 1
            return true
        }
        for entity: StaticString in ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"] where matches(entity, at: i) {
            i += entity.utf8CodeUnitCount
            return true
        }
        return false
    }

    /// Moves `i` to the next `terminator`, refusing on the way any character XML does not allow (the inside of a
    /// comment, a CDATA section or a processing instruction); false when there is no terminator or such a character.
    mutating func skipCharacters(to terminator: StaticString) -> Bool {
        let first = terminator.utf8Start[0]
        while i < n {
            let c = p[i]
            if c == first && matches(terminator, at: i) { return true }
            let kind = classes[Int(c)]
            if kind == WellFormedFastPath.Class.refused || (kind == WellFormedFastPath.Class.ef && forbidden(at: i)) { return false }
            i += 1
        }
        return false
    }

    /// `<!-- … -->` with no `--` inside, from its `<`.
    mutating func comment() -> Bool {
        i += 4
        guard skipCharacters(to: "--"), at(i + 2) == UInt8(ascii: ">") else { return false }
        i += 3
        return true
    }

    /// `<![CDATA[ … ]]>`, from its `<`.
    mutating func cdata() -> Bool {
        i += 9
        let start = i
        guard skipCharacters(to: "]]>") else { return false }
        observer.cdata(start..<i)
        i += 3
        return true
    }

    /// `<?target … ?>`, from its `<`. The target is an ASCII name other than `xml` in any case (libxml2 refuses
    /// `xml` and warns on the others).
    mutating func processingInstruction() -> Bool {
        i += 2
        let start = i
        let count = name()
        guard count > 0 else { return false }
        if count == 3 && p[start] | 0x20 == UInt8(ascii: "x") && p[start + 1] | 0x20 == UInt8(ascii: "m")
            && p[start + 2] | 0x20 == UInt8(ascii: "l") { return false }
        if matches("?>", at: i) { i += 2; return true }
        guard skipSpaces(), skipCharacters(to: "?>") else { return false }
        i += 2
        return true
    }
}

/// Tests on eight bytes at once (a word loaded from memory), each saying exactly whether the word holds such a
/// byte: the subtraction can mark a wrong byte above a real hit, but never marks one in a word without a hit, and
/// the walk only asks whether there is one before it skips the eight bytes.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let less = UInt64(UInt8(ascii: "<")) &* ones
    static let amp = UInt64(UInt8(ascii: "&")) &* ones
    static let bracket = UInt64(UInt8(ascii: "]")) &* ones
    static let ef: UInt64 = 0xEF &* ones
    static let cr = UInt64(0x0D) &* ones

    /// Whether some byte of `w` equals the byte `repeated` holds eight times.
    @inline(__always) static func hasByte(_ w: UInt64, _ repeated: UInt64) -> Bool {
        let x = w ^ repeated
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether some byte of `w` is below 0x20 (a control character, tab and line ends included).
    @inline(__always) static func hasByteBelow0x20(_ w: UInt64) -> Bool {
        (w &- 0x2020_2020_2020_2020) & ~w & highs != 0
    }
}
