import Foundation
import Testing
@testable import AmicusOffice

/// The ASCII stand-in libxml2 checks first must never let through what libxml2 would refuse on the real bytes, and
/// must give the real verdict (through the second parse) whatever it refuses.
@Suite struct ASCIIStandInTests {
    static func standIn(_ bytes: [UInt8], knownUTF8: Bool = false) -> [UInt8]? {
        bytes.withUnsafeBytes { ASCIIStandIn.make($0, knownUTF8: knownUTF8) }
    }
    static func libxml2Accepts(_ bytes: [UInt8]) -> Bool {
        XMLSupport.initialise()
        return bytes.withUnsafeBytes { XMLSupport.saxParse($0) } == 0
    }
    static func checkAccepts(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { XMLSupport.wellFormednessProblem($0, part: "word/document.xml") } == nil
    }

    @Test func nonASCIIBecomesBangsByteForByte() throws {
        let text = "<w:t a=\"Ким\">Рахмона « » № 5 👩‍👧 é</w:t>"
        let out = try #require(Self.standIn(Array(text.utf8), knownUTF8: true))
        #expect(out.count == text.utf8.count)
        #expect(out.allSatisfy { $0 < 0x80 })
        var expected: [UInt8] = []
        for scalar in text.unicodeScalars {
            let n = String(scalar).utf8.count
            expected += scalar.isASCII ? Array(String(scalar).utf8) : Array(repeating: UInt8(ascii: "!"), count: n)
        }
        #expect(out == expected)
        // The same through the validating path, and an empty part.
        #expect(Self.standIn(Array(text.utf8)) == out)
        #expect(Self.standIn([]) == [])
    }

    @Test func whatTheStandInCannotShowIsRefusedHere() {
        let root = "<r>"
        for bad in [[0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF]] as [[UInt8]] {   // U+FFFE, U+FFFF: not XML characters
            let bytes = Array((root + "Рах").utf8) + bad + Array("</r>".utf8)
            #expect(Self.standIn(bytes, knownUTF8: true) == nil)
            #expect(!Self.checkAccepts(bytes))
            #expect(!Self.libxml2Accepts(bytes))
        }
        // Not UTF-8: a lone continuation byte, a cut sequence, an overlong form, a surrogate, past U+10FFFF.
        for bad in [[0x80], [0xD0], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] as [[UInt8]] {
            let bytes = Array((root + "text ").utf8) + bad + Array(" more</r>".utf8)
            #expect(Self.standIn(bytes) == nil, "\(bad)")
            #expect(!Self.checkAccepts(bytes), "\(bad)")
        }
        // Another declared encoding: checked as it is.
        let cp1251 = Array("<?xml version=\"1.0\" encoding=\"windows-1251\"?><r/>".utf8)
        #expect(Self.standIn(cp1251) == nil)
        #expect(Self.standIn(Array("<?xml version='1.0' encoding='utf-8'?><r>Ж</r>".utf8)) != nil)
        #expect(Self.standIn(Array("<?xml-stylesheet href='a'?><r>Ж</r>".utf8)) != nil)
    }

    @Test func namesOutsideASCIIGetTheRealVerdict() {
        // "Ж" may start a name, "×" (U+00D7) may not: the stand-in refuses both, the second parse decides.
        #expect(Self.checkAccepts(Array("<Ж a=\"1\">x</Ж>".utf8)))
        #expect(!Self.checkAccepts(Array("<a×b/>".utf8)))
        #expect(!Self.libxml2Accepts(Array("<a×b/>".utf8)))
        // A byte-order mark stays a byte-order mark.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let withBOM = bom + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Рахмона</r>".utf8)
        #expect(Self.standIn(withBOM)?.prefix(3) == bom[...])
        #expect(Self.checkAccepts(withBOM))
    }

    /// Thousands of small documents, well-formed and not, built from pieces that put non-ASCII characters in every
    /// place XML has: the check with its stand-in says what libxml2 says of the bytes themselves, every time.
    @Test func agreesWithLibxml2OnTheRealBytes() {
        let pieces = ["<a>", "</a>", "<b x=\"", "\">", "\"/>", "text", " ", "Ж", "×", "é", "\u{FFFE}", "\u{10348}", "\u{85}",
                      "<!--", "-->", "--", "<![CDATA[", "]]>", "<?pi ", "<?Ж ", "?>", "&amp;", "&Ж;", "&#1046;", "&", "<",
                      ">", "<Ж>", "</Ж>", "<a Ж=\"v\">", "<a x='Ж'>", "\u{FFFD}", "<c/>", "<a:b xmlns:a=\"u\"/>",
                      "<a×b/>", "<aЖb/>", "<a b×=\"1\"/>", "&a×;", "<?a×b ?>", "<c d=\"×\"/>", "<d"]
        var rng = SystemRandomNumberGenerator()
        var accepted = 0, refused = 0
        for _ in 0..<6000 {
            var body = ""
            for _ in 0..<Int.random(in: 1...10, using: &rng) { body += pieces.randomElement(using: &rng)! }
            let bytes = Array(("<r>" + body + "</r>").utf8)
            let expected = Self.libxml2Accepts(bytes)
            #expect(Self.checkAccepts(bytes) == expected, "\(body)")
            if expected { accepted += 1 } else { refused += 1 }
        }
        #expect(accepted > 500 && refused > 500)   // both verdicts well exercised
    }
}
