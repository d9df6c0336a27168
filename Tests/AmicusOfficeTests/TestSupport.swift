import AmicusTemplate
import Foundation
@testable import AmicusOffice

/// The fixtures folder beside these tests.
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
}

/// A fresh temporary folder for one test.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-office-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Renders a fixture and returns the output bytes, failing loudly with every diagnostic otherwise.
func renderFixture(_ name: String, _ context: ValueDict, lenient: Bool = false, locale: String = "ru") throws -> [UInt8] {
    let template = try DocumentTemplate.open(path: fixture(name))
    let result = template.render(context, options: RenderOptions(lenient: lenient, locale: locale))
    guard let bytes = result.bytes else { throw DocumentErrors(result.errors) }
    return bytes
}

/// The raw XML of one entry of a package.
func entryText(_ bytes: [UInt8], _ entry: String) throws -> String {
    let package = try ZipPackage(bytes: bytes)
    guard let found = package.entry(named: entry) else { return "" }
    return String(decoding: try package.read(found), as: UTF8.self)
}

/// LibreOffice, headless: converts documents to plain text in one process, each run in its own profile so
/// parallel tests do not fight over a lock. Proves that a rendered file opens in a real word processor.
enum LibreOffice {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static var executable: String? {
        ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text LibreOffice reads from each document, in order.
    static func text(of documents: [URL]) throws -> [String] {
        guard let soffice = executable else {
            throw Failure(description: "LibreOffice is not installed: run ./scripts/test, which installs libreoffice-writer-nogui")
        }
        let out = temporaryFolder()
        let profile = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: profile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                             "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out.path] + documents.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try documents.map { document in
            let name = document.deletingPathExtension().lastPathComponent + ".txt"
            let url = out.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw Failure(description: "LibreOffice did not convert \(document.lastPathComponent) (exit \(process.terminationStatus))")
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text.replacingOccurrences(of: "\r\n", with: "\n")
        }
    }
}
