import AmicusCase
import AmicusOffice

/// The check after a pseudonymised render: every part of the output (body, headers, footers, notes, comments,
/// document properties) and the file name are searched for any form of a hidden name. A trace is an error with
/// its part and paragraph, and the document is not written.
enum PseudonymScan {
    static func traces(in bytes: [UInt8], format: DocumentFormat, fileName: String, plan: Pseudonymisation,
                       template: String) -> [Diagnostic] {
        guard !plan.people.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for trace in plan.traces(in: fileName) {
            found.append(Diagnostic(.error, "\(fileName): the output file name holds '\(trace)', a form of a pseudonymised name"))
        }
        let text: DocumentText
        do {
            text = try DocumentText(bytes: bytes, format: format, name: template)
        } catch {
            return found + error.diagnostics.map(Diagnostic.init)
        }
        for part in text.parts {
            for (index, paragraph) in part.paragraphs.enumerated() {
                for trace in plan.traces(in: paragraph) {
                    found.append(Diagnostic(.error, "\(template): \(part.name): paragraph \(index + 1): a pseudonymised name remains as '\(trace)'; it comes from the template or from data outside the person's own fields"))
                }
            }
        }
        return found
    }
}
