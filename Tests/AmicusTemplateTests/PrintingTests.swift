import Testing
import AmicusTemplate

/// How values print: like Jinja (Python's str()).
@Suite struct PrintingTests {
    @Test func scalars() {
        #expect(rendered("{{ 42 }}|{{ -7 }}|{{ 2.5 }}|{{ 1.0 }}|{{ true }}|{{ False }}") == "42|-7|2.5|1.0|True|False")
        #expect(rendered("{{ x }}", ["x": .double(0.1 + 0.2)]) == "0.30000000000000004")
        #expect(rendered("{{ x }}", ["x": .double(1e16)]) == "1e+16")
        #expect(rendered("{{ x }}", ["x": .double(1234567890123456.0)]) == "1234567890123456.0")
        #expect(rendered("{{ x }}", ["x": .double(0.0001)]) == "0.0001")
        #expect(rendered("{{ x }}", ["x": .double(0.00001)]) == "1e-05")
        #expect(rendered("{{ x }}", ["x": .double(-0.0)]) == "-0.0")
        #expect(rendered("{{ 1500.50 }}") == "1500.5")
    }

    @Test func collectionsPrintLikePython() {
        #expect(rendered("{{ [1, 'a', none, true] }}") == "[1, 'a', None, True]")
        #expect(rendered("{{ {'k': 'v', 'n': 1.5} }}") == "{'k': 'v', 'n': 1.5}")
        #expect(rendered("{{ (1, 2) }}") == "[1, 2]")
        #expect(rendered("{{ [\"it's\"] }}") == "[\"it's\"]")
    }

    @Test func datesPrintAsISO() {
        #expect(rendered("{{ d }}", ["d": .date(CalendarDate(year: 2014, month: 7, day: 17))]) == "2014-07-17")
        #expect(rendered("{{ d }}", ["d": .date(CalendarDate(year: 2014, month: 7, day: 17, hour: 9, minute: 5))]) == "2014-07-17 09:05")
        #expect(rendered("{{ d.year }}/{{ d.month }}/{{ d.day }}", ["d": .date(CalendarDate(year: 2014, month: 7, day: 17))]) == "2014/7/17")
    }

    @Test func stringLiteralsAndEscapes() {
        #expect(rendered(#"{{ 'a\'b' }}|{{ "x\"y" }}|{{ 'tab\there' }}|{{ 'u\u0436' }}"#) == "a'b|x\"y|tab\there|uж")
        #expect(rendered(#"{{ 'line\nbreak' }}"#) == "line\nbreak")
        #expect(rendered(#"{{ 'a' 'b' }}"#) == "ab")
        #expect(rendered(#"{{ '\d' }}"#) == #"\d"#)
    }

    @Test func literalTextIsKeptByteForByte() {
        let text = "Заявитель: «Иванова» — 👩‍👧 & <b>\r\n\ttab"
        #expect(rendered(text) == text)
        #expect(rendered("a{{ 'x' }}" + text) == "ax" + text)
    }

    @Test func literalBracesThatAreNotTags() {
        #expect(rendered("{ a } {a} }} %} #}") == "{ a } {a} }} %} #}")
        #expect(rendered("{{ '}}' }}") == "}}")
        #expect(rendered("{{ '{{' }}x{{ '{%' }}") == "{{x{%")
        #expect(rendered("{{ {'a': {'b': 1}} }}") == "{'a': {'b': 1}}")
        #expect(rendered("{{ {'a': {'b': 1}}['a']['b'] }}") == "1")
    }

    @Test func numbersWithUnderscoresAndExponents() {
        #expect(rendered("{{ 1_000_000 }}|{{ 1e3 }}|{{ 2.5e-1 }}|{{ .5 }}") == "1000000|1000.0|0.25|0.5")
    }
}
