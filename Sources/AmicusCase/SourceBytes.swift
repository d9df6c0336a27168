/// Checks the raw bytes of a YAML file before the YAML parser sees them: size, encoding, byte-order mark and
/// line ends. These are the problems that come from how a file was saved (Notepad, Word, an old editor set to
/// Windows-1251) rather than from what was typed, and each gets a message that says how to save it right.
struct SourceBytes {
    /// The bytes handed to the parser: valid UTF-8, without a leading byte-order mark.
    private(set) var bytes: [UInt8]
    private(set) var diagnostics: [CaseDiagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    init(_ raw: [UInt8], file: String, limits: CaseLoader.Limits) {
        bytes = raw
        if raw.count > limits.maxFileBytes {
            diagnostics.append(CaseDiagnostic(file: file, at: .start,
                "the file is \(grouped(raw.count)) bytes, more than the \(sizeText(limits.maxFileBytes)) a case "
                + "file may have"))
            bytes = []
            return
        }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF])
            || raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            diagnostics.append(CaseDiagnostic(file: file, at: .start,
                "the file is saved as UTF-16 or UTF-32 (\"Unicode\" in Notepad); save it as UTF-8"))
            bytes = []
            return
        }
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = Array(raw.dropFirst(3))
            diagnostics.append(CaseDiagnostic(file: file, at: .start,
                "the file starts with a byte-order mark (BOM); it was ignored, but saving as \"UTF-8\" "
                + "without BOM avoids surprises in other tools", severity: .warning))
        }
        checkEncoding(file: file)
        if !hasErrors { checkLineEnds(file: file) }
    }

    /// Reports every line holding bytes that are not UTF-8, with the column of the first such byte.
    private mutating func checkEncoding(file: String) {
        // Nearly every file is valid UTF-8, which the standard library confirms many bytes at a time (its rules are
        // the ones below); the walk that finds and places the bad bytes runs only when it says no.
        if String(validating: bytes, as: UTF8.self) != nil { return }
        var index = 0
        var badLines = 0
        var lastBadLine = 0
        var highBytes = 0
        var invalid = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let length = SourceBytes.utf8SequenceLength(bytes, at: index)
            if length > 0 {
                let byte = bytes[index]
                if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                    line += 1
                    column = 1
                } else if byte != 0x0D {
                    column += 1
                }
                index += length
                continue
            }
            invalid += 1
            if bytes[index] >= 0xC0 { highBytes += 1 }
            if line != lastBadLine {
                lastBadLine = line
                badLines += 1
                if badLines <= 20 {
                    let hex = String(bytes[index], radix: 16, uppercase: true)
                    diagnostics.append(CaseDiagnostic(file: file, at: SourcePosition(line: line, column: column),
                        "byte 0x\(hex) is not UTF-8 text; the file must be saved as UTF-8"))
                }
            }
            column += 1
            index += 1
        }
        if badLines > 20 {
            diagnostics.append(CaseDiagnostic(file: file, at: .start,
                "\(badLines - 20) more lines hold bytes that are not UTF-8"))
        }
        if invalid > 0 && highBytes * 2 >= invalid {
            diagnostics.append(CaseDiagnostic(file: file, at: .start,
                "the file looks saved as Windows-1251 (Cyrillic); open it in an editor and save it as UTF-8"))
        }
    }

    /// CRLF (Windows) files are fine. A bare CR is an error (old Mac files, or a stray character pasted from
    /// another program), since editors disagree about whether it ends a line and so about every position after it.
    /// Mixing CRLF and LF is only a warning: the values read are the same either way.
    private mutating func checkLineEnds(file: String) {
        // Without a carriage return there is nothing to mix or leave bare.
        guard bytes.contains(0x0D) else { return }
        var sawCRLF = false
        var sawLF = false
        var warnedMix = false
        var bareCRs = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    if sawLF && !warnedMix {
                        warnedMix = true
                        diagnostics.append(mixedWarning(file: file, at: index, this: "CRLF", earlier: "LF"))
                    }
                    sawCRLF = true
                    index += 2
                    continue
                }
                bareCRs += 1
                if bareCRs == 1 {
                    diagnostics.append(CaseDiagnostic(file: file, at: position(ofByte: index),
                        "a carriage return (CR) that is not followed by a line feed; save the file with "
                        + "ordinary (LF or CRLF) line ends"))
                }
            } else if byte == 0x0A {
                if sawCRLF && !warnedMix {
                    warnedMix = true
                    diagnostics.append(mixedWarning(file: file, at: index, this: "LF", earlier: "CRLF"))
                }
                sawLF = true
            }
            index += 1
        }
        if bareCRs > 1 {
            diagnostics.append(CaseDiagnostic(file: file, at: .start,
                "\(bareCRs) carriage returns (CR) in all are not followed by a line feed"))
        }
    }

    private func mixedWarning(file: String, at index: Int, this: String, earlier: String) -> CaseDiagnostic {
        CaseDiagnostic(file: file, at: position(ofByte: index),
            "this line ends with \(this) while earlier lines end with \(earlier); the file mixes line ends",
            severity: .warning)
    }

    /// Line and column (in characters) of a byte offset, counting line breaks the way the YAML parser does
    /// (LF, CRLF and a bare CR each end a line).
    func position(ofByte offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if byte == 0x0D {
                // the CR of a CRLF: the LF that follows ends the line
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or 0 if it is not one
    /// (overlong forms, surrogates and values past U+10FFFF are refused, as the standard requires).
    static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return 1 }
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < bytes.count && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch first {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}

private func sizeText(_ bytes: Int) -> String {
    bytes >= 1_048_576 && bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MiB" : "\(grouped(bytes)) bytes"
}
