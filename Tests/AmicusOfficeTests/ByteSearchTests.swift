import Testing
@testable import AmicusOffice

/// The byte search that footnote marks, DTD refusal, table repair, requisites and form uploads all go through.
@Suite struct ByteSearchTests {
    let text = Array("<w:p>Рахмона <w:tbl> и <w:tbl>".utf8)

    @Test func findsTheFirstOccurrenceFromAnOffset() {
        let needle = Array("<w:tbl".utf8)
        let first = ByteSearch.firstIndex(of: needle, in: text)
        #expect(first == Array("<w:p>Рахмона ".utf8).count)
        let second = ByteSearch.firstIndex(of: needle, in: text, from: first! + 1)
        #expect(second == Array("<w:p>Рахмона <w:tbl> и ".utf8).count)
        #expect(ByteSearch.firstIndex(of: needle, in: text, from: second! + 1) == nil)
        #expect(ByteSearch.firstIndex(of: Array("<w:p>".utf8), in: text) == 0)
        #expect(ByteSearch.firstIndex(of: Array("<w:tbl>".utf8), in: text, from: text.count - 7) == text.count - 7)
        #expect(ByteSearch.firstIndex(of: Array("Рахмоны".utf8), in: text) == nil)
    }

    /// The search looks for the needle's least common byte first; hits of that byte where no whole needle fits,
    /// before or after, must neither match nor be skipped wrongly.
    @Test func theAnchorByteMayStandAnywhereInTheNeedle() {
        let haystack = Array("EabEabXabE".utf8)
        #expect(ByteSearch.firstIndex(of: Array("abE".utf8), in: haystack) == 1)
        #expect(ByteSearch.firstIndex(of: Array("abE".utf8), in: haystack, from: 2) == 7)
        #expect(ByteSearch.firstIndex(of: Array("Eab".utf8), in: haystack, from: 1) == 3)
        #expect(ByteSearch.firstIndex(of: Array("bXa".utf8), in: haystack) == 5)
        #expect(ByteSearch.firstIndex(of: Array("abEx".utf8), in: haystack) == nil)
        // A footnote mark (U+FDD2, EF B7 92) after Cyrillic text, whose bytes are all "common".
        #expect(ByteSearch.firstIndex(of: [0xEF, 0xB7, 0x92], in: Array("Рахмона".utf8) + [0xEF, 0xB7, 0x92]) == 14)
    }

    @Test func edgeCasesAreAnswersNotCrashes() {
        #expect(ByteSearch.firstIndex(of: [], in: text, from: 3) == 3)
        #expect(ByteSearch.firstIndex(of: text + [0x20], in: text) == nil)
        #expect(ByteSearch.firstIndex(of: [0x3C], in: text, from: text.count) == nil)
        #expect(ByteSearch.firstIndex(of: [0x3C], in: text, from: text.count + 5) == nil)
        #expect(ByteSearch.firstIndex(of: [0x3C], in: text, from: -1) == nil)
        #expect(ByteSearch.firstIndex(of: [0x3C], in: [UInt8]()) == nil)
    }
}
