import AmicusTemplate
import Foundation

/// The formats a template can be in; chosen from the template's file extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Word (Office Open XML), a zip package.
    case docx
    /// OpenDocument text, a zip package.
    case odt
    /// Flat OpenDocument text: the whole document in one XML file.
    case fodt

    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "docx": self = .docx
        case "odt": self = .odt
        case "fodt": self = .fodt
        default: return nil
        }
    }
}

/// A document template, read and compiled once: every part that holds tags is parsed, its tags scoped and its
/// template compiled, so that each render only evaluates templates and rewrites the changed entries.
public struct DocumentTemplate: Sendable {
    /// The template file as the user named it: the first word of every message.
    public let name: String
    public let format: DocumentFormat
    /// Nil for a flat document, which is one XML part and no package.
    let package: ZipPackage?
    /// A flat document's own bytes, given back as they are when it holds no tag.
    let flatDocument: [UInt8]?
    let parts: [PartTemplate]
    /// The paragraphs of the Word text parts that hold no tags, read once: every render has them as they are, and
    /// the forum checks read them for every filing of a batch.
    let unchangedParagraphs: [String: [[UInt8]]]

    /// libdeflate level of the rendered parts. Level 1 compresses a filing's XML (which repeats the same markup)
    /// almost as small as the higher levels in a fraction of the time; measured with Benchmarks/run.sh.
    static let compressionLevel: UInt32 = 1

    /// The largest template file Amicus opens.
    public static let maximumFileSize = 256 << 20

    /// Reads and compiles a template file. Every problem of every part comes back at once.
    public static func open(path: String) throws(DocumentErrors) -> DocumentTemplate {
        guard let format = DocumentFormat(path: path) else {
            throw DocumentErrors([DocumentDiagnostic(file: path, message: "unknown template format: expected a .docx, .odt or .fodt file")])
        }
        let bytes: [UInt8]
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw DocumentErrors([DocumentDiagnostic(file: path, message: "the file is \(size) bytes, larger than the \(maximumFileSize) a template may be")])
            }
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DocumentErrors {
            throw error
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw DocumentErrors([DocumentDiagnostic(file: path, message: reason)])
        }
        return try DocumentTemplate(bytes: bytes, name: path, format: format)
    }

    public init(bytes: [UInt8], name: String, format: DocumentFormat) throws(DocumentErrors) {
        self.name = name
        self.format = format
        if format == .fodt {
            self.package = nil
            self.flatDocument = bytes
            self.unchangedParagraphs = [:]
            do {
                let tree = try XMLTree.parse(bytes, part: name)
                guard let (source, prefix) = try OdfScoping.source(tree) else {
                    self.parts = []
                    return
                }
                switch PartTemplate.compile(source, part: "", file: name, escaper: OutputEscaping.odfEscaper(textPrefix: prefix, notes: true)) {
                case .success(var template):
                    template.notes = .odf(prefix: prefix.isEmpty ? "" : prefix + ":")
                    self.parts = [template]
                case .failure(let errors): throw errors
                }
            } catch let error as PackageError {
                throw DocumentErrors([DocumentDiagnostic(file: name, message: error.message)])
            } catch let error as DocumentErrorsBuilder {
                throw DocumentErrors(error.diagnostics(file: name, part: nil))
            } catch let error as DocumentErrors {
                throw error
            } catch {
                throw DocumentErrors([DocumentDiagnostic(file: name, message: "\(error)")])
            }
            return
        }
        let package: ZipPackage
        do {
            package = try ZipPackage(bytes: bytes)
        } catch {
            throw DocumentErrors([DocumentDiagnostic(file: name, message: error.message)])
        }
        self.package = package
        self.flatDocument = nil
        try Self.checkKind(package, format: format, file: name)
        var compiled: [PartTemplate] = []
        var diagnostics: [DocumentDiagnostic] = []
        for entry in Self.renderedEntries(of: package, format: format) {
            do {
                if let part = try Self.compile(entry, in: package, format: format, file: name) { compiled.append(part) }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw DocumentErrors(diagnostics) }
        self.parts = compiled
        var unchanged: [String: [[UInt8]]] = [:]
        if format == .docx {
            let templated = Set(compiled.map(\.part))
            for entry in Self.renderedEntries(of: package) where !templated.contains(entry.name) {
                // A part that cannot be read is left out here, and reported when the text is asked for.
                if let bytes = try? package.read(entry), let paragraphs = try? DocumentText.docxParagraphBytes(bytes, name: entry.name) {
                    unchanged[entry.name] = paragraphs
                }
            }
        }
        self.unchangedParagraphs = unchanged
    }

    /// A package of the wrong kind is refused before anything is parsed.
    private static func checkKind(_ package: ZipPackage, format: DocumentFormat, file: String) throws(DocumentErrors) {
        switch format {
        case .docx:
            guard package.entry(named: "word/document.xml") != nil else {
                throw DocumentErrors([DocumentDiagnostic(file: file, message: "no word/document.xml: this is not a Word document (or it is damaged)")])
            }
        case .odt:
            guard package.entry(named: "content.xml") != nil else {
                throw DocumentErrors([DocumentDiagnostic(file: file, message: "no content.xml: this is not an OpenDocument text (or it is damaged)")])
            }
            if let mimetype = package.entry(named: "mimetype"), let bytes = try? package.read(mimetype) {
                let kind = String(decoding: bytes, as: UTF8.self)
                guard kind.hasPrefix("application/vnd.oasis.opendocument.text") else {
                    throw DocumentErrors([DocumentDiagnostic(file: file, message: "this OpenDocument file is '\(kind)', not a text document")])
                }
            }
        case .fodt:
            break
        }
    }

    /// The parts that may hold tags, main document first.
    static func renderedEntries(of package: ZipPackage, format: DocumentFormat = .docx) -> [ZipPackage.Entry] {
        if format == .odt {
            return ["content.xml", "styles.xml", "meta.xml"].compactMap { package.entry(named: $0) }
        }
        func isRendered(_ name: String) -> Bool {
            if name == "word/footnotes.xml" || name == "word/endnotes.xml" || name == "word/comments.xml" || name == "docProps/core.xml" {
                return true
            }
            for prefix in ["word/header", "word/footer"] where name.hasPrefix(prefix) && name.hasSuffix(".xml") {
                let middle = name.dropFirst(prefix.count).dropLast(4)
                return middle.allSatisfy(\.isNumber)
            }
            return false
        }
        let main = package.entries.filter { $0.name == "word/document.xml" }
        return main + package.entries.filter { $0.name != "word/document.xml" && isRendered($0.name) }
    }

    private static func compile(_ entry: ZipPackage.Entry, in package: ZipPackage, format: DocumentFormat,
                                file: String) throws(DocumentErrors) -> PartTemplate? {
        let part = entry.name
        let source: PartSource?
        let escaper: OutputEscaper
        var repair: (@Sendable (String) -> String?)? = nil
        var notes: NoteResolution? = nil
        do {
            let tree = try XMLTree.parse(try package.read(entry), part: part)
            if format == .odt {
                guard let (odf, prefix) = try OdfScoping.source(tree) else { return nil }
                source = odf
                let body = part == "content.xml"
                escaper = OutputEscaping.odfEscaper(textPrefix: prefix, notes: body)
                if body { notes = .odf(prefix: prefix.isEmpty ? "" : prefix + ":") }
            } else if part == "docProps/core.xml" {
                source = try DocxScoping.corePropertiesSource(tree)
                escaper = OutputEscaping.textEscaper(breakMarkup: nil, tabMarkup: nil)
            } else if let (body, prefix, repairsTables) = try DocxScoping.bodySource(tree) {
                source = body
                if repairsTables { repair = { DocxTableRepair.repair($0, prefix: prefix) } }
                let w = prefix.isEmpty ? "" : prefix + ":"
                let body = part == "word/document.xml"
                escaper = OutputEscaping.textEscaper(
                    breakMarkup: "</\(w)t><\(w)br/><\(w)t xml:space=\"preserve\">",
                    tabMarkup: "</\(w)t><\(w)tab/><\(w)t xml:space=\"preserve\">",
                    notes: body ? Footnotes.docxMarkup(prefix: w) : nil)
                if body { notes = .docx(prefix: w) }
            } else {
                return nil
            }
        } catch let error as PackageError {
            throw DocumentErrors([DocumentDiagnostic(file: file, message: error.message)])
        } catch let error as DocumentErrorsBuilder {
            throw DocumentErrors(error.diagnostics(file: file, part: part))
        } catch {
            throw DocumentErrors([DocumentDiagnostic(file: file, part: part, message: "\(error)")])
        }
        guard let source else { return nil }
        switch PartTemplate.compile(source, part: part, file: file, escaper: escaper) {
        case .success(var template):
            template.repair = repair
            template.notes = notes
            return template
        case .failure(let errors): throw errors
        }
    }

    /// Names the template reads, across all its parts: `applicant.name`, `events[].date`.
    public var referencedPaths: [String] {
        Array(Set(parts.flatMap(\.template.referencedPaths))).sorted()
    }

    /// The parts that hold tags, in the order they are rendered.
    public var templatedParts: [String] { parts.map(\.part) }

    /// Renders every part with `context`. Nothing is produced unless every part rendered without an error and
    /// came out well-formed; all problems of all parts are reported together. With `collectingText`, a Word
    /// render also keeps the paragraphs of its parts, read while they are checked, for `text(of:)` and
    /// `plainTextBytes(of:)` (the forum checks of every filing of a batch).
    public func render(_ context: ValueDict, options: RenderOptions = RenderOptions(), collectingText: Bool = false) -> DocumentRender {
        var errors: [DocumentDiagnostic] = []
        var warnings: [DocumentDiagnostic] = []
        var replacements: [String: String] = [:]
        var collected: [String: [[UInt8]]] = [:]
        /// The check of a rendered part, which reads a Word part's paragraphs on the way when asked.
        func check(_ output: inout String, part: String) -> String? {
            guard collectingText, format == .docx else { return XMLSupport.wellFormednessProblem(&output, part: part) }
            let (problem, paragraphs) = part == "docProps/core.xml"
                ? XMLSupport.wellFormednessProblem(&output, part: part, collecting: CorePropertiesCollector.self)
                : XMLSupport.wellFormednessProblem(&output, part: part, collecting: WordTextCollector.self)
            collected[part] = paragraphs
            return problem
        }
        var pendingNotes: (notes: [String], prefix: String, firstID: Int)? = nil
        var options = options
        if options.functions["footnote"] == nil { options.functions["footnote"] = Footnotes.function }
        for part in parts {
            var partOptions = options
            partOptions.escape = part.escaper
            let outcome = part.template.render(context, options: partOptions)
            errors += outcome.errors.map { part.locator.diagnostic($0, file: name, part: part.part, severity: .error) }
            warnings += outcome.warnings.map { part.locator.diagnostic($0, file: name, part: part.part, severity: .warning) }
            guard outcome.errors.isEmpty else { continue }
            var output = outcome.output
            if let repair = part.repair, let repaired = repair(output) { output = repaired }
            if let notes = part.notes, Footnotes.containsNotes(output) {
                switch notes {
                case .odf(let prefix):
                    output = Footnotes.resolveOdf(output, prefix: prefix)
                case .docx(let prefix):
                    guard let original = footnotesSource() else {
                        errors.append(DocumentDiagnostic(file: name, part: part.part, message: "footnote() needs a footnotes part in the template, and this one has none: insert a footnote in Word and delete it again, then save (or build the template with Templates/tools)"))
                        continue
                    }
                    let firstID = Footnotes.firstFreeID(in: original, prefix: prefix)
                    let resolved = Footnotes.resolveDocx(output, prefix: prefix, firstID: firstID)
                    output = resolved.part
                    pendingNotes = (resolved.notes, prefix, firstID)
                }
            }
            if let problem = check(&output, part: part.part) {
                errors.append(DocumentDiagnostic(file: name, part: part.part, message: "the rendered part is not well-formed XML (\(problem)); a structural tag ({%p %}, {%tr %}, {%- -%}) probably cuts across the document's structure"))
                continue
            }
            replacements[part.part] = output
        }
        if errors.isEmpty, let pending = pendingNotes, !pending.notes.isEmpty {
            let footnotesPart = "word/footnotes.xml"
            let current = replacements[footnotesPart] ?? footnotesSource() ?? ""
            if var merged = Footnotes.appendDocx(pending.notes, to: current, prefix: pending.prefix, firstID: pending.firstID),
               check(&merged, part: footnotesPart) == nil {
                replacements[footnotesPart] = merged
            } else {
                errors.append(DocumentDiagnostic(file: name, part: footnotesPart, message: "the notes written by footnote() could not be added to the footnotes part"))
            }
        }
        guard errors.isEmpty else { return DocumentRender(bytes: nil, errors: errors, warnings: warnings) }
        guard let package else {
            // A flat document is its one part.
            let bytes = replacements[""].map { Array($0.utf8) } ?? flatDocument ?? []
            return DocumentRender(bytes: bytes, errors: [], warnings: warnings)
        }
        do {
            let bytes = try package.rewritten(replacing: replacements, compressionLevel: Self.compressionLevel)
            return DocumentRender(bytes: bytes, errors: [], warnings: warnings, renderedParts: replacements, paragraphs: collected)
        } catch {
            return DocumentRender(bytes: nil, errors: [DocumentDiagnostic(file: name, message: error.message)], warnings: warnings)
        }
    }
}

extension DocumentTemplate {
    /// word/footnotes.xml as the template has it, for the notes footnote() adds; nil when there is none.
    func footnotesSource() -> String? {
        guard let package, let entry = package.entry(named: "word/footnotes.xml"), let bytes = try? package.read(entry) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The outcome of a render: the document's bytes, or the errors that stopped it.
public struct DocumentRender: Sendable {
    /// Nil when there are errors: a filing with an error in it is never produced.
    public var bytes: [UInt8]?
    public var errors: [DocumentDiagnostic]
    public var warnings: [DocumentDiagnostic]
    /// The XML of each part the render changed, by part name: what `DocumentTemplate.text(of:)` reads instead of
    /// unpacking `bytes` again.
    var renderedParts: [String: String] = [:]
    /// The paragraphs of rendered Word parts, read while they were checked (`render(_:options:collectingText:)`),
    /// by part name; a part missing here is read from `renderedParts`.
    var paragraphs: [String: [[UInt8]]] = [:]

    init(bytes: [UInt8]?, errors: [DocumentDiagnostic], warnings: [DocumentDiagnostic], renderedParts: [String: String] = [:],
         paragraphs: [String: [[UInt8]]] = [:]) {
        self.bytes = bytes
        self.errors = errors
        self.warnings = warnings
        self.renderedParts = renderedParts
        self.paragraphs = paragraphs
    }
}

extension DocumentTemplate {
    /// The text of a document this template just rendered, read from the rendered parts (and the template's own
    /// parts where nothing changed) rather than from the packed bytes: what the forum checks read for every
    /// filing of a batch. Gives the same text as `DocumentText(bytes:format:)` on the render's bytes.
    public func text(of render: DocumentRender) throws(DocumentErrors) -> DocumentText {
        guard format == .docx, let package, render.bytes != nil else {
            return try DocumentText(bytes: render.bytes ?? [], format: format, name: name)
        }
        return DocumentText(parts: try paragraphBytes(of: render, in: package).map { part, paragraphs in
            DocumentText.Part(name: part, paragraphs: paragraphs.map { String(decoding: $0, as: UTF8.self) })
        })
    }

    /// `text(of: render).plainText` as UTF-8 bytes (every paragraph of every part, one per line), without a String
    /// per paragraph: what the requisite check searches for every filing of a batch.
    public func plainTextBytes(of render: DocumentRender) throws(DocumentErrors) -> [UInt8] {
        guard format == .docx, let package, render.bytes != nil else {
            return Array(try text(of: render).plainText.utf8)
        }
        let parts = try paragraphBytes(of: render, in: package)
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { total, part in part.1.reduce(total + part.1.count) { $0 + $1.count } })
        for (index, (_, paragraphs)) in parts.enumerated() {
            if index > 0 { out.append(0x0A) }
            for (k, paragraph) in paragraphs.enumerated() {
                if k > 0 { out.append(0x0A) }
                out.append(contentsOf: paragraph)
            }
        }
        return out
    }

    /// The paragraphs of each part a reader sees: those collected while the render checked the part, else read
    /// from the rendered XML where the render changed the part, or the template's own (read once, or now). A part
    /// that cannot be read is an error naming it.
    private func paragraphBytes(of render: DocumentRender, in package: ZipPackage) throws(DocumentErrors) -> [(String, [[UInt8]])] {
        var parts: [(String, [[UInt8]])] = []
        for entry in Self.renderedEntries(of: package) {
            if let collected = render.paragraphs[entry.name] ?? (render.renderedParts[entry.name] == nil ? unchangedParagraphs[entry.name] : nil) {
                parts.append((entry.name, collected))
                continue
            }
            do throws(PackageError) {
                let partBytes: [UInt8]
                if let rendered = render.renderedParts[entry.name] { partBytes = Array(rendered.utf8) } else { partBytes = try package.read(entry) }
                parts.append((entry.name, try DocumentText.docxParagraphBytes(partBytes, name: entry.name)))
            } catch {
                throw DocumentErrors([DocumentDiagnostic(file: name, part: entry.name, message: error.message)])
            }
        }
        return parts
    }
}
