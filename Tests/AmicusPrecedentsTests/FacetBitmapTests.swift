import Foundation
import Testing
@testable import AmicusPrecedents

/// Filters are bitmaps over record numbers: their intersection, its paging and its date bounds must give exactly what
/// filtering the records one by one gives.
@Suite("Facet bitmaps")
struct FacetBitmapTests {
    struct Numbers {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func bitmap(_ rids: Set<Int>, maxRid: Int) -> FacetBitmap {
        var map = FacetBitmap(maxRid: maxRid)
        for r in rids { map.insert(r) }
        return map
    }

    @Test func intersectionEqualsSetsAcrossWordEdges() {
        var numbers = Numbers(state: 9)
        let maxRid = 300
        for _ in 0..<40 {
            let sets = (0..<(1 + numbers.next(3))).map { _ in
                Set((0..<numbers.next(250)).map { _ in 1 + numbers.next(maxRid) })
            }
            let maps = sets.map { Self.bitmap($0, maxRid: maxRid) }
            let common = sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
            // Bounds on and around the 64-bit word edges, and past the ends.
            for (lo, hi) in [(0, 1000), (1, 300), (63, 64), (64, 127), (65, 191), (128, 128), (200, 100), (-5, 63)] {
                let expected = common.filter { $0 >= lo && $0 <= hi }.sorted(by: >)
                #expect(FacetBitmap.intersection(maps, from: lo, to: hi, offset: 0, limit: -1) == expected)
                for (offset, limit) in [(0, 5), (3, 7), (10, -1), (expected.count, 3), (expected.count + 4, 2)] {
                    let page = Array(expected.dropFirst(offset).prefix(limit < 0 ? Int.max : limit))
                    #expect(FacetBitmap.intersection(maps, from: lo, to: hi, offset: offset, limit: limit) == page)
                }
            }
        }
    }

    @Test func storedFormRoundTrips() {
        let map = Self.bitmap([0, 1, 63, 64, 65, 127, 128, 999], maxRid: 1000)
        let bytes = map.littleEndianBytes
        #expect(bytes.count == (1000 / 64 + 1) * 8)
        #expect(bytes[0] == 0b11)
        let back = bytes.withUnsafeBytes { FacetBitmap(littleEndian: $0) }
        #expect(back == map)
        #expect(back.contains(999) && !back.contains(998) && !back.contains(5000) && !back.contains(-1))
    }

    /// 400 records over three countries, two forums and nested articles: every filter combination, page and date
    /// range through the index equals filtering the records by hand, newest first.
    @Test func indexFiltersEqualFilteringByHand() throws {
        var numbers = Numbers(state: 3)
        let countries = ["RU", "FR", "KZ"]
        let articles = ["ECHR-5-1-f", "ECHR-8", "ECHR-5-4", "ECHR-3"]
        let records: [Precedent] = (0..<400).map { i in
            let country = CountryCode(code: countries[numbers.next(3)])!
            let codes = Array(Set((0..<(1 + numbers.next(2))).map { _ in articles[numbers.next(articles.count)] }))
                .sorted().map { ArticleCode(canonical: $0)! }
            return Precedent(
                id: "r-\(i)", title: "Applicant \(i) v. \(country.englishName)", forum: .ecthr,
                forumName: Forum.ecthr.englishName, number: "\(1000 + i)/19",
                date: PrecedentDate(year: 1995 + numbers.next(30), month: 1 + numbers.next(12), day: 1 + numbers.next(28))!,
                decisionType: .judgment, country: country, articles: codes, outcomes: [], keywords: [],
                summary: "Summary \(i).", keyParagraphs: [], source: "https://example.org/\(i)", verified: true)
        }
        let index = try PrecedentIndex.build(from: records)
        let newestFirst = records.sorted { $0.date != $1.date ? $0.date > $1.date : $0.id < $1.id }
        for country in countries {
            for article in ["ECHR-5", "ECHR-8", "ECHR-5-1-f"] {
                for (from, to) in [(nil, nil), ("2000", "2010"), ("2010-06", nil)] as [(String?, String?)] {
                    let code = ArticleCode(canonical: article)!
                    let expected = newestFirst.filter { p in
                        p.country.code == country && p.articles.contains { code.covers($0) }
                            && (from.map { p.date.ordinal >= (try! PrecedentIndex.bound($0, upper: false))! } ?? true)
                            && (to.map { p.date.ordinal <= (try! PrecedentIndex.bound($0, upper: true))! } ?? true)
                    }.map(\.id)
                    let all = try index.search(PrecedentQuery(articles: [article], country: country, from: from, to: to, limit: nil))
                    #expect(all.map(\.precedent.id) == expected, "\(country) \(article) \(from ?? "-")…\(to ?? "-")")
                    let page = try index.search(PrecedentQuery(articles: [article], country: country, from: from, to: to,
                                                               limit: 4, offset: 3))
                    #expect(page.map(\.precedent.id) == Array(expected.dropFirst(3).prefix(4)))
                }
            }
        }
    }
}
