import Testing
import AmicusTemplate

@Suite struct ExpressionTests {
    @Test func arithmetic() {
        #expect(rendered("{{ 1 + 2 * 3 }}|{{ (1 + 2) * 3 }}|{{ 7 / 2 }}|{{ 7 // 2 }}|{{ -7 // 2 }}|{{ 7 % 3 }}|{{ -7 % 3 }}|{{ 2 ** 10 }}") == "7|9|3.5|3|-4|1|2|1024")
        #expect(rendered("{{ 1 + 1.5 }}|{{ 3 - 0.5 }}|{{ 4 / 2 }}|{{ 2 ** 0.5 }}") == "2.5|2.5|2.0|1.4142135623730951")
        #expect(rendered("{{ -x }}|{{ +x }}|{{ - -3 }}", ["x": 5]) == "-5|5|3")
        #expect(rendered("{{ 'ab' * 3 }}|{{ [1] * 2 }}|{{ 'a' + 'b' }}|{{ [1] + [2] }}") == "ababab|[1, 1]|ab|[1, 2]")
        #expect(rendered("{{ 2 ** 3 ** 2 }}") == "64")   // Jinja's ** is left-associative
    }

    @Test func concatenationConvertsToText() {
        #expect(rendered("{{ 'n' ~ 1 ~ true ~ 2.5 }}") == "n1True2.5")
        #expect(rendered("{{ (1 + 2) ~ 3 }}") == "33")
        // As in Jinja, `~` binds tighter than `+`: this is 1 + '23'.
        #expect(errorMessages("{{ 1 + 2 ~ 3 }}") == ["cannot add int and string in '1 + 2 ~ 3'"])
    }

    @Test func comparisons() {
        #expect(rendered("{{ 1 < 2 }}|{{ 2 <= 2 }}|{{ 3 > 4 }}|{{ 1 == 1.0 }}|{{ 'a' != 'b' }}|{{ 1 < 2 < 3 }}|{{ 3 > 2 > 2 }}") == "True|True|False|True|True|True|False")
        #expect(rendered("{{ 'b' > 'a' }}|{{ [1, 2] < [1, 3] }}|{{ none == none }}|{{ x == none }}", ["x": nil]) == "True|True|True|True")
        #expect(rendered("{{ d > '2014-01-01' }}|{{ d == '2014-07-17' }}", ["d": .date(CalendarDate(year: 2014, month: 7, day: 17))]) == "True|True")
    }

    @Test func mappingEqualityIgnoresKeyOrder() {
        #expect(rendered("{{ {'a': 1, 'b': [1]} == {'b': [1.0], 'a': 1} }}|{{ {'a': 1} == {'a': 2} }}") == "True|False")
    }

    @Test func membership() {
        #expect(rendered("{{ 2 in [1, 2] }}|{{ 'x' in 'text' }}|{{ 'k' in {'k': 1} }}|{{ 3 not in [1, 2] }}|{{ 'ё' in 'Ёжик ёж' }}") == "True|True|True|True|True")
    }

    @Test func logic() {
        #expect(rendered("{{ true and false }}|{{ true or false }}|{{ not true }}|{{ not 0 }}|{{ 0 or 'x' }}|{{ 'a' and 'b' }}|{{ '' or [] }}") == "False|True|False|True|x|b|[]")
        #expect(rendered("{{ not 1 == 2 }}|{{ not (true and false) }}") == "True|True")
    }

    @Test func inlineConditional() {
        #expect(rendered("{{ 'yes' if x else 'no' }}|{{ 'a' if false }}|{{ 1 if false else 2 if true else 3 }}", ["x": 1]) == "yes||2")
    }

    @Test func attributeAndItemAccess() {
        let ctx: ValueDict = ["a": ["b": ["c": "deep"], "list": [10, 20, 30], "key with space": 1]]
        #expect(rendered("{{ a.b.c }}|{{ a['b']['c'] }}|{{ a.list[0] }}|{{ a.list[-1] }}|{{ a.list.1 }}|{{ a['key with space'] }}", ctx) == "deep|deep|10|30|20|1")
        #expect(rendered("{{ a.list[1:] }}|{{ a.list[:2] }}|{{ a.list[::-1] }}|{{ 'привет'[1:3] }}|{{ 'abc'[-1] }}", ctx) == "[20, 30]|[10, 20]|[30, 20, 10]|ри|c")
        let k: ValueDict = ["k": "b", "a": ["b": 7]]
        #expect(rendered("{{ a[k] }}", k) == "7")
    }

    @Test func literals() {
        #expect(rendered("{{ [1, 2,] | length }}|{{ {'a': 1, 'b': 2}['b'] }}|{{ () | length }}|{{ none is none }}|{{ [] }}|{{ {} }}") == "2|2|0|True|[]|{}")
        #expect(errorMessages("{{ None }}") == ["'None' is empty (null)"])
    }

    @Test func methodsOnStrings() {
        #expect(rendered("{{ ' Ab '.strip() }}|{{ 'ab'.upper() }}|{{ 'AB'.lower() }}|{{ 'a-b'.split('-') }}|{{ 'a b  c'.split() }}|{{ 'aXa'.replace('a', 'b') }}") == "Ab|AB|ab|['a', 'b']|['a', 'b', 'c']|bXb")
        #expect(rendered("{{ 'abc'.startswith('ab') }}|{{ 'abc'.endswith(('x', 'c')) }}|{{ 'иван петров'.title() }}|{{ 'иВАН'.capitalize() }}") == "True|True|Иван Петров|Иван")
        #expect(rendered("{{ ', '.join(['a', 'b']) }}|{{ 'a,b,a'.count('a') }}|{{ '{} и {}'.format(1, 'x') }}|{{ '7'.zfill(3) }}") == "a, b|2|1 и x|007")
    }

    @Test func methodsOnMappings() {
        let ctx: ValueDict = ["d": ["x": 1, "y": 2]]
        #expect(rendered("{{ d.keys() }}|{{ d.values() }}|{{ d.items() }}|{{ d.get('x') }}|{{ d.get('z', 'none') }}", ctx) == "['x', 'y']|[1, 2]|[['x', 1], ['y', 2]]|1|none")
    }

    @Test func functions() {
        #expect(rendered("{{ range(3) }}|{{ range(1, 4) }}|{{ range(10, 0, -3) }}|{{ dict(a=1) }}") == "[0, 1, 2]|[1, 2, 3]|[10, 7, 4, 1]|{'a': 1}")
    }

    @Test func stringFormattingOperator() {
        #expect(rendered("{{ '%s has %d days' % ('May', 31) }}|{{ '%.2f' % 3.14159 }}|{{ '%05.1f' % 2.25 }}|{{ '%(n)s!' % {'n': 'hi'} }}") == "May has 31 days|3.14|002.2|hi!")
    }
}
