import Testing
@testable import AmicusCase

/// Positions count characters, so Cyrillic text and Windows line ends do not shift them.
@Suite struct PositionTests {
    @Test func cyrillicKeysAndValuesInACRLFFileKeepTheirPositions() throws {
        let document = try Fixture.load("positions/cyrillic-crlf.yaml")
        #expect(document.warnings.isEmpty)
        let root = try #require(document.root.entries)
        #expect(root.map(\.key) == ["номер_дела", "заявитель", "дети", "примечание"])
        #expect(root.map(\.keyPosition.line) == [2, 3, 6, 9])
        #expect(document["номер_дела"]?.position == SourcePosition(line: 2, column: 13))
        #expect(document["заявитель.имя"]?.position == SourcePosition(line: 4, column: 8))
        #expect(document["заявитель.дата_рождения"]?.position == SourcePosition(line: 5, column: 18))
        #expect(document["заявитель.дата_рождения"]?.value == date(1990, 2, 15))
        #expect(document["дети[0].инициалы"]?.position == SourcePosition(line: 7, column: 15))
        #expect(document["дети[0].дата_рождения"]?.position == SourcePosition(line: 8, column: 20))
        #expect(document["примечание"]?.value == .string("Задержана в ЦВСИГ"))
        #expect(document["примечание"]?.position == SourcePosition(line: 9, column: 13))
    }

    @Test func noCarriageReturnReachesAValue() throws {
        let document = try Fixture.load("positions/cyrillic-crlf.yaml")
        func check(_ node: CaseNode) {
            switch node.value {
            case .string(let text): #expect(!text.contains("\r"))
            case .list(let items): items.forEach(check)
            case .map(let entries): entries.forEach { #expect(!$0.key.contains("\r")); check($0.value) }
            default: break
            }
        }
        check(document.root)
    }

    /// `заявитель: {имя: Иванова, дата_рождения: ` is 41 characters (but 70 bytes): the date starts at 42.
    @Test func errorColumnAfterCyrillicTextCountsCharacters() {
        #expect(lines(Fixture.errors("positions/cyrillic-crlf-bad-date.yaml")) == [
            "cyrillic-crlf-bad-date.yaml:2:42: error: заявитель.дата_рождения: \"31.02.1990\" is not a real date: "
                + "February has 28 days, so there is no day 31",
        ])
    }

    @Test func byteOrderMarkIsAWarningAndShiftsNothing() throws {
        let document = try Fixture.load("positions/bom.yaml")
        #expect(lines(document.warnings) == [
            "bom.yaml:1:1: warning: the file starts with a byte-order mark (BOM); it was ignored, but saving as "
                + "\"UTF-8\" without BOM avoids surprises in other tools",
        ])
        #expect(document.root.entries?.first?.keyPosition == SourcePosition(line: 1, column: 1))
        #expect(document["case_id"]?.position == SourcePosition(line: 1, column: 10))
    }

    @Test func mixedLineEndsAreAWarning() throws {
        let document = try Fixture.load("positions/mixed-line-ends.yaml")
        #expect(lines(document.warnings) == [
            "mixed-line-ends.yaml:3:16: warning: this line ends with LF while earlier lines end with CRLF; the file "
                + "mixes line ends",
        ])
        #expect(document["applicant.phone"]?.value == .string("+79001234567"))
        #expect(document["applicant.phone"]?.position == SourcePosition(line: 4, column: 10))
    }
}
