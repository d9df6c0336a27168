/// A calendar date, optionally with a time of day, exactly as written in a case file.
///
/// Filings deal in local dates (a court order of 15.02.2016, detention from 10:30): there is no time zone and
/// no conversion, so what the lawyer typed is what is printed. Only real Gregorian dates can be made, so an
/// impossible date (`31.02.2016`) is caught when the file is read, not printed into a filing.
public struct CaseDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int?
    public let minute: Int?
    /// Seconds, when the file gave them (`2016-02-15 10:30:05`); kept so no typed digit is lost.
    public let second: Int?

    /// Makes a date, or returns nil if it does not exist (month 13, 30 February, 25:00 …).
    /// `minute` is required when `hour` is given; `second` only with both.
    public init?(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
        guard CaseDate.problem(year: year, month: month, day: day, hour: hour, minute: minute, second: second) == nil
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// True when the value carries a time of day.
    public var hasTime: Bool { hour != nil }

    /// ISO 8601 text: `2016-02-15`, `2016-02-15 10:30`, `2016-02-15 10:30:05`.
    public var description: String {
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if let hour, let minute {
            text += " " + pad(hour, 2) + ":" + pad(minute, 2)
            if let second { text += ":" + pad(second, 2) }
        }
        return text
    }

    /// Russian court style: `15.02.2016`, `15.02.2016 10:30`.
    public var russianNumeric: String {
        var text = pad(day, 2) + "." + pad(month, 2) + "." + pad(year, 4)
        if let hour, let minute {
            text += " " + pad(hour, 2) + ":" + pad(minute, 2)
            if let second { text += ":" + pad(second, 2) }
        }
        return text
    }

    public static func < (lhs: CaseDate, rhs: CaseDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour ?? -1, lhs.minute ?? -1, lhs.second ?? -1)
            < (rhs.year, rhs.month, rhs.day, rhs.hour ?? -1, rhs.minute ?? -1, rhs.second ?? -1)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Why these numbers are not a date, in words a lawyer understands; nil if they are one.
    static func problem(year: Int, month: Int, day: Int, hour: Int?, minute: Int?, second: Int?) -> String? {
        if year < 1 || year > 9999 { return "there is no year \(year)" }
        if month < 1 || month > 12 { return "there is no month \(month)" }
        let days = daysIn(month: month, year: year)
        if day < 1 || day > days {
            let name = monthNames[month - 1]
            if month == 2 && day == 29 { return "\(year) is not a leap year, so February has 28 days" }
            return "\(name) has \(days) days, so there is no day \(day)"
        }
        if (hour == nil) != (minute == nil) || (second != nil && hour == nil) { return "the time is incomplete" }
        if let hour, hour < 0 || hour > 23 { return "there is no hour \(hour)" }
        if let minute, minute < 0 || minute > 59 { return "there is no minute \(minute)" }
        if let second, second < 0 || second > 59 { return "there is no second \(second)" }
        return nil
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}

private func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
