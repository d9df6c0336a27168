import Testing
import AmicusTemplate

/// Undefined and null values: errors when used, false when tested, all reported in one run.
@Suite struct StrictnessTests {
    let ctx: ValueDict = [
        "applicant": ["name": "Иванова", "phone": nil, "children": []],
        "representative": ["name": "Адвокат"],
    ]

    @Test func undefinedAttributeSuggestsAKey() {
        let r = outcome("{{ representative.nmae }}", ctx)
        #expect(r.errors.map(\.message) == ["undefined name 'nmae' in 'representative' (did you mean 'name'?)"])
        #expect(r.errors.first?.kind == .undefined)
        #expect(r.errors.first?.location.offset == 18)
        #expect(r.errors.first?.tagRange == 0..<25)
        #expect(r.output == "")
    }

    @Test func undefinedTopLevelNameSuggestsAContextKey() {
        #expect(errorMessages("{{ aplicant.name }}", ctx) == ["undefined name 'aplicant' (did you mean 'applicant'?)"])
        #expect(errorMessages("{{ zzz }}", ctx) == ["undefined name 'zzz'"])
        #expect(errorMessages("{{ APPLICANT }}", ctx) == ["undefined name 'APPLICANT' (did you mean 'applicant'?)"])
    }

    @Test func suggestionsIncludeSetAndLoopVariables() {
        #expect(errorMessages("{% set total_days = 3 %}{{ total_dayz }}") == ["undefined name 'total_dayz' (did you mean 'total_days'?)"])
        #expect(errorMessages("{% for child in [1] %}{{ chld }}{% endfor %}") == ["undefined name 'chld' (did you mean 'child'?)"])
    }

    @Test func nullPrintsAsAnError() {
        let r = outcome("Тел.: {{ applicant.phone }}.", ctx)
        #expect(r.output == "Тел.: .")
        #expect(r.errors.map(\.message) == ["'applicant.phone' is empty (null)"])
        #expect(r.errors.first?.kind == .undefined)
    }

    @Test func nullAndMissingAreAbsentWhenTested() {
        let t = "{% if applicant.phone %}a{% endif %}{% if applicant.fax %}b{% endif %}{% if not applicant.fax %}c{% endif %}{{ applicant.phone is defined }}{{ applicant.fax is defined }}{{ applicant.phone is none }}{{ applicant.fax is undefined }}"
        let r = outcome(t, ctx)
        #expect(r.output == "cFalseFalseTrueTrue")
        #expect(r.errors.isEmpty)
        #expect(r.warnings.isEmpty)
    }

    @Test func loopOverNullIsEmpty() {
        #expect(rendered("{% for x in n %}x{% else %}none{% endfor %}", ["n": nil]) == "none")
    }

    @Test func loopOverMissingIsAnError() {
        let r = outcome("{% for c in applicant.childern %}{{ c }}{% else %}нет{% endfor %}", ctx)
        #expect(r.output == "нет")
        #expect(r.errors.map(\.message) == ["undefined name 'childern' in 'applicant' (did you mean 'children'?)"])
    }

    @Test func loopOverTextIsAnError() {
        #expect(errorMessages("{% for c in applicant.name %}{{ c }}{% endfor %}", ctx) == ["cannot loop over 'applicant.name': it is \"Иванова\", not a list"])
    }

    @Test func computingOrComparingWithMissingIsAnError() {
        #expect(errorMessages("{{ missing + 1 }}") == ["undefined name 'missing'"])
        #expect(errorMessages("{% if missing > 3 %}x{% endif %}") == ["undefined name 'missing'"])
        #expect(errorMessages("{% if applicant.phone > 3 %}x{% endif %}", ctx) == ["'applicant.phone' is empty (null)"])
        #expect(errorMessages("{{ applicant.phone ~ 'x' }}", ctx) == ["'applicant.phone' is empty (null)"])
        #expect(errorMessages("{{ applicant.phone|upper }}", ctx) == ["'applicant.phone' is empty (null)"])
        #expect(errorMessages("{% if missing == 'yes' %}x{% endif %}") == ["undefined name 'missing'"])
    }

    @Test func chainedAttributeOfAbsentValueIsAbsent() {
        #expect(rendered("{% if a.b.c.d %}x{% else %}y{% endif %}", ["a": [:]]) == "y")
        #expect(errorMessages("{{ a.b.c }}", ["a": [:]]) == ["undefined name 'b' in 'a'"])
        #expect(errorMessages("{{ a.b.c }}", ["a": ["b": nil]]) == ["'a.b' is empty (null)"])
        #expect(errorMessages("{{ a.name.x }}", ["a": ["name": "x"]]) == ["undefined name 'x' in 'a.name' (it is a string, not a mapping)"])
    }

    @Test func indexOutOfRange() {
        #expect(errorMessages("{{ xs[3] }}", ["xs": [1, 2]]) == ["index 3 is out of range for 'xs' (2 items)"])
        #expect(rendered("{{ xs[3]|default('-') }}", ["xs": [1, 2]]) == "-")
    }

    @Test func testedMisspelledTopLevelNameWarns() {
        let src = "{% if aplicant %}x{% endif %}{% if aplicant is defined %}y{% endif %}{{ aplicant|default('z') }}"
        let r = outcome(src, ctx)
        #expect(r.output == "z")
        #expect(r.errors.isEmpty)
        #expect(r.warnings.map(\.message) == Array(repeating: "'aplicant' is not defined (did you mean 'applicant'?)", count: 3))
        #expect(r.warnings.map(\.location.offset) == [6, 35, 72])
        #expect(r.warnings.map(\.location.offset) == (1...3).map { offset(of: "aplicant", in: src, occurrence: $0) })
    }

    @Test func testedMisspelledAttributeWarns() {
        let r = outcome("{% if applicant.chidren %}x{% endif %}", ctx)
        #expect(r.warnings.map(\.message) == ["'chidren' is not defined in 'applicant' (did you mean 'children'?)"])
    }

    @Test func testedAbsentNameWithoutCloseMatchIsSilent() {
        #expect(outcome("{% if interpreter %}x{% endif %}", ctx).warnings.isEmpty)
    }

    @Test func allErrorsOfATemplateAreReportedInOneRun() {
        let src = "{{ a }}\n{{ b }}\n{% for x in c %}{% endfor %}\n{{ 1 + 'x' }}\n{{ a }}"
        let r = outcome(src)
        #expect(r.errors.map(\.message) == ["undefined name 'a'", "undefined name 'b'", "undefined name 'c'", "cannot add int and string in '1 + 'x''", "undefined name 'a'"])
        #expect(r.errors.map(\.location.line) == [1, 2, 3, 4, 5])
        #expect(r.errors.map(\.kind) == [.undefined, .undefined, .undefined, .type, .undefined])
    }

    @Test func repeatedErrorInALoopIsReportedOnce() {
        let r = outcome("{% for x in xs %}{{ x.nmae }}{% endfor %}", ["xs": [["name": "a"], ["name": "b"]]])
        #expect(r.errors.map(\.message) == ["undefined name 'nmae' in 'x' (did you mean 'name'?)"])
    }

    @Test func lenientRendersEmptyAndWarns() {
        let opts = RenderOptions(lenient: true)
        let src = "[{{ missing }}][{{ applicant.phone }}][{{ applicant.nmae }}][{% for x in nothing %}x{% endfor %}][{{ missing + 1 }}]"
        let r = outcome(src, ctx, options: opts)
        #expect(r.output == "[][][][][]")
        #expect(r.errors.isEmpty)
        #expect(r.warnings.map(\.message) == ["undefined name 'missing'", "'applicant.phone' is empty (null)", "undefined name 'nmae' in 'applicant' (did you mean 'name'?)", "undefined name 'nothing'", "undefined name 'missing'"])
        #expect(r.warnings.map(\.location.offset) == [offset(of: "missing", in: src), offset(of: "applicant.phone", in: src),
                                                       offset(of: "nmae", in: src), offset(of: "nothing", in: src),
                                                       offset(of: "missing", in: src, occurrence: 2)])
    }

    @Test func lenientStillReportsTypeErrors() {
        let r = outcome("{{ 1 + 'a' }}", options: RenderOptions(lenient: true))
        #expect(r.errors.map(\.message) == ["cannot add int and string in '1 + 'a''"])
    }

    @Test func failedConditionIsFalseAndRenderingGoesOn() {
        let r = outcome("{% if 1 + 'a' %}x{% else %}y{% endif %}z")
        #expect(r.output == "yz")
        #expect(r.errors.count == 1)
    }

    @Test func typeErrors() {
        #expect(errorMessages("{{ 'a' - 1 }}") == ["cannot subtract int from string in ''a' - 1'"])
        #expect(errorMessages("{{ 1 / 0 }}") == ["division by zero in '1 / 0'"])
        #expect(errorMessages("{{ [1] < 'a' }}") == ["cannot compare list and string ('[1]' < ''a'')"])
        #expect(errorMessages("{{ 9223372036854775807 + 1 }}") == ["integer overflow in '9223372036854775807 + 1'"])
        #expect(errorMessages("{{ 'x'.nope() }}") == ["''x'' (string) has no method 'nope'"])
    }

    @Test func unknownLoopAttribute() {
        #expect(errorMessages("{% for x in [1] %}{{ loop.indx }}{% endfor %}") == ["'loop' has no attribute 'indx' (did you mean 'index'?)"])
    }
}
