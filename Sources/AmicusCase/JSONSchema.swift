extension TemplateManifest {
    /// The JSON Schema (draft 2020-12) of a case file for this template, so that VS Code's YAML extension (and
    /// any other schema-aware editor) completes field names and flags mistakes while the lawyer types.
    ///
    /// Output is deterministic: keys sorted, two-space indentation, non-ASCII text kept as is, so the schema can
    /// be committed and reviewed. Optional fields also accept null. Dates accept both forms Amicus reads. String
    /// fields are `"type": "string"`, so the editor asks for quotes around identifiers YAML would read as
    /// numbers (`phone: "+79001234567"`), which is also what docs/case-data.md advises.
    public func jsonSchema() -> String {
        var schema = Self.schema(for: root, path: "")
        schema["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        schema["title"] = .string(title)
        var about = "Case file for \(title) (language: \(language), forum: \(forum))."
        if let description { about = description + "\n\n" + about }
        schema["description"] = .string(about)
        return JSONText.render(.object(schema)) + "\n"
    }

    static func schema(for spec: FieldSpec, path: String) -> [String: JSONText] {
        var schema: [String: JSONText] = [:]
        let optional = !spec.required
        func types(_ name: String) -> JSONText {
            optional ? .array([.string(name), .string("null")]) : .string(name)
        }
        let summary: String
        switch spec.type {
        case .string:
            schema["type"] = types("string")
            schema["pattern"] = .string("^[^\\n]*$")
            summary = "One line of text."
        case .text:
            schema["type"] = types("string")
            summary = "Text; may span several lines (use `|` for a block)."
        case .date:
            var forms: [JSONText] = [
                .object(["type": .string("string"), "format": .string("date")]),
                .object(["type": .string("string"),
                         "pattern": .string("^\\d{4}-\\d{2}-\\d{2}([Tt]|[ \\t]+)\\d{1,2}:\\d{2}(:\\d{2})?$")]),
                .object(["type": .string("string"),
                         "pattern": .string("^\\d{2}\\.\\d{2}\\.\\d{4}([ \\t]+\\d{1,2}:\\d{2}(:\\d{2})?)?$")]),
            ]
            if optional { forms.append(.object(["type": .string("null")])) }
            schema["anyOf"] = .array(forms)
            schema["examples"] = .array([.string("2016-02-15"), .string("15.02.2016")])
            summary = "Date: 2016-02-15 or 15.02.2016, optionally with a time (2016-02-15 10:30)."
        case .int:
            schema["type"] = types("integer")
            summary = "Whole number, written without leading zeros, + or _."
        case .number:
            schema["type"] = types("number")
            summary = "Number, written as it prints (2.5, not 2.50)."
        case .bool:
            schema["type"] = types("boolean")
            summary = "true or false."
        case .enumeration(let values):
            schema["enum"] = .array(values.map { .string($0) } + (optional ? [.null] : []))
            summary = "One of: " + values.joined(separator: ", ") + "."
        case .list(let items, let low, let high):
            schema["type"] = types("array")
            schema["items"] = .object(Self.schema(for: items, path: path + "[]"))
            if let low { schema["minItems"] = .int(low) }
            if let high { schema["maxItems"] = .int(high) }
            summary = "List." + (low.map { " At least \($0)." } ?? "") + (high.map { " At most \($0)." } ?? "")
        case .object(let fields, let additional):
            schema["type"] = types("object")
            var properties: [String: JSONText] = [:]
            for field in fields {
                let childPath = path.isEmpty ? field.name : path + "." + field.name
                properties[field.name] = .object(Self.schema(for: field, path: childPath))
            }
            schema["properties"] = .object(properties)
            let required = fields.filter(\.required).map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
            if !additional { schema["additionalProperties"] = .bool(false) }
            summary = additional ? "Fields." : "Fields; no others are allowed."
        case .any:
            summary = "Any value."
        }
        if !path.isEmpty {
            var text = path + ": " + summary + (spec.required ? " Required." : " Optional.")
            if let description = spec.description { text = description + "\n\n" + text }
            schema["description"] = .string(text)
        }
        return schema
    }
}

/// A minimal JSON value and writer with sorted keys, so generated files are byte-for-byte stable.
enum JSONText: Hashable {
    case object([String: JSONText])
    case array([JSONText])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    static func render(_ value: JSONText) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONText, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (offset, key) in keys.enumerated() {
                out += pad + quoted(key) + ": "
                write(members[key] ?? .null, indent: indent + 1, into: &out)
                out += offset == keys.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } }) {
                out += "[" + items.map { render($0) }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (offset, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 1, into: &out)
                out += offset == items.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "]"
        case .string(let text): out += quoted(text)
        case .int(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// JSON string syntax; quotes, backslashes and control characters escaped, everything else kept.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
