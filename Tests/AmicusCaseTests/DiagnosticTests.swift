import Testing
@testable import AmicusCase

/// Diagnostics print like a compiler's, so terminals and editors can jump to them.
@Suite struct DiagnosticTests {
    @Test func printsFileLineColumnSeverityPathMessage() {
        let diagnostic = CaseDiagnostic(file: "case.yaml", line: 14, column: 3, path: "applicant.birth_date",
                                        message: "expected a date like 2016-02-15, got \"15 feb\"")
        #expect(diagnostic.description
            == "case.yaml:14:3: error: applicant.birth_date: expected a date like 2016-02-15, got \"15 feb\"")
        let warning = CaseDiagnostic(file: "case.yaml", line: 1, column: 1, message: "BOM", severity: .warning)
        #expect(warning.description == "case.yaml:1:1: warning: BOM")
    }

    @Test func errorsPrintOnePerLineInFileOrder() {
        let errors = CaseErrors([
            CaseDiagnostic(file: "a.yaml", line: 1, column: 1, message: "first"),
            CaseDiagnostic(file: "a.yaml", line: 2, column: 1, message: "second"),
        ])
        #expect(errors.description == "a.yaml:1:1: error: first\na.yaml:2:1: error: second")
    }

    @Test func theDesignExampleEndToEnd() throws {
        let manifest = try TemplateManifest.parse("""
            title: T
            language: ru
            forum: ru-court
            fields:
              applicant.birth_date: date
            """, file: "manifest.yaml")
        let text = String(repeating: "# comment\n", count: 12) + "applicant:\n birth_date: 15 feb\n"
        let document = try CaseLoader.parse(text, file: "case.yaml")
        #expect(lines(manifest.validate(document).diagnostics) == [
            "case.yaml:14:14: error: applicant.birth_date: expected a date like 2016-02-15, got \"15 feb\"",
        ])
    }
}
