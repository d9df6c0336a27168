import Foundation
internal import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A search over the index. Every field is optional; given fields are ANDed.
public struct PrecedentQuery: Sendable, Hashable {
    /// Article codes as people type them (`ECHR-5`, `art. 9 CRC`, `ст. 37 (b) КПР`); all must match,
    /// hierarchically (`ECHR-5` finds `ECHR-5-1-f`).
    public var articles: [String]
    /// ISO code or name, English or Russian (`RU`, `Russia`, `Россия`), or `general`.
    public var country: String?
    /// Forum code or name (`ECtHR`, `CRC`, `ЕСПЧ`, `КС РФ`). `CRC` and `CMW` also find their joint general comments.
    public var forum: String?
    /// Earliest date, inclusive: `2014`, `2014-07` or `2014-07-17`.
    public var from: String?
    /// Latest date, inclusive: `2019`, `2019-12` or `2019-12-31`.
    public var to: String?
    /// `violation`, `no-violation`, `not-examined`, `inadmissible` (also `нарушение`…). With articles, it applies to
    /// each given article; without, to any article of the record.
    public var outcome: String?
    /// Free text, English or Russian. Words are ANDed; `"a phrase"` in quotes; `word*` for a prefix. Everything
    /// else is taken literally (no FTS5 operators), so any text is safe.
    public var text: String?
    /// At most this many hits (nil: all).
    public var limit: Int?
    public var offset: Int
    /// With a text query, cut a snippet for each hit (a few µs a hit; templates rarely need it).
    public var snippets: Bool

    public init(articles: [String] = [], country: String? = nil, forum: String? = nil, from: String? = nil,
                to: String? = nil, outcome: String? = nil, text: String? = nil, limit: Int? = 50, offset: Int = 0,
                snippets: Bool = true) {
        self.articles = articles; self.country = country; self.forum = forum; self.from = from; self.to = to
        self.outcome = outcome; self.text = text; self.limit = limit; self.offset = offset; self.snippets = snippets
    }
}

/// A matched passage: the text with the matched words marked.
public struct Snippet: Sendable, Hashable, CustomStringConvertible {
    public struct Part: Sendable, Hashable {
        public var text: String
        public var isMatch: Bool
    }
    public var parts: [Part]
    /// The plain text.
    public var text: String { parts.map(\.text).joined() }
    public var description: String { marked(open: "[", close: "]") }
    /// The text with each match wrapped (`marked(open: "<mark>", close: "</mark>")` after escaping the parts yourself
    /// if the output is HTML: prefer iterating `parts`).
    public func marked(open: String, close: String) -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }

    init(parts: [Part]) { self.parts = parts }
}

public struct SearchHit: Sendable, Hashable {
    public var precedent: Precedent
    /// With a text query: the best passage.
    public var snippet: Snippet?
    /// With a text query: the bm25 score (FTS5's convention: lower, i.e. more negative, is better).
    public var rank: Double?
}

public enum PrecedentIndexError: Error, Sendable, CustomStringConvertible {
    /// The corpus has bad records: every problem, like a compiler's output.
    case corpus(CorpusError)
    case unknownArticle(ArticleCodeError)
    case unknownCountry(String)
    case unknownForum(String)
    case unknownOutcome(String)
    case badDate(String)
    case corpusNotFound(String)
    case duplicateID(String)
    case cache(String)
    case sqlite(String)

    public var description: String {
        switch self {
        case .corpus(let e): return e.description
        case .unknownArticle(let e): return e.description
        case .unknownCountry(let s): return CountryCodeError(input: s).description
        case .unknownForum(let s):
            return "unknown forum '\(s)': one of \(Forum.allCases.map(\.rawValue).joined(separator: ", ")), or a name (ЕСПЧ, КС РФ…)"
        case .unknownOutcome(let s):
            return "unknown outcome '\(s)': one of \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))"
        case .badDate(let s): return "not a date: '\(s)' (write 2014, 2014-07 or 2014-07-17)"
        case .corpusNotFound(let s): return "no precedent folder at \(s)"
        case .duplicateID(let s): return "duplicate precedent id '\(s)'"
        case .cache(let s): return "index cache: \(s)"
        case .sqlite(let s): return "index database: \(s)"
        }
    }
}

/// The SQLite FTS5 index over a precedent corpus.
///
/// Thread safety: a final class with a lock; every public method takes the lock, so one instance can be shared
/// (it is `Sendable`), but calls run one at a time. Open one per thread if you need parallel searches.
///
/// Staleness: the index stores a fingerprint of the corpus (see `Fingerprint`); `open` rebuilds when it differs,
/// and with `.everySearch` each call re-checks it first (a `stat` per file: ~1 µs each), so an edited, added or
/// deleted file is seen by the next search. With `.onOpen`, call `refreshIfNeeded()` yourself.
public final class PrecedentIndex: @unchecked Sendable {
    public enum Revalidation: Sendable { case onOpen, everySearch }

    /// Bumped whenever the table layout changes; an older cache is rebuilt.
    static let schemaVersion = "amicus-precedents-6"

    /// The corpus folder, nil for an index built from records in memory.
    public let corpusDirectory: URL?
    private let explicitCache: URL?
    private let revalidation: Revalidation
    private let lock = NSLock()
    private var db: SQLiteDB
    private var fingerprint: String?
    private var cacheURLStorage: URL?
    private var facets: [String: (fid: Int, count: Int)] = [:]
    private var bitmaps: [Int: FacetBitmap] = [:]
    private var filter = FacetFilter()
    private var rank = RankFunction(weights: [])
    private var tokenizer: FTS5.Tokenizer?
    private var decoded: [Int: Precedent] = [:]
    private var recordCount = 0

    private init(db: SQLiteDB, corpus: URL?, explicitCache: URL?, cacheURL: URL?, fingerprint: String?,
                 revalidation: Revalidation) throws(PrecedentIndexError) {
        self.db = db
        self.corpusDirectory = corpus
        self.explicitCache = explicitCache
        self.cacheURLStorage = cacheURL
        self.fingerprint = fingerprint
        self.revalidation = revalidation
        try loadFacets()
    }

    /// Where the index lives (nil: in memory).
    public var cacheURL: URL? { lock.withLock { cacheURLStorage } }

    // MARK: Opening

    /// Opens the index of the corpus in `corpus`, building or rebuilding it when the cache is missing or stale.
    /// - Parameters:
    ///   - cachePath: the SQLite file to use; nil → `defaultCacheURL(for:)`.
    /// - Throws: `.corpus` with every problem of every file when a (re)build meets bad records.
    public static func open(corpus: URL, cachePath: URL? = nil,
                            revalidation: Revalidation = .everySearch) throws(PrecedentIndexError) -> PrecedentIndex {
        let dir = corpus.standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw .corpusNotFound(corpus.path)
        }
        let fp = try Fingerprint.compute(directory: dir)
        let (db, url) = try obtain(corpus: dir, displayCorpus: corpus, fingerprint: fp, explicitCache: cachePath)
        return try PrecedentIndex(db: db, corpus: corpus, explicitCache: cachePath, cacheURL: url, fingerprint: fp,
                                  revalidation: revalidation)
    }

    /// Indexes records held in memory (no YAML, no staleness check): for benchmarks and tests.
    /// - Parameter path: an SQLite file to write (replaced), or nil for an in-memory database.
    public static func build(from records: [Precedent], at path: URL? = nil) throws(PrecedentIndexError) -> PrecedentIndex {
        var seen = Set<String>()
        for r in records where !seen.insert(r.id).inserted { throw .duplicateID(r.id) }
        if let path {
            try writeFile(records: records, to: path, fingerprint: "memory", corpusPath: "")
            let db = try SQLiteDB(path: path.path, readOnly: true)
            return try PrecedentIndex(db: db, corpus: nil, explicitCache: path, cacheURL: path, fingerprint: nil, revalidation: .onOpen)
        }
        let db = try SQLiteDB(path: ":memory:", create: true)
        try write(records: records, into: db, fingerprint: "memory", corpusPath: "")
        return try PrecedentIndex(db: db, corpus: nil, explicitCache: nil, cacheURL: nil, fingerprint: nil, revalidation: .onOpen)
    }

    /// `<corpus>/.index.sqlite` if the folder is writable, else `$XDG_CACHE_HOME/amicus/<hash of the corpus path>.sqlite`
    /// (or `~/.cache/amicus/…`).
    public static func defaultCacheURL(for corpus: URL) -> URL {
        let dir = corpus.standardizedFileURL
        if access(dir.path, W_OK) == 0 { return dir.appendingPathComponent(".index.sqlite") }
        var h = Hasher128()
        h.add(dir.path)
        let env = ProcessInfo.processInfo.environment
        let base: URL
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") {
            base = URL(fileURLWithPath: x)
        } else if let home = env["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            base = URL(fileURLWithPath: NSTemporaryDirectory())
        }
        return base.appendingPathComponent("amicus").appendingPathComponent("precedents-\(h.hex.prefix(16)).sqlite")
    }

    /// Rebuilds if the corpus changed since the index was built. Returns true if it rebuilt.
    @discardableResult
    public func refreshIfNeeded() throws(PrecedentIndexError) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return try refreshLocked(force: false)
    }

    /// Rebuilds from the corpus now, whatever the fingerprint says.
    public func rebuild() throws(PrecedentIndexError) {
        lock.lock(); defer { lock.unlock() }
        _ = try refreshLocked(force: true)
    }

    private func refreshLocked(force: Bool) throws(PrecedentIndexError) -> Bool {
        guard let corpus = corpusDirectory else { return false }
        let dir = corpus.standardizedFileURL
        let fp = try Fingerprint.compute(directory: dir)
        if !force && fp == fingerprint { return false }
        if force, let url = cacheURLStorage { try? FileManager.default.removeItem(at: url) }
        let (newDB, url) = try PrecedentIndex.obtain(corpus: dir, displayCorpus: corpus, fingerprint: fp, explicitCache: explicitCache)
        db = newDB
        cacheURLStorage = url
        fingerprint = fp
        decoded.removeAll()
        try loadFacets()
        return true
    }

    private func revalidateIfAsked() throws(PrecedentIndexError) {
        if revalidation == .everySearch { _ = try refreshLocked(force: false) }
    }

    /// Opens a fresh cache or builds one. Falls back to memory when the default cache location cannot be written.
    private static func obtain(corpus dir: URL, displayCorpus: URL, fingerprint fp: String,
                               explicitCache: URL?) throws(PrecedentIndexError) -> (SQLiteDB, URL?) {
        let url = explicitCache ?? defaultCacheURL(for: dir)
        if FileManager.default.fileExists(atPath: url.path),
           let db = try? SQLiteDB(path: url.path, readOnly: true),
           (try? metaValue(db, "fingerprint")) == fp,
           (try? metaValue(db, "schema")) == schemaVersion {
            return (db, url)
        }
        let corpus: PrecedentCorpus
        do { corpus = try PrecedentCorpus.load(from: displayCorpus) } catch { throw .corpus(error) }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try writeFile(records: corpus.records, to: url, fingerprint: fp, corpusPath: dir.path)
            return (try SQLiteDB(path: url.path, readOnly: true), url)
        } catch let e as PrecedentIndexError {
            if explicitCache != nil { throw e }
        } catch {
            if explicitCache != nil { throw .cache("cannot write \(url.path): \(error.localizedDescription)") }
        }
        let mem = try SQLiteDB(path: ":memory:", create: true)
        try write(records: corpus.records, into: mem, fingerprint: fp, corpusPath: dir.path)
        return (mem, nil)
    }

    private static func metaValue(_ db: SQLiteDB, _ key: String) throws(PrecedentIndexError) -> String? {
        let s = try db.prepare("SELECT value FROM meta WHERE key = ?1")
        s.bind(1, key)
        return try s.step() ? s.text(0) : nil
    }

    // MARK: Building

    /// Writes to a temporary file beside `url`, then renames it into place: a reader never sees half an index.
    private static func writeFile(records: [Precedent], to url: URL, fingerprint: String, corpusPath: String) throws(PrecedentIndexError) {
        let tmp = url.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        unlink(tmp)
        do {
            let db = try SQLiteDB(path: tmp, create: true)
            try write(records: records, into: db, fingerprint: fingerprint, corpusPath: corpusPath)
        } catch {
            unlink(tmp)
            throw error
        }
        guard rename(tmp, url.path) == 0 else {
            let err = String(cString: strerror(errno))
            unlink(tmp)
            throw .cache("cannot move the new index into \(url.path): \(err)")
        }
    }

    static let ftsColumns = "title, title_ru, summary, keywords, paragraphs, number"
    /// Where a snippet is taken from when several columns hold as many of the query's words: prose first (a passage
    /// tells a reader more than a keyword list, and the title is shown beside the snippet anyway).
    static let snippetPreference = ["summary", "paragraphs", "keywords", "title_ru", "title", "number"].compactMap {
        ftsColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.firstIndex(of: $0)
    }
    /// bm25 weights, in `ftsColumns` order: names and numbers count most, then keywords.
    static let bm25Weights: [Double] = [10, 10, 1, 5, 2, 8]
    /// The unicode61 tokenizer's options: "Ким" and "ким", "Émile" and "emile" are one term.
    static let tokenizerArguments = ["remove_diacritics", "2"]
    /// Terms in fewer records are counted at search time (a walk of at most this many matches).
    static let storedTermMinimum = 64

    /// Facet ids while building: a name (`c:RU`, `f:ECtHR`, `a:ECHR-5` for every ancestor of every article,
    /// `a:ECHR-5|violation`, `o:violation`) gets its id the first time it is seen; each article code keeps the ids
    /// of its names, so 100,000 records do not build and hash two million strings.
    struct FacetNumbering {
        /// Index fid - 1.
        private(set) var names: [String] = []
        private var ids: [String: Int] = [:]
        private var articleIDs: [ArticleCode: [Int]] = [:]
        private var outcomeIDs: [ArticleCode: [Outcome: [Int]]] = [:]
        private var countryIDs: [String: Int] = [:]
        private var forumIDs: [Forum: [Int]] = [:]

        mutating func id(_ name: String) -> Int {
            if let id = ids[name] { return id }
            names.append(name)
            ids[name] = names.count
            return names.count
        }

        /// Calls `body` with the id of each facet of `p` (an id may come more than once).
        mutating func forEachFacet(of p: Precedent, _ body: (Int) -> Void) {
            if let known = countryIDs[p.country.code] { body(known) } else {
                let made = id("c:" + p.country.code)
                countryIDs[p.country.code] = made
                body(made)
            }
            if let known = forumIDs[p.forum] { known.forEach(body) } else {
                let made = p.forum.filterCodes.map { id("f:" + $0.rawValue) }
                forumIDs[p.forum] = made
                made.forEach(body)
            }
            for c in p.articles { articleIDs(c).forEach(body) }
            for o in p.outcomes {
                articleIDs(o.article).forEach(body)
                for v in o.outcomes {
                    if let known = outcomeIDs[o.article]?[v] { known.forEach(body); continue }
                    let made = [id("o:" + v.rawValue)] + o.article.ancestors.map { id("a:" + $0.canonical + "|" + v.rawValue) }
                    outcomeIDs[o.article, default: [:]][v] = made
                    made.forEach(body)
                }
            }
        }

        private mutating func articleIDs(_ c: ArticleCode) -> [Int] {
            if let known = articleIDs[c] { return known }
            let made = c.ancestors.map { id("a:" + $0.canonical) }
            articleIDs[c] = made
            return made
        }
    }

    /// What a record puts in each FTS5 column, in `ftsColumns` order (snippets are cut from the same text).
    static func ftsTexts(_ p: Precedent) -> [String] {
        var numbers = [p.number, p.symbol].compactMap { $0 }
        numbers.append(contentsOf: p.identifiers.keys.sorted().compactMap { p.identifiers[$0] })
        return [p.title, p.titleRU ?? "", p.notes.map { p.summary + "\n" + $0 } ?? p.summary, p.keywords.joined(separator: "; "),
                p.keyParagraphs.map { "\($0.pinpoint) \($0.text)" }.joined(separator: "\n"), numbers.joined(separator: "; ")]
    }

    static func write(records input: [Precedent], into db: SQLiteDB, fingerprint: String, corpusPath: String) throws(PrecedentIndexError) {
        try db.exec("""
            PRAGMA page_size = 8192;
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -262144;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE records(rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date INTEGER NOT NULL, body BLOB NOT NULL);
            CREATE TABLE facet(fid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER NOT NULL, bits BLOB NOT NULL);
            CREATE VIRTUAL TABLE fts USING fts5(\(ftsColumns), tokenize = 'unicode61 \(tokenizerArguments.joined(separator: " "))');
            CREATE TABLE termdocs(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE doclen(id INTEGER PRIMARY KEY, lengths BLOB NOT NULL);
            INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(\(bm25Weights.map { String($0) }.joined(separator: ", ")))');
            INSERT INTO fts(fts, rank) VALUES('automerge', 0);
            INSERT INTO fts(fts, rank) VALUES('crisismerge', 1000);
            INSERT INTO fts(fts, rank) VALUES('hashsize', 134217728);
            """)
        try db.exec("BEGIN")
        // rid order = date ascending, then id descending: "rid DESC" lists newest first, ties by id ascending,
        // and a date range is a rid range.
        let order = input.indices.sorted { a, b in
            let x = input[a], y = input[b]
            return x.date != y.date ? x.date < y.date : x.id > y.id
        }
        let records = order.map { input[$0] }
        let insRecord = try db.prepare("INSERT INTO records(rid, id, date, body) VALUES(?1, ?2, ?3, ?4)")
        var writer = ByteWriter()
        var numbering = FacetNumbering()
        var maps: [FacetBitmap] = []
        for (i, p) in records.enumerated() {
            let rid = i + 1
            writer.bytes.removeAll(keepingCapacity: true)
            RecordCodec.encode(p, into: &writer)
            insRecord.bind(1, rid)
            insRecord.bind(2, p.id)
            insRecord.bind(3, p.date.ordinal)
            insRecord.bind(4, blob: writer.bytes)
            try insRecord.run()
            numbering.forEachFacet(of: p) { fid in
                while maps.count < fid { maps.append(FacetBitmap(maxRid: records.count)) }
                maps[fid - 1].insert(rid)
            }
        }
        // Then the text. FTS5 holds the terms in memory (`hashsize` above) and writes them out as one segment when the
        // facet rows below open a statement savepoint.
        let insFTS = try db.prepare("INSERT INTO fts(rowid, \(ftsColumns)) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        for (i, p) in records.enumerated() {
            insFTS.bind(1, i + 1)
            for (c, text) in ftsTexts(p).enumerated() { insFTS.bind(Int32(c + 2), text) }
            try insFTS.run()
        }
        let insFacet = try db.prepare("INSERT INTO facet(fid, name, n, bits) VALUES(?1, ?2, ?3, ?4)")
        for (i, name) in numbering.names.enumerated() {
            insFacet.bind(1, i + 1); insFacet.bind(2, name); insFacet.bind(3, maps[i].count)
            insFacet.bind(4, blob: maps[i].littleEndianBytes)
            try insFacet.run()
        }
        let insMeta = try db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2)")
        for (k, v) in [("schema", schemaVersion), ("fingerprint", fingerprint), ("corpus", corpusPath),
                       ("records", String(records.count))] {
            insMeta.bind(1, k); insMeta.bind(2, v)
            try insMeta.run()
        }
        try db.exec("CREATE INDEX records_date ON records(date, rid)")
        try db.exec("INSERT INTO fts(fts) VALUES('optimize')")
        // The number of records holding each term found in many, for `RankFunction` (one walk of the index here
        // instead of one walk of a term's matches in every search that names it).
        try db.exec("""
            CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, fts, 'row');
            INSERT INTO termdocs SELECT term, doc FROM temp.fts_terms WHERE doc >= \(storedTermMinimum);
            DROP TABLE temp.fts_terms;
            """)
        // And each record's length in tokens, little-endian 32-bit by rid, for the same function.
        var lengths = [UInt32](repeating: 0, count: records.count + 1)
        let sizes = try db.prepare("SELECT id, sz FROM fts_docsize")
        while try sizes.step() {
            let id = sizes.int(0)
            if id >= 0 && id < lengths.count { lengths[id] = sizes.withBlob(1) { RankFunction.totalTokens(docsize: $0) } }
        }
        let insLengths = try db.prepare("INSERT INTO doclen(id, lengths) VALUES(1, ?1)")
        insLengths.bind(1, blob: lengths.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })
        try insLengths.run()
        try db.exec("COMMIT")
    }

    private func loadFacets() throws(PrecedentIndexError) {
        var f: [String: (Int, Int)] = [:]
        let s = try db.prepare("SELECT name, fid, n FROM facet")
        while try s.step() { f[s.text(0) ?? ""] = (s.int(1), s.int(2)) }
        facets = f
        bitmaps = [:]
        filter = FacetFilter()
        try filter.register(on: db)
        rank = RankFunction(weights: PrecedentIndex.bm25Weights)
        try rank.register(on: db)
        tokenizer = try FTS5.Tokenizer(db: db, name: "unicode61", arguments: PrecedentIndex.tokenizerArguments)
        let c = try db.prepare("SELECT count(*) FROM records")
        recordCount = try c.step() ? c.int(0) : 0
    }

    // MARK: Reading

    /// The number of records.
    public func count() throws(PrecedentIndexError) -> Int {
        lock.lock(); defer { lock.unlock() }
        try revalidateIfAsked()
        return recordCount
    }

    /// One record by id (`kim-v-russia-2014`), or nil.
    public func precedent(id: String) throws(PrecedentIndexError) -> Precedent? {
        lock.lock(); defer { lock.unlock() }
        try revalidateIfAsked()
        let s = try db.cached("SELECT rid, body FROM records WHERE id = ?1")
        s.bind(1, id)
        guard try s.step() else { return nil }
        let rid = s.int(0)
        return try decode(rid: rid, stmt: s, column: 1)
    }

    /// Every record, newest first.
    public func all() throws(PrecedentIndexError) -> [Precedent] {
        try search(PrecedentQuery(limit: nil)).map(\.precedent)
    }

    /// The citation of a record by id (see `Precedent.citation(para:style:)`); nil if there is no such id.
    public func citation(id: String, para: String? = nil, style: CitationStyle? = nil) throws(PrecedentIndexError) -> Citation? {
        try precedent(id: id)?.citation(para: para, style: style)
    }

    private func decode(rid: Int, stmt: Statement, column: Int32) throws(PrecedentIndexError) -> Precedent {
        if let p = decoded[rid] { return p }
        do {
            let p = try stmt.withBlob(column) { bytes in try RecordCodec.decode(bytes) }
            if decoded.count >= 20_000 { decoded.removeAll(keepingCapacity: true) }
            decoded[rid] = p
            return p
        } catch {
            throw .sqlite("record \(rid) cannot be read back: \(error)")
        }
    }

    private func body(rid: Int) throws(PrecedentIndexError) -> Precedent {
        if let p = decoded[rid] { return p }
        let s = try db.cached("SELECT body FROM records WHERE rid = ?1")
        s.bind(1, rid)
        defer { s.reset() }   // a statement left on its row would hold a read transaction open between searches
        guard try s.step() else { throw .sqlite("record \(rid) vanished") }
        return try decode(rid: rid, stmt: s, column: 0)
    }

    // MARK: Searching

    /// The bitmap of facet `fid`, read from the index on first use.
    private func bitmap(_ fid: Int) throws(PrecedentIndexError) -> FacetBitmap {
        if let map = bitmaps[fid] { return map }
        let s = try db.cached("SELECT bits FROM facet WHERE fid = ?1")
        s.bind(1, fid)
        guard try s.step() else { s.reset(); throw .sqlite("facet \(fid) has no bitmap") }
        let map = s.withBlob(0) { FacetBitmap(littleEndian: $0) }
        s.reset()
        bitmaps[fid] = map
        return map
    }

    /// `doclen`: each record's length in tokens by rid.
    private func storedLengths() throws(PrecedentIndexError) -> [UInt32] {
        let s = try db.cached("SELECT lengths FROM doclen WHERE id = 1")
        defer { s.reset() }
        guard try s.step() else { return [] }
        return s.withBlob(0) { bytes in
            (0..<bytes.count / 4).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }

    /// The rids of the records dated within [from, to] (rids follow dates), or nil if there are none.
    private func ridRange(from: Int, to: Int) throws(PrecedentIndexError) -> (Int, Int)? {
        if from <= 0 && to >= 99_991_231 { return (1, Int(Int32.max)) }
        let a = try db.cached("SELECT rid FROM records WHERE date >= ?1 ORDER BY date, rid LIMIT 1")
        a.bind(1, from)
        guard try a.step() else { a.reset(); return nil }
        let lo = a.int(0)
        a.reset()
        let b = try db.cached("SELECT rid FROM records WHERE date <= ?1 ORDER BY date DESC, rid DESC LIMIT 1")
        b.bind(1, to)
        guard try b.step() else { b.reset(); return nil }
        let hi = b.int(0)
        b.reset()
        return lo <= hi ? (lo, hi) : nil
    }

    /// Turns typed query fields into facet names and bounds, with an error that names what was typed.
    static func plan(_ q: PrecedentQuery) throws(PrecedentIndexError) -> (facets: [String], from: Int, to: Int) {
        var names: [String] = []
        var outcome: Outcome?
        if let o = q.outcome?.trimmingCharacters(in: .whitespaces), !o.isEmpty {
            guard let v = Outcome(rawValue: o) ?? Outcome(parsing: o) else { throw .unknownOutcome(o) }
            outcome = v
        }
        for a in q.articles {
            let code: ArticleCode
            do { code = try ArticleCode(parsing: a) } catch { throw .unknownArticle(error) }
            names.append("a:" + code.canonical + (outcome.map { "|" + $0.rawValue } ?? ""))
        }
        if let o = outcome, q.articles.isEmpty { names.append("o:" + o.rawValue) }
        if let c = q.country?.trimmingCharacters(in: .whitespaces), !c.isEmpty {
            guard let code = CountryCode(parsing: c) else { throw .unknownCountry(c) }
            names.append("c:" + code.code)
        }
        if let f = q.forum?.trimmingCharacters(in: .whitespaces), !f.isEmpty {
            guard let forum = Forum(rawValue: f) ?? Forum(parsing: f) else { throw .unknownForum(f) }
            names.append("f:" + forum.rawValue)
        }
        let from = try bound(q.from, upper: false) ?? 0
        let to = try bound(q.to, upper: true) ?? 99_991_231
        return (Array(Set(names)).sorted(), from, to)
    }

    /// `2014` → 20140101 (or 20141231 as an upper bound); `2014-07` → 20140701 / 20140731; `2014-07-17` → 20140717.
    static func bound(_ text: String?, upper: Bool) throws(PrecedentIndexError) -> Int? {
        guard let raw = text?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4, let y = Int(parts[0]), y >= 1 else { throw .badDate(raw) }
        switch parts.count {
        case 1: return upper ? y * 10000 + 1231 : y * 10000 + 101
        case 2:
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { throw .badDate(raw) }
            return y * 10000 + m * 100 + (upper ? PrecedentDate.daysIn(month: m, year: y) : 1)
        case 3:
            guard let d = PrecedentDate(iso: raw) else { throw .badDate(raw) }
            return d.ordinal
        default: throw .badDate(raw)
        }
    }

    /// One quoted string of an FTS5 query: the user's word or phrase, and whether it ended in `*`.
    struct FTSTerm: Equatable {
        let text: String
        let prefix: Bool
        var query: String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "") }
    }

    /// User text → the terms of an FTS5 query, at most 64. No operator, column filter or bracket of the user's
    /// survives: each word or "quoted phrase" becomes a quoted string, which FTS5 reads as text only.
    static func ftsTerms(_ text: String) -> [FTSTerm] {
        var terms: [FTSTerm] = []
        func hasToken(_ s: Substring) -> Bool { s.contains { $0.isLetter || $0.isNumber } }
        let chunks = text.split(separator: "\"", omittingEmptySubsequences: false)
        let balanced = chunks.count % 2 == 1
        for (i, chunk) in chunks.enumerated() {
            if i % 2 == 1 && (balanced || i < chunks.count - 1) {
                if hasToken(chunk) { terms.append(FTSTerm(text: String(chunk), prefix: false)) }
                continue
            }
            for word in chunk.split(whereSeparator: { $0.isWhitespace }) {
                var core = word[...]
                let prefix = core.hasSuffix("*")
                while let l = core.last, !(l.isLetter || l.isNumber) { core = core.dropLast() }
                while let f = core.first, !(f.isLetter || f.isNumber) { core = core.dropFirst() }
                guard hasToken(core) else { continue }
                terms.append(FTSTerm(text: String(core), prefix: prefix))
            }
            if terms.count >= 64 { break }
        }
        return Array(terms.prefix(64))
    }

    /// User text → an FTS5 query of quoted strings: `"a" "b"* "a phrase"`; nil if nothing searchable is left.
    static func ftsQuery(_ text: String) -> String? {
        let terms = ftsTerms(text)
        return terms.isEmpty ? nil : terms.map(\.query).joined(separator: " ")
    }

    /// How many records hold `term`, where the index stored it: a single token (as FTS5 indexes it) in at least
    /// `storedTermMinimum` records. nil: the rank function counts it by walking its matches.
    private func storedDocs(_ term: FTSTerm) throws(PrecedentIndexError) -> Int? {
        guard !term.prefix, let tokenizer else { return nil }
        let tokens = tokenizer.tokens(term.text)
        guard tokens.count == 1 else { return nil }
        let s = try db.cached("SELECT n FROM termdocs WHERE term = ?1")
        s.bind(1, tokens[0])
        defer { s.reset() }
        return try s.step() ? s.int(0) : nil
    }

    /// Searches. Results are ordered by relevance for a text query (ties newest first), else by date, newest first.
    public func search(_ q: PrecedentQuery) throws(PrecedentIndexError) -> [SearchHit] {
        let plan = try PrecedentIndex.plan(q)
        var terms: [FTSTerm] = []
        if let t = q.text, !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            terms = PrecedentIndex.ftsTerms(t)
            guard !terms.isEmpty else { return [] }
        }
        lock.lock(); defer { lock.unlock() }
        try revalidateIfAsked()
        var ids: [(fid: Int, count: Int)] = []
        for name in plan.facets {
            guard let f = facets[name] else { return [] }   // nothing has that facet
            ids.append(f)
        }
        ids.sort { $0.count < $1.count }
        let limit = q.limit.map { max(0, $0) } ?? -1
        let offset = max(0, q.offset)
        guard let (lo, hi) = try ridRange(from: plan.from, to: plan.to) else { return [] }
        var maps: [FacetBitmap] = []
        for f in ids { maps.append(try bitmap(f.fid)) }

        if !terms.isEmpty {
            // The matches in every facet's bitmap (`amicus_facets`, a mask per match) are scored (FTS5's own
            // "ORDER BY rank" would score every match before any filter runs) with `amicus_bm25`: bm25 with the
            // count of records per term and each record's length read from the index instead of walked and looked
            // up per row. Snippets are cut for the page alone, from the records' own text (`SnippetMaker`).
            let fts = terms.map(\.query).joined(separator: " ")
            var docs: [Int?] = []
            for t in terms { docs.append(try storedDocs(t)) }
            if rank.lengths.isEmpty { rank.lengths = try storedLengths() }
            rank.begin(phraseDocs: docs)
            filter.active = maps
            defer { filter.active = [] }
            let s = try db.cached("""
                SELECT rowid, amicus_bm25(fts) AS r FROM fts
                WHERE fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3\(ids.isEmpty ? "" : " AND amicus_facets(rowid)")
                ORDER BY r, rowid DESC LIMIT ?4 OFFSET ?5
                """)
            s.bind(1, fts); s.bind(2, lo); s.bind(3, hi); s.bind(4, limit); s.bind(5, offset)
            var found: [(rid: Int, rank: Double)] = []
            while try s.step() { found.append((s.int(0), s.double(1))) }
            s.reset()
            let snippets = q.snippets ? tokenizer.map {
                SnippetMaker(terms: terms, tokenizer: $0, preference: PrecedentIndex.snippetPreference)
            } : nil
            var hits: [SearchHit] = []
            for (rid, rank) in found {
                let p = try body(rid: rid)
                hits.append(SearchHit(precedent: p, snippet: snippets?.snippet(columns: PrecedentIndex.ftsTexts(p)), rank: rank))
            }
            return hits
        }

        var rids: [Int] = []
        if ids.isEmpty {
            let s = try db.cached("SELECT rid FROM records WHERE rid BETWEEN ?1 AND ?2 ORDER BY rid DESC LIMIT ?3 OFFSET ?4")
            s.bind(1, lo); s.bind(2, hi); s.bind(3, limit); s.bind(4, offset)
            while try s.step() { rids.append(s.int(0)) }
            s.reset()
        } else {
            // Newest first through the intersection of the bitmaps, rarest first so most words end after one AND.
            rids = FacetBitmap.intersection(maps, from: lo, to: hi, offset: offset, limit: limit)
        }
        var hits: [SearchHit] = []
        hits.reserveCapacity(rids.count)
        for rid in rids { hits.append(SearchHit(precedent: try body(rid: rid), snippet: nil, rank: nil)) }
        return hits
    }
}

extension PrecedentCorpus {
    /// The corpus for a render: decoded from the index cache when the cache is fresh (a stat of each file and one
    /// SQLite read, instead of parsing every YAML file on every `amicus render`: about 1 ms against 25 ms for the
    /// shipped corpus), else loaded and checked from the files, which also refreshes the cache. The records are the
    /// same either way: `RecordCodec` round-trips every field. A corpus with bad records throws their problems.
    public static func loadThroughIndex(from directory: URL) throws(CorpusError) -> PrecedentCorpus {
        do {
            let index = try PrecedentIndex.open(corpus: directory, revalidation: .onOpen)
            return PrecedentCorpus(directory: directory, records: try index.all())
        } catch .corpus(let error) {
            throw error
        } catch {
            return try load(from: directory)
        }
    }
}
