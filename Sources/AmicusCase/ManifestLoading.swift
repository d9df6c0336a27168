extension TemplateManifest {
    /// Reads and checks `manifest.yaml`. Every problem in the manifest (an unknown type, an unknown key, a
    /// field declared twice …) is reported at once with its position.
    public static func load(path: String) throws(CaseErrors) -> TemplateManifest {
        try interpret(CaseLoader.read(path: path))
    }

    /// Reads a manifest from text in memory; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws(CaseErrors) -> TemplateManifest {
        try interpret(CaseLoader.read(bytes: Array(text.utf8), file: file))
    }

    /// Goes on past YAML-level problems that leave a tree (a duplicate key), so all are reported together.
    static func interpret(_ reading: CaseReading) throws(CaseErrors) -> TemplateManifest {
        guard let document = reading.document else { throw CaseErrors(reading.diagnostics) }
        var reader = ManifestReader(file: document.file)
        let manifest = reader.read(document.root)
        let errors = reading.diagnostics.filter { $0.severity == .error } + reader.diagnostics
        if let manifest, errors.isEmpty { return manifest }
        throw CaseErrors(CaseDiagnostic.ordered(errors))
    }
}

/// Interprets the YAML tree of a manifest, collecting every problem instead of stopping at the first.
struct ManifestReader {
    let file: String
    var diagnostics: [CaseDiagnostic] = []

    static let topKeys = ["title", "description", "language", "forum", "procedure", "requisites", "word_limit", "page_limit",
                          "additional", "fields", "admissibility"]
    static let specKeys = ["type", "required", "description", "values", "items", "min", "max", "fields",
                           "additional"]
    static let typeAliases = ["str": "string", "integer": "int", "float": "number", "double": "number",
                              "boolean": "bool", "array": "list", "sequence": "list", "map": "object",
                              "dict": "object", "mapping": "object", "datetime": "date", "timestamp": "date",
                              "choice": "enum"]

    mutating func read(_ root: CaseNode) -> TemplateManifest? {
        guard let entries = root.entries else { return nil }
        for entry in entries where !Self.topKeys.contains(entry.key) {
            error(at: entry.keyPosition, path: CasePath.root.appending(entry.key),
                  "unknown manifest key" + DidYouMean.hint(for: entry.key, among: Self.topKeys))
        }
        let title = requiredText("title", in: root)
        let language = requiredText("language", in: root)
        if let language, let node = root["language"], !["ru", "en"].contains(language) {
            error(at: node.position, path: .root.appending("language"),
                  "the language must be ru or en, got \"\(language)\"")
        }
        let forum = requiredText("forum", in: root)
        let description = optionalText("description", in: root)
        let procedure = optionalText("procedure", in: root)
        var requisites: [String] = []
        if let node = root["requisites"], !node.isNull {
            if let items = node.list {
                for (index, item) in items.enumerated() {
                    if let text = item.string, !text.isEmpty {
                        requisites.append(text)
                    } else {
                        error(at: item.position, path: .root.appending("requisites").appending(index: index),
                              "a requisite is a piece of text the filing must contain; got \(item.kindDescription)")
                    }
                }
            } else {
                error(at: node.position, path: .root.appending("requisites"),
                      "expected a list of texts, like [\"ПРОШУ:\", \"Приложение:\"]")
            }
        }
        let wordCount = readWordLimit(in: root)
        let admissibility = readAdmissibility(in: root)
        let pageLimit = positiveInt("page_limit", in: root)
        let additional = flag("additional", in: root, path: .root) ?? true

        var fields: [FieldSpec] = []
        if let entry = root.entry("fields") {
            if entry.value.entries != nil {
                fields = readFields(entry.value, path: .root.appending("fields"))
            } else {
                error(at: entry.value.position, path: .root.appending("fields"),
                      "expected the fields a case file must have, one `name: type` per line")
            }
        } else {
            error(at: root.position, path: .root.appending("fields"), "required key is missing")
        }
        let rootSpec = FieldSpec(name: "", type: .object(fields: fields, additional: additional),
                                 required: true, description: description, position: root.position)
        guard let title, let language, let forum else { return nil }
        return TemplateManifest(file: file, title: title, description: description, language: language,
                                forum: forum, procedure: procedure, requisites: requisites, wordCount: wordCount,
                                pageLimit: pageLimit, admissibility: admissibility, root: rootSpec)
    }

    // MARK: - Fields

    /// The fields of an object, with dotted names (`detention.start`) nested under implicit objects.
    mutating func readFields(_ node: CaseNode, path: CasePath) -> [FieldSpec] {
        var fields: [FieldSpec] = []
        for entry in node.entries ?? [] {
            let entryPath = path.appending(entry.key)
            let components = entry.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if components.contains(where: { $0.isEmpty || $0.contains("[") || $0.contains("]") }) {
                error(at: entry.keyPosition, path: entryPath,
                      "a field name cannot be empty or hold brackets; declare lists with `type: list` and `items`")
                continue
            }
            guard var spec = readSpec(entry.value, name: components.last ?? entry.key, path: entryPath,
                                      position: entry.keyPosition) else { continue }
            spec.name = components.last ?? entry.key
            insert(spec, at: components[...], into: &fields, path: path)
        }
        finishImplicit(&fields)
        return fields
    }

    private mutating func insert(_ spec: FieldSpec, at components: ArraySlice<String>, into fields: inout [FieldSpec],
                                 path: CasePath) {
        guard let name = components.first else { return }
        let existingIndex = fields.firstIndex { $0.name == name }
        if components.count == 1 {
            guard let index = existingIndex else {
                fields.append(spec)
                return
            }
            let existing = fields[index]
            if case .object(let oldFields, _) = existing.type, existing.isImplicit,
               case .object(let newFields, let additional) = spec.type {
                var merged = spec
                var combined = oldFields
                for field in newFields { insert(field, at: [field.name], into: &combined, path: path.appending(name)) }
                merged.type = .object(fields: combined, additional: additional)
                fields[index] = merged
            } else {
                error(at: spec.position, path: path.appending(name),
                      "this field is already declared at line \(existing.position.line)")
            }
            return
        }
        let index: Int
        if let existingIndex {
            index = existingIndex
        } else {
            var holder = FieldSpec(name: name, type: .object(fields: [], additional: true), required: false,
                                   position: spec.position)
            holder.isImplicit = true
            fields.append(holder)
            index = fields.count - 1
        }
        guard case .object(var children, let additional) = fields[index].type else {
            error(at: spec.position, path: path.appending(name),
                  "\(name) is declared as \(fields[index].type.name) at line \(fields[index].position.line), "
                  + "so it cannot hold \(components.dropFirst().joined(separator: "."))")
            return
        }
        insert(spec, at: components.dropFirst(), into: &children, path: path.appending(name))
        fields[index].type = .object(fields: children, additional: additional)
    }

    /// An implicit object (made for a dotted name) is required when any field under it is.
    private func finishImplicit(_ fields: inout [FieldSpec]) {
        for index in fields.indices where fields[index].isImplicit {
            guard case .object(var children, let additional) = fields[index].type else { continue }
            finishImplicit(&children)
            fields[index].type = .object(fields: children, additional: additional)
            fields[index].required = children.contains { $0.required }
        }
    }

    /// One field's spec, short (`birth_date: date`, `phone: string?`) or long (`{type: …, required: false}`).
    mutating func readSpec(_ node: CaseNode, name: String, path: CasePath, position: SourcePosition) -> FieldSpec? {
        if let text = node.scalarText, node.list == nil, node.entries == nil, !node.isNull {
            var typeName = text.trimmingSpaces()
            var required = true
            if typeName.hasSuffix("?") {
                typeName.removeLast()
                required = false
            }
            guard let type = simpleType(typeName, at: node.position, path: path) else { return nil }
            return FieldSpec(name: name, type: type, required: required, position: position)
        }
        guard let entries = node.entries else {
            error(at: node.position, path: path, node.isNull
                  ? "the type is missing; write `\(name): string` or another type"
                  : "expected a type name (`string`) or a mapping like `{type: string, required: false}`, "
                    + "got \(node.kindDescription)")
            return nil
        }
        for entry in entries where !Self.specKeys.contains(entry.key) {
            error(at: entry.keyPosition, path: path.appending(entry.key),
                  "unknown key in a field declaration" + DidYouMean.hint(for: entry.key, among: Self.specKeys))
        }
        var typeName: String
        if let typeNode = node["type"] {
            guard let text = typeNode.string else {
                error(at: typeNode.position, path: path.appending("type"),
                      "expected a type name, one of \(FieldType.names.joined(separator: ", "))")
                return nil
            }
            typeName = text
        } else if node["fields"] != nil {
            typeName = "object"
        } else if node["items"] != nil {
            typeName = "list"
        } else if node["values"] != nil {
            typeName = "enum"
        } else {
            error(at: node.position, path: path.appending("type"), "the type is missing")
            return nil
        }
        let typePosition = node["type"]?.position ?? node.position
        let required = flag("required", in: node, path: path) ?? true
        let description = optionalText("description", in: node, path: path)
        let allowed: Set<String>
        let type: FieldType?
        switch typeName {
        case "enum":
            allowed = ["values"]
            type = enumType(node, path: path)
        case "list":
            allowed = ["items", "min", "max"]
            type = listType(node, path: path)
        case "object":
            allowed = ["fields", "additional"]
            let fields = node["fields"].map { fieldsNode -> [FieldSpec] in
                guard fieldsNode.entries != nil else {
                    error(at: fieldsNode.position, path: path.appending("fields"),
                          "expected the object's fields, one `name: type` per line")
                    return []
                }
                return readFields(fieldsNode, path: path.appending("fields"))
            } ?? []
            type = .object(fields: fields, additional: flag("additional", in: node, path: path) ?? true)
        default:
            allowed = []
            type = simpleType(typeName, at: typePosition, path: path.appending("type"))
        }
        for key in ["values", "items", "min", "max", "fields", "additional"] where !allowed.contains(key) {
            guard let entry = node.entry(key) else { continue }
            let owner = ["values": "enum", "items": "list", "min": "list", "max": "list", "fields": "object",
                         "additional": "object"][key] ?? ""
            error(at: entry.keyPosition, path: path.appending(key),
                  "`\(key)` applies only to fields of type \(owner), and this one is \(typeName)")
        }
        guard let type else { return nil }
        return FieldSpec(name: name, type: type, required: required, description: description, position: position)
    }

    private mutating func simpleType(_ name: String, at position: SourcePosition, path: CasePath) -> FieldType? {
        switch name {
        case "string": return .string
        case "text": return .text
        case "date": return .date
        case "int": return .int
        case "number": return .number
        case "bool": return .bool
        case "any": return .any
        case "list": return .list(items: FieldSpec(name: "", type: .any, position: position), min: nil, max: nil)
        case "object": return .object(fields: [], additional: true)
        case "enum":
            error(at: position, path: path, "an enum needs its values: `{type: enum, values: [a, b]}`")
            return nil
        default:
            let hint = Self.typeAliases[name.lowercased()].map { " (did you mean \"\($0)\"?)" }
                ?? DidYouMean.hint(for: name, among: FieldType.names)
            error(at: position, path: path,
                  "unknown type \"\(name)\"\(hint); the types are \(FieldType.names.joined(separator: ", "))")
            return nil
        }
    }

    private mutating func enumType(_ node: CaseNode, path: CasePath) -> FieldType? {
        guard let valuesNode = node["values"] else {
            error(at: node.position, path: path.appending("values"), "an enum needs its values: `values: [a, b]`")
            return nil
        }
        guard let items = valuesNode.list, !items.isEmpty else {
            error(at: valuesNode.position, path: path.appending("values"),
                  "expected a list of the allowed values, like [district_court, regional_court]")
            return nil
        }
        var values: [String] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let text = item.scalarText, item.list == nil, item.entries == nil, !item.isNull else {
                error(at: item.position, path: path.appending("values").appending(index: index),
                      "an enum value must be a single word or number, got \(item.kindDescription)")
                continue
            }
            if let line = seen[text] {
                error(at: item.position, path: path.appending("values").appending(index: index),
                      "\"\(text)\" is already listed at line \(line)")
                continue
            }
            seen[text] = item.position.line
            values.append(text)
        }
        return .enumeration(values)
    }

    private mutating func listType(_ node: CaseNode, path: CasePath) -> FieldType? {
        var items = FieldSpec(name: "", type: .any, position: node.position)
        var itemsFailed = false
        if let itemsNode = node["items"] {
            if let spec = readSpec(itemsNode, name: "", path: path.appending("items"), position: itemsNode.position) {
                items = spec
            } else {
                itemsFailed = true
            }
            if !items.required {
                error(at: itemsNode.position, path: path.appending("items"),
                      "list items cannot be optional; make the list itself optional or use min: 0")
            }
            items.required = true
        }
        let low = count("min", in: node, path: path)
        let high = count("max", in: node, path: path)
        if let low, let high, low > high {
            error(at: node["min"]?.position ?? node.position, path: path.appending("min"),
                  "min (\(low)) is larger than max (\(high))")
        }
        return itemsFailed ? nil : .list(items: items, min: low, max: high)
    }

    // MARK: - Scalars of the manifest

    private mutating func requiredText(_ key: String, in node: CaseNode) -> String? {
        guard let value = node[key] else {
            error(at: node.position, path: .root.appending(key), "required key is missing")
            return nil
        }
        guard let text = value.scalarText, value.list == nil, value.entries == nil, !value.isNull,
              !text.trimmingSpaces().isEmpty else {
            error(at: value.position, path: .root.appending(key), "expected text, got \(value.kindDescription)")
            return nil
        }
        return text
    }

    private mutating func optionalText(_ key: String, in node: CaseNode, path: CasePath = .root) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let text = value.scalarText, value.list == nil, value.entries == nil else {
            error(at: value.position, path: path.appending(key), "expected text, got \(value.kindDescription)")
            return nil
        }
        return text
    }

    private mutating func flag(_ key: String, in node: CaseNode, path: CasePath) -> Bool? {
        guard let value = node[key] else { return nil }
        guard let flag = value.bool else {
            error(at: value.position, path: path.appending(key),
                  "expected true or false, got \(ManifestValidator.shown(value))")
            return nil
        }
        return flag
    }

    private mutating func positiveInt(_ key: String, in node: CaseNode) -> Int? {
        guard let value = node[key], !value.isNull else { return nil }
        guard let number = value.int, number > 0 else {
            error(at: value.position, path: .root.appending(key),
                  "expected a whole number above 0, got \(ManifestValidator.shown(value))")
            return nil
        }
        return number
    }

    private mutating func count(_ key: String, in node: CaseNode, path: CasePath) -> Int? {
        guard let value = node[key] else { return nil }
        guard let number = value.int, number >= 0 else {
            error(at: value.position, path: path.appending(key),
                  "expected a whole number, 0 or more, got \(ManifestValidator.shown(value))")
            return nil
        }
        return number
    }

    private mutating func error(at position: SourcePosition, path: CasePath, _ message: String) {
        diagnostics.append(CaseDiagnostic(file: file, at: position, path: path, message))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
