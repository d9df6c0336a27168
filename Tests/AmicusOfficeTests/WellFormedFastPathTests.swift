import Foundation
import Testing
@testable import AmicusOffice

/// The walk that proves most parts well-formed before libxml2 is asked must never accept what libxml2 refuses, and
/// must accept the markup Word and LibreOffice write, or it saves nothing.
@Suite struct WellFormedFastPathTests {
    static func fastAccepts(_ bytes: [UInt8], knownUTF8: Bool = false) -> Bool {
        bytes.withUnsafeBytes { WellFormedFastPath.accepts($0, knownUTF8: knownUTF8) }
    }
    static func libxml2Accepts(_ bytes: [UInt8]) -> Bool {
        XMLSupport.initialise()
        return bytes.withUnsafeBytes { XMLSupport.saxParse($0) } == 0
    }

    /// Every XML part of every Word and OpenDocument file in the repository: libxml2 accepts them all, and so must
    /// the walk (a part it cannot show well-formed costs a libxml2 parse on every render).
    @Test func acceptsEveryPartOfTheRepositorysDocuments() throws {
        let files = repositoryFiles(withExtensions: ["docx", "odt"])
        #expect(files.count >= 20)
        var checked = 0
        for file in files {
            guard let package = try? ZipPackage(bytes: Array(try Data(contentsOf: file))) else { continue }   // damaged on purpose
            for entry in package.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                guard let bytes = try? package.read(entry), Self.libxml2Accepts(bytes) else { continue }
                #expect(Self.fastAccepts(bytes), "\(file.lastPathComponent) \(entry.name)")
                checked += 1
            }
        }
        #expect(checked >= 150, "checked \(checked)")
    }

    @Test(arguments: [
        "<r><p></r>", "<r><p></q></r>", "<r>a & b</r>", "<r>&nbsp;</r>", "<r>a < b</r>", "<r><p a=\"1\" a=\"2\"/></r>",
        "<r><p a=\"1\"b=\"2\"/></r>", "<r><p a=\"x<y\"/></r>", "<r><p a=1/></r>", "<r>\u{1}</r>", "<r>&#1;</r>", "<r>&#xD800;</r>",
        "<r>&#x110000;</r>", "<r>&#;</r>", "<r>&#x;</r>", "<r>]]></r>", "<r/><!-- a -- b -->", "<r><!-- a ---></r>", "<r/><r/>",
        "text<r/>", "<r/>text", "", "<r>", "<r>\u{FFFE}</r>", "<r a=\"\u{FFFF}\"/>", "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><r/>",
        "<r><?xml x?></r>", "<?XML x?><r/>", "<r><?pi?x?></r>", "<r><?pi \u{1}?></r>",
    ])
    func refusesWhatLibxml2Refuses(_ document: String) {
        let bytes = Array(document.utf8)
        #expect(!Self.libxml2Accepts(bytes))
        #expect(!Self.fastAccepts(bytes, knownUTF8: true))
    }

    /// Well-formed, but outside what the walk knows: it leaves them to libxml2 rather than guess.
    @Test(arguments: [
        "<!DOCTYPE r><r/>", "<?Ж data?><r/>", "<Ж/>", "<r Ж=\"1\"/>", "<r>&#000000065;</r>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>",
    ])
    func leavesTheUnusualToLibxml2(_ document: String) {
        let bytes = Array(document.utf8)
        #expect(Self.libxml2Accepts(bytes))
        #expect(!Self.fastAccepts(bytes, knownUTF8: true))
    }

    @Test func acceptsWhatWordWrites() {
        let part = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<!-- c --><w:document xmlns:w=\"urn:w\">"
            + "<w:body><w:p w:rsidR='00A1>B2'><w:r><w:t xml:space=\"preserve\">Рахмона « » № 5 &amp; &lt;&gt;&quot;&apos; &#1056;&#x1F600; 👩‍👧"
            + "</w:t><w:tab/><w:t><![CDATA[a < b & ]]></w:t></w:r><!-- note --></w:p><w:sectPr/></w:body></w:document >\n<!-- end -->\n"
        #expect(Self.fastAccepts(Array(part.utf8), knownUTF8: true))
        #expect(Self.fastAccepts(Array(part.utf8)))   // validated as UTF-8 first
        #expect(Self.libxml2Accepts(Array(part.utf8)))
        #expect(!Self.fastAccepts(Array(part.utf8) + [0xFF]))   // not UTF-8
        for instructions in ["<?mso-application progid=\"Word.Document\"?><r><?pi?><?pi\tdata ?></r><?end Ж?>",
                             "<?xml-stylesheet href='a'?><r/>", "<?xmlfoo?><r/>"] {
            #expect(Self.fastAccepts(Array(instructions.utf8), knownUTF8: true), "\(instructions)")
            #expect(Self.libxml2Accepts(Array(instructions.utf8)), "\(instructions)")
        }
    }

    /// libxml2 refuses nesting past 256 levels without its "huge" option; the walk stops proving at 200.
    @Test func deepNestingAndLargePartsGoToLibxml2() {
        func nested(_ depth: Int) -> [UInt8] {
            Array((String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)).utf8)
        }
        #expect(Self.fastAccepts(nested(200)))
        #expect(!Self.fastAccepts(nested(201)) && Self.libxml2Accepts(nested(201)))
        #expect(!Self.libxml2Accepts(nested(300)))
        let large = Array(("<r>" + String(repeating: "text ", count: WellFormedFastPath.maximumSize / 5) + "</r>").utf8)
        #expect(!Self.fastAccepts(large) && Self.libxml2Accepts(large))
    }

    /// Thousands of small documents built from pieces that exercise every rule the walk checks, inside and around
    /// the root element: whenever the walk accepts, libxml2 accepts.
    @Test func neverAcceptsWhatLibxml2Refuses() {
        let prologues = ["", "<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='utf-8' standalone='no' ?>",
                         "<?xml version=\"1.1\"?>", "<?xml version=\"1.0\"encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" standalone=\"maybe\"?>",
                         "\u{FEFF}", "<!-- c -->", "<!-- a--b -->", " \r\n", "<?pi?>", "<!DOCTYPE r>", "x"]
        // Well-formed fragments most of the time, so that whole documents are often well-formed; hazards otherwise.
        let fragments = ["text", " ", "\t", "\r\n", "Ж", "×", "\u{7F}", "\u{85}", "]", ">", "'", "\"", "-", "--", "=", "/",
                         "<a>x</a>", "<c/>", "<c />", "<c a=\"1\" b='2'/>", "<c a=\"&#60;\"/>", "<c a='\"]]>'/>", "&amp;", "&lt;",
                         "&apos;", "&#65;", "&#x41;", "&#x10FFFF;", "<!-- c -->", "<!---->", "<![CDATA[ <&> ]]>", "<c xml:space=\"bad\"/>",
                         "<c.d-e_f:g/>", "<a:b xmlns:a=\"u\"/>", "<a\n></a >", "<:c/>", "<c:/>", "<xml/>", "<C9/>"]
        let hazards = ["<a>", "</a>", "<b x=\"", "\">", "\"/>", "\u{FFFE}", "\u{0}", "\u{1}", "<!--", "-->", "<![CDATA[", "]]>",
                       "<?pi ", "?>", "&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999;", "&#;", "&", "<", "<c/ >",
                       "<c a=\"1\" a=\"1\"/>", "<c a=\"1\"b=\"2\"/>", "<c a=1/>", "<c a=\"<\"/>", "<c a=\"&\"/>", "<-c/>",
                       "< a>", "<d", "<9/>", "<a>x</b>"]
        let epilogues = ["", "\n", "<!-- x -->", "<r/>", "text", "<?pi?>", "<!-- a--b -->", "]]>"]
        var rng = SystemRandomNumberGenerator()
        var acceptedByBoth = 0, refusedByBoth = 0, leftToLibxml2 = 0
        for _ in 0..<8000 {
            var body = ""
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                body += Int.random(in: 0..<8, using: &rng) == 0 ? hazards.randomElement(using: &rng)! : fragments.randomElement(using: &rng)!
            }
            let prologue = Bool.random(using: &rng) ? prologues.randomElement(using: &rng)! : ""
            let epilogue = Bool.random(using: &rng) ? epilogues.randomElement(using: &rng)! : ""
            let document = prologue + "<r>" + body + "</r>" + epilogue
            let bytes = Array(document.utf8)
            let expected = Self.libxml2Accepts(bytes)
            let fast = Self.fastAccepts(bytes, knownUTF8: true)
            #expect(!fast || expected, "accepted what libxml2 refuses: \(document.debugDescription)")
            if fast && expected { acceptedByBoth += 1 } else if !expected { refusedByBoth += 1 } else { leftToLibxml2 += 1 }
        }
        #expect(acceptedByBoth > 800 && refusedByBoth > 800, "\(acceptedByBoth) accepted, \(refusedByBoth) refused, \(leftToLibxml2) left")
    }

    /// Real parts from the repository, each broken a few thousand ways (a byte removed, a piece of markup dropped
    /// in anywhere, a stretch repeated): whenever the walk accepts, libxml2 accepts.
    @Test func neverAcceptsABrokenRealPart() throws {
        var parts: [[UInt8]] = []
        for file in repositoryFiles(withExtensions: ["docx"]) {
            guard let package = try? ZipPackage(bytes: Array(try Data(contentsOf: file))) else { continue }
            for entry in package.entries where entry.name.hasSuffix(".xml") && entry.size < 6_000 {
                if let bytes = try? package.read(entry), Self.libxml2Accepts(bytes) { parts.append(bytes) }
            }
        }
        #expect(parts.count >= 20)
        let inserts = ["<", ">", "&", "&#0;", "&nbsp;", "]]>", "--", "\"", "'", "=", "/", "<a>", "</a>", " a=\"1\"", "\u{1}", "\u{FFFE}",
                       "<!--", "-->", "<![CDATA[", "<?pi?>", "Ж", " "].map { Array($0.utf8) }
        var rng = SystemRandomNumberGenerator()
        var stillAccepted = 0, refused = 0
        for _ in 0..<3000 {
            var bytes = parts.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: inserts.randomElement(using: &rng)!, at: at)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...40, using: &rng))
                    bytes.insert(contentsOf: bytes[at..<end], at: end)
                }
                if bytes.isEmpty { bytes = [0x3C] }
            }
            let expected = Self.libxml2Accepts(bytes)
            let fast = Self.fastAccepts(bytes)
            #expect(!fast || expected, "accepted what libxml2 refuses: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if fast { stillAccepted += 1 } else if !expected { refused += 1 }
        }
        #expect(stillAccepted > 100 && refused > 1000, "\(stillAccepted) still accepted, \(refused) refused")
    }

    /// The eight-bytes-at-once tests the walk skips text with: a byte that is there is always found, in any of
    /// the eight places, and a word without one is never flagged.
    @Test func wordTestsNeverMissAByte() {
        var rng = SystemRandomNumberGenerator()
        for target: UInt8 in [0x3C, 0x26, 0x5D, 0xEF, 0x0D, 0x22, 0x27] {
            let repeated = UInt64(target) &* SWAR.ones
            for _ in 0..<2000 {
                var bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
                let expected = bytes.contains(target)
                var w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(SWAR.hasByte(w, repeated) == expected, "\(bytes) \(target)")
                bytes[Int.random(in: 0..<8, using: &rng)] = target
                w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(SWAR.hasByte(w, repeated), "\(bytes) \(target)")
            }
        }
        for _ in 0..<20000 {
            let bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(SWAR.hasByteBelow0x20(w) == bytes.contains { $0 < 0x20 }, "\(bytes)")
        }
    }
}
