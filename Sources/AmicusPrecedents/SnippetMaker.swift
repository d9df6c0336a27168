import Foundation

/// The passage shown under a hit, made from the record's own text with FTS5's tokenizer: the column holding the most
/// of the query's words (prose first on a tie), and in it the window of `length` tokens holding the most of them.
/// FTS5's `snippet()` needed a second FTS5 query per row of the page (parsing the query and seeking every term's
/// matches again, about 25 µs a row); this reads text the search has already decoded.
struct SnippetMaker {
    /// One token a query term asks for: its folded bytes, and whether a word need only start with them (the last
    /// token of a term ending in `*`).
    private struct Wanted {
        let bytes: [UInt8]
        let prefix: Bool
    }

    /// A token of a column: where it is, and which of `wanted` it satisfies (bit i for `wanted[i]`).
    private struct Token {
        let start: Int
        let end: Int
        let mask: UInt64
    }

    private struct Hit {
        let term: Int
        let first: Int   // token index
        let last: Int
    }

    private var wanted: [Wanted] = []
    /// Per query term, its tokens as indexes into `wanted`, in order.
    private var terms: [[Int]] = []
    private let tokenizer: FTS5.Tokenizer
    /// Columns in the order a tie is settled (see `PrecedentIndex.snippetPreference`).
    private let preference: [Int]
    let length = 14

    init(terms: [PrecedentIndex.FTSTerm], tokenizer: FTS5.Tokenizer, preference: [Int]) {
        self.tokenizer = tokenizer
        self.preference = preference
        for term in terms {
            let tokens = tokenizer.tokens(term.text)
            guard !tokens.isEmpty, wanted.count + tokens.count <= 64 else { continue }
            var indexes: [Int] = []
            for (k, t) in tokens.enumerated() {
                indexes.append(wanted.count)
                wanted.append(Wanted(bytes: Array(t.utf8), prefix: term.prefix && k == tokens.count - 1))
            }
            self.terms.append(indexes)
        }
    }

    /// The snippet for a record whose indexed columns are `columns` (in `PrecedentIndex.ftsColumns` order).
    func snippet(columns: [String]) -> Snippet? {
        var best: (column: Int, tokens: [Token], hits: [Hit], found: Int)?
        for c in preference + columns.indices.filter({ !preference.contains($0) }) where c < columns.count && !columns[c].isEmpty {
            let tokens = self.tokens(columns[c])
            let hits = self.hits(in: tokens)
            var found = 0
            for t in terms.indices where hits.contains(where: { $0.term == t }) { found += 1 }
            if best == nil || found > best!.found { best = (c, tokens, hits, found) }
            if found == terms.count { break }   // nothing later can beat it
        }
        guard let best, !best.tokens.isEmpty else { return nil }
        return passage(Array(columns[best.column].utf8), best.tokens, best.hits)
    }

    private func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        tokenizer.forEachToken(in: text) { token, start, end in
            var mask: UInt64 = 0
            for (i, w) in wanted.enumerated() where w.prefix ? token.count >= w.bytes.count : token.count == w.bytes.count {
                if w.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, token.baseAddress!, w.bytes.count) == 0 }) {
                    mask |= 1 << UInt64(i)
                }
            }
            out.append(Token(start: start, end: end, mask: mask))
        }
        return out
    }

    private func hits(in tokens: [Token]) -> [Hit] {
        var out: [Hit] = []
        for (i, token) in tokens.enumerated() where token.mask != 0 {
            for (t, indexes) in terms.enumerated() where i + indexes.count <= tokens.count {
                var matches = true
                for (k, w) in indexes.enumerated() where tokens[i + k].mask & (1 << UInt64(w)) == 0 { matches = false; break }
                if matches { out.append(Hit(term: t, first: i, last: i + indexes.count - 1)) }
            }
        }
        return out
    }

    private func passage(_ text: [UInt8], _ tokens: [Token], _ hits: [Hit]) -> Snippet {
        // The window: the one starting just before a hit that holds the most distinct terms, then the most hits;
        // the earliest of equals. With no hit, the column's start.
        var start = 0
        var bestScore = -1
        for h in hits {
            let s = max(0, min(h.first - 2, tokens.count - length))
            let inside = hits.filter { $0.first >= s && $0.last < s + length }
            let score = Set(inside.map(\.term)).count * 1000 + inside.count
            if score > bestScore { bestScore = score; start = s }
        }
        let end = min(tokens.count, start + length)
        let from = start == 0 ? 0 : tokens[start].start
        let to = end == tokens.count ? text.count : tokens[end - 1].end
        // Marked byte ranges, overlapping hits merged.
        var marks: [Range<Int>] = []
        for h in hits where h.first >= start && h.last < end {
            let r = tokens[h.first].start..<tokens[h.last].end
            if let last = marks.last, r.lowerBound <= last.upperBound {
                marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                marks.append(r)
            }
        }
        var parts: [Snippet.Part] = []
        func add(_ a: Int, _ b: Int, match: Bool) {
            if b > a { parts.append(Snippet.Part(text: String(decoding: text[a..<b], as: UTF8.self), isMatch: match)) }
        }
        if start > 0 { parts.append(Snippet.Part(text: "…", isMatch: false)) }
        var at = from
        for m in marks {
            add(at, m.lowerBound, match: false)
            add(m.lowerBound, m.upperBound, match: true)
            at = m.upperBound
        }
        add(at, to, match: false)
        if end < tokens.count { parts.append(Snippet.Part(text: "…", isMatch: false)) }
        // Neighbouring plain parts read as one.
        var merged: [Snippet.Part] = []
        for p in parts {
            if let last = merged.last, !last.isMatch, !p.isMatch { merged[merged.count - 1].text += p.text } else { merged.append(p) }
        }
        return Snippet(parts: merged)
    }
}
