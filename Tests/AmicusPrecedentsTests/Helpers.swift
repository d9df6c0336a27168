import Foundation
import Testing
@testable import AmicusPrecedents

enum Paths {
    /// The repository's Precedents/ folder.
    static var realCorpus: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Precedents")
    }
    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }
    static func bad(_ name: String) -> URL { fixtures.appendingPathComponent("bad").appendingPathComponent(name) }

    /// A fresh temporary folder, removed by the caller's `defer`.
    static func temp(_ label: String = "amicus") -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One shared index over the real corpus (built once into a temporary cache).
enum Shared {
    static let cacheDir = Paths.temp("amicus-shared-index")
    static let index: PrecedentIndex = {
        try! PrecedentIndex.open(corpus: Paths.realCorpus, cachePath: cacheDir.appendingPathComponent("index.sqlite"))
    }()
    static let corpus: PrecedentCorpus = try! PrecedentCorpus.load(from: Paths.realCorpus)
    static func record(_ id: String) -> Precedent { corpus[id]! }
}
