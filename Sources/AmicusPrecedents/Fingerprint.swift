import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What makes a corpus "the same": for every `*.yaml`/`*.yml` file, its name, size, inode, modification time and
/// status-change time (both in nanoseconds), plus the folder's own path; hashed to 128 bits.
///
/// Caveat (documented in docs/precedents.md): file contents are not hashed, because reading 100,000 files on every
/// open costs far more than stat-ing them. An edit is missed only if it keeps the size and both times to the
/// nanosecond; `ctime` cannot be set back by `touch`, so restoring an old mtime is still seen. On file systems with
/// coarse timestamps (FAT: 2 s) a same-size edit within the same tick is the remaining gap; `rebuild()` forces a new index.
enum Fingerprint {
    static func compute(directory: URL) throws(PrecedentIndexError) -> String {
        let files: [URL]
        do { files = try PrecedentCorpus.files(in: directory) } catch {
            throw .corpusNotFound(directory.path)
        }
        var h = Hasher128()
        h.add(directory.standardizedFileURL.path)
        h.add("\n")
        for url in files {
            var st = stat()
            guard stat(url.path, &st) == 0 else { h.add("\(url.lastPathComponent)\tmissing\n"); continue }
            #if canImport(Darwin)
            let m = st.st_mtimespec, c = st.st_ctimespec
            #else
            let m = st.st_mtim, c = st.st_ctim
            #endif
            h.add("\(url.lastPathComponent)\t\(st.st_size)\t\(st.st_ino)\t\(m.tv_sec).\(m.tv_nsec)\t\(c.tv_sec).\(c.tv_nsec)\n")
        }
        return h.hex
    }
}

/// Two FNV-1a 64-bit hashes with different offsets (not cryptographic; enough to tell two corpus states apart).
struct Hasher128 {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142
    mutating func add(_ s: String) {
        for byte in s.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = b &+ (b >> 29)
        }
    }
    var hex: String {
        func h(_ v: UInt64) -> String { let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return h(a) + h(b)
    }
}
