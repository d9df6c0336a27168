/// One problem found in a case file or a manifest, printed the way compilers print theirs
/// (`case.yaml:14:3: error: applicant.birth_date: expected a date like 2016-02-15, got "15 feb"`), so editors
/// and terminals can jump to it and a lawyer can read it without knowing YAML.
public struct CaseDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The file cannot be used as it is.
        case error
        /// Read, but something is probably not what the lawyer meant.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var file: String
    public var line: Int
    public var column: Int
    /// Where in the data the problem is (`events[3].date`); empty for problems of the file as a whole.
    public var path: String
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int, path: String = "", message: String,
                severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.severity = severity
    }

    init(file: String, at position: SourcePosition, path: CasePath = .root, _ message: String,
         severity: Severity = .error) {
        self.init(file: file, line: position.line, column: position.column, path: path.description,
                  message: message, severity: severity)
    }

    public var position: SourcePosition { SourcePosition(line: line, column: column) }

    public var description: String {
        let location = "\(file):\(line):\(column): \(severity.rawValue): "
        return path.isEmpty ? location + message : location + path + ": " + message
    }

    /// File order, then errors before warnings: the order a person fixes things in.
    static func ordered(_ diagnostics: [CaseDiagnostic]) -> [CaseDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = (a.element.line, a.element.column, a.element.severity == .error ? 0 : 1, a.offset)
            let right = (b.element.line, b.element.column, b.element.severity == .error ? 0 : 1, b.offset)
            return left < right
        }.map(\.element)
    }
}

/// Every problem found at once, so a lawyer fixes a file in one pass instead of one error per run.
public struct CaseErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [CaseDiagnostic]

    public init(_ diagnostics: [CaseDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [CaseDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic a line, in file order.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
