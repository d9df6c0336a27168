/// Builds the tree from the lexer's pieces, and recovers from every error so that all of them are reported at once.
///
/// Blocks are tracked with an explicit stack rather than recursion, so any nesting depth parses without
/// exhausting the stack; nesting beyond `maxBlockDepth` is reported as an error. A bad tag is reported and skipped.
/// A block opener whose expression is bad still opens its block, so that its `end…` tag is not reported as stray.
/// A block never closed is reported at its opening tag; a closing tag that skips an inner open block reports the
/// inner block as never closed.

struct Parser {
    static let maxBlockDepth = 100
    static let maxDiagnostics = 200
    static let tooManyMessage = "too many errors; stopped reporting"

    struct Diagnostic {
        var message: String
        var offset: Int
        var tag: Range<Int>?
    }

    private(set) var diagnostics: [Diagnostic] = []

    private enum BlockKind: String {
        case root, `if`, `for`, macro
    }

    private struct Builder {
        var kind: BlockKind
        var tag: Range<Int>
        var broken = false
        var nodes: [Node] = []
        // if
        var branches: [IfBlock.Branch] = []
        var condition: Expr? = nil
        var conditionTag: Range<Int> = 0..<0
        var inElse = false
        var mainBody: [Node]? = nil
        // for
        var targets: [String] = []
        var iterable: Expr? = nil
        var filter: Expr? = nil
        // macro
        var macroName = ""
        var params: [(String, Expr?)] = []
    }

    private var stack: [Builder] = []
    private var tooDeepReported = false

    static let knownTags = ["if", "elif", "else", "endif", "for", "endfor", "set", "macro", "endmacro", "raw", "endraw"]
    static let unsupportedTags: Set<String> = ["include", "extends", "import", "from", "block", "endblock", "call",
        "endcall", "filter", "endfilter", "with", "endwith", "autoescape", "endautoescape", "break", "continue",
        "endset", "do", "trans", "endtrans", "pluralize"]

    mutating func report(_ message: String, at offset: Int, tag: Range<Int>?) {
        if diagnostics.count < Parser.maxDiagnostics {
            diagnostics.append(Diagnostic(message: message, offset: offset, tag: tag))
        } else if diagnostics.count == Parser.maxDiagnostics {
            diagnostics.append(Diagnostic(message: Parser.tooManyMessage, offset: offset, tag: tag))
        }
    }

    mutating func parse(_ pieces: [Piece]) -> [Node] {
        stack = [Builder(kind: .root, tag: 0..<0)]
        for piece in pieces {
            switch piece {
            case .text(let s, _):
                stack[stack.count - 1].nodes.append(.text(s))
            case .output(let tag, let tokens):
                var p = ExpressionParser(tokens: tokens)
                do throws(ParseError) {
                    if p.atEnd {
                        throw p.fail("empty expression in '{{ }}'", at: tokens[0])
                    }
                    let e = try p.parseExpression()
                    try p.expectEnd()
                    stack[stack.count - 1].nodes.append(.output(e, tag: tag))
                } catch {
                    if !error.silent { report(error.message, at: error.offset, tag: tag) }
                }
            case .statement(let tag, let tokens):
                statement(tag: tag, tokens: tokens)
            }
        }
        // Blocks never closed are reported at their opening tags, innermost last.
        while stack.count > 1 {
            let b = stack[stack.count - 1]
            report("'\(b.kind.rawValue)' is never closed (missing '{% end\(b.kind.rawValue) %}')", at: b.tag.lowerBound, tag: b.tag)
            close()
        }
        return stack[0].nodes
    }

    private mutating func statement(tag: Range<Int>, tokens: [Token]) {
        var p = ExpressionParser(tokens: tokens)
        let first = p.current
        guard first.kind == .name else {
            if first.kind == .error { return }
            if first.kind == .end {
                report("empty tag '{% %}'", at: tag.lowerBound, tag: tag)
            } else {
                report("expected a tag name, got \(p.describe(first))", at: first.start, tag: tag)
            }
            return
        }
        _ = p.advance()
        let keyword = first.text
        do throws(ParseError) {
            switch keyword {
            case "if":
                push(Builder(kind: .if, tag: tag, conditionTag: tag), at: first)
                let cond = try p.parseExpression()
                try p.expectEnd()
                stack[stack.count - 1].condition = cond
            case "elif":
                guard let top = stack.last, top.kind == .if else {
                    report("'elif' without a matching 'if'", at: first.start, tag: tag)
                    return
                }
                if top.inElse {
                    report("'elif' after 'else'", at: first.start, tag: tag)
                    return
                }
                finishBranch()
                stack[stack.count - 1].conditionTag = tag
                let cond = try p.parseExpression()
                try p.expectEnd()
                stack[stack.count - 1].condition = cond
            case "else":
                guard let top = stack.last, top.kind == .if || top.kind == .for else {
                    report("'else' without a matching 'if' or 'for'", at: first.start, tag: tag)
                    return
                }
                if top.inElse {
                    report("'\(top.kind.rawValue)' already has an 'else'", at: first.start, tag: tag)
                    return
                }
                if top.kind == .if { finishBranch() } else {
                    stack[stack.count - 1].mainBody = stack[stack.count - 1].nodes
                    stack[stack.count - 1].nodes = []
                }
                stack[stack.count - 1].inElse = true
                try p.expectEnd()
            case "endif", "endfor", "endmacro":
                let kind = BlockKind(rawValue: String(keyword.dropFirst(3)))!
                endBlock(kind, keyword: keyword, token: first, tag: tag)
                try p.expectEnd()
            case "for":
                push(Builder(kind: .for, tag: tag), at: first)
                var targets: [String] = []
                let paren = p.current.isOp("(")
                if paren { _ = p.advance() }
                repeat {
                    if !targets.isEmpty { _ = p.advance() }
                    let t = try p.expectName()
                    if reservedWords.contains(t.text) || t.text == "loop" { throw p.fail("'\(t.text)' cannot be a loop variable", at: t) }
                    targets.append(t.text)
                } while p.current.isOp(",")
                if paren { _ = try p.expectOp(")") }
                guard p.current.isName("in") else {
                    throw p.fail("expected 'in' after the loop variable, got \(p.describe(p.current))", at: p.current)
                }
                _ = p.advance()
                let iterable = try p.parseTupleOrExpression(conditional: false)
                var filter: Expr? = nil
                if p.current.isName("if") {
                    _ = p.advance()
                    filter = try p.parseExpression()
                }
                if p.current.isName("recursive") {
                    throw p.fail("recursive loops are not supported", at: p.current)
                }
                try p.expectEnd()
                stack[stack.count - 1].targets = targets
                stack[stack.count - 1].iterable = iterable
                stack[stack.count - 1].filter = filter
            case "set":
                let nameTok = try p.expectName()
                var target: SetStatement.Target
                if p.current.isOp(".") {
                    _ = p.advance()
                    let attr = try p.expectName()
                    target = .attribute(nameTok.text, attr.text)
                } else {
                    var names = [nameTok.text]
                    while p.current.isOp(",") {
                        _ = p.advance()
                        names.append(try p.expectName().text)
                    }
                    target = .names(names)
                }
                for n in [nameTok.text] where reservedWords.contains(n) || n == "loop" {
                    throw p.fail("cannot assign to '\(n)'", at: nameTok)
                }
                guard p.current.isOp("=") else {
                    if p.current.kind == .end {
                        throw p.fail("'{% set \(nameTok.text) %}…{% endset %}' blocks are not supported; use '{% set \(nameTok.text) = … %}'", at: nameTok)
                    }
                    throw p.fail("expected '=' in 'set', got \(p.describe(p.current))", at: p.current)
                }
                _ = p.advance()
                let value = try p.parseTupleOrExpression(conditional: true)
                try p.expectEnd()
                stack[stack.count - 1].nodes.append(.set(SetStatement(target: target, value: value, tag: tag)))
            case "macro":
                push(Builder(kind: .macro, tag: tag), at: first)
                let nameTok = try p.expectName()
                if reservedWords.contains(nameTok.text) { throw p.fail("'\(nameTok.text)' cannot be a macro name", at: nameTok) }
                _ = try p.expectOp("(")
                var params: [(String, Expr?)] = []
                while !p.current.isOp(")") {
                    if !params.isEmpty { _ = try p.expectOp(",") }
                    let pn = try p.expectName()
                    var def: Expr? = nil
                    if p.current.isOp("=") {
                        _ = p.advance()
                        def = try p.parseExpression()
                    } else if params.contains(where: { $0.1 != nil }) {
                        throw p.fail("parameter '\(pn.text)' without a default follows one with a default", at: pn)
                    }
                    params.append((pn.text, def))
                }
                _ = p.advance()
                try p.expectEnd()
                stack[stack.count - 1].macroName = nameTok.text
                stack[stack.count - 1].params = params
            case "endraw":
                report("'endraw' without a matching 'raw'", at: first.start, tag: tag)
            default:
                if Parser.unsupportedTags.contains(keyword) {
                    report("the '\(keyword)' tag is not supported", at: first.start, tag: tag)
                } else {
                    let hint = didYouMean(keyword, among: Parser.knownTags).map { " (did you mean '\($0)'?)" } ?? ""
                    report("unknown tag '\(keyword)'\(hint)", at: first.start, tag: tag)
                }
            }
        } catch {
            if !error.silent { report(error.message, at: error.offset, tag: tag) }
            // An opener whose header is bad still opens its block, marked broken.
            if ["if", "for", "macro"].contains(keyword), stack.count > 1, stack[stack.count - 1].tag == tag {
                stack[stack.count - 1].broken = true
            }
        }
    }

    private mutating func push(_ b: Builder, at token: Token) {
        if stack.count > Parser.maxBlockDepth, !tooDeepReported {
            tooDeepReported = true
            report("blocks are nested too deeply (more than \(Parser.maxBlockDepth) levels)", at: token.start, tag: b.tag)
        }
        stack.append(b)
    }

    private mutating func finishBranch() {
        var top = stack.removeLast()
        if let cond = top.condition {
            top.branches.append(IfBlock.Branch(condition: cond, body: top.nodes, tag: top.conditionTag))
        } else {
            top.broken = true
        }
        top.condition = nil
        top.nodes = []
        stack.append(top)
    }

    private mutating func endBlock(_ kind: BlockKind, keyword: String, token: Token, tag: Range<Int>) {
        guard let index = stack.lastIndex(where: { $0.kind == kind }), index > 0 else {
            report("'\(keyword)' without a matching '\(kind.rawValue)'", at: token.start, tag: tag)
            return
        }
        while stack.count - 1 > index {
            let inner = stack[stack.count - 1]
            report("'\(inner.kind.rawValue)' is never closed (missing '{% end\(inner.kind.rawValue) %}' before '{% \(keyword) %}')",
                   at: inner.tag.lowerBound, tag: inner.tag)
            close()
        }
        close()
    }

    /// Pops the top block and appends its node to the block below.
    private mutating func close() {
        var b = stack.removeLast()
        var node: Node? = nil
        switch b.kind {
        case .root:
            break
        case .if:
            if !b.inElse { 
                stack.append(b)
                finishBranch()
                b = stack.removeLast()
                if !b.broken { node = .ifBlock(IfBlock(branches: b.branches, elseBody: nil)) }
            } else if !b.broken {
                node = .ifBlock(IfBlock(branches: b.branches, elseBody: b.nodes))
            }
        case .for:
            if !b.broken, let iterable = b.iterable {
                let body = b.inElse ? (b.mainBody ?? []) : b.nodes
                let elseBody = b.inElse ? b.nodes : nil
                node = .forBlock(ForBlock(targets: b.targets, iterable: iterable, filter: b.filter, body: body,
                                          elseBody: elseBody, tag: b.tag))
            }
        case .macro:
            if !b.broken, !b.macroName.isEmpty {
                node = .macro(MacroDef(name: b.macroName, params: b.params, body: b.nodes, tag: b.tag))
            }
        }
        if let node { stack[stack.count - 1].nodes.append(node) }
    }
}
