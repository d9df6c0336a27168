import Foundation
import Testing

/// The `amicus` command as a user runs it: exit codes, messages on standard error, files written or not.
@Suite struct CommandLineTests {
    static let template = "Templates/appeal-separation-ru/template.docx"
    static let example = "Examples/rahmona.yaml"

    @Test func renderWritesTheFileAndExitsZero() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("appeal.docx").path
        let result = try runAmicus(["render", Self.template, Self.example, "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: output))
    }

    /// Zip entries carry local dates; the same filing rendered in Moscow, Tokyo and New York must still be the same
    /// bytes (POSIX zone strings, so the test needs no tzdata).
    @Test func theSameInputGivesTheSameBytesInEveryTimeZone() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for (i, zone) in ["UTC0", "MSK-3", "JST-9", "EST5EDT"].enumerated() {
            let output = folder.appendingPathComponent("appeal-\(i).docx").path
            let result = try runAmicus(["render", Self.template, Self.example, "-o", output], environment: ["TZ": zone])
            #expect(result.status == 0, "\(zone): \(result.standardError)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(Set(outputs).count == 1, "the bytes depend on the time zone")
    }

    @Test func aFailedRenderExitsOneAndWritesNothing() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try "case_id: 1\napplicant: {name: {cyrillic: [x}\n".write(to: caseFile, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("appeal.docx").path
        let result = try runAmicus(["render", Self.template, caseFile.path, "-o", output])
        #expect(result.status == 1)
        #expect(result.standardError.contains(caseFile.path + ":2:"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case.yaml"], "no temporary file left")
    }

    @Test func syntaxErrorsInTheBodyAndFooterArePrintedOnePerLine() throws {
        let template = repositoryPath("Tests/AmicusKitTests/Fixtures/errors.docx")
        let result = try runAmicus(["check", template, Self.example])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(template): word/footer1.xml: paragraph 1: {% endfor %}: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(template): word/document.xml: paragraph 5: {{ 1 + }}: ") }, "\(lines)")
        #expect(!result.standardError.contains("Fatal error") && !result.standardError.contains("Stack"))
    }

    @Test func usageErrorsExitTwo() throws {
        let missingOutput = try runAmicus(["render", Self.template, Self.example])
        #expect(missingOutput.status == 2)
        #expect(missingOutput.standardError.contains("--output"))
        #expect(try runAmicus(["frobnicate"]).status == 2)
        #expect(try runAmicus(["--help"]).status == 0)
    }

    @Test func anOutputOfTheWrongFormatOrOverTheInputIsRefused() throws {
        let wrong = try runAmicus(["render", Self.template, Self.example, "-o", "/tmp/appeal.pdf"])
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("must be a .docx file"))
        let over = try runAmicus(["render", Self.template, Self.example, "-o", Self.template])
        #expect(over.status == 1)
        #expect(over.standardError.contains("would overwrite the input"))
    }

    @Test func varsPrintsATreeAndJSON() throws {
        let tree = try runAmicus(["vars", Self.template])
        #expect(tree.status == 0)
        #expect(tree.standardOutput.contains("events[]\n  date\n"), "\(tree.standardOutput)")
        let json = try runAmicus(["vars", Self.template, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let paths = object?["paths"] as? [String] ?? []
        #expect(paths.contains("applicant.name.cyrillic"))
        #expect(paths.contains("events[].date"))
    }
}
