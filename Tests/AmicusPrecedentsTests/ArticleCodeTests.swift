import Testing
@testable import AmicusPrecedents

@Suite("Article codes")
struct ArticleCodeTests {
    @Test("forgiving forms", arguments: [
        ("Art. 5 § 1 (f) ECHR", "ECHR-5-1-f"),
        ("Article 5 para. 1 (f) of the Convention", "ECHR-5-1-f"),
        ("5-1-f", "ECHR-5-1-f"),
        ("ECHR-5-1-f", "ECHR-5-1-f"),
        ("echr-5-1-f", "ECHR-5-1-f"),
        ("Article 5 § 1 (f)", "ECHR-5-1-f"),
        ("Art. 5(1)(f) ECHR", "ECHR-5-1-f"),
        ("Article 5.1(f) ECHR", "ECHR-5-1-f"),
        ("Art. 8", "ECHR-8"),
        ("ст. 5 ЕКПЧ", "ECHR-5"),
        ("статья 8 Конвенции о защите прав человека", "ECHR-8"),
        ("статья 8 Конвенции о защите прав человека и основных свобод", "ECHR-8"),
        ("подп. «f» п. 1 ст. 5 Конвенции", "ECHR-5-1-f"),
        ("п. 4 ст. 5 ЕКПЧ", "ECHR-5-4"),
        ("Art. 4 of Protocol No. 4", "ECHR-P4-4"),
        ("ст. 4 Протокола № 4 к Конвенции", "ECHR-P4-4"),
        ("P7-1", "ECHR-P7-1"),
        ("ECHR-P7-1", "ECHR-P7-1"),
        ("CRC art 9", "CRC-9"),
        ("art. 9 CRC", "CRC-9"),
        ("CRC 9", "CRC-9"),
        ("CRC-37-b", "CRC-37-b"),
        ("КПР 9", "CRC-9"),
        ("статья 9 Конвенции о правах ребенка", "CRC-9"),
        ("статья 9 Конвенции о правах ребёнка", "CRC-9"),
        ("ст. 37 (b) КПР", "CRC-37-b"),
        ("ст. 37 (б) КПР", nil),
        ("art. 3(1) CRC", "CRC-3-1"),
        ("Convention on the Rights of the Child, article 37 (b)", "CRC-37-b"),
        ("ICCPR art. 23", "ICCPR-23"),
        ("МПГПП 23", "ICCPR-23"),
        ("ICCPR 17(1)", "ICCPR-17-1"),
        ("OP3-CRC-6", "OP3-CRC-6"),
        ("art. 6 OP3", "OP3-CRC-6"),
        ("CMW 16", "CMW-16"),
        ("CEDAW art. 2", "CEDAW-2"),
        ("ст. 22 Конституции РФ", "RU-Const-22"),
        ("ст. 31.7 КоАП РФ", "RU-CAO-31.7"),
        ("ч. 1 ст. 18.8 КоАП", "RU-CAO-18.8-1"),
        ("RU-CAO-31.9", "RU-CAO-31.9"),
    ] as [(String, String?)])
    func forgiving(input: String, expected: String?) {
        #expect(ArticleCode(input)?.canonical == expected, "\(input)")
    }

    @Test("unknown codes give a reason", arguments: [
        ("ECHR-99", "ECHR has no article 99"),
        ("art. 99 CRC", "CRC has no article 99"),
        ("", "empty"),
        ("CRC", "no article number"),
        ("art. 9 CRC ECHR", "more than one instrument"),
        ("art. 9 of the Foo Treaty", "unrecognised word 'foo'"),
        ("Art. 5 §§ 1 and 4", "unrecognised word 'and'"),
        ("ст. 37 (б) КПР", "must be a Latin letter"),
        ("Protocol No. 2 art. 1", "no ECHR Protocol No. 2"),
    ])
    func unknown(input: String, reasonContains: String) {
        do {
            let c = try ArticleCode(parsing: input)
            Issue.record("expected an error for '\(input)', got \(c)")
        } catch {
            #expect(error.input == input)
            #expect(error.reason.contains(reasonContains), "\(error.reason)")
            #expect(error.description.hasPrefix("unknown article '\(input)'"))
        }
    }

    @Test func canonicalIsStrict() {
        #expect(ArticleCode(canonical: "ECHR-5-1-f")?.paragraph == 1)
        #expect(ArticleCode(canonical: "ECHR-5-1-f")?.subparagraph == "f")
        #expect(ArticleCode(canonical: "echr-5-1-f") == nil)
        #expect(ArticleCode(canonical: "Art. 5 ECHR") == nil)
        #expect(ArticleCode(canonical: "ECHR-99") == nil)
        #expect(ArticleCode(canonical: "ECHR-5-1-F") == nil)
        #expect(ArticleCode(canonical: "CRC-37-b")?.paragraph == nil)
        #expect(ArticleCode(canonical: "ECHR-P4-4")?.instrument == "ECHR-P4")
    }

    @Test func hierarchy() throws {
        let e5 = try #require(ArticleCode(canonical: "ECHR-5"))
        let e51 = try #require(ArticleCode(canonical: "ECHR-5-1"))
        let e51f = try #require(ArticleCode(canonical: "ECHR-5-1-f"))
        let e54 = try #require(ArticleCode(canonical: "ECHR-5-4"))
        #expect(e5.covers(e51f))
        #expect(e51.covers(e51f))
        #expect(e5.covers(e54))
        #expect(e51f.covers(e51f))
        #expect(!e51f.covers(e5))
        #expect(!e51f.covers(e51))
        #expect(!e51.covers(e54))
        #expect(!e5.covers(try #require(ArticleCode(canonical: "ECHR-50"))))
        #expect(!e5.covers(try #require(ArticleCode(canonical: "CRC-5"))))
        #expect(e51f.ancestors.map(\.canonical) == ["ECHR-5", "ECHR-5-1", "ECHR-5-1-f"])
        #expect(ArticleCode(canonical: "CRC-37-b")!.ancestors.map(\.canonical) == ["CRC-37", "CRC-37-b"])
    }

    @Test func labels() {
        #expect(ArticleCode(canonical: "ECHR-5-1-f")!.label() == "Art. 5 § 1 (f) ECHR")
        #expect(ArticleCode(canonical: "CRC-37-b")!.label() == "art. 37 (b) CRC")
        #expect(ArticleCode(canonical: "ECHR-P4-4")!.label() == "Art. 4 of Protocol No. 4 to the ECHR")
        #expect(ArticleCode(canonical: "CRC-9")!.label(language: "ru") == "ст. 9 КПР")
    }

    @Test func sorting() {
        let codes = ["CRC-9", "ECHR-13", "ECHR-5-4", "ECHR-5", "ECHR-5-1-f", "ECHR-3"].compactMap { ArticleCode(canonical: $0) }
        #expect(codes.sorted().map(\.canonical) == ["ECHR-3", "ECHR-5", "ECHR-5-1-f", "ECHR-5-4", "ECHR-13", "CRC-9"])
    }
}
