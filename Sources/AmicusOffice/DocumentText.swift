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

    private static func paragraphs(under root: XMLNodePointer) -> [String] {
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
