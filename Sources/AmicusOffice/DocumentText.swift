internal import CLibxml2

/// The text a reader sees in a document, part by part and paragraph by paragraph. Checks that read what a
/// filing says (the requisites of a form, leftover tags, traces of a pseudonymised name) read it from here.
public struct DocumentText: Sendable {
    public struct Part: Sendable {
        public var name: String
        public var paragraphs: [String]
    }

    public var parts: [Part]

    /// All paragraphs of all parts, one per line.
    public var plainText: String {
        parts.map { $0.paragraphs.joined(separator: "\n") }.joined(separator: "\n")
    }

    public func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// Reads the text of a document in any of the formats Amicus writes.
    public init(bytes: [UInt8], format: DocumentFormat, name: String = "document") throws(DocumentErrors) {
        switch format {
        case .docx: try self.init(docx: bytes, name: name)
        case .odt: try self.init(odt: bytes, name: name)
        case .fodt:
            do {
                let tree = try XMLTree.parse(bytes, part: name)
                self.init(parts: tree.root.map { [Part(name: "document", paragraphs: Self.odfParagraphs(under: $0))] } ?? [])
            } catch {
                throw DocumentErrors([DocumentDiagnostic(file: name, message: error.message)])
            }
        }
    }

    init(parts: [Part]) { self.parts = parts }

    /// Reads the text of an .odt: content.xml (body), styles.xml (headers and footers) and meta.xml.
    public init(odt bytes: [UInt8], name: String = "document") throws(DocumentErrors) {
        do {
            let package = try ZipPackage(bytes: bytes)
            parts = try DocumentTemplate.renderedEntries(of: package, format: .odt).map { (entry) throws(PackageError) in
                let tree = try XMLTree.parse(try package.read(entry), part: entry.name)
                return Part(name: entry.name, paragraphs: tree.root.map { Self.odfParagraphs(under: $0) } ?? [])
            }
        } catch {
            throw DocumentErrors([DocumentDiagnostic(file: name, message: error.message)])
        }
    }

    /// ODF paragraphs and headings, with `text:s`, `text:tab` and `text:line-break` read as the characters they
    /// stand for; the document's title, subject and description come last, one per line.
    private static func odfParagraphs(under root: XMLNodePointer) -> [String] {
        let paragraphs = collectElements(under: root, where: OdfScoping.isParagraph)
            .filter { $0.ancestor(where: { $0.isElement("tracked-changes", in: OdfScoping.textNamespace) }) == nil }
            .map { paragraph in OdfScoping.pieces(of: paragraph).map { String(String.UnicodeScalarView($0.text)) }.joined() }
        let dc = DocxScoping.dublinCore
        let properties = collectElements(under: root, where: { $0.isElement("meta", in: OdfScoping.officeNamespace) })
            .flatMap(\.children)
            .filter { $0.isElement("title", in: dc) || $0.isElement("subject", in: dc) || $0.isElement("description", in: dc) }
            .map(\.text)
        return paragraphs + properties
    }

    /// Reads the text of a .docx: the body, headers, footers, notes, comments and the core properties.
    /// Deleted text (tracked changes) is not part of what a reader sees and is left out.
    public init(docx bytes: [UInt8], name: String = "document") throws(DocumentErrors) {
        let package: ZipPackage
        do {
            package = try ZipPackage(bytes: bytes)
        } catch {
            throw DocumentErrors([DocumentDiagnostic(file: name, message: error.message)])
        }
        var parts: [Part] = []
        for entry in DocumentTemplate.renderedEntries(of: package) {
            do {
                let tree = try XMLTree.parse(try package.read(entry), part: entry.name)
                guard let root = tree.root else { continue }
                if entry.name == "docProps/core.xml" {
                    parts.append(Part(name: entry.name, paragraphs: root.children.filter(\.isElement).map(\.text)))
                } else {
                    parts.append(Part(name: entry.name, paragraphs: Self.paragraphs(under: root)))
                }
            } catch {
                throw DocumentErrors([DocumentDiagnostic(file: name, part: entry.name, message: error.message)])
            }
        }
        self.parts = parts
    }

    /// The paragraphs of one WordprocessingML body part given as bytes: the one-pass scanner when it can read the
    /// part, libxml2 otherwise. Either way the same rules apply (see WordTextScanner).
    static func docxPart(_ bytes: [UInt8], name: String) throws(PackageError) -> Part {
        Part(name: name, paragraphs: try docxParagraphBytes(bytes, name: name).map { String(decoding: $0, as: UTF8.self) })
    }

    /// The same paragraphs as UTF-8 bytes, as the requisite check searches them.
    static func docxParagraphBytes(_ bytes: [UInt8], name: String) throws(PackageError) -> [[UInt8]] {
        let core = name == "docProps/core.xml"
        if let paragraphs = core ? WordTextScanner.collect(CorePropertiesCollector.self, from: bytes) : WordTextScanner.paragraphBytes(bytes) {
            return paragraphs
        }
        let tree = try XMLTree.parse(bytes, part: name)
        guard let root = tree.root else { return [] }
        let paragraphs = core ? root.children.filter(\.isElement).map(\.text) : Self.paragraphs(under: root)
        return paragraphs.map { Array($0.utf8) }
    }

    static func paragraphs(under root: XMLNodePointer) -> [String] {
        let w = DocxScoping.wordNamespaces
        let isParagraph: (XMLNodePointer) -> Bool = { $0.isElement("p", in: w) }
        return collectElements(under: root, where: isParagraph).map { paragraph in
            var text = ""
            for node in collectElements(under: paragraph, where: { _ in true }) where node.ancestor(where: isParagraph) == paragraph {
                if node.isElement("t", in: w) {
                    text += node.text
                } else if node.isElement("tab", in: w) && node.pointee.parent.map({ !$0.isElement("tabs", in: w) }) ?? true {
                    text += "\t"
                } else if node.isElement("br", in: w) || node.isElement("cr", in: w) {
                    text += "\n"
                }
            }
            return text
        }
    }
}
