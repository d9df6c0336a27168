import AmicusKit
import AmicusPrecedents
import Foundation

/// What the server reads once at start and shares between requests: the precedent index, the corpus that
/// templates cite from, and the list of templates. Nothing here changes with a request.
public struct ServerResources: Sendable {
    /// nil when no corpus was found: the precedent pages then say so.
    public var index: PrecedentIndex?
    /// The corpus for `cite()` and `precedents()` in templates.
    public var precedents: PrecedentSource
    public var templates: TemplateCatalog
    /// Whether PDF is offered (LibreOffice is installed).
    public var pdfAvailable: Bool

    public init(index: PrecedentIndex?, precedents: PrecedentSource, templates: TemplateCatalog,
                pdfAvailable: Bool = PDFConversion.soffice != nil) {
        self.index = index
        self.precedents = precedents
        self.templates = templates
        self.pdfAvailable = pdfAvailable
    }

    /// Finds the corpus (`--corpus`, `AMICUS_PRECEDENTS`, `./Precedents`, beside the binary) and the templates
    /// (`--templates`, `./Templates`, beside the binary). A corpus with bad records is an error; a missing one is not.
    public static func discover(corpus: String?, templates: String?) throws(ServerStartError) -> ServerResources {
        var index: PrecedentIndex?
        var source = PrecedentSource(unavailable: "no precedent corpus found")
        if let folder = PrecedentSource.locate(explicit: corpus) {
            do {
                index = try PrecedentIndex.open(corpus: folder)
            } catch {
                throw ServerStartError(message: "precedent corpus \(folder.path): \(error.description)")
            }
            source = PrecedentSource.find(explicit: folder.path)
        }
        var catalog = TemplateCatalog()
        if let folder = TemplateCatalog.locate(explicit: templates) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ServerStartError(message: "no templates folder at \(folder.path)")
            }
            catalog = TemplateCatalog(folder: folder)
        }
        return ServerResources(index: index, precedents: source, templates: catalog)
    }
}

/// Why the server cannot start, said plainly.
public struct ServerStartError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
