internal import CSQLite
import Foundation

/// The FTS5 extension interface of a connection, and its tokenizer: the query's terms are looked up in `termdocs` in
/// the form FTS5 itself indexes them (case folded, diacritics removed), and snippets mark the words FTS5 matched.
enum FTS5 {
    private static let pointerType: StaticString = "fts5_api_ptr"

    static func api(of db: SQLiteDB) throws(PrecedentIndexError) -> UnsafeMutablePointer<fts5_api>? {
        let s = try db.prepare("SELECT fts5(?1)")
        let slot = UnsafeMutablePointer<UnsafeMutablePointer<fts5_api>?>.allocate(capacity: 1)
        defer { slot.deallocate() }
        slot.initialize(to: nil)
        let type = UnsafeRawPointer(pointerType.utf8Start).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_pointer(s.handle, 1, slot, type, nil)
        _ = try s.step()
        return slot.pointee
    }

    /// The tokens FTS5 makes of a text, with the index's tokenizer and options.
    final class Tokenizer {
        private var methods = fts5_tokenizer()
        private var handle: OpaquePointer?

        init(db: SQLiteDB, name: String, arguments: [String]) throws(PrecedentIndexError) {
            guard let api = try FTS5.api(of: db) else { throw .sqlite("this SQLite has no FTS5") }
            var user: UnsafeMutableRawPointer?
            guard api.pointee.xFindTokenizer(api, name, &user, &methods) == SQLITE_OK, let create = methods.xCreate else {
                throw .sqlite("FTS5 has no tokenizer \(name)")
            }
            let cArgs = arguments.map { strdup($0) }
            defer { cArgs.forEach { free($0) } }
            var pointers = cArgs.map { UnsafePointer($0) }
            let rc = pointers.withUnsafeMutableBufferPointer { buffer in
                create(user, buffer.baseAddress, Int32(buffer.count), &handle)
            }
            guard rc == SQLITE_OK else { throw .sqlite("cannot create the \(name) tokenizer (\(rc))") }
        }

        deinit { if let handle { methods.xDelete?(handle) } }

        /// The tokens of `text`, as FTS5 indexes them. (unicode61 reads a query as it reads a document.)
        func tokens(_ text: String) -> [String] {
            var out: [String] = []
            forEachToken(in: text) { token, _, _ in out.append(String(decoding: token, as: UTF8.self)) }
            return out
        }

        /// Calls `body` with each token's folded bytes (valid during the call only) and its byte range in `text`.
        func forEachToken(in text: String, _ body: (UnsafeRawBufferPointer, Int, Int) -> Void) {
            guard !text.isEmpty else { return }
            typealias Body = (UnsafeRawBufferPointer, Int, Int) -> Void
            withoutActuallyEscaping(body) { body in
                var box = body
                var utf8 = Array(text.utf8)
                utf8.withUnsafeMutableBufferPointer { bytes in
                    bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                        withUnsafeMutablePointer(to: &box) { context in
                            _ = methods.xTokenize?(handle, context, FTS5_TOKENIZE_DOCUMENT, chars, Int32(bytes.count)) {
                                context, _, token, count, start, end in
                                let body = context!.assumingMemoryBound(to: Body.self).pointee
                                body(UnsafeRawBufferPointer(start: token, count: Int(count)), Int(start), Int(end))
                                return SQLITE_OK
                            }
                        }
                    }
                }
            }
        }
    }
}
