/// The syntax tree the parser builds once and the evaluator walks on every render.
///
/// Nodes are immutable and Sendable so a parsed Template can be shared between threads and rendered concurrently.
/// Every node keeps UTF-8 offsets into the source so that a render-time diagnostic points at what the user typed.

/// A statement-level node.
enum Node: Sendable {
    /// Literal template text, already cut by whitespace control. Never escaped.
    case text(String)
    /// `{{ expr }}`
    case output(Expr, tag: Range<Int>)
    case ifBlock(IfBlock)
    case forBlock(ForBlock)
    /// `{% set target = expr %}`
    case set(SetStatement)
    /// `{% macro name(params) %}…{% endmacro %}`: defines a macro when executed.
    case macro(MacroDef)
}

final class IfBlock: Sendable {
    struct Branch: Sendable {
        let condition: Expr
        let body: [Node]
        let tag: Range<Int>
    }
    let branches: [Branch]
    let elseBody: [Node]?
    init(branches: [Branch], elseBody: [Node]?) {
        self.branches = branches
        self.elseBody = elseBody
    }
}

final class ForBlock: Sendable {
    /// One name, or several for unpacking (`for k, v in d.items()`).
    let targets: [String]
    let iterable: Expr
    /// `for x in xs if cond`
    let filter: Expr?
    let body: [Node]
    let elseBody: [Node]?
    let tag: Range<Int>
    init(targets: [String], iterable: Expr, filter: Expr?, body: [Node], elseBody: [Node]?, tag: Range<Int>) {
        self.targets = targets; self.iterable = iterable; self.filter = filter
        self.body = body; self.elseBody = elseBody; self.tag = tag
    }
}

final class SetStatement: Sendable {
    enum Target: Sendable {
        case names([String])
        /// `ns.attr`
        case attribute(String, String)
    }
    let target: Target
    let value: Expr
    let tag: Range<Int>
    init(target: Target, value: Expr, tag: Range<Int>) {
        self.target = target; self.value = value; self.tag = tag
    }
}

final class MacroDef: Sendable {
    let name: String
    let params: [(String, Expr?)]
    let body: [Node]
    let tag: Range<Int>
    init(name: String, params: [(String, Expr?)], body: [Node], tag: Range<Int>) {
        self.name = name; self.params = params; self.body = body; self.tag = tag
    }
}

/// An expression, with the UTF-8 range of its source text.
final class Expr: Sendable {
    let kind: ExprKind
    let start: Int
    let end: Int
    /// Height of the tree below this node; the parser rejects trees too deep for the evaluator's recursion.
    let depth: Int
    init(_ kind: ExprKind, _ start: Int, _ end: Int) {
        self.kind = kind; self.start = start; self.end = end
        self.depth = 1 + Expr.childDepth(kind)
    }

    private static func childDepth(_ kind: ExprKind) -> Int {
        func d(_ e: Expr?) -> Int { e?.depth ?? 0 }
        func args(_ a: CallArgs) -> Int {
            max(a.positional.map(\.depth).max() ?? 0, a.keywords.map { $0.1.depth }.max() ?? 0)
        }
        switch kind {
        case .literal, .name: return 0
        case .attribute(let b, _, _): return d(b)
        case .item(let a, let b): return max(d(a), d(b))
        case .slice(let a, let b, let c, let e): return max(d(a), d(b), d(c), d(e))
        case .negate(let a), .plus(let a), .not(let a): return d(a)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b): return max(d(a), d(b))
        case .compare(let a, let rest): return max(d(a), rest.map { $0.1.depth }.max() ?? 0)
        case .test(let a, let t): return max(d(a), t.args.map(\.depth).max() ?? 0)
        case .filter(let a, let f): return max(d(a), args(f.args))
        case .call(_, let a, _): return args(a)
        case .methodCall(let b, _, let a, _): return max(d(b), args(a))
        case .conditional(let a, let b, let c): return max(d(a), d(b), d(c))
        case .list(let xs), .tuple(let xs): return xs.map(\.depth).max() ?? 0
        case .dict(let pairs): return pairs.map { max($0.0.depth, $0.1.depth) }.max() ?? 0
        }
    }
}

enum BinaryOp: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**", concat = "~"
}

enum CompareOp: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", isIn = "in", notIn = "not in"
}

struct CallArgs: Sendable {
    var positional: [Expr] = []
    var keywords: [(String, Expr)] = []
    var isEmpty: Bool { positional.isEmpty && keywords.isEmpty }
}

struct FilterCall: Sendable {
    let name: String
    let nameOffset: Int
    /// Resolved at parse time; nil for a filter supplied through RenderOptions.
    let builtin: BuiltinFilter?
    let args: CallArgs
    /// The signature of a built-in filter, and its arguments already bound when they are all literals
    /// (`date('long')`, `plural('год', 'года', 'лет')`), so rendering does not rebuild them each time.
    let signature: FilterSignature?
    let constantArgs: BoundArgs?

    init(name: String, nameOffset: Int, builtin: BuiltinFilter?, args: CallArgs) {
        self.name = name; self.nameOffset = nameOffset; self.builtin = builtin; self.args = args
        let sig = builtin?.signature
        signature = sig
        func literal(_ e: Expr) -> Value? {
            if case .literal(let v) = e.kind { return v }
            return nil
        }
        let pos = args.positional.compactMap(literal)
        let kw = args.keywords.compactMap { k, e in literal(e).map { (k, $0) } }
        if let sig, pos.count == args.positional.count, kw.count == args.keywords.count {
            constantArgs = BoundArgs(signature: sig, pos, kw)
        } else {
            constantArgs = nil
        }
    }
}

struct TestCall: Sendable {
    let name: String
    let nameOffset: Int
    let test: BuiltinTest
    let args: [Expr]
    let negated: Bool
}

indirect enum ExprKind: Sendable {
    case literal(Value)
    case name(String)
    /// `a.b`; `nameOffset` is where `b` starts.
    case attribute(Expr, String, nameOffset: Int)
    /// `a[b]`
    case item(Expr, Expr)
    /// `a[start:stop:step]`
    case slice(Expr, Expr?, Expr?, Expr?)
    case negate(Expr)
    case plus(Expr)
    case not(Expr)
    case binary(BinaryOp, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    /// Chained comparisons: `a < b <= c`.
    case compare(Expr, [(CompareOp, Expr)])
    case test(Expr, TestCall)
    case filter(Expr, FilterCall)
    /// `name(args)`: a built-in function, a RenderOptions function or a macro.
    case call(String, CallArgs, nameOffset: Int)
    /// `value.method(args)`
    case methodCall(Expr, String, CallArgs, nameOffset: Int)
    /// `a if cond else b`; without `else` the result is the empty string.
    case conditional(Expr, Expr, Expr?)
    case list([Expr])
    case tuple([Expr])
    case dict([(Expr, Expr)])
}
