/// The tree-walking evaluator: one instance per render, never shared.
///
/// It never stops at the first problem. A failed `{{ }}` prints nothing, a failed condition is false, a failed loop
/// runs zero times; each problem is recorded with its location and rendering goes on, so that one run reports every
/// error of a template.

/// Why an expression produced no value.
enum EvalFailure: Error {
    /// A missing name, attribute, item or a null value. Testing contexts (`if`, `and`, `or`, `not`, `is defined`,
    /// `default`) treat it as absent; every other use reports it.
    case missing(Missing)
    /// An error already recorded: the caller only skips what depended on it.
    case reported
}

struct Missing {
    enum Reason {
        case name(String)
        /// `owner.name` where owner (source range) lacks `name`; `keys` are the owner's keys for suggestions;
        /// `ownerType` is set when the owner is not a mapping.
        case attribute(ownerStart: Int, ownerEnd: Int, name: String, keys: [String], ownerType: String?)
        /// A null value at the expression `start..<end`.
        case null(start: Int, end: Int)
        /// Anything else (index out of range, first item of an empty list…), with its full message.
        case other(String)
    }
    var reason: Reason
    var offset: Int
}

struct LoopState {
    var index0 = 0
    var length: Int
    var items: [Value]
    var depth: Int
    var changedLast: Value? = nil
}

struct Frame {
    /// A single loop variable is kept out of the dictionary: it changes every iteration and is read most.
    var loopVariable: String? = nil
    var loopValue: Value = .none
    var vars: [String: Value] = [:]
    var namespaces: Set<String> = []
    var loop: LoopState? = nil
    /// A macro's frame: names of the caller's frames are not visible (template-level variables still are).
    var isMacro = false
}

final class Evaluator {
    static let maxLoopIterations = 1_000_000
    static let maxCollection = 1_000_000
    static let maxStringBytes = 10_000_000
    static let maxOutputBytes = 200_000_000
    static let maxMacroDepth = 50
    static let maxWork = 500_000_000
    static let maxDiagnostics = 1000

    let template: Template
    let context: ValueDict
    let options: RenderOptions
    let locale: DateLocale?

    @exclusivity(unchecked) var out = ""
    var errors: [TemplateDiagnostic] = []
    var warnings: [TemplateDiagnostic] = []
    private var reportedKeys: Set<DiagnosticKey> = []
    private var warnedSites: Set<Int> = []
    @exclusivity(unchecked) var frames: [Frame] = [Frame()]
    @exclusivity(unchecked) var currentTag: Range<Int> = 0..<0
    var macros: [String: MacroDef] = [:]
    @exclusivity(unchecked) var iterations = 0
    @exclusivity(unchecked) var work = 0
    var macroDepth = 0
    var aborted = false

    private struct DiagnosticKey: Hashable {
        var offset: Int
        var message: String
        var warning: Bool
    }

    init(template: Template, context: ValueDict, options: RenderOptions) {
        self.template = template
        self.context = context
        self.options = options
        self.locale = DateLocale(options.locale)
    }

    func run() -> RenderOutcome {
        out.reserveCapacity(template.sourceBytes.count + template.sourceBytes.count / 4 + 64)
        if locale == nil {
            record(.value, "unknown locale '\(options.locale)' in the render options (use 'ru' or 'en')", at: 0, tag: nil)
        }
        execute(template.body)
        return RenderOutcome(output: out, errors: errors, warnings: warnings)
    }

    // MARK: - Diagnostics

    func record(_ kind: TemplateDiagnostic.Kind, _ message: String, at offset: Int, warning: Bool = false) {
        record(kind, message, at: offset, tag: currentTag, warning: warning)
    }

    func record(_ kind: TemplateDiagnostic.Kind, _ message: String, at offset: Int, tag: Range<Int>?, warning: Bool = false) {
        let key = DiagnosticKey(offset: offset, message: message, warning: warning)
        guard !reportedKeys.contains(key) else { return }
        if (warning ? warnings.count : errors.count) >= Evaluator.maxDiagnostics { return }
        reportedKeys.insert(key)
        let d = TemplateDiagnostic(kind: kind, message: message, location: template.location(of: offset),
                                   tagRange: tag.flatMap { $0.isEmpty ? nil : $0 })
        if warning { warnings.append(d) } else { errors.append(d) }
    }

    /// Records an error and returns the failure to throw.
    func fail(_ kind: TemplateDiagnostic.Kind, _ message: String, at offset: Int) -> EvalFailure {
        record(kind, message, at: offset)
        return .reported
    }

    /// The source text of an expression, as the user typed it.
    func text(_ start: Int, _ end: Int) -> String {
        guard start >= 0, end <= template.sourceBytes.count, start <= end else { return "" }
        return String(decoding: template.sourceBytes[start..<end], as: UTF8.self)
    }

    func text(_ e: Expr) -> String { text(e.start, e.end) }

    /// The message for a missing value, with a suggestion when a close name exists.
    func message(for m: Missing) -> String {
        switch m.reason {
        case .name(let n):
            return "undefined name '\(n)'" + suggestionSuffix(n, among: namesInScope())
        case .attribute(let s, let e, let name, let keys, let ownerType):
            if let t = ownerType {
                return "undefined name '\(name)' in '\(text(s, e))' (it is a \(t), not a mapping)"
            }
            return "undefined name '\(name)' in '\(text(s, e))'" + suggestionSuffix(name, among: keys)
        case .null(let s, let e):
            return "'\(text(s, e))' is empty (null)"
        case .other(let msg):
            return msg
        }
    }

    /// Reports a missing value used where a value is required: an error, or in lenient mode a warning.
    func reportMissing(_ m: Missing) {
        record(.undefined, message(for: m), at: m.offset, warning: options.lenient)
    }

    /// In a testing context a missing value is simply false, but a misspelled name hides a section of a filing
    /// silently: warn when a close name exists.
    func noteTestedMissing(_ m: Missing) {
        guard !warnedSites.contains(m.offset) else { return }
        warnedSites.insert(m.offset)
        switch m.reason {
        case .name(let n):
            if let s = didYouMean(n, among: namesInScope()) {
                record(.undefined, "'\(n)' is not defined (did you mean '\(s)'?)", at: m.offset, warning: true)
            }
        case .attribute(let os, let oe, let name, let keys, nil):
            if let s = didYouMean(name, among: keys) {
                record(.undefined, "'\(name)' is not defined in '\(text(os, oe))' (did you mean '\(s)'?)", at: m.offset, warning: true)
            }
        default:
            break
        }
    }

    /// Context keys, variables and loop variables visible here.
    func namesInScope() -> [String] {
        var names: [String] = []
        var i = frames.count - 1
        while i >= 0 {
            if let n = frames[i].loopVariable { names.append(n) }
            names.append(contentsOf: frames[i].vars.keys.sorted())
            if frames[i].loop != nil { names.append("loop") }
            if frames[i].isMacro { break }
            i -= 1
        }
        if i > 0 { names.append(contentsOf: frames[0].vars.keys.sorted()) }
        names.append(contentsOf: context.keys)
        return names
    }

    // MARK: - Statements

    func execute(_ nodes: [Node]) {
        for node in nodes {
            if aborted { return }
            switch node {
            case .text(let s):
                out.append(s)
            case .output(let e, let tag):
                currentTag = tag
                output(e)
            case .ifBlock(let b):
                var done = false
                for branch in b.branches {
                    currentTag = branch.tag
                    if condition(branch.condition) {
                        execute(branch.body)
                        done = true
                        break
                    }
                }
                if !done, let e = b.elseBody { execute(e) }
            case .forBlock(let f):
                loop(f)
            case .set(let s):
                currentTag = s.tag
                assign(s)
            case .macro(let m):
                macros[m.name] = m
            }
        }
        if out.utf8.count > Evaluator.maxOutputBytes, !aborted {
            aborted = true
            record(.value, "the output is larger than \(Evaluator.maxOutputBytes / 1_000_000) MB; rendering stopped", at: currentTag.lowerBound)
        }
    }

    /// `{{ expr }}`: print through the escaper. Null and missing values print nothing and are reported.
    func output(_ e: Expr) {
        let v: Value
        do throws(EvalFailure) {
            v = try eval(e)
        } catch {
            if case .missing(let m) = error { reportMissing(m) }
            return
        }
        if case .none = v {
            record(.undefined, "'\(text(e))' is empty (null)", at: e.start, warning: options.lenient)
            return
        }
        if case .call(let name, _, _) = e.kind, macros[name] != nil, lookup(name) == nil, case .string(let s) = v {
            // A macro's output is rendered template text: its values were escaped inside the macro already.
            out.append(s)
            return
        }
        let s = v.printed
        if let escape = options.escape {
            do throws(TemplateCallError) {
                out.append(try escape(s))
            } catch {
                record(.value, "value of '\(text(e))' \(error.message)", at: e.start)
            }
        } else {
            out.append(s)
        }
    }

    /// A condition: missing is false (with a warning for a likely misspelling); an error is false.
    func condition(_ e: Expr) -> Bool {
        do throws(EvalFailure) {
            return try truthy(e)
        } catch {
            return false
        }
    }

    /// Truthiness inside an expression: absorbs a missing value (false), passes on a reported error.
    func truthy(_ e: Expr) throws(EvalFailure) -> Bool {
        do throws(EvalFailure) {
            return try eval(e).isTruthy
        } catch {
            if case .missing(let m) = error {
                noteTestedMissing(m)
                return false
            }
            throw error
        }
    }

    func loop(_ f: ForBlock) {
        currentTag = f.tag
        let source: Value
        do throws(EvalFailure) {
            source = try eval(f.iterable)
        } catch {
            if case .missing(let m) = error { reportMissing(m) }
            if let e = f.elseBody { execute(e) }
            return
        }
        var items: [Value]
        switch source {
        case .none: items = []
        case .list(let l): items = l
        case .dict(let d): items = d.keys.map { .string($0) }
        default:
            record(.type, "cannot loop over '\(text(f.iterable))': it is \(source.shortDescription), not a list", at: f.iterable.start)
            if let e = f.elseBody { execute(e) }
            return
        }
        var frame = Frame()
        frame.loop = LoopState(length: 0, items: [], depth: frames.reduce(0) { $0 + ($1.loop == nil ? 0 : 1) } + 1)
        frames.append(frame)

        if let filter = f.filter {
            var kept: [Value] = []
            for item in items {
                guard tick(f) else { frames.removeLast(); return }
                currentTag = f.tag
                guard bind(f.targets, item, at: f.tag.lowerBound) else { continue }
                if condition(filter) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            frames.removeLast()
            if let e = f.elseBody { execute(e) }
            return
        }
        defer { frames.removeLast() }
        frames[frames.count - 1].loop!.items = items
        frames[frames.count - 1].loop!.length = items.count
        for (i, item) in items.enumerated() {
            guard tick(f) else { return }
            frames[frames.count - 1].loop!.index0 = i
            if f.targets.count > 1 { currentTag = f.tag }
            guard bind(f.targets, item, at: f.tag.lowerBound) else { continue }
            execute(f.body)
        }
    }

    /// Counts one loop iteration against the render's budget; false once rendering must stop.
    private func tick(_ f: ForBlock) -> Bool {
        iterations += 1
        if iterations > Evaluator.maxLoopIterations {
            if !aborted {
                aborted = true
                record(.value, "the template runs more than \(Evaluator.maxLoopIterations) loop iterations; rendering stopped",
                       at: f.tag.lowerBound, tag: f.tag)
            }
            return false
        }
        return !aborted
    }

    /// Binds loop variables; unpacks when there are several.
    private func bind(_ targets: [String], _ item: Value, at offset: Int) -> Bool {
        if targets.count == 1 {
            let top = frames.count - 1
            if frames[top].loopVariable == nil, frames[top].loop != nil {
                frames[top].loopVariable = targets[0]
            }
            if frames[top].loopVariable == targets[0] {
                frames[top].loopValue = item
            } else {
                frames[top].vars[targets[0]] = item
            }
            return true
        }
        var parts: [Value]
        switch item {
        case .list(let l): parts = l
        case .dict(let d) where d.keys == ["grouper", "list"]: parts = d.values
        default:
            currentTag = currentTag.isEmpty ? offset..<offset : currentTag
            record(.type, "cannot unpack \(item.shortDescription) into \(targets.count) names", at: offset)
            return false
        }
        guard parts.count == targets.count else {
            record(.type, "cannot unpack \(item.shortDescription) into \(targets.count) names", at: offset)
            return false
        }
        for (n, v) in zip(targets, parts) { frames[frames.count - 1].vars[n] = v }
        return true
    }

    func assign(_ s: SetStatement) {
        let v: Value
        do throws(EvalFailure) {
            v = try eval(s.value)
        } catch {
            if case .missing(let m) = error { reportMissing(m) }
            return
        }
        switch s.target {
        case .names(let names):
            if names.count == 1 {
                if frames[frames.count - 1].loopVariable == names[0] {
                    frames[frames.count - 1].loopVariable = nil
                }
                frames[frames.count - 1].vars[names[0]] = v
                if case .call("namespace", _, _) = s.value.kind {
                    frames[frames.count - 1].namespaces.insert(names[0])
                } else {
                    frames[frames.count - 1].namespaces.remove(names[0])
                }
            } else {
                _ = bind(names, v, at: s.value.start)
            }
        case .attribute(let name, let attr):
            var i = frames.count - 1
            while i >= 0 {
                if frames[i].vars[name] != nil { break }
                if frames[i].isMacro { i = 0; break }
                i -= 1
            }
            guard i >= 0, frames[i].vars[name] != nil, frames[i].namespaces.contains(name),
                  case .dict(var d) = frames[i].vars[name]! else {
                record(.type, "cannot set '\(name).\(attr)': only a namespace() can be changed this way (use {% set \(name) = namespace(...) %})", at: s.tag.lowerBound)
                return
            }
            frames[i].vars[name] = Value.none   // release the old copy so the update happens in place
            d[attr] = v
            frames[i].vars[name] = .dict(d)
        }
    }

    // MARK: - Names

    @inline(__always)
    func lookup(_ name: String) -> Value? {
        var i = frames.count - 1
        while i > 0 {
            if let n = frames[i].loopVariable, n == name { return frames[i].loopValue }
            if !frames[i].vars.isEmpty, let v = frames[i].vars[name] { return v }
            if frames[i].isMacro { break }
            i -= 1
        }
        if !frames[0].vars.isEmpty, let v = frames[0].vars[name] { return v }
        return context[name]
    }

    var currentLoop: LoopState? {
        var i = frames.count - 1
        while i > 0 {
            if let l = frames[i].loop { return l }
            if frames[i].isMacro { return nil }
            i -= 1
        }
        return nil
    }

    func loopAttribute(_ l: LoopState, _ name: String, at offset: Int) throws(EvalFailure) -> Value {
        switch name {
        case "index": return .int(l.index0 + 1)
        case "index0": return .int(l.index0)
        case "first": return .bool(l.index0 == 0)
        case "last": return .bool(l.index0 == l.length - 1)
        case "length": return .int(l.length)
        case "revindex": return .int(l.length - l.index0)
        case "revindex0": return .int(l.length - l.index0 - 1)
        case "depth": return .int(l.depth)
        case "depth0": return .int(l.depth - 1)
        case "previtem":
            if l.index0 > 0 { return l.items[l.index0 - 1] }
            throw .missing(Missing(reason: .other("'loop.previtem' is undefined on the first iteration"), offset: offset))
        case "nextitem":
            if l.index0 + 1 < l.length { return l.items[l.index0 + 1] }
            throw .missing(Missing(reason: .other("'loop.nextitem' is undefined on the last iteration"), offset: offset))
        default:
            let names = ["index", "index0", "first", "last", "length", "revindex", "revindex0", "depth", "depth0",
                         "previtem", "nextitem", "cycle", "changed"]
            throw .missing(Missing(reason: .other("'loop' has no attribute '\(name)'" + suggestionSuffix(name, among: names)), offset: offset))
        }
    }

    func loopValue(_ l: LoopState) -> Value {
        var d = ValueDict()
        for k in ["index", "index0", "first", "last", "length", "revindex", "revindex0", "depth", "depth0"] {
            if let v = try? loopAttribute(l, k, at: 0) { d[k] = v }
        }
        return .dict(d)
    }
}
