import Testing
@testable import AmicusCase

@Suite struct PseudonymisationTests {
    static let yaml = """
        case_id: P-1
        applicant:
          pseudonymise: true
          name: {cyrillic: Каримова Рахмона, latin: Karimova Rakhmona}
        representative:
          name: Примерова Анна
        children:
          - name: Рушмона
            initials: Р.
          - name: Дилшод
            pseudonym: Ребёнок 2
            pseudonymise: true
        facts:
          - Рахмону задержали; дочь Рушмоны осталась с соседкой.
          - Каримовой Рахмоны не было дома. Karimova Rakhmona signed.
        """

    @Test func russianCaseFormsOfANameAreAllKnown() {
        let forms = Set(Pseudonymisation.forms(of: "Рахмона"))
        for form in ["Рахмона", "Рахмоны", "Рахмоне", "Рахмону", "Рахмоной"] { #expect(forms.contains(form), "\(form)") }
        let surname = Set(Pseudonymisation.forms(of: "Каримова"))
        for form in ["Каримовой", "Каримову"] { #expect(surname.contains(form)) }
        let masculine = Set(Pseudonymisation.forms(of: "Назаров"))
        for form in ["Назарова", "Назарову", "Назаровым", "Назарове"] { #expect(masculine.contains(form)) }
        #expect(Pseudonymisation.forms(of: "Karimova") == ["Karimova"])
    }

    @Test func markedPeopleAndAllChildrenAreHiddenEverywhereInTheCase() throws {
        let document = try CaseLoader.parse(Self.yaml, file: "p.yaml")
        let plan = Pseudonymisation(document: document, children: true)
        #expect(plan.people.map(\.path) == ["applicant", "children[0]", "children[1]"])
        let hidden = plan.apply(to: document)
        #expect(hidden["applicant.name.cyrillic"]?.string == "К. Р.")
        #expect(hidden["applicant.name.latin"]?.string == "K. R.")
        #expect(hidden["children[0].name"]?.string == "Р.")
        #expect(hidden["children[1].name"]?.string == "Ребёнок 2")
        #expect(hidden["facts[0]"]?.string == "К. Р. задержали; дочь Р. осталась с соседкой.")
        #expect(hidden["facts[1]"]?.string == "К. Р. не было дома. K. R. signed.")
        #expect(hidden["representative.name"]?.string == "Примерова Анна", "a representative is not hidden unless marked")
    }

    @Test func withoutTheSwitchChildrenAreLeftAlone() throws {
        let document = try CaseLoader.parse(Self.yaml, file: "p.yaml")
        let plan = Pseudonymisation(document: document, children: false)
        #expect(plan.people.map(\.path) == ["applicant", "children[1]"])
    }

    @Test func tracesAreFoundAsWholeWordsInAnyCase() throws {
        let document = try CaseLoader.parse(Self.yaml, file: "p.yaml")
        let plan = Pseudonymisation(document: document, children: true)
        #expect(plan.traces(in: "Жалоба в интересах РАХМОНЫ") == ["Рахмоны"])
        #expect(plan.traces(in: "Рахмонаткан и подрахмона") == [], "only whole words")
        #expect(plan.traces(in: "К. Р.") == [])
    }
}
