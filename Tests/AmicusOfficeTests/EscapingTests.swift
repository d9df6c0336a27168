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

/// The 16-bytes-at-a-time scan that lets clean values through untouched must see a special byte at every offset,
/// in the vector part and in the tail, and must not stop at Cyrillic.
@Suite struct EscapingScanTests {
    @Test func everySpecialByteIsSeenAtEveryOffset() throws {
        let specials: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x26, 0x3C, 0x3E, 0x22, 0xEF]
        for length in [1, 15, 16, 17, 31, 32, 33, 47] {
            for offset in 0..<length {
                for special in specials {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[offset] = special
                    #expect(bytes.withUnsafeBufferPointer { OutputEscaping.firstAttention($0, from: 0) } == offset,
                            "byte \(special) at \(offset) of \(length)")
                }
            }
        }
    }

    @Test func cleanTextPassesAndComesBackAsItWas() throws {
        let clean = "Рахмона, 2 года — «ходатайство» № 5/2024 ' ] }" + String(repeating: "текст ", count: 9)
        #expect(Array(clean.utf8).withUnsafeBufferPointer { OutputEscaping.firstAttention($0, from: 0) } == clean.utf8.count)
        let escaped = try OutputEscaping.escape(clean, lineBreak: Array("<br/>".utf8), tab: Array("<tab/>".utf8))
        #expect(escaped == clean)
        let dirty = String(repeating: "абвгд", count: 7) + "&"
        #expect(try OutputEscaping.escape(dirty, lineBreak: [], tab: []) == String(repeating: "абвгд", count: 7) + "&amp;")
    }
}
