import AmicusPrecedents

/// How precedent facts read in each language: outcomes, dates, states, citations, the unverified mark.
enum Presenting {
    static func outcome(_ outcome: Outcome, _ language: Language) -> String {
        switch outcome {
        case .violation: return language.pick(Strings.violation)
        case .noViolation: return language.pick(Strings.noViolation)
        case .notExamined: return language.pick(Strings.notExamined)
        case .inadmissible: return language.pick(Strings.inadmissible)
        }
    }

    /// `17 July 2014` or `17.07.2014`.
    static func date(_ date: PrecedentDate, _ language: Language) -> String {
        language == .en ? date.english : date.russianNumeric
    }

    static func state(_ country: CountryCode, _ language: Language) -> String {
        if country.isGeneral { return language.pick(Strings.generalState) }
        return "\(language == .en ? country.englishName : country.russianName) (\(country.code))"
    }

    /// The citation in the style this language's reader needs: Russian style in Russian, else the forum's own.
    static func citation(_ precedent: Precedent, _ language: Language) -> String {
        cite(precedent, style: CitationStyle.defaultStyle(forLanguage: language.rawValue, forum: precedent.forum))
    }

    /// The visible mark on anything not verified against its source.
    static func unverifiedMark(_ language: Language) -> HTML {
        "<span class=\"unverified\" title=\"\(language.pick(Strings.unverifiedTitle))\">\(language.pick(Strings.unverified))</span>"
    }

    /// `ECHR-3: violation; ECHR-5-4: violation` as list items, with a mark on unverified outcomes.
    static func outcomes(_ precedent: Precedent, _ language: Language) -> HTML {
        let items: [HTML] = precedent.articles.map { article in
            let found = precedent.outcomes(for: article)
            let text = found.isEmpty ? language.pick(Strings.outcomeNotRecorded)
                : found.map { outcome($0, language) }.joined(separator: " / ")
            let kind = found.contains(.violation) ? "violation" : found.isEmpty ? "none" : "other"
            let doubtful = precedent.isUnverified("outcomes.\(article.canonical)") || precedent.isUnverified("articles.\(article.canonical)")
            let mark = doubtful ? unverifiedMark(language) : nil
            return "<li><span class=\"article\">\(article.canonical)</span> <span class=\"outcome \(kind)\">\(text)</span>\(mark.map { " " + $0 })</li>"
        }
        return "<ul class=\"outcomes\">\(items)</ul>"
    }

    /// A snippet with its matches in `<mark>`; every part escaped.
    static func snippet(_ snippet: Snippet) -> HTML {
        let parts: [HTML] = snippet.parts.map { $0.isMatch ? "<mark>\($0.text)</mark>" : "\($0.text)" }
        return "<p class=\"snippet\">…\(parts)…</p>"
    }
}

extension HTML {
    static func + (left: String, right: HTML) -> HTML { HTML(markup: HTML.escape(left)) + right }
}
