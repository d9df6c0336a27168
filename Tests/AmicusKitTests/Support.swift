@_exported import AmicusTestSupport
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

/// LibreOffice's plain text of one document.
func libreOfficeText(_ document: URL) throws -> String {
    try LibreOffice.text(of: [document])[0]
}
