import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/precedents/{id}`: one record, its citations, its marks; and addresses that name nothing.
@Suite struct PrecedentPageTests {
    @Test func aPrecedentPageHasSummaryOutcomeSourceAndEveryCitationStyleWithCopyButtons() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/precedents/kim-v-russia-2014", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("<h1>Kim v. Russia</h1>"))
                #expect(page.contains("The applicant is stateless"))
                #expect(page.contains("<span class=\"article\">ECHR-3</span> <span class=\"outcome violation\">violation</span>"))
                #expect(page.contains("<a href=\"https://caselaw.statelessness.eu/caselaw/ecthr-kim-v-russia\" rel=\"noopener noreferrer\" target=\"_blank\">"))
                for style in ["ecthr", "un", "ru"] { #expect(page.contains("<tr data-style=\"\(style)\">")) }
                #expect(page.contains("<code class=\"citation\">Kim v. Russia, no. 44260/13, 17 July 2014</code>"))
                #expect(page.contains("data-copy=\"Kim v. Russia, no. 44260/13, 17 July 2014\""))
                #expect(page.contains("Постановление ЕСПЧ от 17.07.2014"))
                #expect(!page.contains("⚠ unverified"))
                #expect(page.contains("<script src=\"/assets/app.js\" defer></script>"))
            }
        }
    }

    /// The kind of document is named in the page's language, not given as the record's field value.
    @Test func theKindOfDocumentIsNamedInThePagesLanguage() async throws {
        try await testApplication().test(.router) { client in
            for (id, english, russian) in [("kim-v-russia-2014", "Judgment", "Постановление"), ("eb-v-belgium-2022", "Views", "Соображения")] {
                let en = try await client.execute(uri: "/precedents/\(id)", method: .get, headers: [.acceptLanguage: "en"]).text
                #expect(en.contains("<tr><th>Decision</th><td>\(english)</td></tr>"), "\(id)")
                let ru = try await client.execute(uri: "/precedents/\(id)", method: .get, headers: [.acceptLanguage: "ru"]).text
                #expect(ru.contains("<tr><th>Вид решения</th><td>\(russian)</td></tr>"), "\(id)")
                #expect(!ru.contains("<td>judgment</td>") && !ru.contains("<td>views</td>"))
            }
        }
    }

    @Test func keyParagraphsShowTheirPinpointAndAPinpointedCitation() async throws {
        try await testApplication().test(.router) { client in
            let page = try await client.execute(uri: "/precedents/popov-v-france-2012", method: .get, headers: [.acceptLanguage: "en"]).text
            #expect(page.contains("<span class=\"pinpoint\">§ 91</span>"), "\(page)")
            #expect(page.contains("<span class=\"pinpoint\">§ 140-141</span>"))
            #expect(page.contains("<code>Popov v. France, nos. 39472/07 and 39474/07, § 91, 19 January 2012</code>"), "\(page)")
        }
    }

    @Test func unverifiedFactsAreMarkedWhereTheyAppear() async throws {
        try await testApplication().test(.router) { client in
            let page = try await client.execute(uri: "/precedents/eb-v-belgium-2022", method: .get, headers: [.acceptLanguage: "en"]).text
            #expect(page.contains("<span class=\"article\">CRC-9</span> <span class=\"outcome none\">outcome not recorded</span> <span class=\"unverified\""))
            #expect(page.contains("<span class=\"article\">CRC-37</span> <span class=\"outcome violation\">violation</span></li>"), "a verified outcome has no mark")
            #expect(page.contains("Fields not verified: outcomes.CRC-3"))
            let hostile = try await client.execute(uri: "/precedents/hostile-v-russia-2020", method: .get, headers: [.acceptLanguage: "ru"]).text
            #expect(hostile.contains("Эта запись в целом не сверена с источником."))
            #expect(hostile.contains("⚠ не проверено"))
            #expect(hostile.contains("<span class=\"article\">ECHR-8</span> <span class=\"outcome other\">нет нарушения</span> <span class=\"unverified\""),
                    "an article marked unverified carries the mark")
            #expect(hostile.contains("<span class=\"article\">CRC-9</span> <span class=\"outcome violation\">нарушение</span></li>"))
        }
    }

    @Test func hostileTextInARecordComesBackEscapedAndItsScriptAddressIsNoLink() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/precedents/hostile-v-russia-2020", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                for raw in ["<script>alert", "<img src=x", "<iframe", "<style>", "<b>European", "</li><script>", "href=\"javascript:"] {
                    #expect(!page.contains(raw), "unescaped: \(raw)")
                }
                #expect(page.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; v. Russia"))
                #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
                #expect(page.contains("an apostrophe &#39; and an ampersand &amp;."))
                #expect(page.contains("javascript:alert(document.cookie) <span class=\"muted\">"))
            }
            let list = try await client.execute(uri: "/precedents?country=RU", method: .get).text
            #expect(!list.contains("<script>alert"))
            #expect(list.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"))
        }
    }

    @Test func anUnknownIdOrAPathLikeIdIsAFriendlyNotFound() async throws {
        try await testApplication().test(.router) { client in
            for uri in ["/precedents/no-such-case-2099", "/precedents/..%2F..%2Fetc%2Fpasswd", "/precedents/%3Cscript%3E"] {
                try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "en"]) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let page = response.text
                    #expect(page.contains("There is no precedent with this id."), "\(uri): \(page)")
                    #expect(!page.contains("root:"))
                    #expect(!page.contains("<script>"))
                }
            }
        }
    }
}
