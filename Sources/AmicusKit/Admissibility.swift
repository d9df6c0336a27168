import AmicusCase

/// Whether the forum a template addresses can hear the case at all, checked before anything is rendered: a
/// Rule 39 request against Russia for events after 16 September 2022, or an OP3-CRC communication against a
/// State that has not accepted the procedure, would be refused by the forum, so Amicus refuses to produce it and
/// says where the case can go instead.
enum Admissibility {
    static func check(_ rule: AdmissibilityRule, case document: CaseDocument, manifest: String) -> [Diagnostic] {
        let located = "\(document.file)"
        let stateNodes = CaseLookup.nodes(at: rule.statePath, in: document.root)
        guard let stateNode = stateNodes.first, let typed = stateNode.string, !typed.isEmpty else {
            return [Diagnostic(.error, "\(located): error: \(rule.statePath): the respondent State is needed to check that the forum can hear the case (\(manifest) names this field)")]
        }
        let position = "\(document.file):\(stateNode.position.line):\(stateNode.position.column)"
        let state = typed.uppercased()
        let dates = rule.datePaths.flatMap { path in
            CaseLookup.nodes(at: path, in: document.root).compactMap { node in node.date.map { (path: path, date: $0, node: node) } }
        }
        switch rule.route {
        case "ecthr": return ecthr(state: state, at: position, dates: dates, file: document.file)
        case "op3-crc": return op3(state: state, at: position, dates: dates, file: document.file)
        default: return []
        }
    }

    typealias DatedFact = (path: String, date: CaseDate, node: CaseNode)

    static func ecthr(state: String, at position: String, dates: [DatedFact], file: String) -> [Diagnostic] {
        let data: CaseDocument
        switch ForumData.load("ecthr.yaml") {
        case .success(let loaded): data = loaded
        case .failure(let problems): return problems.diagnostics
        }
        var problems: [Diagnostic] = []
        if let former = data.root["former_parties"]?[state], let ceased = former["ceased"]?.date {
            let late = dates.filter { DayNumber($0.date) > DayNumber(ceased) }
            if !late.isEmpty {
                let routes = (former["un_routes"]?.list ?? []).compactMap(\.string)
                let listed = late.prefix(3).map { "\($0.path) \($0.date) (\(file):\($0.node.position.line):\($0.node.position.column))" }.joined(separator: ", ")
                problems.append(Diagnostic(.error, "\(position): error: the European Court of Human Rights cannot hear this case: \(former["name"]?.string ?? state) ceased to be a party to the Convention on \(Dates.long(ceased)), and the Court deals only with acts or omissions up to that date; facts after it: \(listed)\(late.count > 3 ? " and \(late.count - 3) more" : ""). Routes that remain open: \(routes.joined(separator: "; "))."))
            }
        }
        if let outside = data.root["outside_convention"], (outside["states"]?.list ?? []).contains(where: { $0.string == state }) {
            problems.append(Diagnostic(.warning, "\(position): warning: \(state) is not a party to the European Convention on Human Rights as far as Amicus's data says (unverified): the Court cannot hear an application against it"))
        }
        return problems
    }

    static func op3(state: String, at position: String, dates: [DatedFact], file: String) -> [Diagnostic] {
        let data: CaseDocument
        switch ForumData.load("op3-crc.yaml") {
        case .success(let loaded): data = loaded
        case .failure(let problems): return problems.diagnostics
        }
        let route = "an individual communication to the Committee on the Rights of the Child under the third Optional Protocol (OP3-CRC)"
        guard let record = data.root["states"]?[state] else {
            return [Diagnostic(.error, "\(position): error: \(state) is not in Amicus's list of States and their OP3-CRC status (op3-crc.yaml); check the UN Treaty Collection (chapter IV-11-d) and add the State there with its source before filing \(route)")]
        }
        let name = record["name"]?.string ?? state
        let unverified = record["verified"]?.bool == false
        let note = record["note"]?.string.map { " (\($0))" } ?? ""
        switch record["status"]?.string {
        case "party":
            guard let inForce = record["in_force"]?.date else {
                return [Diagnostic(.warning, "\(position): warning: \(name) is a party to OP3-CRC, but the date it entered into force for \(name) is unverified\(note); check that every fact complained of is after it")]
            }
            let early = dates.filter { DayNumber($0.date) < DayNumber(inForce) }
            guard early.isEmpty else {
                let listed = early.prefix(3).map { "\($0.path) \($0.date) (\(file):\($0.node.position.line):\($0.node.position.column))" }.joined(separator: ", ")
                return [Diagnostic(.error, "\(position): error: the Committee can examine only facts after OP3-CRC entered into force for \(name) on \(Dates.long(inForce)) (art. 20(2)); facts before it: \(listed)\(early.count > 3 ? " and \(early.count - 3) more" : ""). A violation that continues after that date must be argued as such; leave the earlier facts in the narrative, not among the dated facts complained of.")]
            }
            return unverified ? [Diagnostic(.warning, "\(position): warning: \(name)'s OP3-CRC record is not fully verified\(note)")] : []
        case "not-party":
            return [Diagnostic(.error, "\(position): error: \(name) is not a party to OP3-CRC\(unverified ? " (status unverified)" : "")\(note), so the Committee cannot receive \(route) against it. Other routes: the UN treaty bodies whose complaint procedures \(name) has accepted, or the Special Rapporteur on the human rights of migrants, who needs no ratification")]
        default:
            return [Diagnostic(.error, "\(position): error: whether \(name) accepts OP3-CRC communications is unverified\(note); confirm it in the UN Treaty Collection (chapter IV-11-d) and record the date in op3-crc.yaml before filing")]
        }
    }
}

/// Values of a case by dotted path, `[]` going through every item of a list: `events[].date`.
enum CaseLookup {
    static func nodes(at path: String, in root: CaseNode) -> [CaseNode] {
        var current = [root]
        for component in path.split(separator: ".") {
            var name = Substring(component)
            let everyItem = name.hasSuffix("[]")
            if everyItem { name = name.dropLast(2) }
            current = current.compactMap { $0[String(name)] }
            if everyItem { current = current.flatMap { $0.list ?? [] } }
        }
        return current.filter { !$0.isNull }
    }
}

/// English long dates for messages: 16 September 2022.
enum Dates {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static func long(_ date: CaseDate) -> String { "\(date.day) \(months[date.month - 1]) \(date.year)" }
}
