import Foundation

/// A byte string inside a buffer: the one search that the scans over rendered parts, template parts, filing texts
/// and form uploads share. `memchr` looks for the needle's least common byte (as this project's texts go: XML
/// markup, lowercase Latin, Cyrillic UTF-8) and `memcmp` confirms; glibc's `memmem` measured 9 % slower over a
/// whole render, because a footnote mark (EF B7 92) almost never occurs and `memchr` skips to it at once.
public enum ByteSearch {
    /// The offset of the first `needle` in `haystack` at or after `start`, or nil. An empty needle is found at
    /// `start`.
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                                  from start: Int = 0) -> Int? {
        guard start >= 0, start <= haystack.count else { return nil }
        if needle.isEmpty { return start }
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress,
              needle.count <= haystack.count - start else { return nil }
        let anchor = anchorIndex(needle)
        let lastStart = haystack.count - needle.count
        var from = start
        while from <= lastStart {
            guard let hit = memchr(base + from + anchor, Int32(needle[anchor]), lastStart - from + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(base + at, needleBase, needle.count) == 0 { return at }
            from = at + 1
        }
        return nil
    }

    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { firstIndex(of: $0, in: haystack, from: start) }
    }

    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        haystack.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: start) }
    }

    /// The last of the needle's least common bytes.
    static func anchorIndex(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0, bestScore = Int.max
        for (index, byte) in needle.enumerated() where commonness(byte) <= bestScore {
            best = index
            bestScore = commonness(byte)
        }
        return best
    }

    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 0x20, 0x22, 0x2F, 0x3A, 0x3C, 0x3D, 0x3E: 3          // space and markup
        case 0x80...0xBF, 0xC2, 0xC3, 0xD0, 0xD1: 3               // UTF-8 continuations, Latin-1 and Cyrillic leads
        case 0x61...0x7A: 2                                       // lowercase Latin
        default: 0
        }
    }
}
