// The regular-expression engine behind the re module: a parser for MicroPython's dialect (plus
// counted repetition, named groups and a few CPython escapes), a compiler to a small backtracking
// program, and an iterative matcher over UTF-8 bytes.
//
// Dialect (MicroPython's re1.5, docs library/re.html): . [] [^] ^ $ ? * + ?? *? +? | () (?:...)
// \d \D \w \W \s \S and \ escaping. Additions that CPython also has: {m} {m,} {m,n} {,n} and
// their lazy forms, (?P<name>...), \b \B \A \Z, \n \t \r \f \v \a \xHH \0 escapes.
// As in MicroPython, '.' matches any character including newline and '$' matches only at the end.
// For str subjects '.', classes and negated named classes consume whole UTF-8 characters.
//
// Program: Int32 words. A backtracking stack of (pc, sp) choice points and (slot, old value)
// restore records replaces recursion, so deep or pathological patterns cannot overflow the
// native stack; a step limit turns catastrophic backtracking into RuntimeError.

import CSupport

enum ReOp {
    static let match: Int32 = 0, char: Int32 = 1, any: Int32 = 2, cls: Int32 = 3, named: Int32 = 4
    static let split: Int32 = 5, jmp: Int32 = 6, save: Int32 = 7, bol: Int32 = 8, eol: Int32 = 9
    static let mark: Int32 = 10, progress: Int32 = 11, wordB: Int32 = 12, notWordB: Int32 = 13
    static let strStart: Int32 = 14, strEnd: Int32 = 15
}

enum ReError: Error { case syntax, tooComplex }

indirect enum ReNode {
    case lit([UInt8])
    case any
    case cls(Bool, [(Int32, Int32)])      // negated, ranges of code points; (-1, c) is a named class
    case named(UInt8)
    case group(Int, ReNode)               // capture index, -1 for (?:...)
    case concat([ReNode])
    case alt([ReNode])
    case rep(ReNode, Int, Int, Bool)      // min, max (-1 unbounded), greedy
    case assert(Int32)                    // bol, eol, word boundaries, \A, \Z

    var nullable: Bool {
        switch self {
        case .lit(let b): return b.isEmpty
        case .any, .cls, .named: return false
        case .group(_, let n): return n.nullable
        case .concat(let l): return l.allSatisfy { $0.nullable }
        case .alt(let l): return l.contains { $0.nullable }
        case .rep(let n, let mn, _, _): return mn == 0 || n.nullable
        case .assert: return true
        }
    }
}

// MARK: - parsing

struct ReParser {
    let p: [UInt8]
    let unicode: Bool
    var i = 0
    var ngroups = 0
    var names: [(String, Int)] = []
    var depth = 0

    init(_ pattern: [UInt8], unicode: Bool) {
        p = pattern
        self.unicode = unicode
    }

    mutating func parse() throws -> ReNode {
        let n = try parseAlt()
        if i != p.count { throw ReError.syntax }   // unbalanced ')'
        return n
    }

    mutating func parseAlt() throws -> ReNode {
        var alts = [try parseConcat()]
        while i < p.count && p[i] == UInt8(ascii: "|") {
            i += 1
            alts.append(try parseConcat())
        }
        return alts.count == 1 ? alts[0] : .alt(alts)
    }

    mutating func parseConcat() throws -> ReNode {
        var items: [ReNode] = []
        while i < p.count && p[i] != UInt8(ascii: "|") && p[i] != UInt8(ascii: ")") {
            var atom = try parseAtom()
            // quantifiers
            while i < p.count {
                let c = p[i]
                var mn = 0, mx = -1
                if c == UInt8(ascii: "*") {
                    i += 1
                } else if c == UInt8(ascii: "+") {
                    mn = 1; i += 1
                } else if c == UInt8(ascii: "?") {
                    mx = 1; i += 1
                } else if c == UInt8(ascii: "{"), let (a, b, len) = countedRepeat(at: i) {
                    mn = a; mx = b; i += len
                } else {
                    break
                }
                var greedy = true
                if i < p.count && p[i] == UInt8(ascii: "?") { greedy = false; i += 1 }
                if case .rep = atom { throw ReError.syntax }      // multiple repeat
                if case .assert = atom { throw ReError.syntax }   // nothing to repeat
                atom = .rep(atom, mn, mx, greedy)
                // a quantifier may not follow a quantifier directly (a** or a+*)
                if i < p.count, p[i] == UInt8(ascii: "*") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "?") {
                    throw ReError.syntax
                }
                if i < p.count, p[i] == UInt8(ascii: "{"), countedRepeat(at: i) != nil { throw ReError.syntax }
            }
            items.append(atom)
        }
        if items.count == 1 { return items[0] }
        return .concat(items)
    }

    /// {m}, {m,}, {m,n}, {,n} at index j: (min, max or -1, length), or nil when it is a literal '{'.
    func countedRepeat(at j: Int) -> (Int, Int, Int)? {
        var k = j + 1
        func number() -> Int? {
            let s = k
            var v = 0
            while k < p.count && p[k] >= 48 && p[k] <= 57 {
                v = v * 10 + Int(p[k] - 48)
                if v > 65535 { return 65536 }
                k += 1
            }
            return k > s ? v : nil
        }
        let a = number()
        var b: Int?
        var comma = false
        if k < p.count && p[k] == UInt8(ascii: ",") {
            comma = true
            k += 1
            b = number()
        }
        guard k < p.count && p[k] == UInt8(ascii: "}") else { return nil }
        if a == nil && (!comma || b == nil) { return nil }
        let mn = a ?? 0
        let mx = comma ? (b ?? -1) : mn
        if mn > 65535 || mx > 65535 { return nil }
        if mx >= 0 && mx < mn { return nil }
        return (mn, mx, k + 1 - j)
    }

    /// One UTF-8 character (or one byte for bytes patterns) starting at i.
    mutating func takeChar() -> [UInt8] {
        let c = p[i]
        var len = 1
        if unicode && c >= 0xC0 {
            len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2)
            if i + len > p.count { len = 1 }
        }
        let r = Array(p[i..<(i + len)])
        i += len
        return r
    }

    mutating func parseAtom() throws -> ReNode {
        let c = p[i]
        switch c {
        case UInt8(ascii: "("):
            i += 1
            depth += 1
            if depth > 200 { throw ReError.tooComplex }
            defer { depth -= 1 }
            var index = -1
            if i < p.count && p[i] == UInt8(ascii: "?") {
                if i + 1 < p.count && p[i + 1] == UInt8(ascii: ":") {
                    i += 2
                } else if i + 2 < p.count && p[i + 1] == UInt8(ascii: "P") && p[i + 2] == UInt8(ascii: "<") {
                    i += 3
                    let s = i
                    while i < p.count && p[i] != UInt8(ascii: ">") { i += 1 }
                    guard i < p.count, i > s else { throw ReError.syntax }
                    let name = String(decoding: p[s..<i], as: UTF8.self)
                    i += 1
                    ngroups += 1
                    index = ngroups
                    if names.contains(where: { $0.0 == name }) { throw ReError.syntax }
                    names.append((name, index))
                } else {
                    throw ReError.syntax
                }
            } else {
                ngroups += 1
                index = ngroups
            }
            let inner = try parseAlt()
            guard i < p.count && p[i] == UInt8(ascii: ")") else { throw ReError.syntax }
            i += 1
            return .group(index, inner)
        case UInt8(ascii: "["):
            i += 1
            return try parseClass()
        case UInt8(ascii: "."):
            i += 1
            return .any
        case UInt8(ascii: "^"):
            i += 1
            return .assert(ReOp.bol)
        case UInt8(ascii: "$"):
            i += 1
            return .assert(ReOp.eol)
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw ReError.syntax      // nothing to repeat
        case UInt8(ascii: "{"):
            if countedRepeat(at: i) != nil { throw ReError.syntax }
            i += 1
            return .lit([c])
        case UInt8(ascii: "\\"):
            i += 1
            guard i < p.count else { throw ReError.syntax }   // trailing backslash
            let e = p[i]
            switch e {
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "s"), UInt8(ascii: "S"):
                i += 1
                return .named(e)
            case UInt8(ascii: "b"): i += 1; return .assert(ReOp.wordB)
            case UInt8(ascii: "B"): i += 1; return .assert(ReOp.notWordB)
            case UInt8(ascii: "A"): i += 1; return .assert(ReOp.strStart)
            case UInt8(ascii: "Z"): i += 1; return .assert(ReOp.strEnd)
            default:
                if let cp = try simpleEscape() {
                    var b: [UInt8] = []
                    if unicode { appendCodePoint(cp, &b) } else { b.append(UInt8(truncatingIfNeeded: cp)) }
                    return .lit(b)
                }
                return .lit(takeChar())
            }
        default:
            return .lit(takeChar())
        }
    }

    /// \n \t \r \f \v \a \0 \xHH after the backslash (i at the letter): the code point, or nil
    /// when the escape is just the character itself.
    mutating func simpleEscape() throws -> UInt32? {
        let e = p[i]
        switch e {
        case UInt8(ascii: "n"): i += 1; return 10
        case UInt8(ascii: "t"): i += 1; return 9
        case UInt8(ascii: "r"): i += 1; return 13
        case UInt8(ascii: "f"): i += 1; return 12
        case UInt8(ascii: "v"): i += 1; return 11
        case UInt8(ascii: "a"): i += 1; return 7
        case UInt8(ascii: "0"): i += 1; return 0
        case UInt8(ascii: "x"):
            guard i + 2 < p.count, let h = hexVal(p[i + 1]), let l = hexVal(p[i + 2]) else { throw ReError.syntax }
            i += 3
            return UInt32(h * 16 + l)
        default:
            return nil
        }
    }

    func hexVal(_ c: UInt8) -> Int? {
        switch c {
        case 48...57: return Int(c - 48)
        case 97...102: return Int(c - 87)
        case 65...70: return Int(c - 55)
        default: return nil
        }
    }

    enum ClassAtom { case cp(UInt32), named(UInt8) }

    mutating func classAtom() throws -> ClassAtom {
        guard i < p.count else { throw ReError.syntax }
        if p[i] == UInt8(ascii: "\\") {
            i += 1
            guard i < p.count else { throw ReError.syntax }
            let e = p[i]
            switch e {
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "s"), UInt8(ascii: "S"):
                i += 1
                return .named(e)
            case UInt8(ascii: "b"):
                i += 1
                return .cp(8)
            default:
                if let cp = try simpleEscape() { return .cp(cp) }
            }
        }
        let ch = takeChar()
        if ch.count == 1 { return .cp(UInt32(ch[0])) }
        let (cp, _) = ch.withUnsafeBufferPointer { codePointAt($0.baseAddress!, 0, ch.count) }
        return .cp(cp)
    }

    mutating func parseClass() throws -> ReNode {
        var neg = false
        if i < p.count && p[i] == UInt8(ascii: "^") { neg = true; i += 1 }
        var items: [(Int32, Int32)] = []
        var first = true
        while true {
            guard i < p.count else { throw ReError.syntax }
            if p[i] == UInt8(ascii: "]") && !first { i += 1; break }
            first = false
            let a = try classAtom()
            switch a {
            case .named(let c):
                items.append((-1, Int32(c)))
            case .cp(let lo):
                if i + 1 < p.count && p[i] == UInt8(ascii: "-") && p[i + 1] != UInt8(ascii: "]") {
                    i += 1
                    guard case .cp(let hi) = try classAtom(), hi >= lo else { throw ReError.syntax }
                    items.append((Int32(lo), Int32(hi)))
                } else {
                    items.append((Int32(lo), Int32(lo)))
                }
            }
        }
        if items.count > 10000 { throw ReError.tooComplex }
        return .cls(neg, items)
    }
}

// MARK: - compiling

struct ReCompiler {
    var code: [Int32] = []
    var nregs = 0
    static let maxWords = 200_000

    mutating func emit(_ w: Int32) throws {
        if code.count >= ReCompiler.maxWords { throw ReError.tooComplex }
        code.append(w)
    }

    mutating func compile(_ n: ReNode) throws {
        switch n {
        case .lit(let b):
            for c in b { try emit(ReOp.char); try emit(Int32(c)) }
        case .any:
            try emit(ReOp.any)
        case .cls(let neg, let items):
            try emit(ReOp.cls)
            try emit(neg ? 1 : 0)
            try emit(Int32(items.count))
            for (lo, hi) in items { try emit(lo); try emit(hi) }
        case .named(let c):
            try emit(ReOp.named)
            try emit(Int32(c))
        case .group(let idx, let inner):
            if idx >= 0 { try emit(ReOp.save); try emit(Int32(2 * idx)) }
            try compile(inner)
            if idx >= 0 { try emit(ReOp.save); try emit(Int32(2 * idx + 1)) }
        case .concat(let l):
            for x in l { try compile(x) }
        case .alt(let l):
            var jumps: [Int] = []
            for (k, x) in l.enumerated() {
                if k < l.count - 1 {
                    let split = code.count
                    try emit(ReOp.split); try emit(Int32(split + 3)); try emit(0)
                    try compile(x)
                    jumps.append(code.count)
                    try emit(ReOp.jmp); try emit(0)
                    code[split + 2] = Int32(code.count)
                } else {
                    try compile(x)
                }
            }
            for j in jumps { code[j + 1] = Int32(code.count) }
        case .rep(let x, let mn, let mx, let greedy):
            for _ in 0..<mn { try compile(x) }
            if mx < 0 {
                try star(x, greedy)
            } else if mx > mn {
                // nested optionals: x(x(x)?)?)?
                var exits: [Int] = []
                for _ in mn..<mx {
                    let split = code.count
                    try emit(ReOp.split); try emit(0); try emit(0)
                    exits.append(split)
                    try compile(x)
                    let body = split + 3
                    code[split + 1] = Int32(greedy ? body : 0)
                    code[split + 2] = Int32(greedy ? 0 : body)
                }
                let end = Int32(code.count)
                for s in exits {
                    if code[s + 1] == 0 { code[s + 1] = end } else { code[s + 2] = end }
                }
            }
        case .assert(let op):
            try emit(op)
        }
    }

    /// x* : loop with a progress check when x can match the empty string.
    mutating func star(_ x: ReNode, _ greedy: Bool) throws {
        let nullable = x.nullable
        let top = code.count
        try emit(ReOp.split); try emit(0); try emit(0)
        let body = code.count
        var reg: Int32 = 0
        if nullable {
            reg = Int32(nregs)
            nregs += 1
            if nregs > 10000 { throw ReError.tooComplex }
            try emit(ReOp.mark); try emit(reg)
        }
        try compile(x)
        var progressAt = -1
        if nullable {
            progressAt = code.count
            try emit(ReOp.progress); try emit(reg); try emit(0)
        }
        try emit(ReOp.jmp); try emit(Int32(top))
        let exit = Int32(code.count)
        code[top + 1] = greedy ? Int32(body) : exit
        code[top + 2] = greedy ? exit : Int32(body)
        if progressAt >= 0 { code[progressAt + 2] = exit }
    }
}

/// A compiled pattern: program words and facts the search loop uses.
struct ReCompiled {
    var code: [Int32]
    var ngroups: Int
    var nregs: Int
    var names: [(String, Int)]
    var firstByte: Int        // the byte every match starts with, or -1
    var firstSet: Int         // word offset in code of a 256-bit set of possible first bytes, or -1
    var anchoredStart: Bool   // starts with ^ or \A
}

func reCompile(_ pattern: [UInt8], unicode: Bool) throws -> ReCompiled {
    var parser = ReParser(pattern, unicode: unicode)
    let ast = try parser.parse()
    var c = ReCompiler()
    try c.emit(ReOp.save); try c.emit(0)
    try c.compile(ast)
    try c.emit(ReOp.save); try c.emit(1)
    try c.emit(ReOp.match)
    var first = -1
    var firstSet = -1
    var anchored = false
    // the first instruction that consumes input, if every match must start with it
    var k = 2
    while k < c.code.count && c.code[k] == ReOp.save { k += 2 }
    if k < c.code.count {
        let op = c.code[k]
        if op == ReOp.char {
            first = Int(c.code[k + 1])
        } else if op == ReOp.bol || op == ReOp.strStart {
            anchored = true
        } else if op == ReOp.cls || op == ReOp.named {
            // bitmap of possible first bytes: exact for ASCII, conservative for the rest
            var bits = [UInt32](repeating: 0, count: 8)
            var high = false
            for b in 0..<128 {
                let cp = UInt32(b)
                var hit: Bool
                if op == ReOp.named {
                    hit = namedMatch(c.code[k + 1], cp)
                } else {
                    hit = false
                    let n = Int(c.code[k + 2])
                    for e in 0..<n {
                        let lo = c.code[k + 3 + 2 * e], hi = c.code[k + 4 + 2 * e]
                        if lo < 0 ? namedMatch(hi, cp) : (cp >= UInt32(lo) && cp <= UInt32(hi)) { hit = true; break }
                    }
                    if c.code[k + 1] != 0 { hit = !hit }
                }
                if hit { bits[b >> 5] |= 1 << UInt32(b & 31) }
            }
            if op == ReOp.named {
                high = c.code[k + 1] & 0x20 == 0          // \D \W \S match non-ASCII
            } else if c.code[k + 1] != 0 {
                high = true
            } else {
                let n = Int(c.code[k + 2])
                for e in 0..<n {
                    let lo = c.code[k + 3 + 2 * e], hi = c.code[k + 4 + 2 * e]
                    if lo < 0 ? hi & 0x20 == 0 : hi >= 0x80 { high = true }
                }
            }
            if high { for w in 4..<8 { bits[w] = 0xFFFF_FFFF } }
            firstSet = c.code.count
            c.code.append(contentsOf: bits.map { Int32(bitPattern: $0) })
        }
    }
    return ReCompiled(code: c.code, ngroups: parser.ngroups, nregs: c.nregs, names: parser.names,
                      firstByte: first, firstSet: firstSet, anchoredStart: anchored)
}

// MARK: - matching

/// Instructions one search may execute before it gives up with RuntimeError: this many, plus
/// `reStepsPerByte` for each byte of the subject searched (so long subjects are not cut short).
nonisolated(unsafe) var reStepLimit = 10_000_000
nonisolated(unsafe) var reStepsPerByte = 200
/// Upper bound on backtracking records (two words each).
nonisolated(unsafe) var reBacktrackLimit = 8_000_000

private nonisolated(unsafe) var reStackPool: [[Int]] = []
/// Capture slots for searches, recycled the same way.
nonisolated(unsafe) var reSlotsPool: [[Int]] = []

@inline(__always) private func isWordByte(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
}

@inline(__always) func namedMatch(_ name: Int32, _ cp: UInt32) -> Bool {
    let lower = name | 0x20
    let positive = name == lower
    var m: Bool
    if lower == 100 {          // d
        m = cp >= 48 && cp <= 57
    } else if lower == 115 {   // s
        m = cp == 32 || (cp >= 9 && cp <= 13)
    } else {                   // w
        m = cp < 128 && isWordByte(UInt8(cp))
    }
    return m == positive
}

/// The matcher's view of one subject.
struct ReSubject {
    let p: UnsafePointer<UInt8>
    let len: Int          // whole subject (for \Z and word boundaries)
    let end: Int          // endpos
    let unicode: Bool
}

/// Tries the program at each start position from `from` (only `from` when anchored).
/// On success slots[0..<2*(ngroups+1)] hold byte offsets (-1 for groups that did not take part).
func reSearch(_ prog: UnsafePointer<Int32>, ngroups: Int, nregs: Int, firstByte: Int, firstSet: Int = -1, anchoredStart: Bool,
              _ s: ReSubject, from: Int, anchored: Bool, full: Bool = false, slots: inout [Int]) throws -> Bool {
    let ncaps = 2 * (ngroups + 1)
    let nslots = ncaps + nregs
    if slots.count < nslots { slots = [Int](repeating: -1, count: nslots) }
    var steps = 0
    let limit = reStepLimit + reStepsPerByte * max(0, s.end - from)
    var start = from
    // per search (scheduled callbacks run while polling may search too), recycled through a pool
    var stack = reStackPool.popLast() ?? []
    defer {
        stack.removeAll(keepingCapacity: true)
        if stack.capacity <= 65536 { reStackPool.append(stack) }
    }
    while true {
        if anchoredStart && start > 0 && !anchored { return false }
        if firstByte >= 0 && !anchored {
            while start < s.end && Int(s.p[start]) != firstByte { start += 1 }
            if start >= s.end { return false }
        } else if firstSet >= 0 && !anchored {
            let bits = UnsafeRawPointer(prog + firstSet).assumingMemoryBound(to: UInt32.self)
            while start < s.end {
                let b = s.p[start]
                if bits[Int(b >> 5)] & (1 << UInt32(b & 31)) != 0 { break }
                start += 1
            }
            if start >= s.end { return false }
        }
        for k in 0..<nslots { slots[k] = -1 }
        let ok = try slots.withUnsafeMutableBufferPointer { sl in
            try reRun(prog, s, start: start, slots: sl.baseAddress!, ncaps: ncaps, mustEnd: full, steps: &steps, limit: limit, stack: &stack)
        }
        if ok { return true }
        if anchored || start >= s.end { return false }
        if s.unicode {
            start += 1
            while start < s.end && s.p[start] & 0xC0 == 0x80 { start += 1 }
        } else {
            start += 1
        }
    }
}

private func reRun(_ code: UnsafePointer<Int32>, _ s: ReSubject, start: Int, slots: UnsafeMutablePointer<Int>,
                   ncaps: Int, mustEnd: Bool, steps: inout Int, limit: Int, stack reStack: inout [Int]) throws -> Bool {
    reStack.removeAll(keepingCapacity: true)
    var pc = 0
    var sp = start
    let p = s.p
    let end = s.end
    while true {
        steps &+= 1
        if steps & 0xFFFF == 0 {
            if steps > limit { throw runtimeError("maximum recursion depth exceeded") }
            try pollInterrupts()
        }
        var ok = false
        switch code[pc] {
        case ReOp.char:
            if sp < end && Int32(p[sp]) == code[pc + 1] { sp += 1; pc += 2; ok = true }
        case ReOp.any:
            if sp < end {
                if s.unicode && p[sp] >= 0xC0 {
                    sp += 1
                    while sp < end && p[sp] & 0xC0 == 0x80 { sp += 1 }
                } else {
                    sp += 1
                }
                pc += 1
                ok = true
            }
        case ReOp.cls:
            if sp < end {
                let (cp, len) = s.unicode ? codePointAt(p, sp, end) : (UInt32(p[sp]), 1)
                let neg = code[pc + 1] != 0
                let n = Int(code[pc + 2])
                var hit = false
                var k = pc + 3
                let stop = k + 2 * n
                while k < stop {
                    let lo = code[k]
                    if lo < 0 {
                        if namedMatch(code[k + 1], cp) { hit = true; break }
                    } else if cp >= UInt32(lo) && cp <= UInt32(code[k + 1]) {
                        hit = true
                        break
                    }
                    k += 2
                }
                if hit != neg { sp += len; pc = stop; ok = true }
            }
        case ReOp.named:
            if sp < end {
                let (cp, len) = s.unicode ? codePointAt(p, sp, end) : (UInt32(p[sp]), 1)
                if namedMatch(code[pc + 1], cp) { sp += len; pc += 2; ok = true }
            }
        case ReOp.split:
            if reStack.count >= reBacktrackLimit { throw runtimeError("maximum recursion depth exceeded") }
            reStack.append(Int(code[pc + 2]))
            reStack.append(sp)
            pc = Int(code[pc + 1])
            ok = true
        case ReOp.jmp:
            pc = Int(code[pc + 1])
            ok = true
        case ReOp.save:
            let k = Int(code[pc + 1])
            reStack.append(-1 - k)
            reStack.append(slots[k])
            slots[k] = sp
            pc += 2
            ok = true
        case ReOp.mark:
            let k = ncaps + Int(code[pc + 1])
            reStack.append(-1 - k)
            reStack.append(slots[k])
            slots[k] = sp
            pc += 2
            ok = true
        case ReOp.progress:
            pc = slots[ncaps + Int(code[pc + 1])] == sp ? Int(code[pc + 2]) : pc + 3
            ok = true
        case ReOp.bol, ReOp.strStart:
            if sp == 0 { pc += 1; ok = true }
        case ReOp.eol:
            if sp == end { pc += 1; ok = true }
        case ReOp.strEnd:
            if sp == s.len || sp == end { pc += 1; ok = true }
        case ReOp.wordB, ReOp.notWordB:
            let a = sp > 0 && isWordByte(p[sp - 1])
            let b = sp < s.len && isWordByte(p[sp])
            if (a != b) == (code[pc] == ReOp.wordB) { pc += 1; ok = true }
        case ReOp.match:
            if !mustEnd || sp == end { return true }
        default:
            return false
        }
        if ok { continue }
        // backtrack: undo saves until the latest choice point
        while true {
            if reStack.isEmpty { return false }
            let v = reStack.removeLast()
            let k = reStack.removeLast()
            if k >= 0 { pc = k; sp = v; break }
            slots[-1 - k] = v
        }
    }
}
