import Foundation
import Testing
@testable import AmicusCase

/// Where the fixture files are, and small helpers the tests share.
enum Fixture {
    static let folder: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return url
    }()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// Loads a fixture and names it by its short name in diagnostics, as a user would type it.
    static func load(_ name: String) throws(CaseErrors) -> CaseDocument {
        let bytes = [UInt8](FileManager.default.contents(atPath: path(name)) ?? Data())
        return try CaseLoader.parse(bytes: bytes, file: (name as NSString).lastPathComponent)
    }

    /// The diagnostics a fixture fails with; an empty list if it loads.
    static func errors(_ name: String) -> [CaseDiagnostic] {
        do {
            _ = try load(name)
            return []
        } catch {
            return error.diagnostics
        }
    }
}

func parseErrors(_ text: String, file: String = "case.yaml", limits: CaseLoader.Limits = .init()) -> [CaseDiagnostic] {
    do {
        _ = try CaseLoader.parse(text, file: file, limits: limits)
        return []
    } catch {
        return error.diagnostics
    }
}

/// A date value for expectations; traps on a date that does not exist, which would be a broken test.
func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int? = nil, _ minute: Int? = nil,
          _ second: Int? = nil) -> CaseValue {
    guard let value = CaseDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else {
        fatalError("test uses an impossible date")
    }
    return .date(value)
}

/// Diagnostics as one line each with the fixture folder stripped, the way a person reads them.
func lines(_ diagnostics: [CaseDiagnostic]) -> [String] {
    diagnostics.map { $0.description.replacingOccurrences(of: Fixture.folder.path + "/", with: "") }
}
