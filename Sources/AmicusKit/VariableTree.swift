import Foundation

/// The names a template reads, folded into a tree for people (`amicus vars`) and for tools (`--json`).
public struct VariableTree: Sendable, Equatable {
    public var name: String
    /// True when the name is a list whose items are read (`events[]`).
    public var isList: Bool
    public var children: [VariableTree]

    public init(paths: [String]) {
        self.init(name: "", isList: false, children: [])
        for path in paths {
            insert(path.split(separator: ".").map(String.init))
        }
    }

    init(name: String, isList: Bool, children: [VariableTree]) {
        self.name = name
        self.isList = isList
        self.children = children
    }

    private mutating func insert(_ components: [String]) {
        guard let first = components.first else { return }
        let isList = first.hasSuffix("[]")
        let name = isList ? String(first.dropLast(2)) : first
        if let index = children.firstIndex(where: { $0.name == name }) {
            children[index].isList = children[index].isList || isList
            children[index].insert(Array(components.dropFirst()))
        } else {
            var child = VariableTree(name: name, isList: isList, children: [])
            child.insert(Array(components.dropFirst()))
            children.append(child)
            children.sort { $0.name < $1.name }
        }
    }

    /// An indented outline, two spaces a level: `events[]` then `  date`.
    public func outline() -> String {
        var lines: [String] = []
        func walk(_ node: VariableTree, depth: Int) {
            lines.append(String(repeating: "  ", count: depth) + node.name + (node.isList ? "[]" : ""))
            for child in node.children { walk(child, depth: depth + 1) }
        }
        for child in children { walk(child, depth: 0) }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `{"paths": [...], "tree": {"events[]": {"date": {}}}}` with sorted keys, so the output is stable.
    public func json(paths: [String]) -> String {
        func object(_ node: VariableTree) -> [String: Any] {
            var result: [String: Any] = [:]
            for child in node.children {
                result[child.name + (child.isList ? "[]" : "")] = object(child)
            }
            return result
        }
        let root: [String: Any] = ["paths": paths, "tree": object(self)]
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
