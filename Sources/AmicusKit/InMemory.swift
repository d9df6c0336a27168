import AmicusCase
import Foundation

/// Check and render for case data that exists only in memory: the web form's upload is never written to disk.
/// The template is still read from its file (the server's own, not the user's); the output comes back as bytes.
extension Amicus {
    /// What an in-memory render produced: every problem, and the document's bytes when there was no error.
    public struct InMemoryRender: Sendable {
        /// Errors and warnings, in the order they were found; case-file problems name the file `caseName`.
        public var diagnostics: [Diagnostic]
        /// The rendered document (same format as the template), or nil when any error stopped it.
        public var document: [UInt8]?
        /// The case file's `case_id`, if it has one as text: for naming the download.
        public var caseID: String?
    }

    /// Every problem of a template and case data held in memory, at once, as `check` reports them for a file.
    /// `caseName` is the name diagnostics give the case data (`case.yaml:14:3: error: …`).
    public static func check(template: String, caseBytes: [UInt8], caseName: String, lenient: Bool = false,
                             precedents: PrecedentSource? = nil) -> [Diagnostic] {
        let reading = CaseLoader.read(bytes: caseBytes, file: caseName)
        return Workbench(templatePath: template, reading: reading, lenient: lenient, precedents: precedents).diagnostics
    }

    /// Renders a template with case data held in memory and returns the document's bytes; writes nothing.
    /// `outputName` is the download's file name, searched for traces of hidden names when `pseudonymise` is on.
    public static func render(template: String, caseBytes: [UInt8], caseName: String, lenient: Bool = false,
                              precedents: PrecedentSource? = nil, pseudonymise: Bool = false,
                              outputName: String = "") -> InMemoryRender {
        let reading = CaseLoader.read(bytes: caseBytes, file: caseName)
        let caseID = reading.document?["case_id"]?.scalarText
        let bench = Workbench(templatePath: template, reading: reading, lenient: lenient, precedents: precedents,
                              pseudonymise: pseudonymise, outputName: outputName)
        let document = bench.diagnostics.hasErrors ? nil : bench.rendered
        return InMemoryRender(diagnostics: bench.diagnostics, document: document, caseID: caseID)
    }

    /// Converts a rendered document (`fileExtension` `docx`, `odt` or `fodt`) to PDF through LibreOffice.
    /// LibreOffice reads only files, so the document passes through a private temporary folder (mode 0700) that
    /// is deleted before this returns, whatever happens.
    public static func pdf(document: [UInt8], fileExtension: String) -> Result<[UInt8], Problems> {
        guard ["docx", "odt", "fodt"].contains(fileExtension) else {
            return .failure(Problems([Diagnostic(.error, "cannot convert a .\(fileExtension) file to PDF")]))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            let input = folder.appendingPathComponent("document.\(fileExtension)")
            try Data(document).write(to: input)
            switch PDFConversion.convert([input.path])[input.path] {
            case .success(let pdf)?: return .success(Array(try Data(contentsOf: URL(fileURLWithPath: pdf))))
            case .failure(let problems)?: return .failure(problems)
            case nil: return .failure(Problems([Diagnostic(.error, "LibreOffice did not produce a PDF")]))
            }
        } catch {
            return .failure(Problems([Diagnostic(.error, "PDF conversion failed: \(error.localizedDescription)")]))
        }
    }
}

extension Diagnostic {
    /// The line and column of a problem in `file`, read from the `file:line:column:` that begins its text;
    /// nil for problems elsewhere (in the template, or of the file as a whole without a position).
    public func location(inFile file: String) -> (line: Int, column: Int)? {
        guard description.hasPrefix(file + ":") else { return nil }
        let fields = description.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2)
        guard fields.count >= 2, let line = Int(fields[0]), let column = Int(fields[1]) else { return nil }
        return (line, column)
    }

    /// The text after `file:line:column: error: `, for showing beside a line number.
    public func message(inFile file: String) -> String {
        guard location(inFile: file) != nil else { return description }
        let fields = description.dropFirst(file.count + 1).split(separator: ":", maxSplits: 3)
        guard fields.count == 4 else { return description }
        let rest = fields[3].drop { $0 == " " }
        return String(rest)
    }
}
