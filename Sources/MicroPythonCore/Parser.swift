// Recursive-descent parser from tokens (Lexer.swift) to the AST (AST.swift).
//
// The grammar follows CPython 3.11's, minus what MicroPython lacks (match statements, except*,
// PEP 646 starred subscripts/annotations). Assignment targets are checked here; scope checks
// (`return`/`yield` outside a function, `break` outside a loop, ...) are the compiler's.
//
// Two limits keep hostile input from exhausting the stack:
//  * `maxRecursion` bounds how deeply the parser functions recurse (brackets, unary chains,
//    lambdas, conditional expressions, nested blocks);
//  * `maxTreeDepth` bounds the depth of each built expression tree and statement tree, including
//    the left-nested chains built by loops (`a+a+...`, `x.y.z...`, long elif chains), because the
//    compiler walks, and Swift's deinit releases, those trees recursively.

/// Parse a whole module (file input).
public func parseModule(_ source: [UInt8]) throws -> [Stmt] {
    let p = Parser(tokens: Lexer.tokenize(source, mode: .file), recursion: 0)
    return try p.fileInput()
}

/// Parse a single expression (for eval()); trailing newlines/whitespace allowed.
public func parseExpression(_ source: [UInt8]) throws -> Expr {
    let p = Parser(tokens: Lexer.tokenize(source, mode: .eval), recursion: 0)
    return try p.evalInput()
}

final class Parser {
    static let maxRecursion = 500
    static let maxTreeDepth = 1000

    private let toks: [Token]
    private var pos = 0
    private var recursion: Int
    /// Depth of the expression tree most recently built (or passed through) by an expression
    /// function; every node is created by `mk`, which derives its depth from its children's.
    private var lastDepth = 0

    init(tokens: [Token], recursion: Int) {
        // The lexer always ends with `.endMarker` or `.error`; guard anyway so `toks` is never empty.
        self.toks = tokens.isEmpty ? [Token(kind: .endMarker, line: 1, payload: .none)] : tokens
        self.recursion = recursion
    }

    // MARK: - Token access

    @inline(__always) private var kind: TokenKind { toks[pos].kind }
    @inline(__always) private var line: Int { toks[pos].line }

    @inline(__always) private func peek(_ k: Int = 1) -> TokenKind {
        let i = pos + k
        return i < toks.count ? toks[i].kind : .endMarker
    }

    /// Moves to the next token; never past the final `.endMarker`/`.error`.
    @inline(__always) private func advance() {
        if pos + 1 < toks.count { pos += 1 }
    }

    private func accept(_ k: TokenKind) -> Bool {
        if kind == k {
            advance()
            return true
        }
        return false
    }

    private func expect(_ k: TokenKind) throws {
        guard kind == k else { throw error() }
        advance()
    }

    /// The error for an unexpected current token (a lexer error token reports its own message).
    private func error() -> SyntaxErrorInfo {
        let t = toks[pos]
        switch t.kind {
        case .error:
            if case .error(let e) = t.payload { return e }
        case .indent:
            return SyntaxErrorInfo("unexpected indent", line: t.line, isIndentation: true)
        default:
            break
        }
        return SyntaxErrorInfo("invalid syntax", line: t.line)
    }

    private func nameText() -> String {
        if case .name(let s) = toks[pos].payload { return s }
        return ""
    }

    private func expectName() throws -> String {
        guard kind == .name else { throw error() }
        let s = nameText()
        advance()
        return s
    }

    @inline(__always) private func enter() throws {
        recursion += 1
        if recursion > Parser.maxRecursion { throw SyntaxErrorInfo("too deeply nested", line: line) }
    }

    /// Creates an expression node one level deeper than its deepest child.
    @inline(__always) private func mk(_ k: ExprKind, _ line: Int, _ childDepth: Int) throws -> Expr {
        let d = childDepth + 1
        if d > Parser.maxTreeDepth { throw SyntaxErrorInfo("too deeply nested", line: line) }
        lastDepth = d
        return Expr(k, line: line)
    }

    private func checkStmtDepth(_ d: Int, _ line: Int) throws -> Int {
        if d > Parser.maxTreeDepth { throw SyntaxErrorInfo("too deeply nested", line: line) }
        return d
    }

    /// Tokens that can begin an expression (or a starred item); used to spot trailing commas.
    private func startsExpr(_ k: TokenKind) -> Bool {
        switch k {
        case .name, .number, .string, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde, .kwNot,
             .kwLambda, .kwAwait, .kwNone, .kwTrue, .kwFalse, .ellipsis, .star:
            return true
        default:
            return false
        }
    }

    private func noLoneStar(_ e: Expr) throws {
        if case .starred = e.kind { throw SyntaxErrorInfo("can't use starred expression here", line: e.line) }
    }

    // MARK: - Entry points

    func fileInput() throws -> [Stmt] {
        var body: [Stmt] = []
        while kind != .endMarker {
            if kind == .newline {
                advance()
                continue
            }
            _ = try statement(into: &body)
        }
        return body
    }

    func evalInput() throws -> Expr {
        let e = try starExprs()
        try noLoneStar(e)
        while kind == .newline { advance() }
        guard kind == .endMarker else { throw error() }
        return e
    }

    // MARK: - Statements

    /// Parses one statement line or compound statement; returns the depth of the statement tree added.
    private func statement(into out: inout [Stmt]) throws -> Int {
        let r: (Stmt, Int)
        switch kind {
        case .kwIf: r = try ifStmt()
        case .kwWhile: r = try whileStmt()
        case .kwFor: r = try forStmt(isAsync: false, line: line)
        case .kwTry: r = try tryStmt()
        case .kwWith: r = try withStmt(isAsync: false, line: line)
        case .kwDef: r = try funcDef(decorators: [], isAsync: false, line: line)
        case .kwClass: r = try classDef(decorators: [])
        case .at: r = try decorated()
        case .kwAsync:
            let l = line
            switch peek() {
            case .kwDef:
                advance()
                r = try funcDef(decorators: [], isAsync: true, line: l)
            case .kwFor:
                advance()
                r = try forStmt(isAsync: true, line: l)
            case .kwWith:
                advance()
                r = try withStmt(isAsync: true, line: l)
            default:
                throw error()
            }
        default:
            try simpleStmts(into: &out)
            return 1
        }
        out.append(r.0)
        return r.1
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    private func simpleStmts(into out: inout [Stmt]) throws {
        while true {
            out.append(try simpleStmt())
            guard kind == .semi else { break }
            advance()
            if kind == .newline { break }
        }
        try expect(.newline)
    }

    /// `':' (simple_stmts | NEWLINE INDENT statement+ DEDENT)`; returns the body and its depth.
    private func block() throws -> ([Stmt], Int) {
        try expect(.colon)
        var body: [Stmt] = []
        if kind != .newline {
            try simpleStmts(into: &body)
            return (body, 1)
        }
        advance()
        if kind == .error { throw error() }
        guard kind == .indent else {
            throw SyntaxErrorInfo("expected an indented block", line: line, isIndentation: true)
        }
        advance()
        try enter()
        defer { recursion -= 1 }
        var d = 0
        if kind == .dedent || kind == .endMarker {
            throw SyntaxErrorInfo("expected an indented block", line: line, isIndentation: true)
        }
        while kind != .dedent && kind != .endMarker {
            d = max(d, try statement(into: &body))
        }
        try expect(.dedent)
        return (body, d)
    }

    private func simpleStmt() throws -> Stmt {
        let l = line
        switch kind {
        case .kwPass:
            advance()
            return Stmt(.pass, line: l)
        case .kwBreak:
            advance()
            return Stmt(.break, line: l)
        case .kwContinue:
            advance()
            return Stmt(.continue, line: l)
        case .kwReturn:
            advance()
            var value: Expr? = nil
            if startsExpr(kind) {
                let v = try starExprs()
                try noLoneStar(v)
                value = v
            }
            return Stmt(.return(value), line: l)
        case .kwRaise:
            advance()
            var exc: Expr? = nil, cause: Expr? = nil
            if startsExpr(kind) {
                exc = try expr()
                if accept(.kwFrom) { cause = try expr() }
            }
            return Stmt(.raise(exc: exc, cause: cause), line: l)
        case .kwGlobal, .kwNonlocal:
            let isGlobal = kind == .kwGlobal
            advance()
            var names: [String] = []
            repeat {
                names.append(try expectName())
            } while accept(.comma)
            return Stmt(isGlobal ? .global(names) : .nonlocal(names), line: l)
        case .kwDel:
            advance()
            var targets: [Expr] = []
            repeat {
                if !targets.isEmpty && (!startsExpr(kind) || kind == .star) { break } // trailing comma
                let t = try binary(0)
                try checkTarget(t, del: true)
                targets.append(t)
            } while accept(.comma)
            return Stmt(.delete(targets), line: l)
        case .kwAssert:
            advance()
            let test = try expr()
            var msg: Expr? = nil
            if accept(.comma) { msg = try expr() }
            return Stmt(.assert(test: test, msg: msg), line: l)
        case .kwImport:
            advance()
            var names: [Alias] = []
            repeat {
                let n = try dottedName()
                var asName: String? = nil
                if accept(.kwAs) { asName = try expectName() }
                names.append(Alias(name: n, asName: asName))
            } while accept(.comma)
            return Stmt(.import(names), line: l)
        case .kwFrom:
            return try importFrom()
        default:
            return try exprStmt()
        }
    }

    private func dottedName() throws -> String {
        var s = try expectName()
        while kind == .dot {
            advance()
            s += "."
            s += try expectName()
        }
        return s
    }

    private func importFrom() throws -> Stmt {
        let l = line
        advance()
        var level = 0
        while true {
            if kind == .dot {
                level += 1
            } else if kind == .ellipsis {
                level += 3
            } else {
                break
            }
            advance()
        }
        var module: String? = nil
        if kind == .name {
            module = try dottedName()
        } else if level == 0 {
            throw error()
        }
        try expect(.kwImport)
        var names: [Alias] = []
        if kind == .star {
            advance()
            names.append(Alias(name: "*", asName: nil))
        } else {
            let parens = accept(.lpar)
            while true {
                let n = try expectName()
                var asName: String? = nil
                if accept(.kwAs) { asName = try expectName() }
                names.append(Alias(name: n, asName: asName))
                guard kind == .comma else { break }
                advance()
                // A trailing comma is only allowed inside parentheses.
                if parens && kind == .rpar { break }
            }
            if parens { try expect(.rpar) }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), line: l)
    }

    /// Expression statements and all assignment forms.
    private func exprStmt() throws -> Stmt {
        let l = line
        let startsWithParen = kind == .lpar
        let first = kind == .kwYield ? try yieldExpr() : try starExprs()
        if let op = augOp(kind) {
            try checkSingleTarget(first, annotated: false)
            advance()
            let value = try assignedValue()
            return Stmt(.augAssign(target: first, op: op, value: value), line: l)
        }
        switch kind {
        case .colon:
            try checkSingleTarget(first, annotated: true)
            advance()
            let annotation = try expr()
            var value: Expr? = nil
            if accept(.equal) { value = try assignedValue() }
            var simple = false
            if case .name = first.kind, !startsWithParen { simple = true }
            return Stmt(.annAssign(target: first, annotation: annotation, value: value, simple: simple), line: l)
        case .equal:
            var targets = [first]
            var value = first
            while accept(.equal) {
                let v = try assignedValue()
                if kind == .equal { targets.append(v) } else { value = v }
            }
            for t in targets { try checkTarget(t, del: false) }
            return Stmt(.assign(targets: targets, value: value), line: l)
        default:
            try noLoneStar(first)
            return Stmt(.expr(first), line: l)
        }
    }

    /// Right-hand side of an assignment: a yield expression or star expressions.
    private func assignedValue() throws -> Expr {
        if kind == .kwYield { return try yieldExpr() }
        let e = try starExprs()
        try noLoneStar(e)
        return e
    }

    private func augOp(_ k: TokenKind) -> BinOp? {
        switch k {
        case .plusEqual: return .add
        case .minusEqual: return .sub
        case .starEqual: return .mul
        case .atEqual: return .matmul
        case .slashEqual: return .truediv
        case .doubleSlashEqual: return .floordiv
        case .percentEqual: return .mod
        case .doubleStarEqual: return .pow
        case .leftShiftEqual: return .lshift
        case .rightShiftEqual: return .rshift
        case .vbarEqual: return .bitor
        case .circumflexEqual: return .bitxor
        case .amperEqual: return .bitand
        default: return nil
        }
    }

    /// Targets of `=`, `for`, `with ... as` (del: true for `del`): names, attributes, subscripts,
    /// and tuples/lists of targets with at most one starred item each (none for del).
    private func checkTarget(_ e: Expr, del: Bool) throws {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            var starred = false
            for item in items {
                if case .starred(let inner) = item.kind, !del {
                    if starred {
                        throw SyntaxErrorInfo("multiple *x in assignment", line: item.line)
                    }
                    starred = true
                    try checkTarget(inner, del: del)
                } else {
                    try checkTarget(item, del: del)
                }
            }
        case .starred:
            throw SyntaxErrorInfo(del ? "can't delete expression" : "starred assignment target must be in a list or tuple", line: e.line)
        default:
            throw SyntaxErrorInfo(del ? "can't delete expression" : "can't assign to expression", line: e.line)
        }
    }

    /// Targets of augmented and annotated assignment: a single name, attribute or subscript.
    private func checkSingleTarget(_ e: Expr, annotated: Bool) throws {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple, .list:
            if annotated { throw SyntaxErrorInfo("only single target (not tuple) can be annotated", line: e.line) }
            throw SyntaxErrorInfo("illegal expression for augmented assignment", line: e.line)
        default:
            throw SyntaxErrorInfo(annotated ? "illegal target for annotation" : "illegal expression for augmented assignment", line: e.line)
        }
    }

    // MARK: - Compound statements

    private func ifStmt() throws -> (Stmt, Int) {
        var chain: [(line: Int, test: Expr, body: [Stmt])] = []
        var d = 0
        repeat {
            let l = line
            advance() // `if` or `elif`
            let test = try namedExpr()
            let (body, bd) = try block()
            d = max(d, bd)
            chain.append((l, test, body))
        } while kind == .kwElif
        var orelse: [Stmt] = []
        if accept(.kwElse) {
            let (b, bd) = try block()
            orelse = b
            d = max(d, bd)
        }
        // Each elif nests one level deeper in the AST's orelse.
        let depth = try checkStmtDepth(d + chain.count, chain.first?.line ?? line)
        var node: Stmt? = nil
        for link in chain.reversed() {
            let rest = node.map { [$0] } ?? orelse
            node = Stmt(.if(test: link.test, body: link.body, orelse: rest), line: link.line)
        }
        guard let result = node else { throw error() }
        return (result, depth)
    }

    private func whileStmt() throws -> (Stmt, Int) {
        let l = line
        advance()
        let test = try namedExpr()
        let (body, bd) = try block()
        var orelse: [Stmt] = []
        var d = bd
        if accept(.kwElse) {
            let (b, od) = try block()
            orelse = b
            d = max(d, od)
        }
        return (Stmt(.while(test: test, body: body, orelse: orelse), line: l), try checkStmtDepth(d + 1, l))
    }

    /// At `for` (after `async`, if any).
    private func forStmt(isAsync: Bool, line l: Int) throws -> (Stmt, Int) {
        advance()
        let target = try targetList()
        try expect(.kwIn)
        let iter = try starExprs()
        try noLoneStar(iter)
        let (body, bd) = try block()
        var orelse: [Stmt] = []
        var d = bd
        if accept(.kwElse) {
            let (b, od) = try block()
            orelse = b
            d = max(d, od)
        }
        let s = Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync), line: l)
        return (s, try checkStmtDepth(d + 1, l))
    }

    private func tryStmt() throws -> (Stmt, Int) {
        let l = line
        advance()
        let (body, bd) = try block()
        var d = bd
        var handlers: [ExceptHandler] = []
        var sawBare = false
        while kind == .kwExcept {
            let hl = line
            if sawBare { throw SyntaxErrorInfo("default 'except' must be last", line: hl) }
            advance()
            var type: Expr? = nil
            var name: String? = nil
            if kind == .colon {
                sawBare = true
            } else {
                type = try expr()
                if accept(.kwAs) { name = try expectName() }
            }
            let (hb, hd) = try block()
            d = max(d, hd)
            handlers.append(ExceptHandler(type: type, name: name, body: hb, line: hl))
        }
        var orelse: [Stmt] = []
        if !handlers.isEmpty && accept(.kwElse) {
            let (b, od) = try block()
            orelse = b
            d = max(d, od)
        }
        var finalbody: [Stmt] = []
        var hasFinally = false
        if accept(.kwFinally) {
            let (b, fd) = try block()
            finalbody = b
            hasFinally = true
            d = max(d, fd)
        }
        guard !handlers.isEmpty || hasFinally else { throw error() }
        let s = Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), line: l)
        return (s, try checkStmtDepth(d + 1, l))
    }

    /// At `with` (after `async`, if any).
    private func withStmt(isAsync: Bool, line l: Int) throws -> (Stmt, Int) {
        advance()
        var items: [WithItem] = []
        var done = false
        if kind == .lpar {
            // `with (a as b, c):` — parenthesised items. If that reading fails (as for
            // `with (a, b) as c:` or `with (a) + b:`) the parenthesis starts an expression instead.
            let savePos = pos, saveRecursion = recursion
            do {
                advance()
                var list: [WithItem] = []
                while true {
                    list.append(try withItem())
                    guard kind == .comma else { break }
                    advance()
                    if kind == .rpar { break }
                }
                try expect(.rpar)
                if kind == .colon {
                    items = list
                    done = true
                }
            } catch {}
            if !done {
                pos = savePos
                recursion = saveRecursion
            }
        }
        if !done {
            repeat {
                items.append(try withItem())
            } while accept(.comma)
        }
        let (body, bd) = try block()
        return (Stmt(.with(items: items, body: body, isAsync: isAsync), line: l), try checkStmtDepth(bd + 1, l))
    }

    private func withItem() throws -> WithItem {
        let context = try expr()
        var target: Expr? = nil
        if accept(.kwAs) {
            let t = try binary(0)
            try checkTarget(t, del: false)
            target = t
        }
        return WithItem(context: context, target: target)
    }

    private func decorated() throws -> (Stmt, Int) {
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(try namedExpr())
            try expect(.newline)
        }
        switch kind {
        case .kwDef:
            return try funcDef(decorators: decorators, isAsync: false, line: line)
        case .kwClass:
            return try classDef(decorators: decorators)
        case .kwAsync where peek() == .kwDef:
            let l = line
            advance()
            return try funcDef(decorators: decorators, isAsync: true, line: l)
        default:
            throw error()
        }
    }

    /// At `def` (after `async`, if any).
    private func funcDef(decorators: [Expr], isAsync: Bool, line l: Int) throws -> (Stmt, Int) {
        advance()
        let name = try expectName()
        try expect(.lpar)
        let (args, _) = try parameters(closer: .rpar, annotations: true)
        try expect(.rpar)
        var returns: Expr? = nil
        if accept(.rarrow) { returns = try expr() }
        let (body, bd) = try block()
        let s = Stmt(.functionDef(name: name, args: args, body: body, decorators: decorators, returns: returns, isAsync: isAsync), line: l)
        return (s, try checkStmtDepth(bd + 1, l))
    }

    private func classDef(decorators: [Expr]) throws -> (Stmt, Int) {
        let l = line
        advance()
        let name = try expectName()
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if accept(.lpar) {
            (bases, keywords) = try arguments(genexpLine: nil)
            try expect(.rpar)
        }
        let (body, bd) = try block()
        let s = Stmt(.classDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators), line: l)
        return (s, try checkStmtDepth(bd + 1, l))
    }

    /// Parameters of `def` (closer `)`, annotations allowed) or `lambda` (closer `:`).
    /// Returns the arguments and the depth of the deepest default/annotation.
    private func parameters(closer: TokenKind, annotations: Bool) throws -> (Arguments, Int) {
        var a = Arguments()
        var d = 0
        var sawSlash = false, sawStar = false, sawDefault = false, bareStar = false
        while kind != closer {
            switch kind {
            case .slash:
                guard !sawSlash && !sawStar && !a.args.isEmpty else { throw error() }
                advance()
                sawSlash = true
                a.posonly = a.args
                a.args = []
            case .star:
                guard !sawStar else { throw error() }
                sawStar = true
                advance()
                if kind == .comma || kind == closer {
                    bareStar = true
                } else {
                    a.vararg = try parameter(annotations, &d)
                }
            case .doubleStar:
                advance()
                a.kwarg = try parameter(annotations, &d)
                _ = accept(.comma)
                guard kind == closer else { throw error() }
                continue
            default:
                let p = try parameter(annotations, &d)
                var def: Expr? = nil
                if accept(.equal) {
                    def = try expr()
                    d = max(d, lastDepth)
                }
                if sawStar {
                    a.kwonly.append(p)
                    a.kwDefaults.append(def)
                } else {
                    a.args.append(p)
                    if let def = def {
                        a.defaults.append(def)
                        sawDefault = true
                    } else if sawDefault {
                        throw SyntaxErrorInfo("non-default argument follows default argument", line: p.line)
                    }
                }
            }
            guard accept(.comma) else { break }
        }
        if bareStar && a.kwonly.isEmpty {
            throw SyntaxErrorInfo("named arguments must follow bare *", line: line)
        }
        return (a, d)
    }

    private func parameter(_ annotations: Bool, _ d: inout Int) throws -> Arg {
        let l = line
        let name = try expectName()
        var annotation: Expr? = nil
        if annotations && accept(.colon) {
            annotation = try expr()
            d = max(d, lastDepth)
        }
        return Arg(name: name, annotation: annotation, line: l)
    }

    // MARK: - Expressions

    /// `star_expressions`: an unparenthesised tuple when there is a comma.
    private func starExprs() throws -> Expr {
        let start = line
        let first = try starExpr()
        guard kind == .comma else { return first }
        var items = [first]
        var d = lastDepth
        while accept(.comma) {
            guard startsExpr(kind) else { break }
            items.append(try starExpr())
            d = max(d, lastDepth)
        }
        return try mk(.tuple(items), start, d)
    }

    /// `'*' bitwise_or | expression`
    private func starExpr() throws -> Expr {
        kind == .star ? try starred() : try expr()
    }

    /// `'*' bitwise_or | named_expression`
    private func starNamedExpr() throws -> Expr {
        kind == .star ? try starred() : try namedExpr()
    }

    private func starred() throws -> Expr {
        let l = line
        advance()
        let v = try binary(0)
        return try mk(.starred(v), l, lastDepth)
    }

    /// `NAME ':=' expression | expression`
    private func namedExpr() throws -> Expr {
        if kind == .name && peek() == .colonEqual {
            let l = line
            let name = nameText()
            advance()
            advance()
            let v = try expr()
            return try mk(.namedExpr(target: name, value: v), l, lastDepth)
        }
        return try expr()
    }

    /// `expression`: lambda, or a disjunction with an optional conditional.
    private func expr() throws -> Expr {
        try enter()
        defer { recursion -= 1 }
        if kind == .kwLambda { return try lambdef() }
        let start = line
        let body = try disjunction()
        guard kind == .kwIf else { return body }
        var d = lastDepth
        advance()
        let test = try disjunction()
        d = max(d, lastDepth)
        try expect(.kwElse)
        let orelse = try expr()
        return try mk(.ifExp(test: test, body: body, orelse: orelse), start, max(d, lastDepth))
    }

    private func lambdef() throws -> Expr {
        let l = line
        advance()
        let (args, ad) = try parameters(closer: .colon, annotations: false)
        try expect(.colon)
        let body = try expr()
        return try mk(.lambda(args, body), l, max(ad, lastDepth))
    }

    // Composite nodes take the line of their first token, which for a parenthesised first
    // operand is the `(` rather than the operand's own line (CPython does the same).

    private func disjunction() throws -> Expr {
        let start = line
        let first = try conjunction()
        guard kind == .kwOr else { return first }
        var values = [first]
        var d = lastDepth
        while accept(.kwOr) {
            values.append(try conjunction())
            d = max(d, lastDepth)
        }
        return try mk(.boolOp(.or, values), start, d)
    }

    private func conjunction() throws -> Expr {
        let start = line
        let first = try inversion()
        guard kind == .kwAnd else { return first }
        var values = [first]
        var d = lastDepth
        while accept(.kwAnd) {
            values.append(try inversion())
            d = max(d, lastDepth)
        }
        return try mk(.boolOp(.and, values), start, d)
    }

    private func inversion() throws -> Expr {
        guard kind == .kwNot else { return try comparison() }
        try enter()
        defer { recursion -= 1 }
        let l = line
        advance()
        let operand = try inversion()
        return try mk(.unary(.not, operand), l, lastDepth)
    }

    private func comparison() throws -> Expr {
        let start = line
        let left = try binary(0)
        var ops: [CmpOp] = []
        var comparators: [Expr] = []
        var d = lastDepth
        while let op = compOp() {
            ops.append(op)
            comparators.append(try binary(0))
            d = max(d, lastDepth)
        }
        if ops.isEmpty { return left }
        return try mk(.compare(left, ops, comparators), start, d)
    }

    /// Consumes a comparison operator (`not in` and `is not` are two tokens).
    private func compOp() -> CmpOp? {
        let op: CmpOp
        switch kind {
        case .equalEqual: op = .eq
        case .notEqual: op = .ne
        case .less: op = .lt
        case .lessEqual: op = .le
        case .greater: op = .gt
        case .greaterEqual: op = .ge
        case .kwIn: op = .in
        case .kwNot:
            guard peek() == .kwIn else { return nil }
            advance()
            op = .notIn
        case .kwIs:
            if peek() == .kwNot {
                advance()
                op = .isNot
            } else {
                op = .is
            }
        default:
            return nil
        }
        advance()
        return op
    }

    private func binOp(_ k: TokenKind) -> (BinOp, Int)? {
        switch k {
        case .vbar: return (.bitor, 1)
        case .circumflex: return (.bitxor, 2)
        case .amper: return (.bitand, 3)
        case .leftShift: return (.lshift, 4)
        case .rightShift: return (.rshift, 4)
        case .plus: return (.add, 5)
        case .minus: return (.sub, 5)
        case .star: return (.mul, 6)
        case .slash: return (.truediv, 6)
        case .doubleSlash: return (.floordiv, 6)
        case .percent: return (.mod, 6)
        case .at: return (.matmul, 6)
        default: return nil
        }
    }

    /// Binary operators from `|` down to `* / // % @` by precedence climbing: one function
    /// instead of six levels keeps the recursion per bracket level short.
    private func binary(_ minPrec: Int) throws -> Expr {
        let start = line
        var left = try factor()
        var d = lastDepth
        while let (op, prec) = binOp(kind), prec >= minPrec {
            advance()
            let right = try binary(prec + 1)
            left = try mk(.binary(left, op, right), start, max(d, lastDepth))
            d = lastDepth
        }
        return left
    }

    /// Unary `+ - ~`, then `**` (which binds tighter on its left: `-2**2` is `-(2**2)`).
    private func factor() throws -> Expr {
        try enter()
        defer { recursion -= 1 }
        let op: UnaryOp
        switch kind {
        case .minus: op = .negate
        case .plus: op = .plus
        case .tilde: op = .invert
        default: return try power()
        }
        let l = line
        advance()
        let operand = try factor()
        return try mk(.unary(op, operand), l, lastDepth)
    }

    private func power() throws -> Expr {
        let start = line
        let base = try awaitPrimary()
        guard kind == .doubleStar else { return base }
        let d = lastDepth
        advance()
        let exponent = try factor()
        return try mk(.binary(base, .pow, exponent), start, max(d, lastDepth))
    }

    private func awaitPrimary() throws -> Expr {
        guard kind == .kwAwait else { return try primary() }
        let l = line
        advance()
        let v = try primary()
        return try mk(.await(v), l, lastDepth)
    }

    /// An atom followed by `.name`, `(args)` and `[index]` trailers.
    private func primary() throws -> Expr {
        let start = line
        var e = try atom()
        while true {
            switch kind {
            case .dot:
                let d = lastDepth
                advance()
                let name = try expectName()
                e = try mk(.attribute(e, name), start, d)
            case .lpar:
                let d = lastDepth
                let l = line
                advance()
                let (args, keywords) = try arguments(genexpLine: l)
                let ad = lastDepth
                try expect(.rpar)
                e = try mk(.call(function: e, args: args, keywords: keywords), start, max(d, ad))
            case .lsqb:
                let d = lastDepth
                advance()
                let index = try slices()
                try expect(.rsqb)
                e = try mk(.subscript(e, index), start, max(d, lastDepth))
            default:
                return e
            }
        }
    }

    /// Call (or class) arguments up to, not including, `)`. Leaves `lastDepth` at the deepest
    /// argument. `genexpLine` is the line of `(` when a bare generator argument is allowed.
    private func arguments(genexpLine: Int?) throws -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var d = 0
        var sawKeyword = false, sawDoubleStar = false
        while kind != .rpar {
            switch kind {
            case .star:
                if sawDoubleStar {
                    throw SyntaxErrorInfo("iterable argument unpacking follows keyword argument unpacking", line: line)
                }
                let l = line
                advance()
                let v = try expr()
                args.append(try mk(.starred(v), l, lastDepth))
            case .doubleStar:
                advance()
                keywords.append(Keyword(name: nil, value: try expr()))
                sawDoubleStar = true
            case .name where peek() == .equal:
                let name = nameText()
                advance()
                advance()
                keywords.append(Keyword(name: name, value: try expr()))
                sawKeyword = true
            default:
                let l = line
                let a = try namedExpr()
                if isCompFor() {
                    // `f(x for x in y)`: only as the sole argument.
                    guard let gl = genexpLine, args.isEmpty, keywords.isEmpty else { throw error() }
                    var ed = lastDepth
                    let gens = try compClauses(&ed)
                    args.append(try mk(.generatorExp(a, gens), gl, ed))
                    guard kind == .rpar else { throw error() }
                    lastDepth = max(d, lastDepth)
                    return (args, keywords)
                }
                if sawKeyword || sawDoubleStar {
                    throw SyntaxErrorInfo("positional arg after keyword arg", line: l)
                }
                args.append(a)
            }
            d = max(d, lastDepth)
            guard accept(.comma) else { break }
        }
        lastDepth = d
        return (args, keywords)
    }

    /// Subscript contents: one slice/expression, or a tuple of them.
    private func slices() throws -> Expr {
        let start = line
        let first = try slice()
        guard kind == .comma else { return first }
        var items = [first]
        var d = lastDepth
        while accept(.comma) {
            if kind == .rsqb { break }
            items.append(try slice())
            d = max(d, lastDepth)
        }
        return try mk(.tuple(items), start, d)
    }

    private func slice() throws -> Expr {
        let l = line
        var lower: Expr? = nil
        var d = 0
        if kind != .colon {
            // A bare `x := 1` cannot be a slice bound (a parenthesised one can).
            let bareWalrus = kind == .name && peek() == .colonEqual
            let e = try namedExpr()
            guard kind == .colon else { return e }
            if bareWalrus { throw error() }
            lower = e
            d = lastDepth
        }
        advance() // ':'
        var upper: Expr? = nil, step: Expr? = nil
        if kind != .colon && kind != .comma && kind != .rsqb {
            upper = try expr()
            d = max(d, lastDepth)
        }
        if accept(.colon) && kind != .comma && kind != .rsqb {
            step = try expr()
            d = max(d, lastDepth)
        }
        return try mk(.slice(lower: lower, upper: upper, step: step), l, d)
    }

    private func isCompFor() -> Bool {
        kind == .kwFor || (kind == .kwAsync && peek() == .kwFor)
    }

    /// `(['async'] 'for' targets 'in' disjunction ('if' disjunction)*)+`; raises `d` to the
    /// deepest sub-expression.
    private func compClauses(_ d: inout Int) throws -> [Comprehension] {
        var gens: [Comprehension] = []
        while isCompFor() {
            let isAsync = kind == .kwAsync
            if isAsync { advance() }
            advance() // 'for'
            let target = try targetList()
            d = max(d, lastDepth)
            try expect(.kwIn)
            let iter = try disjunction()
            d = max(d, lastDepth)
            var ifs: [Expr] = []
            while accept(.kwIf) {
                ifs.append(try disjunction())
                d = max(d, lastDepth)
            }
            gens.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return gens
    }

    /// Targets of `for` and comprehensions; stops before `in` (so `in` is not a comparison).
    private func targetList() throws -> Expr {
        let start = line
        let first = kind == .star ? try starred() : try binary(0)
        var result = first
        if kind == .comma {
            var items = [first]
            var d = lastDepth
            while accept(.comma) {
                guard startsExpr(kind) else { break }
                items.append(kind == .star ? try starred() : try binary(0))
                d = max(d, lastDepth)
            }
            result = try mk(.tuple(items), start, d)
        }
        try checkTarget(result, del: false)
        return result
    }

    private func yieldExpr() throws -> Expr {
        let l = line
        advance()
        if accept(.kwFrom) {
            let v = try expr()
            return try mk(.yieldFrom(v), l, lastDepth)
        }
        if startsExpr(kind) {
            let v = try starExprs()
            try noLoneStar(v)
            return try mk(.yield(v), l, lastDepth)
        }
        return try mk(.yield(nil), l, 0)
    }

    // MARK: - Atoms

    private func atom() throws -> Expr {
        let t = toks[pos]
        switch t.kind {
        case .name:
            advance()
            if case .name(let s) = t.payload { return try mk(.name(s), t.line, 0) }
            throw error()
        case .number:
            advance()
            if case .number(let c) = t.payload { return try mk(.constant(c), t.line, 0) }
            throw error()
        case .string:
            return try strings()
        case .kwNone:
            advance()
            return try mk(.constant(.none), t.line, 0)
        case .kwTrue:
            advance()
            return try mk(.constant(.true), t.line, 0)
        case .kwFalse:
            advance()
            return try mk(.constant(.false), t.line, 0)
        case .ellipsis:
            advance()
            return try mk(.constant(.ellipsis), t.line, 0)
        case .lpar:
            return try parenAtom()
        case .lsqb:
            return try listAtom()
        case .lbrace:
            return try braceAtom()
        default:
            throw error()
        }
    }

    /// `()`, `(expr)`, `(yield ...)`, tuples and generator expressions.
    private func parenAtom() throws -> Expr {
        let l = line
        advance()
        if accept(.rpar) { return try mk(.tuple([]), l, 0) }
        if kind == .kwYield {
            let y = try yieldExpr()
            try expect(.rpar)
            return y
        }
        let first = try starNamedExpr()
        if isCompFor() {
            try noLoneStarInComprehension(first)
            var d = lastDepth
            let gens = try compClauses(&d)
            try expect(.rpar)
            return try mk(.generatorExp(first, gens), l, d)
        }
        if kind == .comma {
            var items = [first]
            var d = lastDepth
            while accept(.comma) {
                if kind == .rpar { break }
                items.append(try starNamedExpr())
                d = max(d, lastDepth)
            }
            try expect(.rpar)
            return try mk(.tuple(items), l, d)
        }
        try expect(.rpar)
        try noLoneStar(first)
        return first
    }

    private func noLoneStarInComprehension(_ e: Expr) throws {
        if case .starred = e.kind {
            throw SyntaxErrorInfo("iterable unpacking cannot be used in comprehension", line: e.line)
        }
    }

    private func listAtom() throws -> Expr {
        let l = line
        advance()
        if accept(.rsqb) { return try mk(.list([]), l, 0) }
        let first = try starNamedExpr()
        if isCompFor() {
            try noLoneStarInComprehension(first)
            var d = lastDepth
            let gens = try compClauses(&d)
            try expect(.rsqb)
            return try mk(.listComp(first, gens), l, d)
        }
        var items = [first]
        var d = lastDepth
        while accept(.comma) {
            if kind == .rsqb { break }
            items.append(try starNamedExpr())
            d = max(d, lastDepth)
        }
        try expect(.rsqb)
        return try mk(.list(items), l, d)
    }

    /// Dicts, sets and their comprehensions.
    private func braceAtom() throws -> Expr {
        let l = line
        advance()
        if accept(.rbrace) { return try mk(.dict(keys: [], values: []), l, 0) }
        if kind == .doubleStar {
            advance()
            let v = try binary(0)
            return try dictRest(l, keys: [nil], values: [v], depth: lastDepth)
        }
        // `{x := 1}` is a set; `{(x := 1): 2}` is a dict, so look at the tokens, not the node.
        let plainKey = kind != .star && !(kind == .name && peek() == .colonEqual)
        let first = try starNamedExpr()
        var d = lastDepth
        let isDict = plainKey && kind == .colon
        if isDict {
            advance()
            let value = try expr()
            d = max(d, lastDepth)
            if isCompFor() {
                let gens = try compClauses(&d)
                try expect(.rbrace)
                return try mk(.dictComp(key: first, value: value, gens), l, d)
            }
            return try dictRest(l, keys: [first], values: [value], depth: d)
        }
        if isCompFor() {
            try noLoneStarInComprehension(first)
            let gens = try compClauses(&d)
            try expect(.rbrace)
            return try mk(.setComp(first, gens), l, d)
        }
        var items = [first]
        while accept(.comma) {
            if kind == .rbrace { break }
            items.append(try starNamedExpr())
            d = max(d, lastDepth)
        }
        try expect(.rbrace)
        return try mk(.set(items), l, d)
    }

    /// The remaining `, key: value` / `, **mapping` items of a dict display.
    private func dictRest(_ l: Int, keys: [Expr?], values: [Expr], depth: Int) throws -> Expr {
        var keys = keys, values = values, d = depth
        while accept(.comma) {
            if kind == .rbrace { break }
            if accept(.doubleStar) {
                keys.append(nil)
                values.append(try binary(0))
                d = max(d, lastDepth)
            } else {
                keys.append(try expr())
                d = max(d, lastDepth)
                try expect(.colon)
                values.append(try expr())
                d = max(d, lastDepth)
            }
        }
        try expect(.rbrace)
        return try mk(.dict(keys: keys, values: values), l, d)
    }

    // MARK: - String literals

    /// Adjacent string literals joined into one constant, or an f-string `.joinedStr`.
    private func strings() throws -> Expr {
        let l = line
        var pieces: [StringToken] = []
        while kind == .string, case .string(let s) = toks[pos].payload {
            pieces.append(s)
            advance()
        }
        guard let isBytes = pieces.first?.isBytes else { throw error() }
        if pieces.contains(where: { $0.isBytes != isBytes }) {
            throw SyntaxErrorInfo("cannot mix bytes and nonbytes literals", line: l)
        }
        if isBytes || !pieces.contains(where: { $0.isF }) {
            var all: [UInt8] = pieces.count == 1 ? pieces[0].text : []
            if pieces.count > 1 { for p in pieces { all += p.text } }
            return try mk(.constant(isBytes ? .bytes(all) : .str(all)), l, 0)
        }
        var f = FStringBuilder(line: l)
        for p in pieces {
            if p.isF {
                try fstring(p.text, isRaw: p.isRaw, line: p.line, level: 0, into: &f)
            } else {
                f.literal += p.text
            }
        }
        f.flush()
        guard f.hasField else {
            if case .constant(let c)? = f.parts.first?.kind { return try mk(.constant(c), l, 0) }
            return try mk(.constant(.str([])), l, 0)
        }
        return try mk(.joinedStr(f.parts), l, f.depth)
    }

    /// Parts of an f-string being assembled; adjacent literal text is merged into one constant.
    /// Like CPython 3.11, the parts (and format specs) carry the line where the whole literal
    /// starts; only the expressions inside fields have their own lines.
    private struct FStringBuilder {
        let line: Int
        var parts: [Expr] = []
        var literal: [UInt8] = []
        var hasField = false
        var depth = 0

        init(line: Int) { self.line = line }

        mutating func flush() {
            if !literal.isEmpty {
                parts.append(Expr(.constant(.str(literal)), line: line))
                literal = []
            }
        }
    }

    /// Splits the raw text of an f-string (or, at level > 0, of a format spec) into literal text
    /// and `{expr!c:spec}` fields. Literal pieces are split first and their escapes decoded
    /// afterwards, as CPython 3.11 does. Returns the index where a format spec ended (at its `}`).
    @discardableResult
    private func fstring(_ t: [UInt8], from start: Int = 0, isRaw: Bool, line: Int, level: Int,
                         into f: inout FStringBuilder) throws -> Int {
        let n = t.count
        var i = start
        var ln = line
        var segStart = i
        var segLine = ln

        func takeSegment(upTo end: Int) throws {
            guard end > segStart else { return }
            if isRaw {
                f.literal += t[segStart..<end]
            } else {
                try t.withUnsafeBufferPointer { buf in
                    f.literal += try Lexer.decodeEscapes(UnsafeBufferPointer(rebasing: buf[segStart..<end]), isBytes: false, line: segLine)
                }
            }
        }

        while i < n {
            let c = t[i]
            if c == 0x0A {
                ln += 1
                i += 1
            } else if c == 0x5C && !isRaw {
                // Skip escape pairs so `\\{` is a backslash then a field; `\N{...}` is unsupported.
                if i + 1 < n && t[i + 1] == 0x4E {
                    throw SyntaxErrorInfo("unicode name escapes are not supported", line: ln)
                }
                if i + 1 < n && (t[i + 1] == 0x5C || t[i + 1] == 0x0A) {
                    if t[i + 1] == 0x0A { ln += 1 }
                    i += 2
                } else {
                    i += 1
                }
            } else if c == 0x7D { // }
                if level > 0 {
                    try takeSegment(upTo: i)
                    return i
                }
                guard i + 1 < n && t[i + 1] == 0x7D else {
                    throw SyntaxErrorInfo("f-string: single '}' is not allowed", line: ln)
                }
                try takeSegment(upTo: i + 1)
                i += 2
                segStart = i
                segLine = ln
            } else if c == 0x7B { // {
                if level == 0 && i + 1 < n && t[i + 1] == 0x7B {
                    try takeSegment(upTo: i + 1)
                    i += 2
                    segStart = i
                    segLine = ln
                    continue
                }
                try takeSegment(upTo: i)
                i = try fstringField(t, at: i, isRaw: isRaw, line: &ln, level: level, into: &f)
                segStart = i
                segLine = ln
            } else {
                i += 1
            }
        }
        if level > 0 { throw SyntaxErrorInfo("f-string: expecting '}'", line: ln) }
        try takeSegment(upTo: n)
        return n
    }

    /// Parses the field whose `{` is at `open`; returns the index after its `}`.
    private func fstringField(_ t: [UInt8], at open: Int, isRaw: Bool, line ln: inout Int, level: Int,
                              into f: inout FStringBuilder) throws -> Int {
        if level >= 2 { throw SyntaxErrorInfo("f-string: expressions nested too deeply", line: ln) }
        let n = t.count
        let fieldLine = ln
        let exprStart = open + 1
        var i = exprStart
        var nesting = 0
        // Find the end of the expression: `}`, `!` (not `!=`), `:` or a self-documenting `=`,
        // outside brackets and nested string literals.
        scan: while true {
            guard i < n else { throw SyntaxErrorInfo("f-string: expecting '}'", line: fieldLine) }
            let c = t[i]
            switch c {
            case 0x5C:
                throw SyntaxErrorInfo("f-string expression part cannot include a backslash", line: ln)
            case 0x23:
                throw SyntaxErrorInfo("f-string expression part cannot include '#'", line: ln)
            case 0x0A:
                ln += 1
            case 0x28, 0x5B, 0x7B:
                nesting += 1
            case 0x29, 0x5D, 0x7D:
                if nesting == 0 {
                    if c == 0x7D { break scan }
                    throw SyntaxErrorInfo("f-string: unmatched ')'", line: ln)
                }
                nesting -= 1
            case 0x22, 0x27:
                // A nested string literal: skip it whole so its brackets and colons don't count.
                let q = c
                let triple = i + 2 < n && t[i + 1] == q && t[i + 2] == q
                i += triple ? 3 : 1
                while true {
                    guard i < n else { throw SyntaxErrorInfo("f-string: unterminated string", line: ln) }
                    if t[i] == 0x0A { ln += 1 }
                    if t[i] == q && (!triple || (i + 2 < n && t[i + 1] == q && t[i + 2] == q)) { break }
                    i += 1
                }
                i += triple ? 3 : 1
                continue scan
            case 0x21: // !
                if nesting == 0 && !(i + 1 < n && t[i + 1] == 0x3D) { break scan }
            case 0x3A: // :
                if nesting == 0 { break scan }
            case 0x3D: // =
                if nesting == 0 && !(i + 1 < n && t[i + 1] == 0x3D) {
                    let prev = i > exprStart ? t[i - 1] : 0
                    if prev != 0x3D && prev != 0x21 && prev != 0x3C && prev != 0x3E { break scan }
                }
            default:
                break
            }
            i += 1
        }
        let exprEnd = i
        if !t[exprStart..<exprEnd].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C }) {
            throw SyntaxErrorInfo("f-string: empty expression not allowed", line: fieldLine)
        }
        var selfDoc: ArraySlice<UInt8>? = nil
        if t[i] == 0x3D {
            // `{x = }`: the expression text, `=` and following blanks are kept literally.
            i += 1
            while i < n && (t[i] == 0x20 || t[i] == 0x09) { i += 1 }
            selfDoc = t[exprStart..<i]
        }
        var conversion: UInt8 = 0
        if i < n && t[i] == 0x21 {
            guard i + 1 < n, t[i + 1] == 0x73 || t[i + 1] == 0x72 || t[i + 1] == 0x61 else {
                throw SyntaxErrorInfo("f-string: invalid conversion character", line: ln)
            }
            conversion = t[i + 1]
            i += 2
        }
        var spec: Expr? = nil
        var specDepth = 0
        if i < n && t[i] == 0x3A {
            var sf = FStringBuilder(line: f.line)
            i = try fstring(t, from: i + 1, isRaw: isRaw, line: ln, level: level + 1, into: &sf)
            for k in exprEnd..<i where t[k] == 0x0A { ln += 1 }
            sf.flush()
            if !sf.parts.isEmpty {
                spec = try mk(.joinedStr(sf.parts), f.line, sf.depth)
                specDepth = lastDepth
            }
        }
        guard i < n && t[i] == 0x7D else { throw SyntaxErrorInfo("f-string: expecting '}'", line: ln) }
        i += 1
        let value = try fstringExpression(t[exprStart..<exprEnd], line: fieldLine)
        if let sd = selfDoc {
            f.literal += sd
            if conversion == 0 && spec == nil { conversion = 0x72 }
        }
        f.flush()
        f.parts.append(try mk(.formatted(value: value, conversion: conversion, spec: spec), f.line, max(lastDepth, specDepth)))
        f.depth = max(f.depth, lastDepth)
        f.hasField = true
        return i
    }

    /// Parses the text of an f-string field as a parenthesised expression, as CPython 3.11 does
    /// (so it may span lines and be a tuple or yield); `line` is where the field starts.
    private func fstringExpression(_ text: ArraySlice<UInt8>, line: Int) throws -> Expr {
        var src: [UInt8] = [0x28]
        src += text
        src.append(0x29)
        let sub = Parser(tokens: Lexer.tokenize(src, mode: .eval, firstLine: line), recursion: recursion)
        let e = try sub.evalInput()
        lastDepth = sub.lastDepth
        return e
    }
}
