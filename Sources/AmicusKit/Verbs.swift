import AmicusCase
import AmicusOffice
import AmicusTemplate
import Foundation

/// The verbs of Amicus as library calls: the command line and the web server are thin layers over these.
public enum Amicus {
    /// Every problem of a template and a case file at once (YAML, manifest, template syntax in every part,
    /// undefined names, type errors). Nothing is written.
    public static func check(template: String, case casePath: String, lenient: Bool = false,
                             precedents: PrecedentSource? = nil) -> [Diagnostic] {
        Workbench(templatePath: template, casePath: casePath, lenient: lenient, precedents: precedents).diagnostics
    }

    public struct RenderReport: Sendable {
        /// Errors and warnings, in the order they were found.
        public var diagnostics: [Diagnostic]
        /// The file written, or nil when nothing was (any error stops the write).
        public var written: String?
    }

    /// Renders a template with a case file into `output`. The file is written whole or not at all, and only when
    /// there is no error. `pseudonymise` hides marked people and all children, then checks the output for traces.
    public static func render(template: String, case casePath: String, output: String, lenient: Bool = false,
                              precedents: PrecedentSource? = nil, pseudonymise: Bool = false) -> RenderReport {
        var diagnostics = outputProblems(template: template, case: casePath, output: output)
        let bench = Workbench(templatePath: template, casePath: casePath, lenient: lenient, precedents: precedents,
                              pseudonymise: pseudonymise, outputName: URL(fileURLWithPath: output).lastPathComponent)
        diagnostics += bench.diagnostics
        guard !diagnostics.hasErrors, let bytes = bench.rendered else {
            return RenderReport(diagnostics: diagnostics, written: nil)
        }
        do {
            try AtomicWrite.write(bytes, to: output)
        } catch {
            diagnostics.append(Diagnostic(.error, error.description))
            return RenderReport(diagnostics: diagnostics, written: nil)
        }
        return RenderReport(diagnostics: diagnostics, written: output)
    }

    /// The names a template reads, across all its parts: `applicant.name`, `events[].date`.
    public static func variables(template: String) throws(Problems) -> [String] {
        do {
            return try DocumentTemplate.open(path: template).referencedPaths
        } catch {
            throw Problems(error.diagnostics.map(Diagnostic.init))
        }
    }

    private static func outputProblems(template: String, case casePath: String, output: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let wanted = URL(fileURLWithPath: template).pathExtension.lowercased()
        let given = URL(fileURLWithPath: output).pathExtension.lowercased()
        if given != wanted {
            problems.append(Diagnostic(.error, "\(output): the output must be a .\(wanted) file, like its template"))
        }
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        for input in [template, casePath] where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == outputURL {
            problems.append(Diagnostic(.error, "\(output): the output would overwrite the input '\(input)'"))
        }
        return problems
    }
}
