import Testing
import AmicusTemplate

@Suite struct FilterTests {
    let people: Value = [
        ["name": "Петрова", "age": 34, "role": "mother", "date": "2014-07-17"],
        ["name": "анна", "age": 5, "role": "child", "date": "2016-02-15"],
        ["name": "Борис", "age": 9, "role": "child", "date": "2012-01-01"],
    ]

    @Test func defaultReplacesUndefinedAndNull() {
        #expect(rendered("{{ missing|default('x') }}|{{ n|default('x') }}|{{ e|default('x') }}|{{ e|default('x', true) }}|{{ e|d('y', boolean=true) }}", ["n": nil, "e": ""]) == "x|x||x|y")
        #expect(rendered("{{ a.b.c|default('deep') }}", ["a": [:]]) == "deep")
        #expect(rendered("{{ missing|default }}|") == "|")
        #expect(rendered("{{ 0|default(5) }}|{{ false|default(5) }}") == "0|False")
    }

    @Test func caseFilters() {
        #expect(rendered("{{ 'мАРИЯ'|upper }}|{{ 'МАРИЯ'|lower }}|{{ 'иван-петр o\\'neil'|title }}|{{ 'мАРИЯ иванова'|capitalize }}|{{ '  x \n'|trim }}|{{ 'xxaxx'|trim('x') }}") == "МАРИЯ|мария|Иван-Петр O'neil|Мария иванова|x|a")
    }

    @Test func joinAndLength() {
        #expect(rendered("{{ [1, 2, 3]|join(', ') }}|{{ xs|join('; ', attribute='name') }}|{{ 'abc'|join('-') }}|{{ [1, 2]|join }}", ["xs": people]) == "1, 2, 3|Петрова; анна; Борис|a-b-c|12")
        #expect(rendered("{{ xs|length }}|{{ 'Ёжик👩‍👧'|length }}|{{ {'a': 1}|count }}", ["xs": people]) == "3|5|1")
    }

    @Test func firstAndLast() {
        #expect(rendered("{{ [1, 2, 3]|first }}|{{ [1, 2, 3]|last }}|{{ 'abc'|first }}") == "1|3|a")
        #expect(rendered("{{ []|first|default('none') }}") == "none")
        #expect(errorMessages("{{ xs|first }}", ["xs": []]) == ["'xs' is empty, so it has no first item"])
    }

    @Test func sort() {
        #expect(rendered("{{ [3, 1, 2]|sort }}|{{ [3, 1, 2]|sort(reverse=true) }}|{{ ['b', 'A', 'c']|sort }}|{{ ['b', 'A', 'c']|sort(case_sensitive=true) }}") == "[1, 2, 3]|[3, 2, 1]|['A', 'b', 'c']|['A', 'b', 'c']")
        #expect(rendered("{{ xs|sort(attribute='date')|map(attribute='name')|join(',') }}", ["xs": people]) == "Борис,Петрова,анна")
        #expect(rendered("{{ xs|sort(attribute='name')|map(attribute='name')|join(',') }}", ["xs": people]) == "анна,Борис,Петрова")
        #expect(rendered("{{ xs|sort(attribute='role,age', reverse=true)|map(attribute='age')|join(',') }}", ["xs": people]) == "34,9,5")
        // stable
        #expect(rendered("{{ xs|sort(attribute='role')|map(attribute='name')|join(',') }}", ["xs": people]) == "анна,Борис,Петрова")
    }

    @Test func sortErrorsNameTheItem() {
        #expect(errorMessages("{{ xs|sort(attribute='dtae') }}", ["xs": people]) == ["filter 'sort': item 1 of 'xs' has no attribute 'dtae' (did you mean 'date'?)"])
        #expect(errorMessages("{{ [1, 'a']|sort }}") == ["filter 'sort' cannot compare string \"a\" with int int 1"])
    }

    @Test func selectAndReject() {
        let ctx: ValueDict = ["xs": people]
        #expect(rendered("{{ xs|selectattr('role', 'equalto', 'child')|map(attribute='name')|join(',') }}", ctx) == "анна,Борис")
        #expect(rendered("{{ xs|rejectattr('role', '==', 'child')|map(attribute='name')|join(',') }}", ctx) == "Петрова")
        #expect(rendered("{{ xs|selectattr('age', 'gt', 8)|list|length }}|{{ xs|selectattr('missing')|list|length }}|{{ xs|selectattr('missing', 'undefined')|list|length }}", ctx) == "2|0|3")
        #expect(rendered("{{ [1, 2, 3, 4]|select('odd') }}|{{ [1, 2, 3, 4]|reject('odd') }}|{{ [0, 1, '', 'a']|select }}|{{ [1, 5, 9]|select('in', [5, 9]) }}") == "[1, 3]|[2, 4]|[1, 'a']|[5, 9]")
    }

    @Test func selectattrWarnsWhenNoItemHasTheAttribute() {
        let r = outcome("{{ xs|selectattr('rloe', 'equalto', 'child')|list|length }}", ["xs": people])
        #expect(r.output == "0")
        #expect(r.errors.isEmpty)
        #expect(r.warnings.map(\.message) == ["no item of 'xs' has the attribute 'rloe' (did you mean 'role'?)"])
    }

    @Test func map() {
        let ctx: ValueDict = ["xs": people]
        #expect(rendered("{{ xs|map(attribute='age')|sum }}|{{ ['a', 'b']|map('upper')|join }}|{{ [1.234, 2.345]|map('round', 1)|list }}|{{ xs|map(attribute='x', default='?')|join }}", ctx) == "48|AB|[1.2, 2.3]|???")
    }

    @Test func replaceAndRound() {
        #expect(rendered("{{ 'a-b-c'|replace('-', '+') }}|{{ 'a-b-c'|replace('-', '', 1) }}") == "a+b-c".replacing("+b-c", with: "+b+c") + "|ab-c")
        #expect(rendered("{{ 2.5|round }}|{{ 3.14159|round(2) }}|{{ 2.675|round(2) }}|{{ 1.21|round(1, 'ceil') }}|{{ 1.29|round(1, 'floor') }}|{{ -2.5|round }}|{{ 1234.5|round(-2) }}|{{ 42|round }}") == "3.0|3.14|2.68|1.3|1.2|-3.0|1200.0|42.0")
        #expect(rendered("{{ 0.4|round }}|{{ 0.5|round }}|{{ 0.04|round(1) }}|{{ 9.99|round(1) }}|{{ 0.006|round(2, 'ceil') }}") == "0.0|1.0|0.0|10.0|0.01")
    }

    @Test func numberConversions() {
        #expect(rendered("{{ '42'|int }}|{{ '4.7'|int }}|{{ 3.9|int }}|{{ true|int }}|{{ 'ff'|int(base=16) }}|{{ 'x'|int(default=-1) }}|{{ '2.5'|float }}|{{ 3|float }}|{{ 'x'|float(default=0.0) }}") == "42|4|3|1|255|-1|2.5|3.0|0.0")
        #expect(errorMessages("{{ amount|int }}", ["amount": "12 000"]) == ["filter 'int' cannot make a number of \"12 000\" ('amount'); give int(default=…) to accept that"])
        #expect(rendered("{{ -3|abs }}|{{ -2.5|abs }}|{{ 5|string ~ 'x' }}") == "3|2.5|5x")
    }

    @Test func aggregates() {
        #expect(rendered("{{ [1, 2, 3]|sum }}|{{ [1, 2.5]|sum }}|{{ xs|sum(attribute='age') }}|{{ [1]|sum(start=10) }}", ["xs": people]) == "6|3.5|48|11")
        #expect(rendered("{{ [3, 1, 2]|min }}|{{ [3, 1, 2]|max }}|{{ ['b', 'A']|min }}|{{ xs|max(attribute='age')|attr_name }}".replacing("|attr_name", with: ".name"), ["xs": people]) == "1|3|A|Петрова")
        #expect(rendered("{{ [1, 2, 1, 3, 2]|unique }}|{{ ['a', 'A', 'b']|unique }}|{{ [1, 2, 3]|reverse }}|{{ 'abc'|reverse }}|{{ 'ab'|list }}") == "[1, 2, 3]|['a', 'b']|[3, 2, 1]|cba|['a', 'b']")
    }

    @Test func batchAndSlice() {
        #expect(rendered("{{ range(5)|batch(2) }}|{{ range(5)|batch(2, 'x') }}") == "[[0, 1], [2, 3], [4]]|[[0, 1], [2, 3], [4, 'x']]")
        #expect(rendered("{{ range(5)|slice(2) }}|{{ range(5)|slice(3, 0) }}") == "[[0, 1, 2], [3, 4]]|[[0, 1], [2, 3], [4, 0]]")
    }

    @Test func wordcountTruncateFormat() {
        #expect(rendered("{{ 'Заявитель подал жалобу, 12 раз!'|wordcount }}") == "5")
        #expect(rendered("{{ 'The quick brown fox jumps'|truncate(12) }}|{{ 'The quick brown fox jumps'|truncate(12, true) }}|{{ 'short'|truncate(12) }}|{{ 'abcdefghijkl'|truncate(10, end='…', leeway=0) }}") == "The...|The quick...|short|abcdefghi…")
        #expect(rendered("{{ '%s, %d лет'|format('Анна', 5) }}|{{ '%(a)s-%(b)s'|format(a=1, b=2) }}|{{ '%.1f%%'|format(12.345) }}|{{ '%5s|%-5s|'|format('a', 'b') }}|{{ '%x %o %e'|format(255, 8, 12345.678) }}") == "Анна, 5 лет|1-2|12.3%|    a|b    ||ff 10 1.234568e+04")
    }

    @Test func groupby() {
        let t = "{% for g in xs|groupby('role') %}{{ g.grouper }}: {{ g.list|map(attribute='name')|join(', ') }}; {% endfor %}"
        #expect(rendered(t, ["xs": people]) == "child: анна, Борис; mother: Петрова; ")
        let t2 = "{% for role, items in xs|groupby('role') %}{{ role }}={{ items|length }} {% endfor %}"
        #expect(rendered(t2, ["xs": people]) == "child=2 mother=1 ")
    }

    @Test func dictsortAndItems() {
        let ctx: ValueDict = ["d": ["b": 1, "A": 3, "c": 2]]
        #expect(rendered("{% for k, v in d|dictsort %}{{ k }}{{ v }}{% endfor %}|{% for k, v in d|dictsort(by='value', reverse=true) %}{{ k }}{% endfor %}|{% for k, v in d|items %}{{ k }}{% endfor %}", ctx) == "A3b1c2|Acb|bAc")
    }

    @Test func textFilters() {
        #expect(rendered("{{ '<p>Hello &amp; <b>world</b></p>\n  x'|striptags }}") == "Hello & world x")
        #expect(rendered("[{{ 'ab'|center(6) }}]|[{{ 'abc'|center(6) }}]") == "[  ab  ]|[ abc  ]")
        #expect(rendered("{{ 'a\nb\n\nc'|indent(2) }}|{{ 'a\nb'|indent(2, first=true) }}|{{ 'a\n\nb'|indent('> ', blank=true) }}|{{ 'a\n \nb\n'|indent(1) }}") == "a\n  b\n\n  c|  a\n  b|a\n> \n> b|a\n  \n b\n")
    }

    @Test func escapeAndSafeLeaveValuesToTheEscaper() {
        let opts = RenderOptions(escape: { (s: String) throws(TemplateCallError) -> String in s.replacing("<", with: "&lt;") })
        #expect(rendered("{{ '<x>'|e }}|{{ '<x>'|escape }}|{{ '<x>'|safe }}|<b>", options: opts) == "&lt;x>|&lt;x>|&lt;x>|<b>")
    }

    @Test func attr() {
        #expect(rendered("{{ p|attr('name') }}|{{ p|attr('nope')|default('-') }}", ["p": ["name": "Ann"]]) == "Ann|-")
    }

    @Test func tojson() {
        #expect(rendered("{{ {'b': [1, 2.5, none, true], 'a': 'x<y & \"q\"'}|tojson }}") == #"{"a": "x\u003cy \u0026 \"q\"", "b": [1, 2.5, null, true]}"#)
        #expect(rendered("{{ 'Ж'|tojson }}|{{ n|tojson }}", ["n": nil]) == #""\u0416"|null"#)
    }

    @Test func customFiltersAndFunctions() {
        var opts = RenderOptions()
        opts.filters["shout"] = shout
        opts.functions["cite"] = cite
        #expect(rendered("{{ 'a'|shout }}|{{ 'b'|shout(3, mark='?') }}|{{ cite('kim', para=56) }}|{{ ['x']|map('shout')|join }}", options: opts) == "A!|B???|kim, § 56|X!")
        let r = outcome("{{ 5|shout }} {{ cite('unknown') }} {{ citte('kim') }}", options: opts)
        #expect(r.errors.map(\.message) == ["filter 'shout': needs text", "cite(): no precedent 'unknown'", "unknown function 'citte' (did you mean 'cite'?)"])
        let src = "{{ 5|shout }} {{ cite('unknown') }} {{ citte('kim') }}"
        #expect(r.errors.map(\.location.offset) == [offset(of: "shout", in: src), offset(of: "cite", in: src), offset(of: "citte", in: src)])
    }

    @Test func unknownFilterAtRenderSuggestsClosest() {
        #expect(errorMessages("{{ 'a'|uper }}") == ["unknown filter 'uper' (did you mean 'upper'?)"])
    }
}

@Sendable func shout(_ input: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws(TemplateCallError) -> Value {
    guard case .string(let s) = input else { throw TemplateCallError("needs text") }
    let mark = kwargs.first { $0.0 == "mark" }?.1 ?? "!"
    var count = 1
    if case .int(let n)? = args.first { count = n }
    return .string(s.uppercased() + String(repeating: mark.printedForTest, count: count))
}

@Sendable func cite(_ args: [Value], _ kwargs: [(String, Value)]) throws(TemplateCallError) -> Value {
    guard case .string(let id)? = args.first else { throw TemplateCallError("needs a precedent id") }
    if id == "unknown" { throw TemplateCallError("no precedent 'unknown'") }
    let para = kwargs.first { $0.0 == "para" }?.1
    return .string("\(id), § \(para.map { $0.printedForTest } ?? "-")")
}

extension Value {
    var printedForTest: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        default: return "?"
        }
    }
}
