import AmicusKit
import Foundation
import Hummingbird

/// `GET /render` shows the form; `POST /render` checks the case against the chosen template and either shows
/// every problem in the form or sends the document. The case data stays in this request's memory: it is not
/// written anywhere, logged, or kept after the response (a PDF passes through a private temporary folder that
/// is deleted before the response is sent).
struct RenderRoute: Sendable {
    let resources: ServerResources
    let maxRequestBytes: Int

    func form(_ request: PageRequest) -> Response {
        var submission = RenderSubmission()
        submission.template = request.query["template"]
        return request.page(title: request.text(Strings.renderTitle),
                            body: RenderFormPage.body(request, templates: resources.templates, pdfAvailable: resources.pdfAvailable,
                                                      submission: submission))
    }

    func submit(_ incoming: Request) async throws -> Response {
        let page = PageRequest(incoming)
        var request = incoming
        let body = try await request.collectBody(upTo: maxRequestBytes)
        let submission = try RenderSubmission(body: Array(buffer: body), contentType: incoming.headers[.contentType])

        // Only a name from the list found at start can choose a template; nothing in the request is a path.
        guard let name = submission.template, let entry = resources.templates.entry(named: name) else {
            throw PageError(.notFound, Strings.unknownTemplate)
        }
        let wantsPDF = submission.format == "pdf"
        let format = wantsPDF ? entry.formats[0] : (submission.format ?? entry.formats[0])
        guard let templatePath = resources.templates.file(name: entry.name, format: format) else {
            return again(page, submission, status: .badRequest, notice: Strings.unknownFormat)
        }
        if wantsPDF && !resources.pdfAvailable {
            return again(page, submission, status: .badRequest, notice: Strings.pdfNeedsLibreOffice)
        }
        guard let caseBytes = submission.caseBytes else {
            return again(page, submission, status: .badRequest, notice: Strings.noCaseGiven)
        }

        let caseName = submission.caseName
        let precedents = resources.precedents
        let outputBase = Self.fileName(caseID: nil, template: entry.name)
        let result = await Self.offload {
            Amicus.render(template: templatePath, caseBytes: caseBytes, caseName: caseName, lenient: submission.lenient,
                          precedents: precedents, pseudonymise: submission.pseudonymise, outputName: outputBase + "." + format)
        }
        let templateFolder = URL(fileURLWithPath: templatePath).deletingLastPathComponent().deletingLastPathComponent().path + "/"
        guard var document = result.document else {
            let problems = result.diagnostics.map { Self.problem($0, caseName: caseName, hidingPrefix: templateFolder) }
            return again(page, submission, status: .unprocessableContent, problems: problems)
        }
        var ext = format
        if wantsPDF {
            let source = document
            switch await Self.offload({ Amicus.pdf(document: source, fileExtension: format) }) {
            case .success(let pdf):
                document = pdf
                ext = "pdf"
            case .failure(let failure):
                let problems = failure.diagnostics.map { RenderFormPage.Problem(isError: true, message: page.text(Strings.pdfFailed) + " " + $0.description) }
                return again(page, submission, status: .internalServerError, problems: problems)
            }
        }
        let fileName = Self.fileName(caseID: result.caseID, template: entry.name) + "." + ext
        // Warnings (an unverified record cited, a word limit nobody has verified, names left empty with --lenient)
        // must be read before the document is filed: the form comes back with them and a link to the document.
        let warnings = result.diagnostics.filter { !$0.isError }
        if !warnings.isEmpty {
            let problems = warnings.map { Self.problem($0, caseName: caseName, hidingPrefix: templateFolder) }
            let download = RenderFormPage.Download(fileName: fileName, mediaType: Self.mediaType(ext), bytes: document)
            return again(page, submission, status: .ok, problems: problems, download: download)
        }
        let headers: HTTPFields = [
            .contentType: Self.mediaType(ext),
            .contentDisposition: "attachment; filename=\"\(fileName)\"",
            .cacheControl: "no-store",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
    }

    /// The form again, filled with what was sent, with a notice or the list of problems.
    private func again(_ page: PageRequest, _ submission: RenderSubmission, status: HTTPResponse.Status,
                       notice: Localized? = nil, problems: [RenderFormPage.Problem] = [],
                       download: RenderFormPage.Download? = nil) -> Response {
        let body = RenderFormPage.body(page, templates: resources.templates, pdfAvailable: resources.pdfAvailable,
                                       submission: submission, problems: problems, notice: notice, download: download)
        return page.page(status, title: page.text(Strings.renderTitle), body: body)
    }

    /// A diagnostic for the form: line and column when it is in the case file; the server's folders left out.
    static func problem(_ diagnostic: Diagnostic, caseName: String, hidingPrefix prefix: String) -> RenderFormPage.Problem {
        if let location = diagnostic.location(inFile: caseName) {
            return RenderFormPage.Problem(isError: diagnostic.isError, line: location.line, column: location.column,
                                          message: diagnostic.message(inFile: caseName))
        }
        return RenderFormPage.Problem(isError: diagnostic.isError, message: diagnostic.description.replacingOccurrences(of: prefix, with: ""))
    }

    /// `RU-SPB-2016-0000-appeal-separation-ru`: letters, digits, `.`, `_` and `-` only, so the header cannot be bent.
    static func fileName(caseID: String?, template: String) -> String {
        let base = (caseID.map { $0 + "-" } ?? "") + template
        let safe = String(base.unicodeScalars.prefix(120).map { scalar -> Character in
            TemplateCatalog.isPlainName(String(scalar)) && scalar != "." ? Character(scalar) : "_"
        })
        return safe.isEmpty ? "document" : safe
    }

    static func mediaType(_ ext: String) -> String {
        switch ext {
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "odt": return "application/vnd.oasis.opendocument.text"
        case "fodt": return "application/vnd.oasis.opendocument.text-flat-xml"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }

    /// Rendering and LibreOffice block a thread for a while; they run on one outside Swift's cooperative pool.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
