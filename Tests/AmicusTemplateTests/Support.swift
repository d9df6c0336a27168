import Testing
@testable import AmicusTemplate

/// Renders and expects success: no syntax errors, no render errors.
func rendered(_ source: String, _ context: ValueDict = [:], options: RenderOptions = RenderOptions(),
              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    do {
        let t = try Template(source: source)
        let r = t.render(context, options: options)
        #expect(r.errors.isEmpty, "unexpected errors: \(r.errors)", sourceLocation: sourceLocation)
        return r.output
    } catch {
        Issue.record("syntax errors: \(error)", sourceLocation: sourceLocation)
        return "<syntax error>"
    }
}

/// Renders a template that parses; returns the whole outcome.
func outcome(_ source: String, _ context: ValueDict = [:], options: RenderOptions = RenderOptions(),
             sourceLocation: Testing.SourceLocation = #_sourceLocation) -> RenderOutcome {
    do {
        return try Template(source: source).render(context, options: options)
    } catch {
        Issue.record("syntax errors: \(error)", sourceLocation: sourceLocation)
        return RenderOutcome(output: "", errors: [], warnings: [])
    }
}

/// The syntax errors of a template that must not parse.
func syntaxErrors(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [TemplateDiagnostic] {
    do {
        _ = try Template(source: source)
        Issue.record("expected syntax errors", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The messages of the render errors.
func errorMessages(_ source: String, _ context: ValueDict = [:], options: RenderOptions = RenderOptions(),
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    outcome(source, context, options: options, sourceLocation: sourceLocation).errors.map(\.message)
}

/// UTF-8 offset of the first occurrence of `needle` in `haystack`.
func offset(of needle: String, in haystack: String, occurrence: Int = 1) -> Int {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    var seen = 0
    var i = 0
    while i + n.count <= h.count {
        if Array(h[i..<(i + n.count)]) == n {
            seen += 1
            if seen == occurrence { return i }
        }
        i += 1
    }
    return -1
}
