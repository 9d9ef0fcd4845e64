// Tokenizer for Python 3 source as MicroPython accepts it.
//
// It works on raw UTF-8 bytes through an UnsafeBufferPointer (never Character/String) because
// grapheme handling is slow and Python's lexical rules are all ASCII.
// A lexical error does not throw: it becomes a final `.error` token and lexing stops. The parser
// reports it when it reaches that token, so a syntax error earlier in the source still wins,
// exactly as if tokens were produced on demand.

enum TokenKind: UInt8 {
    case endMarker, newline, indent, dedent, error
    case name, number, string
    // keywords
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass
    case kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal
    case kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise
    case kwReturn, kwTry, kwWhile, kwWith, kwYield
    // delimiters
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace
    case colon, comma, semi, dot, ellipsis, at, rarrow, colonEqual, equal
    // operators
    case plus, minus, star, slash, doubleSlash, percent, doubleStar
    case vbar, amper, circumflex, tilde, leftShift, rightShift
    case equalEqual, notEqual, less, lessEqual, greater, greaterEqual
    // augmented assignment
    case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual
    case doubleStarEqual, atEqual, vbarEqual, amperEqual, circumflexEqual
    case leftShiftEqual, rightShiftEqual
}

/// One string literal piece; adjacent pieces are joined by the parser.
struct StringToken {
    var isBytes: Bool
    var isRaw: Bool
    var isF: Bool
    /// Decoded value; for an f-string the raw source text between the quotes (the parser splits
    /// it into literal and `{...}` parts first and decodes the literal parts afterwards).
    var text: [UInt8]
    /// Line of the opening quote.
    var line: Int
}

enum TokenPayload {
    case none
    case name(String)
    case number(Constant)
    case string(StringToken)
    case error(SyntaxErrorInfo)
}

struct Token {
    var kind: TokenKind
    var line: Int
    var payload: TokenPayload
}

enum Keywords {
    static let table: [String: TokenKind] = [
        "False": .kwFalse, "None": .kwNone, "True": .kwTrue, "and": .kwAnd, "as": .kwAs,
        "assert": .kwAssert, "async": .kwAsync, "await": .kwAwait, "break": .kwBreak,
        "class": .kwClass, "continue": .kwContinue, "def": .kwDef, "del": .kwDel,
        "elif": .kwElif, "else": .kwElse, "except": .kwExcept, "finally": .kwFinally,
        "for": .kwFor, "from": .kwFrom, "global": .kwGlobal, "if": .kwIf, "import": .kwImport,
        "in": .kwIn, "is": .kwIs, "lambda": .kwLambda, "nonlocal": .kwNonlocal, "not": .kwNot,
        "or": .kwOr, "pass": .kwPass, "raise": .kwRaise, "return": .kwReturn, "try": .kwTry,
        "while": .kwWhile, "with": .kwWith, "yield": .kwYield,
    ]
}

struct Lexer {
    enum Mode {
        case file   // statements, with INDENT/DEDENT
        case eval   // one expression: no indentation tracking (eval() ignores leading blanks)
    }

    /// Bracket nesting limit (CPython's MAXLEVEL); deeper input is rejected before parsing.
    static let maxBrackets = 200
    /// Indentation level limit (CPython's MAXINDENT).
    static let maxIndents = 100

    /// Tokenizes `source`; the result always ends with `.endMarker` or `.error`.
    static func tokenize(_ source: [UInt8], mode: Mode, firstLine: Int = 1) -> [Token] {
        if let bad = invalidUTF8Line(source, firstLine: firstLine) {
            let err = SyntaxErrorInfo("invalid UTF-8", line: bad)
            return [Token(kind: .error, line: bad, payload: .error(err))]
        }
        let text = normalizeNewlines(source)
        return text.withUnsafeBufferPointer { buf -> [Token] in
            var lx = Lexer(s: buf, evalMode: mode == .eval, line: firstLine)
            lx.run()
            return lx.tokens
        }
    }

    private let s: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let evalMode: Bool
    private var pos = 0
    private var line: Int
    private(set) var tokens: [Token] = []
    private var indents: [Int] = [0]
    private var brackets: [UInt8] = []
    private var bracketLines: [Int] = []
    private var failed = false
    private let firstLine: Int

    private init(s: UnsafeBufferPointer<UInt8>, evalMode: Bool, line: Int) {
        self.s = s
        self.n = s.count
        self.evalMode = evalMode
        self.line = line
        self.firstLine = line
        // A UTF-8 byte order mark is allowed (and ignored) at the start of a file.
        if n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF { pos = 3 }
    }

    // MARK: - Token output

    private mutating func emit(_ k: TokenKind, _ l: Int, _ p: TokenPayload = .none) {
        tokens.append(Token(kind: k, line: l, payload: p))
    }

    private mutating func fail(_ msg: String, line l: Int, indentation: Bool = false) {
        emit(.error, l, .error(SyntaxErrorInfo(msg, line: l, isIndentation: indentation)))
        failed = true
    }

    /// The byte at `i`, or 0 past the end. No token character is 0, so comparing `byte(i)` with
    /// a character needs no separate bounds check (a real NUL is rejected wherever it matters).
    @inline(__always) private func byte(_ i: Int) -> UInt8 { i < n ? s[i] : 0 }

    // MARK: - Main loop

    private mutating func run() {
        tokens.reserveCapacity(n / 5 + 8)
        var lineStart = !evalMode
        while !failed {
            if lineStart {
                lineStart = false
                var col = 0
                // Column of the first `\` continuation met while measuring indentation. CPython
                // 3.11 uses it as the indentation when it is not 0; otherwise the column reached
                // on the continuation line counts.
                var continuationCol = 0
                measure: while pos < n {
                    let c = s[pos]
                    if c == 0x20 {
                        col += 1
                    } else if c == 0x09 {
                        col = (col / 8 + 1) * 8
                    } else if c == 0x0C {
                        col = 0
                    } else if c == 0x5C && byte(pos + 1) == 0x0A {
                        if continuationCol == 0 { continuationCol = col }
                        pos += 1
                        line += 1
                        if pos + 1 >= n {
                            fail("unexpected EOF", line: line - 1)
                            return
                        }
                    } else {
                        break measure
                    }
                    pos += 1
                }
                if pos >= n { break }
                let c = s[pos]
                if c == 0x0A || c == 0x23 {
                    // Blank or comment-only lines produce no tokens and never change indentation.
                    skipToLineEnd()
                    if pos < n { pos += 1; line += 1 }
                    lineStart = true
                    continue
                }
                indentTo(continuationCol != 0 ? continuationCol : col)
                if failed { break }
            }
            while pos < n, s[pos] == 0x20 || s[pos] == 0x09 || s[pos] == 0x0C { pos += 1 }
            guard pos < n else { break }
            let c = s[pos]
            if isIdentStart(c) {
                lexNameOrPrefixedString()
            } else if isDigit(c) || (c == 0x2E && isDigit(byte(pos + 1))) {
                lexNumber()
            } else if c == 0x22 || c == 0x27 {
                lexString(bytes: false, raw: false, f: false)
            } else if c == 0x0A {
                pos += 1
                if brackets.isEmpty {
                    if let last = tokens.last, last.kind != .newline && last.kind != .indent && last.kind != .dedent {
                        emit(.newline, line)
                    }
                    lineStart = !evalMode
                }
                line += 1
            } else if c == 0x23 {
                skipToLineEnd()
            } else if c == 0x5C {
                // Explicit line joining: the next physical line continues this logical line.
                guard byte(pos + 1) == 0x0A else {
                    fail("invalid syntax", line: line)
                    break
                }
                pos += 2
                line += 1
                if pos >= n { fail("unexpected EOF", line: line - 1) }
            } else {
                lexOperator(c)
            }
        }
        if !failed { finish() }
    }

    private mutating func skipToLineEnd() {
        while pos < n && s[pos] != 0x0A { pos += 1 }
    }

    private mutating func indentTo(_ col: Int) {
        let top = indents[indents.count - 1]
        if col > top {
            if indents.count >= Lexer.maxIndents {
                fail("too many indentation levels", line: line, indentation: true)
                return
            }
            indents.append(col)
            emit(.indent, line)
        } else if col < top {
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast()
                emit(.dedent, line)
            }
            if col != indents[indents.count - 1] {
                fail("unindent doesn't match any outer indent level", line: line, indentation: true)
            }
        }
    }

    private mutating func finish() {
        if let open = bracketLines.last {
            // An unclosed bracket: report it where it was opened, as CPython does.
            fail("invalid syntax", line: open)
            return
        }
        // End-of-input tokens carry the file's last line (a final newline does not open another
        // one), which is where CPython reports errors at EOF such as a missing indented block.
        let l = n > 0 && s[n - 1] == 0x0A && line > firstLine ? line - 1 : line
        if let last = tokens.last, last.kind != .newline && last.kind != .indent && last.kind != .dedent {
            emit(.newline, l)
        }
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, l)
        }
        emit(.endMarker, l)
    }

    // MARK: - Names and strings

    private mutating func lexNameOrPrefixedString() {
        let start = pos
        pos += 1
        while pos < n && isIdentChar(s[pos]) { pos += 1 }
        let len = pos - start
        if len <= 2 && pos < n && (s[pos] == 0x22 || s[pos] == 0x27) {
            // A string prefix: r, u, f, b, br, rb, fr, rf in any case.
            var b = false, r = false, f = false, u = false, ok = true
            for i in start..<pos {
                switch s[i] | 0x20 {
                case 0x62: if b { ok = false }; b = true
                case 0x72: if r { ok = false }; r = true
                case 0x66: if f { ok = false }; f = true
                case 0x75: if u { ok = false }; u = true
                default: ok = false
                }
            }
            if u && len > 1 { ok = false }
            if b && f { ok = false }
            if ok {
                lexString(bytes: b, raw: r, f: f)
                return
            }
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[start..<pos]), as: UTF8.self)
        if let kw = Keywords.table[name] {
            emit(kw, line)
        } else {
            emit(.name, line, .name(name))
        }
    }

    /// Lexes a string literal whose opening quote is at `pos`.
    private mutating func lexString(bytes: Bool, raw: Bool, f: Bool) {
        let q = s[pos]
        let startLine = line
        var p = pos + 1
        var triple = false
        if byte(p) == q && byte(p + 1) == q {
            triple = true
            p += 2
        }
        let contentStart = p
        var contentEnd = -1
        while p < n {
            let c = s[p]
            if c == 0x5C {
                // A backslash always protects the next character from ending the string (even raw).
                if p + 1 < n && s[p + 1] == 0x0A { line += 1 }
                p += 2
                continue
            }
            if c == 0x0A {
                if !triple { break }
                line += 1
            } else if c == q {
                if !triple {
                    contentEnd = p
                    p += 1
                    break
                }
                if byte(p + 1) == q && byte(p + 2) == q {
                    contentEnd = p
                    p += 3
                    break
                }
            }
            p += 1
        }
        guard contentEnd >= 0 else {
            fail("unterminated string", line: startLine)
            return
        }
        pos = p
        let content = UnsafeBufferPointer(rebasing: s[contentStart..<contentEnd])
        if bytes && content.contains(where: { $0 >= 0x80 }) {
            fail("bytes can only contain ASCII literal characters", line: startLine)
            return
        }
        let text: [UInt8]
        if f || raw {
            text = Array(content)
        } else {
            do {
                text = try Lexer.decodeEscapes(content, isBytes: bytes, line: startLine)
            } catch let e as SyntaxErrorInfo {
                fail(e.message, line: e.line)
                return
            } catch {
                fail("invalid syntax", line: startLine)
                return
            }
        }
        emit(.string, startLine, .string(StringToken(isBytes: bytes, isRaw: raw, isF: f, text: text, line: startLine)))
    }

    // MARK: - Numbers

    private mutating func lexNumber() {
        let start = pos
        let l = line
        let r = byte(pos + 1) | 0x20
        if s[pos] == 0x30 && (r == 0x78 || r == 0x6F || r == 0x62) {
            let radix: UInt32 = r == 0x78 ? 16 : (r == 0x6F ? 8 : 2)
            var p = pos + 2
            var digits: [UInt8] = []
            while p < n {
                let c = s[p]
                if c == 0x5F {
                    // `_` separates digits (and may follow the prefix): it must precede a digit.
                    guard digitValue(byte(p + 1)) < radix else { break }
                    p += 1
                    continue
                }
                let v = digitValue(c)
                if v >= radix { break }
                digits.append(UInt8(v))
                p += 1
            }
            pos = p
            if digits.isEmpty || (isIdentChar(byte(pos)) && !followedByKeyword()) {
                fail("invalid syntax", line: l)
                return
            }
            emit(.number, l, .number(integerConstant(digits, radix: radix)))
            return
        }

        // Decimal: [digits] ['.' [digits]] [('e'|'E') ['+'|'-'] digits] ['j'|'J'].
        var p = pos
        /// Moves `p` over a run of digits with single `_` separators; false on a misplaced `_`.
        func skipDigits() -> Bool {
            while p < n {
                if isDigit(s[p]) {
                    p += 1
                } else if s[p] == 0x5F && p > pos && isDigit(s[p - 1]) && isDigit(byte(p + 1)) {
                    p += 1
                } else {
                    return s[p] != 0x5F
                }
            }
            return true
        }
        var ok = skipDigits()
        let intEnd = p
        var isFloat = false
        if ok && byte(p) == 0x2E {
            isFloat = true
            p += 1
            ok = skipDigits()
        }
        if ok && (byte(p) | 0x20) == 0x65 {
            // An exponent only if digits follow: `1else` is `1` then `else`.
            var q = p + 1
            if byte(q) == 0x2B || byte(q) == 0x2D { q += 1 }
            if isDigit(byte(q)) {
                isFloat = true
                p = q
                ok = skipDigits()
            }
        }
        var isImag = false
        if ok && (byte(p) | 0x20) == 0x6A {
            isImag = true
            p += 1
        }
        pos = p
        if !ok || (isIdentChar(byte(pos)) && !followedByKeyword()) {
            fail("invalid syntax", line: l)
            return
        }
        if isFloat || isImag {
            var str = ""
            str.reserveCapacity(pos - start)
            for i in start..<pos where s[i] != 0x5F && (s[i] | 0x20) != 0x6A {
                str.unicodeScalars.append(Unicode.Scalar(s[i]))
            }
            guard let v = Double(str) else {
                fail("invalid syntax", line: l)
                return
            }
            emit(.number, l, .number(isImag ? .imag(v) : .float(v)))
            return
        }
        let digits = s[start..<intEnd].compactMap { $0 == 0x5F ? nil : $0 - 0x30 }
        // Leading zeros are only allowed in zero itself ("00" is fine, "01" is not).
        if digits.count > 1 && digits[0] == 0 && digits.contains(where: { $0 != 0 }) {
            fail("invalid syntax", line: l)
            return
        }
        emit(.number, l, .number(integerConstant(digits, radix: 10)))
    }

    /// True when an identifier directly after a number is a keyword (`1if x else 2` is valid Python).
    private func followedByKeyword() -> Bool {
        var p = pos
        while p < n && isIdentChar(s[p]) { p += 1 }
        guard p > pos else { return false }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[pos..<p]), as: UTF8.self)
        return Keywords.table[name] != nil
    }

    // MARK: - Operators

    private mutating func lexOperator(_ c: UInt8) {
        let l = line
        let c1 = byte(pos + 1)
        let c2 = byte(pos + 2)
        var len = 1
        let k: TokenKind
        switch c {
        case 0x28, 0x5B, 0x7B: // ( [ {
            if brackets.count >= Lexer.maxBrackets {
                fail("too many nested parentheses", line: l)
                return
            }
            brackets.append(c)
            bracketLines.append(l)
            k = c == 0x28 ? .lpar : (c == 0x5B ? .lsqb : .lbrace)
        case 0x29, 0x5D, 0x7D: // ) ] }
            let open: UInt8 = c == 0x29 ? 0x28 : (c == 0x5D ? 0x5B : 0x7B)
            guard let last = brackets.last, last == open else {
                fail("invalid syntax", line: l)
                return
            }
            brackets.removeLast()
            bracketLines.removeLast()
            k = c == 0x29 ? .rpar : (c == 0x5D ? .rsqb : .rbrace)
        case 0x3A: if c1 == 0x3D { k = .colonEqual; len = 2 } else { k = .colon }
        case 0x2C: k = .comma
        case 0x3B: k = .semi
        case 0x7E: k = .tilde
        case 0x2E:
            if c1 == 0x2E && c2 == 0x2E { k = .ellipsis; len = 3 } else { k = .dot }
        case 0x2B: if c1 == 0x3D { k = .plusEqual; len = 2 } else { k = .plus }
        case 0x2D:
            if c1 == 0x3D { k = .minusEqual; len = 2 } else if c1 == 0x3E { k = .rarrow; len = 2 } else { k = .minus }
        case 0x2A:
            if c1 == 0x2A {
                if c2 == 0x3D { k = .doubleStarEqual; len = 3 } else { k = .doubleStar; len = 2 }
            } else if c1 == 0x3D { k = .starEqual; len = 2 } else { k = .star }
        case 0x2F:
            if c1 == 0x2F {
                if c2 == 0x3D { k = .doubleSlashEqual; len = 3 } else { k = .doubleSlash; len = 2 }
            } else if c1 == 0x3D { k = .slashEqual; len = 2 } else { k = .slash }
        case 0x25: if c1 == 0x3D { k = .percentEqual; len = 2 } else { k = .percent }
        case 0x40: if c1 == 0x3D { k = .atEqual; len = 2 } else { k = .at }
        case 0x7C: if c1 == 0x3D { k = .vbarEqual; len = 2 } else { k = .vbar }
        case 0x26: if c1 == 0x3D { k = .amperEqual; len = 2 } else { k = .amper }
        case 0x5E: if c1 == 0x3D { k = .circumflexEqual; len = 2 } else { k = .circumflex }
        case 0x3D: if c1 == 0x3D { k = .equalEqual; len = 2 } else { k = .equal }
        case 0x21:
            guard c1 == 0x3D else {
                fail("invalid syntax", line: l)
                return
            }
            k = .notEqual; len = 2
        case 0x3C:
            if c1 == 0x3C {
                if c2 == 0x3D { k = .leftShiftEqual; len = 3 } else { k = .leftShift; len = 2 }
            } else if c1 == 0x3D { k = .lessEqual; len = 2 } else { k = .less }
        case 0x3E:
            if c1 == 0x3E {
                if c2 == 0x3D { k = .rightShiftEqual; len = 3 } else { k = .rightShift; len = 2 }
            } else if c1 == 0x3D { k = .greaterEqual; len = 2 } else { k = .greater }
        default:
            fail("invalid syntax", line: l)
            return
        }
        pos += len
        emit(k, l)
    }
}

// MARK: - Character classes

@inline(__always) fileprivate func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

/// Letters, `_`, and any non-ASCII byte (the source is valid UTF-8, so those form whole characters).
@inline(__always) fileprivate func isIdentStart(_ c: UInt8) -> Bool {
    let l = c | 0x20
    return (l >= 0x61 && l <= 0x7A) || c == 0x5F || c >= 0x80
}

@inline(__always) fileprivate func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

/// Value of a digit in bases up to 16; 99 for anything else.
@inline(__always) fileprivate func digitValue(_ c: UInt8) -> UInt32 {
    if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
    let l = c | 0x20
    if l >= 0x61 && l <= 0x66 { return UInt32(l - 0x61 + 10) }
    return 99
}

// MARK: - Integer literals

/// Builds an integer constant from digit values; values beyond Int64 become a decimal string.
fileprivate func integerConstant(_ digits: [UInt8], radix: UInt32) -> Constant {
    var v: Int64 = 0
    var overflow = false
    for d in digits {
        let (m, o1) = v.multipliedReportingOverflow(by: Int64(radix))
        let (a, o2) = m.addingReportingOverflow(Int64(d))
        if o1 || o2 {
            overflow = true
            break
        }
        v = a
    }
    if !overflow { return .int(v) }
    return .bigInt(bigDecimalString(digits, radix: radix))
}

/// Converts digits in any radix to a decimal string, using little-endian 32-bit limbs.
fileprivate func bigDecimalString(_ digits: [UInt8], radix: UInt32) -> String {
    var limbs: [UInt32] = []
    for d in digits {
        var carry = UInt64(d)
        for i in 0..<limbs.count {
            let t = UInt64(limbs[i]) * UInt64(radix) + carry
            limbs[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }
    // Repeated division by 10^9 yields base-10^9 chunks, least significant first.
    var chunks: [UInt32] = []
    while !limbs.isEmpty {
        var rem: UInt64 = 0
        for i in stride(from: limbs.count - 1, through: 0, by: -1) {
            let cur = (rem << 32) | UInt64(limbs[i])
            limbs[i] = UInt32(cur / 1_000_000_000)
            rem = cur % 1_000_000_000
        }
        chunks.append(UInt32(rem))
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }
    guard let top = chunks.last else { return "0" }
    var out = String(top)
    for c in chunks.dropLast().reversed() {
        let part = String(c)
        out += String(repeating: "0", count: 9 - part.count) + part
    }
    return out
}

// MARK: - String escapes



// MARK: - Source preparation

/// Line of the first byte that is not valid UTF-8, or nil when the whole input is valid.
fileprivate func invalidUTF8Line(_ b: [UInt8], firstLine: Int) -> Int? {
    let n = b.count
    var i = 0
    var line = firstLine
    while i < n {
        let c = b[i]
        if c < 0x80 {
            if c == 0x0A { line += 1 }
            i += 1
            continue
        }
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F // no UTF-16 surrogates
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return line
        }
        guard i + need < n else { return line }
        let c1 = b[i + 1]
        if c1 < lo || c1 > hi { return line }
        var k = 2
        while k <= need {
            let ck = b[i + k]
            if ck < 0x80 || ck > 0xBF { return line }
            k += 1
        }
        i += need + 1
    }
    return nil
}

/// Turns CR LF and lone CR into LF, as Python's universal newlines do.
fileprivate func normalizeNewlines(_ b: [UInt8]) -> [UInt8] {
    guard b.contains(0x0D) else { return b }
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var i = 0
    while i < b.count {
        let c = b[i]
        if c == 0x0D {
            out.append(0x0A)
            if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
        } else {
            out.append(c)
        }
        i += 1
    }
    return out
}

extension Lexer {
    /// Decodes backslash escapes of a non-raw literal. Unknown escapes stay as written (`\q` is two
    /// characters); `\u`, `\U` and `\N` are escapes only in str literals. A lone trailing backslash
    /// (possible in an f-string piece before `{`) is kept.
    static func decodeEscapes(_ b: UnsafeBufferPointer<UInt8>, isBytes: Bool, line: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        var ln = line
        while i < n {
            let c = b[i]
            if c != 0x5C {
                if c == 0x0A { ln += 1 }
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < n else {
                out.append(0x5C)
                break
            }
            let e = b[i]
            i += 1
            switch e {
            case 0x0A: ln += 1 // backslash-newline: a line continuation inside the literal
            case 0x5C, 0x27, 0x22: out.append(e)
            case 0x61: out.append(0x07) // a
            case 0x62: out.append(0x08) // b
            case 0x66: out.append(0x0C) // f
            case 0x6E: out.append(0x0A) // n
            case 0x72: out.append(0x0D) // r
            case 0x74: out.append(0x09) // t
            case 0x76: out.append(0x0B) // v
            case 0x30...0x37:
                var v = UInt32(e - 0x30)
                var count = 1
                while count < 3 && i < n && b[i] >= 0x30 && b[i] <= 0x37 {
                    v = v * 8 + UInt32(b[i] - 0x30)
                    i += 1
                    count += 1
                }
                if isBytes { out.append(UInt8(truncatingIfNeeded: v)) } else { appendCodePoint(v, &out) }
            case 0x78, 0x75, 0x55: // x u U
                if isBytes && e != 0x78 {
                    out.append(0x5C)
                    out.append(e)
                    continue
                }
                let want = e == 0x78 ? 2 : (e == 0x75 ? 4 : 8)
                var v: UInt32 = 0
                for _ in 0..<want {
                    let d = i < n ? digitValue(b[i]) : 99
                    guard d < 16 else { throw SyntaxErrorInfo("invalid escape", line: ln) }
                    v = v << 4 | d
                    i += 1
                }
                if isBytes {
                    out.append(UInt8(truncatingIfNeeded: v))
                } else {
                    guard v <= 0x10FFFF else { throw SyntaxErrorInfo("invalid escape", line: ln) }
                    appendCodePoint(v, &out)
                }
            case 0x4E where !isBytes: // N
                throw SyntaxErrorInfo("unicode name escapes are not supported", line: ln)
            default:
                out.append(0x5C)
                out.append(e)
            }
        }
        return out
    }
}
