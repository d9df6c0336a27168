import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

@Suite struct PackageOutputTests {
    @Test func identicalInputGivesByteIdenticalOutput() throws {
        let context: ValueDict = ["value": "x", "lines": "a\nb", "tabbed": "c"]
        let first = try renderFixture("hostile.docx", context)
        let second = try renderFixture("hostile.docx", context)
        #expect(first == second)
        let other = try renderFixture("hostile.docx", ["value": "y", "lines": "a\nb", "tabbed": "c"])
        #expect(first != other)
    }

    @Test func unchangedPartsAreCopiedWithoutRecompressing() throws {
        let templateBytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture("hostile.docx"))))
        let output = try renderFixture("hostile.docx", ["value": "x", "lines": "a", "tabbed": "b"])
        let before = try #require(try ZipPackage(bytes: templateBytes).entry(named: "word/styles.xml"))
        let after = try #require(try ZipPackage(bytes: output).entry(named: "word/styles.xml"))
        // The fixture stored styles.xml at compression level 1; a re-compression would change its size.
        #expect(after.compressedSize == before.compressedSize)
        #expect(try ZipPackage(bytes: output).entries.map(\.name) == ZipPackage(bytes: templateBytes).entries.map(\.name))
    }

    @Test func theTitleAndSubjectPropertiesAreRendered() throws {
        let bytes = try renderFixture("properties.docx", ["case_id": "5-0000/2016"])
        let core = try #require(try DocumentText(docx: bytes).part("docProps/core.xml")).paragraphs
        #expect(core.contains("Жалоба — 5-0000/2016"))
        #expect(core.contains("нет"))
        #expect(try DocumentText(docx: bytes).part("word/document.xml")?.paragraphs == ["Body 5-0000/2016"])
    }

    @Test func aPartWithoutTagsIsNotRendered() throws {
        let template = try DocumentTemplate.open(path: fixture("row-loop.docx"))
        #expect(template.templatedParts == ["word/document.xml"])
    }

    @Test func atomicWriteLeavesNoFileWhenTheFolderIsMissingAndReplacesWhole() throws {
        #expect(throws: AtomicWrite.Failure.self) { try AtomicWrite.write([1, 2, 3], to: "/nonexistent-folder/out.docx") }
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("out.docx").path
        try AtomicWrite.write(Array("first".utf8), to: path)
        try AtomicWrite.write(Array("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.docx"], "no temporary file is left behind")
    }
}
