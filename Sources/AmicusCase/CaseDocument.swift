/// A case file as read: its name (for messages), its root mapping, and the warnings met while reading it.
public struct CaseDocument: Sendable, Hashable {
    /// The file name used in diagnostics, as given to the loader.
    public var file: String
    /// The root mapping (the loader refuses any other root).
    public var root: CaseNode
    /// Warnings from reading (a byte-order mark, mixed line ends). Errors are thrown, never kept here.
    public var warnings: [CaseDiagnostic]

    public init(file: String, root: CaseNode, warnings: [CaseDiagnostic] = []) {
        self.file = file
        self.root = root
        self.warnings = warnings
    }

    /// The node at `path` (`applicant.birth_date`, `events[2].date`; indexes start at 0), or nil.
    public func lookup(path: String) -> CaseNode? { root.lookup(path: path) }

    public subscript(path: String) -> CaseNode? { root.lookup(path: path) }
}
