extension TemplateManifest {
    /// Checks a case file against this manifest, reporting every missing or mistyped field at once.
    ///
    /// A missing field is reported where its parent starts (the line of `applicant:`, or the item of a list);
    /// a mistyped one at its value; list items by index (`events[3].date`, from 0). Keys the manifest does not
    /// declare are allowed, except in objects declared with `additional: false`, where each is an error with a
    /// suggestion. `diagnostics` are in file order; empty when the case fits.
    ///
    /// `document` is the case with the manifest's conversions applied: a quoted `'2016-02-15'` in a date field
    /// becomes a date; a number, date or boolean in a string field becomes the text exactly as written; an enum
    /// value becomes text. Positions are kept. Fields the manifest does not declare are left as read.
    public func validate(_ document: CaseDocument) -> (document: CaseDocument, diagnostics: [CaseDiagnostic]) {
        var validator = ManifestValidator(file: document.file)
        var checked = document
        if let converted = validator.check(document.root, spec: root, missingAt: document.root.position) {
            checked.root = converted
        }
        return (checked, CaseDiagnostic.ordered(validator.diagnostics))
    }
}

extension TemplateManifest {
    /// Validates what `CaseLoader.read` gave, merging its diagnostics with the manifest's: the one call behind
    /// `amicus check`. A problem both see (an impossible date in a date field) is reported once.
    public func validate(_ reading: CaseReading) -> CaseReading {
        guard let document = reading.document else { return reading }
        let validation = validate(document)
        var seen = Set<CaseDiagnostic>()
        let merged = (reading.diagnostics + validation.diagnostics).filter { seen.insert($0).inserted }
        return CaseReading(document: validation.document, diagnostics: merged)
    }
}

/// Walks a case tree beside a manifest's specs, converting where the manifest allows it and recording every
/// mismatch. A check returns a node only when it converted something in it (nil: the node stands as it was), so
/// the validated case shares every unchanged list, mapping and text with the case as read: a batch can keep the
/// validated cases without holding a second copy of each.
struct ManifestValidator {
    let file: String
    var diagnostics: [CaseDiagnostic] = []
    /// Where the walk is: pushed and popped as it goes down and up, and made into a `CasePath` only for a
    /// message (copying a path for every value, with rebuilding every text node, was a third of validating a case).
    private var trail: [CasePath.Component] = []

    init(file: String) { self.file = file }

    private var path: CasePath { CasePath(components: trail) }

    /// Checks the node at `component` below the current place.
    private mutating func check(_ node: CaseNode, spec: FieldSpec, at component: CasePath.Component,
                                missingAt: SourcePosition) -> CaseNode? {
        trail.append(component)
        defer { trail.removeLast() }
        return check(node, spec: spec, missingAt: missingAt)
    }

    /// Reports a problem of the value at `component` below the current place.
    private mutating func error(at position: SourcePosition, below component: CasePath.Component, _ message: String) {
        trail.append(component)
        defer { trail.removeLast() }
        error(at: position, message)
    }

    /// Checks a node that is present and not null against `spec`; returns it converted, or nil when it stands.
    mutating func check(_ node: CaseNode, spec: FieldSpec, missingAt: SourcePosition) -> CaseNode? {
        switch spec.type {
        case .any:
            return nil
        case .string, .text:
            guard let text = scalarText(node) else { return mismatch(node, expected: "text") }
            // On the bytes: Foundation's character search costs more than the rest of a case's validation.
            if case .string = spec.type, text.utf8.contains(0x0A) {
                let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
                error(at: node.position, "expected one line of text, but the value has \(lines) lines")
            }
            if case .string = node.value { return nil }
            return CaseNode(.string(text), at: node.position, source: node.source)
        case .date:
            return checkDate(node)
        case .int:
            if node.int != nil { return nil }
            return mismatch(node, expected: "a whole number like 42", hint: numberHint(node))
        case .number:
            if node.int != nil || node.double != nil { return nil }
            return mismatch(node, expected: "a number like 2.5", hint: numberHint(node))
        case .bool:
            if node.bool != nil { return nil }
            return mismatch(node, expected: "true or false")
        case .enumeration(let values):
            if let text = scalarText(node), values.contains(text) {
                if case .string = node.value { return nil }
                return CaseNode(.string(text), at: node.position, source: node.source)
            }
            let shownValues = values.count <= 12
                ? values.joined(separator: ", ")
                : values.prefix(12).joined(separator: ", ") + " …"
            let hint = scalarText(node).flatMap { DidYouMean.suggestion(for: $0, among: values) }
                .map { "did you mean \"\($0)\"?" }
            return mismatch(node, expected: "one of \(shownValues)", hint: hint)
        case .list(let itemSpec, let low, let high):
            guard let items = node.list else {
                return mismatch(node, expected: "a list", hint: "write each item on its own line, starting with `- `")
            }
            if let low, items.count < low {
                error(at: node.position, "expected at least \(low) \(low == 1 ? "item" : "items"), got \(items.count)")
            }
            if let high, items.count > high {
                error(at: node.position, "expected at most \(high) \(high == 1 ? "item" : "items"), got \(items.count)")
            }
            var checked: [CaseNode]? = nil
            for (index, item) in items.enumerated() {
                if item.isNull {
                    error(at: item.position, below: .index(index), "this list item is empty")
                } else if let converted = check(item, spec: itemSpec, at: .index(index), missingAt: item.position) {
                    if checked == nil { checked = items }
                    checked![index] = converted
                }
            }
            return checked.map { CaseNode(.list($0), at: node.position, source: node.source) }
        case .object(let fields, let additional):
            guard let entries = node.entries else {
                return mismatch(node, expected: "a mapping of fields (`key: value` lines)")
            }
            return checkObject(node, entries: entries, fields: fields, additional: additional, missingAt: missingAt)
        }
    }

    /// One pass over the entries, each matched to its field (a case file mostly lists the fields in the
    /// manifest's order, so the next field is tried first); then the fields no entry had. Names are listed only
    /// for a message.
    private mutating func checkObject(_ node: CaseNode, entries: [CaseEntry], fields: [FieldSpec], additional: Bool,
                                      missingAt: SourcePosition) -> CaseNode? {
        var checked: [CaseEntry]? = nil
        var undeclared: [CaseEntry] = []
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: fields.count) { seen in
            seen.initialize(repeating: false)
            var next = 0
            for (index, entry) in entries.enumerated() {
                var field = -1
                if next < fields.count && fields[next].name == entry.key {
                    field = next
                } else if let found = fields.firstIndex(where: { $0.name == entry.key }) {
                    field = found
                }
                guard field >= 0 else { undeclared.append(entry); continue }
                next = field + 1
                // A key written twice is the reader's error; the first is checked, as the reader keeps it.
                guard !seen[field] else { continue }
                seen[field] = true
                let spec = fields[field]
                if entry.value.isNull {
                    if spec.required {
                        error(at: entry.value.position, below: .key(spec.name), "required field is empty")
                    }
                    continue
                }
                if let converted = check(entry.value, spec: spec, at: .key(spec.name), missingAt: entry.keyPosition) {
                    if checked == nil { checked = entries }
                    checked![index].value = converted
                }
            }
            for (field, spec) in fields.enumerated() where !seen[field] && spec.required {
                var message = "required field is missing"
                if let typo = DidYouMean.suggestion(for: spec.name, among: undeclared.map(\.key)),
                   let entry = undeclared.first(where: { $0.key == typo }) {
                    message += " (is \"\(typo)\" at line \(entry.keyPosition.line) a misspelling of it?)"
                }
                error(at: missingAt, below: .key(spec.name), message)
            }
        }
        if !additional && !undeclared.isEmpty {
            let declared = fields.map(\.name)
            for entry in undeclared {
                let hint = DidYouMean.hint(for: entry.key, among: declared)
                let allowed = hint.isEmpty && declared.count <= 12
                    ? "; the fields here are " + declared.joined(separator: ", ") : ""
                error(at: entry.keyPosition, below: .key(entry.key), "unknown field\(hint)\(allowed)")
            }
        }
        return checked.map { CaseNode(.map($0), at: node.position, source: node.source) }
    }

    private mutating func checkDate(_ node: CaseNode) -> CaseNode? {
        if node.date != nil { return nil }
        if let text = node.string {
            switch DateSyntax.match(text) {
            case .date(let date):
                return CaseNode(.date(date), at: node.position, source: node.source)
            case .impossible(let reason):
                error(at: node.position, "\"\(text)\" is not a real date: \(reason)")
                return nil
            case .none:
                break
            }
        }
        return mismatch(node, expected: "a date like 2016-02-15")
    }

    /// The text of a scalar as the lawyer wrote it; nil for lists and mappings.
    private func scalarText(_ node: CaseNode) -> String? {
        if node.list != nil || node.entries != nil { return nil }
        return node.scalarText
    }

    private func numberHint(_ node: CaseNode) -> String? {
        guard let text = node.string else { return nil }
        return ScalarTyping.numberHint(text)
    }

    private mutating func mismatch(_ node: CaseNode, expected: String, hint: String? = nil) -> CaseNode? {
        var message = "expected \(expected), got \(Self.shown(node))"
        if let hint { message += " (\(hint))" }
        error(at: node.position, message)
        return nil
    }

    /// A value as a message shows it: text in quotes (shortened), numbers and dates as written, collections
    /// by kind.
    static func shown(_ node: CaseNode) -> String {
        switch node.value {
        case .string(let text):
            let oneLine = text.replacingAll("\n", with: "⏎")
            let short = oneLine.count > 60 ? String(oneLine.prefix(57)) + "…" : oneLine
            return "\"" + short + "\""
        case .list: return "a list"
        case .map: return "a mapping"
        case .null: return "nothing"
        default: return node.scalarText ?? node.kindDescription
        }
    }

    private mutating func error(at position: SourcePosition, _ message: String) {
        diagnostics.append(CaseDiagnostic(file: file, at: position, path: path, message))
    }
}
