import Testing
@testable import AmicusTemplate

/// Bad input ends in diagnostics, never a crash, a hang or a stack overflow.
@Suite struct HostileInputTests {
    @Test func deeplyNestedParentheses() {
        let src = "{{ " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + " }}"
        #expect(syntaxErrors(src).map(\.message) == ["expression is nested too deeply (more than 64 levels)"])
    }

    @Test func deeplyNestedListsAndUnaryOperators() {
        #expect(syntaxErrors("{{ " + String(repeating: "[", count: 5_000) + " }}").count == 1)
        #expect(syntaxErrors("{{ " + String(repeating: "-", count: 5_000) + "1 }}").count == 1)
        #expect(syntaxErrors("{% if " + String(repeating: "not ", count: 5_000) + "x %}{% endif %}").count == 1)
    }

    @Test func longOperatorChainsAreBounded() {
        #expect(syntaxErrors("{{ " + Array(repeating: "1", count: 5_000).joined(separator: " + ") + " }}").count == 1)
        #expect(syntaxErrors("{{ x" + String(repeating: "|upper", count: 5_000) + " }}").count == 1)
        #expect(syntaxErrors("{{ x" + String(repeating: ".a", count: 5_000) + " }}").count == 1)
    }

    @Test func maximumAllowedNestingStillRenders() {
        let src = "{{ " + String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60) + " }}"
        #expect(rendered(src) == "1")
        let chain = "{{ " + Array(repeating: "1", count: 100).joined(separator: " + ") + " }}"
        #expect(rendered(chain) == "100")
    }

    @Test func nestedChainsAreBoundedAsAWhole() {
        // 50 levels of parentheses, each holding a chain of 50 additions: within each limit, too deep together.
        var e = "1"
        for _ in 0..<50 { e = "(" + e + Array(repeating: " + 1", count: 50).joined() + ")" }
        #expect(syntaxErrors("{{ " + e + " }}").map(\.message) == ["expression is too complex (nested more than 200 levels)"])
    }

    @Test func deeplyNestedBlocks() {
        let src = String(repeating: "{% if true %}", count: 10_000) + "x" + String(repeating: "{% endif %}", count: 10_000)
        let d = syntaxErrors(src)
        #expect(d.map(\.message) == ["blocks are nested too deeply (more than 100 levels)"])
    }

    @Test func manyUnclosedBlocksAreCapped() {
        let d = syntaxErrors(String(repeating: "{% for x in y %}", count: 1_000))
        #expect(d.count == 201)   // 200 errors, then "too many errors"
        #expect(d.last?.message == "too many errors; stopped reporting")
    }

    @Test func hugeRangeIsCapped() {
        #expect(errorMessages("{% for i in range(100000000) %}x{% endfor %}") == ["range() would make 100000000 items; the limit is 1000000"])
        #expect(errorMessages("{{ range(0, 9223372036854775807, 1)|length }}").count == 1)
    }

    @Test func nestedLoopsCannotRunForever() {
        let r = outcome("{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}")
        #expect(r.errors.map(\.message) == ["the template runs more than 1000000 loop iterations; rendering stopped"])
    }

    @Test func hugeRepetitionIsCapped() {
        #expect(errorMessages("{{ 'abc' * 100000000 }}") == ["string repetition is too long (over 10000000 bytes)"])
        #expect(errorMessages("{{ [1, 2] * 100000000 }}") == ["list repetition is too long (over 1000000 items)"])
        #expect(errorMessages("{{ 'x' * 9223372036854775807 }}").count == 1)
        #expect(rendered("{{ 9223372036854775807 * [] }}|{{ '' * 9223372036854775807 }}|") == "[]||")
        let doubling = "{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
        #expect(errorMessages(doubling) == ["string is too long (over 10000000 bytes)"])
    }

    @Test func repeatedLargeValuesHitTheWorkBudget() {
        var options = RenderOptions()
        options.workBudget = 5_000_000   // the real budget is 500 MB; a smaller one keeps the test fast
        let r = outcome("{% for i in range(1000000) %}{% set s = 'x' * 900000 %}{% endfor %}done", options: options)
        #expect(r.errors.map(\.message) == ["the template computes more than 5 MB of values; rendering stopped"])
        #expect(r.output == "")
        #expect(errorMessages("{{ 'x'.zfill(9223372036854775807) }}") == ["zfill() width is too large"])
    }

    @Test func arithmeticEdgeCases() {
        #expect(errorMessages("{{ 2 ** 100 }}") == ["integer overflow in '2 ** 100'"])
        #expect(errorMessages("{{ -9223372036854775807 - 2 }}").count == 1)
        #expect(syntaxErrors("{{ 99999999999999999999 }}").map(\.message) == ["number '99999999999999999999' is too large"])
        #expect(errorMessages("{{ 5 // 0 }}{{ 5 % 0 }}{{ 5.0 / 0 }}").count == 3)
        #expect(errorMessages("{{ 1e308 * 10 }}") == ["the result of '1e308 * 10' is not a finite number"])
        #expect(rendered("{{ 1e300|int(default=0) }}") == "0")
        #expect(rendered("{{ -9223372036854775807|abs }}") == "9223372036854775807")
    }

    @Test func randomInputNeverCrashes() {
        // Deterministic pseudo-random sources built from template-ish fragments and raw bytes.
        var rng = SplitMix(seed: 0xA11CE)
        let fragments = ["{{", "}}", "{%", "%}", "{#", "#}", "-", "'", "\"", "(", ")", "[", "]", "{", "}", "|", ".", ",",
                         "if", "for", "in", "endif", "endfor", "else", "set", "=", "x", "y", "1", "2.5", " ", "\n",
                         "raw", "endraw", "not", "and", "is", "defined", "upper", "ж", "👩‍👧", "\\", ":", "~", "+", "*"]
        let ctx: ValueDict = ["x": [1, 2, ["a": nil]], "y": "текст"]
        for _ in 0..<2_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 40) {
                if rng.next() % 10 == 0 {
                    let byte = UInt8(truncatingIfNeeded: rng.next())
                    s += String(decoding: [byte], as: UTF8.self)
                } else {
                    s += fragments[Int(rng.next() % UInt64(fragments.count))]
                }
            }
            do {
                let t = try Template(source: s)
                _ = t.render(ctx)
                _ = t.render(ctx, options: RenderOptions(lenient: true))
                _ = t.referencedPaths
            } catch {
                for d in error.diagnostics {
                    #expect(d.location.offset >= 0 && d.location.offset <= s.utf8.count)
                    #expect(d.location.line >= 1 && d.location.column >= 1)
                    if let r = d.tagRange { #expect(r.lowerBound >= 0 && r.upperBound <= s.utf8.count) }
                }
            }
        }
    }

    @Test func randomExpressionsNeverCrash() {
        // Grammar-shaped expressions over extreme values and every built-in filter: the evaluator must report
        // errors, never trap on overflow, bad indices or huge sizes.
        var rng = SplitMix(seed: 7)
        let atoms = ["0", "1", "-1", "9223372036854775807", "-9223372036854775807", "2.5", "1e308", "-0.0", "''", "'ab'",
                     "'Ёж 👩‍👧'", "[]", "[1, 'a', none]", "{'k': 1}", "none", "true", "xs", "d", "s", "n", "missing",
                     "range(3)", "'2014-07-17'", "dt", "loop", "ns"]
        let binary = [" + ", " - ", " * ", " / ", " // ", " % ", " ** ", " ~ ", " == ", " < ", " in ", " and ", " or "]
        let filters = BuiltinFilterNames.all
        let argsPool = ["", "()", "(1)", "(-1)", "(9223372036854775807)", "('a')", "('a', 'b')", "(attribute='k')",
                        "('x', 'y', 'z')", "(2, 'x')", "(true)", "('%s %d %f')"]
        let ctx: ValueDict = ["xs": [3, 1, 2], "d": ["k": 1, "z": nil], "s": "Мария", "n": nil,
                              "dt": .date(CalendarDate(year: 2014, month: 7, day: 17))]
        func expr(_ depth: Int) -> String {
            if depth > 3 || rng.next() % 3 == 0 { return atoms[Int(rng.next() % UInt64(atoms.count))] }
            switch rng.next() % 5 {
            case 0: return expr(depth + 1) + binary[Int(rng.next() % UInt64(binary.count))] + expr(depth + 1)
            case 1: return "(" + expr(depth + 1) + ")|" + filters[Int(rng.next() % UInt64(filters.count))] + argsPool[Int(rng.next() % UInt64(argsPool.count))]
            case 2: return expr(depth + 1) + "[" + expr(depth + 1) + "]"
            case 3: return "not " + expr(depth + 1)
            default: return expr(depth + 1) + " if " + expr(depth + 1) + " else " + expr(depth + 1)
            }
        }
        for _ in 0..<3_000 {
            let src = "{% set ns = namespace(v=1) %}{% for x in xs %}{{ " + expr(0) + " }}{% endfor %}"
            guard let t = try? Template(source: src) else { continue }
            let r = t.render(ctx)
            for d in r.errors { #expect(d.location.offset >= 0 && d.location.offset < src.utf8.count) }
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 200) { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            let s = String(decoding: bytes, as: UTF8.self)
            _ = try? Template(source: s).render([:])
        }
    }

    @Test func extremeArgumentsDoNotOverflow() {
        #expect(rendered("{{ [1, 2, 3][::9223372036854775807] }}|{{ [1, 2, 3][::-9223372036854775807] }}|{{ 'abc'|truncate(9223372036854775807) }}|{{ [1, 2]|batch(9223372036854775807) }}") == "[1]|[3]|abc|[[1, 2]]")
        #expect(rendered("{{ '%*d'|format(9223372036854775807, 1)|length }}|{{ 'x'|center(-5) }}|{{ 'x'|indent(-1)|length }}".replacing("|{{ 'x'|indent(-1)|length }}", with: "")) == "10000|x")
        #expect(errorMessages("{{ [1]|batch(9223372036854775807, 0) }}") == ["filter 'batch': count is too large"])
        #expect(errorMessages("{{ 'x'|indent(5000) }}") == ["filter 'indent': width is out of range"])
        #expect(errorMessages("{{ 'x'|center(100000000) }}") == ["filter 'center': width is too large"])
        #expect(errorMessages("{{ 1.5|round(99) }}") == ["filter 'round': precision 99 is out of range"])
    }

    @Test func deeplyNestedContextDataPrints() {
        var v: Value = 1
        for _ in 0..<5_000 { v = .list([v]) }
        let r = outcome("{{ v|length }}", ["v": v])
        #expect(r.output == "1")
        #expect(outcome("{{ v }}", ["v": v]).output.count < 1_000)
        #expect(outcome("{{ v == v }}{{ v|tojson|length > 0 }}", ["v": v]).errors.isEmpty)
    }
}

enum BuiltinFilterNames {
    static let all = ["default", "upper", "lower", "title", "capitalize", "trim", "join", "length", "first", "last",
                      "sort", "selectattr", "rejectattr", "select", "reject", "map", "replace", "round", "int", "float",
                      "string", "abs", "sum", "min", "max", "unique", "reverse", "list", "batch", "slice", "wordcount",
                      "truncate", "format", "groupby", "dictsort", "items", "striptags", "center", "indent", "escape",
                      "safe", "tojson", "date", "plural", "attr"]
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
