/// A function templates can call, e.g. `cite('kim-v-russia-2014', para=56)`.
public typealias TemplateFunction = @Sendable (_ args: [Value], _ kwargs: [(String, Value)]) throws(TemplateCallError) -> Value
/// A filter templates can apply, e.g. `{{ x | footnote }}`.
public typealias TemplateFilter = @Sendable (_ input: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws(TemplateCallError) -> Value
/// Turns printed text into the output format (XML escaping, `\n` -> line break). Throws for a character the format cannot hold.
public typealias OutputEscaper = @Sendable (_ text: String) throws(TemplateCallError) -> String

/// How one render behaves. The template itself is parsed once and can be rendered many times with different options.
public struct RenderOptions: Sendable {
    /// Undefined or null names render empty and are listed in `warnings`, instead of being errors.
    public var lenient: Bool = false
    /// Applied to every `{{ }}` output; nil = text as is. Literal template text is never escaped.
    public var escape: OutputEscaper? = nil
    /// Functions templates may call (`cite(…)`, `precedents(…)`): the engine has no I/O, callers bring it.
    /// A name of a built-in function (`range`, `namespace`, `dict`, `plural`) is not overridden.
    public var functions: [String: TemplateFunction] = [:]
    /// Filters templates may apply, beyond the built-ins (which cannot be overridden).
    public var filters: [String: TemplateFilter] = [:]
    /// Default locale of the `date` and `plural` filters ("ru" or "en").
    public var locale: String = "en"
    /// Total size of the values a render may compute (see Evaluator.maxWork); lowered only by tests.
    var workBudget: Int = Evaluator.maxWork

    public init(lenient: Bool = false, escape: OutputEscaper? = nil, functions: [String: TemplateFunction] = [:],
                filters: [String: TemplateFilter] = [:], locale: String = "en") {
        self.lenient = lenient; self.escape = escape; self.functions = functions
        self.filters = filters; self.locale = locale
    }
}

/// The result of a render. Rendering never throws: every problem is collected so a template's errors come in one run.
public struct RenderOutcome: Sendable {
    public var output: String
    /// Non-empty means the render failed (strict mode); `output` is then only a best effort.
    public var errors: [TemplateDiagnostic]
    /// Lenient mode: each undefined name rendered empty; always: tested names that look misspelled.
    public var warnings: [TemplateDiagnostic]
    public init(output: String, errors: [TemplateDiagnostic], warnings: [TemplateDiagnostic]) {
        self.output = output; self.errors = errors; self.warnings = warnings
    }
}

/// A parsed template: parse once, render many times.
///
/// Parsing builds a tree; rendering walks it with a fresh evaluator, so one Template can be rendered many times
/// and from several threads at once.
public struct Template: Sendable {
    /// The name used in messages, e.g. the part of the document the source came from.
    public let name: String
    let sourceBytes: [UInt8]
    let body: [Node]
    /// UTF-8 offsets where lines start, for turning offsets into line and column.
    let lineStarts: [Int]
    private let paths: [String]

    /// Parses `source`; throws every syntax error at once.
    public init(source: String, name: String = "<template>") throws(TemplateErrors) {
        try self.init(source: source, name: name, knownFilters: nil)
    }

    /// Parses `source`, also rejecting at parse time any filter that is neither built in nor in `knownFilters`
    /// (pass the names of the filters the RenderOptions will supply). Without it, an unknown filter is reported
    /// when the template is rendered.
    public init(source: String, name: String = "<template>", knownFilters: Set<String>?) throws(TemplateErrors) {
        self.name = name
        sourceBytes = Array(source.utf8)
        var starts = [0]
        for (i, b) in sourceBytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        let lexed = Lexer.lex(source)
        var parser = Parser()
        let nodes = parser.parse(lexed.pieces)
        var raw: [(message: String, offset: Int, tag: Range<Int>?)] = lexed.diagnostics
        raw += parser.diagnostics.map { ($0.message, $0.offset, $0.tag) }
        if let knownFilters {
            var unknown: [(String, Int, Range<Int>?)] = []
            Template.checkFilters(nodes, known: knownFilters, tag: nil, into: &unknown)
            raw += unknown.map { ($0.0, $0.1, $0.2) }
        }
        body = nodes
        paths = raw.isEmpty ? PathCollector.collect(nodes) : []
        if !raw.isEmpty {
            // By position; "too many errors" stays last.
            raw.sort { a, b in
                let la = a.message == Parser.tooManyMessage, lb = b.message == Parser.tooManyMessage
                if la != lb { return lb }
                return a.offset < b.offset
            }
            let starts = lineStarts, bytes = sourceBytes
            throw TemplateErrors(diagnostics: raw.map {
                TemplateDiagnostic(kind: .syntax, message: $0.message,
                                   location: Template.location(of: $0.offset, lineStarts: starts, bytes: bytes),
                                   tagRange: $0.tag)
            })
        }
    }

    /// Never throws: every problem is collected into the outcome; rendering goes on past each one.
    public func render(_ context: ValueDict, options: RenderOptions = RenderOptions()) -> RenderOutcome {
        Evaluator(template: self, context: context, options: options).run()
    }

    /// Names the template reads from its context, as paths: "applicant.name", "events[].date" (loop variables
    /// resolved, set/loop names excluded), sorted, unique. A path is listed when the template reads it as a value;
    /// the intermediate steps of a longer path are not listed on their own (see docs/template-language.md).
    public var referencedPaths: [String] { paths }

    /// The line and column of a UTF-8 offset in this template's source.
    public func location(of offset: Int) -> SourceLocation {
        Template.location(of: offset, lineStarts: lineStarts, bytes: sourceBytes)
    }

    static func location(of offset: Int, lineStarts: [Int], bytes: [UInt8]) -> SourceLocation {
        let o = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let column = String(decoding: bytes[start..<o], as: UTF8.self).count + 1
        return SourceLocation(offset: o, line: lo + 1, column: column)
    }

    private static func checkFilters(_ nodes: [Node], known: Set<String>, tag: Range<Int>?,
                                     into out: inout [(String, Int, Range<Int>?)]) {
        func expr(_ e: Expr, _ tag: Range<Int>) {
            switch e.kind {
            case .literal, .name: break
            case .attribute(let b, _, _): expr(b, tag)
            case .item(let a, let b): expr(a, tag); expr(b, tag)
            case .slice(let a, let b, let c, let d): expr(a, tag); [b, c, d].forEach { if let x = $0 { expr(x, tag) } }
            case .negate(let a), .plus(let a), .not(let a): expr(a, tag)
            case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b): expr(a, tag); expr(b, tag)
            case .compare(let a, let rest): expr(a, tag); rest.forEach { expr($0.1, tag) }
            case .test(let a, let t): expr(a, tag); t.args.forEach { expr($0, tag) }
            case .filter(let a, let f):
                expr(a, tag)
                f.args.positional.forEach { expr($0, tag) }
                f.args.keywords.forEach { expr($0.1, tag) }
                if f.builtin == nil, !known.contains(f.name) {
                    out.append(("unknown filter '\(f.name)'" + suggestionSuffix(f.name, among: BuiltinFilter.allNames + known.sorted()), f.nameOffset, tag))
                }
            case .call(_, let args, _):
                args.positional.forEach { expr($0, tag) }; args.keywords.forEach { expr($0.1, tag) }
            case .methodCall(let b, _, let args, _):
                expr(b, tag); args.positional.forEach { expr($0, tag) }; args.keywords.forEach { expr($0.1, tag) }
            case .conditional(let a, let b, let c): expr(a, tag); expr(b, tag); if let c { expr(c, tag) }
            case .list(let xs), .tuple(let xs): xs.forEach { expr($0, tag) }
            case .dict(let pairs): pairs.forEach { expr($0.0, tag); expr($0.1, tag) }
            }
        }
        for node in nodes {
            switch node {
            case .text: break
            case .output(let e, let t): expr(e, t)
            case .ifBlock(let b):
                for br in b.branches { expr(br.condition, br.tag); checkFilters(br.body, known: known, tag: nil, into: &out) }
                if let e = b.elseBody { checkFilters(e, known: known, tag: nil, into: &out) }
            case .forBlock(let f):
                expr(f.iterable, f.tag)
                if let c = f.filter { expr(c, f.tag) }
                checkFilters(f.body, known: known, tag: nil, into: &out)
                if let e = f.elseBody { checkFilters(e, known: known, tag: nil, into: &out) }
            case .set(let s): expr(s.value, s.tag)
            case .macro(let m):
                m.params.forEach { if let d = $0.1 { expr(d, m.tag) } }
                checkFilters(m.body, known: known, tag: nil, into: &out)
            }
        }
    }
}
