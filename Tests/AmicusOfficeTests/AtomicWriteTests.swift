import Foundation
import Testing
@testable import AmicusOffice

/// A batch stages its files and commits them in groups: every committed file is whole and in place, nothing
/// temporary is left behind, and a file that cannot be committed is reported and absent.
@Suite struct AtomicWriteTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func stagedFilesAppearOnlyWhenCommittedAndWhole() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let contents = (0..<5).map { i in Array("filing \(i) — Рахмона".utf8) }
        let staged = try contents.enumerated().map { i, bytes in
            try AtomicWrite.stage(bytes, to: dir.appendingPathComponent("case-\(i).docx").path)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("case-0.docx").path))
        let outcomes = AtomicWrite.commit(staged)
        #expect(outcomes.count == 5)
        for (i, bytes) in contents.enumerated() {
            if case .failure(let failure) = outcomes[i] { Issue.record("\(failure)") }
            #expect(Array(try Data(contentsOf: dir.appendingPathComponent("case-\(i).docx"))) == bytes)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == (0..<5).map { "case-\($0).docx" })
    }

    @Test func aFileThatCannotBeCommittedIsReportedAndAbsent() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try AtomicWrite.stage([1, 2, 3], to: dir.appendingPathComponent("good.docx").path)
        let lost = try AtomicWrite.stage([4, 5, 6], to: dir.appendingPathComponent("lost.docx").path)
        // The temporary file disappears before the commit (a cleaner, a full disk): it must not be renamed.
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix(".lost.docx") {
            try FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
        let outcomes = AtomicWrite.commit([good, lost])
        guard case .success = outcomes[0] else { Issue.record("good.docx was not committed"); return }
        guard case .failure(let failure) = outcomes[1] else { Issue.record("lost.docx was reported committed"); return }
        #expect(failure.path.hasSuffix("lost.docx"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("lost.docx").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["good.docx"])
    }

    @Test func stagingIntoAMissingFolderSaysWhich() {
        #expect(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.stage([1], to: "/nonexistent-amicus-folder/out.docx")
        }
    }

    /// The folder is found from the path as text; a folder that is missing, or a file where the folder should be,
    /// is named in the message, and nothing is left behind.
    @Test func aMissingFolderIsNamed() throws {
        #expect(AtomicWrite.split("/a/b/out.docx") == ("/a/b", "out.docx"))
        #expect(AtomicWrite.split("/out.docx") == ("/", "out.docx"))
        #expect(AtomicWrite.split("out.docx") == (".", "out.docx"))
        #expect(AtomicWrite.split("dir/out.docx") == ("dir", "out.docx"))
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        for folder in [dir.appendingPathComponent("missing").path, file.path] {
            do {
                _ = try AtomicWrite.stage([1], to: folder + "/out.docx")
                Issue.record("staged into \(folder)")
            } catch {
                #expect(error.description == "\(folder)/out.docx: cannot write: the folder '\(folder)' does not exist")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plain-file"])
    }
}
