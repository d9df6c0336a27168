import Foundation
import Testing
@testable import AmicusPrecedents

/// `amicus_bm25` must order results exactly as FTS5's own bm25 would: the same scores, whether a term's record count
/// comes from the index (`termdocs`) or from walking its matches.
@Suite("Rank function")
struct RankFunctionTests {
    /// 150 records: "deportation" in all (1-4 times), "family" in two of three, "Émigré" in every other (stored:
    /// 64 or more records); "detention" in one of five and "Кузнецова" in titles of one of four (counted by walking).
    static func records() -> [Precedent] {
        (0..<150).map { i in
            let country = CountryCode(code: i % 2 == 0 ? "RU" : "KZ")!
            var words = Array(repeating: "deportation", count: 1 + i % 4)
            if i % 3 != 0 { words.append("family") }
            if i % 5 == 0 { words += ["detention", "of", "a", "mother"] }
            if i % 2 == 0 { words.append("Émigré") }
            words += Array(repeating: "filler", count: i % 17)
            let title = i % 4 == 0 ? "Кузнецова v. Russia \(i)" : "Applicant \(i) v. State"
            return Precedent(
                id: "rank-\(i)", title: title, forum: .ecthr, forumName: Forum.ecthr.englishName, number: "\(1000 + i)/19",
                date: PrecedentDate(year: 2000 + i % 20, month: 1 + i % 12, day: 1 + i % 28)!, decisionType: .judgment,
                country: country, articles: [ArticleCode(canonical: i % 3 == 0 ? "ECHR-8" : "ECHR-5-1-f")!],
                outcomes: [], keywords: i % 7 == 0 ? ["family life"] : [], summary: words.joined(separator: " "),
                keyParagraphs: i % 6 == 0 ? [KeyParagraph(pinpoint: "\(i)", text: "deportation of the family")] : [],
                source: "https://example.org/\(i)", verified: true)
        }
    }

    static let queries = ["deportation", "family detention", "deport*", "\"family deportation\"", "emigre",
                          "ÉMIGRÉ family", "detention", "кузнецова deportation", "absentword"]

    /// FTS5's own scores for `text`, by record id, read straight from the index file.
    static func fts5Scores(_ db: SQLiteDB, _ text: String) throws -> [String: Double] {
        let weights = PrecedentIndex.bm25Weights.map { String($0) }.joined(separator: ", ")
        let s = try db.prepare("""
            SELECT r.id, bm25(fts, \(weights)) FROM fts JOIN records r ON r.rid = fts.rowid WHERE fts MATCH ?1
            """)
        s.bind(1, try #require(PrecedentIndex.ftsQuery(text)))
        var out: [String: Double] = [:]
        while try s.step() { out[s.text(0) ?? ""] = s.double(1) }
        return out
    }

    static func ourScores(_ index: PrecedentIndex, _ text: String, country: String? = nil) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for hit in try index.search(PrecedentQuery(country: country, text: text, limit: nil)) {
            out[hit.precedent.id] = try #require(hit.rank)
        }
        return out
    }

    @Test func scoresEqualFTS5sOwnBm25() throws {
        let dir = Paths.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("index.sqlite")
        let index = try PrecedentIndex.build(from: Self.records(), at: file)
        let db = try SQLiteDB(path: file.path, readOnly: true)

        // The frequent terms are stored in FTS5's own form (case folded, diacritics removed); the rare ones are not.
        let stored = try db.prepare("SELECT term, n FROM termdocs")
        var termdocs: [String: Int] = [:]
        while try stored.step() { termdocs[stored.text(0) ?? ""] = stored.int(1) }
        func fts5Count(_ term: String) throws -> Int {
            let s = try db.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?1")
            s.bind(1, "\"\(term)\"")
            return try s.step() ? s.int(0) : -1
        }
        #expect(termdocs["deportation"] == 150)
        #expect(termdocs["family"] == (try fts5Count("family")) && termdocs["family"]! >= 100)
        #expect(termdocs["emigre"] == 75)
        for (term, n) in termdocs { #expect(try fts5Count(term) == n && n >= PrecedentIndex.storedTermMinimum, "\(term)") }
        #expect(Set(["applicant", "v", "filler"]).isSubset(of: termdocs.keys))
        #expect(try fts5Count("detention") == 30 && fts5Count("кузнецова") == 38)

        for text in Self.queries {
            let expected = try Self.fts5Scores(db, text)
            #expect(try Self.ourScores(index, text) == expected, "\(text)")
            // With a filter the survivors keep their scores: the counts are over the whole index, as FTS5's are.
            let russian = try Self.ourScores(index, text, country: "RU")
            #expect(russian == expected.filter { Int($0.key.dropFirst(5))! % 2 == 0 }, "\(text), RU")
        }
        #expect(try Self.ourScores(index, "deportation").count == 150)
        #expect(try Self.ourScores(index, "absentword").isEmpty)
    }

    /// The stored count is what the search reads: change it in the file and the scores move away from FTS5's.
    @Test func storedCountsAreTheOnesUsed() throws {
        let dir = Paths.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("index.sqlite")
        let index = try PrecedentIndex.build(from: Self.records(), at: file)
        let reference = try Self.fts5Scores(try SQLiteDB(path: file.path, readOnly: true), "family")
        #expect(try Self.ourScores(index, "family") == reference)

        let writer = try SQLiteDB(path: file.path)
        try writer.exec("UPDATE termdocs SET n = 3 WHERE term = 'family'")
        let changed = try Self.ourScores(index, "family")
        #expect(Set(changed.keys) == Set(reference.keys))
        #expect(changed != reference)
    }

    /// Each record's length in tokens, as FTS5 counts it, survives the trip through `fts_docsize` varints.
    @Test func docsizeVarintsAddUp() {
        func total(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { RankFunction.totalTokens(docsize: $0) } }
        #expect(total([0x03, 0x00, 0x28, 0x06, 0x03, 0x02]) == 3 + 0 + 40 + 6 + 3 + 2)
        #expect(total([0x81, 0x00, 0x7F]) == 128 + 127)             // a two-byte varint, then one byte
        #expect(total([0x82, 0x80, 0x01]) == (2 << 14) + 1)          // three bytes
        #expect(total([]) == 0)
    }

    /// The snippet comes from the column holding most of the query's words, whatever the column order.
    @Test func snippetTakesTheColumnWithMostOfTheQuery() throws {
        var records = Self.records()
        records[0].title = "Alpha v. Russia"
        records[0].summary = "The alpha applicant was held apart from her beta child for weeks."
        let index = try PrecedentIndex.build(from: records)
        let hit = try #require(try index.search(PrecedentQuery(text: "alpha beta")).first)
        #expect(hit.precedent.id == "rank-0")
        let snippet = try #require(hit.snippet)
        #expect(snippet.parts.filter(\.isMatch).map { $0.text.lowercased() } == ["alpha", "beta"])
        #expect(snippet.text.contains("held apart"))

        // A word in the title alone: the title is the snippet.
        let title = try #require(try index.search(PrecedentQuery(text: "кузнецова")).first?.snippet)
        #expect(title.parts.contains { $0.isMatch && $0.text == "Кузнецова" })
        #expect(title.text.hasPrefix("Кузнецова v. Russia"))
    }
}

/// Snippets cut from a record's own text, with FTS5's tokenizer deciding what a word is.
@Suite("Snippets")
struct SnippetMakerTests {
    static func index(summary: String, paragraphs: [KeyParagraph] = []) throws -> PrecedentIndex {
        var records = RankFunctionTests.records()
        records[0].summary = summary
        records[0].keyParagraphs = paragraphs
        return try PrecedentIndex.build(from: records)
    }

    static func snippet(_ index: PrecedentIndex, _ text: String) throws -> Snippet {
        let hit = try #require(try index.search(PrecedentQuery(text: text)).first { $0.precedent.id == "rank-0" })
        return try #require(hit.snippet)
    }

    @Test func aLongTextGivesAWindowWithEllipses() throws {
        let words = (1...40).map { "w\($0)" }
        let index = try Self.index(summary: (words[..<20] + ["Zhanna's", "separation"] + words[20...]).joined(separator: " ") + ".")
        let s = try Self.snippet(index, "separation")
        // Fourteen tokens from two before the match ("Zhanna's" is two to the tokenizer).
        #expect(s.description == "…Zhanna's [separation] w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31…")
        // Near the end the window ends with the text, full stop included.
        let tail = try Self.snippet(index, "w40")
        #expect(tail.description == "…w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38 w39 [w40].")
    }

    @Test func foldedFormsPrefixesAndPhrases() throws {
        let index = try Self.index(summary: "«Рахмона» was detained; the Émigré committee asked about the detention of a mother.")
        #expect(try Self.snippet(index, "emigre").description
                == "«Рахмона» was detained; the [Émigré] committee asked about the detention of a mother.")
        #expect(try Self.snippet(index, "РАХМОНА").parts.first { $0.isMatch }?.text == "Рахмона")
        // A prefix marks every word it starts; a phrase is marked as one stretch.
        #expect(try Self.snippet(index, "det*").parts.filter(\.isMatch).map(\.text) == ["detained", "detention"])
        #expect(try Self.snippet(index, "\"detention of a mother\"").parts.filter(\.isMatch).map(\.text)
                == ["detention of a mother"])
    }

    /// The old snippets were parsed back from marker characters; text holding those characters stays text now.
    @Test func privateUseCharactersStayText() throws {
        let index = try Self.index(summary: "separation \u{E000}kept\u{E001} as written")
        let s = try Self.snippet(index, "separation")
        #expect(s.text == "separation \u{E000}kept\u{E001} as written")
        #expect(s.parts.filter(\.isMatch).map(\.text) == ["separation"])
    }

    @Test func aParagraphHoldingMoreOfTheQueryWinsOverTheSummary() throws {
        let index = try Self.index(summary: "A separation case.",
                                   paragraphs: [KeyParagraph(pinpoint: "56", text: "The separation of a mother from her child in detention.")])
        let s = try Self.snippet(index, "separation detention")
        #expect(s.text.hasPrefix("56 The separation"))
        #expect(s.parts.filter(\.isMatch).map(\.text) == ["separation", "detention"])
    }
}
