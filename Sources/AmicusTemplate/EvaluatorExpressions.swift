/// Expression evaluation: names, attributes, items, operators, comparisons, calls.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Evaluator {
    /// Evaluates an expression. A missing value is thrown as `.missing` so the context decides whether it is an
    /// error (printing, computing) or simply false (testing).
    func eval(_ e: Expr) throws(EvalFailure) -> Value {
        switch e.kind {
        case .literal(let v):
            return v
        case .name(let n):
            if n == "loop", let l = currentLoop { return loopValue(l) }
            if let v = lookup(n) { return v }
            throw .missing(Missing(reason: .name(n), offset: e.start))
        case .attribute(let base, let name, let offset):
            if case .name("loop") = base.kind, let l = currentLoop {
                return try loopAttribute(l, name, at: offset)
            }
            let b = try eval(base)
            return try attribute(of: b, name, owner: base, offset: offset)
        case .item(let base, let index):
            let b = try eval(base)
            let i = try value(index)
            return try item(of: b, i, owner: base, index: index)
        case .slice(let base, let start, let stop, let step):
            let b = try value(base)
            return try slice(b, start, stop, step, owner: base)
        case .negate(let x):
            let v = try operand(x)
            switch v {
            case .int(let i):
                if i == Int.min { throw fail(.type, "integer overflow", at: e.start) }
                return .int(-i)
            case .double(let d): return .double(-d)
            default: throw fail(.type, "cannot negate \(v.typeName) \(v.shortDescription)", at: e.start)
            }
        case .plus(let x):
            let v = try operand(x)
            guard v.isNumber else { throw fail(.type, "unary '+' needs a number, got \(v.shortDescription)", at: e.start) }
            return v
        case .not(let x):
            return .bool(!(try truthy(x)))
        case .and(let a, let b):
            do throws(EvalFailure) {
                let va = try eval(a)
                if !va.isTruthy { return va }
            } catch {
                if case .missing(let m) = error { noteTestedMissing(m) }
                throw error
            }
            return try eval(b)
        case .or(let a, let b):
            do throws(EvalFailure) {
                let va = try eval(a)
                if va.isTruthy { return va }
            } catch {
                guard case .missing(let m) = error else { throw error }
                noteTestedMissing(m)
            }
            return try eval(b)
        case .binary(let op, let a, let b):
            return try charged(binary(op, a, b, at: e), at: e.start)
        case .compare(let first, let rest):
            var left = try value(first)
            var leftExpr = first
            for (op, rightExpr) in rest {
                let right = try value(rightExpr)
                if !(try compare(op, left, right, leftExpr, rightExpr)) { return .bool(false) }
                left = right
                leftExpr = rightExpr
            }
            return .bool(true)
        case .test(let x, let t):
            return .bool(try runTest(t, on: x))
        case .filter(let x, let f):
            return try charged(applyFilter(f, to: x), at: f.nameOffset)
        case .call(let name, let args, let offset):
            return try charged(callFunction(name, args, at: offset, expr: e), at: offset)
        case .methodCall(let base, let name, let args, let offset):
            if case .name("loop") = base.kind, let l = currentLoop {
                return try loopMethod(l, name, args, at: offset)
            }
            let b = try eval(base)
            return try charged(callMethod(on: b, name, args, owner: base, at: offset), at: offset)
        case .conditional(let thenExpr, let cond, let elseExpr):
            if try truthy(cond) { return try eval(thenExpr) }
            if let elseExpr { return try eval(elseExpr) }
            return .string("")
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for i in items { out.append(try value(i)) }
            return .list(out)
        case .tuple(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for i in items { out.append(try value(i)) }
            return .list(out)
        case .dict(let pairs):
            var d = ValueDict()
            for (k, v) in pairs {
                let key = try value(k)
                guard case .string(let s) = key else {
                    throw fail(.type, "mapping keys must be strings, got \(key.shortDescription)", at: k.start)
                }
                d[s] = try value(v)
            }
            return .dict(d)
        }
    }

    /// Counts the size of a computed value against the render's work budget, so that no template can keep the
    /// renderer busy for minutes by building large values over and over (each one is already size-capped).
    @inline(__always)
    func charged(_ v: Value, at offset: Int) throws(EvalFailure) -> Value {
        switch v {
        case .string(let s): work &+= s.utf8.count
        case .list(let l): work &+= l.count
        default: work &+= 1
        }
        if work > options.workBudget {
            if !aborted {
                aborted = true
                record(.value, "the template computes more than \(options.workBudget / 1_000_000) MB of values; rendering stopped", at: offset)
            }
            throw .reported
        }
        return v
    }

    /// A value that must exist: a missing one is reported here. Null is allowed (it is a value).
    func value(_ e: Expr) throws(EvalFailure) -> Value {
        do throws(EvalFailure) {
            return try eval(e)
        } catch {
            if case .missing(let m) = error { reportMissing(m) }
            throw .reported
        }
    }

    /// A value to compute with: missing and null are both reported.
    func operand(_ e: Expr) throws(EvalFailure) -> Value {
        let v = try value(e)
        if case .none = v {
            reportMissing(Missing(reason: .null(start: e.start, end: e.end), offset: e.start))
            throw .reported
        }
        return v
    }

    // MARK: - Attributes and items

    func attribute(of b: Value, _ name: String, owner: Expr, offset: Int) throws(EvalFailure) -> Value {
        switch b {
        case .dict(let d):
            if let v = d[name] { return v }
            throw .missing(Missing(reason: .attribute(ownerStart: owner.start, ownerEnd: owner.end, name: name,
                                                      keys: d.keys, ownerType: nil), offset: offset))
        case .none:
            throw .missing(Missing(reason: .null(start: owner.start, end: owner.end), offset: owner.start))
        case .date(let d):
            switch name {
            case "year": return .int(d.year)
            case "month": return .int(d.month)
            case "day": return .int(d.day)
            case "hour": return d.hour.map { .int($0) } ?? .none
            case "minute": return d.minute.map { .int($0) } ?? .none
            default: break
            }
            fallthrough
        default:
            throw .missing(Missing(reason: .attribute(ownerStart: owner.start, ownerEnd: owner.end, name: name,
                                                      keys: [], ownerType: b.typeName), offset: offset))
        }
    }

    func item(of b: Value, _ i: Value, owner: Expr, index: Expr) throws(EvalFailure) -> Value {
        switch (b, i) {
        case (.dict(let d), .string(let k)):
            if let v = d[k] { return v }
            throw .missing(Missing(reason: .attribute(ownerStart: owner.start, ownerEnd: owner.end, name: k,
                                                      keys: d.keys, ownerType: nil), offset: index.start))
        case (.list(let l), .int(let n)):
            let j = n < 0 ? l.count + n : n
            if j >= 0 && j < l.count { return l[j] }
            throw .missing(Missing(reason: .other("index \(n) is out of range for '\(text(owner))' (\(l.count) item\(l.count == 1 ? "" : "s"))"), offset: index.start))
        case (.string(let s), .int(let n)):
            let chars = Array(s)
            let j = n < 0 ? chars.count + n : n
            if j >= 0 && j < chars.count { return .string(String(chars[j])) }
            throw .missing(Missing(reason: .other("index \(n) is out of range for '\(text(owner))' (\(chars.count) characters)"), offset: index.start))
        case (.none, _):
            throw .missing(Missing(reason: .null(start: owner.start, end: owner.end), offset: owner.start))
        case (.dict, _):
            throw fail(.type, "mapping keys are strings; '\(text(index))' is \(i.shortDescription)", at: index.start)
        case (.list, _), (.string, _):
            throw fail(.type, "an index into '\(text(owner))' must be an int, got \(i.shortDescription)", at: index.start)
        case (.date, .string(let k)):
            return try attribute(of: b, k, owner: owner, offset: index.start)
        default:
            throw fail(.type, "'\(text(owner))' is \(b.shortDescription); it cannot be indexed", at: index.start)
        }
    }

    func slice(_ b: Value, _ start: Expr?, _ stop: Expr?, _ step: Expr?, owner: Expr) throws(EvalFailure) -> Value {
        func bound(_ e: Expr?) throws(EvalFailure) -> Int? {
            guard let e else { return nil }
            let v = try value(e)
            switch v {
            case .none: return nil
            case .int(let i): return i
            default: throw fail(.type, "slice bounds must be ints, got \(v.shortDescription)", at: e.start)
            }
        }
        let s = try bound(start), t = try bound(stop), st = try bound(step) ?? 1
        if st == 0 { throw fail(.value, "slice step cannot be zero", at: step!.start) }
        switch b {
        case .list(let l): return .list(sliceArray(l, s, t, st))
        case .string(let str): return .string(String(sliceArray(Array(str), s, t, st)))
        default: throw fail(.type, "'\(text(owner))' is \(b.shortDescription); it cannot be sliced", at: owner.start)
        }
    }

    // MARK: - Operators

    func binary(_ op: BinaryOp, _ a: Expr, _ b: Expr, at e: Expr) throws(EvalFailure) -> Value {
        let x = try operand(a)
        let y = try operand(b)
        if op == .concat {
            let s = x.printed + y.printed
            if s.utf8.count > Evaluator.maxStringBytes { throw fail(.value, "string is too long (over \(Evaluator.maxStringBytes) bytes)", at: e.start) }
            return .string(s)
        }
        switch (op, x, y) {
        case (.add, .int(let i), .int(let j)):
            let (r, o) = i.addingReportingOverflow(j)
            if o { throw fail(.value, "integer overflow in '\(text(e))'", at: e.start) }
            return .int(r)
        case (.sub, .int(let i), .int(let j)):
            let (r, o) = i.subtractingReportingOverflow(j)
            if o { throw fail(.value, "integer overflow in '\(text(e))'", at: e.start) }
            return .int(r)
        case (.mul, .int(let i), .int(let j)):
            let (r, o) = i.multipliedReportingOverflow(by: j)
            if o { throw fail(.value, "integer overflow in '\(text(e))'", at: e.start) }
            return .int(r)
        case (.add, .string(let s), .string(let t)):
            if s.utf8.count + t.utf8.count > Evaluator.maxStringBytes { throw fail(.value, "string is too long", at: e.start) }
            return .string(s + t)
        case (.add, .list(let s), .list(let t)):
            if s.count + t.count > Evaluator.maxCollection { throw fail(.value, "list is too long", at: e.start) }
            return .list(s + t)
        case (.mul, .string(let s), .int(let n)), (.mul, .int(let n), .string(let s)):
            if n <= 0 || s.isEmpty { return .string("") }
            let (total, o) = s.utf8.count.multipliedReportingOverflow(by: n)
            if o || total > Evaluator.maxStringBytes {
                throw fail(.value, "string repetition is too long (over \(Evaluator.maxStringBytes) bytes)", at: e.start)
            }
            return .string(String(repeating: s, count: n))
        case (.mul, .list(let l), .int(let n)), (.mul, .int(let n), .list(let l)):
            if n <= 0 || l.isEmpty { return .list([]) }
            let (total, o) = l.count.multipliedReportingOverflow(by: n)
            if o || total > Evaluator.maxCollection {
                throw fail(.value, "list repetition is too long (over \(Evaluator.maxCollection) items)", at: e.start)
            }
            var r: [Value] = []
            r.reserveCapacity(total)
            for _ in 0..<n { r.append(contentsOf: l) }
            return .list(r)
        case (.mod, .string(let fmt), _):
            var args: [Value] = []
            var kwargs: [(String, Value)] = []
            switch y {
            case .list(let l): args = l
            case .dict(let d): kwargs = d.map { ($0.key, $0.value) }; args = [y]
            default: args = [y]
            }
            do throws(TemplateCallError) {
                return .string(try printfFormat(fmt, args, kwargs))
            } catch {
                throw fail(.value, error.message, at: e.start)
            }
        case (.floorDiv, .int(let i), .int(let j)):
            if j == 0 { throw fail(.value, "division by zero in '\(text(e))'", at: e.start) }
            if i == Int.min && j == -1 { throw fail(.value, "integer overflow in '\(text(e))'", at: e.start) }
            var q = i / j
            if (i % j != 0) && ((i < 0) != (j < 0)) { q -= 1 }
            return .int(q)
        case (.mod, .int(let i), .int(let j)):
            if j == 0 { throw fail(.value, "division by zero in '\(text(e))'", at: e.start) }
            if j == -1 { return .int(0) }
            var r = i % j
            if r != 0 && ((r < 0) != (j < 0)) { r += j }
            return .int(r)
        case (.pow, .int(let i), .int(let j)) where j >= 0:
            var result = 1
            var base = i
            var exp = j
            while exp > 0 {
                if exp & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw fail(.value, "integer overflow in '\(text(e))'", at: e.start) }
                    result = r
                }
                exp >>= 1
                if exp > 0 {
                    let (b2, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw fail(.value, "integer overflow in '\(text(e))'", at: e.start) }
                    base = b2
                }
            }
            return .int(result)
        default:
            break
        }
        guard let p = x.asDouble, let q = y.asDouble, op != .concat else {
            let verb: String
            switch op {
            case .add: verb = "add"
            case .sub: verb = "subtract"
            case .mul: verb = "multiply"
            case .div, .floorDiv: verb = "divide"
            case .mod: verb = "take the remainder of"
            case .pow: verb = "raise"
            case .concat: verb = "join"
            }
            let conj = op == .sub ? "from" : (op == .pow ? "to the power of" : "and")
            let (l, r) = op == .sub ? (y, x) : (x, y)
            throw fail(.type, "cannot \(verb) \(l.typeName) \(conj) \(r.typeName) in '\(text(e))'", at: e.start)
        }
        let r: Double
        switch op {
        case .add: r = p + q
        case .sub: r = p - q
        case .mul: r = p * q
        case .div:
            if q == 0 { throw fail(.value, "division by zero in '\(text(e))'", at: e.start) }
            r = p / q
        case .floorDiv:
            if q == 0 { throw fail(.value, "division by zero in '\(text(e))'", at: e.start) }
            r = (p / q).rounded(.down)
        case .mod:
            if q == 0 { throw fail(.value, "division by zero in '\(text(e))'", at: e.start) }
            var m = p.truncatingRemainder(dividingBy: q)
            if m != 0 && ((m < 0) != (q < 0)) { m += q }
            r = m
        case .pow:
            r = pow(p, q)
        case .concat: r = 0
        }
        if !r.isFinite { throw fail(.value, "the result of '\(text(e))' is not a finite number", at: e.start) }
        return .double(r)
    }

    func compare(_ op: CompareOp, _ x: Value, _ y: Value, _ a: Expr, _ b: Expr) throws(EvalFailure) -> Bool {
        switch op {
        case .eq: return valuesEqual(x, y)
        case .ne: return !valuesEqual(x, y)
        case .isIn, .notIn:
            let found: Bool
            switch y {
            case .list(let l): found = l.contains { valuesEqual($0, x) }
            case .dict(let d):
                guard case .string(let k) = x else { found = false; break }
                found = d[k] != nil
            case .string(let s):
                guard case .string(let sub) = x else {
                    throw fail(.type, "'in \(text(b))' needs a string on the left, got \(x.shortDescription)", at: a.start)
                }
                found = sub.isEmpty || containsBytes(s, sub)
            case .none:
                reportMissing(Missing(reason: .null(start: b.start, end: b.end), offset: b.start))
                throw .reported
            default:
                throw fail(.type, "cannot look for a value in \(y.shortDescription) ('\(text(b))')", at: b.start)
            }
            return op == .isIn ? found : !found
        case .lt, .le, .gt, .ge:
            if case .none = x {
                reportMissing(Missing(reason: .null(start: a.start, end: a.end), offset: a.start)); throw .reported
            }
            if case .none = y {
                reportMissing(Missing(reason: .null(start: b.start, end: b.end), offset: b.start)); throw .reported
            }
            guard let c = compareValues(x, y) else {
                throw fail(.type, "cannot compare \(x.typeName) and \(y.typeName) ('\(text(a))' \(op.rawValue) '\(text(b))')", at: a.start)
            }
            switch op {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        }
    }
}

func sliceArray<T>(_ a: [T], _ start: Int?, _ stop: Int?, _ step: Int) -> [T] {
    let n = a.count
    func clamp(_ i: Int, _ lo: Int, _ hi: Int) -> Int { min(max(i, lo), hi) }
    var r: [T] = []
    if step > 0 {
        var s = start.map { $0 < 0 ? $0 + n : $0 } ?? 0
        var t = stop.map { $0 < 0 ? $0 + n : $0 } ?? n
        s = clamp(s, 0, n); t = clamp(t, 0, n)
        var i = s
        while i < t {
            r.append(a[i])
            let (next, overflow) = i.addingReportingOverflow(step)
            if overflow { break }
            i = next
        }
    } else {
        var s = start.map { $0 < 0 ? $0 + n : $0 } ?? n - 1
        var t = stop.map { $0 < 0 ? $0 + n : $0 } ?? -1
        s = clamp(s, -1, n - 1)
        if stop != nil { t = clamp(t, -1, n - 1) }
        var i = s
        while i > t {
            r.append(a[i])
            let (next, overflow) = i.addingReportingOverflow(step)
            if overflow { break }
            i = next
        }
    }
    return r
}

/// Substring search on UTF-8 bytes (code-point exact, no Foundation).
func containsBytes(_ haystack: String, _ needle: String) -> Bool {
    findBytes(Array(haystack.utf8), Array(needle.utf8), from: 0) != nil
}

func findBytes(_ h: [UInt8], _ n: [UInt8], from: Int) -> Int? {
    if n.isEmpty { return from <= h.count ? from : nil }
    guard h.count >= n.count else { return nil }
    var i = from
    let last = h.count - n.count
    while i <= last {
        if h[i] == n[0] {
            var j = 1
            while j < n.count && h[i + j] == n[j] { j += 1 }
            if j == n.count { return i }
        }
        i += 1
    }
    return nil
}
