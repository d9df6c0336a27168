internal import CSQLite
import Foundation

/// FTS5's bm25, computed the same way (k1 = 1.2, b = 0.75, the column weights of `PrecedentIndex.bm25Weights`, the
/// same operations in the same order, so the scores are equal to the last bit), registered on a connection as
/// `amicus_bm25(fts)`. What it does not repeat is the per-query work FTS5's own function does before the first
/// score: it walks every match of every phrase once to count the records that hold it. For a word in thousands of
/// records that walk cost as much as the search itself; here the count comes from `termdocs`, written when the index
/// is built, and only rare terms, prefixes and phrases of several tokens are still counted by walking.
final class RankFunction {
    /// How many records hold each phrase of the query about to run, in query order; nil where the count must be
    /// walked. Set by `begin(phraseDocs:)` before each statement that scores.
    private var phraseDocs: [Int?] = []
    private var idf: [Double]?
    private var avgdl = 0.0
    private var frequency: [Double] = []
    private let weights: [Double]
    /// Each record's length in tokens by rowid (bm25's D), read from the index once; FTS5's own function reads
    /// `fts_docsize` with a statement per scored row, a fifth of a frequent word's search.
    var lengths: [UInt32] = []

    init(weights: [Double]) { self.weights = weights }

    /// Called (under the index lock) before a statement that calls `amicus_bm25` runs.
    func begin(phraseDocs: [Int?]) {
        self.phraseDocs = phraseDocs
        idf = nil
    }

    /// Registers `amicus_bm25` through the connection's `fts5_api`. The connection keeps this object alive until it
    /// closes.
    func register(on db: SQLiteDB) throws(PrecedentIndexError) {
        guard let api = try FTS5.api(of: db) else { throw .sqlite("this SQLite has no FTS5") }
        let context = Unmanaged.passRetained(self).toOpaque()
        let rc = api.pointee.xCreateFunction(api, "amicus_bm25", context, { pApi, pFts, pCtx, _, _ in
            guard let pApi, let pFts, let pCtx, let user = pApi.pointee.xUserData(pFts) else { return }
            let rank = Unmanaged<RankFunction>.fromOpaque(user).takeUnretainedValue()
            var score = 0.0
            let rc = rank.score(pApi, pFts, into: &score)
            if rc == SQLITE_OK { sqlite3_result_double(pCtx, score) } else { sqlite3_result_error_code(pCtx, rc) }
        }, { user in if let user { Unmanaged<RankFunction>.fromOpaque(user).release() } })
        guard rc == SQLITE_OK else { throw .sqlite("cannot register amicus_bm25 (\(rc))") }
    }

    /// An SQLite result code; the score in `result`.
    private func score(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, into result: inout Double) -> Int32 {
        let k1 = 1.2, b = 0.75
        let x = api.pointee
        if idf == nil {
            let phrases = Int(x.xPhraseCount(fts))
            var nRow: Int64 = 0, nToken: Int64 = 0
            var rc = x.xRowCount(fts, &nRow)
            if rc == SQLITE_OK { rc = x.xColumnTotalSize(fts, -1, &nToken) }
            guard rc == SQLITE_OK else { return rc }
            avgdl = Double(nToken) / Double(nRow)
            // The stored counts hold for single-token phrases in this query's order; anything else is counted.
            let known = phraseDocs.count == phrases ? phraseDocs : Array(repeating: nil, count: phrases)
            var values: [Double] = []
            for i in 0..<phrases {
                var nHit: Int64 = 0
                if let n = known[i], x.xPhraseSize(fts, Int32(i)) == 1 {
                    nHit = Int64(n)
                } else {
                    rc = x.xQueryPhrase(fts, Int32(i), &nHit) { _, _, user in
                        user!.assumingMemoryBound(to: Int64.self).pointee += 1
                        return SQLITE_OK
                    }
                    guard rc == SQLITE_OK else { return rc }
                }
                var v = log((Double(nRow) - Double(nHit) + 0.5) / (Double(nHit) + 0.5))
                if v <= 0.0 { v = 1e-6 }
                values.append(v)
            }
            idf = values
            frequency = Array(repeating: 0, count: phrases)
        }
        let idf = self.idf!
        for i in frequency.indices { frequency[i] = 0 }
        var nInst: Int32 = 0
        var rc = x.xInstCount(fts, &nInst)
        guard rc == SQLITE_OK else { return rc }
        for i in 0..<nInst {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            rc = x.xInst(fts, i, &phrase, &column, &offset)
            guard rc == SQLITE_OK else { return rc }
            frequency[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1.0
        }
        let rowid = x.xRowid(fts)
        let d: Double
        if rowid >= 0 && rowid < lengths.count {
            d = Double(lengths[Int(rowid)])
        } else {
            var nTok: Int32 = 0
            rc = x.xColumnSize(fts, -1, &nTok)
            guard rc == SQLITE_OK else { return rc }
            d = Double(nTok)
        }
        var score = 0.0
        for i in idf.indices {
            score += idf[i] * ((frequency[i] * (k1 + 1.0)) / (frequency[i] + k1 * (1 - b + b * d / avgdl)))
        }
        result = -1.0 * score
        return SQLITE_OK
    }
}

extension RankFunction {
    /// A row of `fts_docsize` (one SQLite varint per column) → the row's length in tokens, all columns together.
    static func totalTokens(docsize bytes: UnsafeRawBufferPointer) -> UInt32 {
        var total: UInt64 = 0
        var i = 0
        while i < bytes.count {
            var value: UInt64 = 0
            for n in 0..<9 {
                guard i < bytes.count else { break }
                let byte = bytes[i]
                i += 1
                if n == 8 { value = value << 8 | UInt64(byte); break }
                value = value << 7 | UInt64(byte & 0x7f)
                if byte & 0x80 == 0 { break }
            }
            total &+= value
        }
        return UInt32(truncatingIfNeeded: total)
    }
}
