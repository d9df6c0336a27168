import AmicusKit
import AmicusOffice
import ArgumentParser
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one template for many cases at once, on all cores.",
        discussion: """
            Cases come as YAML files (one case each, or a list of cases) or as a CSV table with one row per case \
            and dotted column names (applicant.name.cyrillic). A bad case is reported and the others are still \
            rendered; the exit code is 1 if any case failed. Two cases that would write the same file stop the \
            batch before anything is written. On a terminal a progress bar shows the count and the time left; \
            otherwise one line per case.
            """
    )

    @Argument(help: "The template (.docx, .odt or .fodt).") var template: String
    @Argument(help: "Case files: .yaml (one case or a list), .json, .csv.") var cases: [String]
    @Option(name: .shortAndLong, help: "The folder to write into (it must exist).") var output: String
    @Option(name: .shortAndLong, help: "How many cases to render at once (default: the number of cores).") var jobs: Int?
    @Option(help: "Output file names: {case.FIELD}, {template}, {ext}, {n}.") var name = "{case.id}-{template}.{ext}"
    @Flag(help: "Also convert every rendered document to PDF with LibreOffice, in one run.") var pdf = false
    @Flag(help: "Render undefined or empty names as nothing and list them.") var lenient = false
    @Flag(help: "Hide people marked `pseudonymise: true` and all children, in documents and file names; a trace left is an error.") var pseudonymise = false
    @Option(help: "The precedent corpus folder for cite() and precedents().") var corpus: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if cases.isEmpty { throw ValidationError("give at least one case file") }
    }

    func run() throws {
        AtomicWrite.removeStagedFilesOnInterrupt()
        var options = Batch.Options(template: template, cases: cases, outputFolder: output)
        if let jobs { options.jobs = jobs }
        options.namePattern = name
        options.pdf = pdf
        options.lenient = lenient
        options.pseudonymise = pseudonymise
        options.precedents = PrecedentOptions.source(explicit: corpus)
        let display = ProgressDisplay(terminal: isatty(STDERR_FILENO) == 1)
        let report = Batch.run(options) { done, total, result in display.update(done: done, total: total, result: result) }
        display.finish()
        _ = amicus.report(report.problems)
        for result in report.cases where !result.succeeded || !result.diagnostics.isEmpty {
            _ = amicus.report(result.diagnostics)
        }
        let seconds = String(format: "%.1f", report.seconds)
        printError("batch: \(report.rendered) rendered, \(report.failed) failed, \(seconds) s")
        if !report.succeeded { throw ExitCode(1) }
    }
}

/// A progress bar with a count and the time left on a terminal; one line per case otherwise (logs, CI).
final class ProgressDisplay: @unchecked Sendable {
    private let terminal: Bool
    private let start = Date()
    private var drewBar = false

    init(terminal: Bool) { self.terminal = terminal }

    func update(done: Int, total: Int, result: Batch.CaseResult) {
        if !terminal {
            let status = result.succeeded ? "ok" : "FAILED"
            printError("[\(done)/\(total)] \(status) \(result.label)\(result.output.map { " -> \($0)" } ?? "")\(result.pdf.map { " + \($0)" } ?? "")")
            return
        }
        let elapsed = Date().timeIntervalSince(start)
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandleOutput.writeToStandardError("\r\(bar) \(done)/\(total)  about \(Int(left.rounded())) s left ")
        drewBar = true
    }

    func finish() {
        if drewBar { FileHandleOutput.writeToStandardError("\n") }
    }
}
