import Foundation

/// The repository's root folder, found from this file's path.
let repository: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("no Package.swift above \(#filePath)")
}()

func repositoryPath(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-kit-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The `amicus` executable built beside this test bundle.
let amicusExecutable: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("amicus")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return repository.appendingPathComponent(".build/debug/amicus")
}()

struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs `amicus` with `arguments` from the repository folder, as a user would.
func runAmicus(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = amicusExecutable
    process.arguments = arguments
    process.currentDirectoryURL = repository
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self))
}

/// LibreOffice's plain text of a document, converted headless in a profile of its own.
func libreOfficeText(_ document: URL) throws -> String {
    let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let soffice else { throw LibreOfficeMissing() }
    let out = temporaryFolder(), profile = temporaryFolder()
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: profile)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice)
    process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out.path, document.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let text = try String(contentsOf: out.appendingPathComponent(document.deletingPathExtension().lastPathComponent + ".txt"), encoding: .utf8)
    return text.replacingOccurrences(of: "\u{FEFF}", with: "")
}

struct LibreOfficeMissing: Error, CustomStringConvertible {
    var description: String { "LibreOffice is not installed: `make test` installs libreoffice-writer-nogui" }
}
