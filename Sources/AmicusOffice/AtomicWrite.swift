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
    /// The folder and name are split as text, not through `URL`, which asks the file system about the path (a
    /// batch stages a thousand files a second); a missing folder shows when the file cannot be created.
    public static func stage(_ bytes: [UInt8], to path: String) throws(Failure) -> Staged {
        let (folder, name) = split(path)
        let temporary = (folder == "/" ? "/" : folder + "/") + "." + name + ".amicus-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = InFlight.shared.create(temporary)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT || errno == ENOTDIR ? "the folder '\(folder)' does not exist" : String(cString: strerror(errno))
            throw Failure(path: path, reason: reason)
        }
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
            InFlight.shared.remove(temporary)
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
            let descriptor = open(split(first.temporary).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                flushedTogether = amicus_syncfs(descriptor) == 0
                close(descriptor)
            }
        }
        return staged.map { file in
            var failure: String? = nil
            if !flushedTogether { failure = flush(file.temporary) }
            if failure == nil && rename(file.temporary, file.path) != 0 { failure = String(cString: strerror(errno)) }
            if failure != nil { unlink(file.temporary) }
            InFlight.shared.remove(file.temporary)
            if let failure { return .failure(Failure(path: file.path, reason: failure)) }
            return .success(())
        }
    }

    /// The folder a path is in ("." for a bare name) and the name in it.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// fsync of one file, by name; the problem, or nil.
    private static func flush(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }

    /// Makes Ctrl-C (SIGINT) and SIGTERM remove every temporary file staged and not yet renamed before the process
    /// exits (130 or 143, as a shell reports a signal), so an interrupted batch leaves only complete filings and no
    /// hidden `.NAME.amicus-PID-N.tmp` files. For one-shot commands; a server handles its own signals. Call once.
    public static func removeStagedFilesOnInterrupt() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                for temporary in InFlight.shared.drain() { unlink(temporary) }
                exit(128 + signalNumber)
            }
            source.resume()
            InFlight.shared.keep(source)
        }
    }

    /// Temporary files that exist and have not been renamed or removed yet. Files are created under a shared lock
    /// and the interrupt takes it exclusively, so no file can appear between the clean-up and the exit.
    final class InFlight: @unchecked Sendable {
        static let shared = InFlight()
        private let creating: UnsafeMutablePointer<pthread_rwlock_t> = {
            let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
            pthread_rwlock_init(lock, nil)
            return lock
        }()
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var sources: [DispatchSourceSignal] = []
        private var closed = false

        /// Creates `path` (exclusively, for writing) and records it; the descriptor, or -1 with errno set.
        func create(_ path: String) -> Int32 {
            pthread_rwlock_rdlock(creating)
            lock.lock()
            let isClosed = closed
            lock.unlock()
            if isClosed {
                // An interrupt is cleaning up: create nothing more, wait for its exit.
                pthread_rwlock_unlock(creating)
                while true { pause() }
            }
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { lock.lock(); paths.insert(path); lock.unlock() }
            let saved = errno
            pthread_rwlock_unlock(creating)
            errno = saved
            return descriptor
        }
        func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }
        /// Waits for creations under way, forbids new ones, and hands over what is left to remove.
        func drain() -> Set<String> {
            pthread_rwlock_wrlock(creating)
            lock.lock()
            closed = true
            let left = paths
            lock.unlock()
            pthread_rwlock_unlock(creating)
            return left
        }
        func keep(_ source: DispatchSourceSignal) { lock.lock(); sources.append(source); lock.unlock() }
    }
}
