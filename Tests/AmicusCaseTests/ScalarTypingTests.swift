import Testing
@testable import AmicusCase

/// Each rule of scalar typing, read from Fixtures/scalars.yaml: what is typed, and what stays exactly the
/// text the lawyer wrote.
@Suite struct ScalarTypingTests {
    static let expectations: [(key: String, value: CaseValue)] = [
        ("country_norway", .string("NO")),
        ("answer_yes", .string("yes")),
        ("answer_no", .string("no")),
        ("switch_on", .string("on")),
        ("switch_off", .string("off")),
        ("flag_true", .bool(true)),
        ("flag_false", .bool(false)),
        ("flag_title_case", .bool(true)),
        ("nothing_tilde", .null),
        ("nothing_word", .null),
        ("nothing_empty", .null),
        ("count", .int(42)),
        ("negative", .int(-7)),
        ("zero", .int(0)),
        ("leading_zero", .string("0123")),
        ("phone_plus", .string("+79001234567")),
        ("phone_plain_plus", .string("+79001234567")),
        ("phone_digits", .int(89_001_234_567)),
        ("grouped", .string("1_000")),
        ("minus_zero", .string("-0")),
        ("too_big", .string("123456789012345678901234567890")),
        ("octal_looking", .string("0o17")),
        ("hex_looking", .string("0x1F")),
        ("decimal", .double(2.5)),
        ("decimal_trailing_zero", .string("1.10")),
        ("decimal_exponent", .string("1e3")),
        ("decimal_point_first", .string(".5")),
        ("decimal_infinity", .string(".inf")),
        ("decimal_nan", .string(".nan")),
        ("quoted_number", .string("42")),
        ("single_quoted_number", .string("42")),
        ("quoted_true", .string("true")),
        ("iso_date", date(2016, 2, 15)),
        ("iso_date_time", date(2016, 2, 15, 10, 30)),
        ("iso_date_time_seconds", date(2016, 2, 15, 10, 30, 5)),
        ("russian_date", date(2016, 2, 15)),
        ("russian_date_quoted", date(2016, 2, 15)),
        ("russian_date_single_quoted", date(2016, 2, 15)),
        ("iso_date_quoted", .string("2016-02-15")),
        ("iso_date_timezone", .string("2016-02-15T10:30:00Z")),
        ("short_russian_date", .string("5.3.2016")),
        ("case_number", .string("5-123/2016")),
        ("name_cyrillic", .string("Иванова Мадина")),
        ("block_text", .string("ПРОШУ:\nотменить постановление\n")),
        ("folded_text", .string("one line")),
        ("tagged_string", .string("2016-02-15")),
    ]

    static let document: CaseDocument? = try? Fixture.load("scalars.yaml")

    @Test(arguments: expectations.map(\.key))
    func scalarIsTypedByTheRule(key: String) throws {
        let node = try #require(Self.document?.lookup(path: key), "scalars.yaml has no \(key)")
        let expected = try #require(Self.expectations.first { $0.key == key }).value
        #expect(node.value == expected)
    }

    @Test func fixtureHoldsExactlyTheListedRules() throws {
        let document = try #require(Self.document)
        #expect(document.root.entries?.map(\.key) == Self.expectations.map(\.key))
    }

    /// Whatever the type, `source` (and so `scalarText`) gives back the characters between the quotes.
    @Test func everyScalarKeepsTheTextAsTyped() throws {
        let document = try #require(Self.document)
        let text = try Fixture.text("scalars.yaml")
        let multiLine: Set = ["block_text", "folded_text"]  // YAML rewraps these, by design
        for entry in document.root.entries ?? [] where !multiLine.contains(entry.key) {
            let kept = try #require(entry.value.source)
            #expect(text.contains(entry.key + ": " + kept) || text.contains("\"" + kept + "\"")
                    || text.contains("'" + kept + "'") || text.contains("!!str " + kept) || kept.isEmpty,
                    "\(entry.key): \(kept) is not in the file as written")
        }
    }

    /// The number rule itself: a number is a number only if it prints back as written.
    @Test func numbersPrintBackAsWritten() throws {
        let document = try #require(Self.document)
        for entry in document.root.entries ?? [] {
            switch entry.value.value {
            case .int(let number): #expect(String(number) == entry.value.source)
            case .double(let number): #expect(String(number) == entry.value.source)
            default: break
            }
        }
    }

    @Test func quotedScalarsAreAlwaysText() throws {
        let document = try CaseLoader.parse("""
            a: "true"
            b: 'null'
            c: "~"
            d: "2.5"
            e: ""
            """, file: "case.yaml")
        #expect(document["a"]?.value == .string("true"))
        #expect(document["b"]?.value == .string("null"))
        #expect(document["c"]?.value == .string("~"))
        #expect(document["d"]?.value == .string("2.5"))
        #expect(document["e"]?.value == .string(""))
    }

    @Test func unsupportedTagIsAnError() {
        #expect(lines(parseErrors("a: !!binary aGVsbG8=\n")) == [
            "case.yaml:1:4: error: a: the tag !!binary is not supported in case files; remove it "
                + "(use quotes to keep a value as text)",
        ])
    }
}
