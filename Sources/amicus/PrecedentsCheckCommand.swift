import AmicusPrecedents
import ArgumentParser

struct PrecedentsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint the whole corpus: every bad record with file:line:col, at once."
    )

    @OptionGroup var corpus: CorpusOption

    func run() throws {
        let folder = try corpus.locate()
        let (checked, diagnostics) = PrecedentCorpus.check(directory: folder)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        if !diagnostics.isEmpty { throw ExitCode(1) }
        let unverified = checked.records.filter { !$0.isFullyVerified }.count
        print("\(folder.path): \(checked.records.count) precedents, no problems (\(unverified) with unverified facts)")
    }
}
