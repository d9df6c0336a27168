import Foundation
import Testing
@testable import AmicusCase

/// The JSON Schema for editors, compared with a reviewed golden file.
@Suite struct JSONSchemaTests {
    @Test func schemaOfASmallManifestMatchesTheGoldenFile() throws {
        let manifest = try TemplateManifest.load(path: Fixture.path("manifests/small.yaml"))
        let schema = manifest.jsonSchema()
        let golden = try Fixture.text("manifests/small.schema.json")
        if schema != golden {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("small.schema.json")
            try? schema.write(to: actual, atomically: true, encoding: .utf8)
            Issue.record("schema differs from Fixtures/manifests/small.schema.json; actual output is in \(actual.path)")
        }
    }

    @Test func schemaIsValidJSONAndStable() throws {
        let manifest = try #require(try? TemplateManifest.load(path: Fixture.path("manifests/appeal.yaml")))
        let schema = manifest.jsonSchema()
        #expect(schema == manifest.jsonSchema())
        let object = try JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((object?["required"] as? [String])?.contains("children") == true)
    }

    @Test func stringsAreEscaped() {
        #expect(JSONText.quoted("a\"b\\c\nd\u{01}é") == #""a\"b\\c\nd\u0001é""#)
    }
}
