/// The "paragraphs" of `docProps/core.xml` as the libxml2 reading has them: the direct text of each child of the
/// root element (title, subject, creator…), one per child.
struct CorePropertiesCollector: ParagraphCollector {
    private let bytes: UnsafePointer<UInt8>
    private var depth = 0
    private(set) var paragraphs: [[UInt8]] = []

    init(_ part: UnsafeRawBufferPointer) {
        bytes = part.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
    }

    mutating func startTag(name: Range<Int>) {}
    mutating func attribute(name: Range<Int>, value: Range<Int>) -> Bool { true }

    mutating func startTagEnded(empty: Bool) -> Bool {
        if depth == 1 { paragraphs.append([]) }
        if !empty { depth += 1 }
        return true
    }

    mutating func endTag() { depth -= 1 }

    mutating func text(_ range: Range<Int>) {
        guard depth == 2 else { return }
        CharacterData.append(bytes, range, to: &paragraphs[paragraphs.count - 1])
    }

    mutating func cdata(_ range: Range<Int>) {
        guard depth == 2 else { return }
        CharacterData.appendCDATA(bytes, range, to: &paragraphs[paragraphs.count - 1])
    }
}
