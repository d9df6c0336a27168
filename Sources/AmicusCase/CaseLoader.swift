import Foundation

/// Reads case files (and manifests, which are read the same way) into `CaseDocument`s, collecting every problem
/// it can find in one pass, and never crashing, hanging or growing without bound on hostile input.
public enum CaseLoader {
    /// Bounds that keep a hostile or broken file from exhausting the machine. The defaults are far above any
    /// real case file.
    public struct Limits: Sendable, Hashable {
        /// Largest file accepted, in bytes.
        public var maxFileBytes: Int
        /// Most values a file may hold once every alias is counted as written out.
        public var maxNodes: Int
        /// Deepest nesting of lists and mappings.
        public var maxDepth: Int

        public init(maxFileBytes: Int = 16 * 1_048_576, maxNodes: Int = 1_000_000, maxDepth: Int = 100) {
            self.maxFileBytes = maxFileBytes
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }
    }

    /// Reads the file at `path`, throwing every problem found if there is any error.
    /// Diagnostics name the file as `path` is written.
    public static func load(path: String, limits: Limits = Limits()) throws(CaseErrors) -> CaseDocument {
        try read(path: path, limits: limits).get()
    }

    /// Reads case data from text already in memory; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String, limits: Limits = Limits()) throws(CaseErrors) -> CaseDocument {
        try read(bytes: Array(text.utf8), file: file, limits: limits).get()
    }

    /// Reads case data from raw bytes (as uploaded or read from disk), checking their encoding first.
    public static func parse(bytes: [UInt8], file: String, limits: Limits = Limits()) throws(CaseErrors) -> CaseDocument {
        try read(bytes: bytes, file: file, limits: limits).get()
    }

    /// Like `load`, but never throws: returns the data read so far together with every diagnostic, so that
    /// `amicus check` can also validate a file that has, say, one impossible date, and report both at once.
    public static func read(path: String, limits: Limits = Limits()) -> CaseReading {
        do {
            return read(bytes: try readFile(path: path, limits: limits), file: path, limits: limits)
        } catch {
            return CaseReading(document: nil, diagnostics: error.diagnostics)
        }
    }

    /// Like `parse(bytes:file:)`, but never throws; see `read(path:)`.
    public static func read(bytes: [UInt8], file: String, limits: Limits = Limits()) -> CaseReading {
        reading(of: compose(bytes: bytes, file: file, limits: limits), file: file)
    }

    /// A file's YAML composed into a tree, before it is taken for a case: a batch reader looks at the root first
    /// (a list holds one case per item), so that the file is parsed once either way.
    enum Composition {
        /// The bytes or the YAML could not be read; the reading says why.
        case refused(CaseReading)
        /// The tree (nil: an empty file), the problems of the bytes and those of the YAML.
        case composed(root: CaseNode?, source: [CaseDiagnostic], yaml: [CaseDiagnostic])
    }

    static func compose(bytes: [UInt8], file: String, limits: Limits) -> Composition {
        let source = SourceBytes(bytes, file: file, limits: limits)
        if source.hasErrors { return .refused(CaseReading(document: nil, diagnostics: source.diagnostics)) }
        var composer = YAMLComposer(file: file, source: source, limits: limits)
        do {
            let root = try composer.composeDocument()
            return .composed(root: root, source: source.diagnostics, yaml: composer.diagnostics)
        } catch {
            return .refused(CaseReading(document: nil, diagnostics: source.diagnostics + composer.diagnostics + [error.diagnostic]))
        }
    }

    /// The composed file taken as one case: a mapping at the top.
    static func reading(of composition: Composition, file: String) -> CaseReading {
        let root: CaseNode?
        var diagnostics: [CaseDiagnostic]
        switch composition {
        case .refused(let reading):
            return reading
        case .composed(let composed, let sourceDiagnostics, let yamlDiagnostics):
            root = composed
            diagnostics = sourceDiagnostics + yamlDiagnostics
        }
        guard let root, !root.isNull else {
            diagnostics.append(CaseDiagnostic(file: file, at: root?.position ?? .start,
                "the file holds no data; a case file is a list of `key: value` lines such as `case_id: 5-123/2016`"))
            return CaseReading(document: nil, diagnostics: diagnostics)
        }
        guard root.entries != nil else {
            diagnostics.append(CaseDiagnostic(file: file, at: root.position,
                "the file must be a mapping of `key: value` lines at the top, but it is \(root.kindDescription)"))
            return CaseReading(document: nil, diagnostics: diagnostics)
        }
        let warnings = CaseDiagnostic.ordered(diagnostics.filter { $0.severity != .error })
        return CaseReading(document: CaseDocument(file: file, root: root, warnings: warnings), diagnostics: diagnostics)
    }

    /// Reads at most one byte more than the limit, so a huge file is refused without being read whole.
    static func readFile(path: String, limits: Limits) throws(CaseErrors) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CaseErrors([CaseDiagnostic(file: path, at: .start, "no such file")])
        }
        if isDirectory.boolValue {
            throw CaseErrors([CaseDiagnostic(file: path, at: .start, "this is a folder, not a file")])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CaseErrors([CaseDiagnostic(file: path, at: .start, "the file cannot be opened for reading")])
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw CaseErrors([CaseDiagnostic(file: path, at: .start, "the file cannot be read: \(error)")])
        }
    }
}

/// What reading a case file gave: the data (unless the file could not be read as YAML at all) and every
/// diagnostic, errors and warnings, in file order.
public struct CaseReading: Sendable, Hashable {
    /// The data read. Nil when the file is unusable: unreadable, not UTF-8, broken YAML, over a limit, empty,
    /// or not a mapping. Present even when some values have errors (a duplicate key keeps its first value, an
    /// impossible date stays text), so a manifest can still check the rest.
    public var document: CaseDocument?
    public var diagnostics: [CaseDiagnostic]

    public init(document: CaseDocument?, diagnostics: [CaseDiagnostic]) {
        self.document = document
        self.diagnostics = CaseDiagnostic.ordered(diagnostics)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The document if there is no error, else every diagnostic as `CaseErrors`.
    public func get() throws(CaseErrors) -> CaseDocument {
        if let document, !hasErrors { return document }
        throw CaseErrors(diagnostics)
    }
}
