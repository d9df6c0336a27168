import Foundation

/// The compact binary form of a `Precedent` stored in the index (JSON coding costs ~100 µs a record on Linux;
/// this costs a few). Layout changes must bump `PrecedentIndex.schemaVersion`, which rebuilds old caches.
enum RecordCodec {
    static let version: UInt8 = 1

    static func encode(_ p: Precedent, into w: inout ByteWriter) {
        w.byte(version)
        w.string(p.id); w.string(p.title); w.optional(p.titleRU)
        w.string(p.forum.rawValue); w.string(p.forumName)
        w.optional(p.number); w.optional(p.symbol)
        let keys = p.identifiers.keys.sorted()
        w.varint(keys.count)
        for k in keys { w.string(k); w.string(p.identifiers[k]!) }
        w.varint(p.date.year); w.varint(p.date.month); w.varint(p.date.day)
        w.optional(p.decisionType?.rawValue)
        w.string(p.country.code)
        w.varint(p.articles.count)
        for a in p.articles { article(a, &w) }
        w.varint(p.outcomes.count)
        for o in p.outcomes {
            article(o.article, &w)
            w.varint(o.outcomes.count)
            for v in o.outcomes { w.string(v.rawValue) }
        }
        w.varint(p.keywords.count)
        for k in p.keywords { w.string(k) }
        w.string(p.summary)
        w.varint(p.keyParagraphs.count)
        for k in p.keyParagraphs { w.string(k.pinpoint); w.string(k.text) }
        w.string(p.source)
        w.byte(p.verified ? 1 : 0)
        w.varint(p.unverified.count)
        for u in p.unverified { w.string(u) }
        w.optional(p.notes); w.optional(p.citeAs)
    }

    private static func article(_ a: ArticleCode, _ w: inout ByteWriter) {
        w.string(a.instrument); w.string(a.article); w.varint(a.paragraph.map { $0 + 1 } ?? 0); w.optional(a.subparagraph)
    }

    private static func article(_ r: inout ByteReader) throws -> ArticleCode {
        let i = try r.string(), a = try r.string(), p = try r.varint(), l = try r.optional()
        return ArticleCode(instrument: i, article: a, paragraph: p == 0 ? nil : p - 1, subparagraph: l)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> Precedent {
        var r = ByteReader(bytes: bytes)
        guard try r.byte() == version else { throw ByteReader.Failure() }
        let id = try r.string(), title = try r.string(), titleRU = try r.optional()
        guard let forum = Forum(rawValue: try r.string()) else { throw ByteReader.Failure() }
        let forumName = try r.string()
        let number = try r.optional(), symbol = try r.optional()
        var identifiers: [String: String] = [:]
        for _ in 0..<(try r.varint()) { let k = try r.string(); identifiers[k] = try r.string() }
        guard let date = PrecedentDate(year: try r.varint(), month: try r.varint(), day: try r.varint()) else {
            throw ByteReader.Failure()
        }
        let decisionType = try r.optional().flatMap(DecisionType.init(rawValue:))
        let country = CountryCode(unchecked: try r.string())
        var articles: [ArticleCode] = []
        for _ in 0..<(try r.varint()) { articles.append(try article(&r)) }
        var outcomes: [ArticleOutcome] = []
        for _ in 0..<(try r.varint()) {
            let a = try article(&r)
            var list: [Outcome] = []
            for _ in 0..<(try r.varint()) {
                guard let o = Outcome(rawValue: try r.string()) else { throw ByteReader.Failure() }
                list.append(o)
            }
            outcomes.append(ArticleOutcome(article: a, outcomes: list))
        }
        var keywords: [String] = []
        for _ in 0..<(try r.varint()) { keywords.append(try r.string()) }
        let summary = try r.string()
        var paragraphs: [KeyParagraph] = []
        for _ in 0..<(try r.varint()) { paragraphs.append(KeyParagraph(pinpoint: try r.string(), text: try r.string())) }
        let source = try r.string()
        let verified = try r.byte() == 1
        var unverified: [String] = []
        for _ in 0..<(try r.varint()) { unverified.append(try r.string()) }
        let notes = try r.optional(), citeAs = try r.optional()
        return Precedent(id: id, title: title, titleRU: titleRU, forum: forum, forumName: forumName, number: number,
                         symbol: symbol, identifiers: identifiers, date: date, decisionType: decisionType,
                         country: country, articles: articles, outcomes: outcomes, keywords: keywords,
                         summary: summary, keyParagraphs: paragraphs, source: source, verified: verified,
                         unverified: unverified, notes: notes, citeAs: citeAs)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func byte(_ b: UInt8) { bytes.append(b) }
    mutating func varint(_ v: Int) {
        var x = UInt64(v)
        while x >= 0x80 { bytes.append(UInt8(x & 0x7F) | 0x80); x >>= 7 }
        bytes.append(UInt8(x))
    }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in varint(u.count); bytes.append(contentsOf: u) }
    }
    mutating func optional(_ s: String?) {
        if let s { byte(1); string(s) } else { byte(0) }
    }
}

struct ByteReader {
    struct Failure: Error {}
    let bytes: UnsafeRawBufferPointer
    var i = 0
    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func byte() throws -> UInt8 {
        guard i < bytes.count else { throw Failure() }
        defer { i += 1 }
        return bytes[i]
    }
    mutating func varint() throws -> Int {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            guard shift < 63 else { throw Failure() }
        }
        guard v <= UInt64(Int.max) else { throw Failure() }
        return Int(v)
    }
    mutating func string() throws -> String {
        let n = try varint()
        guard n <= bytes.count - i else { throw Failure() }
        defer { i += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<i + n]), as: UTF8.self)
    }
    mutating func optional() throws -> String? {
        try byte() == 1 ? try string() : nil
    }
}
