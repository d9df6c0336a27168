import Testing
@testable import AmicusPrecedents

@Suite("Citations")
struct CitationTests {
    let kim = Shared.record("kim-v-russia-2014")
    let dd = Shared.record("dd-v-spain-2019")

    @Test func ecthr() {
        #expect(cite(kim, para: "56", style: .ecthr) == "Kim v. Russia, no. 44260/13, § 56, 17 July 2014")
        #expect(cite(kim, para: 56, style: .ecthr) == "Kim v. Russia, no. 44260/13, § 56, 17 July 2014")
        #expect(cite(kim, style: .ecthr) == "Kim v. Russia, no. 44260/13, 17 July 2014")
        #expect(cite(kim, para: "56-58", style: .ecthr) == "Kim v. Russia, no. 44260/13, §§ 56-58, 17 July 2014")
        #expect(cite(kim, para: "§§ 56–58", style: .ecthr) == "Kim v. Russia, no. 44260/13, §§ 56-58, 17 July 2014")
        #expect(cite(Shared.record("popov-v-france-2012"), para: "91", style: .ecthr)
                == "Popov v. France, nos. 39472/07 and 39474/07, § 91, 19 January 2012")
        #expect(cite(Shared.record("tarakhel-v-switzerland-2014"), para: "96-97", style: .ecthr)
                == "Tarakhel v. Switzerland [GC], no. 29217/12, §§ 96-97, 4 November 2014")
        #expect(cite(Shared.record("nasrulloyev-v-russia-2007"), para: "72", style: .ecthr)
                == "Nasrulloyev v. Russia, no. 656/06, § 72, 11 October 2007")
        var dec = kim
        dec.decisionType = .decision
        #expect(cite(dec, style: .ecthr) == "Kim v. Russia (dec.), no. 44260/13, 17 July 2014")
        dec.number = "1/20, 2/20 and 3/20"
        #expect(cite(dec, style: .ecthr) == "Kim v. Russia (dec.), nos. 1/20 and 2 others, 17 July 2014")
    }

    /// What each kind of document is called, in both languages: the names a record's page shows and Russian
    /// citations begin with.
    @Test func documentKindsAreNamedInBothLanguages() {
        let expected: [(String, String, String)] = [
            ("kim-v-russia-2014", "Judgment", "Постановление"),
            ("ru-cc-14-p-2017-mskhiladze", "Judgment", "Постановление"),
            ("dd-v-spain-2019", "Views", "Соображения"),
            ("crc-gc-14-2013", "General comment", "Замечание общего порядка"),
            ("jgc-cmw4-crc23-2017", "Joint general comment", "Совместное замечание общего порядка"),
            ("crc-co-rus-4-5-2014", "Concluding observations", "Заключительные замечания"),
            ("crc-1989-text", "Treaty", "Международный договор"),
        ]
        for (id, english, russian) in expected {
            #expect(Shared.record(id).kindName(russian: false) == english, "\(id)")
            #expect(Shared.record(id).kindName(russian: true) == russian, "\(id)")
        }
        var decision = Shared.record("ru-cc-14-p-2017-mskhiladze")
        decision.decisionType = .decision
        #expect(decision.kindName(russian: true) == "Определение")   // a Russian court's decision
        decision = kim
        decision.decisionType = .decision
        #expect(decision.kindName(russian: true) == "Решение")
        #expect(Shared.record("nbf-v-spain-2018").kindName(russian: true) == nil)   // no decision type recorded
    }

    @Test func un() {
        #expect(cite(dd, para: "14", style: .un) ==
            "Committee on the Rights of the Child, D.D. v. Spain, communication No. 4/2016, Views adopted on 1 February 2019, CRC/C/80/D/4/2016, para. 14")
        #expect(cite(dd, style: .un) ==
            "Committee on the Rights of the Child, D.D. v. Spain, communication No. 4/2016, Views adopted on 1 February 2019, CRC/C/80/D/4/2016")
        #expect(cite(dd, para: "14.2-14.4", style: .un).hasSuffix("CRC/C/80/D/4/2016, paras. 14.2-14.4"))
        #expect(cite(Shared.record("winata-v-australia-2001"), para: "7.3", style: .un) ==
            "Human Rights Committee, Winata and Li v. Australia, communication No. 930/2000, Views adopted on 26 July 2001, CCPR/C/72/D/930/2000, para. 7.3")
        #expect(cite(Shared.record("nbf-v-spain-2018"), style: .un) ==
            "Committee on the Rights of the Child, N.B.F. v. Spain, communication No. 11/2017, adopted on 27 September 2018, CRC/C/79/D/11/2017")
        #expect(cite(Shared.record("crc-gc-14-2013"), para: "6", style: .un) ==
            "Committee on the Rights of the Child, general comment No. 14 (2013), CRC/C/GC/14, para. 6")
        #expect(cite(Shared.record("jgc-cmw4-crc23-2017"), style: .un) ==
            "Joint general comment No. 4 (2017) of the Committee on Migrant Workers and No. 23 (2017) of the Committee on the Rights of the Child, CMW/C/GC/4-CRC/C/GC/23")
        #expect(cite(Shared.record("crc-co-rus-4-5-2014"), style: .un) ==
            "Committee on the Rights of the Child, concluding observations on the combined fourth and fifth periodic reports of the Russian Federation, adopted on 31 January 2014, CRC/C/RUS/CO/4-5")
    }

    @Test func russian() {
        #expect(cite(kim, para: "56", style: .ru) ==
            "Постановление ЕСПЧ от 17.07.2014 по делу «Kim v. Russia» (жалоба № 44260/13), § 56")
        #expect(cite(kim, style: .ru) == "Постановление ЕСПЧ от 17.07.2014 по делу «Kim v. Russia» (жалоба № 44260/13)")
        #expect(cite(Shared.record("mh-and-others-v-croatia-2021"), para: "180-185", style: .ru) ==
            "Постановление ЕСПЧ от 18.11.2021 по делу «M.H. and Others v. Croatia» (жалобы № 15670/18 и 43115/18), §§ 180-185")
        #expect(cite(dd, para: "14", style: .ru) ==
            "Соображения Комитета по правам ребенка от 01.02.2019 по сообщению № 4/2016 (CRC/C/80/D/4/2016), п. 14")
        #expect(cite(Shared.record("winata-v-australia-2001"), style: .ru) ==
            "Соображения Комитета по правам человека от 26.07.2001 по сообщению № 930/2000 (CCPR/C/72/D/930/2000)")
        #expect(cite(Shared.record("ru-cc-14-p-2017-mskhiladze"), style: .ru) ==
            "Постановление Конституционного Суда РФ от 23.05.2017 N 14-П «По делу о проверке конституционности положений статей 31.7 и 31.9 Кодекса Российской Федерации об административных правонарушениях в связи с жалобой лица без гражданства Н.Г. Мсхиладзе»")
        #expect(cite(Shared.record("crc-gc-14-2013"), para: "6", style: .ru) ==
            "Замечание общего порядка № 14 (2013) Комитета по правам ребенка (CRC/C/GC/14), п. 6")
        #expect(cite(Shared.record("crc-co-rus-4-5-2014"), style: .ru) ==
            "Заключительные замечания Комитета по правам ребенка от 31.01.2014 (CRC/C/RUS/CO/4-5)")
    }

    @Test func russianCourtInEnglish() {
        #expect(cite(Shared.record("ru-cc-14-p-2017-mskhiladze"), style: .ecthr) ==
            "Constitutional Court of the Russian Federation, Judgment No. 14-P/2017, 23 May 2017")
        #expect(cite(Shared.record("crc-1989-text"), style: .un) ==
            "Convention on the Rights of the Child, GA resolution 44/25, 20 November 1989")
    }

    @Test func verificationIsReportedNotPrinted() {
        let c = kim.citation(para: "56")
        #expect(c.text == "Kim v. Russia, no. 44260/13, § 56, 17 July 2014")
        #expect(c.isVerified)
        #expect(c.pinpointInCorpus == false)        // § 56 is not confirmed by the reference
        #expect(Shared.record("nasrulloyev-v-russia-2007").citation(para: "§ 72").pinpointInCorpus == true)
        let nbf = Shared.record("nbf-v-spain-2018").citation()
        #expect(!nbf.isVerified)
        #expect(!nbf.recordVerified)
        #expect(nbf.unverifiedFields == ["decision_type"])
        #expect(!nbf.text.contains("unverified"))
        let cis = Shared.record("cis-chisinau-agreement-return-minors-2002").citation(style: .ecthr)
        // Its `number` is marked unverified because none was seen; the citation prints no number, so it states
        // nothing unverified and must not warn.
        #expect(cis.unverifiedFields == [])
        #expect(cis.text == "Agreement on cooperation of the CIS member States on the return of minors to their States of permanent residence (Chisinau), 7 October 2002")
        #expect(Shared.record("bistieva-and-others-v-poland-2018").citation().isVerified)   // outcomes are not printed
        #expect(!Shared.record("bistieva-and-others-v-poland-2018").isFullyVerified)
    }

    @Test func defaultStyles() {
        #expect(CitationStyle.defaultStyle(forLanguage: "ru", forum: .ecthr) == .ru)
        #expect(CitationStyle.defaultStyle(forLanguage: "ru-RU", forum: .crc) == .ru)
        #expect(CitationStyle.defaultStyle(forLanguage: "en", forum: .ecthr) == .ecthr)
        #expect(CitationStyle.defaultStyle(forLanguage: "en", forum: .crc) == .un)
        #expect(CitationStyle.defaultStyle(forLanguage: "en", forum: .hrc) == .un)
        #expect(CitationStyle.defaultStyle(forLanguage: "en", forum: .ksrf) == .ecthr)
    }

    @Test func citationsOfEveryRecordArePlainAndNonEmpty() {
        for p in Shared.corpus.records {
            for style in CitationStyle.allCases {
                let t = cite(p, para: "1", style: style)
                #expect(!t.isEmpty)
                #expect(!t.contains("<") && !t.contains("*") && !t.contains("\n"), "\(p.id) \(style): \(t)")
            }
        }
    }
}
