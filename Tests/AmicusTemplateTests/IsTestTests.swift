import Testing
import AmicusTemplate

@Suite struct IsTestTests {
    let ctx: ValueDict = ["s": "text", "n": 4, "f": 2.5, "b": true, "m": ["k": 1], "l": [1, 2], "z": nil, "low": "abc", "up": "ABC"]

    func flags(_ expr: String) -> String {
        rendered("{% for v in [s, n, f, b, m, l] %}{{ (v \(expr))|int }}{% endfor %}", ctx)
    }

    @Test func typeTests() {
        #expect(flags("is string") == "100000")
        #expect(flags("is number") == "011000")
        #expect(flags("is integer") == "010000")
        #expect(flags("is float") == "001000")
        #expect(flags("is boolean") == "000100")
        #expect(flags("is mapping") == "000010")
        #expect(flags("is iterable") == "100011")
        #expect(flags("is sequence") == "100011")
        #expect(flags("is defined") == "111111")
        #expect(flags("is not none") == "111111")
    }

    @Test func presenceTests() {
        #expect(rendered("{{ z is none }}{{ z is defined }}{{ z is undefined }}{{ q is defined }}{{ q is undefined }}{{ q is none }}{{ s is not defined }}", ctx) == "TrueFalseTrueFalseTrueTrueFalse")
        #expect(rendered("{{ q is string }}{{ q is mapping }}{{ z is number }}", ctx) == "FalseFalseFalse")
    }

    @Test func numberTests() {
        #expect(rendered("{{ n is even }}{{ n is odd }}{{ n is divisibleby 2 }}{{ n is divisibleby(3) }}{{ 0 is even }}{{ -3 is odd }}", ctx) == "TrueFalseTrueFalseTrueTrue")
        #expect(errorMessages("{{ s is even }}", ctx) == ["test 'even' needs an int, got \"text\""])
        #expect(errorMessages("{{ q is even }}", ctx) == ["undefined name 'q'"])
    }

    @Test func valueTests() {
        #expect(rendered("{{ b is true }}{{ b is false }}{{ 1 is true }}{{ b is sameas true }}{{ z is sameas none }}{{ n is eq 4 }}{{ n is ne 4 }}{{ n is lt 5 }}{{ n is ge 4 }}{{ n is gt(4) }}{{ n is le 3 }}{{ 2 is in l }}{{ 'k' is in m }}", ctx) == "TrueFalseFalseTrueTrueTrueFalseTrueTrueFalseFalseTrueTrue")
        #expect(rendered("{{ low is lower }}{{ up is upper }}{{ low is upper }}{{ z is eq none }}", ctx) == "TrueTrueFalseTrue")
    }

    @Test func testsBindTighterThanNot() {
        #expect(rendered("{{ not s is string }}{{ s is not string }}", ctx) == "FalseFalse")
    }
}
