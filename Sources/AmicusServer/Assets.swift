import Hummingbird

/// The stylesheet and the script, compiled into the binary: `/assets/…` is answered from memory, so no request
/// path reaches the file system, and the Content-Security-Policy can forbid inline code.
enum Assets {
    static func response(_ name: String) throws -> Response {
        let (body, type): (String, String)
        switch name {
        case "app.css": (body, type) = (stylesheet, "text/css; charset=utf-8")
        case "app.js": (body, type) = (script, "text/javascript; charset=utf-8")
        default: throw HTTPError(.notFound)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Copy buttons: `data-copy` holds the text, `data-copied` the word shown once it is on the clipboard.
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("button.copy").forEach(function (button) {
            button.addEventListener("click", function () {
              var text = button.getAttribute("data-copy") || "";
              var done = function () {
                var label = button.textContent;
                button.textContent = button.getAttribute("data-copied") || label;
                button.classList.add("done");
                setTimeout(function () { button.textContent = label; button.classList.remove("done"); }, 1500);
              };
              if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(text).then(done, function () { selectBeside(button); });
              } else {
                selectBeside(button);
              }
            });
          });
          function selectBeside(button) {
            var code = button.parentNode && button.parentNode.querySelector("code");
            if (!code) { return; }
            var range = document.createRange();
            range.selectNodeContents(code);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          }
        });
        """

    static let stylesheet = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d8dde5; --accent: #1f5fa8; --warn: #9a5b00; --bad: #a61b1b; --paper: #fbfbfa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--paper); }
        header.top { display: flex; gap: 1.5rem; align-items: baseline; padding: .7rem 1.5rem; background: #14304f; color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        header.top nav a { margin-right: 1rem; opacity: .9; }
        header.top .brand { font-weight: 700; font-size: 1.2rem; }
        header.top .lang { margin-left: auto; font-size: .9rem; border: 1px solid rgba(255,255,255,.5); padding: .1rem .6rem; border-radius: 1rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: .6rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
        a { color: var(--accent); }
        form.search { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-end; padding: .8rem; background: #fff; border: 1px solid var(--line); border-radius: .4rem; }
        form label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
        form label.wide { flex: 1 1 16rem; }
        form label.inline { flex-direction: row; align-items: center; gap: .4rem; color: var(--ink); font-size: .95rem; }
        input, select, textarea, button { font: inherit; color: var(--ink); }
        input, select { padding: .3rem .4rem; border: 1px solid var(--line); border-radius: .25rem; background: #fff; }
        textarea { width: 100%; padding: .5rem; border: 1px solid var(--line); border-radius: .25rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
        button { padding: .35rem .9rem; border: 1px solid var(--accent); border-radius: .25rem; background: var(--accent); color: #fff; cursor: pointer; }
        a.button { display: inline-block; padding: .35rem .9rem; border-radius: .25rem; background: var(--accent); color: #fff; text-decoration: none; }
        button.copy { padding: .05rem .5rem; font-size: .8rem; background: #fff; color: var(--accent); }
        button.copy.done { background: #e6f0e6; border-color: #2d7a2d; color: #2d7a2d; }
        .active-filters { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: .8rem 0 0; }
        .chip { display: inline-block; padding: .05rem .6rem; border-radius: 1rem; background: #e4ecf6; text-decoration: none; font-size: .9rem; }
        .search-layout { display: grid; grid-template-columns: 15rem 1fr; gap: 1.5rem; margin-top: 1rem; }
        @media (max-width: 50rem) { .search-layout { grid-template-columns: 1fr; } }
        .facets h2 { font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .facet { list-style: none; padding: 0; margin: 0; font-size: .92rem; }
        .facet li { display: flex; justify-content: space-between; border-bottom: 1px dotted var(--line); padding: .1rem 0; }
        .facet .n { color: var(--muted); font-variant-numeric: tabular-nums; }
        .hits { list-style: none; padding: 0; margin: 0; }
        .hit { background: #fff; border: 1px solid var(--line); border-radius: .4rem; padding: .6rem .9rem; margin-bottom: .7rem; }
        .hit h2 { margin: 0 0 .2rem; font-size: 1.1rem; }
        .citation { font-family: Georgia, "Times New Roman", serif; margin: .1rem 0; }
        .meta { color: var(--muted); font-size: .9rem; margin: .1rem 0; }
        .outcomes { list-style: none; padding: 0; margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .3rem .9rem; font-size: .9rem; }
        .outcomes .article { font-weight: 600; }
        .outcome.violation { color: var(--bad); }
        .outcome.none { color: var(--muted); font-style: italic; }
        .snippet { color: #333; font-size: .92rem; margin: .3rem 0 0; }
        mark { background: #fff1a8; }
        .unverified { display: inline-block; color: var(--warn); background: #fff4e0; border: 1px solid #f0c987; border-radius: .3rem; padding: 0 .4rem; font-size: .8rem; font-weight: 600; vertical-align: middle; }
        .unverified-box { border-left: 4px solid #f0c987; background: #fff8ec; padding: .4rem .8rem; margin: .5rem 0; }
        table.facts, table.citations { border-collapse: collapse; margin: .4rem 0; }
        table.facts th, table.citations th { text-align: left; color: var(--muted); font-weight: 500; padding: .2rem 1rem .2rem 0; vertical-align: top; white-space: nowrap; }
        table.facts td, table.citations td { padding: .2rem 0; }
        code.citation, .cite-line code { font-family: Georgia, "Times New Roman", serif; font-size: 1rem; background: #f1f3f6; padding: .05rem .3rem; border-radius: .2rem; }
        .paragraphs li { margin-bottom: .5rem; }
        .pinpoint { font-weight: 700; }
        .cite-line { margin-top: .2rem; font-size: .9rem; }
        .notice { color: var(--muted); }
        .muted { color: var(--muted); }
        .problem { color: var(--bad); font-weight: 600; }
        .problems { border: 1px solid #e5b4b4; background: #fdf1f1; border-radius: .4rem; padding: .6rem 1rem; margin: 1rem 0; }
        .problems ol { padding-left: 1.2rem; margin: .3rem 0; }
        .problems li { margin: .35rem 0; }
        .problems .where { font-weight: 700; font-variant-numeric: tabular-nums; }
        .problems .severity { text-transform: uppercase; font-size: .75rem; color: var(--bad); }
        .problems li.warning .severity { color: var(--warn); }
        .problems.warnings { border-color: #f0c987; background: #fff8ec; }
        pre.source-line { margin: .2rem 0 0; padding: .2rem .5rem; background: #fff; border: 1px solid #eed; border-radius: .2rem; overflow-x: auto; }
        pre.source-line .ln { color: var(--muted); margin-right: .6rem; }
        form.render { display: flex; flex-direction: column; gap: .8rem; background: #fff; border: 1px solid var(--line); border-radius: .4rem; padding: 1rem; }
        fieldset { border: 1px solid var(--line); border-radius: .3rem; display: flex; gap: 1rem; flex-wrap: wrap; }
        .error-page .status { color: var(--muted); font-weight: 400; }
        .pager { margin-top: 1rem; }
        """
}
