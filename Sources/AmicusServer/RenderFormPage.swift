import Foundation
import AmicusKit

/// The render form, alone or with the problems of a case just sent. Problems in the case file are listed by
/// line and column with the line itself quoted; problems in the template are listed as the engine words them.
enum RenderFormPage {
    struct Problem: Sendable {
        var isError: Bool
        var line: Int?
        var column: Int?
        var message: String
    }

    /// A document made with warnings: offered as a link holding its bytes (a `data:` address), so the warnings are
    /// read before it is saved and nothing of the case is kept on the server.
    struct Download: Sendable {
        var fileName: String
        var mediaType: String
        var bytes: [UInt8]
    }

    static func body(_ request: PageRequest, templates: TemplateCatalog, pdfAvailable: Bool,
                     submission: RenderSubmission = RenderSubmission(), problems: [Problem] = [],
                     notice: Localized? = nil, download: Download? = nil) -> HTML {
        let t = request.text
        let title = t(Strings.renderTitle)
        guard !templates.entries.isEmpty else {
            return "<h1>\(title)</h1><p class=\"notice\">\(t(Strings.noTemplates))</p>"
        }
        let chosen = submission.template.flatMap(templates.entry(named:)) ?? templates.entries[0]
        let options: [HTML] = templates.entries.map { entry in
            "<option value=\"\(entry.name)\"\(entry.name == chosen.name ? " selected" : "")>\(entry.name) — \(entry.title) (\(entry.formats.joined(separator: ", ")))</option>"
        }
        let wanted = submission.format ?? "docx"
        var formats: [HTML] = ["docx", "odt", "fodt"].filter { ext in templates.entries.contains { $0.formats.contains(ext) } }.map { ext in
            "<label class=\"inline\"><input type=\"radio\" name=\"format\" value=\"\(ext)\" id=\"format-\(ext)\"\(ext == wanted ? " checked" : "")> \(ext.uppercased())</label>"
        }
        formats.append(pdfAvailable
            ? "<label class=\"inline\"><input type=\"radio\" name=\"format\" value=\"pdf\" id=\"format-pdf\"\(wanted == "pdf" ? " checked" : "")> PDF</label>"
            : "<label class=\"inline muted\"><input type=\"radio\" name=\"format\" value=\"pdf\" id=\"format-pdf\" disabled> PDF — \(t(Strings.pdfNeedsLibreOffice))</label>")
        let caseLines = submission.caseText.components(separatedBy: "\n")
        let items: [HTML] = problems.map { problem in
            let label = t(problem.isError ? Strings.errorLabel : Strings.warningLabel)
            guard let line = problem.line else {
                return "<li class=\"\(problem.isError ? "error" : "warning")\"><span class=\"severity\">\(label)</span> \(problem.message)</li>"
            }
            let quoted = line >= 1 && line <= caseLines.count ? caseLines[line - 1].trimmingCharacters(in: .init(charactersIn: "\r")) : ""
            return """
                <li class="\(problem.isError ? "error" : "warning")" data-line="\(line)"><span class="where">\(t(Strings.line)) \(line)\(problem.column.map { ", \(t(Strings.column)) \($0)" } ?? "")</span> <span class="severity">\(label)</span> \(problem.message)
                \(quoted.isEmpty ? nil : "<pre class=\"source-line\"><span class=\"ln\">\(line)</span> \(quoted)</pre>")</li>
                """
        }
        let link: HTML? = download.map { file in
            let address = "data:\(file.mediaType);base64,\(Data(file.bytes).base64EncodedString())"
            return "<p class=\"download\"><a class=\"button\" id=\"download-link\" href=\"\(address)\" download=\"\(file.fileName)\">\(t(Strings.downloadDocument)) \(file.fileName)</a></p>"
        }
        let problemList: HTML? = problems.isEmpty ? nil : """
            <section class="problems\(download == nil ? "" : " warnings")" id="problems" role="alert"><p>\(t(download == nil ? Strings.problemsFound : Strings.renderedWithWarnings))</p><ol>\(items)</ol>\(link)</section>
            """
        return """
            <h1>\(title)</h1>
            <p class="intro">\(t(Strings.renderIntro))</p>
            \(notice.map { "<p class=\"problem\" role=\"alert\" id=\"notice\">\(t($0))</p>" as HTML })
            \(problemList)
            <form class="render" method="post" action="/render" enctype="multipart/form-data" id="render-form">
            <label>\(t(Strings.template)) <select name="template" id="template">\(options)</select></label>
            <label>\(t(Strings.caseFile)) <input type="file" name="case_file" id="case-file" accept=".yaml,.yml,.json,text/yaml,application/json"></label>
            <label>\(t(Strings.casePaste)) <textarea name="case_text" id="case-text" rows="18" spellcheck="false">\(submission.upload == nil ? submission.pastedText ?? "" : submission.caseText)</textarea></label>
            <fieldset><legend>\(t(Strings.format))</legend>\(formats)</fieldset>
            <label class="inline"><input type="checkbox" name="lenient" id="lenient"\(submission.lenient ? " checked" : "")> \(t(Strings.lenient))</label>
            <label class="inline"><input type="checkbox" name="pseudonymise" id="pseudonymise"\(submission.pseudonymise ? " checked" : "")> \(t(Strings.pseudonymise))</label>
            <p><button type="submit" id="render-button">\(t(Strings.renderButton))</button></p>
            </form>
            """
    }
}
