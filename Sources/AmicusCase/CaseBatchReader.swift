import Foundation

/// Cases for a batch, however an NGO keeps them after a raid: one YAML file per case, one YAML file holding a
/// list of cases, or a CSV table with one row per case and dotted column names (`applicant.name.cyrillic`).
public enum CaseBatchReader {
    /// One case of a batch: a label that says where it came from (`raid.csv:7`, `cases.yaml[2]`) and its reading.
    public struct Item: Sendable {
        public var label: String
        public var reading: CaseReading
    }

    public static func read(path: String, limits: CaseLoader.Limits = .init()) -> [Item] {
        if path.lowercased().hasSuffix(".csv") { return readCSV(path: path, limits: limits) }
        let bytes: [UInt8]
        do {
            bytes = try CaseLoader.readFile(path: path, limits: limits)
        } catch {
            return [Item(label: path, reading: CaseReading(document: nil, diagnostics: error.diagnostics))]
        }
        // A list at the top: each item is a case; anything else is read as one case file. Parsed once either way.
        let composition = CaseLoader.compose(bytes: bytes, file: path, limits: limits)
        if case .composed(let root, _, let yamlDiagnostics) = composition, let items = root?.list {
            return listItems(items, path: path, diagnostics: yamlDiagnostics)
        }
        return [Item(label: path, reading: CaseLoader.reading(of: composition, file: path))]
    }

    private static func listItems(_ items: [CaseNode], path: String, diagnostics shared: [CaseDiagnostic]) -> [Item] {
        items.enumerated().map { index, item in
            let label = "\(path)[\(index)]"
            guard item.entries != nil else {
                let problem = CaseDiagnostic(file: path, at: item.position, path: CasePath.root.appending(index: index),
                                             "each item of a list of cases must be a case (`key: value` lines), but it is \(item.kindDescription)")
                return Item(label: label, reading: CaseReading(document: nil, diagnostics: [problem]))
            }
            let mine = shared.filter { $0.line >= item.position.line && $0.line <= lastLine(of: item) }
            let document = CaseDocument(file: path, root: item, warnings: mine.filter { $0.severity != .error })
            return Item(label: label, reading: CaseReading(document: mine.contains { $0.severity == .error } ? nil : document, diagnostics: mine))
        }
    }

    private static func lastLine(of node: CaseNode) -> Int {
        switch node.value {
        case .list(let items): return items.map(lastLine(of:)).max() ?? node.position.line
        case .map(let entries): return entries.map { lastLine(of: $0.value) }.max() ?? node.position.line
        default: return node.position.line
        }
    }

    /// A CSV table: a header of dotted names, then one case per row. Each cell is typed as a plain YAML scalar
    /// would be (so a date stays a date and `+7900…` stays text); an empty cell is absent.
    public static func readCSV(path: String, limits: CaseLoader.Limits = .init()) -> [Item] {
        let bytes: [UInt8]
        do {
            bytes = try CaseLoader.readFile(path: path, limits: limits)
        } catch {
            return [Item(label: path, reading: CaseReading(document: nil, diagnostics: error.diagnostics))]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return [Item(label: path, reading: CaseReading(document: nil, diagnostics: [
                CaseDiagnostic(file: path, at: .start, "the file is not UTF-8 text; save the table as CSV UTF-8")]))]
        }
        let rows: [CSVRow]
        do {
            rows = try CSVRow.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            return [Item(label: path, reading: CaseReading(document: nil, diagnostics: [
                CaseDiagnostic(file: path, at: SourcePosition(line: error.line, column: 1), error.message)]))]
        }
        guard let header = rows.first else {
            return [Item(label: path, reading: CaseReading(document: nil, diagnostics: [
                CaseDiagnostic(file: path, at: .start, "the table is empty: the first row names the fields, then one row per case")]))]
        }
        var headerProblems: [CaseDiagnostic] = []
        for (index, name) in header.cells.enumerated() {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            if name.isEmpty || parts.contains(where: \.isEmpty) {
                headerProblems.append(CaseDiagnostic(file: path, at: SourcePosition(line: header.line, column: index + 1),
                                                     "column \(index + 1) has no usable name (\"\(name)\"); use dotted names like applicant.name"))
            }
        }
        if Set(header.cells).count != header.cells.count {
            headerProblems.append(CaseDiagnostic(file: path, at: SourcePosition(line: header.line, column: 1), "two columns have the same name"))
        }
        if !headerProblems.isEmpty {
            return [Item(label: path, reading: CaseReading(document: nil, diagnostics: headerProblems))]
        }
        return rows.dropFirst().filter { !$0.cells.allSatisfy(\.isEmpty) }.map { row in
            let label = "\(path):\(row.line)"
            guard row.cells.count <= header.cells.count else {
                return Item(label: label, reading: CaseReading(document: nil, diagnostics: [
                    CaseDiagnostic(file: path, at: SourcePosition(line: row.line, column: header.cells.count + 1),
                                   "this row has \(row.cells.count) cells but the header names \(header.cells.count) columns")]))
            }
            var diagnostics: [CaseDiagnostic] = []
            var root = CaseNode(.map([]), at: SourcePosition(line: row.line, column: 1))
            for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
                let position = SourcePosition(line: row.line, column: index + 1)
                let value: CaseValue
                switch ScalarTyping.type(cell, style: .plain) {
                case .value(let typed): value = typed
                case .impossibleDate(let reason):
                    diagnostics.append(CaseDiagnostic(file: path, at: position, path: CasePath.root.appending(header.cells[index]), reason))
                    value = .string(cell)
                }
                insert(CaseNode(value, at: position, source: cell), at: header.cells[index].split(separator: ".").map(String.init), into: &root)
            }
            let document = CaseDocument(file: path, root: root)
            return Item(label: label, reading: CaseReading(document: diagnostics.isEmpty ? document : nil, diagnostics: diagnostics))
        }
    }

    private static func insert(_ node: CaseNode, at path: [String], into parent: inout CaseNode) {
        guard case .map(var entries) = parent.value, let key = path.first else { return }
        if path.count == 1 {
            entries.append(CaseEntry(key: key, keyPosition: node.position, value: node))
        } else if let index = entries.firstIndex(where: { $0.key == key }) {
            insert(node, at: Array(path.dropFirst()), into: &entries[index].value)
        } else {
            var child = CaseNode(.map([]), at: node.position)
            insert(node, at: Array(path.dropFirst()), into: &child)
            entries.append(CaseEntry(key: key, keyPosition: node.position, value: child))
        }
        parent.value = .map(entries)
    }
}

/// A row of a CSV table (RFC 4180: commas, double quotes, doubled quotes inside, line breaks inside quotes).
struct CSVRow {
    var line: Int
    var cells: [String]

    struct Failure: Error {
        var line: Int
        var message: String
    }

    static func parse(_ text: String) throws(Failure) -> [CSVRow] {
        var rows: [CSVRow] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { cell.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty: inQuotes = true
            case ",":
                cells.append(cell)
                cell = ""
            case "\r": continue
            case "\n":
                cells.append(cell)
                rows.append(CSVRow(line: rowLine, cells: cells))
                cells = []
                cell = ""
                line += 1
                rowLine = line
            default: cell.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw Failure(line: rowLine, message: "a quoted cell is never closed") }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            rows.append(CSVRow(line: rowLine, cells: cells))
        }
        return rows
    }
}
