/// "Did you mean" suggestions: a misspelled name in a filing template is the most common mistake, and the fix is
/// almost always a key that is actually there.

/// The closest candidate to `name`, compared case-insensitively by edit distance (with transpositions), or nil
/// when nothing is close enough to be a likely typo. Public so that every part of Amicus suggests the same way.
public func didYouMean<S: Sequence>(_ name: String, among candidates: S) -> String? where S.Element == String {
    let target = Array(name.lowercased().unicodeScalars)
    guard !target.isEmpty else { return nil }
    let limit = target.count <= 2 ? 0 : (target.count <= 4 ? 1 : (target.count <= 9 ? 2 : 3))
    var best: (String, Int)? = nil
    for c in candidates where c != name {
        let cand = Array(c.lowercased().unicodeScalars)
        if abs(cand.count - target.count) > limit { continue }
        let d = editDistance(target, cand, limit: limit)
        if d <= limit, best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
}

/// Optimal-string-alignment distance; stops early once every cell of a row exceeds `limit`.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        var rowMin = cur[0]
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
            cur[j] = v
            rowMin = min(rowMin, v)
        }
        if rowMin > limit { return limit + 1 }
        (prev2, prev, cur) = (prev, cur, prev2)
    }
    return prev[b.count]
}

func suggestionSuffix(_ name: String, among candidates: some Sequence<String>) -> String {
    didYouMean(name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
}
