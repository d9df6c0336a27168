/// Recursive-descent parser for the expressions inside one tag, with Jinja's precedence:
/// conditional < or < and < not < comparison < `+ -` < `~` < `* / // %` < `**` < unary < filters/tests/postfix.
///
/// Depth is bounded (`maxDepth`): 10,000 nested parentheses are a syntax error, not a stack overflow, and the
/// evaluator, which recurses over the same tree, can never go deeper than the parser allowed.

struct ParseError: Error {
    var message: String
    var offset: Int
    /// The tag had a lexical error already reported: say nothing more about it.
    var silent = false
}

/// Keywords that cannot be used as variable names.
let reservedWords: Set<String> = ["and", "or", "not", "in", "is", "if", "else", "elif", "true", "false", "none",
                                  "True", "False", "None"]

struct ExpressionParser {
    static let maxDepth = 64
    static let maxChain = 100
    /// The height of an expression tree; bounds the evaluator's recursion.
    static let maxTreeDepth = 200

    var tokens: [Token]
    var pos = 0
    var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[pos] }
    var atEnd: Bool { tokens[pos].kind == .end || tokens[pos].kind == .error }

    func peek(_ k: Int = 1) -> Token { tokens[min(pos + k, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func fail(_ message: String, at token: Token) -> ParseError {
        ParseError(message: message, offset: token.start, silent: token.kind == .error)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .name: return "'\(t.text)'"
        case .string: return "string \(pythonRepr(.string(t.text)))"
        case .int, .float: return "number \(t.text)"
        case .op: return "'\(t.text)'"
        case .end: return "end of tag"
        case .error: return "end of tag"
        }
    }

    mutating func expectOp(_ op: String) throws(ParseError) -> Token {
        guard current.isOp(op) else {
            throw fail("expected '\(op)', got \(describe(current))", at: current)
        }
        return advance()
    }

    mutating func expectName() throws(ParseError) -> Token {
        guard current.kind == .name else {
            throw fail("expected a name, got \(describe(current))", at: current)
        }
        return advance()
    }

    mutating func expectEnd() throws(ParseError) {
        guard current.kind == .end else {
            if current.kind == .error { throw fail("", at: current) }
            throw fail("unexpected \(describe(current)); expected end of tag", at: current)
        }
    }

    mutating func enter(_ at: Token) throws(ParseError) {
        depth += 1
        if depth > ExpressionParser.maxDepth {
            throw fail("expression is nested too deeply (more than \(ExpressionParser.maxDepth) levels)", at: at)
        }
    }

    var previousEnd: Int { pos > 0 ? tokens[pos - 1].end : tokens[0].start }

    // MARK: - Levels

    mutating func parseExpression(conditional: Bool = true) throws(ParseError) -> Expr {
        try enter(current)
        defer { depth -= 1 }
        var e = try parseOr()
        while conditional, current.isName("if") {
            _ = advance()
            let cond = try parseOr()
            var otherwise: Expr? = nil
            if current.isName("else") {
                _ = advance()
                otherwise = try parseExpression()
            }
            e = Expr(.conditional(e, cond, otherwise), e.start, previousEnd)
        }
        if e.depth > ExpressionParser.maxTreeDepth {
            throw ParseError(message: "expression is too complex (nested more than \(ExpressionParser.maxTreeDepth) levels)", offset: e.start)
        }
        return e
    }

    /// `a, b` as a tuple (used by `for … in` and `set`), or a single expression.
    mutating func parseTupleOrExpression(conditional: Bool) throws(ParseError) -> Expr {
        let first = try parseExpression(conditional: conditional)
        guard current.isOp(",") else { return first }
        var items = [first]
        while current.isOp(",") {
            _ = advance()
            if atEnd || current.isName("if") { break }
            items.append(try parseExpression(conditional: conditional))
        }
        return Expr(.tuple(items), first.start, previousEnd)
    }

    mutating func parseOr() throws(ParseError) -> Expr {
        var left = try parseAnd()
        var chain = 0
        while current.isName("or") {
            let t = advance()
            chain += 1
            if chain > ExpressionParser.maxChain { throw fail("expression is too long (more than \(ExpressionParser.maxChain) 'or')", at: t) }
            let right = try parseAnd()
            left = Expr(.or(left, right), left.start, right.end)
        }
        return left
    }

    mutating func parseAnd() throws(ParseError) -> Expr {
        var left = try parseNot()
        var chain = 0
        while current.isName("and") {
            let t = advance()
            chain += 1
            if chain > ExpressionParser.maxChain { throw fail("expression is too long (more than \(ExpressionParser.maxChain) 'and')", at: t) }
            let right = try parseNot()
            left = Expr(.and(left, right), left.start, right.end)
        }
        return left
    }

    mutating func parseNot() throws(ParseError) -> Expr {
        if current.isName("not") {
            let t = advance()
            try enter(t)
            defer { depth -= 1 }
            let operand = try parseNot()
            return Expr(.not(operand), t.start, operand.end)
        }
        return try parseCompare()
    }

    mutating func parseCompare() throws(ParseError) -> Expr {
        let left = try parseMath1()
        var ops: [(CompareOp, Expr)] = []
        while true {
            let op: CompareOp
            if current.kind == .op, let o = CompareOp(rawValue: current.text), o != .isIn, o != .notIn {
                op = o
                _ = advance()
            } else if current.isName("in") {
                op = .isIn
                _ = advance()
            } else if current.isName("not"), peek().isName("in") {
                op = .notIn
                _ = advance(); _ = advance()
            } else {
                break
            }
            if ops.count >= ExpressionParser.maxChain { throw fail("too many chained comparisons", at: current) }
            ops.append((op, try parseMath1()))
        }
        if ops.isEmpty { return left }
        return Expr(.compare(left, ops), left.start, ops.last!.1.end)
    }

    private mutating func binaryChain(ops: [String], next: (inout ExpressionParser) throws(ParseError) -> Expr)
        throws(ParseError) -> Expr {
        var left = try next(&self)
        var chain = 0
        while current.kind == .op, ops.contains(current.text) {
            let t = advance()
            chain += 1
            if chain > ExpressionParser.maxChain {
                throw fail("expression is too long (more than \(ExpressionParser.maxChain) operators in a row)", at: t)
            }
            let right = try next(&self)
            left = Expr(.binary(BinaryOp(rawValue: t.text)!, left, right), left.start, right.end)
        }
        return left
    }

    mutating func parseMath1() throws(ParseError) -> Expr {
        try binaryChain(ops: ["+", "-"]) { (p: inout ExpressionParser) throws(ParseError) -> Expr in try p.parseConcat() }
    }

    mutating func parseConcat() throws(ParseError) -> Expr {
        try binaryChain(ops: ["~"]) { (p: inout ExpressionParser) throws(ParseError) -> Expr in try p.parseMath2() }
    }

    mutating func parseMath2() throws(ParseError) -> Expr {
        try binaryChain(ops: ["*", "/", "//", "%"]) { (p: inout ExpressionParser) throws(ParseError) -> Expr in try p.parsePow() }
    }

    mutating func parsePow() throws(ParseError) -> Expr {
        try binaryChain(ops: ["**"]) { (p: inout ExpressionParser) throws(ParseError) -> Expr in try p.parseUnary(withFilter: true) }
    }

    mutating func parseUnary(withFilter: Bool) throws(ParseError) -> Expr {
        let t = current
        var node: Expr
        if t.isOp("-") || t.isOp("+") {
            _ = advance()
            try enter(t)
            defer { depth -= 1 }
            let operand = try parseUnary(withFilter: false)
            node = Expr(t.isOp("-") ? .negate(operand) : .plus(operand), t.start, operand.end)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpr(node) }
        return node
    }

    // MARK: - Primary

    mutating func parsePrimary() throws(ParseError) -> Expr {
        let t = current
        switch t.kind {
        case .name:
            _ = advance()
            switch t.text {
            case "true", "True": return Expr(.literal(.bool(true)), t.start, t.end)
            case "false", "False": return Expr(.literal(.bool(false)), t.start, t.end)
            case "none", "None": return Expr(.literal(.none), t.start, t.end)
            default:
                if reservedWords.contains(t.text) {
                    throw fail("expected an expression, got \(describe(t))", at: t)
                }
                return Expr(.name(t.text), t.start, t.end)
            }
        case .string:
            _ = advance()
            var s = t.text
            var end = t.end
            while current.kind == .string {   // adjacent strings concatenate, as in Python
                s += current.text
                end = advance().end
            }
            return Expr(.literal(.string(s)), t.start, end)
        case .int:
            _ = advance()
            return Expr(.literal(.int(t.intValue)), t.start, t.end)
        case .float:
            _ = advance()
            return Expr(.literal(.double(t.doubleValue)), t.start, t.end)
        case .op:
            switch t.text {
            case "(":
                _ = advance()
                if current.isOp(")") {
                    let close = advance()
                    return Expr(.tuple([]), t.start, close.end)
                }
                let first = try parseExpression()
                if current.isOp(",") {
                    var items = [first]
                    while current.isOp(",") {
                        _ = advance()
                        if current.isOp(")") { break }
                        items.append(try parseExpression())
                    }
                    let close = try expectOp(")")
                    return Expr(.tuple(items), t.start, close.end)
                }
                let close = try expectOp(")")
                // Keep the inner node; widen nothing, so diagnostics point inside the parentheses.
                _ = close
                return first
            case "[":
                _ = advance()
                var items: [Expr] = []
                while !current.isOp("]") {
                    if !items.isEmpty {
                        _ = try expectOp(",")
                        if current.isOp("]") { break }
                    }
                    items.append(try parseExpression())
                }
                let close = advance()
                return Expr(.list(items), t.start, close.end)
            case "{":
                _ = advance()
                var pairs: [(Expr, Expr)] = []
                while !current.isOp("}") {
                    if !pairs.isEmpty {
                        _ = try expectOp(",")
                        if current.isOp("}") { break }
                    }
                    let key = try parseExpression()
                    _ = try expectOp(":")
                    let value = try parseExpression()
                    pairs.append((key, value))
                }
                let close = advance()
                return Expr(.dict(pairs), t.start, close.end)
            default:
                throw fail("expected an expression, got \(describe(t))", at: t)
            }
        case .end, .error:
            throw fail("expected an expression, got end of tag", at: t)
        }
    }

    // MARK: - Postfix, filters, tests

    mutating func parsePostfix(_ base: Expr) throws(ParseError) -> Expr {
        var node = base
        var chain = 0
        while true {
            if current.isOp(".") || current.isOp("[") || current.isOp("(") {
                chain += 1
                if chain > ExpressionParser.maxChain { throw fail("expression is too long", at: current) }
            }
            if current.isOp(".") {
                _ = advance()
                let t = current
                if t.kind == .name {
                    _ = advance()
                    if current.isOp("(") {
                        let args = try parseCallArgs()
                        node = Expr(.methodCall(node, t.text, args, nameOffset: t.start), node.start, previousEnd)
                    } else {
                        node = Expr(.attribute(node, t.text, nameOffset: t.start), node.start, t.end)
                    }
                } else if t.kind == .int {
                    _ = advance()
                    node = Expr(.item(node, Expr(.literal(.int(t.intValue)), t.start, t.end)), node.start, t.end)
                } else {
                    throw fail("expected an attribute name after '.', got \(describe(t))", at: t)
                }
            } else if current.isOp("[") {
                node = try parseSubscript(node)
            } else if current.isOp("(") {
                node = try parseCall(node)
            } else {
                return node
            }
        }
    }

    mutating func parseSubscript(_ base: Expr) throws(ParseError) -> Expr {
        _ = advance()
        var parts: [Expr?] = []
        var current0: Expr? = nil
        var isSlice = false
        while true {
            if current.isOp(":") {
                isSlice = true
                parts.append(current0)
                current0 = nil
                _ = advance()
                if parts.count > 2 { throw fail("too many ':' in slice", at: current) }
                continue
            }
            if current.isOp("]") { break }
            if current0 != nil { throw fail("expected ']' or ':', got \(describe(current))", at: current) }
            current0 = try parseExpression()
        }
        let close = advance()
        if !isSlice {
            guard let index = current0 else { throw fail("expected an index inside '[]'", at: close) }
            return Expr(.item(base, index), base.start, close.end)
        }
        parts.append(current0)
        while parts.count < 3 { parts.append(nil) }
        return Expr(.slice(base, parts[0], parts[1], parts[2]), base.start, close.end)
    }

    mutating func parseCall(_ callee: Expr) throws(ParseError) -> Expr {
        let open = current
        guard case .name(let name) = callee.kind else {
            throw fail("only functions and methods can be called", at: open)
        }
        let args = try parseCallArgs()
        return Expr(.call(name, args, nameOffset: callee.start), callee.start, previousEnd)
    }

    mutating func parseCallArgs() throws(ParseError) -> CallArgs {
        _ = try expectOp("(")
        var args = CallArgs()
        while !current.isOp(")") {
            if !args.isEmpty {
                _ = try expectOp(",")
                if current.isOp(")") { break }
            }
            if current.isOp("*") || current.isOp("**") {
                throw fail("'*' and '**' arguments are not supported", at: current)
            }
            if current.kind == .name, peek().isOp("="), !reservedWords.contains(current.text) {
                let key = advance()
                _ = advance()
                if args.keywords.contains(where: { $0.0 == key.text }) {
                    throw fail("keyword argument '\(key.text)' given twice", at: key)
                }
                args.keywords.append((key.text, try parseExpression()))
            } else {
                if !args.keywords.isEmpty {
                    throw fail("positional argument after keyword arguments", at: current)
                }
                args.positional.append(try parseExpression())
            }
        }
        _ = advance()
        return args
    }

    mutating func parseFilterExpr(_ base: Expr) throws(ParseError) -> Expr {
        var node = base
        var chain = 0
        while true {
            if current.isOp("|") || current.isName("is") {
                chain += 1
                if chain > ExpressionParser.maxChain { throw fail("too many filters in a row", at: current) }
            }
            if current.isOp("|") {
                _ = advance()
                let nameTok = try expectName()
                let args = current.isOp("(") ? try parseCallArgs() : CallArgs()
                let builtin = BuiltinFilter(name: nameTok.text)
                if let b = builtin, let message = b.signature.check(args, filterName: nameTok.text) {
                    throw fail(message, at: nameTok)
                }
                node = Expr(.filter(node, FilterCall(name: nameTok.text, nameOffset: nameTok.start, builtin: builtin,
                                                     args: args)), node.start, previousEnd)
                node = try parsePostfix(node)
            } else if current.isName("is") {
                _ = advance()
                var negated = false
                if current.isName("not") { _ = advance(); negated = true }
                let nameTok = current
                // `is none`, `is true`, `is false` are keywords used as test names.
                guard nameTok.kind == .name else {
                    throw fail("expected a test name after 'is', got \(describe(nameTok))", at: nameTok)
                }
                _ = advance()
                guard let test = BuiltinTest(name: nameTok.text) else {
                    let hint = didYouMean(nameTok.text, among: BuiltinTest.allNames).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail("unknown test '\(nameTok.text)'\(hint)", at: nameTok)
                }
                var args: [Expr] = []
                if current.isOp("(") {
                    let call = try parseCallArgs()
                    if !call.keywords.isEmpty { throw fail("tests take no keyword arguments", at: nameTok) }
                    args = call.positional
                } else if startsPrimary(current), !["else", "or", "and", "if", "in", "is", "not"].contains(current.text) || current.kind != .name {
                    var arg = try parsePrimary()
                    arg = try parsePostfix(arg)
                    args = [arg]
                }
                if args.count != test.argumentCount {
                    throw fail("test '\(nameTok.text)' takes \(test.argumentCount) argument\(test.argumentCount == 1 ? "" : "s"), got \(args.count)", at: nameTok)
                }
                node = Expr(.test(node, TestCall(name: nameTok.text, nameOffset: nameTok.start, test: test, args: args,
                                                 negated: negated)), node.start, previousEnd)
            } else {
                return node
            }
        }
    }

    func startsPrimary(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .string, .int, .float: return true
        case .op: return t.text == "(" || t.text == "[" || t.text == "{"
        default: return false
        }
    }
}
