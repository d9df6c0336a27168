import Testing
@testable import AmicusCase

/// Paths name one place each, in diagnostics and in `lookup`.
@Suite struct CasePathTests {
    static let document: CaseDocument? = try? CaseLoader.parse("""
        applicant:
          birth_date: 1990-02-15
        events:
          - date: 2016-03-01
          - date: 2016-03-02
          - date: 2016-03-03
        "odd.key": {"with space": 1}
        """, file: "case.yaml")

    @Test(arguments: [
        ("applicant.birth_date", "1990-02-15"),
        ("events[2].date", "2016-03-03"),
        ("events[0].date", "2016-03-01"),
        ("[\"odd.key\"][\"with space\"]", "1"),
    ])
    func lookupFindsTheValue(path: String, text: String) throws {
        let node = try #require(Self.document?.lookup(path: path))
        #expect(node.scalarText == text)
    }

    @Test(arguments: ["events[3].date", "applicant.name", "events.date", "applicant..birth_date", "events[x]",
                      "applicant.", ".applicant", "events[1"])
    func lookupOfAMissingOrMalformedPathIsNil(path: String) {
        #expect(Self.document?.lookup(path: path) == nil)
    }

    @Test func pathsPrintAsTheyAreLookedUp() {
        let path = CasePath.root.appending("events").appending(index: 3).appending("date")
        #expect(path.description == "events[3].date")
        let odd = CasePath.root.appending("odd.key").appending("with \"quote\"")
        #expect(odd.description == #"["odd.key"]["with \"quote\""]"#)
        #expect(CasePath(parsing: odd.description) == odd)
    }
}
