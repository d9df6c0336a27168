import AmicusCase
import AmicusTemplate

/// Filing deadlines computed from the date that starts them, by the rules of shared/reference/deadlines.md. A
/// deadline printed in a filing must never be a guess: where the rule or the calendar is not settled the result
/// carries a note the lawyer sees, and where it cannot be computed at all it is an error.
enum Deadline {
    struct Outcome: Sendable {
        var lastDay: CaseDate
        var notes: [String]
    }

    static let rules = ["koap-30.3"]

    /// Federal Law of 29.10.2024 No. 364-FZ: "десяти суток" became "десяти дней" on that day.
    static let koap364FZ = DayNumber(year: 2024, month: 10, day: 29)

    static func compute(rule: String, from start: CaseDate, calendar: Result<RussianCalendar, Problems>) throws(TemplateCallError) -> Outcome {
        switch rule {
        case "koap-30.3": return try koap30_3(served: start, calendar: calendar)
        default:
            let suggestion = didYouMean(rule, among: rules).map { " (did you mean '\($0)'?)" } ?? ""
            throw TemplateCallError("unknown deadline rule '\(rule)'\(suggestion): the rules are \(rules.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    /// ч. 1 ст. 30.3 КоАП РФ: ten days from service of the copy; the period starts the next day (ст. 4.8 ч. 1.1). Since
    /// 364-FZ a last day that is not worked moves to the next working day; before it, «суток» did not move.
    static func koap30_3(served: CaseDate, calendar: Result<RussianCalendar, Problems>) throws(TemplateCallError) -> Outcome {
        let servedDay = DayNumber(served)
        var last = servedDay.adding(days: 10)
        var notes: [String] = []
        if servedDay < koap364FZ {
            if !(last < koap364FZ) {
                notes.append("deadline('koap-30.3'): the copy was served before 29.10.2024 and the period ran past it; how Federal Law 364-FZ applies to periods already running is unverified, so the old «десяти суток» rule (no move off a non-working day) was used")
            }
            return Outcome(lastDay: last.date, notes: notes)
        }
        let days: RussianCalendar
        switch calendar {
        case .success(let loaded): days = loaded
        case .failure(let problems): throw TemplateCallError(problems.description)
        }
        while true {
            guard let status = days.isWorking(last) else {
                throw TemplateCallError("the period ends in \(last.civil.year), and Amicus has no Russian production calendar for that year; compute the deadline by hand from the Government's decree")
            }
            if status.knowledge == .statutoryMinimum {
                let note = "deadline('koap-30.3'): the \(last.civil.year) transfer decree is not yet published, so only the Labour Code's holidays and weekends were used: unverified, check the decree"
                if !notes.contains(note) { notes.append(note) }
            }
            if status.working { break }
            last = last.adding(days: 1)
        }
        return Outcome(lastDay: last.date, notes: notes)
    }

    /// `deadline(date, rule)` for templates.
    static func function(notes: NoteCollector?) -> TemplateFunction {
        { (args, kwargs) throws(TemplateCallError) -> Value in
            let arguments = try CallArguments(name: "deadline", args, kwargs, positional: ["date", "rule"])
            guard case .date(let start)? = arguments.value("date") else {
                throw TemplateCallError("deadline() needs the date that starts the period, e.g. deadline(proceedings.decision.served_on, 'koap-30.3')")
            }
            guard let rule = arguments.string("rule") else {
                throw TemplateCallError("deadline() needs a rule: \(rules.map { "'\($0)'" }.joined(separator: ", "))")
            }
            guard let startDate = CaseDate(year: start.year, month: start.month, day: start.day) else {
                throw TemplateCallError("deadline(): \(start) is not a date")
            }
            let outcome = try compute(rule: rule, from: startDate, calendar: RussianCalendar.shared)
            for note in outcome.notes { notes?.add(note) }
            let day = outcome.lastDay
            return .date(CalendarDate(year: day.year, month: day.month, day: day.day))
        }
    }
}
