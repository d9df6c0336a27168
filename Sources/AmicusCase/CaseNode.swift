/// One value of a case file together with where it was written.
///
/// Every node keeps its position so that any later check (a manifest, a template, a deadline rule) can point at
/// the line and column the lawyer has to fix. Scalars also keep `source`, the text as typed (after YAML
/// unquoting), so that a value read as a number or a date can be given back as exactly the same characters.
public struct CaseNode: Sendable, Hashable {
    public var value: CaseValue
    public var position: SourcePosition
    /// The scalar's text as written (quotes removed, escapes resolved); nil for lists and mappings.
    public var source: String?

    public init(_ value: CaseValue, at position: SourcePosition, source: String? = nil) {
        self.value = value
        self.position = position
        self.source = source
    }
}

/// The value of a case-file node. Scalars are typed conservatively: a value becomes a number, a boolean or a
/// date only when nothing the lawyer typed can be lost by it (see docs/case-data.md); everything else is text.
public indirect enum CaseValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(CaseDate)
    case list([CaseNode])
    /// Entries in file order; each key keeps its own position.
    case map([CaseEntry])
}

/// One `key: value` pair of a mapping.
public struct CaseEntry: Sendable, Hashable {
    public var key: String
    /// Where the key itself was written (the start of the line for a block mapping).
    public var keyPosition: SourcePosition
    public var value: CaseNode

    public init(key: String, keyPosition: SourcePosition, value: CaseNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension CaseNode {
    /// The entry for `key` if this node is a mapping that has it.
    public func entry(_ key: String) -> CaseEntry? {
        guard case .map(let entries) = value else { return nil }
        return entries.first { $0.key == key }
    }

    /// The value for `key` if this node is a mapping that has it.
    public subscript(key: String) -> CaseNode? { entry(key)?.value }

    /// The item at `index` (0-based) if this node is a list that long.
    public subscript(index: Int) -> CaseNode? {
        guard case .list(let items) = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var isNull: Bool { if case .null = value { true } else { false } }

    public var string: String? { if case .string(let text) = value { text } else { nil } }
    public var int: Int? { if case .int(let number) = value { number } else { nil } }
    public var double: Double? { if case .double(let number) = value { number } else { nil } }
    public var bool: Bool? { if case .bool(let flag) = value { flag } else { nil } }
    public var date: CaseDate? { if case .date(let date) = value { date } else { nil } }
    public var list: [CaseNode]? { if case .list(let items) = value { items } else { nil } }
    public var entries: [CaseEntry]? { if case .map(let entries) = value { entries } else { nil } }

    /// The text a scalar was written as: `source` when known, else a canonical printing. Nil for collections.
    public var scalarText: String? {
        if let source { return source }
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        case .date(let date): return date.description
        case .list, .map: return nil
        }
    }

    /// What kind of value this is, for messages: "a date", "a list", "text" …
    public var kindDescription: String { value.kindDescription }
}

extension CaseValue {
    /// What kind of value this is, for messages.
    public var kindDescription: String {
        switch self {
        case .null: "nothing (null)"
        case .bool: "true/false"
        case .int: "a whole number"
        case .double: "a number"
        case .string: "text"
        case .date(let date): date.hasTime ? "a date and time" : "a date"
        case .list: "a list"
        case .map: "a mapping (key: value lines)"
        }
    }
}
