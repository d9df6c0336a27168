import Foundation

/// The two languages of the interface. Chosen, in order, by `?lang=` in the address (which the switch sets and
/// the server then remembers in a cookie), the `amicus_lang` cookie, the browser's `Accept-Language`, English.
enum Language: String, Sendable, CaseIterable {
    case en, ru

    static let cookieName = "amicus_lang"

    /// The other language, for the switch.
    var other: Language { self == .en ? .ru : .en }

    /// The language's own name, as the switch shows it.
    var ownName: String { self == .en ? "English" : "Русский" }

    func pick(_ text: Localized) -> String { self == .en ? text.en : text.ru }

    static func negotiate(query: String?, cookieHeader: String?, acceptLanguage: String?) -> Language {
        if let query, let chosen = Language(rawValue: query.lowercased()) { return chosen }
        if let chosen = fromCookie(cookieHeader) { return chosen }
        return fromAcceptLanguage(acceptLanguage) ?? .en
    }

    static func fromCookie(_ header: String?) -> Language? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let halves = pair.split(separator: "=", maxSplits: 1)
            guard halves.count == 2, halves[0].trimmingCharacters(in: .whitespaces) == cookieName else { continue }
            return Language(rawValue: halves[1].trimmingCharacters(in: .whitespaces).lowercased())
        }
        return nil
    }

    /// The supported language with the highest `q` (`ru-RU,ru;q=0.9,en;q=0.8` → ru); ties go to the first listed.
    static func fromAcceptLanguage(_ header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language
    }
}

/// One piece of interface text in both languages.
struct Localized: Sendable {
    var en: String
    var ru: String
}
