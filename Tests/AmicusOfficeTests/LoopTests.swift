import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

@Suite struct LoopTests {
    static func events(_ n: Int) -> Value {
        .list((1...n).map { i in ["date": .string("2016-01-\(i)"), "text": .string("Событие \(i) & <x>")] })
    }

    @Test func aRowLoopOfTenThousandRowsRendersEveryRowInOrder() throws {
        let bytes = try renderFixture("row-loop.docx", ["events": Self.events(10_000)])
        let xml = try entryText(bytes, "word/document.xml")
        #expect(!xml.contains("{%"))
        #expect(xml.components(separatedBy: "<w:tr ").count - 1 == 10_001, "header row plus one row per event")
        let body = try #require(try DocumentText(docx: bytes).part("word/document.xml")).paragraphs
        #expect(body[0] == "Хронология")
        #expect(Array(body[1...3]) == ["Дата", "Событие", "№"])
        #expect(Array(body[4...6]) == ["2016-01-1", "Событие 1 & <x>", "1"])
        #expect(Array(body[(body.count - 4)...]) == ["2016-01-10000", "Событие 10000 & <x>", "10000", "Конец"])
    }

    @Test func anEmptyRowLoopLeavesOnlyTheHeaderRow() throws {
        let bytes = try renderFixture("row-loop.docx", ["events": []])
        let body = try #require(try DocumentText(docx: bytes).part("word/document.xml")).paragraphs
        #expect(body == ["Хронология", "Дата", "Событие", "№", "Конец"])
    }

    @Test func nestedParagraphAndRowLoopsAndRunConditions() throws {
        let groups: Value = [["name": "A", "items": [1, 2]], ["name": "B", "items": [3]]]
        let bytes = try renderFixture("nested-loops.docx", ["groups": groups, "flag": true])
        let body = try #require(try DocumentText(docx: bytes).part("word/document.xml")).paragraphs
        #expect(body == [
            "Group A", "A-1", "1/2", "x", "A-2", "2/2", "x",
            "Group B", "B-3", "1/1", "x",
            "Runs: bold-yes",
        ])
        let hidden = try renderFixture("nested-loops.docx", ["groups": [], "flag": false])
        #expect(try DocumentText(docx: hidden).part("word/document.xml")?.paragraphs == ["Runs: "])
    }

    @Test func tableTagsSetBackgroundSpanAndVerticalMerge() throws {
        let bytes = try renderFixture("table-tags.docx", ["colour": "FFEE00", "group": "G", "events": ["e1", "e2", "e3"]])
        let xml = try entryText(bytes, "word/document.xml")
        #expect(xml.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFEE00\"/>"))
        #expect(xml.contains("<w:tcW w:w=\"3000\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/>"), "gridSpan follows tcW, as the schema orders")
        #expect(xml.components(separatedBy: "<w:vMerge w:val=\"restart\"/>").count - 1 == 1)
        #expect(xml.components(separatedBy: "<w:vMerge w:val=\"continue\"/>").count - 1 == 2)
        let body = try #require(try DocumentText(docx: bytes).part("word/document.xml")).paragraphs
        #expect(body.filter { $0 == "G" }.count == 1, "the merged cell's text is shown once")
        #expect(body.contains("Coloured") && body.contains("Wide"))
    }

    @Test func whitespaceControlJoinsParagraphsLikeDocxtpl() throws {
        let on = try renderFixture("joined-paragraphs.docx", ["flag": true])
        #expect(try DocumentText(docx: on).part("word/document.xml")?.paragraphs == ["Startmiddleend"])
        let off = try renderFixture("joined-paragraphs.docx", ["flag": false])
        #expect(try DocumentText(docx: off).part("word/document.xml")?.paragraphs == ["Startend"])
    }
}

/// Word will not open a cell without a paragraph or a table without a row; a render must never leave one.
@Suite struct TableRepairTests {
    @Test func anEmptiedCellGetsAParagraphAndARowlessTableIsLeftOut() throws {
        let bytes = try renderFixture("empty-cells.docx", ["flag": false, "xs": []])
        let xml = try entryText(bytes, "word/document.xml")
        #expect(xml.components(separatedBy: "<w:tbl>").count - 1 == 1, "the table of loop rows only is gone")
        let cell = try #require(xml.range(of: "<w:tc>").map { String(xml[$0.lowerBound...]) })
        let firstCell = String(cell[..<cell.range(of: "</w:tc>")!.upperBound])
        #expect(firstCell.contains("<w:p/>"), "\(firstCell)")
        #expect(try DocumentText(docx: bytes).part("word/document.xml")?.paragraphs == ["Before", "", "B", "C", "After"])
    }

    @Test func nothingChangesWhenNoCellOrTableIsEmptied() throws {
        let bytes = try renderFixture("empty-cells.docx", ["flag": true, "xs": [1, 2]])
        let xml = try entryText(bytes, "word/document.xml")
        #expect(!xml.contains("<w:p/>"))
        #expect(try DocumentText(docx: bytes).part("word/document.xml")?.paragraphs == ["Before", "shown", "B", "C", "1", "", "", "2", "", "", "After"])
    }

    /// The scan jumps from table to table; what lies before, between and after tables, nested tables, and another
    /// prefix must all come out right.
    @Test func repairsEveryTableWhereverItStands() throws {
        let xml = "<w:body><w:p><w:r><w:t>tc tbl</w:t></w:r></w:p>"
            + "<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
            + "<w:p/><w:tbl><w:tblGrid/></w:tbl><w:p/>"
            + "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl><w:sectPr/></w:body>"
        let repaired = try #require(DocxTableRepair.repair(xml, prefix: "w"))
        #expect(repaired == "<w:body><w:p><w:r><w:t>tc tbl</w:t></w:r></w:p>"
            + "<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
            + "<w:p/><w:p/>"
            + "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl><w:sectPr/></w:body>")
        #expect(DocxTableRepair.repair("<x:body><x:tbl><x:tr><x:tc><x:p/></x:tc></x:tr></x:tbl></x:body>", prefix: "x") == nil)
        #expect(DocxTableRepair.repair("<x:body><x:tbl><x:tr><x:tc></x:tc></x:tr></x:tbl></x:body>", prefix: "x")
                == "<x:body><x:tbl><x:tr><x:tc><x:p/></x:tc></x:tr></x:tbl></x:body>")
        #expect(DocxTableRepair.repair("<body><tbl><tr><tc></tc></tr></tbl></body>", prefix: "")
                == "<body><tbl><tr><tc><p/></tc></tr></tbl></body>")
    }

    @Test func theRepairedDocumentOpensInLibreOffice() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("repaired.docx")
        try AtomicWrite.write(try renderFixture("empty-cells.docx", ["flag": false, "xs": []]), to: url.path)
        let text = try LibreOffice.text(of: [url])[0]
        #expect(text.contains("Before") && text.contains("After"), "\(text)")
    }
}
