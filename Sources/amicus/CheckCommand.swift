import AmicusKit
import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem of a template and a case file at once; write nothing.",
        discussion: "YAML errors, manifest fields missing or mistyped, template syntax errors in any part, undefined names and type errors, one per line."
    )

    @Argument(help: "The template (.docx, .odt or .fodt).") var template: String
    @Argument(help: "The case file (.yaml or .json).") var caseFile: String
    @Flag(help: "Treat undefined or empty names as warnings, as render --lenient would.") var lenient = false
    @Option(help: "The precedent corpus folder for cite() and precedents().") var corpus: String?

    func run() throws {
        let diagnostics = Amicus.check(template: template, case: caseFile, lenient: lenient, precedents: PrecedentOptions.source(explicit: corpus))
        if report(diagnostics) { throw ExitCode(1) }
        print("\(template) + \(caseFile): no problems")
    }
}
