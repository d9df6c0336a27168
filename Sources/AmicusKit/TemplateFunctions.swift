import AmicusTemplate

/// The functions Amicus adds to the template language, the same for `render`, `check` and `batch`: citations from
/// the precedent corpus, deadlines on the Russian calendar, and a template's own refusal.
enum TemplateFunctions {
    static func make(precedents: PrecedentSource?, language: String, notes: NoteCollector) -> [String: TemplateFunction] {
        var functions = precedents?.functions(language: language, notes: notes)
            ?? PrecedentSource.unavailableFunctions("no precedent corpus given")
        functions["deadline"] = Deadline.function(notes: notes)
        functions["fail"] = fail
        return functions
    }

    /// `{{ fail('message') }}`: stops the render with `message` as an error at the tag (a complaint dated after its
    /// deadline with no motion to restore it).
    static let fail: TemplateFunction = { (args, kwargs) throws(TemplateCallError) -> Value in
        guard kwargs.isEmpty, args.count == 1, case .string(let message) = args[0], !message.isEmpty else {
            throw TemplateCallError("fail() takes one text, the message to stop the render with")
        }
        throw TemplateCallError(message)
    }
}
