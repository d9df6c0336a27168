/// The frame around every page: head, navigation, language switch. Styles and scripts come from `/assets/`
/// only, so the Content-Security-Policy can forbid inline code.
enum Layout {
    static func page(title: String, body: HTML, request: PageRequest) -> HTML {
        let t = request.text
        let nav: HTML = """
            <header class="top"><a class="brand" href="/precedents">Amicus</a>
            <nav><a href="/precedents">\(t(Strings.navPrecedents))</a> <a href="/render">\(t(Strings.navRender))</a></nav>
            <a class="lang" id="language-switch" hreflang="\(request.language.other.rawValue)" href="\(request.switchURL)">\(t(Strings.switchLanguage))</a></header>
            """
        return """
            <!DOCTYPE html>
            <html lang="\(request.language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — Amicus</title>
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script></head>
            <body>\(nav)<main>
            \(body)
            </main></body></html>
            """
    }
}
