import Testing
@testable import AmicusTemplate

/// ValueDict looks keys up by scanning while it is small and through a hash index once it grows: either way it
/// must behave as an ordered dictionary, across the change in both directions.
@Suite("Ordered dictionary of values")
struct ValueDictTests {
    @Test func behavesAsAnOrderedDictionaryAtEverySize() {
        var dict = ValueDict()
        var model: [(String, Int)] = []
        func check() {
            #expect(dict.keys == model.map(\.0))
            #expect(dict.count == model.count)
            for (k, v) in model { #expect(dict[k] == .int(v), "\(k)") }
            #expect(dict["absent"] == nil)
        }
        // Grow past the scanning size, one key at a time, Cyrillic keys included.
        for i in 0..<20 {
            let key = i % 2 == 0 ? "key\(i)" : "ключ\(i)"
            dict[key] = .int(i)
            model.append((key, i))
            check()
        }
        // Replacing keeps the position.
        dict["key4"] = .int(400)
        model[4].1 = 400
        check()
        // Shrink back below it, removing from the front, the middle and the end.
        for key in ["key0", "ключ9", "key18", "key10", "ключ1", "key2", "key6", "ключ11", "ключ13", "key14", "key16", "ключ19"] {
            dict[key] = nil
            model.removeAll { $0.0 == key }
            check()
        }
        // And grow again.
        for i in 20..<30 {
            dict["k\(i)"] = .int(i)
            model.append(("k\(i)", i))
            check()
        }
    }

    @Test func laterDuplicatesReplaceInPlaceAndEqualityIgnoresTheIndex() {
        let pairs: [(String, Value)] = (0..<12).map { ("k\($0 % 10)", .int($0)) }
        let dict = ValueDict(pairs)
        #expect(dict.keys == (0..<10).map { "k\($0)" })
        #expect(dict["k0"] == .int(10) && dict["k1"] == .int(11) && dict["k9"] == .int(9))
        var grownAndShrunk = ValueDict((0..<10).map { ("k\($0)", .int($0)) })
        for i in 10..<12 { grownAndShrunk["x\(i)"] = .int(i) }
        for i in 10..<12 { grownAndShrunk["x\(i)"] = nil }
        #expect(grownAndShrunk == ValueDict((0..<10).map { ("k\($0)", .int($0)) }))
        #expect(grownAndShrunk.hashValue == ValueDict((0..<10).map { ("k\($0)", .int($0)) }).hashValue)
    }

    /// "й" typed as one scalar or as "и" plus a combining breve is the same key, as in Swift's own Dictionary.
    @Test func canonicallyEquivalentKeysAreOneKey() {
        for size in [1, 12] {
            var dict = ValueDict((0..<size).map { ("f\($0)", .int($0)) })
            dict["й"] = .int(1)
            dict["и\u{0306}"] = .int(2)
            #expect(dict.count == size + 1)
            #expect(dict["й"] == .int(2))
        }
    }
}
