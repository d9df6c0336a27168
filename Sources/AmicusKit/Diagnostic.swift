import AmicusCase
import AmicusOffice

/// A problem from any part of Amicus (case file, manifest, template, render), already located and worded the
/// way the part that found it prints it: `case.yaml:14:3: error: …` or `appeal.docx: word/footer1.xml: …`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var description: String

    public init(_ severity: Severity, _ description: String) {
        self.severity = severity
        self.description = description
    }

    init(_ diagnostic: CaseDiagnostic) {
        self.init(diagnostic.severity == .error ? .error : .warning, diagnostic.description)
    }

    init(_ diagnostic: DocumentDiagnostic) {
        self.init(diagnostic.severity == .error ? .error : .warning, diagnostic.description)
    }

    public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains(where: \.isError) }
}

/// Problems that stop a verb, every one of them.
public struct Problems: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
