import Foundation

/// A canonical article code: `INSTRUMENT-ARTICLE[-PARAGRAPH][-letter]`.
///
/// `ECHR-5-1-f` (Art. 5 § 1 (f) ECHR), `ECHR-8`, `ECHR-P4-4` (Art. 4 of Protocol No. 4), `CRC-9`, `CRC-37-b`
/// (art. 37 (b) CRC, no numbered paragraph), `CRC-3-1`, `ICCPR-23-1`, `OP3-CRC-6`, `RU-CAO-31.7` (KoAP RF
/// art. 31.7), `RU-Const-22`. Codes are hierarchical: `ECHR-5` covers `ECHR-5-1` and `ECHR-5-1-f`; not the reverse.
public struct ArticleCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `ECHR`, `ECHR-P4`, `CRC`, `OP3-CRC`, `ICCPR`, `RU-CAO`…
    public let instrument: String
    /// `5`, `37`, `31.7`.
    public let article: String
    public let paragraph: Int?
    /// A single Latin letter: `f`, `b`.
    public let subparagraph: String?

    init(instrument: String, article: String, paragraph: Int?, subparagraph: String?) {
        self.instrument = instrument; self.article = article; self.paragraph = paragraph; self.subparagraph = subparagraph
    }

    /// The canonical string: `ECHR-5-1-f`.
    public var canonical: String {
        var s = instrument + "-" + article
        if let p = paragraph { s += "-" + String(p) }
        if let l = subparagraph { s += "-" + l }
        return s
    }
    public var description: String { canonical }

    /// The code and every broader code, broadest first: `ECHR-5`, `ECHR-5-1`, `ECHR-5-1-f`.
    public var ancestors: [ArticleCode] {
        var out = [ArticleCode(instrument: instrument, article: article, paragraph: nil, subparagraph: nil)]
        if let p = paragraph { out.append(ArticleCode(instrument: instrument, article: article, paragraph: p, subparagraph: nil)) }
        if subparagraph != nil { out.append(self) }
        return out
    }

    /// Hierarchical match: `ECHR-5` covers `ECHR-5-1-f`; `ECHR-5-1-f` does not cover `ECHR-5`.
    public func covers(_ other: ArticleCode) -> Bool { other.ancestors.contains(self) }

    // MARK: Parsing

    /// Strict: exactly the canonical form (`ECHR-5-1-f`), as the corpus files must write it.
    public init?(canonical text: String) {
        guard case .success(let c)? = ArticleCode.parseCanonical(text, caseInsensitive: false) else { return nil }
        self = c
    }

    /// Forgiving: what people type (`Art. 5 § 1 (f) ECHR`, `ст. 37 (b) КПР`, `CRC 9`, `5-1-f`…); nil if it cannot be read.
    public init?(_ text: String) {
        guard let c = try? ArticleCode(parsing: text) else { return nil }
        self = c
    }

    /// Forgiving, with the reason when the text cannot be read. A bare number (`5-1-f`, `Art. 8`) is ECHR.
    public init(parsing text: String) throws(ArticleCodeError) {
        switch ArticleCode.parseForgiving(text) {
        case .success(let c): self = c
        case .failure(let e): throw e
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = ArticleCode(canonical: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown article code \(s)")
        }
        self = v
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(canonical)
    }

    public static func < (a: ArticleCode, b: ArticleCode) -> Bool {
        if a.instrument != b.instrument {
            let ia = InstrumentSpec.order[a.instrument] ?? Int.max, ib = InstrumentSpec.order[b.instrument] ?? Int.max
            return ia != ib ? ia < ib : a.instrument < b.instrument
        }
        let pa = a.article.split(separator: ".").map { Int($0) ?? 0 }, pb = b.article.split(separator: ".").map { Int($0) ?? 0 }
        if pa != pb { return pa.lexicographicallyPrecedes(pb) }
        if a.paragraph != b.paragraph { return (a.paragraph ?? -1) < (b.paragraph ?? -1) }
        return (a.subparagraph ?? "") < (b.subparagraph ?? "")
    }

    // MARK: Labels

    /// How a lawyer writes it: `Art. 5 § 1 (f) ECHR`, `Art. 4 of Protocol No. 4`, `art. 37 (b) CRC`;
    /// in Russian `ст. 5 § 1 (f) ЕКПЧ`, `ст. 37 (b) КПР`, `ст. 31.7 КоАП РФ`.
    public func label(language: String = "en") -> String {
        let spec = InstrumentSpec.byCode[instrument]
        let ru = language.lowercased().hasPrefix("ru")
        let isECHR = instrument.hasPrefix("ECHR")
        var s = (ru ? "ст. " : (isECHR ? "Art. " : "art. ")) + article
        if let p = paragraph { s += isECHR ? " § \(p)" : (ru ? " ч. \(p)" : " (\(p))") }
        if let l = subparagraph { s += " (\(l))" }
        if let n = spec?.protocolNumber {
            s += ru ? " Протокола № \(n) к ЕКПЧ" : " of Protocol No. \(n) to the ECHR"
        } else if let spec {
            s += " " + (ru ? spec.shortRU : spec.shortEN)
        }
        return s
    }
}

/// Why a text is not an article code. `description`: `unknown article 'ECHR-99': ECHR has no article 99 (1–59)`.
public struct ArticleCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was typed.
    public let input: String
    public let reason: String
    public var description: String { "unknown article '\(input)': \(reason)" }
}

// MARK: - Instruments

struct InstrumentSpec: Sendable {
    let code: String
    let articles: ClosedRange<Int>
    /// KoAP-style article numbers `31.7` (chapter.article), where the chapter is in `articles`.
    let dotted: Bool
    let shortEN: String
    let shortRU: String
    let protocolNumber: Int?
    /// Alias phrases as word patterns; a trailing `*` matches any ending (Russian cases).
    let aliases: [[String]]

    static let all: [InstrumentSpec] = {
        func p(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }
        func spec(_ code: String, _ r: ClosedRange<Int>, dotted: Bool = false, en: String, ru: String,
                  protocolNumber: Int? = nil, _ aliases: [String]) -> InstrumentSpec {
            InstrumentSpec(code: code, articles: r, dotted: dotted, shortEN: en, shortRU: ru, protocolNumber: protocolNumber,
                           aliases: aliases.map(p))
        }
        return [
            spec("ECHR", 1...59, en: "ECHR", ru: "ЕКПЧ", [
                "echr", "ecthr", "еспч", "екпч", "convention", "european convention", "european convention on human rights",
                "convention for the protection of human rights", "convention for the protection of human rights and fundamental freedoms",
                "конвенци*", "европейск* конвенци*", "европейск* конвенци* о защите прав человека",
                "конвенци* о защите прав человека", "конвенци* о защите прав человека и основных свобод",
                "европейск* конвенци* о защите прав человека и основных свобод"]),
            spec("ECHR-P1", 1...6, en: "P1", ru: "П1", protocolNumber: 1, []),
            spec("ECHR-P4", 1...7, en: "P4", ru: "П4", protocolNumber: 4, []),
            spec("ECHR-P6", 1...9, en: "P6", ru: "П6", protocolNumber: 6, []),
            spec("ECHR-P7", 1...10, en: "P7", ru: "П7", protocolNumber: 7, []),
            spec("ECHR-P12", 1...6, en: "P12", ru: "П12", protocolNumber: 12, []),
            spec("ECHR-P13", 1...8, en: "P13", ru: "П13", protocolNumber: 13, []),
            spec("CRC", 1...54, en: "CRC", ru: "КПР", [
                "crc", "uncrc", "convention on the rights of the child", "un convention on the rights of the child",
                "кпр", "конвенци* о правах ребенка", "конвенци* оон о правах ребенка"]),
            spec("OP3-CRC", 1...24, en: "OP3-CRC", ru: "ФП3 КПР", [
                "op3 crc", "op3", "opic", "optional protocol on a communications procedure",
                "optional protocol to the convention on the rights of the child on a communications procedure",
                "фп3", "факультативн* протокол* к конвенци* о правах ребенка касающ* процедуры сообщений",
                "факультативн* протокол* о процедуре сообщений"]),
            spec("ICCPR", 1...53, en: "ICCPR", ru: "МПГПП", [
                "iccpr", "covenant", "international covenant on civil and political rights", "мпгпп", "пакт*",
                "международн* пакт* о гражданских и политических правах"]),
            spec("OP1-ICCPR", 1...14, en: "OP1-ICCPR", ru: "ФП1 МПГПП", [
                "op1 iccpr", "first optional protocol to the international covenant on civil and political rights",
                "первый факультативный протокол к международному пакту о гражданских и политических правах"]),
            spec("ICESCR", 1...31, en: "ICESCR", ru: "МПЭСКП", [
                "icescr", "international covenant on economic social and cultural rights", "мпэскп",
                "международн* пакт* об экономических социальных и культурных правах"]),
            spec("CMW", 1...93, en: "CMW", ru: "МКЗПТМ", [
                "cmw", "icrmw", "migrant workers convention",
                "international convention on the protection of the rights of all migrant workers and members of their families",
                "мкзптм", "конвенци* о защите прав всех трудящихся мигрантов и членов их семей",
                "международн* конвенци* о защите прав всех трудящихся мигрантов и членов их семей"]),
            spec("CEDAW", 1...30, en: "CEDAW", ru: "КЛДЖ", [
                "cedaw", "convention on the elimination of all forms of discrimination against women", "клдж",
                "конвенци* о ликвидации всех форм дискриминации в отношении женщин"]),
            spec("CAT", 1...33, en: "CAT", ru: "КПП", [
                "cat", "uncat", "convention against torture",
                "convention against torture and other cruel inhuman or degrading treatment or punishment",
                "конвенци* против пыток"]),
            spec("CERD", 1...25, en: "CERD", ru: "КЛРД", [
                "cerd", "icerd", "international convention on the elimination of all forms of racial discrimination",
                "конвенци* о ликвидации всех форм расовой дискриминации"]),
            spec("CRPD", 1...50, en: "CRPD", ru: "КПИ", [
                "crpd", "convention on the rights of persons with disabilities", "конвенци* о правах инвалидов"]),
            spec("RU-Const", 1...137, en: "Constitution of the Russian Federation", ru: "Конституции РФ", [
                "constitution", "russian constitution", "constitution of russia", "constitution of the russian federation",
                "конституци*", "конституци* рф", "конституци* российской федерации"]),
            spec("RU-CAO", 1...32, dotted: true, en: "Code of Administrative Offences", ru: "КоАП РФ", [
                "cao", "koap", "code of administrative offences", "code of administrative offences of the russian federation",
                "коап", "коап рф", "кодекс* об административных правонарушениях",
                "кодекс* российской федерации об административных правонарушениях"]),
            spec("RU-CAS", 1...999, en: "Code of Administrative Procedure", ru: "КАС РФ", [
                "cas", "kas", "code of administrative procedure", "code of administrative court procedure",
                "кас", "кас рф", "кодекс* административного судопроизводства",
                "кодекс* административного судопроизводства российской федерации"]),
        ]
    }()

    static let byCode: [String: InstrumentSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.code, $0) })
    static let byUpperCode: [String: InstrumentSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.code.uppercased(), $0) })
    /// Codes longest first, so `ECHR-P4` is tried before `ECHR`.
    static let codesLongestFirst: [InstrumentSpec] = all.sorted { $0.code.count > $1.code.count }
    /// (alias words, instrument), longest phrase first.
    static let aliasTable: [([String], String)] = all
        .flatMap { s in s.aliases.map { ($0, s.code) } }
        .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0.joined().count > $1.0.joined().count }

    /// Checks an article number against the instrument; nil when valid, else the reason.
    func check(article: String) -> String? {
        let parts = article.split(separator: ".", omittingEmptySubsequences: false)
        if dotted {
            guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && $0.first != "0" }),
                  let chapter = Int(parts[0]), articles.contains(chapter) else {
                return "\(code) has no article \(article)"
            }
            return nil
        }
        guard parts.count == 1, let n = Int(article), article.first != "0", articles.contains(n) else {
            return "\(code) has no article \(article) (articles \(articles.lowerBound)–\(articles.upperBound))"
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

// MARK: - Parsers

extension ArticleCode {
    /// nil when the text does not start with an instrument code; otherwise the parse or the reason it fails.
    static func parseCanonical(_ text: String, caseInsensitive: Bool) -> Result<ArticleCode, ArticleCodeError>? {
        func fail(_ r: String) -> Result<ArticleCode, ArticleCodeError> { .failure(ArticleCodeError(input: text, reason: r)) }
        let probe = caseInsensitive ? text.uppercased() : text
        guard let spec = InstrumentSpec.codesLongestFirst.first(where: {
            probe.hasPrefix((caseInsensitive ? $0.code.uppercased() : $0.code) + "-")
        }) else { return nil }
        let rest = text.dropFirst(spec.code.count + 1)
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let art = parts.first, !art.isEmpty else { return fail("no article number after '\(spec.code)-'") }
        if let r = spec.check(article: art) { return fail(r) }
        var paragraph: Int?
        var letter: String?
        var i = 1
        if i < parts.count, let p = Int(parts[i]), parts[i].allSatisfy(\.isASCIIDigit), parts[i].first != "0" {
            guard p <= 99 else { return fail("paragraph \(p) is out of range") }
            paragraph = p; i += 1
        }
        if i < parts.count {
            let l = caseInsensitive ? parts[i].lowercased() : parts[i]
            guard l.count == 1, let c = l.first, c.isASCII, c.isLowercase else {
                return fail("'\(parts[i])' is neither a paragraph number nor a sub-paragraph letter (a–z)")
            }
            letter = l; i += 1
        }
        guard i == parts.count else { return fail("too many parts after \(spec.code)-\(art)") }
        return .success(ArticleCode(instrument: spec.code, article: art, paragraph: paragraph, subparagraph: letter))
    }

    private enum Token: Equatable {
        case word(String)
        case number(String)
        case section        // §
        case numero         // №
    }

    private static func tokenize(_ text: String) -> [Token] {
        var out: [Token] = []
        var run = ""
        let chars = Array(text.lowercased().replacingOccurrences(of: "ё", with: "е"))
        func flush() {
            guard !run.isEmpty else { return }
            defer { run = "" }
            while run.last == "." { run.removeLast() }
            if run.isEmpty { return }
            if run.allSatisfy({ $0.isASCIIDigit || $0 == "." }) { out.append(.number(run)); return }
            // "37b" -> 37, b
            if let last = run.last, last.isLetter, run.dropLast().allSatisfy(\.isASCIIDigit), run.count > 1 {
                out.append(.number(String(run.dropLast()))); out.append(.word(String(last))); return
            }
            out.append(.word(run))
        }
        for (i, c) in chars.enumerated() {
            if c.isLetter || c.isASCIIDigit {
                run.append(c)
            } else if c == ".", let prev = run.last, prev.isASCIIDigit, i + 1 < chars.count, chars[i + 1].isASCIIDigit {
                run.append(c)
            } else {
                flush()
                if c == "§" { out.append(.section) } else if c == "№" { out.append(.numero) }
            }
        }
        flush()
        return out
    }

    private static func wordMatches(_ pattern: String, _ word: String) -> Bool {
        if pattern.hasSuffix("*") { return word.hasPrefix(pattern.dropLast()) }
        return pattern == word
    }

    private static let articleMarkers: Set<String> = ["art", "arts", "article", "articles", "ст", "стст", "статья",
                                                       "статьи", "статье", "статьей", "статью", "статей", "статьям"]
    private static let paragraphMarkers: Set<String> = ["para", "paras", "paragraph", "paragraphs", "п", "пункт", "пункта",
                                                         "пункте", "пунктом", "пунктов", "ч", "часть", "части", "частью", "abs"]
    private static let subparagraphMarkers: Set<String> = ["пп", "подп", "подпункт", "подпункта", "подпункте", "подпунктом",
                                                            "sub", "subparagraph", "subpara", "lit", "litt", "letter", "литера", "литеры"]
    private static let fillers: Set<String> = ["of", "the", "to", "in", "under", "к", "о", "в", "по", "de", "la"]
    /// Cyrillic letters that look like Latin ones, as typed for a sub-paragraph letter.
    private static let homoglyphs: [String: String] = ["а": "a", "с": "c", "е": "e"]

    static func parseForgiving(_ input: String) -> Result<ArticleCode, ArticleCodeError> {
        func fail(_ r: String) -> Result<ArticleCode, ArticleCodeError> { .failure(ArticleCodeError(input: input, reason: r)) }
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return fail("empty") }
        if let r = parseCanonical(trimmed, caseInsensitive: true) { return r }

        var tokens = tokenize(trimmed).map(Optional.some)
        // 1. Instruments named by their aliases, longest phrase first.
        var instruments: [String] = []
        for (alias, code) in InstrumentSpec.aliasTable {
            var i = 0
            while i + alias.count <= tokens.count {
                var ok = true
                for k in 0..<alias.count {
                    guard case .word(let w)? = tokens[i + k], wordMatches(alias[k], w) else { ok = false; break }
                }
                if ok {
                    if !instruments.contains(code) { instruments.append(code) }
                    for k in 0..<alias.count { tokens[i + k] = nil }
                    i += alias.count
                } else { i += 1 }
            }
        }
        // 2. Protocols: "Protocol No. 4", "Протокола № 4", "P4".
        var protocolNo: Int?
        var i = 0
        while i < tokens.count {
            if case .word(let w)? = tokens[i] {
                if w.count >= 2, w.first == "p", let n = Int(w.dropFirst()), w.dropFirst().allSatisfy(\.isASCIIDigit) {
                    if protocolNo != nil && protocolNo != n { return fail("names two protocols") }
                    protocolNo = n; tokens[i] = nil; i += 1; continue
                }
                if w == "protocol" || w.hasPrefix("протокол") {
                    var j = i + 1
                    while j < tokens.count, let t = tokens[j], t == .numero || t == .word("no") || t == .word("nos") || t == .word("n") || t == .word("nr") {
                        j += 1
                    }
                    if j < tokens.count, case .number(let s)? = tokens[j], let n = Int(s) {
                        if protocolNo != nil && protocolNo != n { return fail("names two protocols") }
                        protocolNo = n
                        for k in i...j { tokens[k] = nil }
                        i = j + 1; continue
                    }
                    return fail("'\(w)' without a protocol number")
                }
            }
            i += 1
        }
        if instruments.count > 1 {
            return fail("names more than one instrument (\(instruments.joined(separator: ", ")))")
        }
        var instrument = instruments.first ?? "ECHR"
        if let n = protocolNo {
            guard instrument == "ECHR" else { return fail("a protocol number goes with the ECHR, not \(instrument)") }
            instrument = "ECHR-P\(n)"
            guard InstrumentSpec.byCode[instrument] != nil else { return fail("no ECHR Protocol No. \(n) with rights in Amicus's list") }
        }
        let spec = InstrumentSpec.byCode[instrument]!

        // 3. Numbers and letters, with their markers.
        enum Role { case article, paragraph, subparagraph }
        var pending: Role?
        var article: String?
        var paragraph: Int?
        var letter: String?
        func assign(number s: String) -> String? {
            var pieces = [s]
            if !spec.dotted && s.contains(".") { pieces = s.split(separator: ".").map(String.init) }  // "5.1" = 5 § 1
            for (n, piece) in pieces.enumerated() {
                let role: Role
                if n == 0, let p = pending { role = p } else if article == nil { role = .article } else { role = .paragraph }
                switch role {
                case .article:
                    if article != nil { return "names more than one article" }
                    article = piece
                case .paragraph:   // also before the article: "п. 1 ст. 5"
                    if paragraph != nil { return "names more than one paragraph" }
                    guard let v = Int(piece), piece.first != "0", v <= 99 else { return "'\(piece)' is not a paragraph number" }
                    paragraph = v
                case .subparagraph:
                    return "'\(piece)' is not a sub-paragraph letter"
                }
            }
            pending = nil
            return nil
        }
        for t in tokens {
            guard let t else { continue }
            switch t {
            case .section: pending = .paragraph
            case .numero: continue
            case .number(let s):
                if let r = assign(number: s) { return fail(r) }
            case .word(let w):
                if articleMarkers.contains(w) { pending = .article; continue }
                if paragraphMarkers.contains(w) { if pending != .subparagraph { pending = .paragraph }; continue }
                if subparagraphMarkers.contains(w) { pending = .subparagraph; continue }
                if fillers.contains(w) { continue }
                if w.count == 1 {
                    var l = w
                    if let h = homoglyphs[w] { l = h }
                    guard let c = l.first, c.isASCII, c.isLetter else {
                        return fail("sub-paragraph letter '\(w)' must be a Latin letter, as in the treaty text")
                    }
                    if letter != nil { return fail("names more than one sub-paragraph") }
                    letter = l
                    pending = nil
                    continue
                }
                return fail("unrecognised word '\(w)'")
            }
        }
        guard let art = article else {
            return fail("no article number")
        }
        if let r = spec.check(article: art) { return fail(r) }
        return .success(ArticleCode(instrument: instrument, article: art, paragraph: paragraph, subparagraph: letter))
    }
}
