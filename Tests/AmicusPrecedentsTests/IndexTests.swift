import Foundation
import Testing
@testable import AmicusPrecedents

@Suite("Index")
struct IndexTests {
    func ids(_ q: PrecedentQuery) throws -> [String] { try Shared.index.search(q).map(\.precedent.id) }

    @Test func allRecords() throws {
        #expect(try Shared.index.count() == Shared.corpus.records.count)
        let all = try Shared.index.all()
        #expect(all.count == Shared.corpus.records.count)
        #expect(all.first?.id == "nb-and-others-v-france-2022")      // newest first
        #expect(all.last?.id == "echr-1950-text")
        #expect(try Shared.index.precedent(id: "kim-v-russia-2014") == Shared.record("kim-v-russia-2014"))
        #expect(try Shared.index.precedent(id: "no-such-case") == nil)
    }

    @Test func articleAndCountryHierarchical() throws {
        #expect(try ids(PrecedentQuery(articles: ["ECHR-5"], country: "Russia")) == [
            "mskhiladze-v-russia-2018", "ru-cc-14-p-2017-mskhiladze", "kim-v-russia-2014", "azimov-v-russia-2013",
            "alim-v-russia-2011", "nasrulloyev-v-russia-2007",
        ])
        // The narrower code does not find the record that lists only ECHR-5.
        #expect(try ids(PrecedentQuery(articles: ["Art. 5 § 1 (f) ECHR"], country: "RU")) == [
            "mskhiladze-v-russia-2018", "kim-v-russia-2014", "azimov-v-russia-2013", "alim-v-russia-2011",
            "nasrulloyev-v-russia-2007",
        ])
        #expect(try ids(PrecedentQuery(articles: ["ст. 5 ЕКПЧ"], country: "Россия")).count == 6)
    }

    @Test func articlesAreANDed() throws {
        #expect(try ids(PrecedentQuery(articles: ["CRC-3", "CRC 37"], country: "Spain")) == ["dd-v-spain-2019"])
        #expect(try ids(PrecedentQuery(articles: ["ECHR-8", "ECHR-P4-4"])) == ["moustahi-v-france-2020"])
        #expect(try ids(PrecedentQuery(articles: ["CRC-3"], country: "general")) == [
            "jgc-cmw3-crc22-2017", "jgc-cmw4-crc23-2017", "crc-gc-14-2013", "crc-gc-6-2005", "crc-1989-text",
        ])
    }

    @Test func forumFilter() throws {
        #expect(try ids(PrecedentQuery(forum: "CMW")) == ["jgc-cmw3-crc22-2017", "jgc-cmw4-crc23-2017"])
        let crc = try ids(PrecedentQuery(forum: "Committee on the Rights of the Child"))
        #expect(crc.contains("dd-v-spain-2019") && crc.contains("jgc-cmw4-crc23-2017") && crc.contains("crc-gc-14-2013"))
        #expect(!crc.contains("kim-v-russia-2014"))
        #expect(try ids(PrecedentQuery(forum: "КС РФ")) == ["ru-cc-14-p-2017-mskhiladze"])
        #expect(try ids(PrecedentQuery(forum: "HRC")) == ["winata-v-australia-2001"])
        #expect(try ids(PrecedentQuery(forum: "ЕСПЧ", limit: nil)).count == 18)
    }

    @Test func dateFilter() throws {
        #expect(try ids(PrecedentQuery(from: "2022")) == ["nb-and-others-v-france-2022", "kk-rh-v-belgium-2022", "eb-v-belgium-2022"])
        #expect(try ids(PrecedentQuery(from: "2022-02-04", to: "2022-02-04")) == ["kk-rh-v-belgium-2022"])
        #expect(try ids(PrecedentQuery(country: "FR", from: "2016-07", to: "2016-07")) == [
            "ab-and-others-v-france-2016", "rm-and-others-v-france-2016",
        ])
        #expect(try ids(PrecedentQuery(to: "1990")) == ["crc-1989-text", "echr-1950-text"])
        #expect(throws: PrecedentIndexError.self) { try Shared.index.search(PrecedentQuery(from: "17.07.2014")) }
        #expect(throws: PrecedentIndexError.self) { try Shared.index.search(PrecedentQuery(to: "2014-02-30")) }
    }

    @Test func outcomeFilter() throws {
        #expect(try ids(PrecedentQuery(articles: ["ECHR-3"], outcome: "no-violation")) == [
            "nb-and-others-v-france-2022", "mskhiladze-v-russia-2018", "popov-v-france-2012",
            "muskhadzhiyeva-and-others-v-belgium-2010",
        ])
        #expect(try ids(PrecedentQuery(articles: ["ECHR-5-1-f"], country: "FR", outcome: "violation")) == [
            "rm-and-others-v-france-2016", "popov-v-france-2012",
        ])
        // Outcome on ECHR-5 (hierarchical): Alim has no violation of 5-1-f.
        #expect(try ids(PrecedentQuery(articles: ["ECHR-5"], country: "RU", outcome: "no violation")) == ["alim-v-russia-2011"])
        // Without articles: any article.
        #expect(try ids(PrecedentQuery(outcome: "no-violation")) == [
            "nb-and-others-v-france-2022", "moustahi-v-france-2020", "mskhiladze-v-russia-2018", "popov-v-france-2012",
            "alim-v-russia-2011", "muskhadzhiyeva-and-others-v-belgium-2010", "mubilanzila-mayeka-v-belgium-2006",
        ])
        #expect(try ids(PrecedentQuery(articles: ["ECHR-13"], outcome: "not-examined")) == ["mubilanzila-mayeka-v-belgium-2006"])
    }

    @Test func englishTextWithSnippet() throws {
        let hits = try Shared.index.search(PrecedentQuery(text: "Melilla"))
        #expect(hits.map(\.precedent.id) == ["dd-v-spain-2019"])
        let snippet = try #require(hits.first?.snippet)
        #expect(snippet.parts.contains { $0.isMatch && $0.text == "Melilla" })
        #expect(snippet.marked(open: "<", close: ">").contains("<Melilla>"))
        #expect(hits.first?.rank != nil)
    }

    @Test func textRankingAndFilters() throws {
        let stateless = try ids(PrecedentQuery(country: "RU", text: "stateless"))
        #expect(Set(stateless) == ["kim-v-russia-2014", "mskhiladze-v-russia-2018", "ru-cc-14-p-2017-mskhiladze"])
        #expect(try ids(PrecedentQuery(country: "AU", text: "statel*")) == ["winata-v-australia-2001"])
        #expect(try ids(PrecedentQuery(text: "\"closed centre 127 bis\"")).count == 3)
        #expect(try ids(PrecedentQuery(text: "44260/13")) == ["kim-v-russia-2014"])
        #expect(try ids(PrecedentQuery(text: "CRC/C/80/D/4/2016")) == ["dd-v-spain-2019"])
        #expect(try ids(PrecedentQuery(text: "Tarakhel")).first == "tarakhel-v-switzerland-2014")
        #expect(try ids(PrecedentQuery(country: "BE", text: "Melilla")).isEmpty)
    }

    @Test func russianText() throws {
        let hits = try Shared.index.search(PrecedentQuery(text: "Мсхиладзе"))
        #expect(hits.map(\.precedent.id) == ["ru-cc-14-p-2017-mskhiladze"])
        #expect(hits.first?.snippet?.parts.contains { $0.isMatch && $0.text == "Мсхиладзе" } == true)
        #expect(try ids(PrecedentQuery(text: "административных правонарушениях")) == ["ru-cc-14-p-2017-mskhiladze"])
        #expect(try ids(PrecedentQuery(text: "АДМИНИСТРАТИВН*")) == ["ru-cc-14-p-2017-mskhiladze"])
    }

    @Test("hostile text is searched literally", arguments: [
        "\"", "*", "NEAR(", "NEAR(a b)", "'; DROP TABLE records; --", "\"; DROP TABLE fts; --", "title:kim", "(", ")",
        "AND OR NOT", "\"\"\"\"", "kim\"", "^kim", "-", "+", "kim*\"*", "{title}: x", "a OR b", "½", "\u{0}", "*kim",
        "' OR 1=1 --", "x\" OR \"y", String(repeating: "w ", count: 500),
    ])
    func hostileText(text: String) throws {
        _ = try Shared.index.search(PrecedentQuery(text: text))
        #expect(try Shared.index.count() == Shared.corpus.records.count)
        #expect(try Shared.index.precedent(id: "kim-v-russia-2014") != nil)
    }

    @Test func hostileTextCannotInject() throws {
        #expect(try ids(PrecedentQuery(text: "kim OR melilla")).isEmpty)          // OR is a word, not an operator
        #expect(try ids(PrecedentQuery(text: "title:kim")).isEmpty)             // a phrase "title kim", no column filter
        #expect(try ids(PrecedentQuery(text: "kim:")) == ["kim-v-russia-2014"])
        #expect(try ids(PrecedentQuery(text: "\"")).isEmpty)
    }

    @Test func errorsNameWhatWasTyped() {
        do { _ = try Shared.index.search(PrecedentQuery(articles: ["ECHR-99"])); Issue.record("no error") } catch {
            guard case .unknownArticle(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.input == "ECHR-99")
            #expect(error.description.contains("'ECHR-99'"))
        }
        do { _ = try Shared.index.search(PrecedentQuery(country: "Narnia")); Issue.record("no error") } catch {
            #expect(error.description.contains("'Narnia'"))
        }
        do { _ = try Shared.index.search(PrecedentQuery(forum: "Hogwarts")); Issue.record("no error") } catch {
            #expect(error.description.contains("'Hogwarts'"))
        }
        do { _ = try Shared.index.search(PrecedentQuery(outcome: "maybe")); Issue.record("no error") } catch {
            #expect(error.description.contains("'maybe'"))
        }
    }

    @Test func limitAndOffset() throws {
        let all = try ids(PrecedentQuery(limit: nil))
        #expect(try ids(PrecedentQuery(limit: 5)) == Array(all.prefix(5)))
        #expect(try ids(PrecedentQuery(limit: 5, offset: 5)) == Array(all[5..<10]))
    }

    @Test func buildFromRecordsInMemory() throws {
        let idx = try PrecedentIndex.build(from: Shared.corpus.records)
        #expect(try idx.count() == 36)
        #expect(try idx.search(PrecedentQuery(articles: ["CRC-37-b"])).isEmpty)
        #expect(try idx.search(PrecedentQuery(articles: ["CRC-37"])).count >= 4)
        #expect(throws: PrecedentIndexError.self) {
            try PrecedentIndex.build(from: [Shared.record("kim-v-russia-2014"), Shared.record("kim-v-russia-2014")])
        }
    }
}

@Suite("Staleness", .serialized)
struct StalenessTests {
    func copyFixtureCorpus() throws -> URL {
        let dir = Paths.temp("amicus-stale").appendingPathComponent("Precedents")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("corpus"), to: dir)
        return dir
    }

    /// What a render loads goes through the index cache, and must be the corpus as the files say now.
    @Test func aCorpusLoadedThroughTheIndexIsTheCorpusOfTheFiles() throws {
        let dir = try copyFixtureCorpus()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let first = try PrecedentCorpus.loadThroughIndex(from: dir)
        #expect(first.records == (try PrecedentCorpus.load(from: dir)).records)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".index.sqlite").path))
        #expect(try PrecedentCorpus.loadThroughIndex(from: dir).records == first.records)   // from the cache

        let kim = dir.appendingPathComponent("kim-v-russia-2014.yaml")
        let original = try String(contentsOf: kim, encoding: .utf8)
        try original.replacingOccurrences(of: "The applicant is stateless", with: "The quokkaplatypus applicant is stateless")
            .write(to: kim, atomically: false, encoding: .utf8)
        #expect(try PrecedentCorpus.loadThroughIndex(from: dir)["kim-v-russia-2014"]?.summary.contains("quokkaplatypus") == true)

        try "id: broken\ntitle: [\n".write(to: dir.appendingPathComponent("broken.yaml"), atomically: false, encoding: .utf8)
        let error = try #require(throws: CorpusError.self) { try PrecedentCorpus.loadThroughIndex(from: dir) }
        #expect(error.diagnostics.contains { $0.description.hasPrefix("broken.yaml:") || $0.description.contains("/broken.yaml:") },
                "\(error.diagnostics)")
    }

    @Test func editAddDelete() throws {
        let dir = try copyFixtureCorpus()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let index = try PrecedentIndex.open(corpus: dir)
        #expect(index.cacheURL?.path == dir.appendingPathComponent(".index.sqlite").path)
        #expect(try index.count() == 4)
        #expect(try index.search(PrecedentQuery(text: "quokkaplatypus")).isEmpty)

        // Edit a summary.
        let kim = dir.appendingPathComponent("kim-v-russia-2014.yaml")
        var text = try String(contentsOf: kim, encoding: .utf8)
        text = text.replacingOccurrences(of: "The applicant is stateless", with: "The quokkaplatypus applicant is stateless")
        try text.write(to: kim, atomically: false, encoding: .utf8)
        let hits = try index.search(PrecedentQuery(text: "quokkaplatypus"))
        #expect(hits.map(\.precedent.id) == ["kim-v-russia-2014"])
        #expect(hits.first?.precedent.summary.contains("quokkaplatypus") == true)

        // Add a file.
        try FileManager.default.copyItem(at: Paths.realCorpus.appendingPathComponent("rahimi-v-greece-2011.yaml"),
                                         to: dir.appendingPathComponent("rahimi-v-greece-2011.yaml"))
        #expect(try index.count() == 5)
        #expect(try index.search(PrecedentQuery(country: "Greece")).map(\.precedent.id) == ["rahimi-v-greece-2011"])

        // Delete a file.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("dd-v-spain-2019.yaml"))
        #expect(try index.count() == 4)
        #expect(try index.search(PrecedentQuery(text: "Melilla")).isEmpty)
        #expect(try index.precedent(id: "dd-v-spain-2019") == nil)

        // A second open reuses the fresh cache file.
        let before = try FileManager.default.attributesOfItem(atPath: index.cacheURL!.path)[.systemFileNumber] as? Int
        let again = try PrecedentIndex.open(corpus: dir)
        let after = try FileManager.default.attributesOfItem(atPath: again.cacheURL!.path)[.systemFileNumber] as? Int
        #expect(before == after)
        #expect(try again.count() == 4)
    }

    @Test func sameSizeEditWithRestoredMtimeIsSeen() throws {
        let dir = try copyFixtureCorpus()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let cache = dir.deletingLastPathComponent().appendingPathComponent("cache.sqlite")
        let index = try PrecedentIndex.open(corpus: dir, cachePath: cache, revalidation: .onOpen)
        let file = dir.appendingPathComponent("dd-v-spain-2019.yaml")
        let mtime = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as! Date
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Melilla", with: "Mellila")       // same size
        try text.write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: file.path)
        // .onOpen: not seen until refreshed.
        #expect(try index.search(PrecedentQuery(text: "Mellila")).isEmpty)
        #expect(try index.refreshIfNeeded())
        #expect(try index.search(PrecedentQuery(text: "Mellila")).map(\.precedent.id) == ["dd-v-spain-2019"])
        #expect(try index.refreshIfNeeded() == false)
    }

    @Test func badEditIsReportedNotServedStale() throws {
        let dir = try copyFixtureCorpus()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let index = try PrecedentIndex.open(corpus: dir)
        let file = dir.appendingPathComponent("kim-v-russia-2014.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "date: 2014-07-17", with: "date: 2014-07-32")
        try text.write(to: file, atomically: false, encoding: .utf8)
        do {
            _ = try index.search(PrecedentQuery())
            Issue.record("expected the corpus error")
        } catch {
            guard case .corpus(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.diagnostics.first?.description.hasSuffix("kim-v-russia-2014.yaml:8:7: error: date: expected a real date like 2014-07-17, got '2014-07-32'") == true)
        }
    }

    @Test func corruptCacheIsRebuilt() throws {
        let dir = try copyFixtureCorpus()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let cache = dir.deletingLastPathComponent().appendingPathComponent("cache.sqlite")
        try Data("not a database".utf8).write(to: cache)
        let index = try PrecedentIndex.open(corpus: dir, cachePath: cache)
        #expect(try index.count() == 4)
    }

    @Test func defaultCacheForReadOnlyCorpus() throws {
        guard getuid() != 0 else { return }   // root can write anywhere
        let url = PrecedentIndex.defaultCacheURL(for: URL(fileURLWithPath: "/usr/share"))
        #expect(url.path.contains("/amicus/precedents-"))
    }
}
