internal import CLibxml2
import Foundation

typealias XMLNodePointer = UnsafeMutablePointer<xmlNode>

/// One parsed XML part, owned: freed when the value goes away. Used only while a template is being prepared,
/// never during a render.
final class XMLTree {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) { self.document = document }
    deinit { xmlFreeDoc(document) }

    var root: XMLNodePointer? { xmlDocGetRootElement(document) }

    /// Parses a part without ever touching the network or expanding entities. A part that declares a DTD or an
    /// entity is refused outright: OOXML and ODF never need one, and they are how billion-laughs and external
    /// entity attacks arrive.
    static func parse(_ bytes: [UInt8], part: String) throws(PackageError) -> XMLTree {
        if let declaration = Self.forbiddenDeclaration(in: bytes) {
            throw PackageError("\(part): the part declares \(declaration), which a document never needs: refused")
        }
        XMLSupport.initialise()
        guard let context = xmlNewParserCtxt() else { throw PackageError("\(part): out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBytes { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), part, "UTF-8", XMLSupport.parseOptions)
            }
        }
        guard let document else {
            throw PackageError("\(part): not well-formed XML: \(XMLSupport.lastError(of: context))")
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            throw PackageError("\(part): the part declares a DTD, which a document never needs: refused")
        }
        return XMLTree(document: document)
    }

    /// The part written back as UTF-8 (never as ASCII with character references), declaration included.
    func serialized() -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>? = nil
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &memory, &size, "UTF-8")
        guard let memory else { return [] }
        defer { amicus_xml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    private static func forbiddenDeclaration(in bytes: [UInt8]) -> String? {
        if ByteSearch.firstIndex(of: Array("<!DOCTYPE".utf8), in: bytes) != nil { return "a DTD (<!DOCTYPE>)" }
        if ByteSearch.firstIndex(of: Array("<!ENTITY".utf8), in: bytes) != nil { return "an entity (<!ENTITY>)" }
        return nil
    }
}

enum XMLSupport {
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static let initialised: Void = { xmlInitParser() }()
    static func initialise() { _ = initialised }

    static func lastError(of context: xmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context) else { return "unknown error" }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        return "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
    }

    /// Checks that a rendered part is well-formed before anything is written. Returns the problem, or nil.
    static func wellFormednessProblem(_ bytes: UnsafeRawBufferPointer, part: String, knownUTF8: Bool = false) -> String? {
        // Most parts are proved well-formed by a walk of their own (see `WellFormedFastPath`); what it cannot show
        // goes to libxml2, which gives the verdict and the message.
        if WellFormedFastPath.accepts(bytes, knownUTF8: knownUTF8) { return nil }
        return libxml2Problem(bytes, knownUTF8: knownUTF8)
    }

    /// A rendered part (a Swift String, so UTF-8 by construction).
    static func wellFormednessProblem(_ text: inout String, part: String) -> String? {
        text.withUTF8 { wellFormednessProblem(UnsafeRawBufferPointer($0), part: part, knownUTF8: true) }
    }

    /// The check of a rendered part that reads its paragraphs on the way (`WordTextCollector`,
    /// `CorePropertiesCollector`): the paragraphs when the walk proved the part well-formed, nil when libxml2 had
    /// to decide (the text is then read from the part when someone asks for it).
    static func wellFormednessProblem<Collector: ParagraphCollector>(
        _ text: inout String, part: String, collecting: Collector.Type
    ) -> (problem: String?, paragraphs: [[UInt8]]?) {
        text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var collector = Collector(bytes)
            if WellFormedFastPath.accepts(bytes, knownUTF8: true, reportingTo: &collector) { return (nil, collector.paragraphs) }
            return (libxml2Problem(bytes, knownUTF8: true), nil)
        }
    }

    /// libxml2's verdict: first on an ASCII stand-in (see `ASCIIStandIn`: well-formed only if the part is); the
    /// part itself is parsed only when the stand-in cannot be made or fails, so the message comes from the real bytes.
    /// A SAX parse with no callbacks: libxml2 checks every rule of XML 1.0 well-formedness (tags, attributes,
    /// references, characters, UTF-8) but builds no tree. SAX1 rather than SAX2: libxml2 reports namespace errors
    /// (an undeclared prefix) as warnings that do not make a parse fail either way, and SAX2's prefix and URI
    /// bookkeeping cost 9 % of a whole render for nothing.
    private static func libxml2Problem(_ bytes: UnsafeRawBufferPointer, knownUTF8: Bool) -> String? {
        initialise()
        if let standIn = ASCIIStandIn.make(bytes, knownUTF8: knownUTF8), standIn.withUnsafeBytes({ saxParse($0) }) == 0 {
            return nil
        }
        let status = saxParse(bytes)
        guard status != 0 else { return nil }
        guard let error = xmlGetLastError() else { return "not well-formed (libxml2 error \(status))" }
        let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
        return "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))"
    }

    /// libxml2's status for `bytes`, parsed as they are: 0 when well-formed.
    static func saxParse(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var handler = xmlSAXHandler()
        handler.initialized = 1   // SAX1: not XML_SAX2_MAGIC
        handler.serror = { _, _ in }
        handler.warning = nil
        return xmlSAXUserParseMemory(&handler, nil, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
    }
}

// MARK: - Navigating and editing nodes

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    func isElement(_ localName: StaticString, in namespaces: [StaticString]) -> Bool {
        guard pointee.type == XML_ELEMENT_NODE, let name = pointee.name else { return false }
        guard Self.equal(name, localName) else { return false }
        guard let href = pointee.ns?.pointee.href else { return false }
        return namespaces.contains { Self.equal(href, $0) }
    }

    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

    var children: [XMLNodePointer] {
        var result: [XMLNodePointer] = []
        var child = pointee.children
        while let node = child {
            result.append(node)
            child = node.pointee.next
        }
        return result
    }

    /// The nearest ancestor (or self) that satisfies `test`.
    func ancestor(where test: (XMLNodePointer) -> Bool) -> XMLNodePointer? {
        var node: XMLNodePointer? = self
        while let current = node {
            if test(current) { return current }
            node = current.pointee.parent
        }
        return nil
    }

    func isDescendant(of other: XMLNodePointer) -> Bool {
        var node = pointee.parent
        while let current = node {
            if current == other { return true }
            node = current.pointee.parent
        }
        return false
    }

    /// The text of a text node, or the concatenated text of an element's direct text children.
    var text: String {
        if pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE {
            return pointee.content.map { String(cString: $0) } ?? ""
        }
        var result = ""
        for child in children where child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE {
            result += child.pointee.content.map { String(cString: $0) } ?? ""
        }
        return result
    }

    /// Replaces all children of an element with one text node. The text is stored as characters and escaped
    /// when the tree is written, so it can never become markup.
    func setText(_ value: String) {
        var child = pointee.children
        while let node = child {
            child = node.pointee.next
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
        if !value.isEmpty, let textNode = xmlNewText(value) {
            xmlAddChild(self, textNode)
        }
    }

    /// The value of the attribute with this local name, whatever its namespace.
    func attribute(_ name: String) -> String? {
        var attribute = pointee.properties
        while let a = attribute {
            if let n = a.pointee.name, String(cString: n) == name, let child = a.pointee.children, let content = child.pointee.content {
                return String(cString: content)
            }
            attribute = a.pointee.next
        }
        return nil
    }

    /// Puts a text node holding `value` where this node was, and frees this node with everything inside it.
    func replaceWithText(_ value: String) {
        guard let textNode = xmlNewText(value) else { return }
        xmlReplaceNode(self, textNode)
        xmlFreeNode(self)
    }

    func insertTextBefore(_ value: String) {
        guard let textNode = xmlNewText(value) else { return }
        xmlAddPrevSibling(self, textNode)
    }

    func insertTextAfter(_ value: String) {
        guard let textNode = xmlNewText(value) else { return }
        xmlAddNextSibling(self, textNode)
    }

    private static func equal(_ a: UnsafePointer<xmlChar>, _ b: StaticString) -> Bool {
        b.withUTF8Buffer { buffer in
            var i = 0
            while i < buffer.count {
                if a[i] != buffer[i] { return false }
                i += 1
            }
            return a[i] == 0
        }
    }
}

/// Every element below `root`, in document order, that satisfies `test`, without descending into the matches
/// when `descendIntoMatches` is false.
func collectElements(
    under root: XMLNodePointer, descendIntoMatches: Bool = true, where test: (XMLNodePointer) -> Bool
) -> [XMLNodePointer] {
    var result: [XMLNodePointer] = []
    var stack: [XMLNodePointer] = [root]
    while let node = stack.popLast() {
        let matched = node.isElement && test(node)
        if matched { result.append(node) }
        if matched && !descendIntoMatches && node != root { continue }
        var child = node.pointee.last
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { stack.append(c) }
            child = c.pointee.prev
        }
    }
    return result
}
