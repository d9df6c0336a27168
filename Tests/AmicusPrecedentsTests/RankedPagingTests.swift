import Foundation
import Testing
@testable import AmicusPrecedents

/// A text query with filters: the filters choose the records, bm25 orders them, paging walks that order, and every
/// hit on every page carries its snippet.
@Suite("Ranked text search with filters")
struct RankedPagingTests {
    /// 60 records; "deportation" appears 1-4 times in each summary; even records are Russian, odd ones French.
    static func records() -> [Precedent] {
        (0..<60).map { i in
            let country = CountryCode(code: i % 2 == 0 ? "RU" : "FR")!
            let filler = Array(repeating: "family", count: 12 + i % 5).joined(separator: " ")
            let summary = Array(repeating: "deportation", count: 1 + i % 4).joined(separator: " ") + " " + filler
            return Precedent(
                id: "case-\(i)", title: "Applicant \(i) v. \(country.englishName)", forum: .ecthr,
                forumName: Forum.ecthr.englishName, number: "\(100 + i)/20",
                date: PrecedentDate(year: 2000 + i / 12, month: 1 + i % 12, day: 1)!, decisionType: .judgment,
                country: country, articles: [ArticleCode(canonical: i % 3 == 0 ? "ECHR-8" : "ECHR-5-1-f")!],
                outcomes: [], keywords: [], summary: summary, keyParagraphs: [], source: "https://example.org/\(i)",
                verified: true)
        }
    }

    @Test func filtersThenRanksThenPages() throws {
        let index = try PrecedentIndex.build(from: Self.records())
        let all = try index.search(PrecedentQuery(country: "RU", text: "deportation", limit: nil))
        #expect(all.count == 30)
        #expect(all.allSatisfy { $0.precedent.country.code == "RU" })
        // Best score first (FTS5's convention: lower is better); equal scores newest first.
        for (a, b) in zip(all, all.dropFirst()) {
            let ra = try #require(a.rank), rb = try #require(b.rank)
            #expect(ra < rb || (ra == rb && a.precedent.date.ordinal >= b.precedent.date.ordinal))
        }
        #expect(try index.search(PrecedentQuery(country: "RU", text: "deportation", limit: nil)) == all)   // stable

        var paged: [SearchHit] = []
        for offset in stride(from: 0, to: 30, by: 7) {
            let page = try index.search(PrecedentQuery(country: "RU", text: "deportation", limit: 7, offset: offset))
            #expect(page.count == min(7, 30 - offset))
            #expect(page.allSatisfy { $0.snippet?.parts.contains { $0.isMatch && $0.text == "deportation" } == true })
            paged += page
        }
        #expect(paged.map(\.precedent.id) == all.map(\.precedent.id))

        // Two facets and a date range narrow the same ranking.
        let narrow = try index.search(PrecedentQuery(articles: ["ECHR-8"], country: "Russia", from: "2002", text: "deportation",
                                                     limit: nil))
        let expected = all.filter { $0.precedent.articles.contains(ArticleCode(canonical: "ECHR-8")!)
                                    && $0.precedent.date.ordinal >= 20020101 }
        #expect(!expected.isEmpty)
        #expect(narrow.map(\.precedent.id) == expected.map(\.precedent.id))
        #expect(try index.search(PrecedentQuery(country: "BE", text: "deportation")).isEmpty)
    }
}
