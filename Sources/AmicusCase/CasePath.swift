import Foundation

/// Paths name a value inside a case file the way lawyers and templates do: `applicant.birth_date`,
/// `events[2].date` (list indexes start at 0, as in templates). A key that itself holds a dot, a bracket, a
/// quote or a space is written `["such key"]`, so every path names exactly one place.
struct CasePath: Sendable, Hashable, CustomStringConvertible {
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    init(components: [Component] = []) {
        self.components = components
    }

    static let root = CasePath()

    func appending(_ key: String) -> CasePath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(index: Int) -> CasePath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if CasePath.isSimple(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\"" + key.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"]"
                }
            }
        }
        return text
    }

    static func isSimple(_ key: String) -> Bool {
        !key.isEmpty && !key.unicodeScalars.contains { scalar in
            scalar == "." || scalar == "[" || scalar == "]" || scalar == "\"" || scalar == "\\"
                || scalar.properties.isWhitespace
        }
    }

    /// Reads a path written as `description` writes it; nil if it is malformed.
    init?(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var expectKey = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[" {
                index += 1
                guard index < scalars.count else { return nil }
                if scalars[index] == "\"" {
                    index += 1
                    var key = ""
                    while index < scalars.count, scalars[index] != "\"" {
                        if scalars[index] == "\\" { index += 1 }
                        guard index < scalars.count else { return nil }
                        key.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    guard index + 1 < scalars.count, scalars[index + 1] == "]" else { return nil }
                    index += 2
                    components.append(.key(key))
                } else {
                    var number = ""
                    while index < scalars.count, scalars[index] != "]" {
                        number.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    guard index < scalars.count, let value = Int(number), value >= 0,
                          number.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII })
                    else { return nil }
                    index += 1
                    components.append(.index(value))
                }
                expectKey = false
            } else if scalar == "." {
                guard !components.isEmpty, !expectKey else { return nil }
                index += 1
                expectKey = true
                guard index < scalars.count, scalars[index] != "." , scalars[index] != "[" else { return nil }
            } else {
                guard expectKey else { return nil }
                var key = ""
                while index < scalars.count, scalars[index] != ".", scalars[index] != "[" {
                    key.unicodeScalars.append(scalars[index])
                    index += 1
                }
                components.append(.key(key))
                expectKey = false
            }
        }
        if expectKey && !components.isEmpty { return nil }
    }
}

extension CaseNode {
    /// The node at `path` below this one (`applicant.birth_date`, `events[2].date`), or nil if there is none.
    public func lookup(path: String) -> CaseNode? {
        guard let parsed = CasePath(parsing: path) else { return nil }
        var node = self
        for component in parsed.components {
            switch component {
            case .key(let key): guard let next = node[key] else { return nil }; node = next
            case .index(let index): guard let next = node[index] else { return nil }; node = next
            }
        }
        return node
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        replacingOccurrences(of: target, with: replacement)
    }
}
