/// The paragraphs of a WordprocessingML part (body, header, footer, notes, comments), read from the tags and text
/// the well-formedness walk reports (`WellFormedFastPath`), with the same rules as the libxml2 reading in
/// DocumentText: `w:t` text, `w:tab` (not a tab stop in `w:tabs`) as a tab, `w:br`/`w:cr` as a line break, each
/// paragraph holding only what is not inside a paragraph nested in it, paragraphs in document order.
///
/// It exists for speed: the forum checks read every filing of a batch, and building a libxml2 tree of a part costs
/// more than rendering it. A render collects the text while it checks the part (`WordTextCollector`), so the
/// check and the reading are one pass. It gives up (nil, and the caller reads the part with libxml2) on anything
/// it does not expect: a namespace declared below the root element, or a part the walk leaves to libxml2.
enum WordTextScanner {
    /// The paragraphs as UTF-8 bytes, or nil when the part is left to libxml2.
    static func paragraphBytes(_ part: [UInt8]) -> [[UInt8]]? {
        collect(WordTextCollector.self, from: part)
    }

    /// What a collector gathers from a walk over `part`, or nil when the walk leaves the part to libxml2.
    static func collect<Collector: ParagraphCollector>(_ collector: Collector.Type, from part: [UInt8]) -> [[UInt8]]? {
        part.withUnsafeBytes { raw in
            var collector = Collector(raw)
            guard WellFormedFastPath.accepts(raw, knownUTF8: false, reportingTo: &collector) else { return nil }
            return collector.paragraphs
        }
    }
}

/// Collects a Word part's paragraphs from a walk over it (see `WordTextScanner`). `paragraphs` counts only when
/// the walk accepted the part.
struct WordTextCollector: ParagraphCollector {
    /// The Word elements the text is made of; `.other` for every other element, Word's or not.
    enum Name: Equatable { case p, t, tab, tabs, br, cr, other }

    private let bytes: UnsafePointer<UInt8>
    private var wordPrefixes: [[UInt8]] = []
    private var sawRoot = false
    private var tagName: Range<Int> = 0..<0
    /// How many elements are open, and the open Word elements that matter here (`w:p`, `w:t`, `w:tabs`) with the
    /// depth of each: every other element only counts.
    private var depth = 0
    private var marked: [(depth: Int, name: Name)] = []
    /// Whether the innermost open element is a `w:t` inside an open paragraph: text counts only then.
    private var inText = false
    private var open: [Int] = []
    private(set) var paragraphs: [[UInt8]] = []

    /// `part` must be the bytes the walk is given.
    init(_ part: UnsafeRawBufferPointer) {
        bytes = part.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
    }

    mutating func startTag(name: Range<Int>) { tagName = name }

    /// Namespace declarations are read on the root, and refused below it.
    mutating func attribute(name: Range<Int>, value: Range<Int>) -> Bool {
        guard name.count >= 5, bytes[name.lowerBound] == 0x78, equal(name.prefix(5), Self.xmlns) else { return true }
        guard !sawRoot else { return false }
        guard Self.wordNamespaces.contains(where: { equal(value, $0) }) else { return true }
        if name.count == 5 {
            wordPrefixes.append([])
        } else if name.count > 6, bytes[name.lowerBound + 5] == 0x3A {
            wordPrefixes.append(Array(UnsafeBufferPointer(start: bytes + name.lowerBound + 6, count: name.count - 6)))
        } else {
            return false
        }
        return true
    }

    mutating func startTagEnded(empty: Bool) -> Bool {
        sawRoot = true
        let name = classify(tagName)
        switch name {
        case .p:
            paragraphs.append([])
            if !empty { open.append(paragraphs.count - 1) }
        case .tab:
            let inTabs = marked.last.map { $0.depth == depth && $0.name == .tabs } ?? false
            if !inTabs { append(0x09) }
        case .br, .cr:
            append(0x0A)
        case .t, .tabs, .other:
            break
        }
        if !empty {
            depth += 1
            if name == .p || name == .t || name == .tabs { marked.append((depth, name)) }
            inText = name == .t && !open.isEmpty
        }
        return true
    }

    mutating func endTag() {
        if let last = marked.last, last.depth == depth {
            marked.removeLast()
            if last.name == .p { open.removeLast() }
        }
        depth -= 1
        inText = !open.isEmpty && marked.last.map { $0.depth == depth && $0.name == .t } == true
    }

    /// Character data with its references resolved and line ends normalised, as an XML parser reports it.
    mutating func text(_ range: Range<Int>) {
        guard inText, let last = open.last else { return }
        CharacterData.append(bytes, range, to: &paragraphs[last])
    }

    mutating func cdata(_ range: Range<Int>) {
        guard inText, let last = open.last else { return }
        CharacterData.appendCDATA(bytes, range, to: &paragraphs[last])
    }

    private mutating func append(_ byte: UInt8) {
        guard let last = open.last else { return }
        paragraphs[last].append(byte)
    }

    /// Which of the WordprocessingML elements the text is made of a tag is, or `.other`. The local name is looked
    /// at first: most tags (`w:r`, `w:rPr`, `w:pStyle`…) are none of them, whatever their prefix, so they are
    /// `.other` without comparing prefixes.
    private func classify(_ qname: Range<Int>) -> Name {
        var colon = qname.upperBound - 1
        while colon >= qname.lowerBound && bytes[colon] != 0x3A { colon -= 1 }
        let local = (colon + 1)..<qname.upperBound
        let name: Name
        switch (local.count, bytes[local.lowerBound]) {
        case (1, 0x70): name = .p
        case (1, 0x74): name = .t
        case (3, 0x74) where equal(local, Self.tab): name = .tab
        case (4, 0x74) where equal(local, Self.tabs): name = .tabs
        case (2, 0x62) where equal(local, Self.br): name = .br
        case (2, 0x63) where equal(local, Self.cr): name = .cr
        default: return .other
        }
        let prefix = qname.lowerBound..<max(qname.lowerBound, colon)
        guard wordPrefixes.contains(where: { equal(prefix, $0) }) else { return .other }
        return name
    }

    /// Byte equality, length first: this runs for every start tag of every part.
    private func equal(_ range: Range<Int>, _ other: [UInt8]) -> Bool {
        guard range.count == other.count else { return false }
        var k = 0
        for j in range {
            if bytes[j] != other[k] { return false }
            k += 1
        }
        return true
    }

    private static let xmlns = Array("xmlns".utf8)
    private static let tab = Array("tab".utf8), tabs = Array("tabs".utf8), br = Array("br".utf8), cr = Array("cr".utf8)
    private static let wordNamespaces = DocxScoping.wordNamespaces.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
}
