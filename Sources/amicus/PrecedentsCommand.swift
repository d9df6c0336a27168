import AmicusKit
import AmicusPrecedents
import ArgumentParser
import Foundation

struct PrecedentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precedents",
        abstract: "Search, show and check the precedent corpus.",
        discussion: """
            The corpus folder comes from --corpus, then AMICUS_PRECEDENTS, then Precedents/ in the current folder, \
            then the one installed beside the amicus binary. Its SQLite index is rebuilt whenever a file changes.
            """,
        subcommands: [PrecedentsSearchCommand.self, PrecedentsShowCommand.self, PrecedentsCheckCommand.self, PrecedentsIndexCommand.self]
    )
}

/// The `--corpus` option every precedents verb shares.
struct CorpusOption: ParsableArguments {
    @Option(name: .customLong("corpus"), help: "The corpus folder (one YAML file per precedent).")
    var folder: String?

    func locate() throws -> URL {
        guard let url = PrecedentSource.locate(explicit: folder) else {
            printError("no precedent corpus found: pass --corpus DIR, set AMICUS_PRECEDENTS, or run from the Amicus folder")
            throw ExitCode(1)
        }
        return url
    }

    /// The index over the corpus, fresh; corpus errors are printed like a compiler's and end the command.
    func index() throws -> PrecedentIndex {
        do {
            return try PrecedentIndex.open(corpus: try locate())
        } catch let error as PrecedentIndexError {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
