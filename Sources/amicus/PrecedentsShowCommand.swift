import AmicusKit
import AmicusPrecedents
import ArgumentParser

struct PrecedentsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one precedent: summary, outcome per article, key paragraphs, and how to cite it in each style."
    )

    @OptionGroup var corpus: CorpusOption
    @Argument(help: "The precedent's id, e.g. kim-v-russia-2014.") var id: String
    @Flag(help: "Print the record as JSON, with its citations.") var json = false

    func run() throws {
        let index = try corpus.index()
        let found: Precedent?
        do {
            found = try index.precedent(id: id)
        } catch {
            printError("amicus precedents show: \(error.description)")
            throw ExitCode(1)
        }
        guard let precedent = found else {
            let ids = ((try? index.all()) ?? []).map(\.id)
            let near = ids.filter { $0.contains(id) || id.contains($0) }.prefix(5)
            printError("no precedent '\(id)'" + (near.isEmpty ? "" : " (did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?)"))
            throw ExitCode(1)
        }
        print(json ? PrecedentReports.json(precedent) : PrecedentReports.page(precedent), terminator: "")
    }
}
