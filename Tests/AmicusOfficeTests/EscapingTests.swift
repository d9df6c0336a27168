import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

@Suite struct EscapingTests {
    static let hostile = "& < > \" ' ]]> &amp; <w:t> Рахмона — «№ 5» 👩‍👧 😀 \u{0301}е"

    @Test func hostileCharactersComeBackCharacterForCharacterInEveryPart() throws {
        let bytes = try renderFixture("hostile.docx", ["value": .string(Self.hostile), "lines": "a", "tabbed": "b"])
        let text = try DocumentText(docx: bytes)
        #expect(text.part("word/document.xml")?.paragraphs.first == "Value: [\(Self.hostile)]")
        #expect(text.part("word/header1.xml")?.paragraphs.first == "Header: \(Self.hostile)")
        #expect(text.part("word/footer1.xml")?.paragraphs.first == "Footer: \(Self.hostile)")
        #expect(text.part("docProps/core.xml")?.paragraphs.first == "Title: \(Self.hostile)")
    }

    @Test func aNewlineBecomesALineBreakAndATabATab() throws {
        let bytes = try renderFixture("hostile.docx", ["value": "v", "lines": "первая\nвторая\r\nтретья", "tabbed": "a\tb"])
        let xml = try entryText(bytes, "word/document.xml")
        #expect(xml.contains("первая</w:t><w:br/><w:t xml:space=\"preserve\">вторая</w:t><w:br/>"))
        let body = try #require(try DocumentText(docx: bytes).part("word/document.xml")).paragraphs
        #expect(body[1] == "Lines: первая\nвторая\nтретья")
        #expect(body[2] == "Tabs: a\tb")
    }

    @Test(arguments: ["\u{0007}", "\u{0000}", "\u{001B}", "\u{FFFE}"])
    func aCharacterXMLCannotHoldIsAnErrorNamingTheField(_ bad: String) throws {
        let template = try DocumentTemplate.open(path: fixture("hostile.docx"))
        let result = template.render(["value": .string("до\(bad)после"), "lines": "a", "tabbed": "b"])
        #expect(result.bytes == nil)
        #expect(!result.errors.isEmpty)
        let first = try #require(result.errors.first)
        #expect(first.message.contains("value"), "\(first)")
        #expect(first.message.contains("cannot hold"), "\(first)")
        #expect(first.part == "word/document.xml")
        #expect(first.place == "paragraph 1")
    }
}
