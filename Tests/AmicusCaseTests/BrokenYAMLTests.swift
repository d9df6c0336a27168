import Testing
@testable import AmicusCase

/// Broken YAML ends in one clear diagnostic at the line and column the YAML parser reports, never a crash.
@Suite struct BrokenYAMLTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var says: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "bad-indentation.yaml", line: 3, column: 14, says: "check the indentation of this line"),
        Case(file: "bad-list-indentation.yaml", line: 5, column: 4,
             says: "this line is not indented like the items of the list that starts at line 2"),
        Case(file: "colon-in-value.yaml", line: 1, column: 20, says: "put the whole value in quotes"),
        Case(file: "tab-indentation.yaml", line: 2, column: 1,
             says: "a tab is used for indentation; YAML indents with spaces only"),
        Case(file: "unclosed-quote.yaml", line: 5, column: 1,
             says: "the quote opened at line 3, column 9 is never closed"),
        Case(file: "unclosed-bracket.yaml", line: 2, column: 6,
             says: "a list in brackets [ … ] is not closed, or its items are not separated by commas "
                + "(it starts at line 1, column 14)"),
        Case(file: "two-documents.yaml", line: 2, column: 1, says: "a second YAML document starts here"),
        Case(file: "duplicate-key.yaml", line: 5, column: 3, says: "first written at line 3, again at line 5"),
    ]

    @Test(arguments: cases)
    func brokenFileGivesOneDiagnosticAtTheReportedPosition(_ broken: Case) throws {
        let diagnostics = Fixture.errors("yaml-errors/" + broken.file)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == broken.file)
        #expect((diagnostic.line, diagnostic.column) == (broken.line, broken.column))
        #expect(diagnostic.message.contains(broken.says), "\(diagnostic)")
    }

    @Test func syntaxDiagnosticPrintsLikeACompiler() {
        #expect(lines(Fixture.errors("yaml-errors/tab-indentation.yaml")) == [
            "tab-indentation.yaml:2:1: error: a tab is used for indentation; YAML indents with spaces only "
                + "[YAML: while scanning for the next token at 2:1, found character that cannot start any token]",
        ])
    }

    /// Every prefix of a real case file, cut at any byte, is either read or refused with a positioned message.
    @Test func everyTruncationEndsInDataOrADiagnostic() throws {
        let bytes = Array(try Fixture.text("manifests/appeal-case-ok.yaml").utf8)
        for end in 0...bytes.count {
            let reading = CaseLoader.read(bytes: Array(bytes[..<end]), file: "cut.yaml")
            #expect(reading.document != nil || !reading.diagnostics.isEmpty)
            for diagnostic in reading.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
            }
        }
    }

    /// Each YAML indicator dropped at each line start of a real file: never a crash, always a result.
    @Test func strayIndicatorsNeverCrash() throws {
        let text = try Fixture.text("manifests/appeal-case-ok.yaml")
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for indicator in ["\"", "'", "[", "]", "{", "}", ":", "&", "*", "!", "|", ">", "%", "@", "`", "\t", "? ", "- ", "<<: "] {
            for index in fileLines.indices {
                var changed = fileLines
                changed[index] = indicator + changed[index]
                let reading = CaseLoader.read(bytes: Array(changed.joined(separator: "\n").utf8), file: "x.yaml")
                #expect(reading.document != nil || reading.hasErrors)
            }
        }
    }
}
