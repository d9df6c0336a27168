import AmicusCase
import AmicusOffice

/// What a forum requires of the finished text, checked on the rendered document as a reader sees it: every
/// requisite the manifest lists is present, and the filing is within the forum's word limit.
enum FilingChecks {
    static func check(_ bytes: [UInt8], format: DocumentFormat, manifest: TemplateManifest, case document: CaseDocument?,
                      template: String) -> [Diagnostic] {
        guard !manifest.requisites.isEmpty || manifest.wordCount != nil else { return [] }
        let text: DocumentText
        do {
            text = try DocumentText(bytes: bytes, format: format, name: template)
        } catch {
            return error.diagnostics.map(Diagnostic.init)
        }
        var problems: [Diagnostic] = []
        let plain = normalised(text.plainText)
        for requisite in manifest.requisites where !plain.contains(normalised(requisite)) {
            problems.append(Diagnostic(.error, "\(template): error: the rendered filing lacks the requisite \"\(requisite)\" that \(manifest.file) lists; the case data or the template leaves it out"))
        }
        if let rule = manifest.wordCount {
            problems += wordLimit(rule, text: text, format: format, manifest: manifest, case: document, template: template)
        }
        return problems
    }

    /// Spaces of every kind count as one space, so a requisite typed with a plain space matches a non-breaking one.
    static func normalised(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return out
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
