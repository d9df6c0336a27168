internal import CLibzip
import Synchronization

/// libdeflate compressors kept between parts: allocating one sets up over 100 KB of match-finder tables, which
/// for a header of one kilobyte costs more than compressing it. One compressor serves one caller at a time.
final class CompressorPool: Sendable {
    static let shared = CompressorPool()
    private struct Idle: @unchecked Sendable { var compressors: [(level: Int32, pointer: OpaquePointer)] = [] }
    private let idle = Mutex(Idle())

    func take(level: Int32) -> OpaquePointer? {
        let reused = idle.withLock { idle -> OpaquePointer? in
            guard let index = idle.compressors.lastIndex(where: { $0.level == level }) else { return nil }
            return idle.compressors.remove(at: index).pointer
        }
        return reused ?? libdeflate_alloc_compressor(level)
    }

    func give(back compressor: OpaquePointer, level: Int32) {
        let kept = idle.withLock { idle -> Bool in
            guard idle.compressors.count < 16 else { return false }
            idle.compressors.append((level, compressor))
            return true
        }
        if !kept { libdeflate_free_compressor(compressor) }
    }
}

/// A rendered part, deflated by Amicus and handed to libzip as data that is already compressed. libzip sees a
/// source whose size, CRC and method are known and copies its bytes as it copies an unchanged entry, so each
/// part is compressed once, at the level chosen here, and never inflated again to be checked.
final class PrecompressedEntry {
    let compressed: [UInt8]
    let size: UInt64
    let crc: UInt32
    let modificationTime: time_t
    private var offset = 0
    private var error = zip_error_t()

    /// Deflates `data` (raw deflate, as zip stores it) at `level` (1 fastest … 12 smallest) with libdeflate.
    init?(deflating data: UnsafeRawBufferPointer, level: Int32, modificationTime: time_t) {
        guard let compressor = CompressorPool.shared.take(level: level) else { return nil }
        defer { CompressorPool.shared.give(back: compressor, level: level) }
        var output = [UInt8](repeating: 0, count: libdeflate_deflate_compress_bound(compressor, data.count))
        let produced = output.withUnsafeMutableBytes { out in
            libdeflate_deflate_compress(compressor, data.baseAddress, data.count, out.baseAddress, out.count)
        }
        guard produced > 0 || data.isEmpty else { return nil }
        output.removeSubrange(produced...)
        self.compressed = output
        self.size = UInt64(data.count)
        self.crc = libdeflate_crc32(0, data.baseAddress, data.count)
        self.modificationTime = modificationTime
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    /// A libzip source reading this entry; libzip owns the reference and releases it with ZIP_SOURCE_FREE.
    func source(in archive: OpaquePointer) -> OpaquePointer? {
        let context = Unmanaged.passRetained(self).toOpaque()
        guard let source = zip_source_function(archive, precompressedCallback, context) else {
            Unmanaged<PrecompressedEntry>.fromOpaque(context).release()
            return nil
        }
        return source
    }

    fileprivate func handle(_ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_OPEN:
            offset = 0
            return 0
        case ZIP_SOURCE_READ:
            guard let data else { return -1 }
            let count = min(Int(length), compressed.count - offset)
            if count > 0 {
                compressed.withUnsafeBytes { raw in data.copyMemory(from: raw.baseAddress! + offset, byteCount: count) }
                offset += count
            }
            return zip_int64_t(count)
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_STAT:
            guard let data, length >= MemoryLayout<zip_stat_t>.size else { return -1 }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = size
            stat.pointee.comp_size = zip_uint64_t(compressed.count)
            stat.pointee.crc = crc
            stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
            stat.pointee.mtime = modificationTime
            stat.pointee.valid = zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_MTIME)
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            return zip_error_to_data(&error, data, length)
        case ZIP_SOURCE_FREE:
            return 0
        case ZIP_SOURCE_SUPPORTS:
            let supported = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
                             ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return supported.reduce(zip_int64_t(0)) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
        default:
            zip_error_set(&error, ZIP_ER_OPNOTSUPP, 0)
            return -1
        }
    }
}

private let precompressedCallback: zip_source_callback = { context, data, length, command in
    guard let context else { return -1 }
    let unmanaged = Unmanaged<PrecompressedEntry>.fromOpaque(context)
    let result = unmanaged.takeUnretainedValue().handle(data, length, command)
    if command == ZIP_SOURCE_FREE { unmanaged.release() }
    return result
}
