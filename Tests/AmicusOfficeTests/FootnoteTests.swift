import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

/// `{{ footnote(...) }}`: real footnotes from case data, in DOCX (moved to word/footnotes.xml) and ODT (inline).
@Suite struct FootnoteTests {
    static let hostile = "A&B <b>\"q\" 'a' ]]> Ким 📎"

    static let context: ValueDict = [
        "case_id": "5-0000/2016",
        "note": .string(hostile),
        "sources": [
            ["claim": "First claim.", "source": "CRC/C/RUS/CO/6-7, para. 13"],
            ["claim": "Second claim.", "source": "Report of 2016, p. 4"],
            ["claim": "Third claim.", "source": "Interview, 2018"],
        ],
    ]

    static func render(_ name: String) throws -> [UInt8] {
        let template = try DocumentTemplate.open(path: fixture(name))
        let result = template.render(context, options: RenderOptions(locale: "en"))
        guard let bytes = result.bytes else { throw DocumentErrors(result.errors) }
        return bytes
    }

    @Test func docxNotesGoToTheFootnotesPartInOrderWithFreshIDs() throws {
        let bytes = try Self.render("footnotes.docx")
        let text = try DocumentText(bytes: bytes, format: .docx)
        let notes = try #require(text.part("word/footnotes.xml")).paragraphs.filter { !$0.isEmpty }
        #expect(notes == [" " + Self.hostile, " Source: CRC/C/RUS/CO/6-7, para. 13", " Source: Report of 2016, p. 4", " Source: Interview, 2018"])

        let document = try entryText(bytes, "word/document.xml")
        let references = document.components(separatedBy: "<w:footnoteReference w:id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(references == ["1", "2", "3", "4"])
        let footnotes = try entryText(bytes, "word/footnotes.xml")
        for id in 1...4 { #expect(footnotes.contains("<w:footnote w:id=\"\(id)\">")) }
        #expect(!document.unicodeScalars.contains { (0xFDD0...0xFDEF).contains($0.value) })
        #expect(!footnotes.unicodeScalars.contains { (0xFDD0...0xFDEF).contains($0.value) })
    }

    @Test func theRunAfterANoteKeepsTheFormattingOfTheRunThatHeldTheTag() throws {
        let document = try entryText(try Self.render("footnotes.docx"), "word/document.xml")
        // Bold run, the reference, then the rest of the same bold run.
        let after = try #require(document.range(of: "<w:footnoteReference w:id=\"1\"/></w:r>"))
        let rest = document[after.upperBound...].prefix(200)
        #expect(rest.hasPrefix("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> and the rest of the run</w:t>"), "\(rest)")
        let body = try DocumentText(bytes: try Self.render("footnotes.docx"), format: .docx)
        #expect(body.part("word/document.xml")?.paragraphs.first == "Bold 5-0000/2016 and the rest of the run")
    }

    @Test func odtNotesStayInlineNumberedInOrder() throws {
        let bytes = try Self.render("footnotes.odt")
        let content = try entryText(bytes, "content.xml")
        let ids = content.components(separatedBy: "text:id=\"amicus-note-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["1", "2", "3", "4"])
        let citations = content.components(separatedBy: "<text:note-citation>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(citations == ["1", "2", "3", "4"])
        let text = try DocumentText(bytes: bytes, format: .odt)
        let paragraphs = try #require(text.part("content.xml")).paragraphs
        #expect(paragraphs.contains(Self.hostile))
        #expect(paragraphs.contains("Source: Report of 2016, p. 4"))
    }

    @Test func libreOfficeOpensBothAndNumbersTheReferences() throws {
        guard LibreOffice.executable != nil else { Issue.record("LibreOffice is not installed; `make test` installs it"); return }
        let folder = temporaryFolder()
        var files: [URL] = []
        for name in ["footnotes.docx", "footnotes.odt"] {
            let url = folder.appendingPathComponent("out-" + name)
            try Data(try Self.render(name)).write(to: url)
            files.append(url)
        }
        for text in try LibreOffice.text(of: files) {
            // LibreOffice's text export prints each reference's number after the text that carries it.
            #expect(text.contains("Bold 5-0000/2016") && text.contains("and the rest of the run"), "\(text)")
            #expect(text.contains("First claim.2") && text.contains("Third claim.4"), "\(text)")
        }
    }

    @Test func aFootnoteInAHeaderIsAnErrorAtItsTag() throws {
        let template = try DocumentTemplate.open(path: fixture("footnote-in-header.docx"))
        let result = template.render(Self.context)
        #expect(result.bytes == nil)
        let message = try #require(result.errors.first).description
        #expect(message.contains("word/header1.xml") && message.contains("footnote() can only stand in the body"), "\(message)")
    }

    @Test func aTemplateWithoutAFootnotesPartSaysHowToGetOne() throws {
        let template = try DocumentTemplate.open(path: fixture("no-footnotes-part.docx"))
        let result = template.render(Self.context)
        #expect(result.bytes == nil)
        #expect(result.errors.contains { $0.description.contains("needs a footnotes part") })
    }

    @Test func badArgumentsAreErrorsNotEmptyNotes() throws {
        let template = try DocumentTemplate.open(path: fixture("footnotes.docx"))
        for bad: Value in [.none, "   ", .list([])] {
            var context = Self.context
            context["note"] = bad
            let result = template.render(context)
            #expect(result.bytes == nil)
            #expect(result.errors.contains { $0.description.contains("footnote()") }, "\(result.errors)")
        }
    }
}
