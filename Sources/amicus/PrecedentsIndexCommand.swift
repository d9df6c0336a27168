import AmicusPrecedents
import ArgumentParser

struct PrecedentsIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild the search index of the corpus now (searches also rebuild it whenever a file changed)."
    )

    @OptionGroup var corpus: CorpusOption

    func run() throws {
        let index = try corpus.index()
        do {
            try index.rebuild()
            print("indexed \(try index.count()) precedents into \(index.cacheURL?.path ?? "memory")")
        } catch {
            printError("amicus precedents index: \(error.description)")
            throw ExitCode(1)
        }
    }
}
