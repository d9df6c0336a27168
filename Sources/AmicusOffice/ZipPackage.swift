internal import CLibzip
import Foundation

/// An OOXML or ODF package held in memory: the template's bytes, checked once on open, and rewritten per
/// render with only the changed entries replaced. libzip copies every unchanged entry's compressed bytes as
/// they are, so a render never re-compresses images, fonts or styles it did not touch.
struct ZipPackage: Sendable {
    struct Entry: Sendable {
        var index: UInt64
        var name: String
        var size: UInt64
        var compressedSize: UInt64
    }

    /// Limits that keep a hostile package from exhausting memory or escaping the output folder.
    struct Limits: Sendable {
        var maxEntries = 10_000
        var maxEntrySize: UInt64 = 256 << 20
        var maxTotalSize: UInt64 = 1 << 30
        /// An entry larger than `ratioFloor` that expands more than this many times is treated as a zip bomb.
        var maxRatio: UInt64 = 200
        var ratioFloor: UInt64 = 1 << 20
    }

    let bytes: [UInt8]
    let entries: [Entry]

    /// Opens and checks a package. Every refusal names what is wrong in words a lawyer can act on.
    init(bytes: [UInt8], limits: Limits = Limits()) throws(PackageError) {
        self.bytes = bytes
        var found: [Entry] = []
        try Self.withArchive(bytes, flags: ZIP_CHECKCONS | ZIP_RDONLY) { (archive) throws(PackageError) in
            let count = zip_get_num_entries(archive, 0)
            guard count >= 0 else { throw PackageError("damaged zip archive: no readable list of entries") }
            guard count <= limits.maxEntries else {
                throw PackageError("the package holds \(count) entries, more than the \(limits.maxEntries) a document may have")
            }
            var total: UInt64 = 0
            for index in 0..<UInt64(count) {
                var stat = zip_stat_t()
                zip_stat_init(&stat)
                guard zip_stat_index(archive, index, ZIP_FL_ENC_GUESS, &stat) == 0, let cName = stat.name else {
                    throw PackageError("damaged zip archive: entry \(index) cannot be read")
                }
                let name = String(decoding: UnsafeRawBufferPointer(start: cName, count: strlen(cName)), as: UTF8.self)
                try Self.checkEntryName(name)
                let size = stat.size
                let compressed = max(stat.comp_size, 1)
                if size > limits.maxEntrySize {
                    throw PackageError("entry '\(name)' expands to \(size) bytes, more than the \(limits.maxEntrySize) allowed")
                }
                if size > limits.ratioFloor && size / compressed > limits.maxRatio {
                    throw PackageError("entry '\(name)' expands \(size / compressed) times (\(compressed) to \(size) bytes): refused as a likely zip bomb")
                }
                total += size
                if total > limits.maxTotalSize {
                    throw PackageError("the package expands to more than \(limits.maxTotalSize) bytes: refused as a likely zip bomb")
                }
                if stat.comp_method != ZIP_CM_STORE && stat.comp_method != ZIP_CM_DEFLATE {
                    throw PackageError("entry '\(name)' uses compression method \(stat.comp_method), which a document package does not use")
                }
                found.append(Entry(index: index, name: name, size: size, compressedSize: stat.comp_size))
            }
            var seen = Set<String>()
            for entry in found where !seen.insert(entry.name).inserted {
                throw PackageError("the package holds two entries named '\(entry.name)'")
            }
        }
        self.entries = found
    }

    func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// Reads one entry whole, trusting neither its declared size nor its data: the read stops at the size the
    /// directory gave, and libzip checks the CRC at the end.
    func read(_ entry: Entry) throws(PackageError) -> [UInt8] {
        var result: [UInt8] = []
        try Self.withArchive(bytes, flags: ZIP_RDONLY) { (archive) throws(PackageError) in
            guard let file = zip_fopen_index(archive, entry.index, 0) else {
                throw PackageError("entry '\(entry.name)' cannot be opened: \(String(cString: zip_strerror(archive)))")
            }
            defer { zip_fclose(file) }
            var buffer = [UInt8](repeating: 0, count: Int(entry.size) + 1)
            var filled = 0
            while true {
                let n = buffer.withUnsafeMutableBytes { raw in
                    zip_fread(file, raw.baseAddress! + filled, zip_uint64_t(raw.count - filled))
                }
                if n < 0 {
                    throw PackageError("entry '\(entry.name)' is damaged: \(String(cString: zip_file_strerror(file)))")
                }
                if n == 0 { break }
                filled += Int(n)
                if filled > Int(entry.size) {
                    throw PackageError("entry '\(entry.name)' holds more data than its declared \(entry.size) bytes")
                }
            }
            guard filled == Int(entry.size) else {
                throw PackageError("entry '\(entry.name)' is truncated: \(filled) of \(entry.size) bytes")
            }
            buffer.removeLast()
            result = buffer
        }
        return result
    }

    /// The package with `replacements` (entry name → new bytes) written in place of the old entries, every other
    /// entry copied as it was. The modification time of a replaced entry is fixed, so the same input always gives
    /// the same bytes.
    func rewritten(replacing replacements: [String: String], compressionLevel: UInt32 = 6) throws(PackageError) -> [UInt8] {
        if replacements.isEmpty { return bytes }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let outcome = bytes.withUnsafeBytes { raw in Result { () throws(PackageError) -> [UInt8] in
            // libzip gets its own malloc'ed copy and frees it: when the changed entries come late in the package,
            // libzip 1.7 writes by cloning the buffer's head and frees the original fragment, even one it was told
            // not to own (a render of an .odt whose only changed entry is content.xml crashed on that free).
            guard let copy = malloc(max(raw.count, 1)) else { throw PackageError("out of memory preparing the output package") }
            if raw.count > 0 { copy.copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
            guard let source = zip_source_buffer_create(copy, zip_uint64_t(raw.count), 1, &error) else {
                free(copy)
                throw PackageError("cannot prepare the output package: \(String(cString: zip_error_strerror(&error)))")
            }
            defer { zip_source_free(source) }
            zip_source_keep(source)
            guard let archive = zip_open_from_source(source, 0, &error) else {
                throw PackageError("cannot reopen the package: \(String(cString: zip_error_strerror(&error)))")
            }
            // Replace in entry order so that failures are reported the same way every time.
            for entry in entries {
                guard var text = replacements[entry.name] else { continue }
                let deflated = text.withUTF8 { bytes in
                    PrecompressedEntry(deflating: UnsafeRawBufferPointer(bytes), level: Int32(compressionLevel),
                                       modificationTime: Self.fixedModificationTime)
                }
                guard let part = deflated,
                      let entrySource = part.source(in: archive) else {
                    zip_discard(archive)
                    throw PackageError("cannot compress '\(entry.name)'")
                }
                // Deflate is set explicitly so libzip copies the compressed bytes instead of converting them.
                if zip_file_replace(archive, entry.index, entrySource, 0) != 0
                    || zip_set_file_compression(archive, entry.index, ZIP_CM_DEFLATE, 0) != 0
                    || zip_file_set_mtime(archive, entry.index, Self.fixedModificationTime, 0) != 0
                {
                    let message = String(cString: zip_strerror(archive))
                    zip_source_free(entrySource)
                    zip_discard(archive)
                    throw PackageError("cannot store '\(entry.name)': \(message)")
                }
            }
            guard zip_close(archive) == 0 else {
                let message = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw PackageError("cannot write the output package: \(message)")
            }
            return try Self.drain(source)
        } }
        return try outcome.get()
    }

    /// 1 January 2000, 00:00 as a DOS date for every rewritten entry, on any machine: zip stores local dates,
    /// and libzip turns a `time_t` into one with `localtime`, so the instant handed over is midnight *local* time
    /// (a fixed UTC instant came out as 09:00 in Tokyo and changed the file's bytes with the machine's zone).
    static let fixedModificationTime: time_t = {
        var midnight = tm()
        midnight.tm_year = 100   // 2000
        midnight.tm_mon = 0
        midnight.tm_mday = 1
        midnight.tm_isdst = -1
        let local = mktime(&midnight)
        return local == -1 ? 946_684_800 : local
    }()

    private static func drain(_ source: OpaquePointer) throws(PackageError) -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, stat.valid & UInt64(ZIP_STAT_SIZE) != 0 else {
            throw PackageError("cannot measure the output package")
        }
        guard zip_source_open(source) == 0 else { throw PackageError("cannot read back the output package") }
        defer { zip_source_close(source) }
        var out = [UInt8](repeating: 0, count: Int(stat.size))
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { raw in
                zip_source_read(source, raw.baseAddress! + filled, zip_uint64_t(raw.count - filled))
            }
            if n <= 0 { throw PackageError("cannot read back the output package") }
            filled += Int(n)
        }
        return out
    }

    private static func withArchive(
        _ bytes: [UInt8], flags: Int32, _ body: (OpaquePointer) throws(PackageError) -> Void
    ) throws(PackageError) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let outcome = bytes.withUnsafeBytes { raw in Result { () throws(PackageError) in
            guard let source = zip_source_buffer_create(raw.baseAddress, zip_uint64_t(raw.count), 0, &error) else {
                throw PackageError("cannot read the package: \(String(cString: zip_error_strerror(&error)))")
            }
            guard let archive = zip_open_from_source(source, flags, &error) else {
                let code = zip_error_code_zip(&error)
                zip_source_free(source)
                switch code {
                case ZIP_ER_NOZIP: throw PackageError("not a zip package: the file is not a .docx/.odt, or it is truncated")
                case ZIP_ER_INCONS: throw PackageError("damaged zip package: its directory does not match its contents (truncated or altered)")
                default: throw PackageError("cannot open the package: \(String(cString: zip_error_strerror(&error)))")
                }
            }
            defer { zip_discard(archive) }
            try body(archive)
        } }
        try outcome.get()
    }

    /// An entry name that is absolute, climbs out with `..`, or uses backslashes could write outside the folder
    /// of whoever unpacks the output; refuse the template instead of passing it on.
    static func checkEntryName(_ name: String) throws(PackageError) {
        if name.isEmpty { throw PackageError("an entry has an empty name") }
        if name.hasPrefix("/") || name.contains("\\") || name.contains("\0") {
            throw PackageError("entry '\(name)' has an absolute or malformed path")
        }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." }) {
            throw PackageError("entry '\(name)' climbs out of the package with '..'")
        }
        if name.count >= 2, name.dropFirst().first == ":" {
            throw PackageError("entry '\(name)' names a drive")
        }
    }
}

/// A problem with the package itself, before any template is read.
struct PackageError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
