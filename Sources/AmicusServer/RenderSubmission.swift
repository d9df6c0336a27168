import Foundation
import Hummingbird

/// The render form as sent, from either encoding a browser uses (multipart with an upload, or URL-encoded with
/// pasted text). Held in memory for the length of the request only.
struct RenderSubmission: Sendable {
    var template: String?
    var format: String?
    var lenient = false
    var pseudonymise = false
    var pastedText: String?
    var upload: [UInt8]?
    var uploadName: String?

    init(template: String? = nil, format: String? = nil, pastedText: String? = nil) {
        self.template = template
        self.format = format
        self.pastedText = pastedText
    }

    init(body: [UInt8], contentType: String?) throws(PageError) {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            let form: MultipartForm
            do { form = try MultipartForm(body: body, contentType: contentType ?? "") } catch {
                throw PageError(.badRequest, Strings.badRequest)
            }
            template = Self.trimmed(form.text("template"))
            format = Self.trimmed(form.text("format"))
            lenient = form["lenient"] != nil
            pseudonymise = form["pseudonymise"] != nil
            pastedText = form.text("case_text")
            if let file = form["case_file"], !file.bytes.isEmpty {
                upload = file.bytes
                uploadName = file.fileName
            }
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            let fields = FormFields(urlEncoded: String(decoding: body, as: UTF8.self))
            template = fields["template"]
            format = fields["format"]
            lenient = fields["lenient"] != nil
            pseudonymise = fields["pseudonymise"] != nil
            pastedText = fields.raw("case_text")
        } else {
            throw PageError(.unsupportedMediaType, Strings.badRequest)
        }
    }

    /// The case data: the uploaded file if one was chosen, else the pasted text; nil if both are empty.
    var caseBytes: [UInt8]? {
        if let upload, !upload.isEmpty { return upload }
        if let pastedText, !pastedText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Array(pastedText.utf8) }
        return nil
    }

    /// The case data as text, to show again in the form beside its problems.
    var caseText: String {
        caseBytes.map { String(decoding: $0, as: UTF8.self) } ?? (pastedText ?? "")
    }

    /// The name problems are reported under: the uploaded file's own name when it is a plain one.
    var caseName: String {
        if upload != nil, let name = uploadName.map({ URL(fileURLWithPath: $0).lastPathComponent }),
           name.count <= 100, TemplateCatalog.isPlainName(name) {
            return name
        }
        return "case.yaml"
    }

    private static func trimmed(_ text: String?) -> String? {
        let value = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }
}
