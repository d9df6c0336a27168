import Foundation

/// One precedent of the corpus: a judgment, Views, a general comment, a treaty text…
///
/// Every legal fact in it (number, date, outcome, pinpoint) comes from the reference material. What the
/// reference did not confirm is named in `unverified`, and `verified` is the record's own flag; templates
/// must check `isFullyVerified` (or `citation(para:style:)`'s flags) before presenting a fact as settled.
public struct Precedent: Sendable, Hashable, Codable, Identifiable {
    /// Slug, equal to the file name without `.yaml`: `kim-v-russia-2014`.
    public var id: String
    /// Title as cited: `Kim v. Russia`, `Tarakhel v. Switzerland [GC]`.
    public var title: String
    /// Russian title, only where a source gives one.
    public var titleRU: String?
    public var forum: Forum
    /// The body in full, with its formation: "European Court of Human Rights (First Section, Chamber)".
    public var forumName: String
    /// Application or communication number as cited (`44260/13`, `39472/07 and 39474/07`, `4/2016`, `14-П`).
    public var number: String?
    /// UN document symbol, where the reference gives one (`CRC/C/80/D/4/2016`).
    public var symbol: String?
    /// Other identifiers: `hudoc_itemid`, `ecli`, `transliterated`… (key → value).
    public var identifiers: [String: String]
    public var date: PrecedentDate
    public var decisionType: DecisionType?
    /// Respondent State (ISO 3166-1 alpha-2) or `general`.
    public var country: CountryCode
    public var articles: [ArticleCode]
    /// Findings per article, in file order. An article can have two findings (violation for the children,
    /// no violation for the mother); `notes` says which is which.
    public var outcomes: [ArticleOutcome]
    public var keywords: [String]
    /// Two to four sentences written for Amicus (not copied from a source).
    public var summary: String
    /// Paragraphs whose number the reference confirms. `text` says what the paragraph is about; it is not a quotation.
    public var keyParagraphs: [KeyParagraph]
    public var source: String
    /// The record's flag in the reference: `false` means its central facts could not be checked.
    public var verified: Bool
    /// Fields (or `field.sub` paths such as `outcomes.ECHR-13`) that the reference marks unverified.
    public var unverified: [String]
    /// Further facts from the reference, in Amicus's words (split findings, finality, dates of issue…).
    public var notes: String?
    /// Short name used in citations for documents without parties (`general comment No. 14 (2013)`).
    public var citeAs: String?

    public init(id: String, title: String, titleRU: String? = nil, forum: Forum, forumName: String,
                number: String? = nil, symbol: String? = nil, identifiers: [String: String] = [:],
                date: PrecedentDate, decisionType: DecisionType? = nil, country: CountryCode,
                articles: [ArticleCode] = [], outcomes: [ArticleOutcome] = [], keywords: [String] = [],
                summary: String, keyParagraphs: [KeyParagraph] = [], source: String, verified: Bool,
                unverified: [String] = [], notes: String? = nil, citeAs: String? = nil) {
        self.id = id; self.title = title; self.titleRU = titleRU; self.forum = forum; self.forumName = forumName
        self.number = number; self.symbol = symbol; self.identifiers = identifiers; self.date = date
        self.decisionType = decisionType; self.country = country; self.articles = articles
        self.outcomes = outcomes; self.keywords = keywords; self.summary = summary
        self.keyParagraphs = keyParagraphs; self.source = source; self.verified = verified
        self.unverified = unverified; self.notes = notes; self.citeAs = citeAs
    }

    /// `verified` is true and no field is marked unverified.
    public var isFullyVerified: Bool { verified && unverified.isEmpty }

    /// Whether `field` (`date`, `number`, `outcomes`…) or any part of it (`outcomes.ECHR-13`) is marked unverified.
    public func isUnverified(_ field: String) -> Bool {
        unverified.contains { $0 == field || $0.hasPrefix(field + ".") || field.hasPrefix($0 + ".") }
    }

    /// The findings recorded for exactly this article code (empty if none is recorded).
    public func outcomes(for article: ArticleCode) -> [Outcome] {
        outcomes.first { $0.article == article }?.outcomes ?? []
    }

    /// The key paragraph with this pinpoint, if the corpus records it.
    public func keyParagraph(_ pinpoint: String) -> KeyParagraph? {
        let wanted = Citations.normalisePinpoint(pinpoint)
        return keyParagraphs.first { Citations.normalisePinpoint($0.pinpoint) == wanted }
    }

    enum CodingKeys: String, CodingKey {
        case id, title, titleRU = "title_ru", forum, forumName = "forum_name", number, symbol, identifiers, date
        case decisionType = "decision_type", country, articles, outcomes, keywords, summary
        case keyParagraphs = "key_paragraphs", source, verified, unverified, notes, citeAs = "cite_as"
    }
}

/// A calendar date (no time, no zone). Encoded as `YYYY-MM-DD`.
public struct PrecedentDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for anything that is not a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= PrecedentDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let c = u[i]; guard c >= 48, c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2014-07-17`
    public var iso: String {
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    public var description: String { iso }
    /// `17 July 2014`
    public var english: String { "\(day) \(PrecedentDate.englishMonths[month - 1]) \(year)" }
    /// `17.07.2014`
    public var russianNumeric: String {
        (day < 10 ? "0" : "") + "\(day)." + (month < 10 ? "0" : "") + "\(month).\(year)"
    }
    /// 20140717, the form the index stores.
    var ordinal: Int { year * 10000 + month * 100 + day }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    public static func < (a: PrecedentDate, b: PrecedentDate) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = PrecedentDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected YYYY-MM-DD, got \(s)")
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// What a body found on one article.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    case violation
    case noViolation = "no-violation"
    case notExamined = "not-examined"
    case inadmissible

    /// Accepts the canonical spelling and a few forms people type (`no violation`, `нарушение`, `нет нарушения`).
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
        switch t {
        case "violation", "violated", "нарушение", "есть нарушение", "нарушено": self = .violation
        case "no violation", "non violation", "nonviolation", "нет нарушения", "отсутствие нарушения", "не нарушено": self = .noViolation
        case "not examined", "not necessary to examine", "не рассматривалось", "не рассмотрено": self = .notExamined
        case "inadmissible", "неприемлемо", "неприемлемой", "неприемлемая": self = .inadmissible
        default: return nil
        }
    }
}

public struct ArticleOutcome: Sendable, Hashable, Codable {
    public var article: ArticleCode
    /// One finding, or two where the body split them between applicants.
    public var outcomes: [Outcome]
    public init(article: ArticleCode, outcomes: [Outcome]) { self.article = article; self.outcomes = outcomes }
}

public enum DecisionType: String, Sendable, Hashable, Codable, CaseIterable {
    case judgment
    case decision
    case views
    case generalComment = "general-comment"
    case concludingObservations = "concluding-observations"
    case treaty
}

public struct KeyParagraph: Sendable, Hashable, Codable {
    /// `85`, `96-97`, `140-141`, `9`: without `§` or `para.`.
    public var pinpoint: String
    /// What the paragraph is about, in Amicus's words.
    public var text: String
    public init(pinpoint: String, text: String) { self.pinpoint = pinpoint; self.text = text }
}
