import AmicusKit
import ArgumentParser

/// The root command: a list of verbs, each in its own file, each a thin call into AmicusKit.
struct AmicusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amicus",
        abstract: "Fill court filings and UN submissions (DOCX, ODT, flat ODT) from YAML case files.",
        discussion: """
            Exit codes: 0 done, 1 a problem with the input (every problem is listed), 2 a usage error.
            Documentation: README.md and docs/ in the Amicus repository.
            """,
        version: "0.1.0",
        subcommands: [RenderCommand.self, CheckCommand.self, VarsCommand.self, BatchCommand.self, PrecedentsCommand.self, ServeCommand.self]
    )
}

/// Prints diagnostics to standard error like a compiler, one per line, and says whether any was an error.
func report(_ diagnostics: [Diagnostic]) -> Bool {
    for diagnostic in diagnostics {
        printError(diagnostic.description)
    }
    return diagnostics.hasErrors
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.writeToStandardError(string)
    }
}
