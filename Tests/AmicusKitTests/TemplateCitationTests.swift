import AmicusTemplate
import Foundation
import Testing
@testable import AmicusKit

/// cite() and precedents() as templates call them, on the shipped corpus.
@Suite struct TemplateCitationTests {
    static let source = PrecedentSource.find(explicit: repositoryPath("Precedents"))

    static func render(_ text: String, language: String, notes: NoteCollector? = nil) throws -> RenderOutcome {
        let template = try Template(source: text)
        let options = RenderOptions(functions: source.functions(language: language, notes: notes), locale: language)
        return template.render([:], options: options)
    }

    @Test func theDefaultStyleFollowsTheTemplatesLanguage() throws {
        let english = try Self.render("{{ cite('kim-v-russia-2014') }}", language: "en")
        #expect(english.errors.isEmpty)
        #expect(english.output == "Kim v. Russia, no. 44260/13, 17 July 2014")
        let russian = try Self.render("{{ cite('kim-v-russia-2014') }}", language: "ru")
        #expect(russian.output.hasPrefix("Постановление ЕСПЧ от 17.07.2014 по делу «"))
        #expect(russian.output.hasSuffix("» (жалоба № 44260/13)"))
        let chosen = try Self.render("{{ cite('kim-v-russia-2014', style='ecthr') }}", language: "ru")
        #expect(chosen.output == "Kim v. Russia, no. 44260/13, 17 July 2014")
    }

    @Test func aUNBodysViewsAreCitedInTheUNStyle() throws {
        let outcome = try Self.render("{{ cite('dd-v-spain-2019', para=14) }}", language: "en")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.output.hasPrefix("Committee on the Rights of the Child, D.D. v. Spain, communication No. 4/2016"), "\(outcome.output)")
        #expect(outcome.output.hasSuffix("CRC/C/80/D/4/2016, para. 14"), "\(outcome.output)")
    }

    @Test func anUnknownIdIsARenderErrorAtTheCallWithASuggestion() throws {
        let source = "Line one\n{{ cite('kim-v-rusia-2014') }}"
        let outcome = try Self.render(source, language: "en")
        let error = try #require(outcome.errors.first)
        #expect(error.message.contains("unknown precedent 'kim-v-rusia-2014' (did you mean 'kim-v-russia-2014'?)"), "\(error.message)")
        #expect(error.location.line == 2)
    }

    @Test func aPinpointNotInTheCorpusIsNotedForTheLawyer() throws {
        let notes = NoteCollector()
        let outcome = try Self.render("{{ cite('kim-v-russia-2014', para=56) }}", language: "en", notes: notes)
        #expect(outcome.output == "Kim v. Russia, no. 44260/13, § 56, 17 July 2014")
        #expect(notes.notes.contains { $0.contains("para=56") && $0.contains("check it against the judgment") }, "\(notes.notes)")
    }

    @Test func precedentsLoopsOverMatchesByArticleAndCountry() throws {
        let outcome = try Self.render(
            "{% for p in precedents(article='ст. 5 ЕКПЧ', country='Россия', forum='ECtHR') %}{{ p.id }};{% endfor %}",
            language: "ru")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let ids = outcome.output.split(separator: ";").map(String.init)
        #expect(ids.first == "mskhiladze-v-russia-2018", "newest first: \(ids)")
        #expect(Set(ids) == ["mskhiladze-v-russia-2018", "kim-v-russia-2014", "azimov-v-russia-2013", "alim-v-russia-2011", "nasrulloyev-v-russia-2007"])
        let bad = try Self.render("{{ precedents(article='Art. 999 of nothing') }}", language: "en")
        #expect(bad.errors.first?.message.contains("unknown article 'Art. 999 of nothing'") == true)
    }

    @Test func withoutACorpusCiteSaysWhereToPointAmicus() throws {
        let template = try Template(source: "{{ cite('kim-v-russia-2014') }}")
        let none = PrecedentSource(unavailable: "no precedent corpus found: set AMICUS_PRECEDENTS")
        let outcome = template.render([:], options: RenderOptions(functions: none.functions(language: "en")))
        #expect(outcome.errors.first?.message.contains("AMICUS_PRECEDENTS") == true)
    }
}
