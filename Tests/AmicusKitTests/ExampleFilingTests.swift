import AmicusCase
import AmicusKit
import AmicusOffice
import Foundation
import Testing

/// The shipped appeal rendered from the shipped example, read back the way a court would read it.
@Suite(.serialized) struct ExampleFilingTests {
    static let template = repositoryPath("Templates/appeal-separation-ru/template.docx")
    static let example = repositoryPath("Examples/rahmona.yaml")

    @Test func theExampleAppealRendersWithEveryRequisiteAndOpensInLibreOffice() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("appeal.docx")
        let report = Amicus.render(template: Self.template, case: Self.example, output: output.path,
                                   precedents: PrecedentSource.find(explicit: repositoryPath("Precedents")))
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(report.written == output.path)

        let bytes = Array(try Data(contentsOf: output))
        let text = try DocumentText(docx: bytes)
        let manifest = try TemplateManifest.load(path: repositoryPath("Templates/appeal-separation-ru/manifest.yaml"))
        for requisite in manifest.requisites {
            #expect(text.plainText.contains(requisite), "requisite '\(requisite)' is missing")
        }
        #expect(!text.plainText.contains("{{") && !text.plainText.contains("{%"), "a tag was left behind")
        #expect(text.part("word/header1.xml")?.paragraphs.joined().contains("5-0000/2016") == true, "case number in the header")
        #expect(text.part("word/footer1.xml")?.paragraphs.joined().contains("5-0000/2016") == true, "case number in the footer")
        #expect(text.part("docProps/core.xml")?.paragraphs.contains("Жалоба — RU-SPB-2016-0000") == true)

        let office = try libreOfficeText(output)
        for line in ["ЖАЛОБА", "ПРОШУ:", "Приложение:", "Каримова Рахмона", "Хронология событий"] {
            #expect(office.contains(line), "LibreOffice does not read '\(line)'")
        }
        #expect(office.contains("ООО «Здоровье & Семья»"), "an ampersand in case data survives")
        #expect(office.contains("на 3 листах;"), "the plural filter agrees with the number")
    }

    @Test func checkNamesEveryMissingOrMistypedFieldAndTheFileAtOnce() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try String(contentsOfFile: Self.example, encoding: .utf8).components(separatedBy: "\n")
        let birth = try #require(lines.firstIndex { $0.hasPrefix("  birth_date:") })
        lines.remove(at: birth)
        let caseNumber = try #require(lines.firstIndex { $0.contains("case_id:") })
        lines[caseNumber] = "case_id: [not, a, string]"
        let broken = folder.appendingPathComponent("broken.yaml")
        try lines.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)

        let diagnostics = Amicus.check(template: Self.template, case: broken.path,
                                       precedents: PrecedentSource.find(explicit: repositoryPath("Precedents")))
        let errors = diagnostics.filter(\.isError).map(\.description)
        #expect(errors.contains { $0.hasPrefix(broken.path + ":") && $0.contains("applicant.birth_date") && $0.contains("missing") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix(broken.path + ":\(caseNumber + 1):") && $0.contains("case_id") }, "\(errors)")
    }

    @Test func theSameInputRendersToTheSameBytes() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let precedents = PrecedentSource.find(explicit: repositoryPath("Precedents"))
        let first = folder.appendingPathComponent("1.docx"), second = folder.appendingPathComponent("2.docx")
        _ = Amicus.render(template: Self.template, case: Self.example, output: first.path, precedents: precedents)
        _ = Amicus.render(template: Self.template, case: Self.example, output: second.path, precedents: precedents)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }
}
