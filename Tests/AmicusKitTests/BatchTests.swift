import AmicusOffice
import Foundation
import Testing
@testable import AmicusKit

/// A temporary folder with an empty `out` folder inside, for one batch.
func batchFolders() throws -> (folder: URL, out: URL) {
    let folder = temporaryFolder(), out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    return (folder, out)
}

/// `amicus batch`: many cases, one bad among them, clashing names, CSV and YAML lists, PDF in one run.
@Suite(.serialized) struct BatchTests {
    static let appeal = repositoryPath("Templates/appeal-separation-ru/template.docx")
    static let letter = repositoryPath("Tests/AmicusKitTests/Fixtures/letter.docx")

    /// The example case with another case number, as a block of YAML lines.
    static func exampleCase(id: String) throws -> String {
        try String(contentsOfFile: repositoryPath("Examples/rahmona.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "case_id: RU-SPB-2016-0000", with: "case_id: \(id)")
    }

    @Test func aBadCaseIsReportedAndTheOthersAreStillRendered() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good1 = folder.appendingPathComponent("one.yaml"), good2 = folder.appendingPathComponent("two.yaml")
        let bad = folder.appendingPathComponent("bad.yaml")
        try Self.exampleCase(id: "B-1").write(to: good1, atomically: true, encoding: .utf8)
        try Self.exampleCase(id: "B-2").write(to: good2, atomically: true, encoding: .utf8)
        try Self.exampleCase(id: "B-3").replacingOccurrences(of: "  birth_date: 1990-03-14", with: "  birth_date: 14 march")
            .write(to: bad, atomically: true, encoding: .utf8)

        let result = try runAmicus(["batch", Self.appeal, good1.path, bad.path, good2.path, "-o", out.path, "-j", "2"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("batch: 2 rendered, 1 failed"), "\(result.standardError)")
        #expect(result.standardError.contains("\(bad.path):"), "the bad case is named with its line")
        #expect(result.standardError.contains("[3/3]") || result.standardError.contains("3/3"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["B-1-appeal-separation-ru.docx", "B-2-appeal-separation-ru.docx"])
    }

    /// The forum's rules hold in a batch as in `render`: a case the Committee cannot receive is refused, the
    /// others are rendered and pass the requisite check.
    @Test func aCaseTheForumCannotHearFailsInABatchAndTheOthersAreRendered() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = repositoryPath("Tests/AmicusKitTests/Fixtures/refusals/op3-not-party.yaml")
        let result = try runAmicus(["batch", repositoryPath("Templates/crc-communication-en/template.odt"),
                                    repositoryPath("Examples/ainura.yaml"), refused, "-o", out.path, "--name", "{n}-{template}.{ext}"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("batch: 1 rendered, 1 failed"), "\(result.standardError)")
        #expect(result.standardError.contains("Kyrgyzstan is not a party to OP3-CRC"), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["1-crc-communication-en.odt"])
    }

    /// Without LibreOffice, `--pdf` says how to install it, for render and batch alike, and exits 1.
    @Test func withoutLibreOfficeThePdfErrorSaysHowToInstallIt() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = ["AMICUS_SOFFICE": folder.appendingPathComponent("no-soffice").path]
        let example = repositoryPath("Examples/rahmona.yaml")
        let render = try runAmicus(["render", Self.appeal, example, "-o", out.appendingPathComponent("a.docx").path, "--pdf"], environment: missing)
        #expect(render.status == 1)
        #expect(render.standardError.contains("apt-get install libreoffice-writer-nogui"), "\(render.standardError)")
        let batch = try runAmicus(["batch", Self.appeal, example, "-o", out.path, "--pdf"], environment: missing)
        #expect(batch.status == 1)
        #expect(batch.standardError.contains("apt-get install libreoffice-writer-nogui"), "\(batch.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { !$0.hasSuffix(".pdf") })
    }

    @Test func twoCasesThatWouldWriteTheSameFileStopTheBatchBeforeAnythingIsWritten() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("raid.yaml")
        try "- case_id: R-1\n- case_id: R-2\n- case_id: R-1\n".write(to: list, atomically: true, encoding: .utf8)
        var options = Batch.Options(template: Self.letter, cases: [list.path], outputFolder: out.path)
        options.jobs = 2
        let report = Batch.run(options)
        #expect(!report.succeeded)
        #expect(report.problems.contains { $0.description.contains("R-1-letter.docx: 2 cases would write this file") }, "\(report.problems)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// Ctrl-C in the middle of a batch: the filings already renamed into place are complete, and no staged
    /// temporary file is left behind in the output folder.
    @Test func anInterruptedBatchLeavesCompleteFilingsAndNoTemporaryFiles() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("raid.yaml")
        let count = 6000
        try (0..<count).map { "- case_id: R-\($0)\n" }.joined().write(to: list, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = amicusExecutable
        process.arguments = ["batch", Self.letter, list.path, "-o", out.path, "-j", "2"]
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        var seen = ""
        while !seen.contains("[200/") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        process.interrupt()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        #expect(process.terminationStatus == 130, "the batch ended before the interrupt, or did not stop on it")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "\(names.filter { $0.hasPrefix(".") })")
        #expect(names.count >= 100 && names.count < count, "\(names.count) filings")
        for name in names {
            let bytes = Array(try Data(contentsOf: out.appendingPathComponent(name)))
            let text = try DocumentText(docx: bytes, name: name)
            #expect(text.part("word/document.xml") != nil, "\(name) has no body")
        }
    }

    /// A batch larger than what is held parsed at once is read window by window, twice: the filings, their names,
    /// numbers (`{n}`) and the problems reported are those of a batch read at once, file for file and byte for byte.
    @Test func aBatchReadWindowByWindowWritesWhatABatchReadAtOnceWrites() throws {
        let (folder, _) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cases: [String] = []
        for (i, id) in ["W-1", "W-2", "W-3"].enumerated() {
            let file = folder.appendingPathComponent("case-\(i).yaml")
            try Self.exampleCase(id: id).write(to: file, atomically: true, encoding: .utf8)
            cases.append(file.path)
        }
        let list = folder.appendingPathComponent("list.yaml")
        let items = try ["W-4", "W-5"].map { try Self.exampleCase(id: $0).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? "- " + $0.element : "  " + $0.element }.joined(separator: "\n") }
        try items.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let bad = folder.appendingPathComponent("bad.yaml")
        try Self.exampleCase(id: "W-6").replacingOccurrences(of: "  birth_date: 1990-03-14", with: "  birth_date: 14 march")
            .write(to: bad, atomically: true, encoding: .utf8)
        cases.insert(list.path, at: 1)
        cases.insert(bad.path, at: 3)

        func run(windowBytes: Int) throws -> (Batch.Report, [String: Data]) {
            let out = folder.appendingPathComponent("out-\(windowBytes)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var options = Batch.Options(template: Self.appeal, cases: cases, outputFolder: out.path)
            options.namePattern = "{n}-{case.id}.{ext}"
            options.windowBytes = windowBytes
            options.precedents = PrecedentSource.find(explicit: repositoryPath("Precedents"))
            let report = Batch.run(options)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            return (report, files)
        }
        #expect(Batch.windows(of: cases, bytes: 1).count == cases.count)   // one file a window
        #expect(Batch.windows(of: cases, bytes: 64 << 20).count == 1)
        let (atOnce, whole) = try run(windowBytes: 64 << 20)
        #expect(atOnce.problems.isEmpty, "\(atOnce.problems)")
        #expect(atOnce.rendered == 5, "\(atOnce.cases.map { ($0.label, $0.diagnostics.map(\.description)) })")
        let (byWindow, windowed) = try run(windowBytes: 1)
        #expect(whole.keys.sorted() == ["1-W-1.docx", "2-W-4.docx", "3-W-5.docx", "4-W-2.docx", "6-W-3.docx"])
        #expect(windowed == whole)
        #expect(byWindow.cases.map(\.label) == atOnce.cases.map(\.label))
        #expect(byWindow.cases.map { $0.diagnostics.map(\.description) } == atOnce.cases.map { $0.diagnostics.map(\.description) })
        #expect(byWindow.rendered == 5 && byWindow.failed == 1)
    }

    /// Windows follow file sizes: files are grouped in order until the next would pass the size; a file larger
    /// than the size is a window of its own.
    @Test func windowsGroupFilesInOrderBySize() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (i, size) in [40, 40, 20, 200, 10, 10].enumerated() {
            let file = folder.appendingPathComponent("f\(i).yaml")
            try Data(repeating: 0x61, count: size).write(to: file)
            paths.append(file.path)
        }
        #expect(Batch.windows(of: paths, bytes: 100) == [0..<3, 3..<4, 4..<6])
        #expect(Batch.windows(of: paths, bytes: 100, files: 2) == [0..<2, 2..<3, 3..<4, 4..<6])
        #expect(Batch.windows(of: paths + ["/no/such/file.yaml"], bytes: 100) == [0..<3, 3..<4, 4..<7])
        #expect(Batch.windows(of: [], bytes: 100).isEmpty)
    }

    @Test func csvRowsWithDottedColumnsAreCases() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("raid.csv")
        try "case_id,subject,applicant.name\nC-1,\"Жалоба, срочно\",Иванова\nC-2,,\"Петрова \"\"Мария\"\"\"\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let report = Batch.run(Batch.Options(template: Self.letter, cases: [csv.path], outputFolder: out.path))
        #expect(report.succeeded, "\(report.cases.flatMap(\.diagnostics))")
        #expect(report.cases.map(\.label) == ["\(csv.path):2", "\(csv.path):3"])
        let first = try DocumentText(docx: Array(Data(contentsOf: out.appendingPathComponent("C-1-letter.docx"))))
        #expect(first.part("word/document.xml")?.paragraphs == ["Body C-1"])
        #expect(first.part("docProps/core.xml")?.paragraphs.contains("Жалоба, срочно") == true)
        let second = try DocumentText(docx: Array(Data(contentsOf: out.appendingPathComponent("C-2-letter.docx"))))
        #expect(second.part("docProps/core.xml")?.paragraphs.contains("нет") == true, "an empty cell is absent, so default() applies")
    }

    @Test func anUnknownPlaceholderInTheNameIsAnErrorForEachCase() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("raid.yaml")
        try "- case_id: N-1\n".write(to: list, atomically: true, encoding: .utf8)
        var options = Batch.Options(template: Self.letter, cases: [list.path], outputFolder: folder.path)
        options.namePattern = "{case.missing}.{ext}"
        let report = Batch.run(options)
        #expect(report.failed == 1)
        #expect(report.cases[0].diagnostics.contains { $0.description.contains("has no such field") })
    }

    @Test func pseudonymisedFileNamesCarryThePseudonymNotTheName() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("raid.yaml")
        try "- case_id: S-1\n  applicant: {name: Каримова Рахмона, pseudonymise: true}\n- case_id: S-2\n  applicant: {name: Назарова Зарина, pseudonym: Заявительница Б, pseudonymise: true}\n"
            .write(to: list, atomically: true, encoding: .utf8)
        var options = Batch.Options(template: Self.letter, cases: [list.path], outputFolder: out.path)
        options.namePattern = "{case.id}-{case.applicant.name}.{ext}"
        options.pseudonymise = true
        let report = Batch.run(options)
        #expect(report.succeeded, "\(report.cases.flatMap(\.diagnostics))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["S-1-К. Р..docx", "S-2-Заявительница Б.docx"])
    }

    @Test func pdfIsMadeForEveryCaseInOneLibreOfficeRun() throws {
        let (folder, out) = try batchFolders()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("raid.yaml")
        try "- case_id: P-1\n- case_id: P-2\n".write(to: list, atomically: true, encoding: .utf8)
        var options = Batch.Options(template: Self.letter, cases: [list.path], outputFolder: out.path)
        options.pdf = true
        let report = Batch.run(options)
        #expect(report.succeeded, "\(report.cases.flatMap(\.diagnostics))")
        for id in ["P-1", "P-2"] {
            let pdf = try Data(contentsOf: out.appendingPathComponent("\(id)-letter.pdf"))
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
        }
    }
}
