import Testing
@testable import MicroPythonCore

// Unit tests of Lexer.swift and Parser.swift. Trees are compared through a compact S-expression
// rendering (`show`), with `@line` appended only where a test asks for lines.

// MARK: - Helpers

private func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

private func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

private func showConst(_ c: Constant) -> String {
    switch c {
    case .none: return "None"
    case .true: return "True"
    case .false: return "False"
    case .ellipsis: return "..."
    case .int(let v): return "\(v)"
    case .bigInt(let s): return "big:\(s)"
    case .float(let d): return "\(d)"
    case .imag(let d): return "\(d)j"
    case .str(let b): return "'\(text(b))'"
    case .bytes(let b): return "b'\(b.map { String($0) }.joined(separator: ","))'"
    }
}

private func showArgs(_ a: Arguments, _ lines: Bool) -> String {
    func arg(_ x: Arg) -> String { x.name + (x.annotation.map { ":" + show($0, lines) } ?? "") }
    var parts: [String] = []
    if !a.posonly.isEmpty { parts.append("posonly=" + a.posonly.map(arg).joined(separator: ",")) }
    if !a.args.isEmpty { parts.append("args=" + a.args.map(arg).joined(separator: ",")) }
    if !a.defaults.isEmpty { parts.append("defaults=" + a.defaults.map { show($0, lines) }.joined(separator: ",")) }
    if let v = a.vararg { parts.append("*" + arg(v)) }
    if !a.kwonly.isEmpty { parts.append("kwonly=" + a.kwonly.map(arg).joined(separator: ",")) }
    if !a.kwDefaults.isEmpty { parts.append("kwdefaults=" + a.kwDefaults.map { $0.map { show($0, lines) } ?? "_" }.joined(separator: ",")) }
    if let k = a.kwarg { parts.append("**" + arg(k)) }
    return "(" + parts.joined(separator: " ") + ")"
}

private func showComps(_ gs: [Comprehension], _ lines: Bool) -> String {
    gs.map { g in
        (g.isAsync ? " async-for " : " for ") + show(g.target, lines) + " in " + show(g.iter, lines)
            + g.ifs.map { " if " + show($0, lines) }.joined()
    }.joined()
}

private func list(_ es: [Expr], _ lines: Bool) -> String { es.map { show($0, lines) }.joined(separator: " ") }

private func show(_ e: Expr, _ lines: Bool = false) -> String {
    let at = lines ? "@\(e.line)" : ""
    switch e.kind {
    case .name(let n): return n + at
    case .constant(let c): return showConst(c) + at
    case .joinedStr(let ps): return "(fstr\(at) \(list(ps, lines)))"
    case .formatted(let v, let c, let spec):
        let conv = c == 0 ? "" : "!" + String(UnicodeScalar(c))
        return "{" + show(v, lines) + conv + (spec.map { ":" + show($0, lines) } ?? "") + "}"
    case .tuple(let es): return "(tuple\(at) \(list(es, lines)))"
    case .list(let es): return "(list\(at) \(list(es, lines)))"
    case .set(let es): return "(set\(at) \(list(es, lines)))"
    case .dict(let ks, let vs):
        let items = zip(ks, vs).map { k, v in (k.map { show($0, lines) } ?? "**") + ":" + show(v, lines) }
        return "(dict\(at) \(items.joined(separator: " ")))"
    case .starred(let v): return "*" + show(v, lines)
    case .attribute(let v, let n): return "(. \(show(v, lines)) \(n))\(at)"
    case .subscript(let v, let i): return "(sub\(at) \(show(v, lines)) \(show(i, lines)))"
    case .slice(let a, let b, let c):
        return "(slice \(a.map { show($0, lines) } ?? "_") \(b.map { show($0, lines) } ?? "_") \(c.map { show($0, lines) } ?? "_"))"
    case .call(let f, let a, let k):
        let kws = k.map { " " + ($0.name.map { $0 + "=" } ?? "**") + show($0.value, lines) }.joined()
        return "(call\(at) \(show(f, lines))\(a.map { " " + show($0, lines) }.joined())\(kws))"
    case .unary(let op, let v):
        let o: String
        switch op { case .not: o = "not"; case .invert: o = "~"; case .negate: o = "-"; case .plus: o = "+" }
        return "(\(o)\(at) \(show(v, lines)))"
    case .binary(let l, let op, let r):
        let o: String
        switch op {
        case .add: o = "+"; case .sub: o = "-"; case .mul: o = "*"; case .matmul: o = "@"; case .truediv: o = "/"
        case .floordiv: o = "//"; case .mod: o = "%"; case .pow: o = "**"; case .lshift: o = "<<"; case .rshift: o = ">>"
        case .bitor: o = "|"; case .bitxor: o = "^"; case .bitand: o = "&"
        }
        return "(\(o)\(at) \(show(l, lines)) \(show(r, lines)))"
    case .boolOp(let op, let vs): return "(\(op == .and ? "and" : "or")\(at) \(list(vs, lines)))"
    case .compare(let l, let ops, let cs):
        var s = "(cmp\(at) " + show(l, lines)
        for (op, c) in zip(ops, cs) {
            let o: String
            switch op {
            case .eq: o = "=="; case .ne: o = "!="; case .lt: o = "<"; case .le: o = "<="; case .gt: o = ">"; case .ge: o = ">="
            case .is: o = "is"; case .isNot: o = "is-not"; case .in: o = "in"; case .notIn: o = "not-in"
            }
            s += " \(o) " + show(c, lines)
        }
        return s + ")"
    case .ifExp(let t, let b, let o): return "(if\(at) \(show(t, lines)) \(show(b, lines)) \(show(o, lines)))"
    case .lambda(let a, let b): return "(lambda\(at) \(showArgs(a, lines)) \(show(b, lines)))"
    case .namedExpr(let t, let v): return "(:=\(at) \(t) \(show(v, lines)))"
    case .listComp(let el, let g): return "(listcomp\(at) \(show(el, lines))\(showComps(g, lines)))"
    case .setComp(let el, let g): return "(setcomp\(at) \(show(el, lines))\(showComps(g, lines)))"
    case .generatorExp(let el, let g): return "(genexp\(at) \(show(el, lines))\(showComps(g, lines)))"
    case .dictComp(let k, let v, let g): return "(dictcomp\(at) \(show(k, lines)):\(show(v, lines))\(showComps(g, lines)))"
    case .await(let v): return "(await\(at) \(show(v, lines)))"
    case .yield(let v): return "(yield\(at)\(v.map { " " + show($0, lines) } ?? ""))"
    case .yieldFrom(let v): return "(yield-from\(at) \(show(v, lines)))"
    }
}

private func block(_ ss: [Stmt], _ lines: Bool) -> String { "[" + ss.map { show($0, lines) }.joined(separator: "; ") + "]" }

private func show(_ s: Stmt, _ lines: Bool = false) -> String {
    let at = lines ? "@\(s.line)" : ""
    switch s.kind {
    case .expr(let e): return lines ? "(expr\(at) \(show(e, lines)))" : show(e)
    case .assign(let ts, let v): return "(=\(at) \(list(ts, lines)) \(show(v, lines)))"
    case .augAssign(let t, let op, let v):
        return "(aug\(at) \(show(t, lines)) \(show(Expr(.binary(Expr(.name("_"), line: 0), op, Expr(.name("_"), line: 0)), line: 0))) \(show(v, lines)))"
    case .annAssign(let t, let a, let v, let simple):
        return "(ann\(at) \(show(t, lines)) \(show(a, lines)) \(v.map { show($0, lines) } ?? "_") \(simple ? "simple" : "complex"))"
    case .functionDef(let name, let a, let body, let decs, let ret, let isAsync):
        return "(\(isAsync ? "async-def" : "def")\(at) \(name) \(showArgs(a, lines))\(ret.map { " -> " + show($0, lines) } ?? "")"
            + "\(decs.isEmpty ? "" : " @[" + list(decs, lines) + "]") \(block(body, lines)))"
    case .classDef(let name, let bases, let k, let body, let decs):
        let kws = k.map { " " + ($0.name.map { $0 + "=" } ?? "**") + show($0.value, lines) }.joined()
        return "(class\(at) \(name) (\(list(bases, lines))\(kws))\(decs.isEmpty ? "" : " @[" + list(decs, lines) + "]") \(block(body, lines)))"
    case .return(let v): return "(return\(at)\(v.map { " " + show($0, lines) } ?? ""))"
    case .delete(let ts): return "(del\(at) \(list(ts, lines)))"
    case .pass: return "pass" + at
    case .break: return "break" + at
    case .continue: return "continue" + at
    case .if(let t, let b, let o): return "(if\(at) \(show(t, lines)) \(block(b, lines)) \(block(o, lines)))"
    case .while(let t, let b, let o): return "(while\(at) \(show(t, lines)) \(block(b, lines)) \(block(o, lines)))"
    case .for(let t, let i, let b, let o, let a):
        return "(\(a ? "async-for" : "for")\(at) \(show(t, lines)) \(show(i, lines)) \(block(b, lines)) \(block(o, lines)))"
    case .with(let items, let b, let a):
        let its = items.map { show($0.context, lines) + ($0.target.map { " as " + show($0, lines) } ?? "") }.joined(separator: ", ")
        return "(\(a ? "async-with" : "with")\(at) \(its) \(block(b, lines)))"
    case .raise(let e, let c): return "(raise\(at)\(e.map { " " + show($0, lines) } ?? "")\(c.map { " from " + show($0, lines) } ?? ""))"
    case .try(let b, let hs, let o, let f):
        let h = hs.map { "(except\(lines ? "@\($0.line)" : "")\($0.type.map { " " + show($0, lines) } ?? "")\($0.name.map { " as " + $0 } ?? "") \(block($0.body, lines)))" }
        return "(try\(at) \(block(b, lines)) \(h.joined(separator: " ")) else=\(block(o, lines)) finally=\(block(f, lines)))"
    case .assert(let t, let m): return "(assert\(at) \(show(t, lines))\(m.map { " " + show($0, lines) } ?? ""))"
    case .import(let al): return "(import\(at) \(al.map { $0.name + ($0.asName.map { " as " + $0 } ?? "") }.joined(separator: ", ")))"
    case .importFrom(let m, let al, let level):
        return "(from\(at) \(String(repeating: ".", count: level))\(m ?? "") \(al.map { $0.name + ($0.asName.map { " as " + $0 } ?? "") }.joined(separator: ", ")))"
    case .global(let ns): return "(global\(at) \(ns.joined(separator: " ")))"
    case .nonlocal(let ns): return "(nonlocal\(at) \(ns.joined(separator: " ")))"
    }
}

/// The module rendered one statement per line, or "error@LINE message".
private func mod(_ src: String, lines: Bool = false) -> String {
    do {
        return try parseModule(utf8(src)).map { show($0, lines) }.joined(separator: "\n")
    } catch let e as SyntaxErrorInfo {
        return "error@\(e.line) \(e.message)"
    } catch {
        return "other error"
    }
}

private func ex(_ src: String, lines: Bool = false) -> String {
    do {
        return show(try parseExpression(utf8(src)), lines)
    } catch let e as SyntaxErrorInfo {
        return "error@\(e.line) \(e.message)"
    } catch {
        return "other error"
    }
}

private func syntaxError(_ src: String) -> SyntaxErrorInfo? {
    do {
        _ = try parseModule(utf8(src))
        return nil
    } catch let e as SyntaxErrorInfo {
        return e
    } catch {
        return nil
    }
}

private func const(_ src: String) -> String { ex(src) }

private func kinds(_ src: String) -> [TokenKind] { Lexer.tokenize(utf8(src), mode: .file).map(\.kind) }

// MARK: - Lexer

@Suite struct LexerTests {
    @Test func operatorsLongestMatch() {
        #expect(kinds("a **= b //= c >>= d <<= e") == [.name, .doubleStarEqual, .name, .doubleSlashEqual, .name, .rightShiftEqual, .name, .leftShiftEqual, .name, .newline, .endMarker])
        #expect(kinds("x->y := ... != == <= >= @= @") == [.name, .rarrow, .name, .colonEqual, .ellipsis, .notEqual, .equalEqual, .lessEqual, .greaterEqual, .atEqual, .at, .newline, .endMarker])
        #expect(kinds("a.b") == [.name, .dot, .name, .newline, .endMarker])
    }

    @Test func keywordsAndSoftKeywords() {
        #expect(kinds("async await match case type _") == [.kwAsync, .kwAwait, .name, .name, .name, .name, .newline, .endMarker])
    }

    @Test func indentation() {
        #expect(kinds("if x:\n    y\n    z\nw\n") == [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .name, .newline, .dedent, .name, .newline, .endMarker])
        // A tab advances to the next multiple of 8, so it matches 8 spaces.
        #expect(mod("if x:\n\ty = 1\n        z = 2\n") == "(if x [(= y 1); (= z 2)] [])")
        #expect(mod("if x:\n  \ty = 1\n        z = 2\n") == "(if x [(= y 1); (= z 2)] [])")
        // Blank lines, comment lines and lines inside brackets do not affect indentation.
        #expect(mod("if x:\n    a = (1,\n  2)\n\n       # c\n    b = 3\n") == "(if x [(= a (tuple 1 2)); (= b 3)] [])")
        // Dedent to several levels at once, and at end of input.
        #expect(mod("if a:\n  if b:\n    c\nd") == "(if a [(if b [c] [])] [])\nd")
        #expect(mod("if a:\n  if b:\n    c") == "(if a [(if b [c] [])] [])")
    }

    @Test func indentationErrors() {
        let e1 = syntaxError("x = 1\n    y = 2\n")
        #expect(e1?.line == 2 && e1?.isIndentation == true && e1?.message == "unexpected indent")
        let e2 = syntaxError("if x:\n    a\n  b\n")
        #expect(e2?.line == 3 && e2?.isIndentation == true && e2?.message == "unindent doesn't match any outer indent level")
        let e3 = syntaxError("if x:\npass\n")
        #expect(e3?.line == 2 && e3?.isIndentation == true && e3?.message == "expected an indented block")
        let e4 = syntaxError("def f():\n")
        #expect(e4?.line == 1 && e4?.isIndentation == true)
        let e5 = syntaxError("   x = 1\n")
        #expect(e5?.line == 1 && e5?.message == "unexpected indent")
    }

    @Test func lineContinuation() {
        #expect(mod("x = 1 + \\\n  2\ny = 3", lines: true) == "(=@1 x@1 (+@1 1@1 2@2))\n(=@3 y@3 3@3)")
        #expect(syntaxError("x = 1 \\ 2\n")?.line == 1)
        #expect(syntaxError("x = \\")?.line == 1)
        // A blank-prefixed line ending in `\` is transparent for indentation (CPython 3.11).
        #expect(mod("if a:\n\\\n    b\n") == "(if a [b] [])")
        #expect(syntaxError("if a:\n    b\n  \\\n  c\n")?.isIndentation == true)
    }

    @Test func newlineConventions() {
        #expect(mod("a = 1\r\nb = 2\rc = 3", lines: true) == "(=@1 a@1 1@1)\n(=@2 b@2 2@2)\n(=@3 c@3 3@3)")
        #expect(mod("\u{FEFF}x = 1") == "(= x 1)")
        #expect(mod("x = '''a\r\nb'''") == "(= x 'a\nb')")
        #expect(mod("") == "")
        #expect(mod("\n\n# only a comment\n   \n") == "")
        #expect(mod("x = 1  # trailing comment") == "(= x 1)")
    }

    @Test func integers() {
        #expect(const("0") == "0")
        #expect(const("00") == "0")
        #expect(const("1_000_000") == "1000000")
        #expect(const("0x_FF") == "255")
        #expect(const("0o777") == "511")
        #expect(const("0B1010") == "10")
        #expect(const("9223372036854775807") == "9223372036854775807")
        #expect(const("9223372036854775808") == "big:9223372036854775808")
        #expect(const("0x8000000000000000") == "big:9223372036854775808")
        #expect(const("0xFFFFFFFFFFFFFFFFFFFF") == "big:1208925819614629174706175")
        #expect(const("0o1777777777777777777777") == "big:18446744073709551615")
        #expect(const("0b" + String(repeating: "1", count: 70)) == "big:1180591620717411303423")
        #expect(const("123456789012345678901234567890") == "big:123456789012345678901234567890")
        #expect(const("000000000000000000000000000000") == "0")
    }

    @Test func badNumbers() {
        for src in ["01", "1__0", "1_", "0x", "0x_", "0b2", "0o8", "1e", "1e+", "1_.5", "1._5", "0x1g", "1abc", "3.14j2"] {
            #expect(ex(src).hasPrefix("error@1"), "\(src) should be rejected")
        }
    }

    @Test func floatsAndImaginary() {
        #expect(const("1.") == "1.0")
        #expect(const(".5") == "0.5")
        #expect(const("1e10") == "10000000000.0")
        #expect(const("1_000.5") == "1000.5")
        #expect(const("1.5e-3") == "0.0015")
        #expect(const("1E+2") == "100.0")
        #expect(const("01.5") == "1.5")
        #expect(const("1e400") == "inf")
        #expect(const("2j") == "2.0j")
        #expect(const("1.5J") == "1.5j")
        #expect(const("1e3j") == "1000.0j")
        #expect(const("09j") == "9.0j")
    }

    @Test func numberFollowedByKeyword() {
        #expect(ex("1if x else 2") == "(if x 1 2)")
        #expect(ex("0x1for") == "error@1 invalid syntax") // `0x1f` then `or` with nothing after it
        #expect(ex("[0x1for x in y]") == "(list (or 31 (cmp x in y)))")
        #expect(ex("1.real") == "error@1 invalid syntax")
        #expect(ex("1 .real") == "(. 1 real)")
    }

    @Test func stringEscapes() {
        #expect(const(#"'\n\t\\\'\"\a\b\f\v\r\0'"#) == "'\n\t\\'\"\u{07}\u{08}\u{0C}\u{0B}\r\u{0}'")
        #expect(const(#"'\101\1011'"#) == "'AA1'")
        #expect(const(#"'\x41\u00e9\U0001F600'"#) == "'Aé😀'")
        #expect(const(#"'\q\d'"#) == #"'\q\d'"#)
        #expect(const("'a\\\nb'") == "'ab'")
        #expect(const(#"'\777'"#) == "'ǿ'")
        #expect(ex(#"'\x4'"#).hasPrefix("error@1"))
        #expect(ex(#"'\U00110000'"#).hasPrefix("error@1"))
        #expect(ex(#"'\N{DASH}'"#).hasPrefix("error@1"))
        // A lone surrogate is kept as its 3-byte (generalised UTF-8) form, as MicroPython does.
        if case .constant(.str(let b))? = try? parseExpression(utf8(#"'\ud800'"#)).kind {
            #expect(b == [0xED, 0xA0, 0x80])
        } else {
            Issue.record("expected a str constant")
        }
    }

    @Test func rawAndPrefixedStrings() {
        #expect(const(#"r'\n\''"#) == #"'\n\''"#)
        #expect(const(#"R"\d""#) == #"'\d'"#)
        #expect(const(#"u'x'"#) == "'x'")
        #expect(const("rb'\\x'") == "b'92,120'")
        #expect(const("Br'a'") == "b'97'")
        #expect(const(#"b'\x00\xff\u1234'"#) == "b'0,255,92,117,49,50,51,52'")
        #expect(const(#"b'\777'"#) == "b'255'")
        #expect(ex("ur'x'").hasPrefix("error@1"))
        #expect(ex("bf'x'").hasPrefix("error@1"))
        #expect(ex("rb") == "rb")
        #expect(ex("b'é'") == "error@1 bytes can only contain ASCII literal characters")
        #expect(ex(#"r'\'"#).hasPrefix("error@1"))
    }

    @Test func tripleQuotedAndUnterminated() {
        #expect(mod("x = '''a\n'b'\n\"\"\"'''\ny = 1", lines: true) == "(=@1 x@1 'a\n'b'\n\"\"\"'@1)\n(=@4 y@4 1@4)")
        #expect(const("\"\"\"a\"\"\"\"\"\"b\"\"\"") == "'ab'")
        #expect(syntaxError("x = 1\ny = 'abc\n")?.line == 2)
        #expect(syntaxError("x = 1\ny = '''abc\n\n")?.line == 2)
        #expect(syntaxError("x = 'abc")?.message == "unterminated string")
    }

    @Test func concatenation() {
        #expect(const("'a' \"b\" '''c'''") == "'abc'")
        #expect(const("b'a' B'b'") == "b'97,98'")
        #expect(mod("x = ('a'\n  'b')") == "(= x 'ab')")
        #expect(ex("'a' b'b'") == "error@1 cannot mix bytes and nonbytes literals")
        #expect(ex("f'a' b'b'") == "error@1 cannot mix bytes and nonbytes literals")
    }

    @Test func invalidCharacters() {
        for src in ["a $ b", "a ? b", "`a`", "a ! b", "a <> b", "x = 1\u{0}"] {
            #expect(syntaxError(src) != nil, "\(src) should be rejected")
        }
        #expect(syntaxError("x = 1\ny = 2 $\n")?.line == 2)
        // Invalid UTF-8 anywhere is an error, reported on its line.
        let e = try? parseModule([0x61, 0x3D, 0x31, 0x0A, 0x62, 0x3D, 0xC3, 0x28])
        #expect(e == nil)
        do {
            _ = try parseModule([0x61, 0x0A, 0x23, 0xFF, 0x0A])
            Issue.record("expected an error")
        } catch let err as SyntaxErrorInfo {
            #expect(err.line == 2)
        } catch {
            Issue.record("unexpected error type")
        }
        // Non-ASCII identifiers are accepted (MicroPython treats bytes >= 0x80 as identifier characters).
        #expect(mod("é = 1") == "(= é 1)")
    }

    @Test func brackets() {
        #expect(syntaxError("x = (1,\n2]\n")?.line == 2)
        #expect(syntaxError("x = 1)\n")?.line == 1)
        #expect(syntaxError("x = [1,\n2\n") != nil)
        #expect(syntaxError(String(repeating: "(", count: 201) + String(repeating: ")", count: 201))?.message == "too many nested parentheses")
    }
}

// MARK: - Expressions

@Suite struct ExpressionTests {
    @Test func precedence() {
        #expect(ex("-2**2") == "(- (** 2 2))")
        #expect(ex("2**-1") == "(** 2 (- 1))")
        #expect(ex("2**3**2") == "(** 2 (** 3 2))")
        #expect(ex("a + b * c - d") == "(- (+ a (* b c)) d)")
        #expect(ex("a | b ^ c & d << e + f @ g") == "(| a (^ b (& c (<< d (+ e (@ f g))))))")
        #expect(ex("a // b % c / d * e") == "(* (/ (% (// a b) c) d) e)")
        #expect(ex("~a ** b") == "(~ (** a b))")
        #expect(ex("not a == b") == "(not (cmp a == b))")
        #expect(ex("a and not b or c") == "(or (and a (not b)) c)")
        #expect(ex("a or b or c") == "(or a b c)")
        #expect(ex("a if b else c if d else e") == "(if b a (if d c e))")
        #expect(ex("lambda: a if b else c") == "(lambda () (if b a c))")
        #expect(ex("await a ** 2") == "(** (await a) 2)")
        #expect(ex("- - +a") == "(- (- (+ a)))")
    }

    @Test func comparisons() {
        #expect(ex("a < b <= c == d != e > f >= g") == "(cmp a < b <= c == d != e > f >= g)")
        #expect(ex("a in b not in c is d is not e") == "(cmp a in b not-in c is d is-not e)")
        #expect(ex("a not b").hasPrefix("error"))
        #expect(ex("a is not not b").hasPrefix("error"))
    }

    @Test func atoms() {
        #expect(ex("None") == "None")
        #expect(ex("(True, False, ...)") == "(tuple True False ...)")
        #expect(ex("()") == "(tuple )")
        #expect(ex("(1)") == "1")
        #expect(ex("(1,)") == "(tuple 1)")
        #expect(ex("1,") == "(tuple 1)")
        #expect(ex("1, 2,") == "(tuple 1 2)")
        #expect(ex("[]") == "(list )")
        #expect(ex("[1, *a, 2,]") == "(list 1 *a 2)")
        #expect(ex("{}") == "(dict )")
        #expect(ex("{1: 2, **m, 3: 4,}") == "(dict 1:2 **:m 3:4)")
        #expect(ex("{**m}") == "(dict **:m)")
        #expect(ex("{1, *a}") == "(set 1 *a)")
        #expect(ex("{x := 1}") == "(set (:= x 1))")
        #expect(ex("{(x := 1): 2}") == "(dict (:= x 1):2)")
        #expect(ex("*a, b") == "(tuple *a b)")
        #expect(ex("(*a, b)") == "(tuple *a b)")
        #expect(ex("(*a)") == "error@1 can't use starred expression here")
        #expect(ex("*a") == "error@1 can't use starred expression here")
    }

    @Test func comprehensions() {
        #expect(ex("[x for x in y]") == "(listcomp x for x in y)")
        #expect(ex("[x for x, in y if a if b for z in w]") == "(listcomp x for (tuple x) in y if a if b for z in w)")
        #expect(ex("{x for x in y}") == "(setcomp x for x in y)")
        #expect(ex("{k: v for k, v in d}") == "(dictcomp k:v for (tuple k v) in d)")
        #expect(ex("(x for x in y)") == "(genexp x for x in y)")
        #expect(ex("[x async for x in y]") == "(listcomp x async-for x in y)")
        #expect(ex("[y := f(x) for x in z]") == "(listcomp (:= y (call f x)) for x in z)")
        #expect(ex("[x for x in a if b else c]").hasPrefix("error"))
        #expect(ex("[x for x in lambda: y]").hasPrefix("error"))
        #expect(ex("[*x for x in y]") == "error@1 iterable unpacking cannot be used in comprehension")
        #expect(ex("{**m for m in y}").hasPrefix("error"))
        #expect(ex("[x for 1 in y]").hasPrefix("error"))
        #expect(ex("[x for a, *b in y]") == "(listcomp x for (tuple a *b) in y)")
    }

    @Test func calls() {
        #expect(ex("f()") == "(call f)")
        #expect(ex("f(a, *b, c, k=1, *d, **e, m=2)") == "(call f a *b c *d k=1 **e m=2)")
        #expect(ex("f(x for x in y)") == "(call f (genexp x for x in y))")
        #expect(ex("f(a, x for x in y)").hasPrefix("error"))
        #expect(ex("f(x for x in y, a)").hasPrefix("error"))
        #expect(ex("f(x for x in y,)").hasPrefix("error"))
        #expect(ex("f((x for x in y), a)") == "(call f (genexp x for x in y) a)")
        #expect(ex("f(a=1, b)") == "error@1 positional arg after keyword arg")
        #expect(ex("f(**k, a)").hasPrefix("error"))
        #expect(ex("f(**k, *a)") == "error@1 iterable argument unpacking follows keyword argument unpacking")
        #expect(ex("f(a=1, *b)") == "(call f *b a=1)")
        #expect(ex("f(x := 1)") == "(call f (:= x 1))")
        #expect(ex("f(a=x := 1)").hasPrefix("error"))
        #expect(ex("f(1=2)").hasPrefix("error"))
        #expect(ex("f((a)=2)").hasPrefix("error"))
        #expect(ex("f(a,)") == "(call f a)")
        #expect(ex("f(,)").hasPrefix("error"))
        #expect(ex("a.b(c)[d].e") == "(. (sub (call (. a b) c) d) e)")
    }

    @Test func subscripts() {
        #expect(ex("a[1]") == "(sub a 1)")
        #expect(ex("a[1:2]") == "(sub a (slice 1 2 _))")
        #expect(ex("a[::]") == "(sub a (slice _ _ _))")
        #expect(ex("a[:]") == "(sub a (slice _ _ _))")
        #expect(ex("a[::2]") == "(sub a (slice _ _ 2))")
        #expect(ex("a[1:2, ::3]") == "(sub a (tuple (slice 1 2 _) (slice _ _ 3)))")
        #expect(ex("a[1, 2]") == "(sub a (tuple 1 2))")
        #expect(ex("a[1,]") == "(sub a (tuple 1))")
        #expect(ex("a[x := 1]") == "(sub a (:= x 1))")
        #expect(ex("a[(x := 1):2]") == "(sub a (slice (:= x 1) 2 _))")
        #expect(ex("a[x := 1:2]").hasPrefix("error"))
        #expect(ex("a[]").hasPrefix("error"))
        #expect(ex("a[*b]").hasPrefix("error")) // PEP 646: not in MicroPython
    }

    @Test func lambdas() {
        #expect(ex("lambda: 0") == "(lambda () 0)")
        #expect(ex("lambda x, y=1, *a, k, m=2, **kw: 0") == "(lambda (args=x,y defaults=1 *a kwonly=k,m kwdefaults=_,2 **kw) 0)")
        #expect(ex("lambda x, /, y: 0") == "(lambda (posonly=x args=y) 0)")
        #expect(ex("lambda *, k: 0") == "(lambda (kwonly=k kwdefaults=_) 0)")
        #expect(ex("lambda *: 0") == "error@1 named arguments must follow bare *")
        #expect(ex("lambda x: lambda y: x + y") == "(lambda (args=x) (lambda (args=y) (+ x y)))")
        #expect(ex("lambda x: (yield)") == "(lambda (args=x) (yield))")
        #expect(ex("lambda x: y := 1").hasPrefix("error"))
        #expect(ex("lambda x:int: 0").hasPrefix("error"))
    }

    @Test func walrus() {
        #expect(ex("(x := 1)") == "(:= x 1)")
        #expect(ex("(x := y := 1)").hasPrefix("error"))
        #expect(ex("(x := (y := 1))") == "(:= x (:= y 1))")
        #expect(ex("(a.b := 1)").hasPrefix("error"))
        #expect(mod("x := 1").hasPrefix("error"))
        #expect(mod("y = x := 1").hasPrefix("error"))
        #expect(mod("if x := f(): pass") == "(if (:= x (call f)) [pass] [])")
        #expect(mod("while (n := n - 1) > 0: pass") == "(while (cmp (:= n (- n 1)) > 0) [pass] [])")
    }

    @Test func yieldAndAwait() {
        #expect(mod("def f():\n    x = yield y\n    yield\n    yield a, b\n    yield from g()\n    z = yield from h\n    await q")
            == "(def f () [(= x (yield y)); (yield); (yield (tuple a b)); (yield-from (call g)); (= z (yield-from h)); (await q)])")
        #expect(ex("(yield)") == "(yield)")
        #expect(ex("f((yield x))") == "(call f (yield x))")
        #expect(ex("f(yield x)").hasPrefix("error"))
        #expect(mod("x = yield = 1").hasPrefix("error"))
        #expect(ex("await await x").hasPrefix("error"))
        #expect(ex("await (await x)") == "(await (await x))")
        #expect(mod("x = yield *a, b") == "(= x (yield (tuple *a b)))")
    }

    @Test func evalEntry() {
        #expect(ex("1 + 2\n\n") == "(+ 1 2)")
        #expect(ex("  1") == "1")
        #expect(ex("\n\n1") == "1")
        #expect(ex("a, b") == "(tuple a b)")
        #expect(ex("1\n2").hasPrefix("error@2"))
        #expect(ex("x = 1").hasPrefix("error"))
        #expect(ex("").hasPrefix("error"))
        #expect(ex("(1 +\n 2)") == "(+ 1 2)")
    }
}

// MARK: - f-strings

@Suite struct FStringTests {
    @Test func basics() {
        #expect(ex("f'a{x}b'") == "(fstr 'a' {x} 'b')")
        #expect(ex("f'{x!r}'") == "(fstr {x!r})")
        #expect(ex("f'{x!s:>10}'") == "(fstr {x!s:(fstr '>10')})")
        #expect(ex("f'{x:{width}.{prec}}'") == "(fstr {x:(fstr {width} '.' {prec})})")
        #expect(ex("f'{{}}{{{x}}}'") == "(fstr '{}{' {x} '}')")
        #expect(ex("f'{x:}'") == "(fstr {x})")
        #expect(ex("f'{a, b}'") == "(fstr {(tuple a b)})")
        #expect(ex("f'{d[\"k\"]}'") == "(fstr {(sub d 'k')})")
        #expect(ex("f'{f(a=1)!a}'") == "(fstr {(call f a=1)!a})")
        #expect(ex("f'{x:%H:%M}'") == "(fstr {x:(fstr '%H:%M')})")
        #expect(ex("f'{a!=b}'") == "(fstr {(cmp a != b)})")
        #expect(ex("f'{(lambda: 1)()}'") == "(fstr {(call (lambda () 1))})")
    }

    @Test func selfDocumenting() {
        #expect(ex("f'{x=}'") == "(fstr 'x=' {x!r})")
        #expect(ex("f'{x = }'") == "(fstr 'x = ' {x!r})")
        #expect(ex("f'{x=!s}'") == "(fstr 'x=' {x!s})")
        #expect(ex("f'{x=:>5}'") == "(fstr 'x=' {x:(fstr '>5')})")
        #expect(ex("f'a{x==y}'") == "(fstr 'a' {(cmp x == y)})")
        #expect(ex("f'{x<=y=}'") == "(fstr 'x<=y=' {(cmp x <= y)!r})")
    }

    @Test func concatenationAndEscapes() {
        #expect(ex("'a' f'{x}' 'b'") == "(fstr 'a' {x} 'b')")
        #expect(ex("f'abc' 'd'") == "'abcd'")
        #expect(ex("f''") == "''")
        #expect(ex("f'\\n{x}\\t'") == "(fstr '\n' {x} '\t')")
        #expect(ex("rf'\\n{x}'") == "(fstr '\\n' {x})")
        #expect(ex("f'\\x7b'") == "'{'")
        #expect(ex("f'\\{x}'") == "(fstr '\\' {x})")
        #expect(ex("f'\\N{DASH}'").hasPrefix("error"))
    }

    @Test func errors() {
        #expect(ex("f'{}'") == "error@1 f-string: empty expression not allowed")
        #expect(ex("f'{ }'").hasPrefix("error"))
        #expect(ex("f'}'") == "error@1 f-string: single '}' is not allowed")
        #expect(ex("f'{x'").hasPrefix("error"))
        #expect(ex("f'{x!z}'").hasPrefix("error"))
        #expect(ex("f'{x!}'").hasPrefix("error"))
        #expect(ex("f'{a b}'").hasPrefix("error"))
        #expect(ex("f'{x)}'").hasPrefix("error"))
        #expect(ex("f'{\\n}'").hasPrefix("error"))
        #expect(ex("f'{x#}'").hasPrefix("error"))
        #expect(ex("f'{x:{y:{z}}}'") == "error@1 f-string: expressions nested too deeply")
        #expect(ex("f'{*a}'").hasPrefix("error"))
        #expect(ex("f'{x!r=}'").hasPrefix("error"))
    }

    @Test func lines() {
        let src = "x = 1\ny = f'''\n{a}\n{\nb\n}'''\n"
        #expect(mod(src, lines: true) == "(=@1 x@1 1@1)\n(=@2 y@2 (fstr@2 '\n'@2 {a@3} '\n'@2 {b@5}))")
        #expect(syntaxError("x = 1\ny = f'''\n\n{a b}'''")?.line == 4)
        #expect(ex("f'{f\"{x}\"}'") == "(fstr {(fstr {x})})")
    }
}

// MARK: - Statements

@Suite struct StatementTests {
    @Test func simpleStatements() {
        #expect(mod("pass; break; continue;") == "pass\nbreak\ncontinue")
        #expect(mod("return") == "(return)")
        #expect(mod("return 1, *a") == "(return (tuple 1 *a))")
        #expect(mod("raise") == "(raise)")
        #expect(mod("raise E(1) from None") == "(raise (call E 1) from None)")
        #expect(mod("global a, b; nonlocal c") == "(global a b)\n(nonlocal c)")
        #expect(mod("del a, b.c, d[1], (e, [f])") == "(del a (. b c) (sub d 1) (tuple e (list f)))")
        #expect(mod("del a,") == "(del a)")
        #expect(mod("assert x, 'msg'") == "(assert x 'msg')")
        #expect(mod("assert (x, y)") == "(assert (tuple x y))")
        #expect(mod("x = 1 ;; y = 2").hasPrefix("error"))
        #expect(mod(";").hasPrefix("error"))
    }

    @Test func imports() {
        #expect(mod("import a.b.c as d, e") == "(import a.b.c as d, e)")
        #expect(mod("from . import x") == "(from . x)")
        #expect(mod("from .. a import b as c") == "(from ..a b as c)")
        #expect(mod("from ...a.b import *") == "(from ...a.b *)")
        #expect(mod("from .... import x") == "(from .... x)")
        #expect(mod("from x import (a, b as c,)") == "(from x a, b as c)")
        #expect(mod("from x import a,").hasPrefix("error"))
        #expect(mod("from x import (*)").hasPrefix("error"))
        #expect(mod("from import x").hasPrefix("error"))
        #expect(mod("import a as b.c").hasPrefix("error"))
        #expect(mod("import .a").hasPrefix("error"))
    }

    @Test func assignments() {
        #expect(mod("a = b = c") == "(= a b c)")
        #expect(mod("a, *b = c") == "(= (tuple a *b) c)")
        #expect(mod("[a, (b, c)] = d") == "(= (list a (tuple b c)) d)")
        #expect(mod("() = x") == "(= (tuple ) x)")
        #expect(mod("x = *a, *b") == "(= x (tuple *a *b))")
        #expect(mod("a.b[c] = d") == "(= (sub (. a b) c) d)")
        #expect(mod("x = yield") == "(= x (yield))")
        let ops = ["+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&="]
        for op in ops {
            #expect(mod("x \(op) 1").hasPrefix("(aug x"), "\(op)")
        }
        #expect(mod("x += 1, 2") == "(aug x (+ _ _) (tuple 1 2))")
        #expect(mod("a.b **= yield") == "(aug (. a b) (** _ _) (yield))")
    }

    @Test func badTargets() {
        for src in ["1 = x", "f() = 1", "a + b = c", "(a, 1) = x", "[a, f()] = x", "*a = x", "a, *b, *c = x",
                    "x + 1 += 2", "(a, b) += 1", "[a] += 1", "del 1", "del f()", "del *a", "del (a, *b)",
                    "None = 1", "a = b = 1 = c", "lambda: x = 1", "a if b else c = 1", "(yield) = 1",
                    "for 1 in x: pass", "for f() in x: pass", "with a as 1: pass", "with a as f(): pass",
                    "a = = b", "print x", "x = 1 +", "[x for x in y] = 1", "{a: b} = c", "'s' = 1", "... = 1",
                    "f'{x}' = 1", "a < b = c", "not a = b", "-a = b", "x: int, y: int = 1, 2", "(x, y): int",
                    "[x]: int", "f(): int", "del a.b, 1"] {
            #expect(syntaxError(src) != nil, "\(src) should be rejected")
        }
        #expect(syntaxError("x = 1\n\nf() = 2\n")?.line == 3)
        #expect(syntaxError("x = 1\n\n(a,\n 1) = 2\n")?.line == 4) // the offending element's line
    }

    @Test func annotations() {
        #expect(mod("x: int") == "(ann x int _ simple)")
        #expect(mod("x: int = 5") == "(ann x int 5 simple)")
        #expect(mod("(x): int = 5") == "(ann x int 5 complex)")
        #expect(mod("a.b: int") == "(ann (. a b) int _ complex)")
        #expect(mod("a[0]: int = 1, 2") == "(ann (sub a 0) int (tuple 1 2) complex)")
        #expect(mod("x: 'List[int]' = yield") == "(ann x 'List[int]' (yield) simple)")
    }

    @Test func ifWhileFor() {
        #expect(mod("if a: b\nelif c: d\nelif e: f\nelse: g", lines: true)
            == "(if@1 a@1 [(expr@1 b@1)] [(if@2 c@2 [(expr@2 d@2)] [(if@3 e@3 [(expr@3 f@3)] [(expr@4 g@4)])])])")
        #expect(mod("while a:\n    b\nelse:\n    c") == "(while a [b] [c])")
        #expect(mod("for x in y: pass\nelse: pass") == "(for x y [pass] [pass])")
        #expect(mod("for a, *b in 1, 2: pass") == "(for (tuple a *b) (tuple 1 2) [pass] [])")
        #expect(mod("for x, in y: pass") == "(for (tuple x) y [pass] [])")
        #expect(mod("for (a, b), c in d: pass") == "(for (tuple (tuple a b) c) d [pass] [])")
        #expect(mod("for x in *a, *b: pass") == "(for x (tuple *a *b) [pass] [])")
        #expect(mod("for x in y if z: pass").hasPrefix("error"))
        #expect(mod("if a:\n    pass\nelse:\n    pass\nelse:\n    pass").hasPrefix("error"))
        #expect(mod("elif a: pass").hasPrefix("error"))
        #expect(mod("if a: pass\n  elif b: pass").hasPrefix("error"))
        #expect(mod("if a: if b: pass").hasPrefix("error"))
    }

    @Test func tryStatements() {
        #expect(mod("try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f")
            == "(try [a] (except E as e [b]) (except (tuple F G) [c]) (except [d]) else=[e] finally=[f])")
        #expect(mod("try: a\nfinally: b") == "(try [a]  else=[] finally=[b])")
        #expect(mod("try:\n    a\n").hasPrefix("error"))
        #expect(mod("try: a\nelse: b").hasPrefix("error"))
        #expect(mod("try: a\nexcept: b\nexcept E: c") == "error@3 default 'except' must be last")
        #expect(mod("try: a\nexcept E, F: b").hasPrefix("error"))
        #expect(mod("try: a\nexcept* E: b").hasPrefix("error")) // except* is not in MicroPython
        #expect(mod("try: a\nexcept E as e.f: b").hasPrefix("error"))
        #expect(mod("try: a\nexcept E: b", lines: true) == "(try@1 [(expr@1 a@1)] (except@2 E@2 [(expr@2 b@2)]) else=[] finally=[])")
    }

    @Test func withStatements() {
        #expect(mod("with a: pass") == "(with a [pass])")
        #expect(mod("with a as b, c as (d, e), f: pass") == "(with a as b, c as (tuple d e), f [pass])")
        #expect(mod("with (a as b, c): pass") == "(with a as b, c [pass])")
        #expect(mod("with (a as b, c,): pass") == "(with a as b, c [pass])")
        #expect(mod("with (\n  a as b,\n  c as d\n): pass") == "(with a as b, c as d [pass])")
        #expect(mod("with (a, b) as c: pass") == "(with (tuple a b) as c [pass])")
        #expect(mod("with (a, b): pass") == "(with a, b [pass])")
        #expect(mod("with (a): pass") == "(with a [pass])")
        #expect(mod("with (a) + b as c: pass") == "(with (+ a b) as c [pass])")
        #expect(mod("with (yield x) as y: pass") == "(with (yield x) as y [pass])")
        #expect(mod("with a as b.c[0]: pass") == "(with a as (sub (. b c) 0) [pass])")
        #expect(mod("with a as *b: pass").hasPrefix("error"))
        #expect(mod("with : pass").hasPrefix("error"))
        #expect(mod("with (a as b) as c: pass").hasPrefix("error"))
    }

    @Test func functionDefinitions() {
        #expect(mod("def f(a, /, b=2, *args, c, d=3, **kw) -> int: pass")
            == "(def f (posonly=a args=b defaults=2 *args kwonly=c,d kwdefaults=_,3 **kw) -> int [pass])")
        #expect(mod("def f(a: int = 1, *b: str, c: 'x', **d: dict): pass")
            == "(def f (args=a:int defaults=1 *b:str kwonly=c:'x' kwdefaults=_ **d:dict) [pass])")
        #expect(mod("def f(*, a): pass") == "(def f (kwonly=a kwdefaults=_) [pass])")
        #expect(mod("def f(a, /): pass") == "(def f (posonly=a) [pass])")
        #expect(mod("def f(a,): pass") == "(def f (args=a) [pass])")
        #expect(mod("def f(**k,): pass") == "(def f (**k) [pass])")
        #expect(mod("def f(a=1, /, b=2): pass") == "(def f (posonly=a args=b defaults=1,2) [pass])")
        for bad in ["def f(a=1, b): pass", "def f(*): pass", "def f(*, **k): pass", "def f(**k, a): pass",
                    "def f(*a, *b): pass", "def f(/): pass", "def f(*, /): pass", "def f(a, /, /): pass",
                    "def f(a, *, b, /): pass", "def f(a=1, /, b): pass", "def f(**k, **j): pass", "def f(,): pass",
                    "def f(a) pass", "def (): pass", "def f(*args: *Ts): pass", "def f(1): pass", "def f(a.b): pass"] {
            #expect(syntaxError(bad) != nil, "\(bad) should be rejected")
        }
    }

    @Test func asyncAndDecorators() {
        #expect(mod("@a\n@b.c(1)\n@d[0]\ndef f(): pass", lines: true) == "(def@4 f () @[a@1 (call@2 (. b@2 c)@2 1@2) (sub@3 d@3 0@3)] [pass@4])")
        #expect(mod("@dec\nclass C: pass", lines: true) == "(class@2 C () @[dec@1] [pass@2])")
        #expect(mod("@x := y\ndef f(): pass") == "(def f () @[(:= x y)] [pass])")
        #expect(mod("async def f():\n    async for a in b: pass\n    async with c as d: pass\n    await e")
            == "(async-def f () [(async-for a b [pass] []); (async-with c as d [pass]); (await e)])")
        #expect(mod("@dec\nasync def f(): pass") == "(async-def f () @[dec] [pass])")
        #expect(mod("@dec\nx = 1").hasPrefix("error"))
        #expect(mod("@dec\n").hasPrefix("error"))
        #expect(mod("async x = 1").hasPrefix("error"))
        #expect(mod("async = 1").hasPrefix("error"))
    }

    @Test func classDefinitions() {
        #expect(mod("class A: pass") == "(class A () [pass])")
        #expect(mod("class A(): pass") == "(class A () [pass])")
        #expect(mod("class A(B, *bs, metaclass=M, **kw):\n    x = 1\n    def f(self): pass")
            == "(class A (B *bs metaclass=M **kw) [(= x 1); (def f (args=self) [pass])])")
        #expect(mod("class A(x for x in y): pass").hasPrefix("error"))
        #expect(mod("class A(B) C: pass").hasPrefix("error"))
    }

    @Test func softKeywordsAreNames() {
        #expect(mod("match = 1\ncase = 2\ntype = 3\nmatch(x)") == "(= match 1)\n(= case 2)\n(= type 3)\n(call match x)")
        #expect(mod("match x:\n    case 1: pass").hasPrefix("error")) // no match statement in MicroPython
        #expect(mod("print x") == "error@1 invalid syntax")
    }

    @Test func statementLines() {
        let src = "x = (1,\n     2)\nf(a,\n  b)\nif a:\n\n    # c\n    pass\n"
        #expect(mod(src, lines: true) == "(=@1 x@1 (tuple@1 1@1 2@2))\n(expr@3 (call@3 f@3 a@3 b@4))\n(if@5 a@5 [pass@8] [])")
        #expect(mod("(a\n  or b) and c", lines: true) == "(expr@1 (and@1 (or@1 a@1 b@2) c@2))")
        #expect(mod("x = [\n  i\n  for i in y\n]", lines: true) == "(=@1 x@1 (listcomp@1 i@2 for i@3 in y@3))")
    }

    @Test func errorLines() {
        #expect(syntaxError("x = 1\ny = (1 +\n\n)\n")?.line == 4)
        #expect(syntaxError("def f(:\n    pass\n")?.line == 1)
        #expect(syntaxError("a = 1\nb = [1, 2\nc = 3\n")?.line == 3)
        #expect(syntaxError("a = 1\nb = [1, 2,\n")?.line == 2)
        #expect(syntaxError("if x:\n    y\nelse\n    z\n")?.line == 3)
        // A parse error before a lexical error wins, as with on-demand tokenizing.
        #expect(syntaxError("a b\nc = 'unterminated\n")?.line == 1)
        #expect(syntaxError("a = 1\nc = 'unterminated\n")?.line == 2)
    }
}

// MARK: - Robustness

@Suite struct RobustnessTests {
    @Test func nestingLimits() {
        // Deep but acceptable nesting parses.
        #expect(!ex(String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)).hasPrefix("error"))
        #expect(!ex(String(repeating: "[", count: 150) + String(repeating: "]", count: 150)).hasPrefix("error"))
        #expect(!ex(String(repeating: "-", count: 300) + "1").hasPrefix("error"))
        #expect(!ex(Array(repeating: "a", count: 500).joined(separator: "+")).hasPrefix("error"))
        // Too deep nesting is a SyntaxError, never a crash.
        #expect(ex(String(repeating: "-", count: 100_000) + "1") == "error@1 too deeply nested")
        #expect(ex(String(repeating: "not ", count: 100_000) + "1") == "error@1 too deeply nested")
        #expect(ex(String(repeating: "lambda: ", count: 100_000) + "1") == "error@1 too deeply nested")
        #expect(ex(String(repeating: "a if b else ", count: 100_000) + "1") == "error@1 too deeply nested")
        #expect(ex(Array(repeating: "a", count: 100_000).joined(separator: "+")) == "error@1 too deeply nested")
        #expect(ex(Array(repeating: "a", count: 100_000).joined(separator: "**")) == "error@1 too deeply nested")
        #expect(ex("a" + String(repeating: ".b", count: 100_000)) == "error@1 too deeply nested")
        #expect(ex("a" + String(repeating: "()", count: 100_000)) == "error@1 too deeply nested")
        #expect(ex("a" + String(repeating: "[0]", count: 100_000)) == "error@1 too deeply nested")
        #expect(ex(String(repeating: "{**", count: 150) + "a" + String(repeating: "}", count: 150)).hasPrefix("(dict"))
        #expect(ex("f'" + String(repeating: "{a+", count: 1) + String(repeating: "a+", count: 5000) + "a}'") == "error@1 too deeply nested")
        // Long flat sequences are fine.
        #expect(ex("[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]").hasPrefix("(list"))
        #expect(ex(Array(repeating: "a", count: 10_000).joined(separator: " or ")).hasPrefix("(or"))
        #expect(ex(Array(repeating: "a", count: 10_000).joined(separator: " < ")).hasPrefix("(cmp"))
        // Statements: indentation depth and elif chains are bounded too.
        var deep = ""
        for i in 0..<120 { deep += String(repeating: " ", count: i) + "if x:\n" }
        deep += String(repeating: " ", count: 120) + "pass\n"
        #expect(syntaxError(deep)?.isIndentation == true)
        let elifs = "if a: pass\n" + String(repeating: "elif a: pass\n", count: 5000)
        #expect(syntaxError(elifs)?.message == "too deeply nested")
        let someElifs = "if a: pass\n" + String(repeating: "elif a: pass\n", count: 500)
        #expect(syntaxError(someElifs) == nil)
    }

    @Test func randomBytesNeverCrash() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let alphabet = Array("()[]{}:;,.=+-*/%@&|^~<>!'\"\\#\n\t  abcxyz019_jJeEfrb".utf8)
        for _ in 0..<3000 {
            let n = Int(next() % 120)
            var src: [UInt8] = []
            for _ in 0..<n {
                let r = next()
                src.append(r % 7 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : alphabet[Int((r >> 8) % UInt64(alphabet.count))])
            }
            _ = try? parseModule(src)
            _ = try? parseExpression(src)
        }
    }

    @Test func truncatedInputsNeverCrash() {
        let src = utf8("""
        @dec(1)
        async def f(a, /, b=2, *c, d, **e) -> 'r':
            '''doc'''
            x = [i async for i in g() if i] + {k: v for k, v in d} | {*s}
            y = f"{x!r:>{w}} {y=} {{}}", rb'\\x00', 0x_ff, 1_0.5e-3j
            with (open(a) as b, c):
                try:
                    del x[1:2, ::3], y.z
                except (A, B) as err:
                    raise E from err
                else:
                    return (yield from z)
                finally:
                    nonlocal q
            while not a is not b: break
            lambda *a, k=1, **kw: (a, k)
        """)
        #expect(syntaxError(String(decoding: src, as: UTF8.self)) == nil)
        for end in 0...src.count {
            _ = try? parseModule(Array(src[0..<end]))
            _ = try? parseModule(Array(src[end...]))
        }
    }
}
