import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

/// Rendered documents open in a real word processor, and it reads the same text Amicus wrote.
@Suite(.serialized) struct LibreOfficeTests {
    @Test func renderedDocumentsOpenInLibreOfficeWithTheExpectedText() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, ValueDict, [String])] = [
            ("split-tag.docx", ["applicant": ["name": "Рахмона"], "case_id": "5-0000/2016"],
             ["Заявитель: Рахмона (мать)", "Телефон: не указан", "Spaced: 5-0000/2016"]),
            ("hostile.docx", ["value": .string(EscapingTests.hostile), "lines": "один\nдва", "tabbed": "a\tb"],
             ["Value: [\(EscapingTests.hostile)]", "Lines: один", "два", "Tabs: a\tb"]),
            ("row-loop.docx", ["events": LoopTests.events(30)],
             ["Хронология", "2016-01-1", "Событие 1 & <x>", "Событие 30 & <x>", "Конец"]),
            ("nested-loops.docx", ["groups": [["name": "A", "items": [1, 2]]], "flag": true],
             ["Group A", "A-1", "A-2", "Runs: bold-yes"]),
        ]
        var files: [URL] = []
        for (name, context, _) in cases {
            let url = folder.appendingPathComponent(name)
            try AtomicWrite.write(try renderFixture(name, context), to: url.path)
            files.append(url)
        }
        let texts = try LibreOffice.text(of: files)
        for ((name, _, expected), text) in zip(cases, texts) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var cursor = lines.startIndex
            for line in expected {
                let found = lines[cursor...].firstIndex(of: line)
                #expect(found != nil, "\(name): LibreOffice's text lacks '\(line)' after line \(cursor): \(lines)")
                if let found { cursor = found + 1 }
            }
            #expect(!text.contains("{{") && !text.contains("{%"), "\(name): a tag was left in the text")
        }
    }
}
