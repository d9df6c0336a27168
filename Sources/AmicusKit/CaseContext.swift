import AmicusCase
import AmicusTemplate

/// Hands case data to the template engine as plain values. The case file's top-level keys become the names a
/// template reads (`applicant`, `events`, …).
enum CaseContext {
    static func values(of document: CaseDocument) -> ValueDict {
        guard case .dict(let dictionary) = value(of: document.root) else { return ValueDict() }
        return dictionary
    }

    static func value(of node: CaseNode) -> Value {
        switch node.value {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .date(let date):
            return .date(CalendarDate(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute))
        case .list(let items): return .list(items.map(value(of:)))
        case .map(let entries): return .dict(ValueDict(entries.map { ($0.key, value(of: $0.value)) }))
        }
    }
}
