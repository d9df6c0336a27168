internal import CSystemCalls
import Foundation

/// Writes a file so that it is either complete or absent: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and only then renamed over the destination. A filing is never half-written.
///
/// A batch writes in two steps so that no renderer waits for the disk: `stage` writes the temporary file, and
/// `commit` (run by one writer for many files at once) flushes them with one call and renames each into place.
public enum AtomicWrite {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// A temporary file written but not yet flushed or renamed; `commit` finishes it or removes it.
    public struct Staged: Sendable {
        public let path: String
        let temporary: String
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let staged = try stage(bytes, to: path)
        if case .failure(let failure) = commit([staged])[0] { throw failure }
    }

    /// Writes `bytes` to a temporary file beside `path`. Nothing is visible under `path` until `commit`.
    public static func stage(_ bytes: [UInt8], to path: String) throws(Failure) -> Staged {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(path: path, reason: "the folder '\(folder)' does not exist")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".amicus-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var failure: String? = nil
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += n
            }
        }
        // Closed at once: a batch may stage hundreds of files before the writer catches up.
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(path: path, reason: failure)
        }
        return Staged(path: path, temporary: temporary)
    }

    /// Flushes every staged file to disk, then renames each over its destination; a file that cannot be flushed
    /// is removed, never renamed. Several files are flushed with one `syncfs` of their file system instead of one
    /// `fsync` each. Results come back in the order of `staged`.
    public static func commit(_ staged: [Staged]) -> [Result<Void, Failure>] {
        guard let first = staged.first else { return [] }
        var flushedTogether = false
        if staged.count > 1 {
            let folder = URL(fileURLWithPath: first.temporary).deletingLastPathComponent().path
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                flushedTogether = amicus_syncfs(descriptor) == 0
                close(descriptor)
            }
        }
        return staged.map { file in
            var failure: String? = nil
            if !flushedTogether { failure = flush(file.temporary) }
            if failure == nil && rename(file.temporary, file.path) != 0 { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(file.temporary)
                return .failure(Failure(path: file.path, reason: failure))
            }
            return .success(())
        }
    }

    /// fsync of one file, by name; the problem, or nil.
    private static func flush(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}
