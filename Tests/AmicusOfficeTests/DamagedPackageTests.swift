import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

@Suite struct DamagedPackageTests {
    @Test(arguments: [
        ("not-a-zip.docx", "not a zip package"),
        ("truncated.docx", "zip package"),
        ("no-document.docx", "no word/document.xml"),
        ("climbing-path.docx", "climbs out of the package"),
        ("zip-bomb.docx", "zip bomb"),
        ("external-entity.docx", "refused"),
    ])
    func aDamagedOrHostilePackageIsRefusedWithAClearMessage(_ name: String, _ phrase: String) throws {
        let error = try #require(throws: DocumentErrors.self) { try DocumentTemplate.open(path: fixture(name)) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].message.contains(phrase), "\(error)")
        #expect(error.diagnostics[0].file == fixture(name))
    }

    @Test func aMissingFileAndAnUnknownExtensionAreClearErrors() {
        #expect(throws: DocumentErrors.self) { try DocumentTemplate.open(path: "/nonexistent/appeal.docx") }
        let error = try? #require(throws: DocumentErrors.self) { try DocumentTemplate.open(path: fixture("make_fixtures.py")) }
        #expect(error?.diagnostics.first?.message.contains("unknown template format") == true)
    }

    @Test func aPartThatIsNotWellFormedIsReported() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture("split-tag.docx"))))
        let package = try ZipPackage(bytes: bytes)
        bytes = try package.rewritten(replacing: ["word/document.xml": "<w:document><w:body>"])
        let error = try #require(throws: DocumentErrors.self) { try DocumentTemplate(bytes: bytes, name: "broken.docx", format: .docx) }
        #expect(error.diagnostics[0].message.contains("not well-formed"), "\(error)")
    }

    @Test func entryNamesThatEscapeTheFolderAreRefused() {
        for name in ["../x.xml", "a/../../x.xml", "/etc/passwd", "C:evil", "a\\b.xml"] {
            #expect(throws: PackageError.self) { try ZipPackage.checkEntryName(name) }
        }
        #expect(throws: Never.self) { try ZipPackage.checkEntryName("word/media/image1.png") }
    }
}
