/// An ASCII copy of a UTF-8 XML part for libxml2's well-formedness check: every byte of a non-ASCII character becomes
/// `!`. libxml2 reads ASCII on its fast path; on Cyrillic text it decodes and range-checks every character with a
/// call of its own, a ninth of a whole render.
///
/// Why the check stays exact: a `!` is allowed wherever a non-ASCII character is (text, attribute values, comments,
/// CDATA, processing instructions) and refused wherever a non-ASCII character might be (names, the XML declaration,
/// references), and it never forms markup (`<`, `&`, `]]>`, `-->`, `?>`). So the copy is well-formed only if the
/// part's structure is; what the copy cannot show, that the part is UTF-8 and holds no character XML 1.0 refuses
/// (outside ASCII, only U+FFFE and U+FFFF), is checked here. A part that fails on the copy is parsed again as it is,
/// so libxml2's verdict and message are on the real bytes; so is a part declaring an encoding other than UTF-8.
enum ASCIIStandIn {
    /// nil when the part must be checked as it is: bytes that are not UTF-8 (checked unless `knownUTF8`, as for the
    /// bytes of a Swift String), U+FFFE or U+FFFF, or a declared encoding other than UTF-8. Otherwise the copy.
    static func make(_ bytes: UnsafeRawBufferPointer, knownUTF8: Bool) -> [UInt8]? {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
        if !knownUTF8 && String(validating: UnsafeBufferPointer(start: base, count: n), as: UTF8.self) == nil { return nil }
        var start = 0
        if n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start = 3 }   // a BOM stays as it is
        guard declaresUTF8(bytes, from: start) else { return nil }
        var refused = false
        let out = [UInt8](unsafeUninitializedCapacity: n) { buffer, count in
            let dst = buffer.baseAddress!
            dst.initialize(from: base, count: n)
            count = n
            /// Whether U+FFFE or U+FFFF (EF BF BE, EF BF BF) starts at `j`.
            func forbidden(at j: Int) -> Bool {
                j + 2 < n && base[j] == 0xEF && base[j + 1] == 0xBF && (base[j + 2] == 0xBE || base[j + 2] == 0xBF)
            }
            let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
            var i = start
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let top = w & high
                if top != 0 {
                    let mask = (top >> 7) &* 0xFF                       // 0xFF for each byte of a non-ASCII character
                    let standIn = (w & ~mask) | (0x2121_2121_2121_2121 & mask)
                    UnsafeMutableRawPointer(dst + i).storeBytes(of: standIn, as: UInt64.self)
                    let x = w ^ 0xEFEF_EFEF_EFEF_EFEF                   // a zero byte where w holds EF
                    if (x &- ones) & ~x & high != 0 {
                        for k in i..<(i + 8) where forbidden(at: k) { refused = true; return }
                    }
                }
                i += 8
            }
            while i < n {
                if base[i] >= 0x80 {
                    if forbidden(at: i) { refused = true; return }
                    dst[i] = UInt8(ascii: "!")
                }
                i += 1
            }
        }
        return refused ? nil : out
    }

    /// true when the XML declaration (if any) names no encoding or UTF-8.
    private static func declaresUTF8(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        let prefix = Array("<?xml".utf8)
        // "<?xml" and a space: the declaration ("<?xml-stylesheet" is a processing instruction).
        guard bytes.count > start + prefix.count, zip(prefix.indices, prefix).allSatisfy({ bytes[start + $0] == $1 }),
              [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start + prefix.count]) else {
            return true
        }
        var end = start
        while end + 1 < bytes.count && !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
        let declaration = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let at = declaration.range(of: "encoding") else { return true }
        let rest = declaration[at.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
        let value = rest.dropFirst().prefix { $0 != quote }.uppercased()
        return value == "UTF-8" || value == "UTF8"
    }
}
