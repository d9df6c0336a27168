/// Word refuses to open a document whose table cell holds no paragraph, or whose table has no row ("unreadable
/// content"), though LibreOffice shows both. A `{%p if %}` that removes a cell's only paragraph, or a `{%tr for %}`
/// over an empty list in a table of loop rows only, produces exactly that. After such a render, an empty cell gets
/// an empty paragraph and a table without rows is left out, so the filing opens in Word too.
enum DocxTableRepair {
    /// Returns the repaired part, or nil when nothing needed repair. `prefix` is the WordprocessingML prefix.
    static func repair(_ xml: String, prefix: String) -> String? {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let cellOpen = Array("<\(p)tc".utf8), cellClose = Array("</\(p)tc>".utf8)
        let tableOpen = Array("<\(p)tbl".utf8), tableClose = Array("</\(p)tbl>".utf8)
        let paragraphOpen = Array("<\(p)p".utf8), rowOpen = Array("<\(p)tr".utf8)
        let emptyParagraph = Array("<\(p)p/>".utf8)

        var text = xml
        let edits = text.withUTF8 { scan($0, cellOpen: cellOpen, cellClose: cellClose, tableOpen: tableOpen,
                                        tableClose: tableClose, paragraphOpen: paragraphOpen, rowOpen: rowOpen) }
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

    /// Where to insert an empty paragraph and which tables to remove, or nil when the part needs nothing.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, cellOpen: [UInt8], cellClose: [UInt8], tableOpen: [UInt8],
        tableClose: [UInt8], paragraphOpen: [UInt8], rowOpen: [UInt8]
    ) -> [(position: Int, remove: Range<Int>?)]? {
        // Frames of open cells and tables: where they start, and whether a paragraph or row was seen inside.
        var cells: [Bool] = []
        var tables: [(start: Int, hasRow: Bool)] = []
        var insertions: [Int] = []
        var removals: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        func at(_ token: [UInt8], _ index: Int) -> Bool {
            guard index + token.count <= n else { return false }
            for k in 0..<token.count where bytes[index + k] != token[k] { return false }
            return true
        }
        func nameEnds(_ index: Int) -> Bool {
            index < n && (bytes[index] == 0x3E || bytes[index] == 0x20 || bytes[index] == 0x2F)
        }
        while i < n {
            guard bytes[i] == 0x3C else { i += 1; continue }
            if at(cellOpen, i) && nameEnds(i + cellOpen.count) {
                cells.append(false)
            } else if at(cellClose, i) {
                if let hasParagraph = cells.popLast(), !hasParagraph { insertions.append(i) }
            } else if at(tableOpen, i) && nameEnds(i + tableOpen.count) {
                tables.append((i, false))
            } else if at(tableClose, i) {
                if let table = tables.popLast() {
                    if !table.hasRow { removals.append(table.start..<(i + tableClose.count)) }
                }
            } else if at(paragraphOpen, i) && nameEnds(i + paragraphOpen.count) {
                if !cells.isEmpty { cells[cells.count - 1] = true }
            } else if at(rowOpen, i) && nameEnds(i + rowOpen.count) {
                if !tables.isEmpty { tables[tables.count - 1].hasRow = true }
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
