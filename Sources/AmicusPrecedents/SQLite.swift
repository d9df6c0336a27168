import Foundation
internal import CSQLite

/// A thin wrapper over the SQLite C API. Not thread-safe: `PrecedentIndex` serialises access with its lock.
final class SQLiteDB {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]

    init(path: String, readOnly: Bool = false, create: Bool = false) throws(PrecedentIndexError) {
        var db: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw .sqlite("cannot open \(path): \(msg)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        if readOnly {
            // Searches touch scattered pages of a file that is only ever replaced, never changed in place: map it
            // (no copy through read() per page) and keep up to 64 MiB of decoded pages between searches.
            sqlite3_exec(db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536", nil, nil, nil)
        }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func exec(_ sql: String) throws(PrecedentIndexError) {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(err)
            throw .sqlite("\(msg) (in: \(sql.prefix(80)))")
        }
    }

    func prepare(_ sql: String) throws(PrecedentIndexError) -> Statement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw .sqlite("\(errorMessage) (in: \(sql.prefix(120)))") }
        return Statement(handle: stmt, db: self)
    }

    /// A prepared statement kept for reuse, reset and with its bindings cleared.
    func cached(_ sql: String) throws(PrecedentIndexError) -> Statement {
        if let s = cache[sql] { s.reset(); return s }
        let s = try prepare(sql)
        if cache.count > 256 { cache.removeAll() }
        cache[sql] = s
        return s
    }
}

final class Statement {
    let handle: OpaquePointer
    unowned let db: SQLiteDB

    init(handle: OpaquePointer, db: SQLiteDB) { self.handle = handle; self.db = db }
    deinit { sqlite3_finalize(handle) }

    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ i: Int32, _ value: String?) {
        if let value { sqlite3_bind_text(handle, i, value, -1, Statement.transient) } else { sqlite3_bind_null(handle, i) }
    }
    func bind(_ i: Int32, _ value: Int) { sqlite3_bind_int64(handle, i, Int64(value)) }
    func bind(_ i: Int32, _ value: Double) { sqlite3_bind_double(handle, i, value) }
    func bind(_ i: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, i, raw.baseAddress, Int32(raw.count), Statement.transient)
        }
    }

    /// true: a row is ready; false: done.
    @discardableResult
    func step() throws(PrecedentIndexError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw .sqlite(db.errorMessage)
    }

    /// Runs to completion and resets.
    func run() throws(PrecedentIndexError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    func int(_ col: Int32) -> Int { Int(sqlite3_column_int64(handle, col)) }
    func double(_ col: Int32) -> Double { sqlite3_column_double(handle, col) }
    func isNull(_ col: Int32) -> Bool { sqlite3_column_type(handle, col) == SQLITE_NULL }
    func text(_ col: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, col) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, col))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    /// The blob of the current row, valid only inside `body`.
    func withBlob<T>(_ col: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let n = Int(sqlite3_column_bytes(handle, col))
        guard n > 0, let p = sqlite3_column_blob(handle, col) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: p, count: n))
    }
    func blob(_ col: Int32) -> Data {
        let n = Int(sqlite3_column_bytes(handle, col))
        guard n > 0, let p = sqlite3_column_blob(handle, col) else { return Data() }
        return Data(bytes: p, count: n)
    }
}
