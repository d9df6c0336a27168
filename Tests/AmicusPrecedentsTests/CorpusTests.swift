import Foundation
import Testing
@testable import AmicusPrecedents

@Suite("Corpus files")
struct CorpusTests {
    @Test func realCorpusLoadsWithoutErrors() throws {
        let (corpus, diagnostics) = PrecedentCorpus.check(directory: Paths.realCorpus)
        #expect(diagnostics.isEmpty, "\(CorpusError(diagnostics: diagnostics))")
        #expect(corpus.records.count >= 36)
        let kim = try #require(corpus["kim-v-russia-2014"])
        #expect(kim.number == "44260/13")
        #expect(kim.date == PrecedentDate(year: 2014, month: 7, day: 17))
        #expect(kim.country.code == "RU")
        #expect(kim.forum == .ecthr)
        #expect(kim.articles.map(\.canonical) == ["ECHR-3", "ECHR-5-1-f", "ECHR-5-4", "ECHR-46"])
        #expect(kim.outcomes(for: ArticleCode(canonical: "ECHR-5-1-f")!) == [.violation])
        #expect(kim.identifiers["hudoc_itemid"] == "001-145584")
        #expect(kim.isFullyVerified)
    }

    /// Every record of the reference file is in the corpus with the same number, date, country and articles.
    @Test func realCorpusMatchesReferenceIDs() throws {
        let ref = URL(fileURLWithPath: "/work/shared/reference/precedent-facts.yaml")
        guard let text = try? String(contentsOf: ref, encoding: .utf8) else { return }  // reference not on this machine
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("- id: ") }.map { String($0.dropFirst(6)) }
        #expect(ids.count == 36)
        for id in ids { #expect(Shared.corpus[id] != nil, "missing \(id)") }
    }

    @Test func splitOutcomesAndUnverified() throws {
        let m = Shared.record("muskhadzhiyeva-and-others-v-belgium-2010")
        #expect(m.outcomes(for: ArticleCode(canonical: "ECHR-3")!) == [.violation, .noViolation])
        let nbf = Shared.record("nbf-v-spain-2018")
        #expect(!nbf.verified)
        #expect(!nbf.isFullyVerified)
        #expect(nbf.outcomes.isEmpty)
        #expect(nbf.isUnverified("outcomes"))
        let bistieva = Shared.record("bistieva-and-others-v-poland-2018")
        #expect(bistieva.isUnverified("outcomes.ECHR-5-1"))
        #expect(bistieva.isUnverified("outcomes"))
        #expect(!bistieva.isUnverified("date"))
        let ksrf = Shared.record("ru-cc-14-p-2017-mskhiladze")
        #expect(ksrf.titleRU?.hasPrefix("По делу о проверке конституционности") == true)
        #expect(ksrf.forum == .ksrf)
    }

    func expectOne(_ folder: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let dir = Paths.bad(folder)
        let (corpus, diags) = PrecedentCorpus.check(directory: dir)
        #expect(diags.map(\.description) == ["\(dir.relativePath)/\(expected)"], sourceLocation: sourceLocation)
        #expect(corpus.records.isEmpty, sourceLocation: sourceLocation)
        #expect(throws: CorpusError.self, sourceLocation: sourceLocation) { try PrecedentCorpus.load(from: dir) }
    }

    @Test func badDate() {
        expectOne("bad-date", "bad-date.yaml:6:7: error: date: expected a real date like 2014-07-17, got '2014-02-30'")
    }
    @Test func unknownArticle() {
        expectOne("unknown-article", "unknown-article.yaml:12:5: error: articles[2]: unknown article code 'ECHR-99'")
    }
    @Test func nonCanonicalArticle() {
        expectOne("non-canonical-article",
                  "non-canonical-article.yaml:12:5: error: articles[2]: 'Art. 8 ECHR' is not a canonical article code; write 'ECHR-8'")
    }
    @Test func unknownCountry() {
        expectOne("unknown-country",
                  "unknown-country.yaml:8:10: error: country: unknown country code 'XX'; use ISO 3166-1 alpha-2 or 'general'")
    }
    @Test func missingField() {
        expectOne("missing-field", "missing-field.yaml:1:1: error: missing required field 'date'")
    }
    @Test func idMismatch() {
        expectOne("id-mismatch",
                  "other-name.yaml:1:5: error: id: 'test-record' does not match the file name 'other-name' (the id must equal the file name without .yaml)")
    }
    @Test func unknownOutcome() {
        expectOne("unknown-outcome",
                  "unknown-outcome.yaml:14:11: error: outcomes.ECHR-3: unknown outcome 'violated'; one of violation, no-violation, not-examined, inadmissible")
    }
    @Test func unknownKey() {
        let dir = Paths.bad("unknown-key")
        let (_, diags) = PrecedentCorpus.check(directory: dir)
        #expect(diags.count == 1)
        #expect(diags.first?.description.hasPrefix("\(dir.relativePath)/unknown-key.yaml:4:1: error: unknown field 'court' (the fields are: id, title,") == true)
    }
    @Test func yamlSyntax() {
        let dir = Paths.bad("yaml-syntax")
        let (_, diags) = PrecedentCorpus.check(directory: dir)
        #expect(diags.count == 1)
        let d = try! #require(diags.first)
        #expect(d.file == "\(dir.relativePath)/yaml-syntax.yaml")
        #expect(d.line >= 2 && d.line <= 4, "\(d)")
        #expect(d.message.hasPrefix("YAML: "))
    }
    @Test func duplicateID() {
        let dir = Paths.bad("duplicate-id")
        let (corpus, diags) = PrecedentCorpus.check(directory: dir)
        #expect(diags.map(\.description) == [
            "\(dir.relativePath)/same.yml:1:5: error: id: duplicate id 'same', already used by \(dir.relativePath)/same.yaml:1:5"
        ])
        #expect(corpus.records.map(\.id) == ["same"])
    }
    @Test func collectsEveryErrorOfEveryFile() {
        let dir = Paths.bad("many-errors")
        let (corpus, diags) = PrecedentCorpus.check(directory: dir)
        let p = dir.relativePath
        #expect(diags.map(\.description) == [
            "\(p)/first.yaml:6:7: error: date: expected a real date like 2014-07-17, got '17.07.2014'",
            "\(p)/first.yaml:8:10: error: country: unknown country code 'Russia' (did you mean 'RU'?); use ISO 3166-1 alpha-2 or 'general'",
            "\(p)/first.yaml:14:3: error: outcomes: 'ECHR-13' is not in articles",
            "\(p)/second.yaml:1:1: error: missing required field 'summary'",
            "\(p)/second.yaml:16:11: error: verified: expected true or false",
        ])
        #expect(corpus.records.map(\.id) == ["good"])
        do {
            _ = try PrecedentCorpus.load(from: dir)
        } catch {
            #expect(error.diagnostics.count == 5)
            #expect(error.description.split(separator: "\n").count == 5)
        }
    }

    @Test func parseRecordFromText() {
        let yaml = """
            id: x
            title: X v. Y
            forum: ECtHR
            forum_name: Court
            date: 2020-02-29
            country: RU
            summary: s
            source: https://example.org
            verified: true
            unverified: [colour]
            """
        guard case .failure(let e) = PrecedentCorpus.parseRecord(yaml: yaml, file: "x.yaml", expectedID: "x") else {
            Issue.record("expected a failure"); return
        }
        #expect(e.description == "x.yaml:10:14: error: unverified[0]: 'colour' is not a field that can be unverified")
    }

    @Test func recordRoundTripsThroughIndexCodec() throws {
        for p in Shared.corpus.records {
            var w = ByteWriter()
            RecordCodec.encode(p, into: &w)
            let back = try w.bytes.withUnsafeBytes { try RecordCodec.decode($0) }
            #expect(back == p, "\(p.id)")
            // Truncated input fails cleanly, never crashes.
            let cut = Array(w.bytes.prefix(w.bytes.count / 2))
            #expect(throws: (any Error).self) { try cut.withUnsafeBytes { try RecordCodec.decode($0) } }
        }
    }

    @Test func recordRoundTripsThroughJSON() throws {
        let kim = Shared.record("kim-v-russia-2014")
        let data = try JSONEncoder().encode(kim)
        let back = try JSONDecoder().decode(Precedent.self, from: data)
        #expect(back == kim)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"forum_name\""))
    }
}
