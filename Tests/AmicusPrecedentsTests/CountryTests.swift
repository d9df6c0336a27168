import Testing
@testable import AmicusPrecedents

@Suite("Countries")
struct CountryTests {
    @Test("forms people type", arguments: [
        ("RU", "RU"), ("ru", "RU"), ("RUS", "RU"), ("Russia", "RU"), ("Russian Federation", "RU"),
        ("the Russian Federation", "RU"), ("Россия", "RU"), ("РФ", "RU"), ("Российская Федерация", "RU"),
        ("Kyrgyzstan", "KG"), ("Kyrgyz Republic", "KG"), ("Киргизия", "KG"), ("Кыргызстан", "KG"), ("KGZ", "KG"),
        ("Kazakhstan", "KZ"), ("Казахстан", "KZ"), ("Tajikistan", "TJ"), ("Таджикистан", "TJ"),
        ("Uzbekistan", "UZ"), ("Узбекистан", "UZ"), ("Turkmenistan", "TM"), ("Туркмения", "TM"),
        ("Belarus", "BY"), ("Беларусь", "BY"), ("Белоруссия", "BY"), ("Ukraine", "UA"), ("Украина", "UA"),
        ("Moldova", "MD"), ("Молдавия", "MD"), ("Georgia", "GE"), ("Грузия", "GE"), ("Armenia", "AM"),
        ("Армения", "AM"), ("Azerbaijan", "AZ"), ("Азербайджан", "AZ"), ("Estonia", "EE"), ("Latvia", "LV"),
        ("Lithuania", "LT"), ("Литва", "LT"),
        ("Spain", "ES"), ("Испания", "ES"), ("Belgium", "BE"), ("Бельгия", "BE"), ("Denmark", "DK"), ("Дания", "DK"),
        ("France", "FR"), ("Франция", "FR"), ("Turkey", "TR"), ("Türkiye", "TR"), ("Poland", "PL"), ("Greece", "GR"),
        ("Switzerland", "CH"), ("Croatia", "HR"), ("Australia", "AU"), ("  russia  ", "RU"),
        ("general", "general"), ("общий", "general"),
    ])
    func parses(input: String, expected: String) {
        #expect(CountryCode(parsing: input)?.code == expected, "\(input)")
    }

    @Test func unknown() {
        #expect(CountryCode(parsing: "Narnia") == nil)
        #expect(CountryCode(parsing: "") == nil)
        #expect(throws: CountryCodeError.self) { try CountryCode.parse("Narnia") }
        do { _ = try CountryCode.parse("Narnia") } catch { #expect(error.description.contains("'Narnia'")) }
    }

    @Test func strictCodes() {
        #expect(CountryCode(code: "RU") != nil)
        #expect(CountryCode(code: "general") != nil)
        #expect(CountryCode(code: "ru") == nil)
        #expect(CountryCode(code: "Russia") == nil)
        #expect(CountryCode(code: "XX") == nil)
    }

    @Test func names() {
        #expect(CountryCode(code: "RU")!.englishName == "Russia")
        #expect(CountryCode(code: "RU")!.russianName == "Россия")
        #expect(CountryCode(code: "RU")!.alpha3 == "RUS")
        #expect(CountryCode.allCodes.count >= 80)
    }
}
