import Foundation
import Testing
@testable import AmicusCase

/// Cases for a batch: each file is parsed once, a list gives one case per item, and a file of one case reads
/// exactly as `CaseLoader` reads it, problems included.
@Suite("Reading the cases of a batch")
struct CaseBatchReaderTests {
    static func folder(_ files: [(String, String)]) throws -> (URL, [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("amicus-batch-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var paths: [String] = []
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        return (dir, paths)
    }

    @Test func eachFileReadsAsCaseLoaderReadsItAndAListGivesItsItems() throws {
        var files: [(String, String)] = (0..<40).map { ("case-\($0).yaml", "case_id: A-\($0)\napplicant:\n  name: Рахмона \($0)\n") }
        files.insert(("list.yaml", "- case_id: L-1\n- case_id: L-2\n- just text\n"), at: 7)
        files.insert(("broken.yaml", "case_id: [unclosed\n"), at: 20)
        files.insert(("scalar.yaml", "just a line\n"), at: 30)
        files.insert(("empty.yaml", ""), at: 33)
        files.insert(("cut-letter.yaml", ""), at: 35)
        let (dir, paths) = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x6E, 0x3A, 0x20, 0xD0, 0x0A]).write(to: URL(fileURLWithPath: paths[35]))   // "n: " and half a letter

        let items = paths.flatMap { CaseBatchReader.read(path: $0) }
        #expect(items.count == 44 + 3)   // 44 files of one case each, and the list's three items
        #expect(items.map(\.label).filter { !$0.hasSuffix("]") } == paths.filter { !$0.hasSuffix("list.yaml") })
        // A file that is not a list reads exactly as CaseLoader reads it, diagnostics included.
        for path in paths where !path.hasSuffix("list.yaml") {
            let alone = CaseLoader.read(path: path)
            let item = try #require(items.first { $0.label == path })
            #expect(item.reading.diagnostics.map(\.description) == alone.diagnostics.map(\.description), "\(path)")
            #expect((item.reading.document == nil) == (alone.document == nil))
            #expect(item.reading.document?.lookup(path: "case_id")?.scalarText == alone.document?.lookup(path: "case_id")?.scalarText)
        }
        for broken in [20, 30, 33, 35] { #expect(items.first { $0.label == paths[broken] }?.reading.document == nil, "\(paths[broken])") }
        #expect(items.filter { $0.label.hasSuffix("list.yaml[0]") || $0.label.hasSuffix("list.yaml[1]") }.count == 2)
        #expect(items.first { $0.label.hasSuffix("list.yaml[2]") }?.reading.document == nil)
    }
}
