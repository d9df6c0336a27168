@testable import AmicusServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The interface language: `?lang=` (remembered in a cookie), then the cookie, then `Accept-Language`.
@Suite struct LanguageTests {
    @Test func theBrowsersLanguageChoosesTheInterface() async throws {
        try await testApplication().test(.router) { client in
            let russian = try await client.execute(uri: "/precedents", method: .get, headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8"]).text
            #expect(russian.contains("<html lang=\"ru\">"))
            #expect(russian.contains("<h1>Поиск прецедентов</h1>"))
            #expect(russian.contains("Language: English"))
            let english = try await client.execute(uri: "/precedents", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"]).text
            #expect(english.contains("<html lang=\"en\">"))
            #expect(english.contains("<h1>Search the precedents</h1>"))
            let other = try await client.execute(uri: "/precedents", method: .get, headers: [.acceptLanguage: "de-DE"]).text
            #expect(other.contains("<html lang=\"en\">"), "English when neither language is asked for")
        }
    }

    @Test func anExplicitChoiceWinsAndIsRemembered() async throws {
        try await testApplication().test(.router) { client in
            try await client.execute(uri: "/precedents?country=RU&lang=ru", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.text.contains("<html lang=\"ru\">"))
                #expect(response.headers[.setCookie]?.hasPrefix("amicus_lang=ru; Path=/") == true)
                // The switch keeps the query and offers the other language.
                #expect(links(in: response.text, marker: "id=\"language-switch\"") == ["/precedents?country=RU&lang=en"])
            }
            try await client.execute(uri: "/render", method: .get, headers: [.acceptLanguage: "en", .cookie: "other=1; amicus_lang=ru"]) { response in
                #expect(response.text.contains("<h1>Подготовить документ</h1>"))
                #expect(response.headers[.setCookie] == nil, "only an explicit choice sets the cookie")
            }
            let bogus = try await client.execute(uri: "/precedents?lang=xx", method: .get, headers: [.acceptLanguage: "ru"])
            #expect(bogus.text.contains("<html lang=\"ru\">"), "an unknown ?lang= is ignored")
        }
    }

    @Test func acceptLanguageQualitiesAreWeighed() {
        #expect(Language.fromAcceptLanguage("en;q=0.5, ru;q=0.9") == .ru)
        #expect(Language.fromAcceptLanguage("fr, en-US;q=0.7, ru;q=0.3") == .en)
        #expect(Language.fromAcceptLanguage("ru;q=0, en;q=0.1") == .en)
        #expect(Language.fromAcceptLanguage("de, fr") == nil)
        #expect(Language.fromAcceptLanguage(nil) == nil)
    }
}
