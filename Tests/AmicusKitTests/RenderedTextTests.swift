import AmicusCase
@testable import AmicusOffice
import Foundation
import Testing
@testable import AmicusKit

/// The forum checks read a filing's text from the rendered parts (DocumentTemplate.text(of:), the one-pass
/// scanner) instead of unpacking the document again; for every filing of the library that text must be the
/// text libxml2 reads from the finished .docx, part by part and paragraph by paragraph (and, as bytes, line by line).
@Suite struct RenderedTextTests {
    static let pairs = TemplateLibraryTests.pairs

    @Test(arguments: pairs)
    func theRenderedTextIsTheTextOfTheFinishedDocument(_ pair: TemplateLibraryTests.Pair) throws {
        let bench = Workbench(templatePath: repositoryPath("Templates/\(pair.template)/template.docx"),
                              casePath: repositoryPath(pair.example), lenient: false, precedents: TemplateLibraryTests.precedents)
        let template = try #require(bench.template)
        let document = try #require(bench.caseDocument)
        // Read from the rendered parts afterwards, and collected while the render checked them (what a batch does).
        let render = template.render(CaseContext.values(of: document), options: bench.options)
        let collecting = template.render(CaseContext.values(of: document), options: bench.options, collectingText: true)
        #expect(render.paragraphs.isEmpty)
        #expect(collecting.paragraphs["word/document.xml"] != nil, "the walk left the body to libxml2")
        let bytes = try #require(render.bytes, "\(render.errors)")
        #expect(collecting.bytes == bytes)
        let slow = try DocumentText(bytes: bytes, format: .docx)
        for fast in [try template.text(of: render), try template.text(of: collecting)] {
            #expect(fast.parts.map(\.name) == slow.parts.map(\.name))
            for (a, b) in zip(fast.parts, slow.parts) {
                #expect(a.paragraphs == b.paragraphs, "\(pair.template) × \(pair.example): \(a.name)")
            }
            #expect(fast.plainText.count > 500)
        }
        // The requisite check reads the same text as bytes, without a String per paragraph.
        #expect(try template.plainTextBytes(of: render) == Array(slow.plainText.utf8))
        #expect(try template.plainTextBytes(of: collecting) == Array(slow.plainText.utf8))
    }
}

/// Requisites are found on the bytes of the normalised text, as whole characters, in any Unicode form.
@Suite struct RequisiteSearchTests {
    @Test func spacesOfEveryKindMatchOnePlainSpace() {
        #expect(FilingChecks.contains("Постановление\u{00A0}от\u{2009}11\u{202F}ноября", "Постановление от 11 ноября"))
        #expect(FilingChecks.contains("ПРОШУ:\n\n1. Отменить", "ПРОШУ: 1."))
        #expect(!FilingChecks.contains("ПРОШУ", "ПРОШУ:"))
    }

    /// The byte-level normalisation equals the plain definition: every run of White_Space characters becomes
    /// one ASCII space, everything else stays as it is.
    @Test(arguments: [
        "a  b", "a \u{00A0}b", "a\t\nb", " a ", "a ", " ", "", "a \u{00AC}b", "a\u{2003}\u{2003} b", "слово  слово ",
        "ПРОШУ:\n\n1. Отменить", "x \u{3000}\u{205F}y", "a b c d", "№ 5 \u{0085}x", "a\r\n \u{1680}b", "ẞ \u{E1} ab",
    ])
    func normalisedBytesMatchTheDefinition(_ text: String) {
        var expected = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { expected.append(" ") }
                lastWasSpace = true
            } else {
                expected.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        #expect(FilingChecks.normalised(text) == expected, "\(Array(text.unicodeScalars))")
    }

    @Test func aLetterFollowedByACombiningMarkIsAnotherLetter() {
        // "и" + U+0306 is "й" written in two scalars: "Бои" is not in "Бой".
        #expect(!FilingChecks.contains("Бои\u{0306}", "Бои"))
        #expect(FilingChecks.contains("Бои\u{0306} и мир", "и мир"))
    }

    @Test func aRequisiteInAnotherNormalFormIsStillFound() {
        // The document has "й" precomposed (U+0439), the manifest decomposed: the character-wise search finds it.
        #expect(FilingChecks.contains("Заявитель: Рахмона Р. (Кыргызстан), город Ош, Рахмонай", "Рахмонаи\u{0306}"))
    }
}
