import AmicusTemplate
import Testing
@testable import AmicusOffice

@Suite struct SplitTagTests {
    @Test func aTagCutIntoFiveRunsAroundABookmarkAndASpellMarkIsFound() throws {
        let bytes = try renderFixture("split-tag.docx", ["applicant": ["name": "Рахмона"], "case_id": "5-0000/2016"])
        let text = try DocumentText(docx: bytes)
        let body = try #require(text.part("word/document.xml")).paragraphs
        #expect(body[0] == "Заявитель: Рахмона (мать)")
    }

    @Test func theValueKeepsTheFormattingOfTheRunWhereTheTagBeganAndNoBookmarkIsLost() throws {
        let bytes = try renderFixture("split-tag.docx", ["applicant": ["name": "Рахмона"], "case_id": "1"])
        let xml = try entryText(bytes, "word/document.xml")
        #expect(xml.contains("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Рахмона</w:t>"))
        #expect(xml.contains("<w:bookmarkStart w:id=\"0\" w:name=\"applicant\"/>"))
        #expect(xml.contains("<w:bookmarkEnd w:id=\"0\"/>"))
        #expect(xml.contains("<w:proofErr w:type=\"spellStart\"/>"))
        for piece in ["{{", "icant.", ">na<", "me }}"] {
            #expect(!xml.contains(piece), "no piece of the tag may remain: \(piece)")
        }
    }

    @Test func curlyQuotesGuillemetsAndNonBreakingSpacesTypedInsideTagsWork() throws {
        let bytes = try renderFixture("split-tag.docx", ["applicant": ["name": "Р."], "case_id": "5-0000/2016"])
        let body = try #require(try DocumentText(docx: bytes).part("word/document.xml")).paragraphs
        #expect(body[1] == "Телефон: не указан")
        #expect(body[2] == "Note: none")
        #expect(body[3] == "Literal: «как есть»")
        #expect(body[4] == "Spaced: 5-0000/2016")
    }

    @Test func scannerKeepsGuillemetsInsideAStraightQuotedString() {
        let (tags, problems) = TagScanner.scan(Array("{{ \"«да»\" }} и {{ x|default(«нет») }}".unicodeScalars))
        #expect(problems.isEmpty)
        #expect(tags.map(\.jinja) == ["{{ \"«да»\" }}", "{{ x|default(\"нет\") }}"])
    }

    @Test func scannerReportsATagLeftOpenAtTheEndOfTheParagraph() {
        let (tags, problems) = TagScanner.scan(Array("Дата: {{ decision.date".unicodeScalars))
        #expect(tags.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("not closed in this paragraph") == true)
    }

    @Test func scannerClassifiesStructuralAndTableTags() {
        let (tags, _) = TagScanner.scan(Array("{%tr for e in xs %}{%p if a %}{% vm %}{% colspan n %}{%r endif %}".unicodeScalars))
        #expect(tags.map(\.kind) == [.structural(.row), .structural(.paragraph), .table(.verticalMerge), .table(.colspan("n")), .structural(.run)])
        #expect(tags[0].jinja == "{% for e in xs %}")
    }
}
