import AmicusKit
import AmicusPrecedents
@testable import AmicusServer
import Foundation
import Hummingbird
import HummingbirdTesting

/// The repository's root folder, found from this file's path.
let repository: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("no Package.swift above \(#filePath)")
}()

let fixtures = repository.appendingPathComponent("Tests/AmicusServerTests/Fixtures")

/// The fixture corpus (four real records and one hostile), indexed in memory; the shipped templates.
let testResources: ServerResources = {
    let folder = fixtures.appendingPathComponent("Precedents")
    do {
        let corpus = try PrecedentCorpus.load(from: folder)
        // The corpus check refuses a source that is not an http(s) address; the pages must not rely on it, so one
        // record reaches the index with a script address all the same.
        let records = corpus.records.map { record in
            var changed = record
            if record.id == "hostile-v-russia-2020" { changed.source = "javascript:alert(document.cookie)" }
            return changed
        }
        let index = try PrecedentIndex.build(from: records)
        // Templates cite the shipped corpus (the example case cites records the fixture corpus lacks).
        let shipped = PrecedentSource.find(explicit: repository.appendingPathComponent("Precedents").path)
        return ServerResources(index: index, precedents: shipped,
                               templates: TemplateCatalog(folder: repository.appendingPathComponent("Templates")))
    } catch {
        fatalError("fixture corpus: \(error)")
    }
}()

/// The application over the test resources, driven in-process.
func testApplication(maxRequestBytes: Int = ServerConfiguration.defaultMaxRequestBytes, resources: ServerResources = testResources) -> some ApplicationProtocol {
    Application(router: AmicusServer.buildRouter(resources: resources, maxRequestBytes: maxRequestBytes))
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(buffer: body) }
}

/// A `multipart/form-data` body as a browser sends it.
struct MultipartBody {
    let boundary = "----AmicusTestBoundary7MA4YWxkTrZu0gW"
    private(set) var data: [UInt8] = []

    mutating func field(_ name: String, _ value: String) {
        data += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, fileName: String, _ bytes: [UInt8]) {
        data += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: application/x-yaml\r\n\r\n".utf8)
        data += bytes + Array("\r\n".utf8)
    }

    var body: ByteBuffer { ByteBuffer(bytes: data + Array("--\(boundary)--\r\n".utf8)) }
    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(boundary)"] }
}

func exampleCase() throws -> String {
    try String(contentsOf: repository.appendingPathComponent("Examples/rahmona.yaml"), encoding: .utf8)
}

/// The 1-based number of the first line of `text` that contains `needle`.
func lineNumber(of needle: String, in text: String) -> Int? {
    text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

/// The chunk of a results page for one precedent (`<li class="hit" data-id="…">` up to the next hit).
func hitBlock(_ id: String, in page: String) -> String? {
    guard let start = page.range(of: "<li class=\"hit\" data-id=\"\(id)\"") else { return nil }
    let rest = page[start.lowerBound...]
    let end = rest.dropFirst(10).range(of: "<li class=\"hit\"")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
}

/// `href="…"` values of links whose markup carries `marker` (e.g. `data-value="RU"`), with `&amp;` undone.
func links(in page: String, marker: String) -> [String] {
    page.components(separatedBy: "<a ").compactMap { tag -> String? in
        guard let close = tag.firstIndex(of: ">"), tag[..<close].contains(marker),
              let start = tag.range(of: "href=\"")?.upperBound,
              let end = tag[start...].firstIndex(of: "\"") else { return nil }
        return String(tag[start..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }
}

enum ServerResourcesWithout {
    static var index: ServerResources {
        ServerResources(index: nil, precedents: PrecedentSource(unavailable: "none"), templates: TemplateCatalog())
    }
}
