import AmicusPrecedents
import AmicusTemplate
import Foundation

/// The precedent corpus as templates see it: `cite(id, para=…, style=…)` and `precedents(article=…, …)`.
/// A render works from the loaded records; the SQLite index is for searching, not needed here.
public struct PrecedentSource: Sendable {
    public let corpus: PrecedentCorpus?
    /// Why there is no corpus: the templates' calls to cite() say this instead of citing.
    public let unavailable: String?
    /// Citations already formatted, by id, pinpoint and style: a batch or a long filing cites the same few
    /// precedents again and again.
    private let citations = CitationCache()

    public init(corpus: PrecedentCorpus) {
        self.corpus = corpus
        self.unavailable = nil
    }

    public init(unavailable reason: String) {
        self.corpus = nil
        self.unavailable = reason
    }

    /// The corpus found by `locate`, or a source that explains why there is none.
    public static func find(explicit: String?) -> PrecedentSource {
        guard let folder = locate(explicit: explicit) else {
            return PrecedentSource(unavailable: "no precedent corpus found: run from the Amicus folder, or set AMICUS_PRECEDENTS to the Precedents folder")
        }
        do {
            return PrecedentSource(corpus: try PrecedentCorpus.loadThroughIndex(from: folder))
        } catch {
            return PrecedentSource(unavailable: "the precedent corpus in \(folder.path) has \(error.diagnostics.count) error(s); run 'amicus precedents check'")
        }
    }

    /// Where the corpus is, in the order `amicus` looks: an explicit folder, then `AMICUS_PRECEDENTS`, then
    /// `Precedents/` in the current folder, then `Precedents/` installed beside the executable (or one level up,
    /// for a build folder inside the repository).
    public static func locate(explicit: String?, executable: String = CommandLine.arguments.first ?? "") -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["AMICUS_PRECEDENTS"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        let candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Precedents")]
            + besideExecutable(executable)
        return candidates.first { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }

    private static func besideExecutable(_ executable: String) -> [URL] {
        guard !executable.isEmpty else { return [] }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var result: [URL] = []
        for _ in 0..<5 {
            result.append(folder.appendingPathComponent("Precedents"))
            folder = folder.deletingLastPathComponent()
        }
        return result
    }

    /// The template functions, with citations in the style of `language` unless a template says otherwise.
    /// Unverified records and fields are reported to `notes` so a lawyer checks them before filing.
    func functions(language: String, notes: NoteCollector? = nil) -> [String: TemplateFunction] {
        guard let corpus = self.corpus else { return Self.unavailableFunctions(unavailable ?? "no precedent corpus") }
        let citations = self.citations
        let cite: TemplateFunction = { (args, kwargs) throws(TemplateCallError) -> Value in
            let arguments = try CallArguments(name: "cite", args, kwargs, positional: ["id", "para", "style"])
            guard let id = arguments.string("id") else { throw TemplateCallError("cite() needs the id of a precedent, e.g. cite('kim-v-russia-2014')") }
            guard let precedent = corpus[id] else {
                let suggestion = didYouMean(id, among: corpus.records.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw TemplateCallError("unknown precedent '\(id)'\(suggestion)")
            }
            var style = CitationStyle.defaultStyle(forLanguage: language, forum: precedent.forum)
            if let named = arguments.string("style") {
                guard let chosen = CitationStyle(rawValue: named) else {
                    throw TemplateCallError("unknown citation style '\(named)': use \(CitationStyle.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
                }
                style = chosen
            }
            let para = arguments.string("para")
            let citation = citations.citation(id: id, para: para, style: style) {
                precedent.citation(para: para, style: style)
            }
            if !citation.isVerified {
                let fields = citation.unverifiedFields.isEmpty ? "" : " (unverified: \(citation.unverifiedFields.joined(separator: ", ")))"
                notes?.add("cite('\(id)'): the record is not fully verified\(fields); check it against the source before filing: \(precedent.source)")
            }
            if citation.pinpointInCorpus == false {
                notes?.add("cite('\(id)', para=\(arguments.string("para") ?? "")): no key paragraph with that pinpoint in the corpus; check it against the judgment")
            }
            return .string(citation.text)
        }
        let search: TemplateFunction = { (args, kwargs) throws(TemplateCallError) -> Value in
            let arguments = try CallArguments(name: "precedents", args, kwargs, positional: ["article", "country", "forum"])
            var records = corpus.records
            if let text = arguments.string("article") {
                guard let article = ArticleCode(text) else { throw TemplateCallError("precedents(): unknown article '\(text)'") }
                records = records.filter { $0.articles.contains { article.covers($0) } }
            }
            if let text = arguments.string("country") {
                guard let country = CountryCode(parsing: text) else { throw TemplateCallError("precedents(): unknown country '\(text)'") }
                records = records.filter { $0.country == country }
            }
            if let text = arguments.string("forum") {
                guard let forum = Forum(parsing: text) else { throw TemplateCallError("precedents(): unknown forum '\(text)'") }
                records = records.filter { forum.filterCodes.contains($0.forum) }
            }
            records.sort { $0.date > $1.date || ($0.date == $1.date && $0.id < $1.id) }
            return .list(records.map { Self.value(of: $0, language: language) })
        }
        return ["cite": cite, "precedents": search]
    }

    /// When there is no corpus, the functions exist but say why instead of being "unknown functions".
    static func unavailableFunctions(_ reason: String) -> [String: TemplateFunction] {
        let missing: TemplateFunction = { (_, _) throws(TemplateCallError) -> Value in
            throw TemplateCallError(reason)
        }
        return ["cite": missing, "precedents": missing]
    }

    static func value(of precedent: Precedent, language: String) -> Value {
        let date = precedent.date
        let style = CitationStyle.defaultStyle(forLanguage: language, forum: precedent.forum)
        var pairs: [(String, Value)] = [
            ("id", .string(precedent.id)),
            ("title", .string(precedent.title)),
            ("title_ru", precedent.titleRU.map(Value.string) ?? .none),
            ("forum", .string(precedent.forum.rawValue)),
            ("forum_name", .string(precedent.forumName)),
            ("number", precedent.number.map(Value.string) ?? .none),
            ("symbol", precedent.symbol.map(Value.string) ?? .none),
            ("date", .date(CalendarDate(year: date.year, month: date.month, day: date.day))),
            ("country", .string(precedent.country.code)),
            ("articles", .list(precedent.articles.map { .string($0.canonical) })),
            ("keywords", .list(precedent.keywords.map(Value.string))),
            ("summary", .string(precedent.summary)),
            ("source", .string(precedent.source)),
            ("verified", .bool(precedent.isFullyVerified)),
        ]
        pairs.append(("citation", .string(cite(precedent, style: style))))
        return .dict(ValueDict(pairs))
    }
}

/// Formatted citations, kept for the life of the source; safe across threads.
final class CitationCache: @unchecked Sendable {
    private struct Key: Hashable {
        var id: String
        var para: String?
        var style: CitationStyle
    }
    private let lock = NSLock()
    private var stored: [Key: Citation] = [:]

    func citation(id: String, para: String?, style: CitationStyle, make: () -> Citation) -> Citation {
        let key = Key(id: id, para: para, style: style)
        lock.lock()
        if let found = stored[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        stored[key] = made
        lock.unlock()
        return made
    }
}

/// Notes gathered during a render from places that cannot return them (template functions), safely across threads.
final class NoteCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()
    private var items: [String] = []

    func add(_ note: String) {
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(note).inserted { items.append(note) }
    }

    var notes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// Positional and keyword arguments of a template function call, matched by name.
struct CallArguments {
    private var values: [String: Value] = [:]

    init(name: String, _ args: [Value], _ kwargs: [(String, Value)], positional names: [String]) throws(TemplateCallError) {
        guard args.count <= names.count else {
            throw TemplateCallError("\(name)() takes at most \(names.count) arguments (\(names.joined(separator: ", "))), got \(args.count)")
        }
        for (index, value) in args.enumerated() { values[names[index]] = value }
        for (key, value) in kwargs {
            guard names.contains(key) else {
                throw TemplateCallError("\(name)() has no argument '\(key)': it takes \(names.joined(separator: ", "))")
            }
            guard values[key] == nil else { throw TemplateCallError("\(name)() got '\(key)' twice") }
            values[key] = value
        }
    }

    /// The argument as given; nil when absent.
    func value(_ name: String) -> Value? { values[name] }

    /// The argument as text; numbers are accepted where text is meant (`para=56`), null counts as absent.
    func string(_ name: String) -> String? {
        switch values[name] {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .double(let number)?: return String(number)
        default: return nil
        }
    }
}
