import AmicusOffice
import Foundation

/// PDF through LibreOffice, headless, for courts that want PDF. Many documents go through one `soffice` run,
/// not one process each; a PDF LibreOffice did not produce, or produced empty, is an error for that document.
public enum PDFConversion {
    public static let installHint = "LibreOffice is not installed: install it with `apt-get install libreoffice-writer-nogui` (Debian/Ubuntu)"

    /// LibreOffice's `soffice`: `AMICUS_SOFFICE` when set (a path; one that is not an executable counts as missing),
    /// else the usual install places.
    public static var soffice: String? {
        if let chosen = ProcessInfo.processInfo.environment["AMICUS_SOFFICE"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        return ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Converts each document to a PDF beside it (same name, `.pdf`). Returns, per document, the PDF's path or
    /// the reason there is none. The PDF is written through a temporary folder and renamed into place.
    public static func convert(_ documents: [String]) -> [String: Result<String, Problems>] {
        var results: [String: Result<String, Problems>] = [:]
        guard !documents.isEmpty else { return results }
        guard let soffice else {
            for document in documents { results[document] = .failure(Problems([Diagnostic(.error, "\(document): \(installHint)")])) }
            return results
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-pdf-\(UUID().uuidString)")
        let profile = scratch.appendingPathComponent("profile"), out = scratch.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            for document in documents { results[document] = .failure(Problems([Diagnostic(.error, "\(document): cannot make a temporary folder for PDF conversion")])) }
            return results
        }
        // Two documents with the same file name in different folders would overwrite each other in one output
        // folder, so each run converts documents with distinct names.
        var pending = documents
        while !pending.isEmpty {
            var names = Set<String>()
            let round = pending.filter { names.insert(URL(fileURLWithPath: $0).lastPathComponent).inserted }
            pending.removeAll { round.contains($0) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                                 "--convert-to", "pdf", "--outdir", out.path] + round
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                for document in round { results[document] = .failure(Problems([Diagnostic(.error, "\(document): LibreOffice could not be started: \(error)")])) }
                continue
            }
            for document in round {
                let url = URL(fileURLWithPath: document)
                let produced = out.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".pdf")
                let target = url.deletingPathExtension().appendingPathExtension("pdf").path
                guard let data = try? Data(contentsOf: produced), data.count > 4, data.prefix(5) == Data("%PDF-".utf8) else {
                    results[document] = .failure(Problems([Diagnostic(.error, "\(document): LibreOffice did not produce a PDF (exit \(process.terminationStatus))")]))
                    continue
                }
                do {
                    try AtomicWrite.write(Array(data), to: target)
                    results[document] = .success(target)
                } catch {
                    results[document] = .failure(Problems([Diagnostic(.error, error.description)]))
                }
            }
        }
        return results
    }
}
