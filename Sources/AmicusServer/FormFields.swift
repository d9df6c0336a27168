import Foundation

/// Name–value pairs of a query string or an `application/x-www-form-urlencoded` body, decoded (`+` is a space,
/// `%XX` a byte). Hummingbird's own query map leaves keys and `+` undecoded, which a browser's GET form needs.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(pairs: [(name: String, value: String)] = []) { self.pairs = pairs }

    init(urlEncoded text: String) {
        for field in text.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(halves[0])
            let value = halves.count > 1 ? Self.decode(halves[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name`, trimmed; nil when missing or empty.
    subscript(name: String) -> String? {
        let value = pairs.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }

    /// Every non-empty value of `name`, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }
            .map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The raw first value of `name` (not trimmed), for pasted text.
    func raw(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    mutating func set(_ name: String, _ value: String?) {
        pairs.removeAll { $0.name == name }
        if let value { pairs.append((name, value)) }
    }

    mutating func add(_ name: String, _ value: String) {
        if !pairs.contains(where: { $0.name == name && $0.value == value }) { pairs.append((name, value)) }
    }

    mutating func remove(_ name: String, value: String) {
        pairs.removeAll { $0.name == name && $0.value == value }
    }

    /// The query string (`article=CRC-9&country=RU`), every name and value percent-encoded; empty values left out.
    var queryString: String {
        pairs.filter { !$0.value.isEmpty }.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    /// `path` followed by this query, if any.
    func url(path: String) -> String {
        let query = queryString
        return query.isEmpty ? path : path + "?" + query
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
