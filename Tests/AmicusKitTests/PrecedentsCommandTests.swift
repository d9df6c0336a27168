import Foundation
import Testing

/// `amicus precedents …` as a trainee runs it.
@Suite struct PrecedentsCommandTests {
    @Test func searchByArticleInRussianAndCountryByRussianNameFindsTheRussianCasesHierarchically() throws {
        let result = try runAmicus(["precedents", "search", "--article", "ст. 5 ЕКПЧ", "--country", "Россия"])
        #expect(result.status == 0, "\(result.standardError)")
        for id in ["kim-v-russia-2014", "mskhiladze-v-russia-2018", "azimov-v-russia-2013", "nasrulloyev-v-russia-2007"] {
            #expect(result.standardOutput.contains(id), "\(id) missing: \(result.standardOutput)")
        }
        #expect(!result.standardOutput.contains("popov-v-france-2012"))
    }

    @Test func searchAsJSONGivesTheRecordFields() throws {
        let result = try runAmicus(["precedents", "search", "--article", "CRC art 9", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let records = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(!records.isEmpty)
        for record in records {
            for key in ["id", "title", "date", "country", "articles", "forum", "fully_verified"] {
                #expect(record[key] != nil, "\(key) missing in \(record["id"] ?? "?")")
            }
            let articles = record["articles"] as? [String] ?? []
            #expect(articles.contains { $0 == "CRC-9" || $0.hasPrefix("CRC-9-") }, "\(articles)")
        }
    }

    @Test func showGivesTheCitationInTheForumsStyleAndTheRussianStyle() throws {
        let result = try runAmicus(["precedents", "show", "kim-v-russia-2014"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Kim v. Russia, no. 44260/13, 17 July 2014"))
        #expect(result.standardOutput.contains("Постановление ЕСПЧ от 17.07.2014"))
        let missing = try runAmicus(["precedents", "show", "kim-v-russia"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("did you mean 'kim-v-russia-2014'"))
    }

    @Test func unverifiedRecordsAreMarked() throws {
        let result = try runAmicus(["precedents", "search", "--forum", "KSRF"])
        #expect(result.standardOutput.contains("ru-cc-14-p-2017-mskhiladze  [⚠ unverified]"), "\(result.standardOutput)")
    }

    @Test func anUnknownArticleIsAClearError() throws {
        let result = try runAmicus(["precedents", "search", "--article", "Art. 999 of nothing"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Art. 999 of nothing"), "\(result.standardError)")
    }

    @Test func checkPassesOnTheShippedCorpusAndLocatesABadRecord() throws {
        let good = try runAmicus(["precedents", "check"])
        #expect(good.status == 0, "\(good.standardError)")
        let folder = repositoryPath("Tests/AmicusKitTests/Fixtures/bad-corpus")
        let bad = try runAmicus(["precedents", "check", "--corpus", folder])
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("kim-v-russia-2014.yaml:14:5: error: articles[2]: unknown article code"), "\(bad.standardError)")
        #expect(bad.standardError.contains("ECHR-99-9"))
    }

    @Test func theCorpusComesFromTheEnvironmentWhenNoFolderIsGiven() throws {
        let folder = repositoryPath("Tests/AmicusKitTests/Fixtures/bad-corpus")
        let result = try runAmicus(["precedents", "check"], environment: ["AMICUS_PRECEDENTS": folder])
        #expect(result.status == 1)
        #expect(result.standardError.contains("ECHR-99-9"))
    }
}
