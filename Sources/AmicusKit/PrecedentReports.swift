import AmicusPrecedents
import Foundation

/// What `amicus precedents` prints: tables and pages for people, JSON for tools. Unverified records and fields
/// are marked wherever they appear, so nobody cites an unchecked number as settled.
public enum PrecedentReports {
    public static let unverifiedMark = "⚠ unverified"

    /// One line per hit (date, state, forum, number, title, articles), the snippet beneath for text searches.
    public static func table(_ hits: [SearchHit]) -> String {
        guard !hits.isEmpty else { return "no precedents match\n" }
        var lines: [String] = []
        for hit in hits {
            let p = hit.precedent
            var line = "\(p.date)  \(p.country.code.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                + "\(p.forum.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(p.id)"
            if !p.isFullyVerified { line += "  [\(unverifiedMark)]" }
            lines.append(line)
            lines.append("    \(p.title)\(p.number.map { ", \($0)" } ?? "")\(p.symbol.map { ", \($0)" } ?? "")")
            lines.append("    " + p.articles.map { article in
                let outcomes = p.outcomes(for: article).map(\.rawValue)
                return outcomes.isEmpty ? article.canonical : "\(article.canonical) (\(outcomes.joined(separator: "/")))"
            }.joined(separator: ", "))
            if let snippet = hit.snippet { lines.append("    \(snippet.marked(open: "[", close: "]"))") }
        }
        lines.append("\(hits.count) precedent\(hits.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array of records: every field of the record, plus `fully_verified` and the `snippet` of a text search.
    public static func json(_ hits: [SearchHit]) -> String {
        encode(hits.map { record($0.precedent, snippet: $0.snippet) })
    }

    public static func json(_ precedent: Precedent) -> String {
        var object = record(precedent, snippet: nil)
        object["citations"] = Dictionary(uniqueKeysWithValues: CitationStyle.allCases.map { style in
            (style.rawValue, cite(precedent, style: style))
        })
        return encode(object)
    }

    /// A page for one precedent: what a trainee reads, with the citation in each style.
    public static func page(_ p: Precedent) -> String {
        var lines: [String] = []
        lines.append(p.title + (p.isFullyVerified ? "" : "   [\(unverifiedMark)]"))
        if let russian = p.titleRU { lines.append(russian) }
        lines.append("")
        func field(_ name: String, _ value: String?, key: String) {
            guard let value, !value.isEmpty else { return }
            lines.append("\(name.padding(toLength: 12, withPad: " ", startingAt: 0))\(value)\(p.isUnverified(key) ? "   [\(unverifiedMark)]" : "")")
        }
        field("Forum", p.forumName, key: "forum_name")
        field("Number", p.number, key: "number")
        field("Symbol", p.symbol, key: "symbol")
        field("Date", p.date.description, key: "date")
        field("Decision", p.decisionType?.rawValue, key: "decision_type")
        field("State", p.country.isGeneral ? "general" : "\(p.country.englishName) (\(p.country.code))", key: "country")
        lines.append("")
        lines.append("Articles")
        for article in p.articles {
            let outcomes = p.outcomes(for: article).map(\.rawValue)
            let mark = p.isUnverified("outcomes.\(article.canonical)") ? "   [\(unverifiedMark)]" : ""
            lines.append("  \(article.canonical.padding(toLength: 14, withPad: " ", startingAt: 0))\(outcomes.isEmpty ? "outcome not recorded" : outcomes.joined(separator: " / "))\(mark)")
        }
        if !p.keywords.isEmpty { lines += ["", "Keywords    " + p.keywords.joined(separator: "; ")] }
        lines += ["", "Summary", wrap(p.summary, indent: "  ")]
        if !p.keyParagraphs.isEmpty {
            lines += ["", "Key paragraphs"]
            for paragraph in p.keyParagraphs { lines.append(wrap("\(paragraph.pinpoint)  \(paragraph.text)", indent: "  ")) }
        }
        if let notes = p.notes { lines += ["", "Notes", wrap(notes, indent: "  ")] }
        lines += ["", "Cite as"]
        for style in [CitationStyle.defaultStyle(forLanguage: "en", forum: p.forum), .ru] {
            lines.append("  \(style.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))\(cite(p, style: style))")
        }
        lines += ["", "Source      \(p.source)"]
        if !p.unverified.isEmpty { lines.append("Unverified  \(p.unverified.joined(separator: ", "))") }
        if !p.verified { lines.append("This record as a whole is not verified against its source.") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func record(_ precedent: Precedent, snippet: Snippet?) -> [String: Any] {
        let encoder = JSONEncoder()
        guard let data = try? encoder.encode(precedent),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return ["id": precedent.id] }
        object["fully_verified"] = precedent.isFullyVerified
        if let snippet { object["snippet"] = snippet.text }
        return object
    }

    private static func encode(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "[]"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(whereSeparator: \.isWhitespace) {
            if current.count + word.count + 1 > width && current != indent {
                lines.append(current)
                current = indent
            }
            current += (current == indent ? "" : " ") + word
        }
        if current != indent { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
