/// Built-in filters: the Jinja ones templates use, plus `date` and `plural` for legal text.
///
/// Built-in names are resolved and their arguments checked at parse time. A filter never turns a missing or null
/// value into text silently: only `default` (and `tojson`, which writes `null`) accept an absent input.
/// `e`/`escape` and `safe` leave values unchanged: values are always text, and every `{{ }}` output goes through
/// the output escaper of RenderOptions, so these can neither double-escape nor bypass it.

enum BuiltinFilter: String, Sendable, CaseIterable {
    case `default`, upper, lower, title, capitalize, trim, join, length, first, last, sort, selectattr, rejectattr
    case select, reject, map, replace, round, int, float, string, abs, sum, min, max, unique, reverse, list, batch
    case slice, wordcount, truncate, format, groupby, dictsort, items, striptags, center, indent, escape, safe
    case tojson, date, plural, attr

    init?(name: String) {
        switch name {
        case "d": self = .default
        case "count": self = .length
        case "e": self = .escape
        default:
            guard let f = BuiltinFilter(rawValue: name) else { return nil }
            self = f
        }
    }

    static let allNames: [String] = allCases.map(\.rawValue) + ["d", "count", "e"]

    var signature: FilterSignature {
        switch self {
        case .default: return FilterSignature(["default_value", "boolean"])
        case .upper, .lower, .title, .capitalize, .length, .first, .last, .string, .abs, .reverse, .list,
             .wordcount, .items, .striptags, .escape, .safe:
            return FilterSignature([])
        case .trim: return FilterSignature(["chars"])
        case .join: return FilterSignature(["d", "attribute"])
        case .sort: return FilterSignature(["reverse", "case_sensitive", "attribute"])
        case .selectattr, .rejectattr: return FilterSignature(["attribute"], required: 1, variadic: true)
        case .select, .reject: return FilterSignature([], variadic: true)
        case .map: return FilterSignature(["attribute", "default"], required: 0, variadic: true, positionalNames: false)
        case .replace: return FilterSignature(["old", "new", "count"], required: 2)
        case .round: return FilterSignature(["precision", "method"])
        case .int: return FilterSignature(["default", "base"])
        case .float: return FilterSignature(["default"])
        case .sum: return FilterSignature(["attribute", "start"])
        case .min, .max: return FilterSignature(["case_sensitive", "attribute"])
        case .unique: return FilterSignature(["case_sensitive", "attribute"])
        case .batch: return FilterSignature(["linecount", "fill_with"], required: 1)
        case .slice: return FilterSignature(["slices", "fill_with"], required: 1)
        case .truncate: return FilterSignature(["length", "killwords", "end", "leeway"])
        case .format: return FilterSignature([], variadic: true, anyKeywords: true)
        case .groupby: return FilterSignature(["attribute", "default", "case_sensitive"], required: 1)
        case .dictsort: return FilterSignature(["case_sensitive", "by", "reverse"])
        case .center: return FilterSignature(["width"])
        case .indent: return FilterSignature(["width", "first", "blank"])
        case .tojson: return FilterSignature(["indent"])
        case .date: return FilterSignature(["format", "locale"])
        case .plural: return FilterSignature(["one", "few", "many", "number"], required: 2)
        case .attr: return FilterSignature(["name"], required: 1)
        }
    }
}

/// Parameters of a built-in filter, to check calls at parse time and bind them at render time.
struct FilterSignature: Sendable {
    let params: [String]
    let required: Int
    let variadic: Bool
    let anyKeywords: Bool
    /// Whether positional arguments fill `params` (false for `map`, whose positionals are a filter and its args).
    let positionalNames: Bool

    init(_ params: [String], required: Int = 0, variadic: Bool = false, anyKeywords: Bool = false,
         positionalNames: Bool = true) {
        self.params = params; self.required = required; self.variadic = variadic
        self.anyKeywords = anyKeywords; self.positionalNames = positionalNames
    }

    /// A message for a call that cannot be right, or nil.
    func check(_ args: CallArgs, filterName name: String) -> String? {
        if !variadic, args.positional.count > params.count {
            return params.isEmpty
                ? "filter '\(name)' takes no arguments, got \(args.positional.count)"
                : "filter '\(name)' takes at most \(params.count) argument\(params.count == 1 ? "" : "s") (\(params.joined(separator: ", "))), got \(args.positional.count)"
        }
        for (k, _) in args.keywords {
            if anyKeywords { continue }
            guard let i = params.firstIndex(of: k) else {
                return "filter '\(name)' has no argument '\(k)'" + suggestionSuffix(k, among: params)
            }
            if positionalNames, i < args.positional.count {
                return "filter '\(name)' got argument '\(k)' twice"
            }
        }
        if positionalNames {
            for i in 0..<required where i >= args.positional.count && !args.keywords.contains(where: { $0.0 == params[i] }) {
                return "filter '\(name)' needs argument '\(params[i])'"
            }
        }
        return nil
    }
}

/// Bound arguments of one filter call.
struct BoundArgs: Sendable {
    var named: [Value?]
    var extra: [Value]
    var keywords: [(String, Value)]
    let params: [String]

    init(signature sig: FilterSignature, _ pos: [Value], _ kw: [(String, Value)]) {
        var named = [Value?](repeating: nil, count: sig.params.count)
        var extra: [Value] = []
        for (i, v) in pos.enumerated() {
            if sig.positionalNames, i < named.count { named[i] = v } else { extra.append(v) }
        }
        var rest: [(String, Value)] = []
        for (k, v) in kw {
            if let i = sig.params.firstIndex(of: k) { named[i] = v } else { rest.append((k, v)) }
        }
        self.named = named
        self.extra = extra
        self.keywords = rest
        self.params = sig.params
    }

    subscript(_ name: String) -> Value? {
        guard let i = params.firstIndex(of: name) else { return nil }
        if case .some(Value.none) = named[i] { return nil }
        return named[i]
    }
}

extension Evaluator {
    func applyFilter(_ f: FilterCall, to x: Expr) throws(EvalFailure) -> Value {
        if f.builtin == .default {
            var input: Value? = nil
            do throws(EvalFailure) {
                input = try eval(x)
            } catch {
                guard case .missing(let m) = error else { throw error }
                noteTestedMissing(m)
            }
            let (pos, kw) = try evalArgs(f.args)
            let a = bind(FilterSignature(["default_value", "boolean"]), pos, kw)
            let boolean = a["boolean"]?.isTruthy ?? false
            if let v = input, v != .none, !boolean || v.isTruthy { return v }
            return a.named[0] ?? .string("")
        }
        let input = try value(x)
        if let b = f.builtin, let sig = f.signature {
            if case .none = input, b != .tojson {
                reportMissing(Missing(reason: .null(start: x.start, end: x.end), offset: x.start))
                throw .reported
            }
            let bound: BoundArgs
            if let c = f.constantArgs {
                bound = c
            } else {
                let (pos, kw) = try evalArgs(f.args)
                bound = BoundArgs(signature: sig, pos, kw)
            }
            return try builtin(b, input, bound, name: f.name, input: x, at: f.nameOffset)
        }
        let (pos, kw) = try evalArgs(f.args)
        return try customFilter(f.name, input, pos, kw, at: f.nameOffset)
    }

    func customFilter(_ name: String, _ input: Value, _ pos: [Value], _ kw: [(String, Value)], at offset: Int) throws(EvalFailure) -> Value {
        if let custom = options.filters[name] {
            do throws(TemplateCallError) {
                return try custom(input, pos, kw)
            } catch {
                throw fail(.value, "filter '\(name)': \(error.message)", at: offset)
            }
        }
        let candidates = BuiltinFilter.allNames + options.filters.keys.sorted()
        throw fail(.syntax, "unknown filter '\(name)'" + suggestionSuffix(name, among: candidates), at: offset)
    }

    func bind(_ sig: FilterSignature, _ pos: [Value], _ kw: [(String, Value)]) -> BoundArgs {
        BoundArgs(signature: sig, pos, kw)
    }

    // MARK: - Argument helpers

    private func intArg(_ a: BoundArgs, _ name: String, _ def: Int, filter: String, at offset: Int) throws(EvalFailure) -> Int {
        guard let v = a[name] else { return def }
        switch v {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: throw fail(.type, "filter '\(filter)': '\(name)' must be an int, got \(v.shortDescription)", at: offset)
        }
    }

    private func stringArg(_ a: BoundArgs, _ name: String, filter: String, at offset: Int) throws(EvalFailure) -> String? {
        guard let v = a[name] else { return nil }
        guard case .string(let s) = v else {
            throw fail(.type, "filter '\(filter)': '\(name)' must be a string, got \(v.shortDescription)", at: offset)
        }
        return s
    }

    private func boolArg(_ a: BoundArgs, _ name: String, _ def: Bool) -> Bool {
        a[name]?.isTruthy ?? def
    }

    private func text(of v: Value, filter: String, input: Expr, at offset: Int) throws(EvalFailure) -> String {
        switch v {
        case .list, .dict:
            throw fail(.type, "filter '\(filter)' expects text, got \(v.shortDescription) ('\(text(input))')", at: offset)
        default:
            return v.printed
        }
    }

    private func sequence(_ v: Value, filter: String, input: Expr, at offset: Int) throws(EvalFailure) -> [Value] {
        switch v {
        case .list(let l): return l
        case .dict(let d): return d.keys.map { .string($0) }
        case .string(let s): return s.map { .string(String($0)) }
        default:
            throw fail(.type, "filter '\(filter)' expects a list, got \(v.shortDescription) ('\(text(input))')", at: offset)
        }
    }

    /// Follows `a.b.0` through mappings and lists; nil when a step is missing.
    func follow(_ v: Value, path: String) -> Value? {
        var cur = v
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            switch cur {
            case .dict(let d):
                guard let next = d[String(part)] else { return nil }
                cur = next
            case .list(let l):
                guard let i = Int(part), i >= -l.count, i < l.count else { return nil }
                cur = l[i < 0 ? l.count + i : i]
            case .date:
                let d = try? attribute(of: cur, String(part), owner: Expr(.literal(.none), 0, 0), offset: 0)
                guard let d else { return nil }
                cur = d
            default:
                return nil
            }
        }
        return cur
    }

    /// The attribute of each item; a missing one is an error naming the item and suggesting a close key.
    private func attributes(_ items: [Value], _ path: String, filter: String, input: Expr, at offset: Int,
                            default def: Value? = nil) throws(EvalFailure) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let v = follow(item, path: path) {
                out.append(v)
            } else if let def {
                out.append(def)
            } else {
                var hint = ""
                if case .dict(let d) = item {
                    let last = String(path.split(separator: ".").last ?? "")
                    hint = suggestionSuffix(last, among: d.keys)
                }
                throw fail(.undefined, "filter '\(filter)': item \(i + 1) of '\(text(input))' has no attribute '\(path)'\(hint)", at: offset)
            }
        }
        return out
    }

    private func sortKey(_ v: Value, caseSensitive: Bool) -> Value {
        if !caseSensitive, case .string(let s) = v { return .string(s.lowercased()) }
        return v
    }

    /// Stable sort of `items` by `keys`; a pair that cannot be compared is a type error.
    private func stableSort(_ items: [Value], keys: [Value], reverse: Bool, filter: String, at offset: Int) throws(EvalFailure) -> [Value] {
        var failure: (Value, Value)? = nil
        let order = items.indices.sorted { i, j in
            guard let c = compareValues(keys[i], keys[j]) else {
                if failure == nil { failure = (keys[i], keys[j]) }
                return i < j
            }
            if c == 0 { return i < j }
            return reverse ? c > 0 : c < 0
        }
        if let (a, b) = failure {
            throw fail(.type, "filter '\(filter)' cannot compare \(a.typeName) \(a.shortDescription) with \(b.typeName) \(b.shortDescription)", at: offset)
        }
        return order.map { items[$0] }
    }

    // MARK: - The filters

    func builtin(_ b: BuiltinFilter, _ v: Value, _ a: BoundArgs, name: String, input: Expr, at offset: Int) throws(EvalFailure) -> Value {
        switch b {
        case .default:
            return v
        case .upper:
            return .string(try text(of: v, filter: name, input: input, at: offset).uppercased())
        case .lower:
            return .string(try text(of: v, filter: name, input: input, at: offset).lowercased())
        case .title:
            return .string(titleCase(try text(of: v, filter: name, input: input, at: offset)))
        case .capitalize:
            return .string(capitalize(try text(of: v, filter: name, input: input, at: offset)))
        case .trim:
            let chars = try stringArg(a, "chars", filter: name, at: offset)
            return .string(stripChars(try text(of: v, filter: name, input: input, at: offset), chars, leading: true, trailing: true))
        case .escape, .safe:
            return v
        case .string:
            return .string(v.printed)
        case .join:
            var items = try sequence(v, filter: name, input: input, at: offset)
            if let path = try stringArg(a, "attribute", filter: name, at: offset) {
                items = try attributes(items, path, filter: name, input: input, at: offset)
            }
            let sep = a["d"]?.printed ?? ""
            var parts: [String] = []
            parts.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if case .none = item {
                    throw fail(.undefined, "filter 'join': item \(i + 1) of '\(text(input))' is empty (null)", at: offset)
                }
                parts.append(item.printed)
            }
            return .string(parts.joined(separator: sep))
        case .length:
            switch v {
            case .string(let s): return .int(s.count)
            case .list(let l): return .int(l.count)
            case .dict(let d): return .int(d.count)
            default: throw fail(.type, "filter '\(name)' expects a list, mapping or text, got \(v.shortDescription)", at: offset)
            }
        case .first, .last:
            let items = try sequence(v, filter: name, input: input, at: offset)
            guard let item = b == .first ? items.first : items.last else {
                throw .missing(Missing(reason: .other("'\(text(input))' is empty, so it has no \(name) item"), offset: input.start))
            }
            return item
        case .sort:
            let items = try sequence(v, filter: name, input: input, at: offset)
            let cs = boolArg(a, "case_sensitive", false)
            var keys: [Value]
            if let path = try stringArg(a, "attribute", filter: name, at: offset) {
                let paths = path.split(separator: ",").map { String($0).trimmingASCIIWhitespace() }
                if paths.count > 1 {
                    var columns: [[Value]] = []
                    for p in paths { columns.append(try attributes(items, p, filter: name, input: input, at: offset)) }
                    keys = items.indices.map { i in .list(columns.map { sortKey($0[i], caseSensitive: cs) }) }
                } else {
                    keys = try attributes(items, path, filter: name, input: input, at: offset).map { sortKey($0, caseSensitive: cs) }
                }
            } else {
                keys = items.map { sortKey($0, caseSensitive: cs) }
            }
            return .list(try stableSort(items, keys: keys, reverse: boolArg(a, "reverse", false), filter: name, at: offset))
        case .selectattr, .rejectattr, .select, .reject:
            let items = try sequence(v, filter: name, input: input, at: offset)
            var rest = a.extra
            var path: String? = nil
            if b == .selectattr || b == .rejectattr {
                guard case .string(let p)? = a.named[0] else {
                    throw fail(.type, "filter '\(name)' needs an attribute name", at: offset)
                }
                path = p
            }
            var test: BuiltinTest? = nil
            var testName = ""
            if !rest.isEmpty {
                guard case .string(let tn) = rest.removeFirst(), let t = BuiltinTest(name: tn) else {
                    let given = a.extra.first.map { $0.printed } ?? ""
                    throw fail(.type, "filter '\(name)': unknown test '\(given)'" + suggestionSuffix(given, among: BuiltinTest.allNames), at: offset)
                }
                test = t
                testName = tn
                if rest.count != t.argumentCount {
                    throw fail(.type, "filter '\(name)': test '\(tn)' takes \(t.argumentCount) argument\(t.argumentCount == 1 ? "" : "s"), got \(rest.count)", at: offset)
                }
            }
            let keep = b == .selectattr || b == .select
            var out: [Value] = []
            var anyHasAttribute = path == nil
            for item in items {
                let subject: Value? = path.map { follow(item, path: $0) } ?? item
                if subject != nil { anyHasAttribute = true }
                let r: Bool
                if let test, subject == nil, !test.isPresenceOrTypeTest {
                    r = false   // an item without the attribute does not match a comparison
                } else if let test {
                    r = try testValue(test, subject, rest, name: testName, subject: nil, at: offset)
                } else {
                    r = subject?.isTruthy ?? false
                }
                if r == keep { out.append(item) }
            }
            if !anyHasAttribute, let path, !items.isEmpty {
                var keys: [String] = []
                for item in items { if case .dict(let d) = item { keys.append(contentsOf: d.keys) } }
                recordWarningOnce("no item of '\(text(input))' has the attribute '\(path)'" + suggestionSuffix(path, among: keys), at: offset)
            }
            return .list(out)
        case .map:
            let items = try sequence(v, filter: name, input: input, at: offset)
            if let path = try stringArg(a, "attribute", filter: name, at: offset) {
                return .list(try attributes(items, path, filter: name, input: input, at: offset, default: a.named[1]))
            }
            guard case .string(let fname)? = a.extra.first else {
                throw fail(.type, "filter 'map' needs attribute='…' or the name of a filter", at: offset)
            }
            let fargs = Array(a.extra.dropFirst())
            var out: [Value] = []
            out.reserveCapacity(items.count)
            if let inner = BuiltinFilter(name: fname) {
                let call = CallArgs(positional: fargs.map { Expr(.literal($0), offset, offset) },
                                    keywords: a.keywords.map { ($0.0, Expr(.literal($0.1), offset, offset)) })
                if let message = inner.signature.check(call, filterName: fname) { throw fail(.type, message, at: offset) }
                for item in items {
                    if case .none = item, inner != .default, inner != .tojson {
                        throw fail(.undefined, "filter 'map': an item of '\(text(input))' is empty (null)", at: offset)
                    }
                    out.append(try builtin(inner, item, bind(inner.signature, fargs, a.keywords), name: fname, input: input, at: offset))
                }
            } else {
                for item in items { out.append(try customFilter(fname, item, fargs, a.keywords, at: offset)) }
            }
            return .list(out)
        case .replace:
            guard let old = a["old"], let new = a["new"] else { throw fail(.type, "filter 'replace' needs two strings", at: offset) }
            let count = try intArg(a, "count", -1, filter: name, at: offset)
            return .string(replaceString(try text(of: v, filter: name, input: input, at: offset), old.printed, new.printed, count: count))
        case .round:
            guard let d = v.asDouble else {
                throw fail(.type, "filter 'round' expects a number, got \(v.shortDescription) ('\(text(input))')", at: offset)
            }
            let precision = try intArg(a, "precision", 0, filter: name, at: offset)
            let method = try stringArg(a, "method", filter: name, at: offset) ?? "common"
            guard ["common", "ceil", "floor"].contains(method) else {
                throw fail(.type, "filter 'round': method must be 'common', 'ceil' or 'floor', got '\(method)'", at: offset)
            }
            guard (-20...20).contains(precision) else { throw fail(.type, "filter 'round': precision \(precision) is out of range", at: offset) }
            return .double(roundDecimal(d, precision, method))
        case .int:
            let base = try intArg(a, "base", 10, filter: name, at: offset)
            switch v {
            case .int: return v
            case .bool(let x): return .int(x ? 1 : 0)
            case .double(let d):
                if d.isFinite, abs(d) < 9.2e18 { return .int(Int(d.rounded(.towardZero))) }
            case .string(let s):
                var t = s.trimmingASCIIWhitespace().replacingUnderscores()
                if base == 16, t.lowercased().hasPrefix("0x") { t = String(t.dropFirst(2)) }
                if base == 8, t.lowercased().hasPrefix("0o") { t = String(t.dropFirst(2)) }
                if base == 2, t.lowercased().hasPrefix("0b") { t = String(t.dropFirst(2)) }
                if (2...36).contains(base), let i = Int(t, radix: base) { return .int(i) }
                if base == 10, let d = Double(t), d.isFinite, abs(d) < 9.2e18 { return .int(Int(d.rounded(.towardZero))) }
            default: break
            }
            if let def = a["default"] { return def }
            throw fail(.type, "filter 'int' cannot make a number of \(v.shortDescription) ('\(text(input))'); give int(default=…) to accept that", at: offset)
        case .float:
            switch v {
            case .double: return v
            case .int(let i): return .double(Double(i))
            case .bool(let x): return .double(x ? 1 : 0)
            case .string(let s):
                if let d = Double(s.trimmingASCIIWhitespace().replacingUnderscores()) { return .double(d) }
            default: break
            }
            if let def = a["default"] { return def }
            throw fail(.type, "filter 'float' cannot make a number of \(v.shortDescription) ('\(text(input))'); give float(default=…) to accept that", at: offset)
        case .abs:
            switch v {
            case .int(let i):
                if i == Int.min { throw fail(.value, "integer overflow in 'abs'", at: offset) }
                return .int(Swift.abs(i))
            case .double(let d): return .double(Swift.abs(d))
            default: throw fail(.type, "filter 'abs' expects a number, got \(v.shortDescription)", at: offset)
            }
        case .sum:
            var items = try sequence(v, filter: name, input: input, at: offset)
            if let path = try stringArg(a, "attribute", filter: name, at: offset) {
                items = try attributes(items, path, filter: name, input: input, at: offset)
            }
            var total = a["start"] ?? .int(0)
            for item in items {
                switch (total, item) {
                case (.int(let x), .int(let y)):
                    let (r, o) = x.addingReportingOverflow(y)
                    if o { throw fail(.value, "integer overflow in 'sum'", at: offset) }
                    total = .int(r)
                default:
                    guard let x = total.asDouble, let y = item.asDouble else {
                        throw fail(.type, "filter 'sum' cannot add \(total.typeName) and \(item.typeName) (\(item.shortDescription))", at: offset)
                    }
                    total = .double(x + y)
                }
            }
            return total
        case .min, .max:
            var items = try sequence(v, filter: name, input: input, at: offset)
            let cs = boolArg(a, "case_sensitive", false)
            var keys = items
            if let path = try stringArg(a, "attribute", filter: name, at: offset) {
                keys = try attributes(items, path, filter: name, input: input, at: offset)
            }
            keys = keys.map { sortKey($0, caseSensitive: cs) }
            guard !items.isEmpty else {
                throw .missing(Missing(reason: .other("'\(text(input))' is empty, so it has no \(name)imum"), offset: input.start))
            }
            var best = 0
            for i in 1..<items.count {
                guard let c = compareValues(keys[i], keys[best]) else {
                    throw fail(.type, "filter '\(name)' cannot compare \(keys[i].typeName) with \(keys[best].typeName)", at: offset)
                }
                if (b == .min && c < 0) || (b == .max && c > 0) { best = i }
            }
            items = [items[best]]
            return items[0]
        case .unique:
            let items = try sequence(v, filter: name, input: input, at: offset)
            let cs = boolArg(a, "case_sensitive", false)
            var keys = items
            if let path = try stringArg(a, "attribute", filter: name, at: offset) {
                keys = try attributes(items, path, filter: name, input: input, at: offset)
            }
            var seen: [Value] = []
            var out: [Value] = []
            for (i, item) in items.enumerated() {
                let k = sortKey(keys[i], caseSensitive: cs)
                if seen.contains(where: { valuesEqual($0, k) }) { continue }
                seen.append(k)
                out.append(item)
            }
            return .list(out)
        case .reverse:
            switch v {
            case .string(let s): return .string(String(s.reversed()))
            default: return .list(try sequence(v, filter: name, input: input, at: offset).reversed())
            }
        case .list:
            return .list(try sequence(v, filter: name, input: input, at: offset))
        case .items:
            guard case .dict(let d) = v else {
                throw fail(.type, "filter 'items' expects a mapping, got \(v.shortDescription)", at: offset)
            }
            return .list(d.map { .list([.string($0.key), $0.value]) })
        case .dictsort:
            guard case .dict(let d) = v else {
                throw fail(.type, "filter 'dictsort' expects a mapping, got \(v.shortDescription)", at: offset)
            }
            let by = try stringArg(a, "by", filter: name, at: offset) ?? "key"
            guard by == "key" || by == "value" else {
                throw fail(.type, "filter 'dictsort': by must be 'key' or 'value', got '\(by)'", at: offset)
            }
            let cs = boolArg(a, "case_sensitive", false)
            let pairs: [Value] = d.map { .list([.string($0.key), $0.value]) }
            let keys: [Value] = d.map { sortKey(by == "key" ? .string($0.key) : $0.value, caseSensitive: cs) }
            return .list(try stableSort(pairs, keys: keys, reverse: boolArg(a, "reverse", false), filter: name, at: offset))
        case .batch, .slice:
            let items = try sequence(v, filter: name, input: input, at: offset)
            let n = try intArg(a, b == .batch ? "linecount" : "slices", 1, filter: name, at: offset)
            guard n > 0 else { throw fail(.type, "filter '\(name)' needs a positive count, got \(n)", at: offset) }
            let fill = a["fill_with"]
            var out: [Value] = []
            if b == .batch {
                var i = 0
                while i < items.count {
                    var chunk = Array(items[i..<(i + Swift.min(n, items.count - i))])
                    if let fill, chunk.count < n {
                        guard n <= Evaluator.maxCollection else { throw fail(.value, "filter 'batch': count is too large", at: offset) }
                        chunk += [Value](repeating: fill, count: n - chunk.count)
                    }
                    out.append(.list(chunk))
                    i += Swift.min(n, items.count - i)
                }
            } else {
                guard n <= Evaluator.maxCollection else { throw fail(.value, "filter 'slice': too many slices", at: offset) }
                let per = items.count / n, extraCount = items.count % n
                var extraOffset = 0
                for s in 0..<n {
                    let start = extraOffset + s * per
                    if s < extraCount { extraOffset += 1 }
                    let end = extraOffset + (s + 1) * per
                    var chunk = Array(items[start..<end])
                    if let fill, s >= extraCount { chunk.append(fill) }
                    out.append(.list(chunk))
                }
            }
            return .list(out)
        case .wordcount:
            let s = try text(of: v, filter: name, input: input, at: offset)
            var count = 0
            var inWord = false
            for u in s.unicodeScalars {
                let w = u.properties.isAlphabetic || u.properties.numericType != nil || u == "_"
                if w && !inWord { count += 1 }
                inWord = w
            }
            return .int(count)
        case .truncate:
            let s = try text(of: v, filter: name, input: input, at: offset)
            let length = try intArg(a, "length", 255, filter: name, at: offset)
            let killwords = boolArg(a, "killwords", false)
            let end = try stringArg(a, "end", filter: name, at: offset) ?? "..."
            let leeway = try intArg(a, "leeway", 5, filter: name, at: offset)
            let chars = Array(s)
            let endCount = end.count
            guard length >= endCount else {
                throw fail(.type, "filter 'truncate': length \(length) is shorter than the end marker '\(end)'", at: offset)
            }
            if chars.count - Swift.max(leeway, 0) <= length { return .string(s) }
            let cut = Array(chars[0..<(length - endCount)])
            if killwords { return .string(String(cut) + end) }
            var kept = cut
            if let space = cut.lastIndex(of: " ") { kept = Array(cut[0..<space]) }
            return .string(String(kept) + end)
        case .format:
            guard case .string(let fmt) = v else {
                throw fail(.type, "filter 'format' expects a format string, got \(v.shortDescription)", at: offset)
            }
            do throws(TemplateCallError) {
                var args = a.extra
                if args.isEmpty, !a.keywords.isEmpty { args = [] }
                return .string(try printfFormat(fmt, args, a.keywords))
            } catch {
                throw fail(.value, "filter 'format': \(error.message)", at: offset)
            }
        case .groupby:
            let items = try sequence(v, filter: name, input: input, at: offset)
            guard case .string(let path)? = a.named[0] else {
                throw fail(.type, "filter 'groupby' needs an attribute name", at: offset)
            }
            let cs = boolArg(a, "case_sensitive", false)
            let raw = try attributes(items, path, filter: name, input: input, at: offset, default: a.named[1])
            let keys = raw.map { sortKey($0, caseSensitive: cs) }
            let order = try stableSort(Array(items.indices).map { .int($0) }, keys: keys, reverse: false, filter: name, at: offset)
            var groups: [Value] = []
            var currentKey: Value? = nil
            var grouper: Value = .none
            var members: [Value] = []
            for case .int(let i) in order {
                if let k = currentKey, valuesEqual(k, keys[i]) {
                    members.append(items[i])
                } else {
                    if currentKey != nil { groups.append(.dict(ValueDict([("grouper", grouper), ("list", .list(members))]))) }
                    currentKey = keys[i]
                    grouper = raw[i]
                    members = [items[i]]
                }
            }
            if currentKey != nil { groups.append(.dict(ValueDict([("grouper", grouper), ("list", .list(members))]))) }
            return .list(groups)
        case .striptags:
            return .string(stripTags(try text(of: v, filter: name, input: input, at: offset)))
        case .center:
            let s = try text(of: v, filter: name, input: input, at: offset)
            let width = try intArg(a, "width", 80, filter: name, at: offset)
            let n = s.count
            guard width > n else { return .string(s) }
            guard width <= Evaluator.maxStringBytes else { throw fail(.value, "filter 'center': width is too large", at: offset) }
            let margin = width - n
            let left = margin / 2 + (margin & width & 1)
            return .string(String(repeating: " ", count: left) + s + String(repeating: " ", count: margin - left))
        case .indent:
            let s = try text(of: v, filter: name, input: input, at: offset)
            let pad: String
            switch a["width"] {
            case .string(let p)?: pad = p
            case nil: pad = "    "
            default:
                let w = try intArg(a, "width", 4, filter: name, at: offset)
                guard (0...1000).contains(w) else { throw fail(.value, "filter 'indent': width is out of range", at: offset) }
                pad = String(repeating: " ", count: w)
            }
            let first = boolArg(a, "first", false), blank = boolArg(a, "blank", false)
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            var out = ""
            for (i, line) in lines.enumerated() {
                if i > 0 { out += "\n" }
                let indentThis = i == 0 ? first : (blank || !line.isEmpty)
                if indentThis { out += pad }
                out += line
            }
            return .string(out)
        case .tojson:
            let indent = try intArg(a, "indent", -1, filter: name, at: offset)
            return .string(toJSON(v, indent: indent < 0 ? nil : Swift.min(indent, 16)))
        case .date:
            let d: CalendarDate
            switch v {
            case .date(let x):
                guard x.isValid else { throw fail(.value, "filter 'date': \(x.isoString) is not a valid date", at: offset) }
                d = x
            case .string(let s):
                guard let x = parseDateString(s.trimmingASCIIWhitespace()) else {
                    throw fail(.type, "'date' filter expects a date (YYYY-MM-DD or DD.MM.YYYY), got \(v.shortDescription) ('\(text(input))')", at: offset)
                }
                d = x
            default:
                throw fail(.type, "'date' filter expects a date, got \(v.shortDescription) ('\(text(input))')", at: offset)
            }
            let format = try stringArg(a, "format", filter: name, at: offset) ?? "long"
            let loc: DateLocale
            if let code = try stringArg(a, "locale", filter: name, at: offset) {
                guard let l = DateLocale(code) else {
                    throw fail(.type, "'date' filter: unknown locale '\(code)' (use 'ru' or 'en')", at: offset)
                }
                loc = l
            } else {
                guard let l = locale else { throw .reported }
                loc = l
            }
            do throws(TemplateCallError) {
                return .string(try formatDate(d, format: format, locale: loc))
            } catch {
                throw fail(.value, "'date' filter: \(error.message)", at: offset)
            }
        case .attr:
            guard let n = try stringArg(a, "name", filter: name, at: offset) else {
                throw fail(.type, "filter 'attr' needs an attribute name", at: offset)
            }
            return try attribute(of: v, n, owner: input, offset: offset)
        case .plural:
            var forms: [Value] = []
            forms.reserveCapacity(3)
            for i in 0..<3 { if let f = a.named[i], f != .none { forms.append(f) } }
            if let n = a.named[3], n != .none { return try pluralValue(v, forms, [("number", n)], at: offset) }
            return try pluralValue(v, forms, [], at: offset)
        }
    }

    private func recordWarningOnce(_ message: String, at offset: Int) {
        record(.undefined, message, at: offset, warning: true)
    }
}

extension String {
    func replacingUnderscores() -> String {
        guard contains("_") else { return self }
        return String(filter { $0 != "_" })
    }
}

/// Rounds half away from zero on the decimal digits a person sees (2.675 → 2.68), not on the binary value;
/// `ceil` and `floor` round up and down at that precision.
func roundDecimal(_ d: Double, _ precision: Int, _ method: String) -> Double {
    guard d.isFinite else { return d }
    let text = pythonFloat(Swift.abs(d))
    var digits: [UInt8] = []
    var point = 0
    var exponent = 0
    var mantissa = Substring(text)
    if let e = text.firstIndex(of: "e") {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var seenPoint = false
    for c in mantissa.utf8 {
        if c == UInt8(ascii: ".") { seenPoint = true; continue }
        digits.append(c - 48)
        if !seenPoint { point += 1 }
    }
    point += exponent
    // Keep digits up to `precision` places after the point.
    let keep = point + precision
    let negative = d < 0
    if keep >= digits.count { return d }
    var kept: [UInt8] = keep > 0 ? Array(digits[0..<keep]) : []
    let dropped = keep >= 0 ? Array(digits[keep...]) : digits
    let droppedNonZero = dropped.contains { $0 != 0 }
    var up: Bool
    switch method {
    case "ceil": up = droppedNonZero && !negative
    case "floor": up = droppedNonZero && negative
    default: up = keep >= 0 ? (dropped.first ?? 0) >= 5 : false
    }
    var newPoint = point
    if up {
        if kept.isEmpty {
            // Rounding up from below the last kept place: the result is 10^-precision.
            var r = 1.0
            if precision >= 0 { for _ in 0..<precision { r /= 10 } } else { for _ in 0..<(-precision) { r *= 10 } }
            return negative ? -r : r
        }
        var i = kept.count - 1
        while i >= 0 {
            if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
        }
        if i < 0 { kept.insert(1, at: 0); newPoint += 1 }
    }
    if kept.isEmpty { return negative ? -0.0 : 0.0 }
    var s = ""
    if newPoint <= 0 {
        s = "0." + String(repeating: "0", count: -newPoint) + String(decoding: kept.map { $0 + 48 }, as: UTF8.self)
    } else if newPoint >= kept.count {
        s = String(decoding: kept.map { $0 + 48 }, as: UTF8.self) + String(repeating: "0", count: newPoint - kept.count)
    } else {
        s = String(decoding: kept[0..<newPoint].map { $0 + 48 }, as: UTF8.self) + "." +
            String(decoding: kept[newPoint...].map { $0 + 48 }, as: UTF8.self)
    }
    let r = Double(s) ?? d
    return negative ? -r : r
}

/// Removes markup tags and comments, unescapes the basic entities and collapses whitespace, as Jinja's
/// `striptags` does.
func stripTags(_ s: String) -> String {
    var out = ""
    var chars = Array(s.unicodeScalars)[...]
    var text = String.UnicodeScalarView()
    while let c = chars.first {
        if c == "<" {
            if chars.starts(with: "<!--".unicodeScalars) {
                if let end = findScalars(chars, "-->") { chars = chars[(end + 3)...]; text.append(" "); continue }
            } else if let close = chars.firstIndex(of: ">") {
                chars = chars[(close + 1)...]
                text.append(" ")
                continue
            }
        }
        text.append(c)
        chars = chars.dropFirst()
    }
    let unescaped = replaceString(replaceString(replaceString(replaceString(replaceString(String(text), "&lt;", "<"),
        "&gt;", ">"), "&quot;", "\""), "&#39;", "'"), "&amp;", "&")
    out = splitString(unescaped, nil, maxSplit: -1).joined(separator: " ")
    return out
}

private func findScalars(_ s: ArraySlice<Unicode.Scalar>, _ needle: String) -> Int? {
    let n = Array(needle.unicodeScalars)
    var i = s.startIndex
    while i + n.count <= s.endIndex {
        if Array(s[i..<(i + n.count)]) == n { return i }
        i += 1
    }
    return nil
}

/// JSON as Jinja's `tojson` writes it: sorted keys, and `<`, `>`, `&`, `'` written as `\u` escapes.
func toJSON(_ v: Value, indent: Int?, level: Int = 0) -> String {
    if level > 100 { return "null" }
    let nl = indent.map { "\n" + String(repeating: " ", count: $0 * (level + 1)) } ?? ""
    let nlEnd = indent.map { "\n" + String(repeating: " ", count: $0 * level) } ?? ""
    let sep = indent == nil ? ", " : ","
    switch v {
    case .none: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return d.isFinite ? pythonFloat(d) : (d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity"))
    case .date(let d): return jsonString(d.isoString)
    case .string(let s): return jsonString(s)
    case .list(let l):
        if l.isEmpty { return "[]" }
        return "[" + nl + l.map { toJSON($0, indent: indent, level: level + 1) }.joined(separator: sep + nl) + nlEnd + "]"
    case .dict(let d):
        if d.isEmpty { return "{}" }
        let keys = d.keys.sorted()
        return "{" + nl + keys.map { jsonString($0) + ": " + toJSON(d[$0]!, indent: indent, level: level + 1) }
            .joined(separator: sep + nl) + nlEnd + "}"
    }
}

private func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "<": out += "\\u003c"
        case ">": out += "\\u003e"
        case "&": out += "\\u0026"
        case "'": out += "\\u0027"
        default:
            if u.value < 0x20 {
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            } else if u.value > 0x7E {
                // Python's json.dumps escapes non-ASCII by default (ensure_ascii).
                if u.value > 0xFFFF {
                    let v = u.value - 0x10000
                    out += utf16Escape(0xD800 + (v >> 10)) + utf16Escape(0xDC00 + (v & 0x3FF))
                } else {
                    out += utf16Escape(u.value)
                }
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

private func utf16Escape(_ v: UInt32) -> String {
    let h = String(v, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - h.count) + h
}
