import AmicusKit
import AmicusOffice
import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a template with a case file.",
        discussion: """
            The output format follows the template's extension. The file is written only when there is no error, \
            and then whole (a temporary file renamed into place). A manifest.yaml beside the template is checked \
            against the case file first.
            """
    )

    @Argument(help: "The template (.docx, .odt or .fodt).") var template: String
    @Argument(help: "The case file (.yaml or .json).") var caseFile: String
    @Option(name: .shortAndLong, help: "The file to write.") var output: String
    @Flag(help: "Render undefined or empty names as nothing instead of failing, and list them.") var lenient = false
    @Flag(help: "Also convert the document to PDF with LibreOffice (beside it, same name, .pdf).") var pdf = false
    @Flag(help: "Hide people marked `pseudonymise: true` and all children (pseudonym or initials), then check the output for any trace of their names.") var pseudonymise = false
    @Option(help: "The precedent corpus folder for cite() and precedents().") var corpus: String?

    func run() throws {
        AtomicWrite.removeStagedFilesOnInterrupt()
        let result = Amicus.render(template: template, case: caseFile, output: output, lenient: lenient,
                                   precedents: PrecedentOptions.source(explicit: corpus), pseudonymise: pseudonymise)
        if report(result.diagnostics) || result.written == nil { throw ExitCode(1) }
        if pdf, let written = result.written, case .failure(let problems) = PDFConversion.convert([written])[written] {
            _ = report(problems.diagnostics)
            throw ExitCode(1)
        }
    }
}
