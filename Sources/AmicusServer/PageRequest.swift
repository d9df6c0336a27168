import Hummingbird

/// What every page needs from its request: the decoded query, the language, and the address for the switch.
struct PageRequest: Sendable {
    var path: String
    var query: FormFields
    var language: Language
    /// The language asked for with `?lang=`, to be remembered in a cookie.
    var languageChosen: Language?

    init(_ request: Request) {
        path = request.uri.path
        query = FormFields(urlEncoded: request.uri.query ?? "")
        languageChosen = query["lang"].flatMap { Language(rawValue: $0.lowercased()) }
        language = Language.negotiate(query: query["lang"], cookieHeader: request.headers[.cookie],
                                      acceptLanguage: request.headers[.acceptLanguage])
    }

    func text(_ localized: Localized) -> String { language.pick(localized) }

    /// This address in the other language.
    var switchURL: String {
        var fields = query
        fields.set("lang", language.other.rawValue)
        return fields.url(path: path)
    }

    /// A whole HTML page as a response; remembers a language chosen with `?lang=`.
    func page(_ status: HTTPResponse.Status = .ok, title: String, body: HTML) -> Response {
        let document = Layout.page(title: title, body: body, request: self)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if let languageChosen {
            headers[.setCookie] = "\(Language.cookieName)=\(languageChosen.rawValue); Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document.markup)))
    }
}
