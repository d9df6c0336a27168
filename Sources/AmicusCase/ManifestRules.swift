/// The rules of a forum a manifest can declare beyond its fields: how long the filing may be, and which cases the
/// forum can hear at all. Checked after the case is read (admissibility) and after rendering (length).

/// `word_limit:` — a number, or a limit chosen by a case field, with the annexes left uncounted.
///
/// ```yaml
/// word_limit:
///   by: report.procedure
///   limits: {loipr-comprehensive: 10000, loipr-thematic: 3000}
///   excluding_from: "Annexes"
/// ```
public struct WordLimit: Sendable, Hashable {
    /// The limit whatever the case says (the short form `word_limit: 10000`).
    public var fixed: Int?
    /// The case field whose value picks the limit (`report.procedure`).
    public var by: String?
    /// Limits by that field's value, in the manifest's order. A value not listed has no verified limit.
    public var limits: [Choice]
    /// A paragraph reading exactly this (its last occurrence) starts what is not counted: the annexes.
    public var excludingFrom: String?
    public var position: SourcePosition

    public struct Choice: Sendable, Hashable {
        public var value: String
        public var limit: Int
    }

    public init(fixed: Int? = nil, by: String? = nil, limits: [Choice] = [], excludingFrom: String? = nil,
                position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        self.fixed = fixed
        self.by = by
        self.limits = limits
        self.excludingFrom = excludingFrom
        self.position = position
    }
}

/// `admissibility:` — which forum's door to check before rendering, and where the case keeps what it depends on.
///
/// ```yaml
/// admissibility:
///   route: ecthr                 # or op3-crc
///   state: respondent_state      # the field holding the respondent State (ISO 3166-1 alpha-2)
///   dates: ["events[].date"]     # the fields holding the dates of the facts complained of
/// ```
public struct AdmissibilityRule: Sendable, Hashable {
    public static let routes = ["ecthr", "op3-crc"]
    public var route: String
    /// A dotted path into the case (`respondent_state`, `proceedings.state`).
    public var statePath: String
    /// Dotted paths; `[]` after a name goes through every item of a list (`events[].date`).
    public var datePaths: [String]
    public var position: SourcePosition

    public init(route: String, statePath: String, datePaths: [String], position: SourcePosition) {
        self.route = route
        self.statePath = statePath
        self.datePaths = datePaths
        self.position = position
    }
}

extension ManifestReader {
    mutating func readWordLimit(in root: CaseNode) -> WordLimit? {
        guard let node = root["word_limit"], !node.isNull else { return nil }
        let path = CasePath.root.appending("word_limit")
        if let number = node.int {
            guard number > 0 else {
                report(at: node.position, path: path, "expected a whole number above 0, got \(number)")
                return nil
            }
            return WordLimit(fixed: number, position: node.position)
        }
        guard let entries = node.entries else {
            report(at: node.position, path: path, "expected a whole number above 0, or a mapping with `by`, `limits` and `excluding_from`")
            return nil
        }
        let keys = ["limit", "by", "limits", "excluding_from"]
        for entry in entries where !keys.contains(entry.key) {
            report(at: entry.keyPosition, path: path.appending(entry.key), "unknown key" + DidYouMean.hint(for: entry.key, among: keys))
        }
        var rule = WordLimit(position: node.position)
        if let limit = node["limit"] {
            if let number = limit.int, number > 0 { rule.fixed = number } else {
                report(at: limit.position, path: path.appending("limit"), "expected a whole number above 0")
            }
        }
        if let by = node["by"] {
            if let text = by.string, !text.isEmpty { rule.by = text } else {
                report(at: by.position, path: path.appending("by"), "expected the dotted path of a case field, like report.procedure")
            }
        }
        if let limits = node["limits"] {
            if let choices = limits.entries {
                for choice in choices {
                    if let number = choice.value.int, number > 0 {
                        rule.limits.append(WordLimit.Choice(value: choice.key, limit: number))
                    } else {
                        report(at: choice.value.position, path: path.appending("limits").appending(choice.key), "expected a whole number above 0")
                    }
                }
            } else {
                report(at: limits.position, path: path.appending("limits"), "expected a mapping from the field's values to limits, like {loipr-thematic: 3000}")
            }
        }
        if (rule.by == nil) != rule.limits.isEmpty {
            report(at: node.position, path: path, "`by` and `limits` go together: the field that picks the limit, and the limit for each value")
        }
        if let from = node["excluding_from"] {
            if let text = from.scalarText, !text.trimmingSpaces().isEmpty { rule.excludingFrom = text.trimmingSpaces() } else {
                report(at: from.position, path: path.appending("excluding_from"), "expected the text of the paragraph where the uncounted part begins, like \"Annexes\"")
            }
        }
        if rule.fixed == nil && rule.by == nil {
            report(at: node.position, path: path, "give a `limit`, or `by` and `limits`")
        }
        return rule
    }

    mutating func readAdmissibility(in root: CaseNode) -> AdmissibilityRule? {
        guard let node = root["admissibility"], !node.isNull else { return nil }
        let path = CasePath.root.appending("admissibility")
        guard let entries = node.entries else {
            report(at: node.position, path: path, "expected a mapping with `route`, `state` and `dates`")
            return nil
        }
        let keys = ["route", "state", "dates"]
        for entry in entries where !keys.contains(entry.key) {
            report(at: entry.keyPosition, path: path.appending(entry.key), "unknown key" + DidYouMean.hint(for: entry.key, among: keys))
        }
        var route: String?
        if let value = node["route"]?.string, AdmissibilityRule.routes.contains(value) {
            route = value
        } else {
            report(at: node["route"]?.position ?? node.position, path: path.appending("route"),
                   "expected one of \(AdmissibilityRule.routes.joined(separator: ", "))")
        }
        let state = node["state"]?.string
        if state == nil || state!.isEmpty {
            report(at: node["state"]?.position ?? node.position, path: path.appending("state"),
                   "expected the dotted path of the case field holding the respondent State, like respondent_state")
        }
        var dates: [String] = []
        if let list = node["dates"]?.list, !list.isEmpty, list.allSatisfy({ $0.string?.isEmpty == false }) {
            dates = list.compactMap(\.string)
        } else if let single = node["dates"]?.string, !single.isEmpty {
            dates = [single]
        } else {
            report(at: node["dates"]?.position ?? node.position, path: path.appending("dates"),
                   "expected the paths of the fields holding the dates of the facts, like [\"events[].date\"]")
        }
        guard let route, let state, !state.isEmpty, !dates.isEmpty else { return nil }
        return AdmissibilityRule(route: route, statePath: state, datePaths: dates, position: node.position)
    }

    private mutating func report(at position: SourcePosition, path: CasePath, _ message: String) {
        diagnostics.append(CaseDiagnostic(file: file, at: position, path: path, message))
    }
}
