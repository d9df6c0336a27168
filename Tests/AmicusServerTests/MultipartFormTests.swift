@testable import AmicusServer
import Testing

/// The in-memory multipart parser: what browsers send, and what they don't.
@Suite struct MultipartFormTests {
    @Test func fieldsAndFilesAreReadWithTheirBytesIntact() throws {
        var bodyParts = MultipartBody()
        bodyParts.field("template", "appeal-separation-ru")
        bodyParts.file("case_file", fileName: "case.yaml", Array("a: 1\r\n\r\n--not-the-boundary\nb: «2»".utf8))
        let body = bodyParts
        let form = try MultipartForm(body: Array(buffer: body.body), contentType: "multipart/form-data; boundary=\"\(body.boundary)\"")
        #expect(form.text("template") == "appeal-separation-ru")
        #expect(form["case_file"]?.fileName == "case.yaml")
        #expect(form.text("case_file") == "a: 1\r\n\r\n--not-the-boundary\nb: «2»")
        #expect(form["missing"] == nil)
    }

    @Test func brokenBodiesAreRefusedNotGuessed() {
        #expect(throws: MultipartForm.Failure.noBoundary) { try MultipartForm(body: [], contentType: "multipart/form-data") }
        #expect(throws: MultipartForm.Failure.malformed) {
            try MultipartForm(body: Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end".utf8), contentType: "multipart/form-data; boundary=b")
        }
        #expect(throws: MultipartForm.Failure.malformed) {
            try MultipartForm(body: Array("--b\r\nX-Other: 1\r\n\r\nv\r\n--b--".utf8), contentType: "multipart/form-data; boundary=b")
        }
    }

    @Test func parametersMayBeQuotedWithEscapes() {
        #expect(MultipartForm.parameter("filename", in: "form-data; name=\"f\"; filename=\"a \\\"b\\\".yaml\"") == "a \"b\".yaml")
        #expect(MultipartForm.parameter("name", in: "form-data; filename=\"x\"; name=plain") == "plain")
    }
}
