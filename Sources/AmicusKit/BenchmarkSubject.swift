import AmicusCase
import AmicusOffice
import AmicusTemplate

/// A template and a case prepared once, rendered on demand: what the benchmark times, with everything a
/// render needs in a real run (manifest locale, precedent functions) and nothing it does once per process.
public struct BenchmarkSubject {
    let template: DocumentTemplate
    let context: ValueDict
    let options: RenderOptions

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(template path: String, case casePath: String, precedents: PrecedentSource? = nil) throws {
        let bench = Workbench(templatePath: path, casePath: casePath, lenient: false, precedents: precedents)
        guard !bench.diagnostics.hasErrors, let template = bench.template, let document = bench.caseDocument else {
            throw Failure(description: bench.diagnostics.map(\.description).joined(separator: "\n"))
        }
        self.template = template
        self.context = CaseContext.values(of: document)
        self.options = bench.options
    }

    /// Renders to memory and returns the size of the document.
    public func renderOnce() throws -> Int {
        let result = template.render(context, options: options)
        guard let bytes = result.bytes else {
            throw Failure(description: result.errors.map(\.description).joined(separator: "\n"))
        }
        return bytes.count
    }
}
