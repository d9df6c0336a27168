import Foundation

/// A respondent State as an ISO 3166-1 alpha-2 code (`RU`), or `general` for documents addressed to no
/// State (general comments, treaty texts).
public struct CountryCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `RU`, `KG`… or `general`.
    public let code: String

    public static let general = CountryCode(unchecked: "general")

    init(unchecked code: String) { self.code = code }

    /// Strict: an alpha-2 code from the table (upper case) or `general`. Used for the corpus files.
    public init?(code: String) {
        if code == "general" { self = .general; return }
        guard CountryTable.shared.byAlpha2[code] != nil else { return nil }
        self.code = code
    }

    /// Forgiving: alpha-2 or alpha-3 in any case, English or Russian names and common forms
    /// (`Russia`, `Russian Federation`, `Россия`, `РФ`, `Kyrgyz Republic`, `Киргизия`…).
    public init?(parsing text: String) {
        let key = Normalise.key(text)
        guard !key.isEmpty else { return nil }
        if let c = CountryTable.shared.lookup[key] { self.code = c; return }
        return nil
    }

    /// Same as `init?(parsing:)`, with an error that names what was typed.
    public static func parse(_ text: String) throws(CountryCodeError) -> CountryCode {
        guard let c = CountryCode(parsing: text) else { throw CountryCodeError(input: text) }
        return c
    }

    public var isGeneral: Bool { code == "general" }
    public var description: String { code }

    /// ISO alpha-3 (`RUS`), nil for `general`.
    public var alpha3: String? { CountryTable.shared.byAlpha2[code]?.alpha3 }
    /// English short name (`Russia`), `general` for general documents.
    public var englishName: String { CountryTable.shared.byAlpha2[code]?.english.first ?? code }
    /// Russian name (`Россия`), `общий` for general documents.
    public var russianName: String { isGeneral ? "общий" : CountryTable.shared.byAlpha2[code]?.russian.first ?? code }

    /// Every known code, sorted (without `general`).
    public static var allCodes: [String] { CountryTable.shared.byAlpha2.keys.sorted() }

    public static func < (a: CountryCode, b: CountryCode) -> Bool { a.code < b.code }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = CountryCode(code: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown country code \(s)")
        }
        self = v
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}

public struct CountryCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let input: String
    public var description: String {
        "unknown country '\(input)': give an ISO code (RU, KGZ) or a name in English or Russian (Russia, Россия), or 'general'"
    }
}

struct CountryEntry: Sendable {
    let alpha2: String
    let alpha3: String
    let english: [String]
    let russian: [String]
}

/// The table: `alpha2|alpha3|English names;…|Russian names;…`. All post-Soviet States, all Council of Europe
/// member States and the usual States of origin of migrants; add a line to add a State.
struct CountryTable: Sendable {
    static let shared = CountryTable()

    let byAlpha2: [String: CountryEntry]
    let lookup: [String: String]

    private static let rows: [String] = [
        // Post-Soviet States
        "RU|RUS|Russia;Russian Federation;the Russian Federation|Россия;Российская Федерация;РФ;России;Российской Федерации",
        "UA|UKR|Ukraine|Украина;Украины",
        "BY|BLR|Belarus;Republic of Belarus;Byelorussia|Беларусь;Белоруссия;Республика Беларусь;Беларуси;Белоруссии",
        "MD|MDA|Moldova;Republic of Moldova;Moldavia|Молдова;Молдавия;Республика Молдова;Молдовы;Молдавии",
        "GE|GEO|Georgia|Грузия;Грузии",
        "AM|ARM|Armenia;Republic of Armenia|Армения;Республика Армения;Армении",
        "AZ|AZE|Azerbaijan;Republic of Azerbaijan|Азербайджан;Азербайджанская Республика;Азербайджана",
        "KZ|KAZ|Kazakhstan;Republic of Kazakhstan|Казахстан;Республика Казахстан;Казахстана",
        "KG|KGZ|Kyrgyzstan;Kyrgyz Republic;Kirghizia|Кыргызстан;Киргизия;Кыргызская Республика;Киргизии;Кыргызстана",
        "TJ|TJK|Tajikistan;Republic of Tajikistan|Таджикистан;Республика Таджикистан;Таджикистана",
        "TM|TKM|Turkmenistan|Туркменистан;Туркмения;Туркменистана",
        "UZ|UZB|Uzbekistan;Republic of Uzbekistan|Узбекистан;Республика Узбекистан;Узбекистана",
        "EE|EST|Estonia|Эстония;Эстонии",
        "LV|LVA|Latvia|Латвия;Латвии",
        "LT|LTU|Lithuania|Литва;Литвы",
        // Other Council of Europe member States
        "AL|ALB|Albania|Албания",
        "AD|AND|Andorra|Андорра",
        "AT|AUT|Austria|Австрия",
        "BE|BEL|Belgium|Бельгия;Бельгии",
        "BA|BIH|Bosnia and Herzegovina|Босния и Герцеговина",
        "BG|BGR|Bulgaria|Болгария",
        "HR|HRV|Croatia|Хорватия;Хорватии",
        "CY|CYP|Cyprus|Кипр",
        "CZ|CZE|Czech Republic;Czechia|Чехия;Чешская Республика",
        "DK|DNK|Denmark|Дания;Дании",
        "FI|FIN|Finland|Финляндия",
        "FR|FRA|France|Франция;Франции",
        "DE|DEU|Germany|Германия;Германии;ФРГ",
        "GR|GRC|Greece|Греция;Греции",
        "HU|HUN|Hungary|Венгрия",
        "IS|ISL|Iceland|Исландия",
        "IE|IRL|Ireland|Ирландия",
        "IT|ITA|Italy|Италия;Италии",
        "LI|LIE|Liechtenstein|Лихтенштейн",
        "LU|LUX|Luxembourg|Люксембург",
        "MT|MLT|Malta|Мальта",
        "MC|MCO|Monaco|Монако",
        "ME|MNE|Montenegro|Черногория",
        "NL|NLD|Netherlands;the Netherlands;Holland|Нидерланды;Голландия",
        "MK|MKD|North Macedonia|Северная Македония",
        "NO|NOR|Norway|Норвегия",
        "PL|POL|Poland|Польша;Польши",
        "PT|PRT|Portugal|Португалия",
        "RO|ROU|Romania|Румыния",
        "SM|SMR|San Marino|Сан-Марино",
        "RS|SRB|Serbia|Сербия;Сербии",
        "SK|SVK|Slovakia;Slovak Republic|Словакия",
        "SI|SVN|Slovenia|Словения",
        "ES|ESP|Spain|Испания;Испании",
        "SE|SWE|Sweden|Швеция",
        "CH|CHE|Switzerland|Швейцария;Швейцарии",
        "TR|TUR|Turkey;Türkiye;Turkiye|Турция;Турции",
        "GB|GBR|United Kingdom;UK;Great Britain|Великобритания;Соединённое Королевство",
        // Other States (of origin, or respondents before UN bodies)
        "AF|AFG|Afghanistan|Афганистан",
        "DZ|DZA|Algeria|Алжир",
        "AU|AUS|Australia|Австралия;Австралии",
        "BD|BGD|Bangladesh|Бангладеш",
        "CM|CMR|Cameroon|Камерун",
        "CA|CAN|Canada|Канада",
        "CN|CHN|China|Китай;КНР",
        "KM|COM|Comoros|Коморы;Коморские Острова",
        "CD|COD|Democratic Republic of the Congo;DR Congo;DRC|Демократическая Республика Конго;ДРК",
        "CG|COG|Congo;Republic of the Congo|Республика Конго;Конго",
        "CI|CIV|Côte d'Ivoire;Cote d'Ivoire;Ivory Coast|Кот-д’Ивуар;Кот-д'Ивуар",
        "EG|EGY|Egypt|Египет",
        "ER|ERI|Eritrea|Эритрея",
        "ET|ETH|Ethiopia|Эфиопия",
        "IN|IND|India|Индия",
        "ID|IDN|Indonesia|Индонезия",
        "IR|IRN|Iran|Иран",
        "IQ|IRQ|Iraq|Ирак",
        "IL|ISR|Israel|Израиль",
        "KP|PRK|North Korea;DPRK;Democratic People's Republic of Korea|КНДР;Северная Корея",
        "KR|KOR|South Korea;Republic of Korea|Республика Корея;Южная Корея",
        "LY|LBY|Libya|Ливия",
        "ML|MLI|Mali|Мали",
        "MN|MNG|Mongolia|Монголия",
        "MA|MAR|Morocco|Марокко",
        "MM|MMR|Myanmar;Burma|Мьянма",
        "NZ|NZL|New Zealand|Новая Зеландия",
        "NG|NGA|Nigeria|Нигерия",
        "PK|PAK|Pakistan|Пакистан",
        "SO|SOM|Somalia|Сомали",
        "LK|LKA|Sri Lanka|Шри-Ланка",
        "SD|SDN|Sudan|Судан",
        "SY|SYR|Syria;Syrian Arab Republic|Сирия",
        "TN|TUN|Tunisia|Тунис",
        "US|USA|United States;United States of America;USA;US|США;Соединённые Штаты Америки",
        "VN|VNM|Viet Nam;Vietnam|Вьетнам",
    ]

    init() {
        var by: [String: CountryEntry] = [:]
        var look: [String: String] = [:]
        for row in CountryTable.rows {
            let f = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let e = CountryEntry(alpha2: f[0], alpha3: f[1],
                                 english: f[2].split(separator: ";").map(String.init),
                                 russian: f[3].split(separator: ";").map(String.init))
            by[e.alpha2] = e
            for name in [e.alpha2, e.alpha3] + e.english + e.russian {
                look[Normalise.key(name)] = e.alpha2
                if name.hasPrefix("the ") { look[Normalise.key(String(name.dropFirst(4)))] = e.alpha2 }
            }
        }
        for g in ["general", "none", "n/a", "общий", "общее", "нет"] { look[Normalise.key(g)] = "general" }
        byAlpha2 = by
        lookup = look
    }
}
