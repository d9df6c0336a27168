import Foundation

/// The paragraphs of a WordprocessingML part (body, header, footer, notes, comments) read in one pass over its
/// bytes, with the same rules as the libxml2 reading in DocumentText: `w:t` text, `w:tab` (not a tab stop in
/// `w:tabs`) as a tab, `w:br`/`w:cr` as a line break, each paragraph holding only what is not inside a paragraph
/// nested in it, paragraphs in document order.
///
/// It exists for speed: the forum checks read every filing of a batch, and building a libxml2 tree of a part
/// that was checked well-formed a moment before costs more than rendering it. It is meant for parts libxml2 has
/// just checked, and gives up (nil, and the caller reads the part with libxml2) on anything it does not expect:
/// a namespace declared below the root element, a DTD, an unknown entity, a tag it cannot read.
enum WordTextScanner {
    /// The paragraphs as UTF-8 bytes (valid UTF-8 for a part libxml2 accepted), or nil when the scanner gives up.
    static func paragraphBytes(_ part: [UInt8]) -> [[UInt8]]? {
        part.withUnsafeBufferPointer { bytes in
            var scanner = Scan(bytes: bytes)
            return scanner.run()
        }
    }

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var wordPrefixes: [[UInt8]] = []
        var sawRoot = false
        var elements: [(isWord: Bool, name: Name)] = []
        var open: [Int] = []
        var paragraphs: [[UInt8]] = []

        enum Name: Equatable { case p, t, tab, tabs, br, cr, other }

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run() -> [[UInt8]]? {
            let n = bytes.count
            guard let base = bytes.baseAddress else { return [] }
            while i < n {
                let next = memchr(base + i, 0x3C, n - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                if next > i, inText {
                    guard appendText(from: i, to: next) else { return nil }
                }
                i = next
                guard i < n else { break }
                guard step() else { return nil }
            }
            guard elements.isEmpty, sawRoot else { return nil }
            return paragraphs
        }

        /// Text goes to the innermost open paragraph, and only from a `w:t` that directly holds it.
        var inText: Bool { !open.isEmpty && elements.last.map { $0.isWord && $0.name == .t } == true }

        mutating func append(_ text: [UInt8]) {
            guard let last = open.last else { return }
            paragraphs[last] += text
        }

        func starts(with literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            let pointer = literal.utf8Start
            for k in 0..<count where bytes[index + k] != pointer[k] { return false }
            return true
        }

        func find(_ literal: StaticString, from index: Int) -> Int? {
            var j = index
            while j + literal.utf8CodeUnitCount <= bytes.count {
                if starts(with: literal, at: j) { return j }
                j += 1
            }
            return nil
        }

        /// One markup construct at `i` (which is at `<`).
        mutating func step() -> Bool {
            if starts(with: "<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { return false }
                i = end + 3
            } else if starts(with: "<?", at: i) {
                guard let end = find("?>", from: i + 2) else { return false }
                i = end + 2
            } else if starts(with: "<![CDATA[", at: i) {
                guard let end = find("]]>", from: i + 9) else { return false }
                if inText { append(Self.normalisingLineEnds(bytes[(i + 9)..<end])) }
                i = end + 3
            } else if starts(with: "<!", at: i) {
                return false
            } else if starts(with: "</", at: i) {
                return endTag()
            } else {
                return startTag()
            }
            return true
        }

        mutating func endTag() -> Bool {
            guard let close = indexOf(0x3E, from: i + 2) else { return false }
            i = close + 1
            guard let element = elements.popLast() else { return false }
            if element.isWord && element.name == .p { open.removeLast() }
            return true
        }

        mutating func startTag() -> Bool {
            var j = i + 1
            let nameStart = j
            while j < bytes.count, !Self.endsName(bytes[j]) { j += 1 }
            let qname = bytes[nameStart..<j]
            guard !qname.isEmpty else { return false }
            // Attributes, minding quotes; namespace declarations are read on the root and refused below it.
            var selfClosing = false
            while j < bytes.count {
                let byte = bytes[j]
                if byte == 0x3E { break }
                if byte == 0x2F && j + 1 < bytes.count && bytes[j + 1] == 0x3E { selfClosing = true; j += 1; break }
                if byte == 0x3D { j += 1; continue }
                if byte == 0x22 || byte == 0x27 {
                    guard let end = indexOf(byte, from: j + 1) else { return false }
                    j = end + 1
                    continue
                }
                if !Self.isSpace(byte) {
                    let attributeStart = j
                    while j < bytes.count, bytes[j] != 0x3D, !Self.isSpace(bytes[j]), bytes[j] != 0x3E { j += 1 }
                    let attribute = bytes[attributeStart..<j]
                    if attribute.first == 0x78, attribute.starts(with: Self.xmlns) {   // "x": most attributes are not
                        guard !sawRoot else { return false }
                        guard declare(attribute, valueFrom: j) else { return false }
                    }
                    continue
                }
                j += 1
            }
            guard j < bytes.count else { return false }
            i = j + 1
            sawRoot = true

            let (isWord, name) = classify(qname)
            if isWord {
                switch name {
                case .p:
                    paragraphs.append([])
                    open.append(paragraphs.count - 1)
                    if selfClosing { open.removeLast() }
                case .tab:
                    let inTabs = elements.last.map { $0.isWord && $0.name == .tabs } ?? false
                    if !inTabs { append([0x09]) }
                case .br, .cr:
                    append([0x0A])
                default:
                    break
                }
            }
            if !selfClosing { elements.append((isWord, name)) }
            return true
        }

        /// Records `xmlns:prefix="uri"` (or `xmlns="uri"`) when the URI is WordprocessingML's.
        mutating func declare(_ attribute: Slice<UnsafeBufferPointer<UInt8>>, valueFrom index: Int) -> Bool {
            var j = index
            while j < bytes.count, bytes[j] != 0x22, bytes[j] != 0x27 { j += 1 }
            guard j < bytes.count, let end = indexOf(bytes[j], from: j + 1) else { return false }
            let uri = Array(bytes[(j + 1)..<end])
            guard Self.wordNamespaces.contains(uri) else { return true }
            let name = Array(attribute)
            if name == Self.xmlns {
                wordPrefixes.append([])
            } else if name.count > Self.xmlns.count + 1, name[Self.xmlns.count] == 0x3A {
                wordPrefixes.append(Array(name[(Self.xmlns.count + 1)...]))
            } else {
                return false
            }
            return true
        }

        /// Whether a tag is one of the WordprocessingML elements the text is made of, and which. The local name is
        /// looked at first: most tags (`w:r`, `w:rPr`, `w:pStyle`…) are none of them, whatever their prefix, so
        /// they are `.other` without comparing prefixes.
        func classify(_ qname: Slice<UnsafeBufferPointer<UInt8>>) -> (Bool, Name) {
            let colon = qname.firstIndex(of: 0x3A)
            let local = colon.map { qname[($0 + 1)...] } ?? qname
            let name: Name
            switch (local.count, local.first ?? 0) {
            case (1, 0x70): name = .p
            case (1, 0x74): name = .t
            case (3, 0x74) where local.elementsEqual("tab".utf8): name = .tab
            case (4, 0x74) where local.elementsEqual("tabs".utf8): name = .tabs
            case (2, 0x62) where local.elementsEqual("br".utf8): name = .br
            case (2, 0x63) where local.elementsEqual("cr".utf8): name = .cr
            default: return (false, .other)
            }
            let prefix = qname[qname.startIndex..<(colon ?? qname.startIndex)]
            guard wordPrefixes.contains(where: { Self.equal(prefix, $0) }) else { return (false, .other) }
            return (true, name)
        }

        /// Byte equality, length first: this runs for every start tag of every part.
        static func equal(_ slice: Slice<UnsafeBufferPointer<UInt8>>, _ bytes: [UInt8]) -> Bool {
            guard slice.count == bytes.count else { return false }
            var k = 0, j = slice.startIndex
            while k < bytes.count {
                if slice[j] != bytes[k] { return false }
                k += 1; j += 1
            }
            return true
        }

        func indexOf(_ byte: UInt8, from index: Int) -> Int? {
            guard index < bytes.count, let base = bytes.baseAddress,
                  let hit = memchr(base + index, Int32(byte), bytes.count - index) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }

        /// Character data with its references resolved and line ends normalised, as an XML parser reports it.
        /// Runs without `&` or CR (nearly all text) are appended to the paragraph in one copy.
        mutating func appendText(from start: Int, to end: Int) -> Bool {
            guard let last = open.last else { return true }
            var j = start, run = start
            func flushRun(_ upTo: Int) {
                if upTo > run { paragraphs[last].append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<upTo])) }
            }
            while j < end {
                let byte = bytes[j]
                if byte == 0x26 {
                    flushRun(j)
                    guard let semicolon = indexOf(0x3B, from: j + 1), semicolon < end,
                          let decoded = Self.reference(bytes[(j + 1)..<semicolon]) else { return false }
                    paragraphs[last] += decoded
                    j = semicolon + 1
                    run = j
                } else if byte == 0x0D {
                    flushRun(j)
                    paragraphs[last].append(0x0A)
                    j += (j + 1 < end && bytes[j + 1] == 0x0A) ? 2 : 1
                    run = j
                } else {
                    j += 1
                }
            }
            flushRun(end)
            return true
        }

        static func reference(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
            switch Array(name) {
            case Array("amp".utf8): return [0x26]
            case Array("lt".utf8): return [0x3C]
            case Array("gt".utf8): return [0x3E]
            case Array("quot".utf8): return [0x22]
            case Array("apos".utf8): return [0x27]
            default: break
            }
            guard name.first == 0x23 else { return nil }
            let digits = name.dropFirst()
            let hex = digits.first == 0x78
            guard let value = UInt32(String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(value) else { return nil }
            return Array(String(Character(scalar)).utf8)
        }

        static func normalisingLineEnds(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
            var out: [UInt8] = []
            var k = slice.startIndex
            while k < slice.endIndex {
                if slice[k] == 0x0D {
                    out.append(0x0A)
                    k += (k + 1 < slice.endIndex && slice[k + 1] == 0x0A) ? 2 : 1
                } else {
                    out.append(slice[k])
                    k += 1
                }
            }
            return out
        }

        static func endsName(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x3E || byte == 0x2F }
        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        static let xmlns = Array("xmlns".utf8)
        static let wordNamespaces = DocxScoping.wordNamespaces.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
    }
}
