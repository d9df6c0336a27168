import Foundation

/// Finds template tags in the text of one paragraph, the way a person typed them: over the text of all its runs
/// at once, so a tag that Word cut into pieces (spell-check marks, revision ids, bookmarks, a bold letter) is still
/// one tag. Word's typing aids inside a tag (curly quotes, guillemets, non-breaking spaces) are turned back into
/// what the template language expects; inside string literals they are kept.
enum TagScanner {
    enum Scope: String, Sendable { case paragraph = "p", row = "tr", cell = "tc", run = "r" }

    enum TableExtension: Sendable, Equatable {
        case verticalMerge, horizontalMerge
        case colspan(String), cellBackground(String)
    }

    enum Kind: Sendable, Equatable {
        case print, block, comment
        case structural(Scope)
        case table(TableExtension)
    }

    struct Tag: Sendable {
        /// Scalar offsets in the paragraph text.
        var range: Range<Int>
        /// What the user typed, for messages.
        var original: String
        var kind: Kind
        /// The tag as the template engine reads it.
        var jinja: String
        var stripsBefore: Bool { jinja.hasPrefix("{%-") }
        var stripsAfter: Bool { jinja.hasSuffix("-%}") }
    }

    struct Problem: Sendable, Error {
        var range: Range<Int>
        var original: String
        var message: String
    }

    static func scan(_ text: [Unicode.Scalar]) -> (tags: [Tag], problems: [Problem]) {
        var tags: [Tag] = []
        var problems: [Problem] = []
        var i = 0
        while i + 1 < text.count {
            guard text[i] == "{", let opener = Opener(text[i + 1]) else {
                i += 1
                continue
            }
            switch findEnd(text, from: i, opener: opener) {
            case .success(let (end, jinja)):
                let original = String(String.UnicodeScalarView(text[i..<end]))
                switch classify(jinja, opener: opener) {
                case .success(let (kind, engineText)):
                    tags.append(Tag(range: i..<end, original: original, kind: kind, jinja: engineText))
                case .failure(let failure):
                    problems.append(Problem(range: i..<end, original: original, message: failure.message))
                }
                i = end
            case .failure(let failure):
                let shown = String(String.UnicodeScalarView(text[i..<min(text.count, i + 60)]))
                problems.append(Problem(range: i..<text.count, original: shown, message: failure.message))
                return (tags, problems)
            }
        }
        return (tags, problems)
    }

    private enum Opener {
        case print, block, comment
        init?(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "{": self = .print
            case "%": self = .block
            case "#": self = .comment
            default: return nil
            }
        }
        var closer: (Unicode.Scalar, Unicode.Scalar) {
            switch self {
            case .print: return ("}", "}")
            case .block: return ("%", "}")
            case .comment: return ("#", "}")
            }
        }
        var name: String {
            switch self {
            case .print: return "{{"
            case .block: return "{%"
            case .comment: return "{#"
            }
        }
    }

    private struct ScanFailure: Error { var message: String }

    /// Walks to the end of the tag starting at `start`, honouring string literals, and builds the engine's text.
    private static func findEnd(
        _ text: [Unicode.Scalar], from start: Int, opener: Opener
    ) -> Result<(Int, String), ScanFailure> {
        var out = String.UnicodeScalarView()
        out.append(text[start])
        out.append(text[start + 1])
        var i = start + 2
        let (close1, close2) = opener.closer
        var quote: (closers: Set<Unicode.Scalar>, straight: Unicode.Scalar)? = nil
        while i < text.count {
            let c = text[i]
            if let q = quote {
                if q.closers.contains(c) {
                    out.append(q.straight)
                    quote = nil
                } else if c == "\\" && i + 1 < text.count && q.closers.contains(text[i + 1]) && q.closers.count == 1 {
                    out.append(c)
                    out.append(text[i + 1])
                    i += 1
                } else if c == q.straight && !q.closers.contains(c) {
                    // A straight quote inside a string that Word opened with a curly one.
                    out.append("\\")
                    out.append(c)
                } else {
                    out.append(c)
                }
                i += 1
                continue
            }
            if c == close1 && i + 1 < text.count && text[i + 1] == close2 {
                out.append(c)
                out.append(close2)
                return .success((i + 2, String(out)))
            }
            if opener != .comment, let opened = stringOpener(c) {
                quote = opened
                out.append(opened.straight)
                i += 1
                continue
            }
            switch c {
            case "\u{00A0}", "\u{202F}", "\u{2007}", "\u{2009}": out.append(" ")
            case "\u{2013}" where opener != .comment, "\u{2014}" where opener != .comment: out.append("-")
            default: out.append(c)
            }
            i += 1
        }
        if quote != nil {
            return .failure(ScanFailure(message: "a string in this tag is never closed before the end of the paragraph"))
        }
        return .failure(ScanFailure(message: "'\(opener.name)' is not closed in this paragraph (a tag must start and end in the same paragraph)"))
    }

    private static func stringOpener(_ c: Unicode.Scalar) -> (closers: Set<Unicode.Scalar>, straight: Unicode.Scalar)? {
        switch c {
        case "\"": return (["\""], "\"")
        case "'": return (["'"], "'")
        case "\u{00AB}": return (["\u{00BB}"], "\"")                                   // « »
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": return (["\u{201C}", "\u{201D}", "\u{201F}"], "\"")
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": return (["\u{2018}", "\u{2019}", "\u{201B}"], "'")
        default: return nil
        }
    }

    private static func classify(_ jinja: String, opener: Opener) -> Result<(Kind, String), ScanFailure> {
        switch opener {
        case .comment:
            return .success((.comment, jinja))
        case .print:
            let body = jinja.dropFirst(2)
            if let scope = body.first, scope == "p" || scope == "r", body.dropFirst().first?.isWhitespace == true {
                return .failure(ScanFailure(message: "'{{\(scope) …}}' inserts raw document markup (a subdocument or rich text), which Amicus does not do: values are always text; write '{{ … }}'"))
            }
            return .success((.print, jinja))
        case .block:
            let body = jinja.dropFirst(2)
            for scope in [Scope.row, .cell, .paragraph, .run] {
                let prefix = scope.rawValue
                if body.hasPrefix(prefix), body.dropFirst(prefix.count).first?.isWhitespace == true {
                    return .success((.structural(scope), "{%" + body.dropFirst(prefix.count)))
                }
            }
            var inner = Substring(body.dropLast(2))
            if inner.hasPrefix("-") { inner = inner.dropFirst() }
            if inner.hasSuffix("-") { inner = inner.dropLast() }
            let words = inner.split(maxSplits: 1, whereSeparator: \.isWhitespace)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            switch words.first {
            case "vm" where words.count == 1: return .success((.table(.verticalMerge), jinja))
            case "hm" where words.count == 1: return .success((.table(.horizontalMerge), jinja))
            case "colspan":
                guard words.count == 2 else { return .failure(ScanFailure(message: "'colspan' needs the number of columns: {% colspan 2 %}")) }
                return .success((.table(.colspan(words[1])), jinja))
            case "cellbg":
                guard words.count == 2 else { return .failure(ScanFailure(message: "'cellbg' needs a colour: {% cellbg 'FF0000' %}")) }
                return .success((.table(.cellBackground(words[1])), jinja))
            default:
                return .success((.block, jinja))
            }
        }
    }
}
