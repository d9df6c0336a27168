import Foundation
import Testing
@testable import AmicusCase

/// The examples in docs/manifest.md and docs/case-data.md are read as written, so the docs cannot drift.
@Suite struct DocsExampleTests {
    static func yamlBlocks(_ doc: String) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/" + doc).standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    @Test func manifestExampleIsAValidManifest() throws {
        let example = try #require(try Self.yamlBlocks("manifest.md").first)
        let manifest = try TemplateManifest.parse(example, file: "manifest.yaml")
        #expect(manifest.pageLimit == 20)
        #expect(manifest.declaredPaths.contains("court.kind"))
    }

    @Test func caseDataExamplesReadAndTheFirstFitsTheManifestExample() throws {
        let blocks = try Self.yamlBlocks("case-data.md")
        #expect(blocks.count == 2)
        for block in blocks { _ = try CaseLoader.parse(block, file: "case.yaml") }
        let manifest = try TemplateManifest.parse(try #require(try Self.yamlBlocks("manifest.md").first),
                                                  file: "manifest.yaml")
        let example = try CaseLoader.parse(blocks[0], file: "case.yaml")
        #expect(lines(manifest.validate(example).diagnostics) == [])
    }
}
