internal import CLibxml2

/// One piece of a paragraph's text as the tag scanner sees it. A real piece holds characters and can be
/// rewritten; a virtual one stands for characters written as markup (ODF's `<text:s text:c="3"/>` for spaces)
/// and is removed when a tag covers it.
struct TextPiece {
    var node: XMLNodePointer
    var text: [Unicode.Scalar]
    var isVirtual: Bool
    /// Writes the piece's new text back into the tree.
    var write: (XMLNodePointer, String) -> Void

    /// A WordprocessingML `w:t` (or any element whose text is its content): text set as a child, spaces kept.
    static func wordText(_ element: XMLNodePointer) -> TextPiece {
        TextPiece(node: element, text: Array(element.text.unicodeScalars), isVirtual: false) { node, value in
            node.setText(value)
            if node.localName == "t" { xmlNodeSetSpacePreserve(node, 1) }
        }
    }

    /// A text node itself (ODF keeps a paragraph's characters directly inside it and its spans).
    static func textNode(_ node: XMLNodePointer) -> TextPiece {
        TextPiece(node: node, text: Array(node.text.unicodeScalars), isVirtual: false) { node, value in
            xmlNodeSetContent(node, value)
        }
    }

    static func virtual(_ element: XMLNodePointer, standingFor text: String) -> TextPiece {
        TextPiece(node: element, text: Array(text.unicodeScalars), isVirtual: true) { _, _ in }
    }
}

enum TagGathering {
    struct PlacedTag {
        /// The node that now holds the whole tag.
        var node: XMLNodePointer
        var marker: String
        var kind: TagScanner.Kind
        var original: String
        var site: Int
    }

    /// Scans the pieces of one paragraph as one string; rewrites each piece so every tag sits whole, as a
    /// marker, in the piece where it began, and the rest of it is gone from the later pieces.
    static func gather(
        _ pieces: [TextPiece], place: String, markers: inout MarkerTable, problems: inout DocumentErrorsBuilder
    ) -> [PlacedTag] {
        guard pieces.contains(where: { !$0.isVirtual && $0.text.contains("{") }) else { return [] }
        let whole = pieces.flatMap(\.text)
        if whole.contains(MarkerTable.open) || whole.contains(MarkerTable.close) {
            problems.add(place: place, tag: nil, "the text holds U+FDD0 or U+FDD1, Unicode noncharacters that Amicus reserves")
            return []
        }
        let (tags, scanProblems) = TagScanner.scan(whole)
        for problem in scanProblems {
            problems.add(place: place, tag: problem.original, problem.message)
        }
        guard !tags.isEmpty else { return [] }

        var placed: [PlacedTag] = []
        var removed: [XMLNodePointer] = []
        var tagIndex = 0
        var offset = 0
        for piece in pieces {
            let start = offset
            offset += piece.text.count
            var rewritten = String.UnicodeScalarView()
            var changed = false
            var position = start
            while position < offset {
                while tagIndex < tags.count && tags[tagIndex].range.upperBound <= position { tagIndex += 1 }
                if tagIndex < tags.count && tags[tagIndex].range.contains(position) {
                    let tag = tags[tagIndex]
                    changed = true
                    if position == tag.range.lowerBound {
                        let site = markers.addSite(TagSite(original: tag.original, place: place))
                        let marker = markers.marker(for: tag.jinja, site: site)
                        rewritten.append(contentsOf: marker.unicodeScalars)
                        placed.append(PlacedTag(node: piece.node, marker: marker, kind: tag.kind, original: tag.original, site: site))
                    }
                    position = min(tag.range.upperBound, offset)
                    continue
                }
                rewritten.append(piece.text[position - start])
                position += 1
            }
            guard changed else { continue }
            if piece.isVirtual {
                removed.append(piece.node)
            } else {
                piece.write(piece.node, String(rewritten))
            }
        }
        for node in removed {
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
        return placed
    }
}

extension TagGathering {
    /// Replaces each element that holds structural tags (`{%p %}`, `{%tr %}`…) by the bare tags. `element`
    /// finds the element a tag acts on in the format at hand, or nil with the reason it has none. Any other tag
    /// inside a replaced element would vanish with it, so that is an error, not a loss.
    static func replaceStructuralElements(
        _ placed: [PlacedTag], markers: MarkerTable, problems: inout DocumentErrorsBuilder,
        element: (PlacedTag, TagScanner.Scope) -> Result<XMLNodePointer, ScopeFailure>
    ) {
        var groups: [(element: XMLNodePointer, tags: [PlacedTag])] = []
        for tag in placed {
            guard case .structural(let scope) = tag.kind else { continue }
            switch element(tag, scope) {
            case .failure(let failure):
                problems.add(place: markers.sites[tag.site].place, tag: tag.original, failure.message)
            case .success(let target):
                if let index = groups.firstIndex(where: { $0.element == target }) {
                    groups[index].tags.append(tag)
                } else {
                    groups.append((target, [tag]))
                }
            }
        }
        for group in groups {
            let own = Set(group.tags.map(\.marker))
            for other in placed where !own.contains(other.marker) && (other.node == group.element || other.node.isDescendant(of: group.element)) {
                problems.add(place: markers.sites[other.site].place, tag: other.original,
                             "this \(group.element.localName) element holds '\(group.tags[0].original)', so all of it is replaced by that tag and this tag would be lost: move it out")
            }
        }
        guard problems.isEmpty else { return }
        for group in groups {
            group.element.replaceWithText(group.tags.map(\.marker).joined())
        }
    }

    struct ScopeFailure: Error {
        var message: String
    }
}
