import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/precedents`: filters, facets, results, and bad input.
@Suite struct SearchPageTests {
    @Test func withoutFiltersEveryRecordIsListedWithFacetCounts() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/precedents", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = response.text
                for id in ["kim-v-russia-2014", "alim-v-russia-2011", "eb-v-belgium-2022", "hostile-v-russia-2020", "popov-v-france-2012"] {
                    #expect(hitBlock(id, in: page) != nil, "\(id) missing")
                }
                #expect(page.contains("<strong>5</strong>"))
                // Three Russian records, one Belgian, one French; counted per record.
                #expect(page.contains("data-facet=\"country\" data-value=\"RU\">Russia (RU)</a> <span class=\"n\">3</span>"), "\(page)")
                #expect(page.contains("data-facet=\"country\" data-value=\"BE\">Belgium (BE)</a> <span class=\"n\">1</span>"))
                #expect(page.contains("data-facet=\"forum\" data-value=\"ECtHR\">ECtHR</a> <span class=\"n\">4</span>"))
                #expect(page.contains("data-facet=\"year\" data-value=\"2014\">2014</a> <span class=\"n\">1</span>"))
                #expect(page.contains("data-facet=\"article\" data-value=\"CRC-9\">CRC-9</a> <span class=\"n\">2</span>"))
            }
        }
    }

    @Test func articleAndCountryNarrowTheResults() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/precedents?article=CRC-9&country=RU", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(hitBlock("hostile-v-russia-2020", in: page) != nil)
                #expect(hitBlock("eb-v-belgium-2022", in: page) == nil, "Belgian record listed under RU")
                #expect(hitBlock("kim-v-russia-2014", in: page) == nil, "no CRC-9 in Kim")
                #expect(page.contains("<strong>1</strong>"))
                // The form keeps the filters, and each is shown with a link that removes it.
                #expect(page.contains("name=\"article\" id=\"article\" value=\"CRC-9\""))
                #expect(links(in: page, marker: "class=\"chip\"").contains("/precedents?country=RU"))
            }
        }
    }

    @Test func articlesAreReadAsPeopleTypeThemAndMatchHierarchically() async throws {
        try await testApplication().test(.router) { client in
            // "ст. 5 ЕКПЧ" finds ECHR-5-1-f and ECHR-5-4; the URL encoding is a browser's (spaces as +).
            let ascii = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789. ")
            func encoded(_ text: String) -> String {
                text.addingPercentEncoding(withAllowedCharacters: ascii)!.replacingOccurrences(of: " ", with: "+")
            }
            try await client.execute(uri: "/precedents?article=\(encoded("ст. 5 ЕКПЧ"))&country=\(encoded("Россия"))", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(hitBlock("kim-v-russia-2014", in: page) != nil)
                #expect(hitBlock("alim-v-russia-2011", in: page) != nil)
                #expect(hitBlock("eb-v-belgium-2022", in: page) == nil)
            }
        }
    }

    @Test func aFacetLinkAddsItsFilterToTheCurrentQueryAndNarrows() async throws {
        try await testApplication().test(.router) { client in
            let page = try await client.execute(uri: "/precedents?country=RU", method: .get).text
            let articleLinks = links(in: page, marker: "data-value=\"ECHR-3\"")
            #expect(articleLinks == ["/precedents?country=RU&article=ECHR-3"])
            let yearLinks = links(in: page, marker: "data-value=\"2011\"")
            #expect(yearLinks == ["/precedents?country=RU&from=2011&to=2011"])
            let narrowed = try await client.execute(uri: try #require(yearLinks.first), method: .get).text
            #expect(hitBlock("alim-v-russia-2011", in: narrowed) != nil)
            #expect(hitBlock("kim-v-russia-2014", in: narrowed) == nil)
            #expect(narrowed.contains("<strong>1</strong>"))
        }
    }

    @Test func aResultShowsCitationDateOutcomePerArticleAndSnippet() async throws {
        try await testApplication().test(.router) { client in
            let page = try await client.execute(uri: "/precedents?q=stateless", method: .get, headers: [.acceptLanguage: "en"]).text
            let kim = try #require(hitBlock("kim-v-russia-2014", in: page))
            #expect(kim.contains("Kim v. Russia, no. 44260/13, 17 July 2014"))
            #expect(kim.contains("<time datetime=\"2014-07-17\">17 July 2014</time>"))
            #expect(kim.contains("<span class=\"article\">ECHR-5-1-f</span> <span class=\"outcome violation\">violation</span>"))
            #expect(kim.contains("<span class=\"article\">ECHR-46</span> <span class=\"outcome none\">outcome not recorded</span>"))
            #expect(kim.contains("<mark>stateless</mark>") || kim.contains("<mark>Stateless</mark>"), "\(kim)")
            #expect(!kim.contains("unverified"), "Kim is verified")
        }
    }

    @Test func unverifiedRecordsAreMarkedInTheList() async throws {
        try await testApplication().test(.router) { client in
            let page = try await client.execute(uri: "/precedents", method: .get, headers: [.acceptLanguage: "en"]).text
            #expect(try #require(hitBlock("eb-v-belgium-2022", in: page)).contains("⚠ unverified"))
            #expect(try #require(hitBlock("hostile-v-russia-2020", in: page)).contains("⚠ unverified"))
            #expect(try #require(hitBlock("kim-v-russia-2014", in: page)).contains("⚠ unverified") == false)
            let russian = try await client.execute(uri: "/precedents", method: .get, headers: [.acceptLanguage: "ru"]).text
            #expect(try #require(hitBlock("eb-v-belgium-2022", in: russian)).contains("⚠ не проверено"))
        }
    }

    @Test func badFilterValuesGiveAClearMessageAndTheForm() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/precedents?article=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get) { response in
                #expect(response.status == .badRequest)
                let page = response.text
                #expect(page.contains("class=\"problem\""))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.contains("<script>alert"))
                #expect(page.contains("id=\"search-form\""))
            }
            try await client.execute(uri: "/precedents?from=yesterday", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("not a date: &#39;yesterday&#39;"))
            }
        }
    }

    @Test func withoutACorpusThePageSaysSo() async throws {
        let resources = ServerResourcesWithout.index
        try await testApplication(resources: resources).test(.router) { client in
            let page = try await client.execute(uri: "/precedents", method: .get, headers: [.acceptLanguage: "en"])
            #expect(page.status == .ok)
            #expect(page.text.contains("No precedent corpus was found"))
            let one = try await client.execute(uri: "/precedents/kim-v-russia-2014", method: .get)
            #expect(one.status == .notFound)
        }
    }
}
