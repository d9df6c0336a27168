import AmicusTemplate
import Testing
@testable import AmicusOffice

@Suite struct ErrorReportingTests {
    @Test func syntaxErrorsInTheBodyAndTheFooterAreReportedTogetherWithTheirParagraphs() throws {
        let error = try #require(throws: DocumentErrors.self) { try DocumentTemplate.open(path: fixture("errors.docx")) }
        let lines = error.diagnostics.map(\.description)
        let bodyErrors = error.diagnostics.filter { $0.part == "word/document.xml" }
        let footerErrors = error.diagnostics.filter { $0.part == "word/footer1.xml" }
        #expect(!bodyErrors.isEmpty, "\(lines)")
        #expect(!footerErrors.isEmpty, "\(lines)")
        #expect(footerErrors.contains { $0.place == "paragraph 1" && $0.tag == "{% endfor %}" }, "\(lines)")
        // The unclosed if is reported where it was opened, and the broken expression where it stands.
        #expect(bodyErrors.contains { $0.place == "paragraph 2" && $0.tag == "{% if applicant.name %}" }, "\(lines)")
        #expect(bodyErrors.contains { $0.place == "paragraph 5" && $0.tag == "{{ 1 + }}" }, "\(lines)")
    }

    @Test func anUndefinedNameIsReportedLikeACompilerWouldWithASuggestion() throws {
        let template = try DocumentTemplate.open(path: fixture("undefined.docx"))
        let result = template.render(["representative": ["name": "А. Адвокатов"]])
        #expect(result.bytes == nil)
        #expect(result.errors.map(\.description) == [
            "\(fixture("undefined.docx")): word/footer1.xml: paragraph 1: {{ representative.nmae }}: undefined name 'nmae' in 'representative' (did you mean 'name'?)",
        ])
    }

    @Test func lenientRendersTheUndefinedNameEmptyAndSaysWhich() throws {
        let template = try DocumentTemplate.open(path: fixture("undefined.docx"))
        let result = template.render(["representative": ["name": "А. Адвокатов"]], options: RenderOptions(lenient: true))
        let bytes = try #require(result.bytes)
        #expect(result.warnings.contains { $0.part == "word/footer1.xml" && $0.tag == "{{ representative.nmae }}" })
        #expect(try DocumentText(docx: bytes).part("word/footer1.xml")?.paragraphs == [""])
    }

    @Test func docxtplRichTextTagsAreRefusedWithAReason() throws {
        let error = try #require(throws: DocumentErrors.self) { try DocumentTemplate.open(path: fixture("rich-text-tag.docx")) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].message.contains("values are always text"))
        #expect(error.diagnostics[0].place == "paragraph 1")
    }
}
