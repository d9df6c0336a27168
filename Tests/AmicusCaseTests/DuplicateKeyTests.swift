import Testing
@testable import AmicusCase

/// A key written twice is an error naming both lines, never a silent overwrite.
@Suite struct DuplicateKeyTests {
    @Test func everyDuplicateIsReportedWithBothLines() {
        #expect(lines(Fixture.errors("duplicate-keys.yaml")) == [
            "duplicate-keys.yaml:5:3: error: applicant.name: duplicate key \"name\": first written at line 3, "
                + "again at line 5; a key may appear only once in a mapping, so keep one of them",
            "duplicate-keys.yaml:8:5: error: children[0].initials: duplicate key \"initials\": first written at "
                + "line 7, again at line 8; a key may appear only once in a mapping, so keep one of them",
            "duplicate-keys.yaml:10:1: error: 1: duplicate key \"1\": first written at line 9, again at line 10; "
                + "a key may appear only once in a mapping, so keep one of them",
            "duplicate-keys.yaml:11:1: error: case_id: duplicate key \"case_id\": first written at line 1, again "
                + "at line 11; a key may appear only once in a mapping, so keep one of them",
        ])
    }

    /// `read` still gives the data (first value of each key) so a manifest check can run beside the error.
    @Test func readingKeepsTheFirstValueAndTheErrors() throws {
        let reading = CaseLoader.read(path: Fixture.path("duplicate-keys.yaml"))
        let document = try #require(reading.document)
        #expect(reading.hasErrors)
        #expect(document["applicant.name"]?.value == .string("Иванова Мадина"))
        #expect(document["case_id"]?.value == .string("5-123/2016"))
    }

    @Test func mergedKeysAreNotDuplicatesAndOwnKeysWin() throws {
        let document = try Fixture.load("aliases.yaml")
        #expect(document["representative.name"]?.value == .string("Сидоров П. П."))
        #expect(document["second_representative.name"]?.value == .string("Козлова А. А."))
        #expect(document["second_representative.phone"]?.value == .string("+79001234567"))
        #expect(document["representative"]?.position == SourcePosition(line: 5, column: 17))
    }
}
