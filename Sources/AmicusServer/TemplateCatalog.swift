import AmicusCase
import Foundation

/// The templates the render form offers, found once when the server starts: one per folder of the templates
/// folder that holds `template.docx`, `template.odt` or `template.fodt`. A request names a template only by its
/// folder name, which is looked up here; no part of a request ever becomes a path.
public struct TemplateCatalog: Sendable {
    public struct Entry: Sendable {
        /// The folder's name: `appeal-separation-ru`.
        public var name: String
        /// The manifest's title, or the name.
        public var title: String
        /// The template file of each format present, by extension (`docx` → …/template.docx).
        var files: [String: String]
        /// The extensions available, in the order the form offers them.
        public var formats: [String] { ["docx", "odt", "fodt"].filter { files[$0] != nil } }
    }

    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Reads the folder's listing once. Names other than letters, digits, `.`, `_` and `-` are skipped.
    public init(folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var found: [Entry] = []
        for name in names.sorted() where Self.isPlainName(name) {
            let directory = folder.appendingPathComponent(name)
            var files: [String: String] = [:]
            for ext in ["docx", "odt", "fodt"] {
                let path = directory.appendingPathComponent("template.\(ext)").path
                if FileManager.default.isReadableFile(atPath: path) { files[ext] = path }
            }
            guard !files.isEmpty else { continue }
            let manifest = directory.appendingPathComponent("manifest.yaml").path
            let title = (try? TemplateManifest.load(path: manifest))?.title ?? name
            found.append(Entry(name: name, title: title, files: files))
        }
        entries = found
    }

    /// The entry named exactly `name`, or nil.
    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The template file of `name` in `format`, or nil.
    func file(name: String, format: String) -> String? { entry(named: name)?.files[format] }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    /// Where the templates are: an explicit folder, then `Templates/` in the current folder, then `Templates/`
    /// beside the executable (or up to four levels up, for a build folder inside the repository).
    public static func locate(explicit: String?, executable: String = CommandLine.arguments.first ?? "") -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Templates")]
        if !executable.isEmpty {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent("Templates"))
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates.first { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }
}
