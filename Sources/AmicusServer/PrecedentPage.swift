import AmicusPrecedents
import Hummingbird

/// `GET /precedents/{id}`: what a trainee reads about one precedent, with the citation in each style and a
/// button that copies it. Whatever is not verified against the source carries a visible mark.
enum PrecedentPage {
    static func respond(_ request: PageRequest, id: String, index: PrecedentIndex?) throws -> Response {
        guard let index else { throw PageError(.notFound, Strings.noCorpus) }
        // Ids are slugs; anything else cannot name a record, and is not looked up at all.
        guard id.count <= 200, id.unicodeScalars.allSatisfy({ TemplateCatalog.isPlainName(String($0)) }),
              let precedent = try index.precedent(id: id) else {
            throw PageError(.notFound, Strings.precedentNotFound)
        }
        return request.page(title: precedent.title, body: body(precedent, request))
    }

    static func body(_ p: Precedent, _ request: PageRequest) -> HTML {
        let t = request.text, language = request.language
        func mark(_ field: String) -> HTML? { p.isUnverified(field) ? " " + Presenting.unverifiedMark(language) : nil }
        func row(_ label: Localized, _ value: String?, field: String) -> HTML? {
            guard let value, !value.isEmpty else { return nil }
            return "<tr><th>\(t(label))</th><td>\(value)\(mark(field))</td></tr>"
        }
        let facts: [HTML] = [
            row(Strings.forumName, p.forumName, field: "forum_name"),
            row(Strings.number, p.number, field: "number"),
            row(Strings.symbol, p.symbol, field: "symbol"),
            row(Strings.date, Presenting.date(p.date, language), field: "date"),
            row(Strings.decisionType, p.kindName(russian: language == .ru), field: "decision_type"),
            row(Strings.state, Presenting.state(p.country, language), field: "country"),
        ].compactMap { $0 }
        let paragraphs: [HTML] = p.keyParagraphs.map { paragraph in
            let citation = p.citation(para: paragraph.pinpoint, style: CitationStyle.defaultStyle(forLanguage: language.rawValue, forum: p.forum))
            return """
                <li><span class="pinpoint">§ \(paragraph.pinpoint)</span> \(paragraph.text)
                <div class="cite-line"><code>\(citation.text)</code> \(copyButton(citation.text, request))</div></li>
                """
        }
        let styles: [(CitationStyle, Localized)] = [(.ecthr, Strings.styleECtHR), (.un, Strings.styleUN), (.ru, Strings.styleRU)]
        let citations: [HTML] = styles.map { style, label in
            let citation = p.citation(style: style)
            let flag = citation.isVerified ? nil : " " + Presenting.unverifiedMark(language)
            return "<tr data-style=\"\(style.rawValue)\"><th>\(t(label))</th><td><code class=\"citation\">\(citation.text)</code>\(flag) \(copyButton(citation.text, request))</td></tr>"
        }
        let unverifiedNote: HTML? = p.isFullyVerified ? nil : """
            <div class="unverified-box" role="note">\(Presenting.unverifiedMark(language))
            \(p.verified ? nil : "<p>\(t(Strings.recordUnverified))</p>")
            \(p.unverified.isEmpty ? nil : "<p>\(t(Strings.fieldsUnverified)) \(p.unverified.joined(separator: ", "))</p>")</div>
            """
        return """
            <p><a href="/precedents">\(t(Strings.backToSearch))</a></p>
            <article class="precedent" data-id="\(p.id)">
            <h1>\(p.title)\(p.isFullyVerified ? nil : " " + Presenting.unverifiedMark(language))</h1>
            \(p.titleRU.map { "<p class=\"title-ru\" lang=\"ru\">\($0)</p>" as HTML })
            \(unverifiedNote)
            <table class="facts">\(facts)</table>
            <h2>\(t(Strings.articlesAndOutcomes))</h2>\(Presenting.outcomes(p, language))
            \(p.keywords.isEmpty ? nil : "<h2>\(t(Strings.keywords))</h2><p class=\"keywords\">\(p.keywords.joined(separator: "; "))</p>")
            <h2>\(t(Strings.summary))</h2><p class="summary">\(p.summary)</p>
            \(paragraphs.isEmpty ? nil : "<h2>\(t(Strings.keyParagraphs))</h2><ul class=\"paragraphs\">\(paragraphs)</ul>")
            \(p.notes.map { "<h2>\(t(Strings.notes))</h2><p class=\"notes\">\($0)</p>" as HTML })
            <h2>\(t(Strings.citeAs))</h2><table class="citations">\(citations)</table>
            <h2>\(t(Strings.source))</h2><p class="source">\(sourceLink(p.source, request))\(mark("source"))</p>
            </article>
            """
    }

    /// A button that app.js wires to the clipboard; without JavaScript the text beside it can still be selected.
    static func copyButton(_ text: String, _ request: PageRequest) -> HTML {
        "<button type=\"button\" class=\"copy\" data-copy=\"\(text)\" data-copied=\"\(request.text(Strings.copied))\">\(request.text(Strings.copy))</button>"
    }

    /// A link only for http(s) addresses: a record's `javascript:` or `data:` address is shown as text, never followed.
    static func sourceLink(_ source: String, _ request: PageRequest) -> HTML {
        let lowered = source.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
              !source.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return "\(source) <span class=\"muted\">\(request.text(Strings.sourceNotLink))</span>"
        }
        return "<a href=\"\(source)\" rel=\"noopener noreferrer\" target=\"_blank\">\(source)</a>"
    }
}
