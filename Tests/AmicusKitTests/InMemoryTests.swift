import AmicusKit
import AmicusOffice
import Foundation
import Testing

/// Check and render of case data held in memory (the web form) agree with the file-based verbs.
@Suite struct InMemoryTests {
    let template = repositoryPath("Templates/appeal-separation-ru/template.docx")

    @Test func checkInMemoryReportsWhatCheckOfTheFileReports() throws {
        let original = try String(contentsOfFile: repositoryPath("Examples/rahmona.yaml"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "birth_date: 1990-03-14", with: "birth_date: 14 march")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-inmemory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("case.yaml")
        try broken.write(to: file, atomically: true, encoding: .utf8)

        let fromFile = Amicus.check(template: template, case: file.path)
        let fromMemory = Amicus.check(template: template, caseBytes: Array(broken.utf8), caseName: file.path)
        #expect(fromFile.hasErrors)
        #expect(fromMemory == fromFile)

        let problem = try #require(fromMemory.first { $0.description.contains("applicant.birth_date") })
        let line = try #require(broken.components(separatedBy: "\n").firstIndex { $0.contains("birth_date: 14 march") }) + 1
        #expect(problem.location(inFile: file.path)?.line == line)
        #expect(problem.message(inFile: file.path).hasPrefix("applicant.birth_date: "))
        #expect(problem.location(inFile: "other.yaml") == nil)
    }

    @Test func renderInMemoryReturnsTheDocumentAndWritesNothing() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: repositoryPath("Examples/rahmona.yaml"))))
        let result = Amicus.render(template: template, caseBytes: bytes, caseName: "case.yaml",
                                   precedents: PrecedentSource.find(explicit: repositoryPath("Precedents")))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.caseID == "RU-SPB-2016-0000")
        let text = try DocumentText(docx: try #require(result.document))
        #expect(text.plainText.contains("Каримова"))

        let failed = Amicus.render(template: template, caseBytes: Array("case_id: [unclosed".utf8), caseName: "case.yaml")
        #expect(failed.document == nil)
        #expect(failed.diagnostics.contains { $0.location(inFile: "case.yaml") != nil })
    }
}
