import AmicusKit
import AmicusOffice
@testable import AmicusServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/render`: the form, a case with problems, a case that renders.
@Suite struct RenderFormTests {
    /// The form as a browser sends it with a case file uploaded and the paste box left empty.
    static func renderForm(template: String, fileName: String, _ caseFile: [UInt8], format: String = "docx") -> MultipartBody {
        var form = MultipartBody()
        form.field("template", template)
        form.field("format", format)
        form.field("case_text", "")
        form.file("case_file", fileName: fileName, caseFile)
        return form
    }

    @Test func theFormOffersTheTemplatesFoundAtStart() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("<form class=\"render\" method=\"post\" action=\"/render\" enctype=\"multipart/form-data\""))
                #expect(page.contains("<option value=\"appeal-separation-ru\"") && page.contains(">appeal-separation-ru — Жалоба на постановление"))
                #expect(page.contains("<option value=\"crc-communication-en\""))
                #expect(page.components(separatedBy: " selected>").count == 2, "exactly one template is preselected")
                #expect(page.contains("name=\"case_file\""))
                #expect(page.contains("name=\"case_text\""))
                #expect(page.contains("id=\"format-docx\" checked"))
            }
        }
    }

    @Test func aCaseWithProblemsShowsEachInlineWithItsLineNumber() async throws {
        let original = try exampleCase()
        let broken = original.replacingOccurrences(of: "birth_date: 1990-03-14", with: "birth_date: 14 march")
        #expect(broken != original)
        let line = try #require(lineNumber(of: "birth_date: 14 march", in: broken))
        let form = Self.renderForm(template: "appeal-separation-ru", fileName: "rahmona.yaml", Array(broken.utf8))
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .post, headers: form.headers.merging([.acceptLanguage: "en"]), body: form.body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = response.text
                #expect(page.contains("id=\"problems\""))
                #expect(page.contains("<li class=\"error\" data-line=\"\(line)\"><span class=\"where\">line \(line), column "), "\(page)")
                #expect(page.contains("applicant.birth_date"))
                #expect(page.contains("<span class=\"ln\">\(line)</span>   birth_date: 14 march"))
                // The form comes back filled, so the lawyer can fix the text and send it again.
                #expect(page.contains("birth_date: 14 march\n"))
            }
        }
    }

    @Test func aGoodCaseDownloadsTheDocumentWithTheCaseInIt() async throws {
        let form = Self.renderForm(template: "appeal-separation-ru", fileName: "rahmona.yaml", Array(try exampleCase().utf8))
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .post, headers: form.headers, body: form.body) { response in
                #expect(response.status == .ok, "\(response.text.prefix(3000))")
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"RU-SPB-2016-0000-appeal-separation-ru.docx\"")
                #expect(response.headers[.cacheControl] == "no-store")
                let text = try DocumentText(docx: response.bytes)
                #expect(text.part("word/document.xml")?.paragraphs.joined().contains("Каримова") == true)
                #expect(text.part("word/header1.xml")?.paragraphs.joined().contains("5-0000/2016") == true)
            }
        }
    }

    /// A document made with warnings is not downloaded blind: the form comes back with the warnings (here: the
    /// forum's word limit for this procedure is not verified) and a link holding the document itself.
    @Test func aDocumentWithWarningsComesWithThemAndALinkToIt() async throws {
        let report = try String(contentsOf: repository.appendingPathComponent("Examples/kyrgyzstan-report.yaml"), encoding: .utf8)
        let form = Self.renderForm(template: "crc-alternative-report-en", fileName: "kyrgyzstan-report.yaml", Array(report.utf8))
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .post, headers: form.headers.merging([.acceptLanguage: "en"]), body: form.body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                let page = response.text
                #expect(page.contains("The document was made, with warnings."))
                #expect(page.contains("<li class=\"warning\"><span class=\"severity\">warning</span>"), "\(page.prefix(4000))")
                #expect(page.contains("no verified word limit"))
                #expect(!page.contains("/Templates/"), "the server's folders stay out of the page")
                // The link holds the document: decode it and read the report's text.
                let prefix = "href=\"data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,"
                let start = try #require(page.range(of: prefix)).upperBound
                let end = try #require(page[start...].firstIndex(of: "\""))
                let bytes = try #require(Data(base64Encoded: String(page[start..<end])))
                let text = try DocumentText(docx: Array(bytes))
                #expect(text.part("word/document.xml")?.paragraphs.joined().contains("Kyrgyz") == true)
                let nameStart = try #require(page.range(of: "download=\"")).upperBound
                let name = page[nameStart...].prefix { $0 != "\"" }
                #expect(name.hasSuffix("crc-alternative-report-en.docx") && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) },
                        "\(name)")
            }
        }
    }

    @Test func pastedTextInAURLEncodedFormRendersToo() async throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let pasted = try exampleCase().addingPercentEncoding(withAllowedCharacters: allowed)!
        let body = "template=appeal-separation-ru&format=docx&case_text=\(pasted)"
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let text = try DocumentText(docx: response.bytes)
                #expect(text.plainText.contains("Каримова"))
            }
        }
    }

    @Test func aFormatTheTemplateLacksOrNoCaseAtAllIsSaidPlainly() async throws {
        // A template folder with the Word template only.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-docx-only-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let only = folder.appendingPathComponent("docx-only")
        try FileManager.default.createDirectory(at: only, withIntermediateDirectories: true)
        for file in ["template.docx", "manifest.yaml"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates/appeal-separation-ru/\(file)"), to: only.appendingPathComponent(file))
        }
        var resources = testResources
        resources.templates = TemplateCatalog(folder: folder)
        try await testApplication(resources: resources).test(.router) { client in
            var odtParts = MultipartBody()
            odtParts.field("template", "docx-only")
            odtParts.field("format", "odt")
            odtParts.field("case_text", try exampleCase())
            let odt = odtParts
            try await client.execute(uri: "/render", method: .post, headers: odt.headers.merging([.acceptLanguage: "en"]), body: odt.body) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("That template is not available in that format."))
            }
            var emptyParts = MultipartBody()
            emptyParts.field("template", "docx-only")
            emptyParts.field("case_text", "  \n")
            let empty = emptyParts
            try await client.execute(uri: "/render", method: .post, headers: empty.headers.merging([.acceptLanguage: "en"]), body: empty.body) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("Upload a case file or paste one into the text box."))
            }
        }
    }

    @Test func pdfComesFromLibreOfficeWhereItIsInstalled() async throws {
        var formParts = MultipartBody()
        formParts.field("template", "appeal-separation-ru")
        formParts.field("format", "pdf")
        formParts.field("case_text", try exampleCase())
        let form = formParts
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .post, headers: form.headers.merging([.acceptLanguage: "en"]), body: form.body) { response in
                if PDFConversion.soffice == nil {
                    #expect(response.status == .badRequest)
                    #expect(response.text.contains("PDF needs LibreOffice on the server"))
                } else {
                    #expect(response.status == .ok, "\(response.text.prefix(2000))")
                    #expect(response.headers[.contentType] == "application/pdf")
                    #expect(String(decoding: response.bytes.prefix(5), as: UTF8.self) == "%PDF-")
                    #expect(response.headers[.contentDisposition] == "attachment; filename=\"RU-SPB-2016-0000-appeal-separation-ru.pdf\"")
                }
            }
        }
        // The private folder the document passed through is gone.
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        #expect(after.subtracting(before).filter { $0.hasPrefix("amicus-web-") }.isEmpty)
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var merged = self
        for field in other { merged.append(field) }
        return merged
    }
}
