/// Where something is in a template source. `offset` is a UTF-8 byte offset so the DOCX layer can map it
/// back to the run where the user typed the tag; `line` and `column` are 1-based, column counted in characters.
public struct SourceLocation: Sendable, Hashable {
    public var offset: Int
    public var line: Int
    public var column: Int
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset; self.line = line; self.column = column
    }
}

/// One problem found in a template, at parse or render time.
public struct TemplateDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable { case syntax, undefined, type, value }
    public var kind: Kind
    /// What is wrong, in words a lawyer can act on: "undefined name 'nmae' in 'representative' (did you mean 'name'?)".
    public var message: String
    /// Where the problem is: start of the offending expression or tag.
    public var location: SourceLocation
    /// UTF-8 range of the whole tag (`{{ … }}` / `{% … %}`) that holds it, braces included.
    public var tagRange: Range<Int>?

    public init(kind: Kind, message: String, location: SourceLocation, tagRange: Range<Int>?) {
        self.kind = kind; self.message = message; self.location = location; self.tagRange = tagRange
    }

    public var description: String { "\(location.line):\(location.column): \(message)" }
}

/// Every syntax error of a template at once, so an author fixes them in one pass.
public struct TemplateErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [TemplateDiagnostic]
    public init(diagnostics: [TemplateDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Thrown by functions, filters and escapers supplied through RenderOptions. It is only a message;
/// the engine adds the location of the call.
public struct TemplateCallError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
