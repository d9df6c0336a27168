internal import CLibxml2

/// Turns a WordprocessingML part into template source: finds every tag over the text of each paragraph's runs,
/// gathers a split tag into the run where it began (keeping that run's formatting and every bookmark, comment
/// anchor and field around it), and applies docxtpl's structural tags (`{%p %}`, `{%tr %}`, `{%tc %}`, `{%r %}`)
/// and table tags (`colspan`, `cellbg`, `vm`, `hm`) to the elements that hold them.
enum DocxScoping {
    static let wordNamespaces: [StaticString] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let dublinCore: [StaticString] = ["http://purl.org/dc/elements/1.1/"]

    /// The template source of a body part (document, header, footer, notes, comments), or nil when the part has
    /// no tags and can be copied as it is.
    /// `repairsTables` is true when a structural tag stands inside a table: only then can a render leave a cell
    /// without a paragraph or a table without a row (see DocxTableRepair).
    static func bodySource(_ tree: XMLTree) throws(DocumentErrorsBuilder) -> (PartSource, prefix: String, repairsTables: Bool)? {
        guard let root = tree.root else { return nil }
        var markers = MarkerTable()
        var problems = DocumentErrorsBuilder()
        let isParagraph: (XMLNodePointer) -> Bool = { $0.isElement("p", in: wordNamespaces) }
        let paragraphs = collectElements(under: root, where: isParagraph)
        var placed: [TagGathering.PlacedTag] = []

        for (number, paragraph) in paragraphs.enumerated() {
            let textNodes = collectElements(under: paragraph) { $0.isElement("t", in: wordNamespaces) }
                .filter { $0.ancestor(where: isParagraph) == paragraph }
            let place = "paragraph \(number + 1)"
            placed += TagGathering.gather(textNodes.map(TextPiece.wordText), place: place, markers: &markers, problems: &problems)
        }
        if placed.isEmpty {
            if problems.isEmpty { return nil }
            throw problems
        }
        let repairsTables = placed.contains { tag in
            guard case .structural = tag.kind else { return false }
            return tag.node.ancestor(where: { $0.isElement("tbl", in: wordNamespaces) }) != nil
        }
        applyTableTags(placed, markers: &markers, problems: &problems)
        applyStructuralTags(placed, markers: &markers, problems: &problems)
        if !problems.isEmpty { throw problems }

        let prefix = root.pointee.ns?.pointee.prefix.map { String(cString: $0) } ?? ""
        let qualified = prefix.isEmpty ? "t" : prefix + ":t"
        let syntax = TextElementSyntax(open: Array("<\(qualified)".utf8), close: Array("</\(qualified)>".utf8))
        let source = PartSourceBuilder.build(serialized: tree.serialized(), markers: markers, textElement: syntax)
        return (source, prefix, repairsTables)
    }

    /// The template source of `docProps/core.xml`: tags in the title, subject and description, or nil.
    static func corePropertiesSource(_ tree: XMLTree) throws(DocumentErrorsBuilder) -> PartSource? {
        guard let root = tree.root else { return nil }
        var markers = MarkerTable()
        var problems = DocumentErrorsBuilder()
        var found = false
        for name in ["title", "subject", "description"] {
            let elements = root.children.filter { node in
                switch name {
                case "title": return node.isElement("title", in: dublinCore)
                case "subject": return node.isElement("subject", in: dublinCore)
                default: return node.isElement("description", in: dublinCore)
                }
            }
            for element in elements {
                let place = "property dc:\(name)"
                let tags = TagGathering.gather([TextPiece.wordText(element)], place: place, markers: &markers, problems: &problems)
                for tag in tags where tag.kind != .print && tag.kind != .block && tag.kind != .comment {
                    problems.add(place: place, tag: tag.original, "a document property holds plain text: only {{ }}, {% %} and {# #} tags work here")
                }
                found = found || !tags.isEmpty
            }
        }
        if !problems.isEmpty { throw problems }
        guard found else { return nil }
        return PartSourceBuilder.build(serialized: tree.serialized(), markers: markers, textElement: nil)
    }

    // MARK: - Structural tags

    /// `{%p %}`, `{%tr %}`, `{%tc %}`, `{%r %}`: the paragraph, row, cell or run holding the tag is replaced by
    /// the bare tag. Any other tag inside that element would vanish with it, so that is an error, not a loss.
    private static func applyStructuralTags(_ placed: [TagGathering.PlacedTag], markers: inout MarkerTable, problems: inout DocumentErrorsBuilder) {
        TagGathering.replaceStructuralElements(placed, markers: markers, problems: &problems) { tag, scope in
            let name: StaticString
            switch scope {
            case .paragraph: name = "p"
            case .row: name = "tr"
            case .cell: name = "tc"
            case .run: name = "r"
            }
            guard let element = tag.node.ancestor(where: { $0.isElement(name, in: wordNamespaces) }) else {
                return .failure(.init(message: "'{%\(scope.rawValue) …%}' must stand inside a \(scopeName(scope))"))
            }
            return .success(element)
        }
    }

    private static func scopeName(_ scope: TagScanner.Scope) -> String {
        switch scope {
        case .paragraph: return "paragraph"
        case .row: return "table row"
        case .cell: return "table cell"
        case .run: return "run"
        }
    }

    // MARK: - Table tags

    /// docxtpl's table tags: `{% colspan n %}` and `{% cellbg 'FF0000' %}` set the cell's properties;
    /// `{% vm %}` merges a cell vertically across the iterations of a row loop (its text shown once);
    /// `{% hm %}` merges the cells of a column loop horizontally into one.
    private static func applyTableTags(_ placed: [TagGathering.PlacedTag], markers: inout MarkerTable, problems: inout DocumentErrorsBuilder) {
        for tag in placed {
            guard case .table(let extensionTag) = tag.kind else { continue }
            guard let cell = tag.node.ancestor(where: { $0.isElement("tc", in: wordNamespaces) }) else {
                problems.add(place: markers.sites[tag.site].place, tag: tag.original, "this tag must stand inside a table cell")
                continue
            }
            markers.replaceText(ofMarkerIn: tag.marker, with: "")
            let properties = cellProperties(of: cell)
            switch extensionTag {
            case .colspan(let expression):
                let value = markers.marker(for: "{{ \(expression) }}", site: tag.site)
                setProperty(properties, name: "gridSpan", attributes: [("val", value)])
            case .cellBackground(let expression):
                let value = markers.marker(for: "{{ \(expression) }}", site: tag.site)
                setProperty(properties, name: "shd", attributes: [("val", "clear"), ("color", "auto"), ("fill", value)])
            case .verticalMerge:
                let value = markers.marker(for: "{% if loop.first %}restart{% else %}continue{% endif %}", site: tag.site)
                setProperty(properties, name: "vMerge", attributes: [("val", value)])
                let open = markers.marker(for: "{% if loop.first %}", site: tag.site)
                let close = markers.marker(for: "{% endif %}", site: tag.site)
                tag.node.setText(open + tag.node.text + close)
                xmlNodeSetSpacePreserve(tag.node, 1)
            case .horizontalMerge:
                let existing = properties.children.first { $0.isElement("gridSpan", in: wordNamespaces) }
                let span = existing.flatMap { $0.attribute("val") }.flatMap(Int.init) ?? 1
                let value = markers.marker(for: span == 1 ? "{{ loop.length }}" : "{{ \(span) * loop.length }}", site: tag.site)
                setProperty(properties, name: "gridSpan", attributes: [("val", value)])
                cell.insertTextBefore(markers.marker(for: "{% if loop.first %}", site: tag.site))
                cell.insertTextAfter(markers.marker(for: "{% endif %}", site: tag.site))
            }
        }
    }

    /// The order WordprocessingML requires inside `w:tcPr`.
    private static let cellPropertyOrder = [
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange",
    ]

    private static func cellProperties(of cell: XMLNodePointer) -> XMLNodePointer {
        if let existing = cell.children.first(where: { $0.isElement("tcPr", in: wordNamespaces) }) { return existing }
        let node = xmlNewNode(cell.pointee.ns, "tcPr")!
        if let first = cell.children.first(where: { $0.isElement }) {
            xmlAddPrevSibling(first, node)
        } else {
            xmlAddChild(cell, node)
        }
        return node
    }

    private static func setProperty(_ properties: XMLNodePointer, name: String, attributes: [(String, String)]) {
        let rank = cellPropertyOrder.firstIndex(of: name) ?? cellPropertyOrder.count
        for child in properties.children where child.isElement && child.localName == name {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
        let node = xmlNewNode(properties.pointee.ns, name)!
        for (attribute, value) in attributes {
            xmlSetNsProp(node, properties.pointee.ns, attribute, value)
        }
        let later = properties.children.first { child in
            child.isElement && (cellPropertyOrder.firstIndex(of: child.localName) ?? cellPropertyOrder.count) > rank
        }
        if let later { xmlAddPrevSibling(later, node) } else { xmlAddChild(properties, node) }
    }
}

/// Problems found while preparing one part, before they get the file and part names.
struct DocumentErrorsBuilder: Error {
    private(set) var items: [(place: String?, tag: String?, message: String)] = []
    var isEmpty: Bool { items.isEmpty }
    mutating func add(place: String?, tag: String?, _ message: String) { items.append((place, tag, message)) }

    func diagnostics(file: String, part: String?) -> [DocumentDiagnostic] {
        items.map { DocumentDiagnostic(file: file, part: part, place: $0.place, tag: $0.tag, message: $0.message) }
    }
}
