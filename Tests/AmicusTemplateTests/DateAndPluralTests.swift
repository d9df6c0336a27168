import Testing
import AmicusTemplate

@Suite struct DateAndPluralTests {
    let d: Value = .date(CalendarDate(year: 2014, month: 7, day: 17))
    var ru: RenderOptions { RenderOptions(locale: "ru") }

    @Test func longDates() {
        #expect(rendered("{{ d|date }}", ["d": d]) == "17 July 2014")
        #expect(rendered("{{ d|date }}", ["d": d], options: ru) == "17 июля 2014 г.")
        #expect(rendered("{{ d|date('long', locale='ru') }}|{{ d|date(locale='en') }}", ["d": d]) == "17 июля 2014 г.|17 July 2014")
        #expect(rendered("{{ '2016-02-01'|date }}", options: ru) == "1 февраля 2016 г.")
    }

    @Test func allRussianMonthsAreGenitive() {
        var out: [String] = []
        for m in 1...12 {
            out.append(rendered("{{ x|date('%B') }}", ["x": .date(CalendarDate(year: 2020, month: m, day: 1))], options: ru))
        }
        #expect(out == ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"])
    }

    @Test func shortAndISO() {
        #expect(rendered("{{ d|date('short') }}|{{ d|date('iso') }}|{{ d|date(format='short') }}", ["d": d]) == "17.07.2014|2014-07-17|17.07.2014")
    }

    @Test func strftimePatterns() {
        let x: Value = .date(CalendarDate(year: 2014, month: 7, day: 5, hour: 9, minute: 3))
        #expect(rendered("{{ x|date('%d.%m.%Y %H:%M') }}|{{ x|date('%e %B %y') }}|{{ x|date('%-d/%-m') }}|{{ x|date('%b %A %%') }}", ["x": x]) == "05.07.2014 09:03|5 July 14|5/7|Jul Saturday %")
        #expect(rendered("«{{ x|date('%e %B %Y') }} года»", ["x": x], options: ru) == "«5 июля 2014 года»")
        #expect(rendered("{{ d|date('%B %e, %Y') }}", ["d": d]) == "July 17, 2014")
        #expect(rendered("{{ d|date('%j %a') }}|{{ d|date('%A', locale='ru') }}", ["d": d]) == "198 Thu|четверг")
    }

    @Test func acceptsDayMonthYearText() {
        #expect(rendered("{{ '17.07.2014'|date('iso') }}|{{ '2014-07-17 10:30'|date('%H:%M') }}") == "2014-07-17|10:30")
    }

    @Test func rejectsWhatIsNotADate() {
        #expect(errorMessages("{{ b|date }}", ["b": "15 feb"]) == ["'date' filter expects a date (YYYY-MM-DD or DD.MM.YYYY), got \"15 feb\" ('b')"])
        #expect(errorMessages("{{ b|date }}", ["b": "2014-02-30"]) == ["'date' filter expects a date (YYYY-MM-DD or DD.MM.YYYY), got \"2014-02-30\" ('b')"])
        #expect(errorMessages("{{ 5|date }}") == ["'date' filter expects a date, got int 5 ('5')"])
        #expect(errorMessages("{{ d|date('%Q') }}", ["d": d]) == ["'date' filter: unknown date directive '%Q' in '%Q'"])
        #expect(errorMessages("{{ d|date(locale='fr') }}", ["d": d]) == ["'date' filter: unknown locale 'fr' (use 'ru' or 'en')"])
        #expect(errorMessages("{{ d|date }}", ["d": nil]) == ["'d' is empty (null)"])
    }

    @Test func leapYears() {
        #expect(rendered("{{ '2024-02-29'|date('short') }}") == "29.02.2024")
        #expect(errorMessages("{{ '2023-02-29'|date }}").count == 1)
    }

    @Test func russianPlural() {
        let t = "{% for n in [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111] %}{{ n|plural('день', 'дня', 'дней') }};{% endfor %}"
        #expect(rendered(t) == "0 дней;1 день;2 дня;4 дня;5 дней;11 дней;12 дней;14 дней;21 день;22 дня;25 дней;101 день;111 дней;")
        #expect(rendered("{{ 1.5|plural('день', 'дня', 'дней') }}") == "1.5 дня")
        #expect(rendered("{{ 5|plural('день', 'дня', 'дней', number=false) }}") == "дней")
        #expect(rendered("{{ plural(3, 'ребёнок', 'ребёнка', 'детей') }}") == "3 ребёнка")
    }

    @Test func englishPlural() {
        #expect(rendered("{{ 1|plural('day', 'days') }}|{{ 2|plural('day', 'days') }}|{{ 0|plural('child', 'children') }}|{{ plural(1, 'day', 'days') }}") == "1 day|2 days|0 children|1 day")
    }

    @Test func pluralNeedsANumber() {
        #expect(errorMessages("{{ 'x'|plural('a', 'b') }}") == ["'plural' expects a number, got \"x\""])
    }
}
