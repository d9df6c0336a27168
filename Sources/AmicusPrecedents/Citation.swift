import Foundation

/// How a citation is written. `.ecthr` and `.un` are the two English styles: each record is written in the
/// English form of its own forum (the Court's form for Strasbourg judgments, the treaty-body form for UN
/// documents, a plain form for courts and treaties), whichever English style is asked. `.ru` is the Russian
/// form used before Russian courts.
public enum CitationStyle: String, Sendable, Hashable, CaseIterable {
    case ecthr
    case un
    case ru

    /// `ru…` → `.ru`; any other language → the forum's own English style (`.un` for UN treaty bodies, else `.ecthr`).
    public static func defaultStyle(forLanguage language: String, forum: Forum) -> CitationStyle {
        if language.lowercased().hasPrefix("ru") { return .ru }
        return forum.isUNTreatyBody ? .un : .ecthr
    }
}

/// A citation with what the caller needs to decide whether to flag it. The text never carries markers.
public struct Citation: Sendable, Hashable, CustomStringConvertible {
    /// Plain text, no markup.
    public var text: String
    /// The record's `verified` flag.
    public var recordVerified: Bool
    /// The record's unverified fields that this citation prints (`number`, `date`, `decision_type`…).
    public var unverifiedFields: [String]
    /// nil without a pinpoint; true if the pinpoint is one of the record's key paragraphs (confirmed by the
    /// reference), false if the corpus does not confirm it.
    public var pinpointInCorpus: Bool?
    /// The record is verified and nothing printed is marked unverified (the pinpoint is reported separately).
    public var isVerified: Bool { recordVerified && unverifiedFields.isEmpty }
    public var description: String { text }
}

/// The citation text of `precedent`, with an optional pinpoint (`"56"`, `"56-58"`, `"§ 56"`, `"para. 14"`).
///
///     cite(kim, para: "56", style: .ecthr)  // Kim v. Russia, no. 44260/13, § 56, 17 July 2014
///     cite(kim, para: "56", style: .ru)     // Постановление ЕСПЧ от 17.07.2014 по делу «Kim v. Russia» (жалоба № 44260/13), § 56
public func cite(_ precedent: Precedent, para: String? = nil, style: CitationStyle) -> String {
    Citations.text(precedent, para: para, style: style)
}

/// Same, with an integer pinpoint.
public func cite(_ precedent: Precedent, para: Int, style: CitationStyle) -> String {
    Citations.text(precedent, para: String(para), style: style)
}

extension Precedent {
    /// The citation and its verification status. `style` nil: the forum's English style.
    public func citation(para: String? = nil, style: CitationStyle? = nil) -> Citation {
        let style = style ?? CitationStyle.defaultStyle(forLanguage: "en", forum: forum)
        let text = Citations.text(self, para: para, style: style)
        let used = Citations.fieldsUsed(self, style: style)
        let unverifiedUsed = unverified.filter { u in
            let head = String(u.split(separator: ".", maxSplits: 1).first ?? "")
            return used.contains(head)
        }
        var inCorpus: Bool?
        if let para, !Citations.normalisePinpoint(para).isEmpty { inCorpus = keyParagraph(para) != nil }
        return Citation(text: text, recordVerified: verified, unverifiedFields: unverifiedUsed, pinpointInCorpus: inCorpus)
    }
}

enum Citations {
    /// `§§ 56–58` → `56-58`; `para. 14` → `14`; `п. 3` → `3`.
    static func normalisePinpoint(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        let prefixes = ["§§", "§", "paras.", "paras", "para.", "para", "paragraphs", "paragraph", "пп.", "пп", "п.", "п", "pp.", "p."]
        var changed = true
        while changed {
            changed = false
            for p in prefixes where s.lowercased().hasPrefix(p) {
                s = String(s.dropFirst(p.count)).trimmingCharacters(in: .whitespaces)
                changed = true
                break
            }
        }
        s = s.replacingOccurrences(of: " - ", with: "-")
        return s
    }

    static func isRange(_ pin: String) -> Bool {
        pin.contains("-") || pin.contains(",") || pin.contains(" and ") || pin.contains(" и ")
    }

    /// Application numbers: "39472/07 and 39474/07" → ["39472/07", "39474/07"].
    static func numbers(_ number: String) -> [String] {
        number.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " и ", with: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func fieldsUsed(_ p: Precedent, style: CitationStyle) -> Set<String> {
        // A field the record does not have cannot put an unverified fact into the citation.
        var s: Set<String> = ["title", "date", "decision_type", "cite_as", "forum"]
        if p.number != nil { s.insert("number") }
        if p.symbol != nil { s.insert("symbol") }
        if style == .ru { s.insert("title_ru") }
        if p.forum == .ksrf || p.forum == .vsrf { s.insert("identifiers") }
        return s
    }

    static func text(_ p: Precedent, para: String?, style: CitationStyle) -> String {
        let pin = para.map(normalisePinpoint).flatMap { $0.isEmpty ? nil : $0 }
        switch style {
        case .ru: return russian(p, pin: pin)
        case .ecthr, .un: return english(p, pin: pin)
        }
    }

    // MARK: English

    static func english(_ p: Precedent, pin: String?) -> String {
        switch p.forum {
        case .ecthr: return englishECtHR(p, pin: pin)
        case .ksrf, .vsrf: return englishRussianCourt(p, pin: pin)
        default:
            if p.forum.isUNTreatyBody { return englishUN(p, pin: pin) }
            return englishPlain(p, pin: pin)
        }
    }

    /// `Kim v. Russia, no. 44260/13, § 56, 17 July 2014`; a decision gets `(dec.)` after the name.
    static func englishECtHR(_ p: Precedent, pin: String?) -> String {
        var parts: [String] = [p.title + (p.decisionType == .decision ? " (dec.)" : "")]
        if let n = p.number {
            let nos = numbers(n)
            switch nos.count {
            case 0: break
            case 1: parts.append("no. \(nos[0])")
            case 2: parts.append("nos. \(nos[0]) and \(nos[1])")
            default: parts.append("nos. \(nos[0]) and \(nos.count - 1) others")
            }
        }
        if let pin { parts.append((isRange(pin) ? "§§ " : "§ ") + pin) }
        parts.append(p.date.english)
        return parts.joined(separator: ", ")
    }

    static func unPara(_ pin: String?) -> String? {
        pin.map { (isRange($0) ? "paras. " : "para. ") + $0 }
    }

    /// Communications: `Committee on the Rights of the Child, D.D. v. Spain, communication No. 4/2016, Views adopted on
    /// 1 February 2019, CRC/C/80/D/4/2016, para. 14`. General comments and concluding observations:
    /// `Committee on the Rights of the Child, general comment No. 14 (2013), CRC/C/GC/14, para. 5`.
    static func englishUN(_ p: Precedent, pin: String?) -> String {
        var parts: [String] = []
        let body = p.forum == .cmwCRC ? nil : p.forum.englishName
        switch p.decisionType {
        case .generalComment, .concludingObservations, .treaty:
            if let body { parts.append(body) }
            var name = p.citeAs ?? p.title
            if p.decisionType == .concludingObservations { name += ", adopted on \(p.date.english)" }
            parts.append(name)
            if let s = p.symbol ?? p.number { parts.append(s) }
        default:
            if let body { parts.append(body) }
            parts.append(p.citeAs ?? p.title)
            if let n = p.number {
                let nos = numbers(n)
                parts.append(nos.count > 1 ? "communications Nos. " + nos.joined(separator: " and ") : "communication No. \(n)")
            }
            switch p.decisionType {
            case .views: parts.append("Views adopted on \(p.date.english)")
            case .decision: parts.append("decision adopted on \(p.date.english)")
            default: parts.append("adopted on \(p.date.english)")
            }
            if let s = p.symbol { parts.append(s) }
        }
        if let pp = unPara(pin) { parts.append(pp) }
        return parts.joined(separator: ", ")
    }

    /// `Constitutional Court of the Russian Federation, Judgment No. 14-P/2017, 23 May 2017, para. 4`.
    static func englishRussianCourt(_ p: Precedent, pin: String?) -> String {
        var parts = [p.forum.englishName]
        let kind: String
        switch p.decisionType {
        case .judgment: kind = "Judgment"
        case .decision: kind = "Decision"
        default: kind = "Ruling"
        }
        if let n = p.identifiers["transliterated"] ?? p.number {
            parts.append("\(kind) No. \(n)/\(p.date.year)")
        } else {
            parts.append(kind)
        }
        parts.append(p.date.english)
        if let pp = unPara(pin) { parts.append(pp) }
        return parts.joined(separator: ", ")
    }

    /// Treaties and anything else: `Convention on the Rights of the Child, GA resolution 44/25, 20 November 1989`.
    static func englishPlain(_ p: Precedent, pin: String?) -> String {
        var parts = [p.citeAs ?? p.title]
        if let n = p.symbol ?? p.number { parts.append(n) }
        parts.append(p.date.english)
        if let pp = unPara(pin) { parts.append(pp) }
        return parts.joined(separator: ", ")
    }

    // MARK: Russian

    static func ruPara(_ pin: String?, section: Bool) -> String {
        guard let pin else { return "" }
        if section { return (isRange(pin) ? ", §§ " : ", § ") + pin }
        return (isRange(pin) ? ", пп. " : ", п. ") + pin
    }

    static func russian(_ p: Precedent, pin: String?) -> String {
        let date = p.date.russianNumeric
        switch p.forum {
        case .ecthr:
            // Постановление ЕСПЧ от 17.07.2014 по делу «Kim v. Russia» (жалоба № 44260/13), § 56
            let kind = p.decisionType == .judgment || p.decisionType == .decision ? p.kindName(russian: true) ?? "Акт" : "Акт"
            var s = "\(kind) ЕСПЧ от \(date) по делу «\(p.titleRU ?? p.title)»"
            if let n = p.number {
                let nos = numbers(n)
                switch nos.count {
                case 0: break
                case 1: s += " (жалоба № \(nos[0]))"
                case 2: s += " (жалобы № \(nos[0]) и \(nos[1]))"
                default: s += " (жалобы № \(nos[0]) и другие)"
                }
            }
            return s + ruPara(pin, section: true)
        case .ksrf, .vsrf:
            // Постановление Конституционного Суда РФ от 23.05.2017 N 14-П «По делу о …»
            let kind = p.decisionType == .judgment || p.decisionType == .decision ? p.kindName(russian: true) ?? "Акт" : "Акт"
            var s = "\(kind) \(p.forum.russianGenitive) от \(date)"
            if let n = p.number { s += " N \(n)" }
            if let t = p.titleRU { s += " «\(t)»" }
            return s + ruPara(pin, section: false)
        default:
            if p.forum.isUNTreatyBody { return russianUN(p, pin: pin) }
            // Treaties and others: the title as the record gives it.
            var s = "«\(p.titleRU ?? p.citeAs ?? p.title)»"
            if let n = p.symbol ?? p.number { s += " (\(n))" }
            s += " от \(date)"
            return s + ruPara(pin, section: false)
        }
    }

    static func russianUN(_ p: Precedent, pin: String?) -> String {
        let date = p.date.russianNumeric
        let body = p.forum.russianGenitive
        switch p.decisionType {
        case .generalComment:
            // Замечание общего порядка № 14 (2013) Комитета по правам ребенка (CRC/C/GC/14)
            var s = p.kindName(russian: true) ?? "Замечание общего порядка"
            if p.forum != .cmwCRC, let no = generalCommentNumber(p.citeAs ?? p.title) { s += " № \(no)" }
            s += " \(body)"
            if let sym = p.symbol ?? p.number { s += " (\(sym))" }
            return s + ruPara(pin, section: false)
        case .concludingObservations:
            var s = "\(p.kindName(russian: true) ?? "Заключительные замечания") \(body) от \(date)"
            if let sym = p.symbol ?? p.number { s += " (\(sym))" }
            return s + ruPara(pin, section: false)
        default:
            // Соображения Комитета по правам ребенка от 01.02.2019 по сообщению № 4/2016 (CRC/C/80/D/4/2016)
            let kind = p.decisionType == .views || p.decisionType == .decision ? p.kindName(russian: true) ?? "Документ" : "Документ"
            var s = "\(kind) \(body) от \(date)"
            if let n = p.number {
                let nos = numbers(n)
                s += nos.count > 1 ? " по сообщениям № " + nos.joined(separator: " и ") : " по сообщению № \(n)"
            }
            if let sym = p.symbol { s += " (\(sym))" }
            return s + ruPara(pin, section: false)
        }
    }

    /// "general comment No. 14 (2013)" → "14 (2013)"; nil unless exactly one such number is found.
    static func generalCommentNumber(_ text: String) -> String? {
        let scalars = Array(text)
        var found: [String] = []
        var i = 0
        while i < scalars.count {
            if String(scalars[i..<min(i + 4, scalars.count)]) == "No. " {
                var j = i + 4
                var num = ""
                while j < scalars.count, scalars[j].isASCIIDigit { num.append(scalars[j]); j += 1 }
                if !num.isEmpty {
                    var out = num
                    if j + 6 < scalars.count + 1, j + 6 <= scalars.count, String(scalars[j..<j + 2]) == " (",
                       scalars[j + 2..<j + 6].allSatisfy(\.isASCIIDigit), j + 6 < scalars.count, scalars[j + 6] == ")" {
                        out += " (" + String(scalars[j + 2..<j + 6]) + ")"
                    }
                    found.append(out)
                }
                i = j
            } else { i += 1 }
        }
        return found.count == 1 ? found[0] : nil
    }
}
