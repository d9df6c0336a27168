internal import CYaml

/// Turns libyaml's error state into a diagnostic a lawyer can act on: the line and column libyaml reports,
/// a plain-words reading of the common mistakes (tabs, an unclosed quote, a colon inside a value, an indentation
/// slip), and libyaml's own words in brackets for whoever knows YAML.
enum YAMLSyntaxError {
    static func diagnostic(parser: yaml_parser_t, source: SourceBytes, file: String) -> CaseDiagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return CaseDiagnostic(file: file, at: .start, "out of memory reading YAML")
        case YAML_READER_ERROR:
            let position = source.position(ofByte: Int(parser.problem_offset))
            var message = problem
            if problem == "control characters are not allowed", parser.problem_value >= 0 {
                var hex = String(parser.problem_value, radix: 16, uppercase: true)
                if hex.count < 2 { hex = "0" + hex }
                message = "an invisible control character (code 0x\(hex)) is not allowed in YAML text; delete it"
            }
            return CaseDiagnostic(file: file, at: position, message)
        default:
            let mark = parser.problem_mark
            let position = SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            let context = parser.context.map { String(cString: $0) }
            let contextPosition = SourcePosition(line: Int(parser.context_mark.line) + 1,
                                                 column: Int(parser.context_mark.column) + 1)
            let byte = Int(mark.index) < source.bytes.count ? source.bytes[Int(mark.index)] : nil
            let plain = explain(problem: problem, context: context, contextAt: contextPosition,
                                at: position, byte: byte)
            var raw = problem
            if let context { raw = "\(context) at \(contextPosition), \(problem)" }
            return CaseDiagnostic(file: file, at: position, "\(plain) [YAML: \(raw)]")
        }
    }

    static func explain(problem: String, context: String?, contextAt contextPosition: SourcePosition,
                        at position: SourcePosition, byte: UInt8?) -> String {
        let tab: UInt8 = 0x09
        if problem.contains("tab") || (problem == "found character that cannot start any token" && byte == tab) {
            return "a tab is used for indentation; YAML indents with spaces only"
        }
        switch problem {
        case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
            return "the quote opened at line \(contextPosition.line), column \(contextPosition.column) is never closed"
        case "found unexpected end of stream":
            return "the file ends in the middle of a value"
        case "mapping values are not allowed in this context":
            return "a colon followed by a space cannot appear here: put the whole value in quotes if it "
                + "contains \": \", or check the indentation of this line"
        case "did not find expected key":
            return "this line is not indented like the other keys of the mapping that starts at line "
                + "\(contextPosition.line); check the spaces at the start of the line"
        case "did not find expected '-' indicator":
            return "this line is not indented like the items of the list that starts at line "
                + "\(contextPosition.line); check the spaces at the start of the line"
        case "could not find expected ':'":
            return "a key must be followed by a colon and a space (`key: value`); check the line that starts at "
                + "line \(contextPosition.line), column \(contextPosition.column)"
        case "did not find expected node content":
            return "a value is missing here"
        case "block sequence entries are not allowed in this context":
            return "a list item (`- `) cannot start here; check the indentation"
        case "found character that cannot start any token":
            let shown = byte.map { $0 >= 0x20 && $0 < 0x7F ? "\"\(Character(Unicode.Scalar($0)))\"" : "this character" }
                ?? "this character"
            return "\(shown) cannot start a value; put the value in quotes"
        case "found undefined tag handle":
            return "unknown tag; remove the `!` or put the value in quotes"
        case "did not find expected ',' or ']'":
            return "a list in brackets [ … ] is not closed, or its items are not separated by commas "
                + "(it starts at line \(contextPosition.line), column \(contextPosition.column))"
        case "did not find expected ',' or '}'":
            return "a mapping in braces { … } is not closed, or its entries are not separated by commas "
                + "(it starts at line \(contextPosition.line), column \(contextPosition.column))"
        case "found a tab character that violates indentation":
            return "a tab is used for indentation; YAML indents with spaces only"
        default:
            if problem.hasPrefix("Maximum nesting level") {
                return "values are nested too deeply"
            }
            return "YAML syntax error"
        }
    }
}
