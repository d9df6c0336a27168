import Foundation

/// Word refuses to open a document whose table cell holds no paragraph, or whose table has no row ("unreadable
/// content"), though LibreOffice shows both. A `{%p if %}` that removes a cell's only paragraph, or a `{%tr for %}`
/// over an empty list in a table of loop rows only, produces exactly that. After such a render, an empty cell gets
/// an empty paragraph and a table without rows is left out, so the filing opens in Word too.
enum DocxTableRepair {
    /// Returns the repaired part, or nil when nothing needed repair. `prefix` is the WordprocessingML prefix.
    static func repair(_ xml: String, prefix: String) -> String? {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let emptyParagraph = Array("<\(p)p/>".utf8)
        var text = xml
        let edits = text.withUTF8 { scan($0, prefix: Array(p.utf8)) }
        guard let edits else { return nil }
        var bytes = Array(xml.utf8)
        // Apply from the end so earlier offsets stay valid.
        for edit in edits.sorted(by: { $0.position > $1.position }) {
            if let range = edit.remove {
                bytes.removeSubrange(range)
            } else {
                bytes.insert(contentsOf: emptyParagraph, at: edit.position)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The four elements the scan follows; anything else is skipped at its first byte.
    private enum Element { case cell, table, paragraph, row }

    /// Where to insert an empty paragraph and which tables to remove, or nil when the part needs nothing.
    /// One pass over the bytes: at each `<` the prefix and the local name are compared in place, which matters
    /// because this runs over every rendered body part of a template with loops in tables.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, prefix: [UInt8]) -> [(position: Int, remove: Range<Int>?)]? {
        // Frames of open cells and tables: where they start, and whether a paragraph or row was seen inside.
        var cells: [Bool] = []
        var tables: [(start: Int, hasRow: Bool)] = []
        var insertions: [Int] = []
        var removals: [Range<Int>] = []
        let n = bytes.count
        func nameEnds(_ index: Int) -> Bool {
            index < n && (bytes[index] == 0x3E || bytes[index] == 0x20 || bytes[index] == 0x2F)
        }
        /// The element whose name starts at `index` (after `<` or `</`) and ends there, with the index past it.
        func element(at index: Int) -> (Element, end: Int)? {
            let count = prefix.count
            guard index + count < n else { return nil }
            var k = 0
            while k < count {
                guard bytes[index + k] == prefix[k] else { return nil }
                k += 1
            }
            let j = index + count
            let first = bytes[j]
            let second: UInt8 = j + 1 < n ? bytes[j + 1] : 0
            switch (first, second) {
            case (0x70, _) where nameEnds(j + 1): return (.paragraph, j + 1)                  // p
            case (0x74, 0x63) where nameEnds(j + 2): return (.cell, j + 2)                    // tc
            case (0x74, 0x72) where nameEnds(j + 2): return (.row, j + 2)                     // tr
            case (0x74, 0x62) where j + 2 < n && bytes[j + 2] == 0x6C && nameEnds(j + 3):    // tbl
                return (.table, j + 3)
            default: return nil
            }
        }
        guard let base = bytes.baseAddress else { return nil }
        // Cells and rows live in tables: outside every table, jump straight to the next `<w:tbl`.
        let tableOpening = [0x3C] + prefix + [0x74, 0x62, 0x6C]
        var i = 0
        while i < n {
            if tables.isEmpty && cells.isEmpty {
                guard let found = ByteSearch.firstIndex(of: tableOpening, in: bytes, from: i) else { break }
                i = found
            }
            guard let hit = memchr(base + i, 0x3C, n - i) else { break }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let closing = i + 1 < n && bytes[i + 1] == 0x2F
            guard let (kind, end) = element(at: i + (closing ? 2 : 1)) else { i += 1; continue }
            switch (kind, closing) {
            case (.cell, false): cells.append(false)
            case (.cell, true):
                if let hasParagraph = cells.popLast(), !hasParagraph { insertions.append(i) }
            case (.table, false): tables.append((i, false))
            case (.table, true):
                if let table = tables.popLast(), !table.hasRow {
                    // The removal runs to the `>` that ends `</tbl>`.
                    var close = end
                    while close < n && bytes[close] != 0x3E { close += 1 }
                    removals.append(table.start..<min(close + 1, n))
                }
            case (.paragraph, false):
                if !cells.isEmpty { cells[cells.count - 1] = true }
            case (.row, false):
                if !tables.isEmpty { tables[tables.count - 1].hasRow = true }
            default: break
            }
            i += 1
        }
        if insertions.isEmpty && removals.isEmpty { return nil }
        // A removed table takes its cells' insertions with it (and removals never overlap but nest: keep the outer).
        let outerRemovals = removals.filter { inner in !removals.contains { $0 != inner && $0.lowerBound <= inner.lowerBound && inner.upperBound <= $0.upperBound } }
        let keptInsertions = insertions.filter { position in !outerRemovals.contains { $0.contains(position) } }
        return keptInsertions.map { ($0, nil) } + outerRemovals.map { ($0.lowerBound, $0) }
    }
}
