import Testing
@testable import AmicusCase

/// Suggestions for likely typos, and none for unrelated words.
@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("brith_date", ["birth_date", "name"], "birth_date"),
        ("distrct_court", ["district_court", "regional_court"], "district_court"),
        ("Name", ["name", "phone"], "name"),
        ("adress", ["address", "phone"], "address"),
        ("заявител", ["заявитель", "дети"], "заявитель"),
    ])
    func closeNameIsSuggested(word: String, candidates: [String], expected: String) {
        #expect(DidYouMean.suggestion(for: word, among: candidates) == expected)
    }

    @Test func unrelatedNameGetsNoSuggestion() {
        #expect(DidYouMean.suggestion(for: "adress", among: ["name", "birth_date", "phone"]) == nil)
        #expect(DidYouMean.suggestion(for: "x", among: ["yz"]) == nil)
    }

    @Test func unknownKeyInAClosedObjectSuggestsTheField() throws {
        let manifest = try TemplateManifest.parse("""
            title: T
            language: en
            forum: ecthr
            additional: false
            fields:
              applicant: {type: object, additional: false, fields: {name: string, birth_date: date}}
            """, file: "manifest.yaml")
        let document = try CaseLoader.parse("""
            applicant:
              name: Ivanova
              birth_date: 1990-02-15
              birthdate: 1990-02-15
            aplicant: {}
            """, file: "case.yaml")
        #expect(lines(manifest.validate(document).diagnostics) == [
            "case.yaml:4:3: error: applicant.birthdate: unknown field (did you mean \"birth_date\"?)",
            "case.yaml:5:1: error: aplicant: unknown field (did you mean \"applicant\"?)",
        ])
    }
}
