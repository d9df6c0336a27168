/// Where a value was written in a YAML file, so every message can point the lawyer at the exact spot.
///
/// Both numbers are 1-based. `column` counts characters (Unicode scalars), not bytes, so a Cyrillic name
/// before a value does not push the column off the way a byte count would; a tab counts as one column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file: used for problems that belong to the whole file (empty file, bad encoding).
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
