internal import CSQLite

/// The facet bitmaps of the search being run, read by the SQL function `amicus_facets(rowid)` that a text query's
/// inner `WHERE` calls for each FTS5 match. One per connection; `PrecedentIndex` sets `active` under its lock for the
/// length of one statement.
final class FacetFilter {
    var active: [FacetBitmap] = []

    func passes(_ rid: Int) -> Bool {
        for map in active where !map.contains(rid) { return false }
        return true
    }

    /// Registers `amicus_facets(rowid)` on `db`: 1 when the row is in every active bitmap. The connection keeps the
    /// filter alive until it closes.
    func register(on db: SQLiteDB) throws(PrecedentIndexError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        // On failure SQLite calls the destructor itself, which releases the retain above.
        let rc = sqlite3_create_function_v2(
            db.handle, "amicus_facets", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, context,
            { call, _, arguments in
                guard let call, let user = sqlite3_user_data(call), let arguments, let rowid = arguments[0] else { return }
                let filter = Unmanaged<FacetFilter>.fromOpaque(user).takeUnretainedValue()
                sqlite3_result_int(call, filter.passes(Int(sqlite3_value_int64(rowid))) ? 1 : 0)
            },
            nil, nil,
            { user in if let user { Unmanaged<FacetFilter>.fromOpaque(user).release() } })
        guard rc == SQLITE_OK else { throw .sqlite("cannot register amicus_facets: \(db.errorMessage)") }
    }
}
