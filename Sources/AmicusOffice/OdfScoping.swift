internal import CLibxml2

/// Turns an OpenDocument part (content.xml, styles.xml, or a whole flat .fodt) into template source. Tags are
/// found over the text of each paragraph however LibreOffice split it (spans, `text:s` runs of spaces, soft page
/// breaks, bookmarks, tracked-change marks); the structural tags act on ODF's own elements: `{%p %}` on the
/// paragraph or heading (or on its list item, so a loop in a numbered list adds items whose numbering
/// continues), `{%tr %}` on the table row, `{%tc %}` on the cell, `{%r %}` on the span.
enum OdfScoping {
    static let textNamespace: [StaticString] = ["urn:oasis:names:tc:opendocument:xmlns:text:1.0"]
    static let tableNamespace: [StaticString] = ["urn:oasis:names:tc:opendocument:xmlns:table:1.0"]
    static let officeNamespace: [StaticString] = ["urn:oasis:names:tc:opendocument:xmlns:office:1.0"]

    static func isParagraph(_ node: XMLNodePointer) -> Bool {
        node.isElement("p", in: textNamespace) || node.isElement("h", in: textNamespace)
    }

    /// The template source of a part, with the prefix of the text namespace (for the escaper), or nil when the
    /// part holds no tag and can be copied as it is.
    static func source(_ tree: XMLTree) throws(DocumentErrorsBuilder) -> (PartSource, textPrefix: String)? {
        guard let root = tree.root else { return nil }
        var markers = MarkerTable()
        var problems = DocumentErrorsBuilder()
        var placed: [TagGathering.PlacedTag] = []

        let paragraphs = collectElements(under: root, where: isParagraph)
            .filter { $0.ancestor(where: { $0.isElement("tracked-changes", in: textNamespace) }) == nil }
        var bodyCount = 0, otherCount = 0
        for paragraph in paragraphs {
            let inBody = paragraph.ancestor(where: { $0.isElement("body", in: officeNamespace) }) != nil
            let inMasterStyles = paragraph.ancestor(where: { $0.isElement("master-styles", in: officeNamespace) }) != nil
            let place: String
            if inMasterStyles && !inBody {
                otherCount += 1
                place = "header or footer paragraph \(otherCount)"
            } else {
                bodyCount += 1
                place = "paragraph \(bodyCount)"
            }
            placed += TagGathering.gather(pieces(of: paragraph), place: place, markers: &markers, problems: &problems)
        }
        for element in collectElements(under: root, where: { $0.isElement("meta", in: officeNamespace) }) {
            let dc = DocxScoping.dublinCore
            for property in element.children where property.isElement("title", in: dc) || property.isElement("subject", in: dc)
                || property.isElement("description", in: dc) {
                let place = "property dc:\(property.localName)"
                let tags = TagGathering.gather([TextPiece.wordText(property)], place: place, markers: &markers, problems: &problems)
                for tag in tags where tag.kind != .print && tag.kind != .block && tag.kind != .comment {
                    problems.add(place: place, tag: tag.original, "a document property holds plain text: only {{ }}, {% %} and {# #} tags work here")
                }
                placed += tags.filter { $0.kind == .print || $0.kind == .block || $0.kind == .comment }
            }
        }
        if placed.isEmpty {
            if problems.isEmpty { return nil }
            throw problems
        }
        for tag in placed {
            if case .table = tag.kind {
                problems.add(place: markers.sites[tag.site].place, tag: tag.original,
                             "colspan, cellbg, vm and hm are docxtpl's Word table tags; an OpenDocument template spans and colours cells in LibreOffice itself")
            }
        }
        applyStructuralTags(placed, markers: &markers, problems: &problems)
        if !problems.isEmpty { throw problems }

        let prefix = xmlSearchNsByHref(tree.document, root, "urn:oasis:names:tc:opendocument:xmlns:text:1.0")?
            .pointee.prefix.map { String(cString: $0) } ?? "text"
        return (PartSourceBuilder.build(serialized: tree.serialized(), markers: markers, textElement: nil), prefix)
    }

    /// The paragraph's own text in order: text nodes, and spaces, tabs and line breaks written as elements.
    /// Notes, comments and frames inside it hold paragraphs of their own and are left to them.
    static func pieces(of paragraph: XMLNodePointer) -> [TextPiece] {
        var result: [TextPiece] = []
        func walk(_ node: XMLNodePointer) {
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                if current.pointee.type == XML_TEXT_NODE {
                    result.append(.textNode(current))
                    continue
                }
                guard current.isElement else { continue }
                if isParagraph(current) { continue }
                if current.isElement("s", in: textNamespace) {
                    let count = current.attribute("c").flatMap(Int.init) ?? 1
                    result.append(.virtual(current, standingFor: String(repeating: " ", count: max(1, min(count, 10_000)))))
                } else if current.isElement("tab", in: textNamespace) {
                    result.append(.virtual(current, standingFor: "\t"))
                } else if current.isElement("line-break", in: textNamespace) {
                    result.append(.virtual(current, standingFor: "\n"))
                } else if current.isElement("note", in: textNamespace) || current.isElement("annotation", in: officeNamespace)
                            || current.localName == "frame" {
                    continue
                } else {
                    walk(current)
                }
            }
        }
        walk(paragraph)
        return result
    }

    private static func applyStructuralTags(_ placed: [TagGathering.PlacedTag], markers: inout MarkerTable, problems: inout DocumentErrorsBuilder) {
        TagGathering.replaceStructuralElements(placed, markers: markers, problems: &problems) { tag, scope in
            let element: XMLNodePointer?
            switch scope {
            case .paragraph:
                let paragraph = tag.node.ancestor(where: isParagraph)
                if let paragraph, let parent = paragraph.pointee.parent, parent.isElement("list-item", in: textNamespace) {
                    element = parent
                } else {
                    element = paragraph
                }
            case .row: element = tag.node.ancestor(where: { $0.isElement("table-row", in: tableNamespace) })
            case .cell: element = tag.node.ancestor(where: { $0.isElement("table-cell", in: tableNamespace) })
            case .run: element = tag.node.ancestor(where: { $0.isElement("span", in: textNamespace) })
            }
            guard let element else {
                let container = scope == .run ? "span (a stretch of text with its own formatting)"
                    : scope == .row ? "table row" : scope == .cell ? "table cell" : "paragraph"
                return .failure(.init(message: "'{%\(scope.rawValue) …%}' must stand inside a \(container)"))
            }
            return .success(element)
        }
    }
}
