import Testing
import AmicusTemplate

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
        let doubling = "{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
        #expect(errorMessages(doubling) == ["string is too long (over 10000000 bytes)"])
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

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 200) { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
            let s = String(decoding: bytes, as: UTF8.self)
            _ = try? Template(source: s).render([:])
        }
    }

    @Test func deeplyNestedContextDataPrints() {
        var v: Value = 1
        for _ in 0..<5_000 { v = .list([v]) }
        let r = outcome("{{ v|length }}", ["v": v])
        #expect(r.output == "1")
        #expect(outcome("{{ v }}", ["v": v]).output.count < 1_000)
    }
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
