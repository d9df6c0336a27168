import AmicusCase
import AmicusKit
import AmicusOffice
import Foundation
import Testing

/// The template library as a lawyer meets it on day one: every template in `Templates/` with every example in
/// `Examples/` that lists it (`# templates: …`), in DOCX and ODT, rendered, read back, and opened in LibreOffice.
@Suite(.serialized) struct TemplateLibraryTests {
    struct Pair: CustomStringConvertible, Sendable {
        var template: String
        var example: String
        var description: String { "\(example) × \(template)" }
    }

    static let templates: [String] = {
        let folder = repositoryPath("Templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/manifest.yaml") }.sorted()
    }()

    /// Every (template, example) pair the examples declare.
    static let pairs: [Pair] = {
        let folder = repositoryPath("Examples")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return files.flatMap { file -> [Pair] in
            let text = (try? String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)) ?? ""
            let line = text.split(separator: "\n").first { $0.hasPrefix("# templates:") } ?? ""
            return line.dropFirst("# templates:".count).split(separator: " ").map { Pair(template: String($0), example: "Examples/\(file)") }
        }
    }()

    static let precedents = PrecedentSource.find(explicit: repositoryPath("Precedents"))

    /// Any run of spaces (non-breaking ones included) as one plain space.
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func everyTemplateHasBothFormatsAManifestAndAtLeastOneExample() throws {
        #expect(Self.templates.count >= 6, "\(Self.templates)")
        for name in Self.templates {
            for file in ["template.docx", "template.odt", "manifest.yaml"] {
                #expect(FileManager.default.fileExists(atPath: repositoryPath("Templates/\(name)/\(file)")), "Templates/\(name)/\(file)")
            }
            #expect(Self.pairs.contains { $0.template == name }, "no example lists \(name)")
        }
        for pair in Self.pairs {
            #expect(Self.templates.contains(pair.template), "\(pair.example) lists an unknown template '\(pair.template)'")
        }
    }

    @Test(arguments: pairs)
    func theExampleRendersInBothFormatsWithEveryRequisiteAndNoTagLeft(_ pair: Pair) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try TemplateManifest.load(path: repositoryPath("Templates/\(pair.template)/manifest.yaml"))
        var outputs: [URL] = []
        for format in ["docx", "odt"] {
            let output = folder.appendingPathComponent("\(pair.template).\(format)")
            let report = Amicus.render(template: repositoryPath("Templates/\(pair.template)/template.\(format)"),
                                       case: repositoryPath(pair.example), output: output.path, precedents: Self.precedents)
            #expect(!report.diagnostics.hasErrors, "\(pair) \(format): \(report.diagnostics)")
            guard report.written != nil else { continue }
            outputs.append(output)
            let text = try DocumentText(bytes: Array(try Data(contentsOf: output)), format: format == "docx" ? .docx : .odt)
            for requisite in manifest.requisites {
                #expect(Self.spaced(text.plainText).contains(Self.spaced(requisite)), "\(pair) \(format): requisite '\(requisite)' missing")
            }
            #expect(!text.plainText.contains("{{") && !text.plainText.contains("{%"), "\(pair) \(format): a tag was left behind")
        }
        // LibreOffice opens both and reads the same opening words.
        guard outputs.count == 2 else { return }
        let texts = try LibreOffice.text(of: outputs)
        for (url, office) in zip(outputs, texts) {
            #expect(office.count > 500, "\(pair): LibreOffice read almost nothing from \(url.lastPathComponent)")
            #expect(!office.contains("{{") && !office.contains("{%"), "\(pair): LibreOffice shows a tag in \(url.lastPathComponent)")
            for requisite in manifest.requisites.prefix(3) {
                #expect(Self.spaced(office).contains(Self.spaced(requisite)), "\(pair): LibreOffice does not read '\(requisite)' in \(url.lastPathComponent)")
            }
        }
    }

    /// Removing a field the template needs is reported by `check` with the field and the file named.
    @Test(arguments: templates)
    func checkNamesAFieldRemovedFromAnExample(_ template: String) throws {
        let pair = try #require(Self.pairs.first { $0.template == template })
        let manifest = try TemplateManifest.load(path: repositoryPath("Templates/\(template)/manifest.yaml"))
        var lines = try String(contentsOfFile: repositoryPath(pair.example), encoding: .utf8).components(separatedBy: "\n")
        let (removed, index) = try #require(Self.oneLineRequiredField(manifest.fields, in: lines), "no one-line required field in \(pair.example)")
        lines.remove(at: index)
        let broken = temporaryFolder().appendingPathComponent("without-\(removed.replacingOccurrences(of: ".", with: "-")).yaml")
        try lines.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)
        let diagnostics = Amicus.check(template: repositoryPath("Templates/\(template)/template.docx"), case: broken.path, precedents: Self.precedents)
        #expect(diagnostics.contains { $0.isError && $0.description.hasPrefix(broken.path + ":") && $0.description.contains(removed) }, "\(diagnostics)")
    }

    /// The first required field written on one line (`name: value`) at the top level, or directly inside a required
    /// top-level object (`  name: value` under `parent:`): its dotted path and line index.
    static func oneLineRequiredField(_ fields: [FieldSpec], in lines: [String]) -> (String, Int)? {
        func isOneLine(_ line: String, _ prefix: String) -> Bool {
            guard line.hasPrefix(prefix) else { return false }
            let value = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return !value.isEmpty && !["|", ">", "|-", ">-"].contains(value)
        }
        for field in fields where field.required {
            if let index = lines.firstIndex(where: { isOneLine($0, "\(field.name): ") }) { return (field.name, index) }
        }
        for parent in fields where parent.required {
            guard case .object(let children, _) = parent.type,
                  let start = lines.firstIndex(where: { $0 == "\(parent.name):" }) else { continue }
            let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") && !$0.hasPrefix("#") } ?? lines.count
            for child in children where child.required {
                if let index = lines[(start + 1)..<end].firstIndex(where: { isOneLine($0, "  \(child.name): ") }) {
                    return ("\(parent.name).\(child.name)", index)
                }
            }
        }
        return nil
    }

    /// A KoAP complaint signed after the last day of the period, with no motion to restore it, must not claim the
    /// period was kept: both appeals refuse, saying what to add.
    @Test(arguments: ["appeal-separation-ru", "appeal-expulsion-koap-ru"])
    func aComplaintDatedAfterItsDeadlineWithoutAMotionIsRefused(_ template: String) throws {
        let text = try String(contentsOfFile: repositoryPath("Examples/rahmona.yaml"), encoding: .utf8)
        #expect(text.contains("  date: 27.01.2016\n"))
        let late = temporaryFolder().appendingPathComponent("late.yaml")
        try text.replacingOccurrences(of: "  date: 27.01.2016\n", with: "  date: 05.02.2016\n").write(to: late, atomically: true, encoding: .utf8)
        for format in ["docx", "odt"] {
            let diagnostics = Amicus.check(template: repositoryPath("Templates/\(template)/template.\(format)"), case: late.path, precedents: Self.precedents)
            #expect(diagnostics.contains { $0.isError && $0.description.contains("after the last day of the appeal period (29.01.2016") && $0.description.contains("late_filing") }, "\(diagnostics)")
        }
    }

    /// The forums' doors, with the library's own templates: the case files are complete, so the refusal is their
    /// only problem (Tests/AmicusKitTests/Fixtures/refusals).
    @Test(arguments: [
        ("echr-rule39-en", "ru-ecthr-after-2022.yaml", "ceased to be a party to the Convention on 16 September 2022"),
        ("crc-communication-en", "op3-not-party.yaml", "Kyrgyzstan is not a party to OP3-CRC"),
        ("crc-communication-en", "op3-kz-before-entry-into-force.yaml", "entered into force for Kazakhstan on 7 May 2024"),
    ])
    func renderRefusesACaseTheForumCannotHearAndWritesNothing(_ template: String, _ file: String, _ reason: String) throws {
        let folder = temporaryFolder()
        let caseFile = repositoryPath("Tests/AmicusKitTests/Fixtures/refusals/\(file)")
        for format in ["docx", "odt"] {
            let output = folder.appendingPathComponent("refused.\(format)")
            let report = Amicus.render(template: repositoryPath("Templates/\(template)/template.\(format)"), case: caseFile,
                                       output: output.path, precedents: Self.precedents)
            let errors = report.diagnostics.filter(\.isError)
            #expect(errors.count == 1 && errors[0].description.contains(reason), "\(file) \(format): \(report.diagnostics)")
            #expect(errors.first?.description.hasPrefix(caseFile + ":") == true, "the refusal points into the case file")
            #expect(report.written == nil && !FileManager.default.fileExists(atPath: output.path))
        }
        if file.hasPrefix("ru-") {
            let checked = Amicus.check(template: repositoryPath("Templates/\(template)/template.docx"), case: caseFile, precedents: Self.precedents)
            let firstError = checked.first { $0.isError }
            let message = try #require(firstError).description
            #expect(message.contains("Human Rights Committee"), "the UN routes are named: \(message)")
        }
    }

    /// The alternative report's word count: the thematic LOIPR example fits its 3,000 words, and the same report
    /// with its body repeated does not; the annexes never count.
    @Test func theAlternativeReportIsCountedAgainstItsProceduresLimit() throws {
        let template = repositoryPath("Templates/crc-alternative-report-en/template.docx")
        let example = repositoryPath("Examples/belarus-report.yaml")
        let fits = Amicus.check(template: template, case: example, precedents: Self.precedents)
        #expect(!fits.hasErrors, "\(fits)")

        let text = try String(contentsOfFile: example, encoding: .utf8)
        #expect(text.contains("  procedure: loipr-thematic\n"))
        let filler = String(repeating: "word ", count: 3_100)

        // One more question of 3,100 words in the first issue: over 3,000.
        let questions = "          questions:\n"
        #expect(text.contains(questions))
        let long = temporaryFolder().appendingPathComponent("long.yaml")
        try text.replacingOccurrences(of: questions, with: questions + "            - \"\(filler)\"\n", options: [], range: text.range(of: questions))
            .write(to: long, atomically: true, encoding: .utf8)
        let over = Amicus.check(template: template, case: long.path, precedents: Self.precedents)
        #expect(over.contains { $0.isError && $0.description.contains("over the limit for report.procedure = loipr-thematic of 3000") }, "\(over)")

        // The same words in an annex do not count.
        let annexDescription = "      description: Prepared by the organisation; names and identifying details changed.\n"
        #expect(text.contains(annexDescription))
        let annexed = temporaryFolder().appendingPathComponent("annexed.yaml")
        try text.replacingOccurrences(of: annexDescription, with: "      description: \"\(filler)\"\n").write(to: annexed, atomically: true, encoding: .utf8)
        let annexChecked = Amicus.check(template: template, case: annexed.path, precedents: Self.precedents)
        #expect(!annexChecked.hasErrors, "\(annexChecked)")
    }
}
