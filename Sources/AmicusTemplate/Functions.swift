/// Function calls (`range`, `namespace`, `dict`, `plural`, macros, RenderOptions functions), methods on values
/// (`d.items()`, `s.upper()`…) and `loop.cycle(…)`. There is deliberately no `now()`: output must be deterministic.

extension Evaluator {
    static let builtinFunctions = ["range", "namespace", "dict", "plural"]

    func evalArgs(_ args: CallArgs) throws(EvalFailure) -> ([Value], [(String, Value)]) {
        var pos: [Value] = []
        pos.reserveCapacity(args.positional.count)
        for a in args.positional { pos.append(try value(a)) }
        var kw: [(String, Value)] = []
        for (k, a) in args.keywords { kw.append((k, try value(a))) }
        return (pos, kw)
    }

    func callFunction(_ name: String, _ args: CallArgs, at offset: Int, expr: Expr) throws(EvalFailure) -> Value {
        if let m = macros[name] { return try callMacro(m, args, at: offset) }
        switch name {
        case "range":
            let (pos, kw) = try evalArgs(args)
            guard kw.isEmpty, (1...3).contains(pos.count) else {
                throw fail(.type, "range() takes 1 to 3 int arguments", at: offset)
            }
            var ints: [Int] = []
            for v in pos {
                guard case .int(let i) = v else { throw fail(.type, "range() takes ints, got \(v.shortDescription)", at: offset) }
                ints.append(i)
            }
            let (start, stop, step) = ints.count == 1 ? (0, ints[0], 1) : (ints[0], ints[1], ints.count == 3 ? ints[2] : 1)
            if step == 0 { throw fail(.value, "range() step cannot be zero", at: offset) }
            let span = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
            let count = span <= 0 ? 0 : (span / Double(abs(step))).rounded(.up)
            if count > Double(Evaluator.maxCollection) {
                let shown = count < 1e18 ? String(Int(count)) : "more than \(Evaluator.maxCollection)"
                throw fail(.value, "range() would make \(shown) items; the limit is \(Evaluator.maxCollection)", at: offset)
            }
            var out: [Value] = []
            out.reserveCapacity(Int(count))
            var i = start
            for _ in 0..<Int(count) { out.append(.int(i)); i &+= step }
            return .list(out)
        case "namespace", "dict":
            let (pos, kw) = try evalArgs(args)
            var d = ValueDict()
            for p in pos {
                guard case .dict(let init0) = p else {
                    throw fail(.type, "\(name)() takes keyword arguments or a mapping, got \(p.shortDescription)", at: offset)
                }
                for (k, v) in init0 { d[k] = v }
            }
            for (k, v) in kw { d[k] = v }
            return .dict(d)
        case "plural":
            let (pos, kw) = try evalArgs(args)
            guard pos.count >= 3 else {
                throw fail(.type, "plural(n, one, few, many) needs a number and 2 or 3 forms", at: offset)
            }
            return try pluralValue(pos[0], Array(pos.dropFirst()), kw, at: offset)
        default:
            break
        }
        if let f = options.functions[name] {
            let (pos, kw) = try evalArgs(args)
            do throws(TemplateCallError) {
                return try f(pos, kw)
            } catch {
                throw fail(.value, "\(name)(): \(error.message)", at: offset)
            }
        }
        let candidates = Evaluator.builtinFunctions + Array(options.functions.keys).sorted() + Array(macros.keys).sorted()
        throw fail(.undefined, "unknown function '\(name)'" + suggestionSuffix(name, among: candidates), at: offset)
    }

    func pluralValue(_ n: Value, _ formValues: [Value], _ kw: [(String, Value)], at offset: Int) throws(EvalFailure) -> Value {
        var forms: [String] = []
        var withNumber = true
        for v in formValues {
            if case .bool(let b) = v, forms.count >= 2 { withNumber = b; continue }
            guard case .string(let s) = v else {
                throw fail(.type, "'plural' forms must be strings, got \(v.shortDescription)", at: offset)
            }
            forms.append(s)
        }
        for (k, v) in kw {
            if k == "number", case .bool(let b) = v { withNumber = b }
            else if ["one", "few", "many"].contains(k), case .string(let s) = v { forms.append(s) }
            else { throw fail(.type, "'plural' has no argument '\(k)'", at: offset) }
        }
        do throws(TemplateCallError) {
            let (num, form) = try pluralForm(n, forms: forms)
            return .string(withNumber ? num + " " + form : form)
        } catch {
            throw fail(.type, error.message, at: offset)
        }
    }

    func callMacro(_ m: MacroDef, _ args: CallArgs, at offset: Int) throws(EvalFailure) -> Value {
        let (pos, kw) = try evalArgs(args)
        if pos.count > m.params.count {
            throw fail(.type, "macro '\(m.name)' takes \(m.params.count) argument\(m.params.count == 1 ? "" : "s"), got \(pos.count)", at: offset)
        }
        if macroDepth >= Evaluator.maxMacroDepth {
            throw fail(.value, "macros call each other more than \(Evaluator.maxMacroDepth) levels deep", at: offset)
        }
        var frame = Frame()
        frame.isMacro = true
        for (k, _) in kw where !m.params.contains(where: { $0.0 == k }) {
            throw fail(.type, "macro '\(m.name)' has no parameter '\(k)'", at: offset)
        }
        frames.append(frame)
        macroDepth += 1
        let savedTag = currentTag
        let savedOut = out
        out = ""
        defer {
            frames.removeLast()
            macroDepth -= 1
            currentTag = savedTag
        }
        for (i, (pname, def)) in m.params.enumerated() {
            if i < pos.count {
                frames[frames.count - 1].vars[pname] = pos[i]
            } else if let v = kw.first(where: { $0.0 == pname })?.1 {
                frames[frames.count - 1].vars[pname] = v
            } else if let def {
                currentTag = m.tag
                do throws(EvalFailure) {
                    frames[frames.count - 1].vars[pname] = try value(def)
                } catch {
                    out = savedOut
                    throw error
                }
            } else {
                out = savedOut
                throw fail(.type, "macro '\(m.name)' needs argument '\(pname)'", at: offset)
            }
        }
        execute(m.body)
        let result = out
        out = savedOut
        return .string(result)
    }

    func loopMethod(_ l: LoopState, _ name: String, _ args: CallArgs, at offset: Int) throws(EvalFailure) -> Value {
        let (pos, _) = try evalArgs(args)
        switch name {
        case "cycle":
            guard !pos.isEmpty else { throw fail(.type, "loop.cycle() needs at least one value", at: offset) }
            return pos[l.index0 % pos.count]
        case "changed":
            guard let fi = frames.lastIndex(where: { $0.loop != nil }) else { return .bool(false) }
            let v = Value.list(pos)
            let changed = frames[fi].loop!.changedLast != v
            frames[fi].loop!.changedLast = v
            return .bool(changed)
        default:
            throw fail(.undefined, "'loop' has no method '\(name)'" + suggestionSuffix(name, among: ["cycle", "changed"]), at: offset)
        }
    }

    // MARK: - Methods on values

    func callMethod(on b: Value, _ name: String, _ args: CallArgs, owner: Expr, at offset: Int) throws(EvalFailure) -> Value {
        let (pos, kw) = try evalArgs(args)
        func arg(_ i: Int, _ key: String) -> Value? {
            if i < pos.count { return pos[i] }
            return kw.first(where: { $0.0 == key })?.1
        }
        func str(_ i: Int, _ key: String) throws(EvalFailure) -> String? {
            guard let v = arg(i, key) else { return nil }
            if case .none = v { return nil }
            guard case .string(let s) = v else {
                throw fail(.type, "\(name)() expects a string, got \(v.shortDescription)", at: offset)
            }
            return s
        }
        switch b {
        case .dict(let d):
            switch name {
            case "items": return .list(d.map { .list([.string($0.key), $0.value]) })
            case "keys": return .list(d.keys.map { .string($0) })
            case "values": return .list(d.values)
            case "get":
                guard let k = try str(0, "key") else { throw fail(.type, "get() needs a key", at: offset) }
                return d[k] ?? arg(1, "default") ?? .none
            default:
                break
            }
        case .none:
            reportMissing(Missing(reason: .null(start: owner.start, end: owner.end), offset: owner.start))
            throw .reported
        case .string(let s):
            switch name {
            case "upper": return .string(s.uppercased())
            case "lower": return .string(s.lowercased())
            case "title": return .string(titleCase(s))
            case "capitalize": return .string(capitalize(s))
            case "strip": return .string(stripChars(s, try str(0, "chars"), leading: true, trailing: true))
            case "lstrip": return .string(stripChars(s, try str(0, "chars"), leading: true, trailing: false))
            case "rstrip": return .string(stripChars(s, try str(0, "chars"), leading: false, trailing: true))
            case "startswith", "endswith":
                var options: [String] = []
                switch arg(0, "prefix") {
                case .string(let p)?: options = [p]
                case .list(let l)?:
                    for v in l { if case .string(let p) = v { options.append(p) } }
                default: throw fail(.type, "\(name)() needs a string", at: offset)
                }
                let bytes = Array(s.utf8)
                return .bool(options.contains { p in
                    let pb = Array(p.utf8)
                    guard pb.count <= bytes.count else { return false }
                    return name == "startswith" ? Array(bytes.prefix(pb.count)) == pb : Array(bytes.suffix(pb.count)) == pb
                })
            case "split":
                var maxSplit = -1
                if case .int(let m)? = arg(1, "maxsplit") { maxSplit = m }
                return .list(splitString(s, try str(0, "sep"), maxSplit: maxSplit).map { .string($0) })
            case "splitlines":
                return .list(s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                    .map { .string(String($0)) }.dropLastIfEmpty())
            case "replace":
                guard let old = try str(0, "old"), let new = try str(1, "new") else {
                    throw fail(.type, "replace() needs two strings", at: offset)
                }
                var count = -1
                if case .int(let c)? = arg(2, "count") { count = c }
                return .string(replaceString(s, old, new, count: count))
            case "join":
                guard case .list(let l)? = arg(0, "iterable") else { throw fail(.type, "join() needs a list", at: offset) }
                return .string(l.map { $0.printed }.joined(separator: s))
            case "count":
                guard let sub = try str(0, "sub") else { throw fail(.type, "count() needs a string", at: offset) }
                return .int(countOccurrences(s, sub))
            case "find":
                guard let sub = try str(0, "sub") else { throw fail(.type, "find() needs a string", at: offset) }
                guard let byte = findBytes(Array(s.utf8), Array(sub.utf8), from: 0) else { return .int(-1) }
                return .int(String(decoding: Array(s.utf8)[0..<byte], as: UTF8.self).unicodeScalars.count)
            case "isdigit": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal })
            case "isalpha": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic })
            case "zfill":
                guard case .int(let w)? = arg(0, "width") else { throw fail(.type, "zfill() needs an int", at: offset) }
                let n = s.count
                if n >= w { return .string(s) }
                var body = s
                var sign = ""
                if body.hasPrefix("-") || body.hasPrefix("+") { sign = String(body.removeFirst()) }
                guard w - n <= Evaluator.maxStringBytes else { throw fail(.value, "zfill() width is too large", at: offset) }
                return .string(sign + String(repeating: "0", count: w - n) + body)
            case "format":
                do throws(TemplateCallError) {
                    return .string(try braceFormat(s, pos, kw))
                } catch {
                    throw fail(.value, error.message, at: offset)
                }
            default:
                break
            }
        case .list(let l):
            switch name {
            case "count":
                guard let x = arg(0, "value") else { throw fail(.type, "count() needs a value", at: offset) }
                return .int(l.filter { valuesEqual($0, x) }.count)
            case "index":
                guard let x = arg(0, "value") else { throw fail(.type, "index() needs a value", at: offset) }
                if let i = l.firstIndex(where: { valuesEqual($0, x) }) { return .int(i) }
                throw fail(.value, "\(x.shortDescription) is not in '\(text(owner))'", at: offset)
            default:
                break
            }
        default:
            break
        }
        let known: [String]
        switch b {
        case .dict: known = ["items", "keys", "values", "get"]
        case .string: known = ["upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith",
                               "endswith", "split", "splitlines", "replace", "join", "count", "find", "isdigit",
                               "isalpha", "zfill", "format"]
        case .list: known = ["count", "index"]
        default: known = []
        }
        throw fail(.type, "'\(text(owner))' (\(b.typeName)) has no method '\(name)'" + suggestionSuffix(name, among: known), at: offset)
    }
}

extension Array where Element == Value {
    func dropLastIfEmpty() -> [Value] {
        if let last, last == .string("") { return Array(dropLast()) }
        return self
    }
}
