import Foundation
import Testing
@testable import AmicusOffice

/// The one-pass reading of a part's text must say exactly what the libxml2 reading says, and give up rather than
/// guess on anything it was not written for.
@Suite struct WordTextScannerTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func treeParagraphs(_ xml: String) throws -> [String] {
        let tree = try XMLTree.parse(Array(xml.utf8), part: "test.xml")
        return DocumentText.paragraphs(under: tree.root!)
    }

    /// The scanner's paragraphs as text.
    static func scanned(_ part: [UInt8]) -> [String]? {
        WordTextScanner.paragraphBytes(part)?.map { String(decoding: $0, as: UTF8.self) }
    }

    static func part(_ body: String, root: String = "w:document", declarations: String? = nil) -> String {
        let namespaces = declarations ?? "xmlns:w=\"\(w)\" xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<\(root) \(namespaces)><w:body>\(body)</w:body></\(root)>"
    }

    @Test func readsTextTabsBreaksReferencesAndCDATALikeLibxml2() throws {
        let xml = Self.part("""
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
            <w:r><w:t xml:space="preserve">Рахмона &amp; Рушмона &lt;2&gt; &quot;q&quot; &apos;a&apos; &#1071; &#x1F600;</w:t></w:r>\
            <w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t><![CDATA[a <raw> & text]]></w:t><w:cr/></w:r></w:p>\
            <!-- a comment <w:p><w:t>not text</w:t></w:p> --><?mso-application progid="Word.Document"?>\
            <w:p/><w:p><w:r><w:t>line one\r\nline two\rthree</w:t></w:r></w:p>\
            <w:p><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath><w:r><w:delText>deleted</w:delText></w:r></w:p>
            """)
        let scanned = try #require(Self.scanned(Array(xml.utf8)))
        #expect(scanned == (try Self.treeParagraphs(xml)))
        #expect(scanned == [
            "Рахмона & Рушмона <2> \"q\" 'a' Я 😀\tafter tab\na <raw> & text\n",
            "",
            "line one\nline two\nthree",
            "",
        ])
    }

    @Test func aParagraphInsideAnotherKeepsItsOwnTextInDocumentOrder() throws {
        let xml = Self.part("""
            <w:p><w:r><w:t>outer before </w:t></w:r><w:r><w:txbxContent><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:txbxContent></w:r>\
            <w:r><w:t>outer after</w:t></w:r></w:p>
            """)
        let scanned = try #require(Self.scanned(Array(xml.utf8)))
        #expect(scanned == ["outer before outer after", "inner"])
        #expect(scanned == (try Self.treeParagraphs(xml)))
    }

    @Test func anotherPrefixOrTheDefaultNamespaceIsRecognisedByItsURI() throws {
        let prefixed = Self.part("<x:p><x:r><x:t>by URI</x:t></x:r></x:p>", root: "x:document", declarations: "xmlns:x=\"\(Self.w)\"")
            .replacingOccurrences(of: "<w:body>", with: "<x:body>").replacingOccurrences(of: "</w:body>", with: "</x:body>")
        #expect(Self.scanned(Array(prefixed.utf8)) == ["by URI"])
        #expect(try Self.treeParagraphs(prefixed) == ["by URI"])
        let unprefixed = "<document xmlns=\"\(Self.w)\"><body><p><r><t>default</t></r></p></body></document>"
        #expect(Self.scanned(Array(unprefixed.utf8)) == ["default"])
        #expect(try Self.treeParagraphs(unprefixed) == ["default"])
    }

    /// Quoted attribute values are values: a `>`, a quote of the other kind or the letters `xmlns` inside one
    /// change nothing, and a self-closing tag with attributes still closes itself.
    @Test func attributeValuesAreSkippedWhole() throws {
        let xml = Self.part("""
            <w:p w:rsidR="00A1>B2" w:paraId='12"34'><w:r><w:t xml:space="preserve">a&gt;b </w:t></w:r>\
            <w:r w:note="xmlns:v=urn"><w:tab w:val="left"/><w:t>c</w:t><w:br w:type='page'/><w:t>d</w:t></w:r></w:p>\
            <w:p w:x="/"/><w:p><w:r><w:t>e</w:t></w:r></w:p>
            """)
        let scanned = try #require(Self.scanned(Array(xml.utf8)))
        #expect(scanned == ["a>b \tc\nd", "", "e"])
        #expect(scanned == (try Self.treeParagraphs(xml)))
    }

    @Test func givesUpOnWhatItWasNotWrittenFor() {
        let innerDeclaration = Self.part("<w:p xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:r><w:t>x</w:t></w:r></w:p>")
        #expect(Self.scanned(Array(innerDeclaration.utf8)) == nil)
        let laterDeclaration = Self.part("<w:p w:rsidR=\"1>\"\txmlns:v=\"urn:v\"><w:r><w:t>x</w:t></w:r></w:p>")
        #expect(Self.scanned(Array(laterDeclaration.utf8)) == nil)
        let dtd = "<!DOCTYPE d [<!ENTITY e \"x\">]><w:document xmlns:w=\"\(Self.w)\"><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:document>"
        #expect(Self.scanned(Array(dtd.utf8)) == nil)
        let unknownEntity = Self.part("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>")
        #expect(Self.scanned(Array(unknownEntity.utf8)) == nil)
        let truncated = String(Self.part("<w:p><w:r><w:t>cut</w:t></w:r></w:p>").dropLast(20))
        #expect(Self.scanned(Array(truncated.utf8)) == nil)
    }

    @Test func aDocumentTheScannerCannotReadIsReadByLibxml2Instead() throws {
        let innerDeclaration = Self.part("<w:p xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:r><w:t>still read</w:t></w:r></w:p>")
        let part = try DocumentText.docxPart(Array(innerDeclaration.utf8), name: "word/document.xml")
        #expect(part.paragraphs == ["still read"])
    }

    /// Every body, header, footer, notes and comments part of every Word file in the repository (the templates and
    /// the test fixtures, Word's own markup with its bookmarks, fields, drawings and text boxes): the scanner, where
    /// it reads a part, says what libxml2 says.
    @Test func agreesWithLibxml2OnEveryWordPartInTheRepository() throws {
        let files = repositoryFiles(withExtensions: ["docx"])
        #expect(files.count >= 20)
        let textParts = #/^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/#
        var read = 0, leftToLibxml2 = 0
        for file in files {
            guard let package = try? ZipPackage(bytes: Array(try Data(contentsOf: file))) else { continue }   // damaged on purpose
            for entry in package.entries where entry.name.wholeMatch(of: textParts) != nil {
                let bytes = try package.read(entry)
                guard let xml = String(validating: bytes, as: UTF8.self), let expected = try? Self.treeParagraphs(xml) else { continue }
                if let scanned = Self.scanned(bytes) {
                    #expect(scanned == expected, "\(file.lastPathComponent) \(entry.name)")
                    read += 1
                } else {
                    leftToLibxml2 += 1
                }
            }
        }
        #expect(read >= 30, "read \(read), left to libxml2 \(leftToLibxml2)")
    }

    /// The core properties are read from the same walk: the direct text of each child of the root, as libxml2's
    /// tree gives it (references resolved, CDATA kept, line ends normalised, a nested element's text left out).
    @Test func corePropertiesReadLikeLibxml2() throws {
        func libxml2(_ xml: [UInt8]) throws -> [String] {
            let tree = try XMLTree.parse(xml, part: "docProps/core.xml")
            return tree.root!.children.filter(\.isElement).map(\.text)
        }
        func collected(_ xml: [UInt8]) -> [String]? {
            WordTextScanner.collect(CorePropertiesCollector.self, from: xml)?.map { String(decoding: $0, as: UTF8.self) }
        }
        let crafted = Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<cp:coreProperties xmlns:cp=\"urn:cp\" "
            + "xmlns:dc=\"urn:dc\">\r\n  <dc:title>Жалоба &amp; &#1071; &lt;1&gt;</dc:title><dc:subject/><dc:description>line\r\ntwo"
            + "<![CDATA[ <raw> ]]><x>nested</x> after</dc:description><!-- c --></cp:coreProperties>").utf8)
        #expect(collected(crafted) == ["Жалоба & Я <1>", "", "line\ntwo <raw>  after"])
        #expect(collected(crafted) == (try libxml2(crafted)))
        var read = 0
        for file in repositoryFiles(withExtensions: ["docx"]) {
            guard let package = try? ZipPackage(bytes: Array(try Data(contentsOf: file))),
                  let entry = package.entry(named: "docProps/core.xml"), let bytes = try? package.read(entry),
                  let expected = try? libxml2(bytes) else { continue }
            #expect(collected(bytes) == expected, "\(file.lastPathComponent)")
            read += 1
        }
        #expect(read >= 10)
    }
}
