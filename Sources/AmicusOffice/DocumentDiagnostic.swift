/// One problem in a document template or its render, located the way a person finds it in Word or LibreOffice:
/// the file, the part, the paragraph, and the tag as they typed it.
public struct DocumentDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// The template file as the user named it.
    public var file: String
    /// The part inside the package: `word/document.xml`, `word/footer1.xml`, `content.xml`.
    public var part: String?
    /// Where in the part: `paragraph 12`, `property dc:title`.
    public var place: String?
    /// The tag as typed, e.g. `{{ representative.nmae }}`.
    public var tag: String?
    public var message: String

    public init(severity: Severity = .error, file: String, part: String? = nil, place: String? = nil,
                tag: String? = nil, message: String) {
        self.severity = severity; self.file = file; self.part = part; self.place = place
        self.tag = tag; self.message = message
    }

    /// `appeal.docx: word/footer1.xml: paragraph 1: {{ representative.nmae }}: undefined name 'nmae' …`
    public var description: String {
        var pieces = [file]
        if let part { pieces.append(part) }
        if let place { pieces.append(place) }
        if let tag { pieces.append(tag) }
        pieces.append(severity == .warning ? "warning: " + message : message)
        return pieces.joined(separator: ": ")
    }
}

/// Every problem found at once.
public struct DocumentErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [DocumentDiagnostic]
    public init(_ diagnostics: [DocumentDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
