import Foundation

/// The body a precedent comes from. The raw value is the canonical code written in the YAML files.
public enum Forum: String, Sendable, Hashable, Codable, CaseIterable {
    /// European Court of Human Rights.
    case ecthr = "ECtHR"
    /// UN Committee on the Rights of the Child.
    case crc = "CRC"
    /// UN Human Rights Committee (ICCPR).
    case hrc = "HRC"
    /// UN Committee on Migrant Workers.
    case cmw = "CMW"
    case cedaw = "CEDAW"
    /// UN Committee against Torture.
    case cat = "CAT"
    case cerd = "CERD"
    case cescr = "CESCR"
    case crpd = "CRPD"
    case ced = "CED"
    /// CMW and CRC acting jointly (joint general comments). A forum filter `CMW` or `CRC` finds these too.
    case cmwCRC = "CMW-CRC"
    /// Constitutional Court of the Russian Federation.
    case ksrf = "KSRF"
    /// Supreme Court of the Russian Federation.
    case vsrf = "VSRF"
    /// UN General Assembly (treaties it adopted).
    case unga = "UNGA"
    /// Council of Europe (treaties).
    case coe = "CoE"
    /// Commonwealth of Independent States (agreements).
    case cis = "CIS"

    /// The forums this one belongs to for filtering: itself, and each member of a joint body.
    public var filterCodes: [Forum] {
        self == .cmwCRC ? [.cmwCRC, .cmw, .crc] : [self]
    }

    /// A UN treaty body (cited in the UN style).
    public var isUNTreatyBody: Bool {
        switch self {
        case .crc, .hrc, .cmw, .cedaw, .cat, .cerd, .cescr, .crpd, .ced, .cmwCRC: return true
        default: return false
        }
    }

    /// Full English name: "Committee on the Rights of the Child".
    public var englishName: String {
        switch self {
        case .ecthr: return "European Court of Human Rights"
        case .crc: return "Committee on the Rights of the Child"
        case .hrc: return "Human Rights Committee"
        case .cmw: return "Committee on Migrant Workers"
        case .cedaw: return "Committee on the Elimination of Discrimination against Women"
        case .cat: return "Committee against Torture"
        case .cerd: return "Committee on the Elimination of Racial Discrimination"
        case .cescr: return "Committee on Economic, Social and Cultural Rights"
        case .crpd: return "Committee on the Rights of Persons with Disabilities"
        case .ced: return "Committee on Enforced Disappearances"
        case .cmwCRC: return "Committee on Migrant Workers and Committee on the Rights of the Child"
        case .ksrf: return "Constitutional Court of the Russian Federation"
        case .vsrf: return "Supreme Court of the Russian Federation"
        case .unga: return "United Nations General Assembly"
        case .coe: return "Council of Europe"
        case .cis: return "Commonwealth of Independent States"
        }
    }

    /// Russian name in the genitive, as it follows «Соображения…», «Постановление…»: "Комитета по правам ребенка".
    public var russianGenitive: String {
        switch self {
        case .ecthr: return "ЕСПЧ"
        case .crc: return "Комитета по правам ребенка"
        case .hrc: return "Комитета по правам человека"
        case .cmw: return "Комитета по защите прав всех трудящихся-мигрантов и членов их семей"
        case .cedaw: return "Комитета по ликвидации дискриминации в отношении женщин"
        case .cat: return "Комитета против пыток"
        case .cerd: return "Комитета по ликвидации расовой дискриминации"
        case .cescr: return "Комитета по экономическим, социальным и культурным правам"
        case .crpd: return "Комитета по правам инвалидов"
        case .ced: return "Комитета по насильственным исчезновениям"
        case .cmwCRC: return "Комитета по защите прав всех трудящихся-мигрантов и членов их семей и Комитета по правам ребенка"
        case .ksrf: return "Конституционного Суда РФ"
        case .vsrf: return "Верховного Суда РФ"
        case .unga: return "Генеральной Ассамблеи ООН"
        case .coe: return "Совета Европы"
        case .cis: return "СНГ"
        }
    }

    /// Forum from its code or a name people type: `ECHR`, `ЕСПЧ`, `Strasbourg`, `КС РФ`, `Committee on the Rights of the Child`.
    public init?(parsing text: String) {
        let key = Normalise.key(text)
        guard let f = Forum.aliases[key] else { return nil }
        self = f
    }

    private static let aliases: [String: Forum] = {
        var m: [String: Forum] = [:]
        let table: [(Forum, [String])] = [
            (.ecthr, ["ecthr", "echr", "ecourthr", "european court of human rights", "european court", "strasbourg court",
                      "strasbourg", "еспч", "европейский суд по правам человека", "европейский суд"]),
            (.crc, ["crc", "crc committee", "committee on the rights of the child", "un committee on the rights of the child",
                    "комитет по правам ребенка", "комитет оон по правам ребенка", "кпр"]),
            (.hrc, ["hrc", "ccpr", "human rights committee", "un human rights committee", "комитет по правам человека",
                    "кпч", "комитет оон по правам человека"]),
            (.cmw, ["cmw", "committee on migrant workers", "комитет по трудящимся мигрантам",
                    "комитет по защите прав всех трудящихся мигрантов и членов их семей"]),
            (.cedaw, ["cedaw", "committee on the elimination of discrimination against women",
                      "комитет по ликвидации дискриминации в отношении женщин"]),
            (.cat, ["cat", "committee against torture", "комитет против пыток"]),
            (.cerd, ["cerd", "committee on the elimination of racial discrimination", "комитет по ликвидации расовой дискриминации"]),
            (.cescr, ["cescr", "committee on economic social and cultural rights"]),
            (.crpd, ["crpd", "committee on the rights of persons with disabilities", "комитет по правам инвалидов"]),
            (.ced, ["ced", "committee on enforced disappearances", "комитет по насильственным исчезновениям"]),
            (.cmwCRC, ["cmw-crc", "cmw crc", "cmw+crc", "joint cmw crc"]),
            (.ksrf, ["ksrf", "constitutional court", "constitutional court of russia",
                     "constitutional court of the russian federation", "кс рф", "кс", "конституционный суд",
                     "конституционный суд рф", "конституционный суд российской федерации"]),
            (.vsrf, ["vsrf", "supreme court of russia", "supreme court of the russian federation", "вс рф",
                     "верховный суд", "верховный суд рф", "верховный суд российской федерации"]),
            (.unga, ["unga", "un general assembly", "general assembly", "генеральная ассамблея оон"]),
            (.coe, ["coe", "council of europe", "совет европы"]),
            (.cis, ["cis", "commonwealth of independent states", "снг", "содружество независимых государств"]),
        ]
        for (f, names) in table {
            m[Normalise.key(f.rawValue)] = f
            for n in names { m[Normalise.key(n)] = f }
        }
        return m
    }()
}

/// Text folding shared by the forgiving parsers: lower case, `ё`→`е`, punctuation to spaces, single spaces.
enum Normalise {
    static func key(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text.lowercased() {
            var c = ch
            if c == "ё" { c = "е" }
            if c.isLetter || c.isNumber || c == "+" {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(c)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
