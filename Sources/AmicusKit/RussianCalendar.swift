import AmicusCase

/// Russian federal non-working days (Labour Code art. 112 and the Government's annual transfer decrees), read
/// from ru-calendar.yaml. A year is either decreed (its non-working weekdays and worked weekends are known), known
/// only in part (the statute's minimum, before the decree), or not known at all.
struct RussianCalendar: Sendable {
    enum Knowledge: Sendable { case decreed, statutoryMinimum }

    struct Year: Sendable {
        var knowledge: Knowledge
        var nonWorking: Set<DayNumber>
        var workingWeekends: Set<DayNumber>
        var decree: String?
    }

    var years: [Int: Year]

    static let shared: Result<RussianCalendar, Problems> = ForumData.load("ru-calendar.yaml").flatMap { document in
        RussianCalendar.read(document).mapError { $0 }
    }

    static func read(_ document: CaseDocument) -> Result<RussianCalendar, Problems> {
        var years: [Int: Year] = [:]
        guard let entries = document.root["years"]?.entries else {
            return .failure(Problems([Diagnostic(.error, "\(document.file): no `years:` mapping")]))
        }
        for entry in entries {
            guard let year = Int(entry.key) else { continue }
            let node = entry.value
            func days(_ key: String) -> Set<DayNumber>? {
                guard let list = node[key]?.list else { return nil }
                return Set(list.compactMap { $0.date.map(DayNumber.init) })
            }
            if let nonWorking = days("non_working") {
                years[year] = Year(knowledge: .decreed, nonWorking: nonWorking, workingWeekends: days("working_weekends") ?? [],
                                   decree: node["decree"]?.string)
            } else if let minimum = days("statutory_minimum_non_working") {
                years[year] = Year(knowledge: .statutoryMinimum, nonWorking: minimum, workingWeekends: [], decree: nil)
            }
        }
        return .success(RussianCalendar(years: years))
    }

    /// Whether a day is worked, and how sure the calendar is of it; nil when its year is not in the calendar.
    func isWorking(_ day: DayNumber) -> (working: Bool, knowledge: Knowledge)? {
        guard let year = years[day.civil.year] else { return nil }
        if year.workingWeekends.contains(day) { return (true, year.knowledge) }
        if day.weekday >= 5 || year.nonWorking.contains(day) { return (false, year.knowledge) }
        return (true, year.knowledge)
    }
}
