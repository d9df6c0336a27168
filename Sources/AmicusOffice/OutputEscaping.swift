import AmicusTemplate

/// How a printed value becomes XML. Values are text, never markup: every `&`, `<`, `>` and `"` is escaped, a
/// newline becomes the format's line break and a tab its tab, and a character XML cannot hold is refused rather
/// than written into a file that will not open.
enum OutputEscaping {
    /// XML for text inside a run: `breakMarkup`/`tabMarkup` close the current text element, insert the break,
    /// and reopen it (`</w:t><w:br/><w:t xml:space="preserve">` in WordprocessingML).
    /// `notes`: the markup around a `footnote()`'s text, in the one part where notes may stand (the body).
    static func textEscaper(breakMarkup: String?, tabMarkup: String?, notes: NoteMarkup? = nil) -> OutputEscaper {
        let lineBreak = Array((breakMarkup ?? "\n").utf8)
        let tab = Array((tabMarkup ?? "\t").utf8)
        return { (text: String) throws(TemplateCallError) -> String in
            try escape(text, lineBreak: lineBreak, tab: tab, notes: notes)
        }
    }

    /// OpenDocument text: a newline is `<text:line-break/>`, a tab `<text:tab/>`, and every space after the
    /// first of a run is `<text:s/>` (ODF collapses plain runs of spaces, which would silently drop them).
    static func odfEscaper(textPrefix: String, notes: Bool = false) -> OutputEscaper {
        let p = textPrefix.isEmpty ? "" : textPrefix + ":"
        let lineBreak = Array("<\(p)line-break/>".utf8)
        let tab = Array("<\(p)tab/>".utf8)
        let spaces: @Sendable (Int) -> [UInt8] = { count in
            Array((count == 1 ? "<\(p)s/>" : "<\(p)s \(p)c=\"\(count)\"/>").utf8)
        }
        let markup = notes ? Footnotes.odfMarkup(prefix: p) : nil
        return { (text: String) throws(TemplateCallError) -> String in
            try escape(text, lineBreak: lineBreak, tab: tab, extraSpaces: spaces, notes: markup)
        }
    }

    /// Works on UTF-8 bytes: the characters that need attention are all ASCII, except U+FFFE and U+FFFF
    /// (EF BF BE, EF BF BF), so most values pass through untouched and the rest are copied in clean runs.
    static func escape(_ text: String, lineBreak: [UInt8], tab: [UInt8],
                       extraSpaces: (@Sendable (Int) -> [UInt8])? = nil, notes: NoteMarkup? = nil) throws(TemplateCallError) -> String {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            (extraSpaces == nil ? firstAttention(bytes, from: 0) : firstAttentionOrDoubleSpace(bytes, from: 0)) == bytes.count
        } ?? false
        if clean { return text }
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(TemplateCallError) -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var i = 0
            let n = bytes.count
            var inNote = false
            while i < n {
                // Copy the clean run up to the next byte that needs attention in one go.
                let next = extraSpaces == nil ? firstAttention(bytes, from: i) : firstAttentionOrDoubleSpace(bytes, from: i)
                if next > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next]))
                    i = next
                    if i == n { break }
                }
                let byte = bytes[i]
                switch byte {
                case 0xEF where i + 2 < n && bytes[i + 1] == 0xB7 && (bytes[i + 2] == 0x92 || bytes[i + 2] == 0x93):
                    // The marks of footnote() (U+FDD2 … U+FDD3).
                    guard let notes else { throw TemplateCallError("footnote() can only stand in the body of the document, not in a header, footer, note or property") }
                    let opening = bytes[i + 2] == 0x92
                    guard opening != inNote else { throw TemplateCallError(opening ? "a footnote cannot hold another footnote" : "contains U+FDD3, which a document cannot hold") }
                    out.append(contentsOf: opening ? notes.open : notes.close)
                    inNote = opening
                    i += 3
                    continue
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x0D:
                    out.append(contentsOf: lineBreak)
                    if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                case 0x0A, 0x0B: out.append(contentsOf: lineBreak)
                case 0x09: out.append(contentsOf: tab)
                case 0x20 where extraSpaces != nil && i + 1 < n && bytes[i + 1] == 0x20:
                    var run = 1
                    while i + run < n && bytes[i + run] == 0x20 { run += 1 }
                    out.append(0x20)
                    out.append(contentsOf: extraSpaces!(run - 1))
                    i += run
                    continue
                case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    throw TemplateCallError("contains U+\(bytes[i + 2] == 0xBE ? "FFFE" : "FFFF"), which a document cannot hold")
                default:
                    if byte < 0x20 {
                        throw TemplateCallError("contains the control character U+\(hex(byte)), which a document cannot hold")
                    }
                    out.append(byte)
                }
                i += 1
            }
            if inNote { throw TemplateCallError("contains U+FDD2, which a document cannot hold") }
            return String(decoding: out, as: UTF8.self)
        } }
        return try result.get()
    }

    @inline(__always)
    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF
    }

    /// The index of the first byte at or after `start` that needs attention (`bytes.count` if none), 16 bytes at a
    /// time: most values are clean and are returned as they are, so this scan is most of the cost of printing one.
    static func firstAttention(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var i = start
        if let base = bytes.baseAddress, n - i >= 16 {
            let raw = UnsafeRawPointer(base)
            let space = SIMD16<UInt8>(repeating: 0x20), amp = SIMD16<UInt8>(repeating: 0x26)
            let lt = SIMD16<UInt8>(repeating: 0x3C), gt = SIMD16<UInt8>(repeating: 0x3E)
            let quote = SIMD16<UInt8>(repeating: 0x22), ef = SIMD16<UInt8>(repeating: 0xEF)
            while i + 16 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let hit = (v .< space) .| (v .== amp) .| (v .== lt) .| (v .== gt) .| (v .== quote) .| (v .== ef)
                if any(hit) { break }
                i += 16
            }
        }
        while i < n {
            if needsAttention(bytes[i]) { return i }
            i += 1
        }
        return n
    }

    /// The same, and for OpenDocument also the first of two spaces in a row.
    static func firstAttentionOrDoubleSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if needsAttention(bytes[i]) || (bytes[i] == 0x20 && i + 1 < bytes.count && bytes[i + 1] == 0x20) { return i }
            i += 1
        }
        return bytes.count
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
