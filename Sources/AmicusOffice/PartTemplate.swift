import AmicusTemplate

/// Where a tag of the template came from: what the user typed and where, so that every error of the engine can
/// be reported against the paragraph the user sees.
struct TagSite: Sendable {
    var original: String
    /// `paragraph 12`, `property dc:title`.
    var place: String
}

/// Collects the tags of one part while its XML tree is being rewritten. Each tag is replaced in the tree by a
/// marker made of Unicode noncharacters (which no document contains and libxml2 writes through unchanged); once
/// the tree is serialised, the markers are swapped for the tags' engine text, so the template source is the
/// part's own XML with the tags standing raw inside it.
struct MarkerTable {
    private(set) var texts: [String] = []
    private(set) var sites: [TagSite] = []
    private(set) var siteOfMarker: [Int] = []

    /// U+FDD0 and U+FDD1: noncharacters, which Swift literals refuse, so they are built from their values.
    static let open = Unicode.Scalar(0xFDD0)!
    static let close = Unicode.Scalar(0xFDD1)!

    mutating func addSite(_ site: TagSite) -> Int {
        sites.append(site)
        return sites.count - 1
    }

    /// A new marker standing for `engineText`, reported at `site`.
    mutating func marker(for engineText: String, site: Int) -> String {
        texts.append(engineText)
        siteOfMarker.append(site)
        var marker = String.UnicodeScalarView()
        marker.append(Self.open)
        marker.append(contentsOf: String(texts.count - 1).unicodeScalars)
        marker.append(Self.close)
        return String(marker)
    }

    mutating func replaceText(ofMarkerIn marker: String, with engineText: String) {
        guard let index = Self.index(of: marker) else { return }
        texts[index] = engineText
    }

    static func index(of marker: String) -> Int? {
        let scalars = marker.unicodeScalars
        guard scalars.first == open, scalars.last == close else { return nil }
        return Int(String(String.UnicodeScalarView(scalars.dropFirst().dropLast())))
    }

    var isEmpty: Bool { texts.isEmpty }
}

/// Maps an offset in a part's template source back to the tag the user typed and its paragraph.
struct TagLocator: Sendable {
    /// Sorted by range start: the UTF-8 range of each tag in the template source, and its site.
    let tagRanges: [(range: Range<Int>, site: Int)]
    let sites: [TagSite]

    func diagnostic(_ d: TemplateDiagnostic, file: String, part: String, severity: DocumentDiagnostic.Severity) -> DocumentDiagnostic {
        let site = siteIndex(at: d.location.offset).map { sites[$0] }
        return DocumentDiagnostic(severity: severity, file: file, part: part.isEmpty ? nil : part, place: site?.place,
                                  tag: site?.original, message: d.message)
    }

    private func siteIndex(at offset: Int) -> Int? {
        var low = 0, high = tagRanges.count
        while low < high {
            let mid = (low + high) / 2
            if tagRanges[mid].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return tagRanges.first?.site }
        return tagRanges[low - 1].site
    }
}

/// One part of a package, compiled once and rendered many times.
struct PartTemplate: Sendable {
    let part: String
    let template: Template
    let escaper: OutputEscaper
    let locator: TagLocator
    /// Mends what a render can leave that the format forbids (Word: an empty cell); nil when it cannot happen.
    var repair: (@Sendable (String) -> String?)? = nil
    /// How `footnote()` marks are finished in this part; nil where notes cannot stand.
    var notes: NoteResolution? = nil

    /// Compiles the source; syntax errors come back located at their paragraphs.
    static func compile(_ source: PartSource, part: String, file: String, escaper: @escaping OutputEscaper)
        -> Result<PartTemplate, DocumentErrors>
    {
        do {
            let template = try Template(source: source.text, name: part)
            return .success(PartTemplate(part: part, template: template, escaper: escaper, locator: source.locator))
        } catch {
            return .failure(DocumentErrors(error.diagnostics.map {
                source.locator.diagnostic($0, file: file, part: part, severity: .error)
            }))
        }
    }
}

/// Where the notes of a part go: DOCX moves them to word/footnotes.xml, ODF keeps them inline.
enum NoteResolution: Sendable {
    case docx(prefix: String)
    case odf(prefix: String)
}

/// A part's XML with its tags standing raw inside it: what the template engine compiles.
struct PartSource: Sendable {
    var text: String
    var locator: TagLocator
}

/// Names of the text element of a format, for whitespace control across paragraphs.
struct TextElementSyntax: Sendable {
    /// `<w:t` — followed by `>` or a space in a real opening tag.
    var open: [UInt8]
    /// `</w:t>`
    var close: [UInt8]
}

enum PartSourceBuilder {
    /// Builds the template source from a serialised part: markers become engine text, any `{{`, `{%` or `{#`
    /// that is not a tag (in an attribute, a field code) is neutralised as `&#123;`, and `{%-`/`-%}` join the
    /// tag's text to the text before/after it across the markup in between, as docxtpl does.
    static func build(serialized bytes: [UInt8], markers: MarkerTable, textElement: TextElementSyntax?) -> PartSource {
        var source: [UInt8] = []
        source.reserveCapacity(bytes.count + 1024)
        var ranges: [(range: Range<Int>, site: Int)] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0xEF && i + 2 < n && bytes[i + 1] == 0xB7 && bytes[i + 2] == 0x90 {
                var j = i + 3
                var index = 0
                while j < n && bytes[j] >= 0x30 && bytes[j] <= 0x39 {
                    index = index * 10 + Int(bytes[j] - 0x30)
                    j += 1
                }
                // U+FDD1 closes the marker.
                j += 3
                let text = markers.texts[index]
                if let syntax = textElement, text.hasPrefix("{%-") || text.hasPrefix("{{-") {
                    joinBackwards(&source, syntax: syntax, protecting: ranges)
                }
                let start = source.count
                source.append(contentsOf: text.utf8)
                ranges.append((start..<source.count, markers.siteOfMarker[index]))
                i = j
                if let syntax = textElement, text.hasSuffix("-%}") || text.hasSuffix("-}}") {
                    i = joinForwards(bytes, from: i, syntax: syntax)
                }
                continue
            }
            if b == 0x7B && i + 1 < n && (bytes[i + 1] == 0x7B || bytes[i + 1] == 0x25 || bytes[i + 1] == 0x23) {
                source.append(contentsOf: Array("&#123;".utf8))
                i += 1
                continue
            }
            source.append(b)
            i += 1
        }
        return PartSource(text: String(decoding: source, as: UTF8.self),
                          locator: TagLocator(tagRanges: ranges, sites: markers.sites))
    }

    /// `{%-` at the start of a text element: drop the markup back to the end of the previous text element, so
    /// the tag continues that text (joining two paragraphs). Nothing is dropped if text or another tag stands
    /// in between.
    private static func joinBackwards(_ source: inout [UInt8], syntax: TextElementSyntax, protecting ranges: [(range: Range<Int>, site: Int)]) {
        // The tag must be the first thing in its text element.
        guard let lastOpen = lastIndex(of: 0x3C, in: source) else { return }
        guard startsWith(source, at: lastOpen, syntax.open), lastOpen + syntax.open.count < source.count,
              source[lastOpen + syntax.open.count] == 0x3E || source[lastOpen + syntax.open.count] == 0x20,
              let gt = source[lastOpen...].firstIndex(of: 0x3E) else { return }
        if source[(gt + 1)...].contains(where: { !isSpace($0) }) { return }
        guard let previousClose = lastRange(of: syntax.close, in: source, before: lastOpen) else { return }
        if let lastTag = ranges.last, lastTag.range.upperBound > previousClose { return }
        if containsText(source[(previousClose + syntax.close.count)..<lastOpen]) { return }
        source.removeSubrange(previousClose...)
    }

    /// `-%}` at the end of a text element: skip the markup up to and including the next text element's opening.
    private static func joinForwards(_ bytes: [UInt8], from start: Int, syntax: TextElementSyntax) -> Int {
        var i = start
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        guard startsWith(bytes, at: i, syntax.close) else { return start }
        var j = i + syntax.close.count
        while j < bytes.count {
            if bytes[j] == 0xEF && j + 2 < bytes.count && bytes[j + 1] == 0xB7 && bytes[j + 2] == 0x90 { return start }
            if bytes[j] == 0x3C, startsWith(bytes, at: j, syntax.open), j + syntax.open.count < bytes.count,
               bytes[j + syntax.open.count] == 0x3E || bytes[j + syntax.open.count] == 0x20 {
                if containsText(bytes[(i + syntax.close.count)..<j]) { return start }
                guard let gt = bytes[j...].firstIndex(of: 0x3E) else { return start }
                return gt + 1
            }
            j += 1
        }
        return start
    }

    /// True when the markup slice holds character data outside tags (other than whitespace).
    private static func containsText(_ slice: ArraySlice<UInt8>) -> Bool {
        var inTag = false
        for b in slice {
            if b == 0x3C { inTag = true } else if b == 0x3E { inTag = false } else if !inTag && !isSpace(b) { return true }
        }
        return false
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func lastIndex(of byte: UInt8, in source: [UInt8]) -> Int? { source.lastIndex(of: byte) }

    private static func startsWith(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8]) -> Bool {
        guard index >= 0, index + prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count where bytes[index + k] != prefix[k] { return false }
        return true
    }

    private static func lastRange(of needle: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
        var i = end - needle.count
        while i >= 0 {
            if startsWith(bytes, at: i, needle) { return i }
            i -= 1
        }
        return nil
    }
}
