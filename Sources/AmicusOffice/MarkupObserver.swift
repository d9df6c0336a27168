/// What a walk over a part reports, in document order, to a reader that wants more than the verdict. Offsets are
/// into the bytes walked. An observer returns false to stop the walk (it cannot read what it met); the walk then
/// answers false, and the caller falls back on libxml2.
protocol MarkupObserver {
    /// A start tag's name, before its attributes.
    mutating func startTag(name: Range<Int>)
    /// One attribute of the current start tag, its value as written (references not resolved).
    mutating func attribute(name: Range<Int>, value: Range<Int>) -> Bool
    /// The end of the current start tag; `empty` for `<a/>`, which has no end tag of its own.
    mutating func startTagEnded(empty: Bool) -> Bool
    mutating func endTag()
    /// Character data between two tags, as written: references and line ends not resolved, all of them valid.
    mutating func text(_ range: Range<Int>)
    /// The inside of a CDATA section, as written.
    mutating func cdata(_ range: Range<Int>)
}

/// The observer of a walk that only checks.
struct IgnoringObserver: MarkupObserver {
    @inline(__always) mutating func startTag(name: Range<Int>) {}
    @inline(__always) mutating func attribute(name: Range<Int>, value: Range<Int>) -> Bool { true }
    @inline(__always) mutating func startTagEnded(empty: Bool) -> Bool { true }
    @inline(__always) mutating func endTag() {}
    @inline(__always) mutating func text(_ range: Range<Int>) {}
    @inline(__always) mutating func cdata(_ range: Range<Int>) {}
}

/// An observer of a walk that ends with a part's paragraphs (see `WordTextCollector`, `CorePropertiesCollector`).
protocol ParagraphCollector: MarkupObserver {
    /// `part` must be the bytes the walk is given.
    init(_ part: UnsafeRawBufferPointer)
    /// Counts only when the walk accepted the part.
    var paragraphs: [[UInt8]] { get }
}
