import Foundation
import Testing
@testable import AmicusOffice

/// The check every rendered part passes before anything is written: what it refuses, what it lets through.
@Suite struct WellFormednessCheckTests {
    func problem(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { XMLSupport.wellFormednessProblem($0, part: "word/document.xml") }
    }
    func problem(_ text: String) -> String? { problem(Array(text.utf8)) }

    static let root = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#

    @Test(arguments: [
        "<w:body><w:p></w:body>",                          // unclosed element
        "<w:body><w:p></w:r></w:body>",                    // mismatched end tag
        "<w:body><w:t>a & b</w:t></w:body>",               // bare ampersand
        "<w:body><w:t>&nbsp;</w:t></w:body>",              // undeclared entity
        "<w:body><w:t>a < b</w:t></w:body>",               // bare less-than
        "<w:body><w:p w:a=\"1\" w:a=\"2\"/></w:body>",     // duplicate attribute
        "<w:body><w:p w:a=\"x<y\"/></w:body>",             // < in an attribute value
        "<w:body><w:p w:a=1/></w:body>",                   // unquoted attribute
        "<w:body><w:t>\u{1}</w:t></w:body>",               // a control character
        "<w:body><w:t>&#1;</w:t></w:body>",                // a reference to one
        "<w:body><w:t>]]></w:t></w:body>",                 // ]]> in text
        "<w:body/><!-- a -- b -->",                        // -- inside a comment
    ])
    func malformedPartsAreRefusedWithALine(_ body: String) throws {
        let found = try #require(problem(Self.root + "\n" + body + "</w:document>"), "accepted: \(body)")
        #expect(found.hasPrefix("line "), "\(found)")
    }

    @Test func structureOutsideTheRootIsRefused() {
        #expect(problem("") != nil)
        #expect(problem(Self.root + "</w:document><w:extra/>") != nil)
        #expect(problem("text before" + Self.root + "</w:document>") != nil)
        #expect(problem(Self.root) != nil)
    }

    @Test func brokenUTF8IsRefused() {
        var bytes = Array((Self.root + "<w:t>Рахмона</w:t></w:document>").utf8)
        let cyrillic = bytes.firstIndex(of: 0xD0)!
        bytes[cyrillic + 1] = 0x41          // a lead byte without its continuation
        #expect(problem(bytes) != nil)
        #expect(problem(Array((Self.root + "</w:document>").utf8) + [0xFF]) != nil)
    }

    @Test func wellFormedPartsPass() {
        #expect(problem(Self.root + "</w:document>") == nil)
        #expect(problem(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n" + Self.root
                        + "<w:body><w:p><w:r><w:t xml:space=\"preserve\">Рахмона « » № 5 &amp; &lt;&gt; &#1056; 👩‍👧</w:t></w:r>"
                        + "<!-- comment --><?pi data?><w:t><![CDATA[a < b & ]]></w:t></w:p></w:body></w:document>") == nil)
        // Namespace errors are libxml2 warnings, not well-formedness errors, with SAX1 and SAX2 alike; Word's own
        // prefixes come from the template's root element.
        #expect(problem("<w:p/>") == nil)
    }
}
