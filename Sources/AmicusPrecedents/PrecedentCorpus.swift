import Foundation
internal import Yams

/// One problem in one corpus file, printed like a compiler's:
/// `Precedents/foo.yaml:12:5: error: articles[2]: unknown article code 'ECHR-99'`.
public struct PrecedentDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the loader names it: `<directory as given>/<file name>`.
    public var file: String
    /// 1-based line and column (column counted in Unicode scalars, as libyaml does).
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found in a corpus, all files, in file then line order.
public struct CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [PrecedentDiagnostic]
    public init(diagnostics: [PrecedentDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The folder of precedent files, loaded and checked.
public struct PrecedentCorpus: Sendable {
    /// The folder.
    public let directory: URL
    /// Every record, sorted by id.
    public let records: [Precedent]

    public subscript(id: String) -> Precedent? { byID[id].map { records[$0] } }
    private let byID: [String: Int]

    init(directory: URL, records: [Precedent]) {
        self.directory = directory
        self.records = records.sorted { $0.id < $1.id }
        self.byID = Dictionary(self.records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The files that make up a corpus: `*.yaml` and `*.yml` directly in the folder, not hidden, sorted by name.
    public static func files(in directory: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted().map { directory.appendingPathComponent($0) }
    }

    /// Loads every file and checks it. Throws every problem of every file at once.
    public static func load(from directory: URL) throws(CorpusError) -> PrecedentCorpus {
        let (corpus, diagnostics) = check(directory: directory)
        guard diagnostics.isEmpty else { throw CorpusError(diagnostics: diagnostics) }
        return corpus
    }

    /// Loads what is valid and returns every problem alongside; a bad file is left out of the corpus.
    public static func check(directory: URL) -> (corpus: PrecedentCorpus, diagnostics: [PrecedentDiagnostic]) {
        let shown = directory.relativePath
        var diags: [PrecedentDiagnostic] = []
        let files: [URL]
        do { files = try PrecedentCorpus.files(in: directory) } catch {
            return (PrecedentCorpus(directory: directory, records: []),
                    [PrecedentDiagnostic(file: shown, line: 0, column: 0, message: "cannot read the folder: \(error.localizedDescription)")])
        }
        var records: [Precedent] = []
        var firstSeen: [String: (file: String, line: Int, column: Int)] = [:]
        for url in files {
            let display = shown + "/" + url.lastPathComponent
            let stem = url.deletingPathExtension().lastPathComponent
            var reader = RecordReader(file: display)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diags.append(PrecedentDiagnostic(file: display, line: 0, column: 0, message: "cannot read the file")); continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diags.append(PrecedentDiagnostic(file: display, line: 1, column: 1, message: "the file is not valid UTF-8")); continue
            }
            if let record = reader.read(yaml: text, expectedID: stem) {
                if let prior = firstSeen[record.id] {
                    let mark = reader.idMark ?? (1, 1)
                    diags.append(PrecedentDiagnostic(file: display, line: mark.0, column: mark.1,
                                                     message: "id: duplicate id '\(record.id)', already used by \(prior.file):\(prior.line):\(prior.column)"))
                } else {
                    let mark = reader.idMark ?? (1, 1)
                    firstSeen[record.id] = (display, mark.0, mark.1)
                    if reader.diagnostics.isEmpty { records.append(record) }
                }
            }
            diags.append(contentsOf: reader.diagnostics)
        }
        return (PrecedentCorpus(directory: directory, records: records), diags)
    }

    /// Parses one record from YAML text. `file` is how diagnostics name it; `expectedID` (the file stem) is checked if given.
    public static func parseRecord(yaml: String, file: String, expectedID: String? = nil) -> Result<Precedent, CorpusError> {
        var reader = RecordReader(file: file)
        let record = reader.read(yaml: yaml, expectedID: expectedID)
        if let record, reader.diagnostics.isEmpty { return .success(record) }
        return .failure(CorpusError(diagnostics: reader.diagnostics))
    }

    /// The fields a record may have.
    public static let schemaKeys: [String] = [
        "id", "title", "title_ru", "forum", "forum_name", "number", "symbol", "identifiers", "date", "decision_type",
        "country", "articles", "outcomes", "keywords", "summary", "key_paragraphs", "source", "verified", "unverified",
        "notes", "cite_as",
    ]
    /// The fields a record must have.
    public static let requiredKeys: [String] = ["id", "title", "forum", "forum_name", "date", "country", "summary", "source", "verified"]
}

// MARK: - Reading one record

private struct RecordReader {
    let file: String
    var diagnostics: [PrecedentDiagnostic] = []
    var idMark: (Int, Int)?

    init(file: String) { self.file = file }

    mutating func error(_ node: Node?, _ message: String) {
        let m = node?.mark
        diagnostics.append(PrecedentDiagnostic(file: file, line: m?.line ?? 1, column: m?.column ?? 1, message: message))
    }
    mutating func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(PrecedentDiagnostic(file: file, line: line, column: column, message: message))
    }

    mutating func read(yaml: String, expectedID: String?) -> Precedent? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let e as YamlError {
            reportYAML(e); return nil
        } catch {
            self.error(line: 1, column: 1, "cannot parse YAML: \(error)"); return nil
        }
        guard let root else { error(line: 1, column: 1, "the file is empty: expected a mapping of precedent fields"); return nil }
        guard case .mapping(let map) = root else { error(root, "expected a mapping of precedent fields"); return nil }

        var fields: [String: (key: Node, value: Node)] = [:]
        for (k, v) in map {
            guard let name = k.scalar?.string else { error(k, "a key must be a plain name"); continue }
            guard PrecedentCorpus.schemaKeys.contains(name) else {
                error(k, "unknown field '\(name)' (the fields are: \(PrecedentCorpus.schemaKeys.joined(separator: ", ")))")
                continue
            }
            fields[name] = (k, v)
        }
        for req in PrecedentCorpus.requiredKeys where fields[req] == nil {
            error(root, "missing required field '\(req)'")
        }

        // Scalars
        func string(_ name: String, nonEmpty: Bool = true) -> String? {
            guard let v = fields[name]?.value else { return nil }
            guard case .scalar(let s) = v else { error(v, "\(name): expected text"); return nil }
            if s.style == .plain && (s.string.isEmpty || s.string == "~" || s.string == "null") {
                error(v, "\(name): expected text, got nothing"); return nil
            }
            let t = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if nonEmpty && t.isEmpty { error(v, "\(name): must not be empty"); return nil }
            return t
        }
        func stringList(_ name: String) -> [(String, Node)]? {
            guard let v = fields[name]?.value else { return nil }
            guard case .sequence(let seq) = v else { error(v, "\(name): expected a list"); return nil }
            var out: [(String, Node)] = []
            for (i, item) in seq.enumerated() {
                guard case .scalar(let s) = item, !s.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    error(item, "\(name)[\(i)]: expected text"); continue
                }
                out.append((s.string.trimmingCharacters(in: .whitespacesAndNewlines), item))
            }
            return out
        }

        let id = string("id")
        if let id, let node = fields["id"]?.value {
            idMark = node.mark.map { ($0.line, $0.column) }
            if !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) || id.hasPrefix("-") {
                error(node, "id: '\(id)' must be lower-case letters, digits and hyphens")
            }
            if let expectedID, expectedID != id {
                error(node, "id: '\(id)' does not match the file name '\(expectedID)' (the id must equal the file name without .yaml)")
            }
        }
        let title = string("title")
        let titleRU = string("title_ru")
        var forum: Forum?
        if let f = string("forum"), let node = fields["forum"]?.value {
            forum = Forum(rawValue: f)
            if forum == nil {
                let hint = Forum(parsing: f).map { " (did you mean '\($0.rawValue)'?)" } ?? ""
                error(node, "forum: unknown forum code '\(f)'\(hint); codes: \(Forum.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let forumName = string("forum_name")
        let number = string("number")
        let symbol = string("symbol")
        var date: PrecedentDate?
        if let d = string("date"), let node = fields["date"]?.value {
            date = PrecedentDate(iso: d)
            if date == nil { error(node, "date: expected a real date like 2014-07-17, got '\(d)'") }
        }
        var decisionType: DecisionType?
        if let d = string("decision_type"), let node = fields["decision_type"]?.value {
            decisionType = DecisionType(rawValue: d)
            if decisionType == nil {
                error(node, "decision_type: unknown '\(d)'; one of \(DecisionType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var country: CountryCode?
        if let c = string("country"), let node = fields["country"]?.value {
            country = CountryCode(code: c)
            if country == nil {
                let hint = CountryCode(parsing: c).map { " (did you mean '\($0.code)'?)" } ?? ""
                error(node, "country: unknown country code '\(c)'\(hint); use ISO 3166-1 alpha-2 or 'general'")
            }
        }
        let summary = string("summary")
        let source = string("source")
        if let source, let node = fields["source"]?.value, !(source.hasPrefix("https://") || source.hasPrefix("http://")) {
            error(node, "source: expected an http(s) URL, got '\(source)'")
        }
        let notes = string("notes")
        let citeAs = string("cite_as")
        var verified: Bool?
        if let node = fields["verified"]?.value {
            if case .scalar(let s) = node, s.string == "true" || s.string == "false" {
                verified = s.string == "true"
            } else {
                error(node, "verified: expected true or false")
            }
        }

        // Articles
        var articles: [ArticleCode] = []
        for (i, (text, node)) in (stringList("articles") ?? []).enumerated() {
            if let code = ArticleCode(canonical: text) {
                if articles.contains(code) { error(node, "articles[\(i)]: '\(text)' is listed twice") }
                articles.append(code)
            } else if let loose = ArticleCode(text) {
                error(node, "articles[\(i)]: '\(text)' is not a canonical article code; write '\(loose.canonical)'")
            } else {
                error(node, "articles[\(i)]: unknown article code '\(text)'")
            }
        }

        // Outcomes
        var outcomes: [ArticleOutcome] = []
        if let node = fields["outcomes"]?.value {
            if case .mapping(let m) = node {
                for (k, v) in m {
                    guard let ks = k.scalar?.string else { error(k, "outcomes: a key must be an article code"); continue }
                    guard let code = ArticleCode(canonical: ks) else {
                        error(k, "outcomes: unknown article code '\(ks)'"); continue
                    }
                    if fields["articles"] != nil && !articles.contains(code) {
                        error(k, "outcomes: '\(ks)' is not in articles")
                    }
                    var values: [(String, Node)] = []
                    switch v {
                    case .scalar(let s): values = [(s.string, v)]
                    case .sequence(let seq): values = seq.map { ($0.scalar?.string ?? "", $0) }
                    default: error(v, "outcomes.\(ks): expected an outcome or a list of outcomes")
                    }
                    var list: [Outcome] = []
                    for (s, n) in values {
                        if let o = Outcome(rawValue: s) {
                            if list.contains(o) { error(n, "outcomes.\(ks): '\(s)' given twice") }
                            list.append(o)
                        } else {
                            error(n, "outcomes.\(ks): unknown outcome '\(s)'; one of \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                    }
                    if case .sequence(let seq) = v, seq.isEmpty { error(v, "outcomes.\(ks): empty list") }
                    if !list.isEmpty { outcomes.append(ArticleOutcome(article: code, outcomes: list)) }
                }
            } else {
                error(node, "outcomes: expected a mapping from article code to outcome")
            }
        }

        let keywords = (stringList("keywords") ?? []).map(\.0)

        // Key paragraphs
        var paragraphs: [KeyParagraph] = []
        if let node = fields["key_paragraphs"]?.value {
            if case .sequence(let seq) = node {
                for (i, item) in seq.enumerated() {
                    guard case .mapping(let m) = item else { error(item, "key_paragraphs[\(i)]: expected {pinpoint, text}"); continue }
                    var pin: String?, text: String?
                    for (k, v) in m {
                        let name = k.scalar?.string ?? ""
                        guard case .scalar(let s) = v, !s.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                            error(v, "key_paragraphs[\(i)].\(name): expected text"); continue
                        }
                        switch name {
                        case "pinpoint":
                            pin = s.string.trimmingCharacters(in: .whitespaces)
                            if !pin!.allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == "." || $0 == "," || $0 == " " }) || !pin!.first!.isASCIIDigit {
                                error(v, "key_paragraphs[\(i)].pinpoint: expected a paragraph number like 56, 56-58 or 2.1 (no § or para.), got '\(pin!)'")
                            }
                        case "text": text = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
                        default: error(k, "key_paragraphs[\(i)]: unknown field '\(name)' (fields: pinpoint, text)")
                        }
                    }
                    if pin == nil { error(item, "key_paragraphs[\(i)]: missing 'pinpoint'") }
                    if text == nil { error(item, "key_paragraphs[\(i)]: missing 'text'") }
                    if let pin, let text { paragraphs.append(KeyParagraph(pinpoint: pin, text: text)) }
                }
            } else {
                error(node, "key_paragraphs: expected a list of {pinpoint, text}")
            }
        }

        // Identifiers
        var identifiers: [String: String] = [:]
        if let node = fields["identifiers"]?.value {
            if case .mapping(let m) = node {
                for (k, v) in m {
                    guard let ks = k.scalar?.string, case .scalar(let s) = v, !s.string.isEmpty else {
                        error(v, "identifiers: expected name: value pairs"); continue
                    }
                    identifiers[ks] = s.string
                }
            } else { error(node, "identifiers: expected a mapping like {ecli: …, hudoc_itemid: …}") }
        }

        // Unverified
        var unverified: [String] = []
        let pathParents: Set<String> = ["outcomes", "articles", "key_paragraphs", "identifiers"]
        for (i, (text, node)) in (stringList("unverified") ?? []).enumerated() {
            let head = String(text.split(separator: ".", maxSplits: 1).first ?? "")
            if text.contains(".") {
                let tail = String(text.dropFirst(head.count + 1))
                if !pathParents.contains(head) {
                    error(node, "unverified[\(i)]: '\(text)': only outcomes., articles., key_paragraphs. and identifiers. take a sub-path")
                } else if head == "outcomes" || head == "articles", ArticleCode(canonical: tail) == nil {
                    error(node, "unverified[\(i)]: unknown article code '\(tail)'")
                }
            } else if !PrecedentCorpus.schemaKeys.contains(text) || ["id", "verified", "unverified"].contains(text) {
                error(node, "unverified[\(i)]: '\(text)' is not a field that can be unverified")
            }
            unverified.append(text)
        }

        guard let id, let title, let forum, let forumName, let date, let country, let summary, let source, let verified else {
            return nil
        }
        return Precedent(id: id, title: title, titleRU: titleRU, forum: forum, forumName: forumName, number: number,
                         symbol: symbol, identifiers: identifiers, date: date, decisionType: decisionType, country: country,
                         articles: articles, outcomes: outcomes, keywords: keywords, summary: summary,
                         keyParagraphs: paragraphs, source: source, verified: verified, unverified: unverified,
                         notes: notes, citeAs: citeAs)
    }

    mutating func reportYAML(_ e: YamlError) {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            error(line: mark.line, column: mark.column, "YAML: \(problem)\(ctx)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            error(line: context.mark.line, column: context.mark.column,
                  "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping")
        case .reader(let problem, _, _, _):
            error(line: 1, column: 1, "YAML: \(problem)")
        default:
            error(line: 1, column: 1, "YAML: \(e)")
        }
    }
}
