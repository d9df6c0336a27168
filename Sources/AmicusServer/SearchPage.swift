import AmicusPrecedents
import Hummingbird

/// `GET /precedents`: the search form, facets that narrow the results, and the results. Every filter lives in
/// the address, so a search can be bookmarked and shared (`/precedents?article=CRC-9&country=RU`).
enum SearchPage {
    static let pageSize = 50
    static let filterNames = ["article", "country", "forum", "from", "to", "outcome", "q"]

    static func respond(_ request: PageRequest, index: PrecedentIndex?) -> Response {
        let t = request.text
        let title = t(Strings.searchTitle)
        guard let index else {
            return request.page(title: title, body: "<h1>\(title)</h1><p class=\"notice\">\(t(Strings.noCorpus))</p>")
        }
        let fields = request.query
        let text = fields["q"]
        let page = max(1, min(Int(fields["page"] ?? "1") ?? 1, 10_000))
        var query = PrecedentQuery(articles: fields.all("article"), country: fields["country"], forum: fields["forum"],
                                   from: fields["from"], to: fields["to"], outcome: fields["outcome"], text: text,
                                   limit: nil, snippets: false)
        let all: [SearchHit]
        var shown: [SearchHit]
        do {
            all = try index.search(query)
            if text != nil {
                query.limit = pageSize
                query.offset = (page - 1) * pageSize
                query.snippets = true
                shown = try index.search(query)
            } else {
                shown = Array(all.dropFirst((page - 1) * pageSize).prefix(pageSize))
            }
        } catch {
            let body: HTML = """
                <h1>\(title)</h1>\(form(request))
                <p class="problem" role="alert">\(t(Strings.badQuery)) \(error.description)</p>
                """
            return request.page(.badRequest, title: title, body: body)
        }
        let facets = Facets(all.map(\.precedent))
        let body: HTML = """
            <h1>\(title)</h1>
            \(form(request))
            \(activeFilters(request))
            <div class="search-layout">
            <aside class="facets">\(facetLists(facets, request))</aside>
            <section class="results">
            <p class="count" id="result-count"><strong>\(all.count)</strong> \(t(Strings.resultsCount))</p>
            \(all.isEmpty ? "<p class=\"notice\">\(t(Strings.noResults))</p>" : nil)
            <ol class="hits">\(shown.map { hit($0, request) })</ol>
            \(pager(page: page, total: all.count, request))
            </section></div>
            """
        return request.page(title: title, body: body)
    }

    private static func hit(_ hit: SearchHit, _ request: PageRequest) -> HTML {
        let p = hit.precedent, language = request.language
        return """
            <li class="hit" data-id="\(p.id)">
            <h2><a href="/precedents/\(FormFields.encode(p.id))">\(p.title)</a>\(p.isFullyVerified ? nil : " " + Presenting.unverifiedMark(language))</h2>
            <p class="citation">\(Presenting.citation(p, language))</p>
            <p class="meta"><time datetime="\(p.date.iso)">\(Presenting.date(p.date, language))</time> · \(Presenting.state(p.country, language)) · \(p.forum.rawValue)</p>
            \(Presenting.outcomes(p, language))
            \(hit.snippet.map(Presenting.snippet))
            </li>
            """
    }

    /// The form, filled with the current filters. GET, so the result's address holds the whole search.
    static func form(_ request: PageRequest) -> HTML {
        let t = request.text, f = request.query
        let articles = f.all("article")
        let forumOptions: [HTML] = Forum.allCases.map { forum in
            "<option value=\"\(forum.rawValue)\"\(f["forum"] == forum.rawValue ? " selected" : "")>\(forum.rawValue) — \(forum.englishName)</option>"
        }
        let outcomeOptions: [HTML] = Outcome.allCases.map { outcome in
            "<option value=\"\(outcome.rawValue)\"\(f["outcome"] == outcome.rawValue ? " selected" : "")>\(Presenting.outcome(outcome, request.language))</option>"
        }
        let extraArticles: [HTML] = articles.dropFirst().map { "<input type=\"hidden\" name=\"article\" value=\"\($0)\">" }
        return """
            <form class="search" method="get" action="/precedents" id="search-form">
            <label>\(t(Strings.article)) <input name="article" id="article" value="\(articles.first ?? "")" placeholder="\(t(Strings.articleHint))"></label>\(extraArticles)
            <label>\(t(Strings.country)) <input name="country" id="country" value="\(f["country"] ?? "")" placeholder="\(t(Strings.countryHint))"></label>
            <label>\(t(Strings.forum)) <select name="forum" id="forum"><option value="">\(t(Strings.anyForum))</option>\(forumOptions)</select></label>
            <label>\(t(Strings.dateFrom)) <input name="from" id="from" value="\(f["from"] ?? "")" placeholder="\(t(Strings.dateHint))" size="16"></label>
            <label>\(t(Strings.dateTo)) <input name="to" id="to" value="\(f["to"] ?? "")" placeholder="\(t(Strings.dateHint))" size="16"></label>
            <label>\(t(Strings.outcome)) <select name="outcome" id="outcome"><option value="">\(t(Strings.anyOutcome))</option>\(outcomeOptions)</select></label>
            <label class="wide">\(t(Strings.text)) <input name="q" id="q" value="\(f["q"] ?? "")" placeholder="\(t(Strings.textHint))"></label>
            <button type="submit" id="search-button">\(t(Strings.searchButton))</button>
            </form>
            """
    }

    /// Each filter in force, with a link that removes it.
    private static func activeFilters(_ request: PageRequest) -> HTML? {
        var chips: [HTML] = []
        for name in filterNames {
            for value in request.query.all(name) {
                var without = searchFields(request)
                without.remove(name, value: value)
                chips.append("<li><a class=\"chip\" href=\"\(without.url(path: "/precedents"))\" title=\"\(request.text(Strings.removeFilter))\">\(name): \(value) ×</a></li>")
            }
        }
        guard !chips.isEmpty else { return nil }
        return "<ul class=\"active-filters\" aria-label=\"\(request.text(Strings.activeFilters))\">\(chips)<li><a href=\"/precedents\">\(request.text(Strings.clearFilters))</a></li></ul>"
    }

    /// The current filters alone (no page number), the base of every facet and pager link.
    private static func searchFields(_ request: PageRequest) -> FormFields {
        FormFields(pairs: request.query.pairs.filter { filterNames.contains($0.name) && !$0.value.isEmpty })
    }

    private static func facetLists(_ facets: Facets, _ request: PageRequest) -> HTML {
        let t = request.text
        func list(_ heading: Localized, _ id: String, _ counts: [Facets.Count], label: (String) -> String,
                  narrow: (inout FormFields, String) -> Void) -> HTML {
            guard !counts.isEmpty else { return "" }
            let items: [HTML] = counts.prefix(30).map { count in
                var fields = searchFields(request)
                narrow(&fields, count.value)
                return "<li><a href=\"\(fields.url(path: "/precedents"))\" data-facet=\"\(id)\" data-value=\"\(count.value)\">\(label(count.value))</a> <span class=\"n\">\(count.count)</span></li>"
            }
            return "<h2>\(t(heading))</h2><ul class=\"facet\" id=\"facet-\(id)\">\(items)</ul>"
        }
        return list(Strings.facetArticles, "article", facets.articles, label: { $0 }, narrow: { $0.add("article", $1) })
            + list(Strings.facetCountries, "country", facets.countries, label: { code in
                CountryCode(code: code).map { Presenting.state($0, request.language) } ?? code
            }, narrow: { $0.set("country", $1) })
            + list(Strings.facetForums, "forum", facets.forums, label: { $0 }, narrow: { $0.set("forum", $1) })
            + list(Strings.facetYears, "year", facets.years, label: { $0 }, narrow: { fields, year in
                fields.set("from", year)
                fields.set("to", year)
            })
    }

    private static func pager(page: Int, total: Int, _ request: PageRequest) -> HTML? {
        guard total > pageSize else { return nil }
        func link(_ number: Int, _ label: Localized) -> HTML {
            var fields = searchFields(request)
            fields.set("page", String(number))
            return "<a href=\"\(fields.url(path: "/precedents"))\">\(request.text(label))</a>"
        }
        let previous = page > 1 ? link(page - 1, Strings.previousPage) : nil
        let next = page * pageSize < total ? link(page + 1, Strings.nextPage) : nil
        return "<nav class=\"pager\">\(previous) \(page) \(next)</nav>"
    }
}
