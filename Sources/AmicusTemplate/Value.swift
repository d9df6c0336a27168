/// A value a template can see. Case data, precedent records and function results are all Values.
///
/// `.none` is YAML null and counts as absent: `default` replaces it, printing it is an error,
/// looping over it gives zero iterations.
public enum Value: Sendable, Hashable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(CalendarDate)
    case list([Value])
    case dict(ValueDict)
}

/// A calendar date (optionally with a time of day). No time zone: a filing's date is a date, not an instant.
public struct CalendarDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil) {
        self.year = year; self.month = month; self.day = day; self.hour = hour; self.minute = minute
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        if a.year != b.year { return a.year < b.year }
        if a.month != b.month { return a.month < b.month }
        if a.day != b.day { return a.day < b.day }
        let ah = a.hour ?? 0, bh = b.hour ?? 0
        if ah != bh { return ah < bh }
        return (a.minute ?? 0) < (b.minute ?? 0)
    }
}

/// A string-keyed dictionary that keeps insertion order, so that `items()`, `dictsort` aside, and printing
/// follow the order of the case file.
public struct ValueDict: Sendable, Hashable, Sequence {
    /// Keys in insertion order.
    public private(set) var keys: [String] = []
    /// Values in the order of `keys`.
    public private(set) var values: [Value] = []
    /// Key → position, built only once a dictionary outgrows `linearLimit`: most dictionaries of a case (a fact,
    /// a timeline row, a person) have a handful of keys, and comparing a few short strings is cheaper than hashing
    /// one, both when a case becomes values for every filing of a batch and when a template reads `fact.text`.
    private var index: [String: Int] = [:]
    private static let linearLimit = 8

    public init() {}

    /// Later duplicates replace the value of the earlier key, keeping its position.
    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    private func position(of key: String) -> Int? {
        if keys.count <= Self.linearLimit { return keys.firstIndex(of: key) }
        return index[key]
    }

    private mutating func rebuildIndex() {
        index = [:]
        guard keys.count > Self.linearLimit else { return }
        index.reserveCapacity(keys.count)
        for (j, k) in keys.enumerated() { index[k] = j }
    }

    /// The value of a key; setting nil removes the key, setting an existing key keeps its position.
    public subscript(key: String) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = position(of: key) {
                if let v = newValue {
                    values[i] = v
                } else {
                    keys.remove(at: i); values.remove(at: i)
                    rebuildIndex()
                }
            } else if let v = newValue {
                keys.append(key); values.append(v)
                if keys.count == Self.linearLimit + 1 {
                    rebuildIndex()
                } else if keys.count > Self.linearLimit {
                    index[key] = keys.count - 1
                }
            }
        }
    }

    public func makeIterator() -> AnyIterator<(key: String, value: Value)> {
        var i = 0
        let keys = self.keys, values = self.values
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }

    public static func == (a: ValueDict, b: ValueDict) -> Bool {
        a.keys == b.keys && a.values == b.values
    }

    public func hash(into h: inout Hasher) {
        h.combine(keys); h.combine(values)
    }
}

extension ValueDict: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}

/// Literals keep case data readable in code and tests: `["name": "Анна", "age": 5, "phone": nil]`
/// (`nil` is `.none`, YAML null).
extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral s: String) { self = .string(s) }
    public init(integerLiteral i: Int) { self = .int(i) }
    public init(floatLiteral d: Double) { self = .double(d) }
    public init(booleanLiteral b: Bool) { self = .bool(b) }
    public init(arrayLiteral xs: Value...) { self = .list(xs) }
    public init(dictionaryLiteral xs: (String, Value)...) { self = .dict(ValueDict(xs)) }
    public init(nilLiteral: ()) { self = .none }
}
