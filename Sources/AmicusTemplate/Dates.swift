/// Dates as courts write them: `17 июля 2014 г.` (Russian, genitive month), `17 July 2014`, `17.07.2014`.
/// No Foundation, no time zones: a filing's date is a calendar date, and the output must not depend on the machine.

/// Parses `YYYY-MM-DD` (optionally followed by ` HH:MM` or `THH:MM[:SS]`) or `DD.MM.YYYY`; nil if the text is not
/// exactly a valid date.
func parseDateString(_ text: String) -> CalendarDate? {
    let b = Array(text.utf8)
    func num(_ r: Range<Int>) -> Int? {
        guard r.upperBound <= b.count else { return nil }
        var v = 0
        for i in r {
            guard isDigit(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }
    var date: CalendarDate
    var rest = 0
    if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
       let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) {
        date = CalendarDate(year: y, month: m, day: d)
        rest = 10
    } else if b.count == 10, b[2] == UInt8(ascii: "."), b[5] == UInt8(ascii: "."),
              let d = num(0..<2), let m = num(3..<5), let y = num(6..<10) {
        date = CalendarDate(year: y, month: m, day: d)
        rest = 10
    } else {
        return nil
    }
    if rest < b.count {
        // Time part: " HH:MM", "THH:MM", optional ":SS".
        guard b[rest] == UInt8(ascii: " ") || b[rest] == UInt8(ascii: "T"), b.count >= rest + 6,
              b[rest + 3] == UInt8(ascii: ":"), let h = num((rest + 1)..<(rest + 3)), let mi = num((rest + 4)..<(rest + 6)),
              h < 24, mi < 60 else { return nil }
        var end = rest + 6
        if b.count >= end + 3, b[end] == UInt8(ascii: ":"), let sec = num((end + 1)..<(end + 3)), sec < 60 { end += 3 }
        guard end == b.count else { return nil }
        date.hour = h
        date.minute = mi
    }
    return date.isValid ? date : nil
}

extension CalendarDate {
    /// Whether the day exists (leap years included) and the time, if any, is in range.
    public var isValid: Bool {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1 else { return false }
        guard day <= daysInMonth(year: year, month: month) else { return false }
        if let h = hour, !(0...23).contains(h) { return false }
        if let m = minute, !(0...59).contains(m) { return false }
        return true
    }

    /// 0 = Monday … 6 = Sunday.
    var weekday: Int {
        // Days since 0001-01-01 (a Monday) in the proleptic Gregorian calendar.
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += daysInMonth(year: year, month: m) }
        days += day - 1
        return days % 7
    }
}

func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2:
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

enum DateLocale {
    case ru, en

    /// Accepts `ru`, `ru_RU`, `ru-RU`, `en`, `en_GB`…; nil for anything else.
    init?(_ code: String) {
        let lower = code.lowercased()
        if lower == "ru" || lower.hasPrefix("ru_") || lower.hasPrefix("ru-") { self = .ru }
        else if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en-") { self = .en }
        else { return nil }
    }

    private static let ruMonthsFull = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                          "октября", "ноября", "декабря"]
    private static let enMonthsFull = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
    private static let ruMonthsShort = ["янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."]
    private static let enMonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let ruWeekdaysFull = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
    private static let enWeekdaysFull = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let ruWeekdaysShort = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
    private static let enWeekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Month names in the genitive for Russian ("17 июля"), as dates are written.
    var monthsFull: [String] { self == .ru ? DateLocale.ruMonthsFull : DateLocale.enMonthsFull }
    var monthsShort: [String] { self == .ru ? DateLocale.ruMonthsShort : DateLocale.enMonthsShort }
    var weekdaysFull: [String] { self == .ru ? DateLocale.ruWeekdaysFull : DateLocale.enWeekdaysFull }
    var weekdaysShort: [String] { self == .ru ? DateLocale.ruWeekdaysShort : DateLocale.enWeekdaysShort }
}

/// Formats a date. `format`: `long` (`17 июля 2014 г.` / `17 July 2014`), `short` (`17.07.2014`), `iso`
/// (`2014-07-17`), or a strftime pattern. Throws a message for an unknown directive.
func formatDate(_ d: CalendarDate, format: String, locale: DateLocale) throws(TemplateCallError) -> String {
    switch format {
    case "long":
        switch locale {
        case .ru: return "\(d.day) \(locale.monthsFull[d.month - 1]) \(pad(d.year, 4)) г."
        case .en: return "\(d.day) \(locale.monthsFull[d.month - 1]) \(pad(d.year, 4))"
        }
    case "short":
        return pad(d.day, 2) + "." + pad(d.month, 2) + "." + pad(d.year, 4)
    case "iso":
        return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    default:
        break
    }
    var out = ""
    var it = format.makeIterator()
    while let c = it.next() {
        guard c == "%" else { out.append(c); continue }
        guard var spec = it.next() else { throw TemplateCallError("date format '\(format)' ends with a lone '%'") }
        var noPad = false
        if spec == "-" {
            noPad = true
            guard let s = it.next() else { throw TemplateCallError("date format '\(format)' ends with '%-'") }
            spec = s
        }
        func two(_ n: Int) -> String { noPad ? String(n) : pad(n, 2) }
        switch spec {
        case "d": out += two(d.day)
        case "e": out += String(d.day)
        case "m": out += two(d.month)
        case "Y": out += pad(d.year, 4)
        case "y": out += pad(d.year % 100, 2)
        case "B": out += locale.monthsFull[d.month - 1]
        case "b", "h": out += locale.monthsShort[d.month - 1]
        case "A": out += locale.weekdaysFull[d.weekday]
        case "a": out += locale.weekdaysShort[d.weekday]
        case "H": out += two(d.hour ?? 0)
        case "M": out += two(d.minute ?? 0)
        case "S": out += two(0)
        case "j":
            var n = d.day
            for m in 1..<d.month { n += daysInMonth(year: d.year, month: m) }
            out += noPad ? String(n) : pad(n, 3)
        case "%": out += "%"
        default:
            throw TemplateCallError("unknown date directive '%\(spec)' in '\(format)'")
        }
    }
    return out
}

/// The plural form of a count. Three forms follow the Russian rule (1 день, 2 дня, 5 дней, 11 дней, 21 день;
/// fractions take the second form); two forms follow the English rule (1 day, 0/2 days).
func pluralForm(_ n: Value, forms: [String]) throws(TemplateCallError) -> (String, String) {
    let number: String
    var isInteger = true
    var magnitude: Int = 0
    switch n {
    case .int(let i):
        number = String(i)
        magnitude = i == Int.min ? Int.max : abs(i)
    case .double(let d) where d.isFinite:
        number = pythonFloat(d).hasSuffix(".0") ? String(pythonFloat(d).dropLast(2)) : pythonFloat(d)
        if d == d.rounded(), abs(d) < 1e15 { magnitude = Int(abs(d)) } else { isInteger = false }
    case .string(let s):
        guard let i = Int(s.trimmingASCIIWhitespace()) else {
            throw TemplateCallError("'plural' expects a number, got \(n.shortDescription)")
        }
        return try pluralForm(.int(i), forms: forms)
    default:
        throw TemplateCallError("'plural' expects a number, got \(n.shortDescription)")
    }
    switch forms.count {
    case 3:
        if !isInteger { return (number, forms[1]) }
        let mod10 = magnitude % 10, mod100 = magnitude % 100
        if mod10 == 1 && mod100 != 11 { return (number, forms[0]) }
        if (2...4).contains(mod10) && !(12...14).contains(mod100) { return (number, forms[1]) }
        return (number, forms[2])
    case 2:
        return (number, isInteger && magnitude == 1 ? forms[0] : forms[1])
    default:
        throw TemplateCallError("'plural' needs 2 forms (English: one, many) or 3 forms (Russian: one, few, many), got \(forms.count)")
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let b = Array(utf8)
        var s = 0, e = b.count
        while s < e, isASCIISpace(b[s]) { s += 1 }
        while e > s, isASCIISpace(b[e - 1]) { e -= 1 }
        return String(decoding: b[s..<e], as: UTF8.self)
    }
}
