import Foundation
import Testing
@testable import AmicusCase

/// Manifests: their own checking, and checking case files against them with every problem reported at once.
@Suite struct ManifestTests {
    static let appeal: TemplateManifest? = try? TemplateManifest.load(path: Fixture.path("manifests/appeal.yaml"))

    @Test func manifestIsRead() throws {
        let manifest = try #require(Self.appeal)
        #expect(manifest.title == "Апелляционная жалоба на постановление о выдворении")
        #expect(manifest.language == "ru")
        #expect(manifest.forum == "ru-court")
        #expect(manifest.requisites == ["ПРОШУ:", "Приложение:"])
        #expect(manifest.wordLimit == 10000)
        #expect(manifest.pageLimit == nil)
        #expect(manifest.declaredPaths == [
            "case_id", "applicant", "applicant.name", "applicant.name.cyrillic", "applicant.name.latin",
            "applicant.birth_date", "applicant.phone", "children", "children[].initials", "children[].birth_date",
            "detention", "detention.start", "detention.facility", "court", "court.kind", "events",
            "events[].date", "events[].description_ru", "views_heard", "attachments_count", "state_duty",
        ])
    }

    @Test func shortFormsAndDottedNamesBecomeSpecs() throws {
        let fields = try #require(Self.appeal?.fields)
        let detention = try #require(fields.first { $0.name == "detention" })
        #expect(detention.required)
        guard case .object(let parts, true) = detention.type else {
            Issue.record("detention is not an open object: \(detention.type)")
            return
        }
        #expect(parts.map(\.name) == ["start", "facility"])
        #expect(parts.last?.description == "Название ЦВСИГ")
        let phone = try #require(Self.appeal?.root.lookup("applicant.phone"))
        #expect(phone.type == .string && !phone.required)
        #expect(Self.appeal?.root.lookup("court.kind")?.type == .enumeration(["district_court", "regional_court"]))
    }

    @Test func goodCaseIsValidAndConverted() throws {
        let manifest = try #require(Self.appeal)
        let result = manifest.validate(try Fixture.load("manifests/appeal-case-ok.yaml"))
        #expect(lines(result.diagnostics) == [])
        #expect(!result.diagnostics.contains { $0.severity == .error })
        let document = result.document
        #expect(document["children[0].birth_date"]?.value == date(2016, 2, 15))  // was quoted: converted
        #expect(document["applicant.phone"]?.value == .string("+79001234567"))
        #expect(document["court.kind"]?.value == .string("district_court"))
        #expect(document["state_duty"]?.value == .int(300))
        #expect(document["extra_note"]?.value == .string("not declared, allowed at the top level"))
        #expect(document["children[0].birth_date"]?.position == SourcePosition(line: 9, column: 17))
    }

    /// A batch keeps its validated cases: what validation did not convert is the very storage the reader made,
    /// and only the path down to a conversion is new.
    @Test func aValidatedCaseSharesWhatItDidNotConvert() throws {
        let manifest = try #require(Self.appeal)
        let read = try Fixture.load("manifests/appeal-case-ok.yaml")
        let validated = manifest.validate(read).document
        func storage(_ node: CaseNode?) -> UnsafeRawPointer? {
            switch node?.value {
            case .list(let items): return items.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            case .map(let entries): return entries.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            default: return nil
            }
        }
        for unchanged in ["events", "detention", "applicant", "applicant.name", "court"] {
            #expect(storage(validated[unchanged]) != nil)
            #expect(storage(validated[unchanged]) == storage(read[unchanged]), "\(unchanged) was copied")
        }
        // The quoted date was converted: its item, the list holding it and the root are new.
        #expect(validated["children[0].birth_date"]?.value == date(2016, 2, 15))
        #expect(read["children[0].birth_date"]?.value == .string("2016-02-15"))
        for changed in ["children", "children[0]", ""] {
            let path = changed.isEmpty ? nil : changed
            let before = path.map { read[$0] } ?? read.root
            let after = path.map { validated[$0] } ?? validated.root
            #expect(storage(after) != storage(before), "\(changed.isEmpty ? "the root" : changed) was not converted")
        }
    }

    /// The heart of `amicus check`: a case file with many problems gets all of them, in file order, each where
    /// the lawyer has to look.
    @Test func everyProblemOfACaseIsReportedAtOnce() throws {
        let manifest = try #require(Self.appeal)
        let result = manifest.validate(try Fixture.load("manifests/appeal-case-bad.yaml"))
        #expect(lines(result.diagnostics) == [
            "appeal-case-bad.yaml:2:1: error: applicant.birth_date: required field is missing "
                + "(is \"brith_date\" at line 5 a misspelling of it?)",
            "appeal-case-bad.yaml:3:3: error: applicant.name.cyrillic: required field is missing",
            "appeal-case-bad.yaml:5:3: error: applicant.brith_date: unknown field (did you mean \"birth_date\"?)",
            "appeal-case-bad.yaml:7:3: error: applicant.adress: unknown field; the fields here are name, "
                + "birth_date, phone",
            "appeal-case-bad.yaml:8:11: error: children: expected at least 1 item, got 0",
            "appeal-case-bad.yaml:9:1: error: detention.facility: required field is missing",
            "appeal-case-bad.yaml:10:10: error: detention.start: expected a date like 2016-02-15, got \"15 feb\"",
            "appeal-case-bad.yaml:12:9: error: court.kind: expected one of district_court, regional_court, "
                + "got \"distrct_court\" (did you mean \"district_court\"?)",
            "appeal-case-bad.yaml:16:5: error: events[1].description_ru: required field is missing",
            "appeal-case-bad.yaml:17:5: error: events[2].date: required field is missing",
            "appeal-case-bad.yaml:18:11: error: events[3].date: expected a date like 2016-02-15, got a list",
            "appeal-case-bad.yaml:20:14: error: views_heard: expected true or false, got \"yes\"",
            "appeal-case-bad.yaml:21:20: error: attachments_count: expected a whole number like 42, got \"03\" "
                + "(a leading zero would be lost)",
            "appeal-case-bad.yaml:22:13: error: state_duty: expected a number like 2.5, got \"1.50\" "
                + "(trailing zeros after the decimal point would be lost)",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        // Numbers typed into text fields are taken as the text written, not reported.
        #expect(result.document["case_id"]?.value == .string("123"))
        #expect(result.document["applicant.phone"]?.value == .string("89001234567"))
    }

    @Test func nullRequiredFieldAndMultiLineStringAreErrors() throws {
        let manifest = try TemplateManifest.parse("""
            title: T
            language: en
            forum: ecthr
            fields:
              case_id: string
              name: string
              note: {type: text, required: false}
            """, file: "manifest.yaml")
        let document = try CaseLoader.parse("case_id: ~\nname: |\n  Ivanova\n  Madina\nnote:\n", file: "case.yaml")
        #expect(lines(manifest.validate(document).diagnostics) == [
            "case.yaml:1:10: error: case_id: required field is empty",
            "case.yaml:2:7: error: name: expected one line of text, but the value has 3 lines",
        ])
    }

    /// One call for `amicus check`: reading problems and manifest problems together, each reported once.
    @Test func readingAndValidationAreMergedWithoutRepeats() throws {
        let manifest = try TemplateManifest.parse("""
            title: T
            language: ru
            forum: ru-court
            fields:
              birth_date: date
              name: string
            """, file: "manifest.yaml")
        let reading = CaseLoader.read(bytes: Array("birth_date: 31.02.2016\nbirth_date: 2016-02-01\n".utf8),
                                      file: "case.yaml")
        #expect(lines(manifest.validate(reading).diagnostics) == [
            "case.yaml:1:1: error: name: required field is missing",
            "case.yaml:1:13: error: birth_date: \"31.02.2016\" is not a real date: "
                + "February has 29 days, so there is no day 31",
            "case.yaml:2:1: error: birth_date: duplicate key \"birth_date\": first written at line 1, again at line 2; "
                + "a key may appear only once in a mapping, so keep one of them",
        ])
    }

    @Test func manifestProblemsAreAllReportedWithPositions() {
        do {
            _ = try TemplateManifest.load(path: Fixture.path("manifests/broken-manifest.yaml"))
            Issue.record("a broken manifest was accepted")
        } catch {
            #expect(lines(error.diagnostics) == [
                "manifests/broken-manifest.yaml:1:1: error: language: required key is missing",
                "manifests/broken-manifest.yaml:2:1: error: langauge: unknown manifest key (did you mean \"language\"?)",
                "manifests/broken-manifest.yaml:5:12: error: fields.case_id: unknown type \"strng\" (did you mean "
                    + "\"string\"?); the types are string, text, date, int, number, bool, enum, list, object, any",
                "manifests/broken-manifest.yaml:8:5: error: fields.applicant.feilds: unknown key in a field "
                    + "declaration (did you mean \"fields\"?)",
                "manifests/broken-manifest.yaml:11:10: error: fields.children.min: min (3) is larger than max (1)",
                "manifests/broken-manifest.yaml:13:12: error: fields.children.items: unknown type \"integer\" (did "
                    + "you mean \"int\"?); the types are string, text, date, int, number, bool, enum, list, object, any",
                "manifests/broken-manifest.yaml:14:15: error: fields[\"court.kind\"].values: an enum needs its "
                    + "values: `values: [a, b]`",
                "manifests/broken-manifest.yaml:15:39: error: fields.status.values[2]: \"a\" is already listed at line 15",
                "manifests/broken-manifest.yaml:16:32: error: fields.flag.required: expected true or false, got \"no\"",
                "manifests/broken-manifest.yaml:17:3: error: fields.case_id: duplicate key \"case_id\": first written "
                    + "at line 5, again at line 17; a key may appear only once in a mapping, so keep one of them",
                "manifests/broken-manifest.yaml:18:24: error: fields.note.min: `min` applies only to fields of type "
                    + "list, and this one is string",
            ])
        }
    }

    @Test func dottedNameUnderAScalarFieldIsAnError() {
        do {
            _ = try TemplateManifest.parse("""
                title: T
                language: en
                forum: crc
                fields:
                  court: string
                  court.kind: string
                """, file: "manifest.yaml")
            Issue.record("accepted")
        } catch {
            #expect(lines(error.diagnostics) == [
                "manifest.yaml:6:3: error: fields.court: court is declared as string at line 5, so it cannot hold kind",
            ])
        }
    }
}

extension FieldSpec {
    /// The spec at a dotted path below this one, for tests.
    func lookup(_ path: String) -> FieldSpec? {
        var spec = self
        for name in path.split(separator: ".") {
            guard case .object(let fields, _) = spec.type, let next = fields.first(where: { $0.name == name })
            else { return nil }
            spec = next
        }
        return spec
    }
}

@Suite struct ManifestLocationTests {
    @Test func manifestSitsBesideTheTemplate() {
        #expect(TemplateManifest.path(besideTemplate: "Templates/appeal/template.docx") == "Templates/appeal/manifest.yaml")
        #expect(TemplateManifest.path(besideTemplate: "template.docx") == "manifest.yaml")
        #expect(TemplateManifest.path(besideTemplate: Fixture.path("manifests"))
            == Fixture.path("manifests") + "/manifest.yaml")
    }
}
