import AmicusPrecedents

/// Counts over a result set, by article, state, forum and year: what the search page offers to narrow by.
struct Facets: Sendable {
    struct Count: Sendable, Hashable {
        /// The value as the query takes it (`CRC-9`, `RU`, `ECtHR`, `2014`).
        var value: String
        var count: Int
    }

    var articles: [Count] = []
    var countries: [Count] = []
    var forums: [Count] = []
    var years: [Count] = []

    init(_ precedents: [Precedent]) {
        var articles: [String: Int] = [:], countries: [String: Int] = [:], forums: [String: Int] = [:], years: [String: Int] = [:]
        for precedent in precedents {
            for article in Set(precedent.articles.map(\.canonical)) { articles[article, default: 0] += 1 }
            countries[precedent.country.code, default: 0] += 1
            forums[precedent.forum.rawValue, default: 0] += 1
            years[String(precedent.date.year), default: 0] += 1
        }
        self.articles = Self.byCount(articles)
        self.countries = Self.byCount(countries)
        self.forums = Self.byCount(forums)
        self.years = years.map { Count(value: $0.key, count: $0.value) }.sorted { $0.value > $1.value }
    }

    /// Most frequent first; equal counts in name order.
    private static func byCount(_ counts: [String: Int]) -> [Count] {
        counts.map { Count(value: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
    }
}
