import AmicusKit
import ArgumentParser
import Foundation

struct VarsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vars",
        abstract: "List the names a template reads, as a tree.",
        discussion: "`events[]` marks a list whose items are read; loop variables are resolved to the list they come from."
    )

    @Argument(help: "The template (.docx, .odt or .fodt).") var template: String
    @Flag(help: "Print JSON: {\"paths\": [...], \"tree\": {...}}.") var json = false

    func run() throws {
        let paths: [String]
        do {
            paths = try Amicus.variables(template: template)
        } catch {
            _ = report(error.diagnostics)
            throw ExitCode(1)
        }
        let tree = VariableTree(paths: paths)
        if json {
            print(tree.json(paths: paths))
        } else {
            print(tree.outline(), terminator: "")
        }
    }
}
