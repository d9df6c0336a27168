@testable import AmicusServer
import Testing

/// The markup builder escapes every interpolated string, and only that.
@Suite struct HTMLTests {
    @Test func interpolatedTextIsEscapedAndMarkupIsNot() {
        let value = "<script>alert('x') & \"y\"</script>"
        let inner: HTML = "<em>\(value)</em>"
        let outer: HTML = "<p title=\"\(value)\">\(inner)</p>"
        #expect(outer.markup == "<p title=\"&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;\"><em>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</em></p>")
    }

    @Test func queryStringsAreEncodedBothWays() {
        var fields = FormFields(urlEncoded: "article=%D1%81%D1%82.+5&country=RU&q=a%26b%3Dc&empty=")
        #expect(fields["article"] == "ст. 5")
        #expect(fields["q"] == "a&b=c")
        #expect(fields["empty"] == nil)
        fields.add("article", "CRC-9")
        #expect(fields.queryString == "article=%D1%81%D1%82.%205&country=RU&q=a%26b%3Dc&article=CRC-9")
    }
}
