import AmicusOffice
import Foundation
import Testing
@testable import AmicusKit

/// `--pseudonymise`: names replaced in every part, and any trace left is an error with nothing written.
@Suite struct PseudonymisedRenderTests {
    static let appeal = repositoryPath("Templates/appeal-separation-ru/template.docx")

    static func markedExample(in folder: URL) throws -> URL {
        let text = try String(contentsOfFile: repositoryPath("Examples/rahmona.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\napplicant:\n", with: "\napplicant:\n  pseudonymise: true\n")
        let url = folder.appendingPathComponent("marked.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theRenderedAppealHoldsNoFormOfTheMothersName() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("appeal.docx")
        let report = Amicus.render(template: Self.appeal, case: try Self.markedExample(in: folder).path, output: output.path,
                                   precedents: PrecedentSource.find(explicit: repositoryPath("Precedents")), pseudonymise: true)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let text = try DocumentText(docx: Array(Data(contentsOf: output))).plainText
        for form in ["Рахмон", "Каримов", "Karimova", "Rakhmona"] { #expect(!text.contains(form), "\(form) left in the filing") }
        #expect(text.contains("К. Р."))
    }

    @Test func aNameTheTemplateItselfHoldsIsAnErrorWithItsPartAndNothingIsWritten() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A template that quotes the mother by name in its own text, as a copied precedent quotation might.
        let fodt = try String(contentsOfFile: repositoryPath("Tests/AmicusOfficeTests/Fixtures/odf/basics.fodt"), encoding: .utf8)
            .replacingOccurrences(of: "Конец", with: "Цитата: «… Рахмоне было отказано …»")
        let template = folder.appendingPathComponent("quote.fodt")
        try fodt.write(to: template, atomically: true, encoding: .utf8)
        let caseFile = folder.appendingPathComponent("case.yaml")
        try """
            case_id: Q-1
            applicant: {name: Рахмона, pseudonymise: true}
            value: v
            lines: l
            spaces: s
            facts: [a]
            events: []
            """.write(to: caseFile, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.fodt")
        let report = Amicus.render(template: template.path, case: caseFile.path, output: output.path, pseudonymise: true)
        #expect(report.written == nil)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(report.diagnostics.contains { $0.isError && $0.description.contains("document: paragraph") && $0.description.contains("'Рахмоне'") },
                "\(report.diagnostics)")
    }

    static func parts(_ name: String) -> String { repositoryPath("Tests/AmicusKitTests/Fixtures/pseudonym-parts/\(name)") }

    static func caseFile(in folder: URL) throws -> String {
        let url = folder.appendingPathComponent("case.yaml")
        try "applicant: {name: Каримова Рахмона, pseudonymise: true, pseudonym: Заявительница А.}\n".write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A name printed from case data is replaced everywhere it can stand: body, header, footer, footnote, comment
    /// and the title property.
    @Test func aNameFromCaseDataIsReplacedInEveryPart() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.docx")
        let report = Amicus.render(template: Self.parts("names-everywhere.docx"), case: try Self.caseFile(in: folder), output: output.path, pseudonymise: true)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let text = try DocumentText(docx: Array(Data(contentsOf: output)))
        for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/comments.xml", "docProps/core.xml"] {
            let joined = try #require(text.part(part), "no \(part)").paragraphs.joined(separator: "\n")
            #expect(joined.contains("Заявительница А."), "\(part): \(joined)")
            #expect(!joined.contains("Рахмон") && !joined.contains("Каримов"), "\(part): \(joined)")
        }
    }

    /// The name typed into the template itself, in one part only, in one of its Russian case forms: the scan finds
    /// it there, names the part, and nothing is written.
    @Test(arguments: [("header", "word/header1.xml", "Рахмона"), ("footer", "word/footer1.xml", "Каримовой"),
                      ("footnote", "word/footnotes.xml", "Рахмоне"), ("comment", "word/comments.xml", "Рахмону"),
                      ("title", "docProps/core.xml", "Каримовой")])
    func aNameLeftInAnyPartIsCaughtThereAndNothingIsWritten(_ fixture: String, _ part: String, _ form: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.docx")
        let report = Amicus.render(template: Self.parts("literal-in-\(fixture).docx"), case: try Self.caseFile(in: folder), output: output.path, pseudonymise: true)
        #expect(report.written == nil && !FileManager.default.fileExists(atPath: output.path))
        let errors = report.diagnostics.filter(\.isError).map(\.description)
        #expect(errors.contains { $0.contains(part) && $0.contains("'\(form)'") }, "\(errors)")
        #expect(!errors.contains { !$0.contains(part) }, "only \(part) holds the name: \(errors)")
    }
}
