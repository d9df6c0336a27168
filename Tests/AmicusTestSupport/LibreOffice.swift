import Foundation

/// A fresh temporary folder for one test.
public func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// LibreOffice, headless: converts documents to plain text in one process, each run in its own profile so
/// parallel tests do not fight over a lock. Proves that a rendered file opens in a real word processor.
public enum LibreOffice {
    public struct Failure: Error, CustomStringConvertible { public var description: String }

    public static var executable: String? {
        ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text LibreOffice reads from each document, in order.
    public static func text(of documents: [URL]) throws -> [String] {
        guard let soffice = executable else {
            throw Failure(description: "LibreOffice is not installed: `make test` installs libreoffice-writer-nogui")
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
