import AmicusTemplate
import Foundation
import Testing
@testable import AmicusOffice

/// OpenDocument templates, as LibreOffice writes them (basics.odt is its conversion of basics.fodt), and flat ODT.
@Suite struct OdtTests {
    static let hostile = EscapingTests.hostile

    static func context(facts: [Value] = ["Первый факт", "Второй & третий"], events: Int = 3) -> ValueDict {
        [
            "applicant": ["name": "Рахмона"],
            "case_id": "5-0000/2016",
            "value": .string(hostile),
            "lines": "первая\nвторая\tпосле табуляции",
            "spaces": "a   b",
            "facts": .list(facts),
            "events": .list((1...max(events, 1)).prefix(events).map { ["date": .string("2016-01-\($0)"), "text": .string("Событие \($0)")] }),
        ]
    }

    static func render(_ name: String, _ context: ValueDict = OdtTests.context()) throws -> (bytes: [UInt8], text: DocumentText) {
        let path = fixture("odf/" + name)
        let template = try DocumentTemplate.open(path: path)
        let result = template.render(context, options: RenderOptions(locale: "ru"))
        guard let bytes = result.bytes else { throw DocumentErrors(result.errors) }
        return (bytes, try DocumentText(bytes: bytes, format: template.format))
    }

    @Test(arguments: ["basics.odt", "basics.fodt"])
    func aTagSplitAcrossSpansABookmarkAndSpacesIsFound(_ name: String) throws {
        let (_, text) = try Self.render(name)
        let body = try #require(text.part(name.hasSuffix(".odt") ? "content.xml" : "document")).paragraphs
        // In a flat document the header and footer come first, as they do in its XML.
        let first = try #require(body.firstIndex { $0.hasPrefix("Заявитель") })
        #expect(body[first] == "Заявитель: Рахмона (мать)")
        #expect(body[first + 1] == "Spaced: 5-0000/2016")
    }

    @Test(arguments: ["basics.odt", "basics.fodt"])
    func hostileTextComesBackCharacterForCharacterInBodyFooterAndTitle(_ name: String) throws {
        let (_, text) = try Self.render(name)
        let all = text.parts.flatMap(\.paragraphs)
        #expect(all.contains("Value: [\(Self.hostile)]"))
        #expect(all.contains("Footer: \(Self.hostile)"))
        #expect(all.contains("Дело № 5-0000/2016"))
        #expect(all.contains("Жалоба — 5-0000/2016"))
    }

    @Test func newlinesTabsAndRunsOfSpacesBecomeODFMarkup() throws {
        let (bytes, text) = try Self.render("basics.odt")
        let xml = try entryText(bytes, "content.xml")
        #expect(xml.contains("первая<text:line-break/>вторая<text:tab/>после табуляции"))
        #expect(xml.contains("a <text:s text:c=\"2\"/>b"))
        let body = try #require(text.part("content.xml")).paragraphs
        #expect(body.contains("Lines: первая\nвторая\tпосле табуляции"))
        #expect(body.contains("Spaces: [a   b]"))
    }

    @Test func aListLoopAddsItemsToTheSameNumberedList() throws {
        let (bytes, _) = try Self.render("basics.odt", Self.context(facts: ["A", "B", "C"]))
        let xml = try entryText(bytes, "content.xml")
        let lists = xml.components(separatedBy: "<text:list ").count - 1
        #expect(lists == 1, "the items stay in one list, so numbering continues")
        #expect(xml.components(separatedBy: "<text:list-item>").count - 1 == 5, "intro, three facts, closing")
    }

    @Test func aRowLoopRepeatsTableRows() throws {
        let (_, text) = try Self.render("basics.odt", Self.context(events: 4))
        let body = try #require(text.part("content.xml")).paragraphs
        let start = try #require(body.firstIndex(of: "Дата"))
        #expect(Array(body[start...]) == ["Дата", "Событие", "2016-01-1", "Событие 1", "2016-01-2", "Событие 2",
                                           "2016-01-3", "Событие 3", "2016-01-4", "Событие 4", "Конец"])
    }

    @Test func thePackageStaysValidODFAndTheSameInputGivesTheSameBytes() throws {
        let (first, _) = try Self.render("basics.odt")
        let (second, _) = try Self.render("basics.odt")
        #expect(first == second)
        let package = try ZipPackage(bytes: first)
        let mimetype = try #require(package.entries.first)
        #expect(mimetype.name == "mimetype")
        #expect(mimetype.compressedSize == mimetype.size, "mimetype is stored, not compressed")
        #expect(String(decoding: try package.read(mimetype), as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let template = try ZipPackage(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: fixture("odf/basics.odt")))))
        #expect(package.entries.map(\.name) == template.entries.map(\.name))
        #expect(try package.read(package.entry(named: "META-INF/manifest.xml")!) == template.read(template.entry(named: "META-INF/manifest.xml")!))
    }

    @Test(arguments: [
        ("not-a-zip.odt", "not a zip package"),
        ("no-content.odt", "no content.xml"),
        ("spreadsheet.odt", "not a text document"),
        ("truncated.odt", "zip package"),
        ("climbing-path.odt", "climbs out of the package"),
        ("zip-bomb.odt", "zip bomb"),
        ("external-entity.odt", "refused"),
    ])
    func aDamagedOrWrongPackageIsRefused(_ name: String, _ phrase: String) throws {
        let error = try #require(throws: DocumentErrors.self) { try DocumentTemplate.open(path: fixture("odf/" + name)) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].message.contains(phrase), "\(error)")
    }

    @Test func aCharacterXMLCannotHoldIsAnErrorNamingTheField() throws {
        var context = Self.context()
        context["value"] = "bad\u{0001}"
        let template = try DocumentTemplate.open(path: fixture("odf/basics.odt"))
        let result = template.render(context)
        #expect(result.bytes == nil)
        #expect(result.errors.contains { $0.part == "content.xml" && $0.message.contains("value") && $0.message.contains("cannot hold") }, "\(result.errors)")
    }

    @Test func wordTableTagsAreRefusedInODFWithAReason() throws {
        let source = try String(contentsOfFile: fixture("odf/basics.fodt"), encoding: .utf8)
            .replacingOccurrences(of: "Value: [{{ value }}]", with: "{% vm %}{{ value }}")
        let error = try #require(throws: DocumentErrors.self) {
            try DocumentTemplate(bytes: Array(source.utf8), name: "vm.fodt", format: .fodt)
        }
        #expect(error.diagnostics.first?.message.contains("Word table tags") == true, "\(error)")
        #expect(error.diagnostics.first?.place == "paragraph 3")
    }

    @Test func aTagThatAStructuralTagWouldSweepAwayIsAnErrorNotALoss() throws {
        let source = try String(contentsOfFile: fixture("odf/basics.fodt"), encoding: .utf8)
            .replacingOccurrences(of: "Value: [{{ value }}]", with: "{%p if value %}{{ value }}")
            .replacingOccurrences(of: "Lines: {{ lines }}", with: "{%p endif %}")
        let error = try #require(throws: DocumentErrors.self) {
            try DocumentTemplate(bytes: Array(source.utf8), name: "lost.fodt", format: .fodt)
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].tag == "{{ value }}")
        #expect(error.diagnostics[0].message.contains("would be lost"), "\(error)")
    }

    @Test func renderedODTAndFlatODTOpenInLibreOffice() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for name in ["basics.odt", "basics.fodt"] {
            let url = folder.appendingPathComponent("rendered-" + name)
            try AtomicWrite.write(try Self.render(name, Self.context(facts: ["A", "B"])).bytes, to: url.path)
            files.append(url)
        }
        for (file, text) in zip(files, try LibreOffice.text(of: files)) {
            for line in ["Заявитель: Рахмона (мать)", "Value: [\(Self.hostile)]", "1. Intro item", "2. A", "3. B", "4. Closing item", "Событие 3", "Конец"] {
                #expect(text.contains(line), "\(file.lastPathComponent): LibreOffice lacks '\(line)':\n\(text)")
            }
            #expect(!text.contains("{{") && !text.contains("{%"))
        }
    }
}

/// libzip 1.7 rewrites a package whose first changed entry comes late by cloning the head of the buffer, and then
/// freed memory it did not own: rendering an .odt whose only tag is in content.xml (made by Templates/tools/to_odt.py)
/// crashed the process. Amicus now hands libzip a copy it owns.
@Suite struct LateOnlyChangedEntryTests {
    @Test func anOdtWithTagsOnlyInContentRendersAndReadsBack() throws {
        for _ in 0..<3 {
            let template = try DocumentTemplate.open(path: fixture("odf/only-content-tagged.odt"))
            let result = template.render(["country": "Беларусь"])
            let bytes = try #require(result.bytes, "\(result.errors)")
            let text = try DocumentText(bytes: bytes, format: .odt)
            #expect(text.part("content.xml")?.paragraphs.first == "Report on Беларусь")
        }
    }
}
