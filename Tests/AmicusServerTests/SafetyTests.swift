@testable import AmicusServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the safety list asks: size limit, escaping, CSP, no path from a request, clear error pages.
@Suite struct SafetyTests {
    @Test func everyResponseCarriesTheContentSecurityPolicy() async throws {
        var formParts = MultipartBody()
        formParts.field("template", "appeal-separation-ru")
        formParts.field("case_text", try exampleCase())
        let form = formParts
        try await testApplication().test(.router) { client in
            var responses = [
                try await client.execute(uri: "/precedents", method: .get),
                try await client.execute(uri: "/precedents/kim-v-russia-2014", method: .get),
                try await client.execute(uri: "/render", method: .get),
                try await client.execute(uri: "/assets/app.js", method: .get),
                try await client.execute(uri: "/assets/app.css", method: .get),
                try await client.execute(uri: "/no/such/page", method: .get),
                try await client.execute(uri: "/render", method: .post, headers: form.headers, body: form.body),
            ]
            responses.append(try await client.execute(uri: "/", method: .get))
            for response in responses {
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            #expect(responses[6].status == .ok, "the download too")
        }
    }

    @Test func noPageHasInlineScriptOrStyle() async throws {
        try await testApplication().test(.router) { client in
            for uri in ["/precedents", "/precedents/popov-v-france-2012", "/render", "/missing"] {
                let page = try await client.execute(uri: uri, method: .get).text
                #expect(!page.contains("<script>"), "\(uri)")
                #expect(!page.contains("<style"), "\(uri)")
                #expect(!page.contains(" onclick="), "\(uri)")
                #expect(!page.contains(" style=\""), "\(uri)")
            }
        }
    }

    @Test func hostileTextInACaseFileComesBackEscaped() async throws {
        let hostile = try exampleCase().replacingOccurrences(of: "birth_date: 1990-03-14", with: "birth_date: \"<script>alert('case')</script>\"")
        var formParts = MultipartBody()
        formParts.field("template", "appeal-separation-ru")
        formParts.file("case_file", fileName: "<img src=x onerror=alert(1)>.yaml", Array(hostile.utf8))
        let form = formParts
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/render", method: .post, headers: form.headers, body: form.body) { response in
                #expect(response.status == .unprocessableContent)
                let page = response.text
                #expect(!page.contains("<script>alert"))
                #expect(!page.contains("<img src=x"))
                #expect(page.contains("&lt;script&gt;alert(&#39;case&#39;)&lt;/script&gt;"))
                #expect(page.contains("data-line="), "the problem is still located")
            }
        }
    }

    @Test func aTemplateNameThatLooksLikeAPathIsRefusedWithoutTouchingTheDisk() async throws {
        try await testApplication().test(.router) { client in
            for name in ["../../etc/passwd", "/etc/passwd", "appeal-separation-ru/../../../etc/passwd", "..", ""] {
                var formParts = MultipartBody()
                formParts.field("template", name)
                formParts.field("case_text", "case_id: x\n")
                let form = formParts
                try await client.execute(uri: "/render", method: .post, headers: form.headers.merging([.acceptLanguage: "en"]), body: form.body) { response in
                    #expect(response.status == .notFound, "\(name)")
                    let page = response.text
                    #expect(page.contains("There is no template with that name."), "\(name)")
                    #expect(!page.contains("root:x:0:0"))
                }
            }
        }
        // The catalogue is a fixed list: a name is only ever looked up in it.
        #expect(testResources.templates.entry(named: "../../etc/passwd") == nil)
        #expect(TemplateCatalog.isPlainName("..") == false)
    }

    @Test func assetsComeFromMemoryAndNothingElseIsServed() async throws {
        try await testApplication().test(.router) { client in
            let script = try await client.execute(uri: "/assets/app.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("navigator.clipboard"))
            for uri in ["/assets/../../etc/passwd", "/assets/..%2F..%2Fetc%2Fpasswd", "/assets/Package.swift", "/Package.swift", "/Precedents/kim-v-russia-2014.yaml"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("root:x:0:0"))
                #expect(!response.text.contains("swift-tools-version"))
            }
        }
    }

    @Test func anOversizedBodyIsRefusedWith413() async throws {
        let big = ByteBuffer(bytes: Array(repeating: UInt8(ascii: "a"), count: 5000))
        try await testApplication(maxRequestBytes: 1000).test(.router) { client in
            // Declared too large: refused before reading.
            try await client.execute(uri: "/render", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded", .contentLength: "5000", .acceptLanguage: "en"],
                                     body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("The request is too large. The limit is 1000 bytes."))
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            // No length declared: cut off while reading.
            try await client.execute(uri: "/render", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
            // Under the limit: read and answered.
            try await client.execute(uri: "/render", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "template=nope")) { response in
                #expect(response.status == .notFound)
            }
        }
        // The default is 2 MB: a 3 MB body is refused.
        try await testApplication().test(.router) { client in
            let huge = ByteBuffer(bytes: Array(repeating: UInt8(ascii: "a"), count: 3 * 1_048_576))
            let response = try await client.execute(uri: "/render", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: huge)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func unknownRoutesAndMethodsGetAFriendlyPageWithoutInternals() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/wp-admin/<script>", method: .get, headers: [.acceptLanguage: "ru"]) { response in
                #expect(response.status == .notFound)
                let page = response.text
                #expect(page.contains("По этому адресу страницы нет."))
                #expect(page.contains("href=\"/precedents\""))
                #expect(!page.contains("<script>"))
            }
            try await client.execute(uri: "/precedents", method: .delete) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
                #expect(response.text.contains("id=\"error\""))
            }
            try await client.execute(uri: "/render", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.text.contains("id=\"error\""))
            }
            try await client.execute(uri: "/render", method: .post, headers: [.contentType: "multipart/form-data; boundary=abc"], body: ByteBuffer(string: "garbage")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("id=\"error\""))
            }
            for response in [try await client.execute(uri: "/nothing", method: .get)] {
                for leak in ["Swift", "HTTPError", ".swift", "Fatal", "/work/"] { #expect(!response.text.contains(leak), "\(leak)") }
            }
        }
    }

    @Test func theDefaultAddressIsLocalhostAndSizesReadAsPeopleWriteThem() {
        #expect(ServerConfiguration().host == "127.0.0.1")
        #expect(ServerConfiguration().maxRequestBytes == 2 * 1_048_576)
        #expect(ServerConfiguration.parseSize("2MB") == 2_097_152)
        #expect(ServerConfiguration.parseSize("512 KB") == 524_288)
        #expect(ServerConfiguration.parseSize("1000") == 1000)
        #expect(ServerConfiguration.parseSize("lots") == nil)
        #expect(ServerConfiguration.parseSize("0") == nil)
        #expect(ServerConfiguration.describe(bytes: 2_097_152) == "2 MB")
    }
}
