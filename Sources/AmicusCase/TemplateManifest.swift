import Foundation

/// What a template needs from a case file, read from the `manifest.yaml` beside the template.
///
/// The manifest lets `amicus check` report every missing or mistyped field before anything is rendered, gives
/// editors a JSON Schema to complete and check case files as they are typed, and lists the requisites a court
/// requires the rendered text to contain. The format is documented in docs/manifest.md.
public struct TemplateManifest: Sendable, Hashable {
    /// The manifest's own file name, as given to `load`.
    public var file: String
    /// The document this template produces (`Апелляционная жалоба на постановление …`).
    public var title: String
    /// A longer explanation, shown in the JSON Schema.
    public var description: String?
    /// The language of the filing: `ru` or `en`.
    public var language: String
    /// A free code for the forum (`ru-court`, `ecthr`, `crc` …): decides citation style and similar choices.
    public var forum: String
    /// The law and articles the filing is made under (`КоАП РФ, ст. 30.1–30.3 …`), for people choosing a template.
    public var procedure: String?
    /// Texts that must appear in the rendered filing (`ПРОШУ:`, `Приложение:`); checked after rendering.
    public var requisites: [String]
    /// How many words the filing may have, if the forum sets a limit (possibly chosen by a case field).
    public var wordCount: WordLimit?
    /// The limit that applies whatever the case says, if any.
    public var wordLimit: Int? { wordCount?.fixed }
    /// The forum's door: checked before rendering (ECtHR and Russia after 16.09.2022; OP3-CRC states).
    public var admissibility: AdmissibilityRule?
    /// Most pages the filing may have, if the forum sets a limit.
    public var pageLimit: Int?
    /// The case file's top level, as an object spec (its `fields` are the manifest's `fields`).
    public var root: FieldSpec

    /// The top-level fields of a case file.
    public var fields: [FieldSpec] {
        if case .object(let fields, _) = root.type { return fields }
        return []
    }

    public init(file: String, title: String, description: String? = nil, language: String, forum: String,
                procedure: String? = nil, requisites: [String] = [], wordCount: WordLimit? = nil, pageLimit: Int? = nil,
                admissibility: AdmissibilityRule? = nil, root: FieldSpec) {
        self.procedure = procedure
        self.file = file
        self.title = title
        self.description = description
        self.language = language
        self.forum = forum
        self.requisites = requisites
        self.wordCount = wordCount
        self.admissibility = admissibility
        self.pageLimit = pageLimit
        self.root = root
    }

    /// Where the manifest of a template lives: `manifest.yaml` in the template's folder (or in `templatePath`
    /// itself when that is the folder).
    public static func path(besideTemplate templatePath: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: templatePath, isDirectory: &isDirectory), isDirectory.boolValue {
            var folder = templatePath
            while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
            return folder == "/" ? "/manifest.yaml" : folder + "/manifest.yaml"
        }
        guard let slash = templatePath.lastIndex(of: "/") else { return "manifest.yaml" }
        return templatePath[...slash] + "manifest.yaml"
    }

    /// Every declared path, parents before children, list items as `[]`: `applicant`, `applicant.birth_date`,
    /// `children`, `children[].initials`. Comparable with `Template.referencedPaths`, to find what a template
    /// reads that its manifest does not promise.
    public var declaredPaths: [String] {
        var paths: [String] = []
        func walk(_ spec: FieldSpec, prefix: String) {
            switch spec.type {
            case .object(let fields, _):
                for field in fields {
                    let path = prefix.isEmpty ? field.name : prefix + "." + field.name
                    paths.append(path)
                    walk(field, prefix: path)
                }
            case .list(let items, _, _):
                walk(items, prefix: prefix + "[]")
            default:
                break
            }
        }
        walk(root, prefix: "")
        return paths
    }
}

/// One field a template needs: its name, type, whether it must be there, and where the manifest declares it.
public struct FieldSpec: Sendable, Hashable {
    /// The key in its object; empty for the items of a list and for the root.
    public var name: String
    public var type: FieldType
    /// A required field must be present and not null.
    public var required: Bool
    /// Shown in editors and in the JSON Schema.
    public var description: String?
    /// Where the field is declared in manifest.yaml.
    public var position: SourcePosition
    /// Created only to hold a dotted field (`detention.start`), never declared on its own.
    var isImplicit = false

    public init(name: String, type: FieldType, required: Bool = true, description: String? = nil,
                position: SourcePosition = .start) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.position = position
    }
}

/// The types a manifest can ask for.
public indirect enum FieldType: Sendable, Hashable {
    /// One line of text. Numbers, dates and booleans typed in the case file are taken as the text written.
    case string
    /// Text that may span lines (facts, arguments, operative parts of decisions).
    case text
    /// A calendar date, optionally with a time: `2016-02-15`, `15.02.2016`, `2016-02-15 10:30`.
    case date
    /// A whole number written exactly as it prints (`42`, not `042` or `1_000`).
    case int
    /// A whole or decimal number written exactly as it prints (`2.5`, not `2.50`).
    case number
    /// `true` or `false`.
    case bool
    /// One of the listed values, compared as written.
    case enumeration([String])
    /// A list whose items all follow `items`, with an optional least and most count.
    case list(items: FieldSpec, min: Int?, max: Int?)
    /// A mapping with the given fields; `additional: false` makes any other key an error.
    case object(fields: [FieldSpec], additional: Bool)
    /// Anything at all.
    case any

    /// The name a manifest uses for this type.
    public var name: String {
        switch self {
        case .string: "string"
        case .text: "text"
        case .date: "date"
        case .int: "int"
        case .number: "number"
        case .bool: "bool"
        case .enumeration: "enum"
        case .list: "list"
        case .object: "object"
        case .any: "any"
        }
    }

    static let names = ["string", "text", "date", "int", "number", "bool", "enum", "list", "object", "any"]
}
