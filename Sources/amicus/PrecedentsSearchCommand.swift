import AmicusKit
import AmicusPrecedents
import ArgumentParser

struct PrecedentsSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find precedents by article, state, forum, date, outcome and free text.",
        discussion: """
            Articles are read in the forms people type (`Art. 5 § 1 (f) ECHR`, `CRC 9`, `статья 9 КПР`) and match \
            hierarchically: ECHR-5 finds ECHR-5-1-f. States by ISO code or name, English or Russian. Free text \
            (English or Russian) is ranked by relevance, with a snippet; otherwise the newest come first.
            """
    )

    @OptionGroup var corpus: CorpusOption
    @Option(name: .long, help: "An article; repeat to require several.") var article: [String] = []
    @Option(name: .long, help: "The respondent state: RU, RUS, Russia, Россия…") var country: String?
    @Option(name: .long, help: "ECtHR, CRC, HRC, CMW, KSRF…") var forum: String?
    @Option(name: .long, help: "Decided on or after this date (YYYY-MM-DD).") var from: String?
    @Option(name: .long, help: "Decided on or before this date (YYYY-MM-DD).") var to: String?
    @Option(name: .long, help: "violation or no-violation (of the given articles, else of any).") var outcome: String?
    @Option(name: .long, help: "At most this many results.") var limit: Int = 50
    @Flag(help: "Print a JSON array of records.") var json = false
    @Argument(help: "Free text.") var text: [String] = []

    func run() throws {
        let index = try corpus.index()
        let query = PrecedentQuery(articles: article, country: country, forum: forum, from: from, to: to,
                                   outcome: outcome, text: text.isEmpty ? nil : text.joined(separator: " "),
                                   limit: limit)
        do {
            let hits = try index.search(query)
            print(json ? PrecedentReports.json(hits) : PrecedentReports.table(hits), terminator: "")
        } catch {
            printError("amicus precedents search: \(error.description)")
            throw ExitCode(1)
        }
    }
}
