import AmicusCase
import AmicusOffice
import AmicusTemplate
import Foundation

/// What `render` and `check` share: the case read and checked against the template's manifest, the template
/// compiled, and one render in memory. Every problem of every stage is collected before anyone decides.
struct Workbench {
    /// `{{ fail('message') }}`: a template's own refusal (a complaint dated after its deadline with no motion to
    /// restore it), reported like any render error, at the tag.
    static let fail: TemplateFunction = { (args, kwargs) throws(TemplateCallError) -> Value in
        guard kwargs.isEmpty, args.count == 1, case .string(let message) = args[0], !message.isEmpty else {
            throw TemplateCallError("fail() takes one text, the message to stop the render with")
        }
        throw TemplateCallError(message)
    }

    var diagnostics: [Diagnostic] = []
    var template: DocumentTemplate?
    var caseDocument: CaseDocument?
    var manifest: TemplateManifest?
    var rendered: [UInt8]?
    var options = RenderOptions()

    init(templatePath: String, casePath: String, lenient: Bool, precedents: PrecedentSource?,
         pseudonymise: Bool = false, outputName: String = "") {
        var reading = CaseLoader.read(path: casePath)

        let manifestPath = TemplateManifest.path(besideTemplate: templatePath)
        if FileManager.default.fileExists(atPath: manifestPath) {
            do {
                manifest = try TemplateManifest.load(path: manifestPath)
            } catch {
                diagnostics += error.diagnostics.map(Diagnostic.init)
            }
        }
        if let manifest { reading = manifest.validate(reading) }
        diagnostics += reading.diagnostics.map(Diagnostic.init)
        caseDocument = reading.document
        if let rule = manifest?.admissibility, let document = caseDocument, !reading.diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += Admissibility.check(rule, case: document, manifest: manifest?.file ?? "manifest.yaml")
        }
        var plan: Pseudonymisation? = nil
        if pseudonymise, let document = caseDocument {
            let made = Pseudonymisation(document: document, children: true)
            plan = made
            caseDocument = made.apply(to: document)
        }

        do {
            template = try DocumentTemplate.open(path: templatePath)
        } catch {
            diagnostics += error.diagnostics.map(Diagnostic.init)
        }

        let notes = NoteCollector()
        options = RenderOptions(lenient: lenient, locale: manifest?.language ?? "en")
        options.functions = precedents?.functions(language: options.locale, notes: notes) ?? PrecedentSource.unavailableFunctions("no precedent corpus given")
        options.functions["deadline"] = Deadline.function(notes: notes)
        options.functions["fail"] = Self.fail
        guard let template, let document = caseDocument else { return }
        let result = template.render(CaseContext.values(of: document), options: options)
        diagnostics += result.errors.map(Diagnostic.init)
        diagnostics += result.warnings.map(Diagnostic.init)
        diagnostics += notes.notes.map { Diagnostic(.warning, "\(templatePath): warning: \($0)") }
        rendered = result.bytes
        if let manifest, let bytes = rendered {
            diagnostics += FilingChecks.check(bytes, format: template.format, manifest: manifest, case: document, template: templatePath)
        }
        if let plan, let bytes = rendered {
            let traces = PseudonymScan.traces(in: bytes, format: template.format, fileName: outputName, plan: plan, template: templatePath)
            if !traces.isEmpty {
                diagnostics += traces
                rendered = nil
            }
        }
    }
}
