import AmicusCase
import AmicusOffice
import AmicusTemplate
import Foundation

/// What `render` and `check` share: the case read and checked against the template's manifest, the template
/// compiled, and one render in memory. Every problem of every stage is collected before anyone decides.
struct Workbench {
    var diagnostics: [Diagnostic] = []
    var template: DocumentTemplate?
    var caseDocument: CaseDocument?
    var manifest: TemplateManifest?
    var rendered: [UInt8]?
    var options = RenderOptions()

    init(templatePath: String, casePath: String, lenient: Bool, precedents: PrecedentSource?,
         pseudonymise: Bool = false, outputName: String = "") {
        self.init(templatePath: templatePath, reading: CaseLoader.read(path: casePath), lenient: lenient,
                  precedents: precedents, pseudonymise: pseudonymise, outputName: outputName)
    }

    /// The same, for case data already read (the web form reads an upload from memory, never from disk).
    init(templatePath: String, reading: CaseReading, lenient: Bool, precedents: PrecedentSource?,
         pseudonymise: Bool = false, outputName: String = "") {
        var reading = reading

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
        options.functions = TemplateFunctions.make(precedents: precedents, language: options.locale, notes: notes)
        guard let template, let document = caseDocument else { return }
        let result = template.render(CaseContext.values(of: document), options: options,
                                     collectingText: manifest.map(FilingChecks.readText) ?? false)
        diagnostics += result.errors.map(Diagnostic.init)
        diagnostics += result.warnings.map(Diagnostic.init)
        diagnostics += notes.notes.map { Diagnostic(.warning, "\(templatePath): warning: \($0)") }
        rendered = result.bytes
        if let manifest, rendered != nil {
            diagnostics += FilingChecks.check(result, of: template, manifest: manifest, case: document, template: templatePath)
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
