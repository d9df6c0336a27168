/// Text between tags as an XML parser reports it, for the readers that collect a part's text from a walk over it
/// (`ParagraphCollector`): references resolved, line ends (CR LF, lone CR) made LF.
enum CharacterData {
    /// Appends character data as written in `bytes[range]`, whose references the walk has checked. Runs without
    /// `&` or CR (nearly all text) go to `paragraph` in one copy.
    static func append(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, to paragraph: inout [UInt8]) {
        var j = range.lowerBound, run = j
        let end = range.upperBound
        while j < end {
            // Eight bytes at a time while there is no `&` or CR among them.
            while j + 8 <= end, case let w = UnsafeRawPointer(bytes + j).loadUnaligned(as: UInt64.self),
                  !SWAR.hasByte(w, SWAR.amp), !SWAR.hasByte(w, SWAR.cr) {
                j += 8
            }
            guard j < end else { break }
            let byte = bytes[j]
            guard byte == 0x26 || byte == 0x0D else { j += 1; continue }
            if j > run { paragraph.append(contentsOf: UnsafeBufferPointer(start: bytes + run, count: j - run)) }
            if byte == 0x26 {
                var semicolon = j + 1
                while bytes[semicolon] != 0x3B { semicolon += 1 }
                appendReference(bytes, j + 1..<semicolon, to: &paragraph)
                j = semicolon + 1
            } else {
                paragraph.append(0x0A)
                j += (j + 1 < end && bytes[j + 1] == 0x0A) ? 2 : 1
            }
            run = j
        }
        if end > run { paragraph.append(contentsOf: UnsafeBufferPointer(start: bytes + run, count: end - run)) }
    }

    /// Appends the inside of a CDATA section: no references, only line ends to normalise.
    static func appendCDATA(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, to paragraph: inout [UInt8]) {
        var k = range.lowerBound
        while k < range.upperBound {
            if bytes[k] == 0x0D {
                paragraph.append(0x0A)
                k += (k + 1 < range.upperBound && bytes[k + 1] == 0x0A) ? 2 : 1
            } else {
                paragraph.append(bytes[k])
                k += 1
            }
        }
    }

    /// One of the five entities or a character reference, between `&` and `;`.
    private static func appendReference(_ bytes: UnsafePointer<UInt8>, _ name: Range<Int>, to paragraph: inout [UInt8]) {
        switch (name.count, bytes[name.lowerBound]) {
        case (3, 0x61): paragraph.append(0x26)   // amp
        case (2, 0x6C): paragraph.append(0x3C)   // lt
        case (2, 0x67): paragraph.append(0x3E)   // gt
        case (4, 0x71): paragraph.append(0x22)   // quot
        case (4, 0x61): paragraph.append(0x27)   // apos
        default:
            let hex = bytes[name.lowerBound + 1] == 0x78
            var value: UInt32 = 0
            for k in (name.lowerBound + (hex ? 2 : 1))..<name.upperBound {
                let b = bytes[k]
                let digit = b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x61 + 10
                value = value * (hex ? 16 : 10) + UInt32(digit)
            }
            if let scalar = Unicode.Scalar(value) { paragraph.append(contentsOf: String(Character(scalar)).utf8) }
        }
    }
}
