import AmicusCase
import Foundation
import Testing
@testable import AmicusKit

/// The forums' own rules: the KoAP appeal deadline on the Russian calendar, the ECtHR's and OP3-CRC's doors, and a
/// report's word limit and requisites checked on the rendered text.
@Suite struct DeadlineTests {
    static func lastDay(_ served: String) throws -> (String, [String]) {
        let parts = served.split(separator: "-").map { Int($0)! }
        let start = try #require(CaseDate(year: parts[0], month: parts[1], day: parts[2]))
        let outcome = try Deadline.compute(rule: "koap-30.3", from: start, calendar: RussianCalendar.shared)
        return (outcome.lastDay.description, outcome.notes)
    }

    @Test func theWorkedExampleOfDeadlinesMdMovesOffTheMayHolidays() throws {
        // Served Tue 22.04.2025: day 10 is Fri 02.05.2025, a non-working day, so the last day is Mon 05.05.2025.
        #expect(try Self.lastDay("2025-04-22") == ("2025-05-05", []))
    }

    @Test func aTenthDayThatIsWorkedStays() throws {
        #expect(try Self.lastDay("2025-03-03") == ("2025-03-13", []))
    }

    @Test func aWeekendEndMovesToMonday() throws {
        // 10 days after Wed 05.03.2025 is Sat 15.03.2025.
        #expect(try Self.lastDay("2025-03-05") == ("2025-03-17", []))
    }

    @Test func beforeFederalLaw364FZTheSutkiDidNotMove() throws {
        // Served Wed 28.02.2024: the tenth «сутки» end on Sat 09.03.2024, and before 29.10.2024 they did not move.
        #expect(try Self.lastDay("2024-02-28") == ("2024-03-09", []))
    }

    @Test func aPeriodRunningAcrossTheAmendmentSaysTheTransitionIsUnverified() throws {
        let (day, notes) = try Self.lastDay("2024-10-25")
        #expect(day == "2024-11-04")
        #expect(notes.contains { $0.contains("364-FZ") && $0.contains("unverified") })
    }

    @Test func theNewYearHolidaysOf2026AreSkipped() throws {
        // Served 25.12.2025: day 10 is Sun 04.01.2026; 5–9 January are holidays; Sat/Sun 10–11; Mon 12.01.2026.
        #expect(try Self.lastDay("2025-12-25") == ("2026-01-12", []))
    }

    @Test func aYearWithoutItsDecreeWarnsAndAYearUnknownIsAnError() throws {
        let (day, notes) = try Self.lastDay("2026-12-25")
        #expect(day == "2027-01-11")
        #expect(notes.contains { $0.contains("2027") && $0.contains("unverified") })
        #expect(throws: (any Error).self) { try Self.lastDay("2027-12-25") }
    }

    @Test func anUnknownRuleNamesTheRules() throws {
        let start = try #require(CaseDate(year: 2025, month: 1, day: 1))
        do {
            _ = try Deadline.compute(rule: "koap-30", from: start, calendar: RussianCalendar.shared)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("koap-30.3"))
        }
    }
}

@Suite struct AdmissibilityTests {
    static func check(route: String, _ yaml: String) throws -> [Diagnostic] {
        let document = try CaseLoader.parse(yaml, file: "case.yaml")
        let rule = AdmissibilityRule(route: route, statePath: "respondent_state", datePaths: ["events[].date"],
                                     position: SourcePosition(line: 1, column: 1))
        return Admissibility.check(rule, case: document, manifest: "manifest.yaml")
    }

    @Test func russiaAtTheECtHRIsRefusedForFactsAfter16September2022AndTheUNRoutesAreNamed() throws {
        let problems = try Self.check(route: "ecthr", """
            respondent_state: RU
            events:
              - {date: 2022-09-10, text: arrest}
              - {date: 2022-09-17, text: expulsion}
            """)
        let error = try #require(problems.first { $0.isError })
        #expect(error.description.contains("16 September 2022"))
        #expect(error.description.contains("events[].date 2022-09-17 (case.yaml:4:12)"), "\(error)")
        #expect(!error.description.contains("2022-09-10"))
        #expect(error.description.contains("Human Rights Committee") && error.description.contains("CEDAW"))
    }

    @Test func russiaAtTheECtHRWithFactsUpTo16September2022Passes() throws {
        #expect(try Self.check(route: "ecthr", "respondent_state: RU\nevents: [{date: 2016-01-18}, {date: 2022-09-16}]").isEmpty)
    }

    @Test func aStateOutsideTheConventionIsAWarningMarkedUnverified() throws {
        let problems = try Self.check(route: "ecthr", "respondent_state: by\nevents: [{date: 2020-01-01}]")
        #expect(problems.count == 1 && !problems[0].isError && problems[0].description.contains("unverified"))
    }

    @Test func op3RefusesAStateNotParty() throws {
        let problems = try Self.check(route: "op3-crc", "respondent_state: KG\nevents: [{date: 2025-01-01}]")
        #expect(problems.count == 1 && problems[0].isError)
        #expect(problems[0].description.contains("Kyrgyzstan is not a party to OP3-CRC"))
        #expect(problems[0].description.contains("case.yaml:1:19"))
    }

    @Test func op3RefusesFactsBeforeEntryIntoForce() throws {
        let problems = try Self.check(route: "op3-crc", "respondent_state: KZ\nevents: [{date: 2024-05-06}, {date: 2024-06-01}]")
        #expect(problems.count == 1 && problems[0].isError)
        #expect(problems[0].description.contains("7 May 2024") && problems[0].description.contains("2024-05-06"))
        #expect(!problems[0].description.contains("2024-06-01"))
    }

    @Test func op3AcceptsKazakhstanAfterEntryIntoForce() throws {
        #expect(try Self.check(route: "op3-crc", "respondent_state: KZ\nevents: [{date: 2024-05-07}, {date: 2025-03-01}]").isEmpty)
    }

    @Test func op3WithAnUnverifiedEntryDateWarnsAndAnUnknownStateIsRefused() throws {
        let ukraine = try Self.check(route: "op3-crc", "respondent_state: UA\nevents: [{date: 2020-01-01}]")
        #expect(ukraine.count == 1 && !ukraine[0].isError && ukraine[0].description.contains("unverified"))
        let moldova = try Self.check(route: "op3-crc", "respondent_state: MD\nevents: [{date: 2024-01-01}]")
        #expect(moldova.count == 1 && moldova[0].isError && moldova[0].description.contains("unverified"))
        let spain = try Self.check(route: "op3-crc", "respondent_state: ES\nevents: [{date: 2024-01-01}]")
        #expect(spain.count == 1 && spain[0].isError && spain[0].description.contains("not in Amicus's list"))
    }

    @Test func aMissingStateIsAnErrorNamingTheField() throws {
        let problems = try Self.check(route: "op3-crc", "events: [{date: 2024-01-01}]")
        #expect(problems.count == 1 && problems[0].isError && problems[0].description.contains("respondent_state"))
    }
}

@Suite struct FilingChecksTests {
    static let template = repositoryPath("Tests/AmicusKitTests/Fixtures/word-limit/template.docx")
    static let odt = repositoryPath("Tests/AmicusKitTests/Fixtures/word-limit/template.odt")

    static func caseFile(procedure: String, body: [String], country: String = "Belarus") throws -> String {
        let annex = String(repeating: "word ", count: 100)
        let yaml = """
            country: \(country)
            report: {procedure: \(procedure)}
            body: [\(body.map { "\"\($0)\"" }.joined(separator: ", "))]
            note: Source text here
            annexes: ["\(annex)"]
            """
        let url = temporaryFolder().appendingPathComponent("case.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // Counted: "Report on Belarus" 3, "Contents" 1, "Annexes" in the contents 1, the body, "Noted." 1, the note 3.
    @Test(arguments: [template, odt])
    func aReportAtTheLimitPassesAndOneWordOverIsAnErrorWithTheCount(_ template: String) throws {
        let atLimit = Amicus.check(template: template, case: try Self.caseFile(procedure: "loipr-thematic", body: ["one two — three"]))
        #expect(!atLimit.hasErrors, "\(atLimit)")
        let over = Amicus.check(template: template, case: try Self.caseFile(procedure: "loipr-thematic", body: ["one two three four"]))
        let error = try #require(over.first { $0.isError })
        #expect(error.description.contains("13 words") && error.description.contains("report.procedure = loipr-thematic of 12"), "\(error)")
        #expect(error.description.contains("not counting what follows \"Annexes\""))
    }

    @Test func theLimitFollowsTheCaseField() throws {
        let comprehensive = Amicus.check(template: Self.template, case: try Self.caseFile(procedure: "loipr-comprehensive", body: ["one two three four"]))
        #expect(!comprehensive.hasErrors, "\(comprehensive)")
        let unknown = Amicus.check(template: Self.template, case: try Self.caseFile(procedure: "state-report-input", body: ["one two three four"]))
        #expect(!unknown.hasErrors)
        #expect(unknown.contains { $0.description.contains("no verified word limit") && $0.description.contains("13 words counted") }, "\(unknown)")
    }

    /// The report template copied to a folder of its own, its manifest listing `requisites` (a YAML flow list).
    static func template(requiring requisites: String) throws -> String {
        let folder = temporaryFolder()
        let source = URL(fileURLWithPath: Self.template).deletingLastPathComponent()
        for name in ["template.docx", "manifest.yaml"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let manifest = folder.appendingPathComponent("manifest.yaml")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        let text = original.replacingOccurrences(of: "requisites: [\"Report on\", \"Contents\"]", with: "requisites: \(requisites)")
        try #require(text != original, "the manifest's requisites changed; update the test")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        return folder.appendingPathComponent("template.docx").path
    }

    @Test func aMissingRequisiteIsAnErrorAndNothingIsWritten() throws {
        // The title paragraph "Report on {{ country }}" holds the requisite; a manifest asking for more fails.
        let template = try Self.template(requiring: "[\"Report on\", \"PRAYER:\"]")
        let output = URL(fileURLWithPath: template).deletingLastPathComponent().appendingPathComponent("out.docx").path
        let report = Amicus.render(template: template,
                                   case: try Self.caseFile(procedure: "loipr-comprehensive", body: ["a"]), output: output)
        #expect(report.written == nil)
        #expect(report.diagnostics.contains { $0.isError && $0.description.contains("lacks the requisite \"PRAYER:\"") })
        #expect(!report.diagnostics.contains { $0.description.contains("\"Report on\"") })
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A requisite is searched in the text as written first and in the normalised text only when not found: one
    /// that needs the normalising (a non-breaking space, another Unicode form) is still found, and only a truly
    /// missing one is reported.
    @Test func requisitesFoundAsWrittenOrOnlyOnceNormalised() throws {
        let template = try Self.template(requiring: "[\"Report  on\", \"the prayer\", \"Бои\\u0306\", \"Zzz missing\"]")
        let report = Amicus.check(template: template,
                                  case: try Self.caseFile(procedure: "loipr-comprehensive", body: ["See the\u{00A0}prayer of Бой."]))
        let missing = report.filter { $0.isError && $0.description.contains("lacks the requisite") }
        #expect(missing.count == 1, "\(report)")
        #expect(missing.first?.description.contains("\"Zzz missing\"") == true)
    }
}
