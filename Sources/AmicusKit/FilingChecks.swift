import AmicusCase
import AmicusOffice
import Foundation

/// What a forum requires of the finished text, checked on the rendered document as a reader sees it: every
/// requisite the manifest lists is present, and the filing is within the forum's word limit.
enum FilingChecks {
    /// Whether `check` reads the filing's text: a render for it can then collect the text while it checks the
    /// parts (`DocumentTemplate.render(_:options:collectingText:)`).
    static func readText(_ manifest: TemplateManifest) -> Bool {
        !manifest.requisites.isEmpty || manifest.wordCount != nil
    }

    static func check(_ render: DocumentRender, of documentTemplate: DocumentTemplate, manifest: TemplateManifest,
                      case document: CaseDocument?, template: String) -> [Diagnostic] {
        guard readText(manifest), render.bytes != nil else { return [] }
        let format = documentTemplate.format
        var problems: [Diagnostic] = []
        // The word limit needs the text paragraph by paragraph; the requisites only its bytes, which are then taken
        // from that reading rather than a second one.
        var text: DocumentText?
        if manifest.wordCount != nil {
            do { text = try documentTemplate.text(of: render) } catch { return error.diagnostics.map(Diagnostic.init) }
        }
        if !manifest.requisites.isEmpty {
            let bytes: [UInt8]
            if let text {
                bytes = Array(text.plainText.utf8)
            } else {
                do { bytes = try documentTemplate.plainTextBytes(of: render) } catch { return error.diagnostics.map(Diagnostic.init) }
            }
            // Found as typed in the text as it is, a requisite is found in the normalised text too (normalising only
            // merges spaces, and a requisite is normalised itself), so the text is normalised only for one that
            // is not, and once.
            var plain: [UInt8]?
            var composed: [UInt8]?
            for requisite in manifest.requisites {
                let written = normalisedBytes(requisite)
                let found = written.isEmpty || bytesContain(bytes, written) || contains(plain ?? {
                    plain = bytes.withUnsafeBufferPointer { normalisedBytes($0) }
                    return plain!
                }(), requisite, composedText: {
                    if composed == nil {
                        composed = normalisedBytes(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping)
                    }
                    return composed ?? []
                })
                if !found {
                    problems.append(Diagnostic(.error, "\(template): error: the rendered filing lacks the requisite \"\(requisite)\" that \(manifest.file) lists; the case data or the template leaves it out"))
                }
            }
        }
        if let rule = manifest.wordCount, let text {
            problems += wordLimit(rule, text: text, format: format, manifest: manifest, case: document, template: template)
        }
        return problems
    }

    /// Spaces of every kind count as one space, so a requisite typed with a plain space matches a non-breaking one.
    /// Works on the UTF-8 bytes (this runs over a whole filing for every document of a batch): every Unicode
    /// space outside ASCII is one of a dozen fixed byte sequences.
    static func normalised(_ text: String) -> String {
        String(decoding: normalisedBytes(text), as: UTF8.self)
    }

    static func normalisedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { normalisedBytes($0) }
    }

    static func normalisedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var lastWasSpace = false
        var i = 0
        let n = bytes.count
        spaceStarters.withUnsafeBufferPointer { starters in
            while i < n {
                let length = spaceLength(bytes, at: i)
                if length > 0 {
                    if !lastWasSpace { out.append(0x20) }
                    lastWasSpace = true
                    i += length
                } else {
                    // Copy the whole run up to the next byte that can start a space; a lone ASCII space between
                    // words stays in the run (it is its own normal form), so a run is a line, not a word.
                    var end = i + 1
                    while end < n {
                        let kind = starters[Int(bytes[end])]
                        if kind == 0 { end += 1; continue }
                        if kind == 1 && !(end + 1 < n && starters[Int(bytes[end + 1])] != 0) { end += 1; continue }
                        break
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    lastWasSpace = false
                    i = end
                }
            }
        }
        return out
    }

    /// For each byte: 0 if no White_Space character starts with it, 1 for the ASCII space, 2 for the other
    /// first bytes (ASCII tab to carriage return; 0xC2, 0xE1–0xE3 of the characters `spaceLength` knows).
    private static let spaceStarters: [UInt8] = (0...255).map { byte in
        byte == 0x20 ? 1 : (0x09...0x0D).contains(byte) || byte == 0xC2 || (0xE1...0xE3).contains(byte) ? 2 : 0
    }

    /// The length of the White_Space character starting at `i`, or 0: ASCII tab to carriage return and space;
    /// U+0085, U+00A0; U+1680; U+2000–U+200A, U+2028, U+2029, U+202F, U+205F; U+3000.
    @inline(__always)
    private static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let first = b[i]
        if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : 0 }
        switch first {
        case 0xC2:
            return i + 1 < b.count && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            return i + 2 < b.count && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard i + 2 < b.count else { return 0 }
            let (second, third) = (b[i + 1], b[i + 2])
            if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// Whether `needle` occurs in `text` as whole characters, spaces of every kind counting as one: found on the
    /// UTF-8 bytes, and a hit counts only when the character after it is not a combining mark (which would make
    /// the last letter another letter). When the bytes say no, both are compared once more in composed form, so a
    /// requisite written in another Unicode normal form than the document is still found.
    static func contains(_ text: String, _ needle: String) -> Bool {
        contains(normalisedBytes(text), needle, composedText: { normalisedBytes(text.precomposedStringWithCanonicalMapping) })
    }

    /// `text` normalised as bytes; `composedText` the same text in composed form, normalised, asked for only when
    /// the needle is not found as written.
    static func contains(_ text: [UInt8], _ needle: String, composedText: () -> [UInt8]) -> Bool {
        let written = normalisedBytes(needle)
        if written.isEmpty || bytesContain(text, written) { return true }
        // Not found as written: compare both in Unicode's composed form (NFC), so that "й" typed as "и" plus a
        // combining breve still matches.
        return bytesContain(composedText(), normalisedBytes(needle.precomposedStringWithCanonicalMapping))
    }

    private static func bytesContain(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in bytesContain(h, n) } }
    }

    /// Found as whole characters: a hit followed by a combining mark is part of another letter and does not count.
    private static func bytesContain(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while let at = ByteSearch.firstIndex(of: n, in: h, from: start) {
            let end = at + n.count
            if end == h.count || !startsWithCombiningMark(UnsafeBufferPointer(rebasing: h[end..<h.count])) { return true }
            start = at + 1
        }
        return false
    }

    private static func startsWithCombiningMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first >= 0x80 else { return false }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        if scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func wordLimit(_ rule: WordLimit, text: DocumentText, format: DocumentFormat, manifest: TemplateManifest,
                          case document: CaseDocument?, template: String) -> [Diagnostic] {
        var limit = rule.fixed
        var basis = "the manifest's limit"
        if let by = rule.by {
            let chosen = document.flatMap { CaseLookup.nodes(at: by, in: $0.root).first?.scalarText }
            if let chosen, let choice = rule.limits.first(where: { $0.value == chosen }) {
                limit = choice.limit
                basis = "the limit for \(by) = \(chosen)"
            } else if let chosen, limit == nil {
                return [Diagnostic(.warning, "\(template): warning: no verified word limit for \(by) = \(chosen) in \(manifest.file); check the forum's current guidance (\(count(text, format: format, excludingFrom: rule.excludingFrom)) words counted)")]
            }
        }
        guard let limit else { return [] }
        let words = count(text, format: format, excludingFrom: rule.excludingFrom)
        guard words > limit else { return [] }
        let excluded = rule.excludingFrom.map { ", not counting what follows \"\($0)\"" } ?? ""
        return [Diagnostic(.error, "\(template): error: the filing has \(words) words\(excluded), over \(basis) of \(limit) (\(manifest.file)); shorten it by \(words - limit) words")]
    }

    /// Words of the body and its notes, up to the last paragraph reading `excludingFrom` (the annexes). A word is
    /// a run of characters between spaces holding at least one letter or digit, so dashes and numbering marks alone
    /// do not count.
    static func count(_ text: DocumentText, format: DocumentFormat, excludingFrom: String?) -> Int {
        let bodyName: String
        switch format {
        case .docx: bodyName = "word/document.xml"
        case .odt: bodyName = "content.xml"
        case .fodt: bodyName = "document"
        }
        var paragraphs = text.part(bodyName)?.paragraphs ?? []
        if let marker = excludingFrom.map(normalised), let cut = paragraphs.lastIndex(where: { normalised($0).trimmingSpacesForCount() == marker }) {
            paragraphs = Array(paragraphs[..<cut])
        }
        if format == .docx { paragraphs += text.part("word/footnotes.xml")?.paragraphs ?? [] }
        return paragraphs.reduce(0) { total, paragraph in
            total + paragraph.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
        }
    }
}

private extension String {
    func trimmingSpacesForCount() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
