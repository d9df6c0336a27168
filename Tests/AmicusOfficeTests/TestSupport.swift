import AmicusTemplate
@_exported import AmicusTestSupport
import Foundation
@testable import AmicusOffice

/// The fixtures folder beside these tests.
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
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

/// Every file with one of these extensions in the repository's templates, tests, examples and benchmark inputs:
/// real Word and OpenDocument markup, damaged packages included.
func repositoryFiles(withExtensions extensions: Set<String>) -> [URL] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var files: [URL] = []
    for folder in ["Templates", "Tests", "Examples", "Benchmarks/inputs"] {
        let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if extensions.contains(url.pathExtension) { files.append(url) }
        }
    }
    return files.sorted { $0.path < $1.path }
}
