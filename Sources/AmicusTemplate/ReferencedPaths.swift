/// Static analysis of the names a template reads, for `amicus vars` and manifest checks.
///
/// A path is listed when the template reads it as a value: prints it, tests it, loops over it, passes it to a
/// filter or function. Intermediate steps of a longer path are not listed on their own: `{{ a.b.c }}` gives
/// `a.b.c` only, while `{% if a.b %}{{ a.b.c }}` gives both `a.b` and `a.b.c`. Loop variables resolve to their
/// list: `{% for e in events %}{{ e.date }}` gives `events` and `events[].date`. `a['b']` is `a.b`; `a[0]` is `a[]`.
/// `for k, v in d.items()` gives `d` (its keys are not known statically). Set variables that alias a path
/// resolve through it; other set variables, namespaces, `loop`, macro parameters and function names are excluded.

struct PathCollector {
    private enum Binding {
        /// A local name that reads nothing from the context.
        case local
        /// A name standing for a context path, e.g. a loop variable for `events[]`.
        case alias(String)
    }

    private var scopes: [[String: Binding]] = [[:]]
    private(set) var paths: Set<String> = []

    /// Filters whose output has the same items as their input, so a loop variable over them still names the list.
    private static let itemPreserving: Set<BuiltinFilter> = [.sort, .selectattr, .rejectattr, .select, .reject,
                                                             .reverse, .unique, .list, .default]
    /// Filters whose `attribute` argument names a field of each item.
    private static let attributeFilters: Set<BuiltinFilter> = [.sort, .map, .join, .sum, .min, .max, .unique,
                                                               .selectattr, .rejectattr, .groupby]

    static func collect(_ nodes: [Node]) -> [String] {
        var c = PathCollector()
        c.walk(nodes)
        return c.paths.sorted()
    }

    private func binding(_ name: String) -> Binding? {
        for scope in scopes.reversed() {
            if let b = scope[name] { return b }
        }
        return nil
    }

    private mutating func bind(_ name: String, _ b: Binding) {
        scopes[scopes.count - 1][name] = b
    }

    mutating func walk(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .output(let e, _):
                use(e)
            case .ifBlock(let b):
                for branch in b.branches {
                    use(branch.condition)
                    walk(branch.body)
                }
                if let e = b.elseBody { walk(e) }
            case .forBlock(let f):
                let element = iterablePath(f.iterable)
                scopes.append(["loop": .local])
                if f.targets.count == 1, let element {
                    bind(f.targets[0], .alias(element))
                } else {
                    for t in f.targets { bind(t, .local) }
                }
                if let filter = f.filter { use(filter) }
                walk(f.body)
                scopes.removeLast()
                if let e = f.elseBody { walk(e) }
            case .set(let s):
                switch s.target {
                case .names(let names):
                    if names.count == 1, let p = resolve(s.value) {
                        bind(names[0], .alias(p))
                    } else {
                        use(s.value)
                        for n in names { bind(n, .local) }
                    }
                case .attribute:
                    use(s.value)
                }
            case .macro(let m):
                bind(m.name, .local)
                scopes.append([:])
                for (p, def) in m.params {
                    if let def { use(def) }
                    bind(p, .local)
                }
                walk(m.body)
                scopes.removeLast()
            }
        }
    }

    /// Records the paths an expression reads.
    private mutating func use(_ e: Expr) {
        if let p = resolve(e) { paths.insert(p) }
    }

    /// The loop's element path (`events[]`) after recording what the iterable reads; nil if unknown.
    private mutating func iterablePath(_ e: Expr) -> String? {
        switch e.kind {
        case .methodCall(let base, let name, let args, _) where ["items", "values", "keys"].contains(name) && args.isEmpty:
            use(base)
            return nil
        case .filter(let base, let f) where f.builtin.map { PathCollector.itemPreserving.contains($0) } ?? false:
            use(e)
            if let p = resolve(base, record: false) { return p + "[]" }
            return nil
        default:
            if let p = resolve(e) {
                paths.insert(p)
                return p + "[]"
            }
            return nil
        }
    }

    /// The path of a pure path expression (`a.b['c'][0]`), or nil after recording what its parts read.
    /// With `record: false` nothing is recorded (used to find the base of an already-recorded expression).
    private mutating func resolve(_ e: Expr, record: Bool = true) -> String? {
        switch e.kind {
        case .literal:
            return nil
        case .name(let n):
            switch binding(n) {
            case .local?: return nil
            case .alias(let p)?: return p
            case nil: return n
            }
        case .attribute(let base, let name, _):
            guard let p = resolve(base, record: record) else { return nil }
            return p + "." + name
        case .item(let base, let index):
            if case .literal(.string(let k)) = index.kind {
                return resolve(base, record: record).map { $0 + "." + k }
            }
            if case .literal(.int) = index.kind {
                return resolve(base, record: record).map { $0 + "[]" }
            }
            guard record else { return resolve(base, record: false) }
            use(base)
            use(index)
            return nil
        case .methodCall(let base, let name, let args, _):
            guard record else { return nil }
            if name == "get", case .literal(.string(let k))? = args.positional.first?.kind, let p = resolve(base) {
                for a in args.positional.dropFirst() { use(a) }
                return p + "." + k
            }
            use(base)
            useArgs(args)
            return nil
        default:
            guard record else { return nil }
            children(e)
            return nil
        }
    }

    private mutating func useArgs(_ args: CallArgs) {
        for a in args.positional { use(a) }
        for (_, a) in args.keywords { use(a) }
    }

    private mutating func children(_ e: Expr) {
        switch e.kind {
        case .literal, .name, .attribute, .item, .methodCall:
            _ = resolve(e)
        case .slice(let b, let x, let y, let z):
            use(b)
            for part in [x, y, z] { if let part { use(part) } }
        case .negate(let x), .plus(let x), .not(let x):
            use(x)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            use(a); use(b)
        case .compare(let a, let rest):
            use(a)
            for (_, b) in rest { use(b) }
        case .test(let x, let t):
            use(x)
            for a in t.args { use(a) }
        case .filter(let x, let f):
            use(x)
            useArgs(f.args)
            if let b = f.builtin, PathCollector.attributeFilters.contains(b), let base = resolve(x, record: false) {
                var attribute: String? = nil
                if case .literal(.string(let s))? = f.args.keywords.first(where: { $0.0 == "attribute" })?.1.kind {
                    attribute = s
                } else if b == .selectattr || b == .rejectattr || b == .groupby,
                          case .literal(.string(let s))? = f.args.positional.first?.kind {
                    attribute = s
                }
                if let attribute {
                    for part in attribute.split(separator: ",") {
                        paths.insert(base + "[]." + String(part).trimmingASCIIWhitespace())
                    }
                }
            }
        case .call(_, let args, _):
            useArgs(args)
        case .conditional(let a, let b, let c):
            use(a); use(b)
            if let c { use(c) }
        case .list(let items), .tuple(let items):
            for i in items { use(i) }
        case .dict(let pairs):
            for (k, v) in pairs { use(k); use(v) }
        }
    }
}
