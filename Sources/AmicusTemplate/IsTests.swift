/// `is` tests. Testing is not an error: `x is defined`, `x is none`, `x is string`… are simply false (or true)
/// for a missing `x`. Tests that compute (`even`, `divisibleby`, `eq`, `lt`, `in`) need a value like any computation.

enum BuiltinTest: Sendable {
    case defined, undefined, none, string, number, integer, float, boolean, mapping, iterable, sequence
    case even, odd, divisibleby, sameas, `true`, `false`, eq, ne, lt, le, gt, ge, `in`, lower, upper

    init?(name: String) {
        switch name {
        case "defined": self = .defined
        case "undefined": self = .undefined
        case "none": self = .none
        case "string": self = .string
        case "number": self = .number
        case "integer": self = .integer
        case "float": self = .float
        case "boolean": self = .boolean
        case "mapping": self = .mapping
        case "iterable": self = .iterable
        case "sequence": self = .sequence
        case "even": self = .even
        case "odd": self = .odd
        case "divisibleby": self = .divisibleby
        case "sameas": self = .sameas
        case "true": self = .true
        case "false": self = .false
        case "eq", "equalto", "==": self = .eq
        case "ne", "!=": self = .ne
        case "lt", "lessthan", "<": self = .lt
        case "le", "<=": self = .le
        case "gt", "greaterthan", ">": self = .gt
        case "ge", ">=": self = .ge
        case "in": self = .in
        case "lower": self = .lower
        case "upper": self = .upper
        default: return nil
        }
    }

    static let allNames = ["defined", "undefined", "none", "string", "number", "integer", "float", "boolean",
                           "mapping", "iterable", "sequence", "even", "odd", "divisibleby", "sameas", "true",
                           "false", "eq", "equalto", "ne", "lt", "lessthan", "le", "gt", "greaterthan", "ge", "in",
                           "lower", "upper"]

    var argumentCount: Int {
        switch self {
        case .divisibleby, .sameas, .eq, .ne, .lt, .le, .gt, .ge, .in: return 1
        default: return 0
        }
    }

    /// Tests that compare with a value: null is a value like any other there (`x is eq none`).
    var acceptsNull: Bool {
        switch self {
        case .eq, .ne, .in: return true
        default: return false
        }
    }

    /// Tests that only look at whether and what kind of value there is; a missing value just fails them.
    var isPresenceOrTypeTest: Bool {
        switch self {
        case .defined, .undefined, .none, .string, .number, .integer, .float, .boolean, .mapping, .iterable,
             .sequence, .true, .false, .lower, .upper, .sameas:
            return true
        default:
            return false
        }
    }
}

extension Evaluator {
    func runTest(_ t: TestCall, on x: Expr) throws(EvalFailure) -> Bool {
        var args: [Value] = []
        for a in t.args { args.append(try value(a)) }
        let v: Value?
        if t.test.isPresenceOrTypeTest {
            do throws(EvalFailure) {
                v = try eval(x)
            } catch {
                guard case .missing(let m) = error else { throw error }
                noteTestedMissing(m)
                v = nil
            }
        } else if t.test.acceptsNull {
            v = try value(x)
        } else {
            v = try operand(x)
        }
        let r = try testValue(t.test, v, args, name: t.name, subject: x, at: t.nameOffset)
        return t.negated ? !r : r
    }

    /// Applies a test to a value; `nil` means missing. Absent (missing or null) counts as not defined and as none.
    func testValue(_ test: BuiltinTest, _ v: Value?, _ args: [Value], name: String, subject: Expr?, at offset: Int)
        throws(EvalFailure) -> Bool {
        let present: Value
        switch v {
        case nil, .some(Value.none):
            switch test {
            case .defined: return false
            case .undefined, .none: return true
            case .sameas:
                if case .some(Value.none) = v, case Value.none = args[0] { return true }
                return false
            case .eq, .ne, .in:
                return try testPresent(test, .none, args, name: name, at: offset)
            default:
                if test.isPresenceOrTypeTest { return false }
                let what = subject.map { "'\(text($0))'" } ?? "the value"
                throw fail(.undefined, "\(what) is empty (null); test '\(name)' needs a value", at: subject?.start ?? offset)
            }
        case .some(let value):
            present = value
        }
        return try testPresent(test, present, args, name: name, at: offset)
    }

    private func testPresent(_ test: BuiltinTest, _ present: Value, _ args: [Value], name: String, at offset: Int)
        throws(EvalFailure) -> Bool {
        switch test {
        case .defined: return true
        case .undefined, .none: return false
        case .string: if case .string = present { return true }; return false
        case .number: return present.isNumber
        case .integer: if case .int = present { return true }; return false
        case .float: if case .double = present { return true }; return false
        case .boolean: if case .bool = present { return true }; return false
        case .mapping: if case .dict = present { return true }; return false
        case .iterable, .sequence:
            switch present {
            case .list, .dict, .string: return true
            default: return false
            }
        case .true: return present == .bool(true)
        case .false: return present == .bool(false)
        case .sameas:
            switch (present, args[0]) {
            case (.bool(let a), .bool(let b)): return a == b
            default: return present == args[0]
            }
        case .lower, .upper:
            guard case .string(let s) = present else { return false }
            return test == .lower ? s == s.lowercased() : s == s.uppercased()
        case .even, .odd, .divisibleby:
            guard case .int(let i) = present else {
                throw fail(.type, "test '\(name)' needs an int, got \(present.shortDescription)", at: offset)
            }
            if test == .even { return i % 2 == 0 }
            if test == .odd { return i % 2 != 0 }
            guard case .int(let d) = args[0], d != 0 else {
                throw fail(.type, "'divisibleby' needs a non-zero int, got \(args[0].shortDescription)", at: offset)
            }
            return d == -1 || i % d == 0
        case .eq: return valuesEqual(present, args[0])
        case .ne: return !valuesEqual(present, args[0])
        case .lt, .le, .gt, .ge:
            guard let c = compareValues(present, args[0]) else {
                throw fail(.type, "cannot compare \(present.typeName) and \(args[0].typeName) in test '\(name)'", at: offset)
            }
            switch test {
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            default: return c >= 0
            }
        case .in:
            switch args[0] {
            case .list(let l): return l.contains { valuesEqual($0, present) }
            case .dict(let d): if case .string(let k) = present { return d[k] != nil }; return false
            case .string(let s): if case .string(let sub) = present { return containsBytes(s, sub) }; return false
            default:
                throw fail(.type, "test 'in' needs a list, mapping or string, got \(args[0].shortDescription)", at: offset)
            }
        }
    }
}
