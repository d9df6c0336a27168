import Testing
import AmicusTemplate

/// A DOCX part is parsed once and rendered many times. This only checks that a realistic large template works
/// across repeated renders; timing is measured with a release build, not asserted here.
@Suite struct PerformanceTests {
    static func bigTemplate() -> String {
        let filler = String(repeating: "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\"/></w:rPr><w:t xml:space=\"preserve\">Текст жалобы, абзац. </w:t></w:r></w:p>\n", count: 500)
        var s = "<w:document>" + filler
        s += "{% for e in events %}<w:p><w:t>{{ loop.index }}. {{ e.date|date('long') }} — {{ e.what }}</w:t></w:p>{% endfor %}"
        s += filler
        s += "{% for c in children %}<w:p><w:t>{{ c.name|upper }}, {{ c.age|plural('год', 'года', 'лет') }}{% if c.note %} ({{ c.note }}){% endif %}</w:t></w:p>{% endfor %}"
        s += filler + "{{ applicant.name }}</w:document>"
        return s
    }

    static func context() -> ValueDict {
        var events: [Value] = []
        var children: [Value] = []
        for i in 0..<40 {
            events.append(["date": .date(CalendarDate(year: 2014, month: 1 + i % 12, day: 1 + i % 28)), "what": .string("Событие номер \(i) & подробности")])
            children.append(["name": .string("Ребёнок \(i)"), "age": .int(i % 18), "note": i % 3 == 0 ? .string("заметка") : .none])
        }
        return ["events": .list(events), "children": .list(children), "applicant": ["name": "Иванова"]]
    }

    @Test func largeTemplateRendersRepeatedly() throws {
        let source = PerformanceTests.bigTemplate()
        #expect(source.utf8.count > 150_000)
        let t = try Template(source: source)
        let ctx = PerformanceTests.context()
        let first = t.render(ctx, options: RenderOptions(escape: xmlEscaper, locale: "ru"))
        #expect(first.errors.isEmpty)
        #expect(first.output.contains("<w:t>1. 1 января 2014 г. — Событие номер 0 &amp; подробности</w:t>"))
        #expect(first.output.contains("РЕБЁНОК 5, 5 лет</w:t>"))
        #expect(first.output.contains("РЕБЁНОК 3, 3 года (заметка)</w:t>"))
        for _ in 0..<100 {
            let r = t.render(ctx, options: RenderOptions(escape: xmlEscaper, locale: "ru"))
            #expect(r.output == first.output)
        }
    }
}
