// Input generators for microboard-fuzz: random bytes, token soup, random programs from a small
// grammar, and mutations of seed programs. Every input is a pure function of (seed, index), so
// any input can be regenerated with `microboard-fuzz --seed S --print-input I`.

struct RNG {
    var s: UInt64
    init(_ seed: UInt64) { s = seed }
    init(seed: UInt64, index: Int) {
        s = seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(index)) &* 0xD1B5_4A32_D192_ED03
        _ = next(); _ = next()
    }
    mutating func next() -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n (0 when n <= 1).
    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func range(_ lo: Int, _ hi: Int) -> Int { lo + int(hi - lo + 1) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / 9007199254740992.0 < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    /// Log-uniform in 0...max: small values are common, big ones appear.
    mutating func small(_ max: Int) -> Int {
        if max <= 0 { return 0 }
        let bits = Int.bitWidth - max.leadingZeroBitCount
        let e = int(bits + 1)
        let lim = e >= 62 ? max : Swift.min(max, (1 << e) - 1)
        return int(lim + 1)
    }
}

let keywords = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
                "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
                "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]
let operators = ["+", "-", "*", "**", "/", "//", "%", "@", "<<", ">>", "&", "|", "^", "~", ":=", "<", ">", "<=",
                 ">=", "==", "!=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "->", "+=", "-=", "*=",
                 "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", "...", "\\", "#", "!", "$", "?", "`"]
let literals = ["0", "1", "-1", "2", "3", "0x10", "0o7", "0b101", "1.5", "1e308", "1e-400", "1j", "2.5j", "10**10",
                "'a'", "\"b\"", "b'x'", "f'{x}'", "r'\\n'", "'''t'''", "\"\"", "''", "2**64", "2**30", "2**31",
                "2**62", "2**63", "-2**63", "1_000", "0_0", "00", "1.", ".5", "1e5", "0xffffffff", "0x3fffffff",
                "0x40000000", "-0x40000000", "1073741823", "1073741824", "-1073741825", "9223372036854775807",
                "18446744073709551616", "b'\\xff'", "'\\u1234'", "'\\U0001f600'", "'\\x00'", "rb'\\d'", "f'{x!r:>10}'",
                "f'{x=}'", "f'{{}}'", "float('nan')", "float('inf')", "...", "None", "True", "False"]
let identifiers = ["x", "y", "z", "a", "b", "f", "g", "C", "D", "self", "cls", "i", "e", "k", "v", "print", "len",
                   "range", "list", "dict", "str", "int", "float", "bytes", "bytearray", "tuple", "set", "frozenset",
                   "object", "type", "super", "isinstance", "issubclass", "iter", "next", "map", "zip", "filter",
                   "enumerate", "sorted", "reversed", "min", "max", "sum", "abs", "all", "any", "repr", "hash", "id",
                   "getattr", "setattr", "hasattr", "delattr", "callable", "chr", "ord", "divmod", "pow", "round",
                   "exec", "eval", "compile", "globals", "locals", "memoryview", "property", "staticmethod",
                   "classmethod", "Exception", "ValueError", "TypeError", "StopIteration", "BaseException",
                   "GeneratorExit", "KeyboardInterrupt", "SystemExit", "__name__", "__init__", "__class__",
                   "__dict__", "__call__", "__getitem__", "__iter__", "__next__", "__enter__", "__exit__", "__new__",
                   "__eq__", "__hash__", "__len__", "__bool__", "__str__", "__repr__", "__getattr__", "__setattr__",
                   "__del__", "__add__", "__radd__", "__iadd__", "__contains__", "__build_class__", "__import__",
                   "__builtins__", "__file__", "__main__", "gc", "sys", "micropython", "builtins", "append", "pop",
                   "insert", "extend", "sort", "join", "split", "format", "encode", "decode", "send", "throw",
                   "close", "keys", "values", "items", "get", "setdefault", "update", "copy", "clear", "_"]
let whitespace = [" ", " ", " ", "\n", "\n", "    ", "\t", "\n    ", "\n        ", "\r\n", "\\\n", "\u{0c}"]

/// Statement snippets inserted into programs: huge allocations, deep recursion, edge cases.
let snippets: [String] = [
    "import gc; gc.collect()", "raise ValueError", "raise StopIteration", "yield", "yield from x", "await x",
    "return", "return x", "break", "continue", "del x", "global x", "nonlocal x", "pass", "assert x, x",
    "x = 10**10**10", "x = 'x'*10**9", "x = [0]*10**8", "x = [0]*10**9", "x = bytearray(10**10)", "x = 2**(10**9)",
    "x = 1 << 10**10", "x = b'x' * 10**9", "x = (1,) * 10**9", "x = {}.fromkeys(range(10**7))",
    "x = list(range(10**9))", "x = '%*d' % (10**9, 1)", "x = '{:1000000000}'.format(1)", "x = ' ' * (1 << 62)",
    "x = 'ab'.center(10**9)", "x = [1] * -1", "x = int('9' * 5000)", "x = float('1e400')", "x = 1e308 * 10",
    "x = 10 ** -1000", "x = divmod(10**100, 0)", "x = range(10**18)[10**17]", "x = len(range(-10**30, 10**30))",
    "x = 'x'.join(['a']*10**6)", "x = '%s' % (x,)", "x = f'{x!r:>{10**9}}'", "x = round(x, 10**9)",
    "x = int.from_bytes(b'\\xff'*10**6, 'big')", "x = (10**1000).to_bytes(10**9, 'big')", "x = chr(0x110000)",
    "x = ord('')", "x = '\\U0010ffff'.encode()", "x = b'\\xff'.decode()", "x = str(b'\\xff', 'utf-8')",
    "x = sorted([3, 1, 2], key=lambda v: x.append(v))", "l = [1, 2, 3]\nfor i in l: l.append(i)",
    "d = {1: 1}\nfor k in d: d[k + 1] = 1", "x = []; x.append(x); print(x)", "d = {}; d[1] = d; print(d)",
    "x = [1]; x[0] = x; print(x == x)", "a = []; a.append(a); print(a == [a])", "t = ([],); t[0].append(t); print(t)",
    "x = bytearray(10); x[1:3] = x; x[::2] = b''", "x = list(range(10)); x[::-2] = x",
    "x = memoryview(bytearray(10)); del x[0]", "import sys; sys.modules.clear()",
    "import builtins; builtins.print = None", "del __builtins__", "__builtins__ = None",
    "x = [*range(10**9)]", "x = {**x}", "x = (*x,)", "f(*x, **x)", "x = f'{x:{x}}'", "x = f'{x=}'",
    "x = '%(a)s' % {'a': x}", "x = '%c' % 10**9", "x = '{0[0]}'.format(x)", "x = '{0.__class__}'.format(x)",
    "x = 1.0 / 0", "x = float('nan') // 1", "x = 1e308 ** 2", "x = complex(1, 1) ** 1000", "x = pow(3, 10**9, 7)",
    "x = pow(3, -1, 7)", "x = pow(10, 10**9, 10**100)", "x = abs(-2**63)", "x = -2**63 // -1", "x = (-2**63) % -1",
    "x = 1 << 63", "x = 1 << -1", "x = divmod(-2**63, -1)", "x = hash(2**64)", "x = -0x40000000 - 1",
    "x = range(2**63)", "x = len(range(2**64))", "x = range(0, 10, 0)", "x = range(-2**63, 2**63, 2**62)[-1]",
    "x = [0] * (2**31)", "x = 'a' * (2**32 + 1)", "x = bytearray(2**31)", "x = bytes(-1)", "x = [None] * 2**62",
    "x = (1).to_bytes(2**31, 'little')", "x = str(x)[::-10**18]", "x = [][10**20]", "x = 'a'[-10**20:10**20]",
    "x = bytes(range(256))[::-3]", "x = (lambda: (yield))()", "x = next(iter(x))", "x = type('T', (x,), {})",
    "x.__class__ = int", "super().__init__()", "x = x ** x", "x = x @ x", "x = -x", "x = ~x", "x = x % x",
    "try:\n    pass\nfinally:\n    return", "with x: pass", "async def g(): await g()",
    "def r(): r()\nr()", "def r(n): return r(n + 1) + 1\nr(0)", "class R:\n    def __getattr__(s, n): return s.q\nR().z",
    "class R:\n    def __repr__(s): return repr(s)\nrepr(R())", "class R:\n    def __eq__(s, o): return s == o\nR() == 1",
    "class R:\n    def __len__(s): return 2**64\nlen(R())", "class R:\n    def __len__(s): return -1\nlen(R())",
    "class R:\n    def __hash__(s): return 2**100\nhash(R())", "class R:\n    def __index__(s): return 2**100\n[1][R()]",
    "class R:\n    def __iter__(s): return s\n    def __next__(s): raise StopIteration\nlist(R())",
    "class R(Exception):\n    def __str__(s): raise s\nraise R()", "class M(type): pass\nclass Q(metaclass=M): pass",
    "def gen():\n    try:\n        yield 1\n    finally:\n        yield 2\ng = gen(); next(g); g.close()",
    "def gen():\n    yield from gen()\nlist(gen())", "def gen():\n    x = yield\n    g.send(1)\ng = gen(); next(g); g.send(2)",
    "g = (i for i in range(3)); g.throw(ValueError)", "g = (i for i in range(3)); next(g); g.throw(GeneratorExit)",
    "exec('x = 1\\n' * 1000)", "eval('1+' * 10000 + '1')", "eval('(' * 5000 + ')' * 5000)", "exec('if 1:\\n' + ' ' * 2000 + 'pass')",
    "compile('x', 'f', 'eval')", "exec(compile('raise X', '', 'exec'))", "eval('lambda: ' * 3000 + '1')",
    "import micropython; micropython.heap_lock(); x = []; micropython.heap_unlock()",
    "import micropython; micropython.kbd_intr(-1)", "import sys; sys.exit(3)", "import sys; print(sys.implementation)",
    "gc.threshold(1)", "import gc; gc.disable()", "import gc; gc.threshold(0)", "x = [[]] * 10**5; gc.collect()",
    "x = id(x); y = x", "x = {1, 2, 3}; x.discard(x)", "x = frozenset([x])", "x = set(); x.add(x)",
    "x = {}; x[x] = x", "x = [1, 2]; x.sort(key=x.append)", "x = [1, 2]; x.sort(key=x.clear)",
    "x = 'abc'.split('')", "x = 'abc'.replace('', 'xx' * 1000)", "x = 'a' * 1000; x = x.replace('a', x)",
    "x = bytearray(b'abc'); x.extend(x)", "x = [1, 2, 3]; x.extend(x)", "x = [1]; x += x; x *= 10**9",
    "x = memoryview(b'abc'); x = x[10**10:]", "x = slice(None, None, 0); [1][x]", "x = [1, 2][::0]",
    "x = 'a'.encode('x' * 1000)", "x = str(1, 2, 3)", "x = int('1' * 100, 36)", "x = int('z', 37)", "x = int('', 0)",
    "x = float('1' * 1000)", "x = '%.1000f' % 1e300", "x = '%.*f' % (10**9, 1.0)", "x = format(1.5, '.1000e')",
    "x = format(10**100, ',')", "x = format(1, 'x' * 100)", "x = '{:{}}'.format(1, '>' * 10)", "x = '{}'.format",
    "x = '{' * 1000", "x = '%' * 1001 % ()", "print(*range(1000), sep='\\0')", "print(end=None, sep=None)",
    "x = isinstance(x, (int,) * 1000)", "x = issubclass(int, x)", "x = getattr(x, 'x' * 10000, 1)",
    "x = setattr(x, '', 1)", "x = [i for i in range(10**9) if i > 10**8]", "x = sum(range(10**7))",
    "x = max(range(10**7))", "x = sorted(range(10**6, 0, -1))", "x = list(zip(*[range(10)] * 1000))",
]

/// A random program from a small grammar; names are pre-defined so much of it runs.
struct ProgramGen {
    var rng: RNG
    var out = ""
    let prelude = """
    x, y, z, a, b = 1, 'ab', [1, 2], (3, 4), {5: 6}
    def f(*p, **k):
        return p
    def g():
        yield 1
        yield 2
    class C:
        def __init__(self, *p):
            self.v = p
        def m(self, q=1):
            return self.v
    class D(C, Exception):
        pass
    i = k = v = e = 0

    """
    let names = ["x", "y", "z", "a", "b", "f", "g", "C", "D", "i", "k", "v", "e", "self"]
    let calls = ["len", "list", "tuple", "set", "dict", "str", "repr", "int", "float", "bytes", "bytearray",
                 "sorted", "min", "max", "sum", "abs", "iter", "next", "hash", "id", "type", "isinstance", "print",
                 "map", "zip", "filter", "enumerate", "reversed", "divmod", "pow", "round", "chr", "ord", "getattr",
                 "hasattr", "callable", "any", "all", "memoryview", "frozenset", "range", "bool", "f", "g", "C", "D",
                 "x.m", "C().m", "y.join", "y.split", "y.format", "z.append", "z.pop", "z.sort", "z.index",
                 "b.get", "b.items", "b.pop", "y.encode", "y.replace", "y.find", "y.startswith", "y.center",
                 "exec", "eval", "super", "object", "property", "staticmethod", "classmethod"]
    let binops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "and", "or", "==", "!=",
                  "<", "<=", ">", ">=", "is", "is not", "in", "not in"]
    let attrs = ["v", "m", "append", "__class__", "__dict__", "__name__", "real", "imag", "x", "__init__",
                 "__next__", "send", "throw", "close", "keys", "start", "stop", "step", "args", "value"]

    init(rng: RNG) { self.rng = rng }

    mutating func atom() -> String {
        switch rng.int(4) {
        case 0: return rng.pick(literals)
        case 1: return String(rng.small(1 << 40) - (rng.chance(0.3) ? rng.small(1 << 40) : 0))
        default: return rng.pick(names)
        }
    }

    mutating func expr(_ d: Int) -> String {
        if d <= 0 || rng.chance(0.25) { return atom() }
        let e1 = expr(d - 1)
        switch rng.int(22) {
        case 0, 1: return "(\(e1) \(rng.pick(binops)) \(expr(d - 1)))"
        case 2: return "(\(rng.pick(["-", "+", "~", "not "]))\(e1))"
        case 3, 4:
            var args: [String] = []
            for _ in 0..<rng.small(4) { args.append(rng.chance(0.1) ? "*\(expr(d - 1))" : expr(d - 1)) }
            if rng.chance(0.15) { args.append("\(rng.pick(["key", "q", "p", "sep", "end", "reverse"]))=\(expr(d - 1))") }
            return "\(rng.pick(calls))(\(args.joined(separator: ", ")))"
        case 5: return "[\(e1), \(expr(d - 1))]"
        case 6: return "(\(e1), \(expr(d - 1)))"
        case 7: return "{\(e1): \(expr(d - 1))}"
        case 8: return "{\(e1), \(expr(d - 1))}"
        case 9: return "\(e1)[\(expr(d - 1))]"
        case 10: return "\(e1)[\(rng.chance(0.5) ? expr(d - 1) : ""):\(rng.chance(0.5) ? expr(d - 1) : ""):\(rng.chance(0.5) ? expr(d - 1) : "")]"
        case 11: return "\(e1).\(rng.pick(attrs))"
        case 12: return "(lambda \(rng.pick(["", "q", "q=1", "*q", "**q", "q, *r"])): \(e1))"
        case 13: return "(\(e1) if \(expr(d - 1)) else \(expr(d - 1)))"
        case 14: return "[\(e1) for \(rng.pick(names)) in \(expr(d - 1))\(rng.chance(0.3) ? " if " + expr(d - 1) : "")]"
        case 15: return "(\(e1) for \(rng.pick(names)) in \(expr(d - 1)))"
        case 16: return "{\(e1): \(rng.pick(names)) for \(rng.pick(names)) in \(expr(d - 1))}"
        case 17: return "f'{\(e1)\(rng.pick(["", "!r", "!s", ":>5", ":x", ":.3f", ":,", ":{x}", "=", ":^{y}"]))}'"
        case 18: return "(\(rng.pick(names)) := \(e1))"
        case 19: return "\(e1) \(rng.pick(["<", "==", "!="])) \(expr(d - 1)) \(rng.pick(["<", ">=", "is"])) \(expr(d - 1))"
        case 20: return "(yield \(e1))"
        default: return "(\(rng.pick(["await ", "yield from ", "*", "**", "lambda: "]))\(e1))"
        }
    }

    mutating func line(_ ind: Int, _ s: String) {
        out += String(repeating: "    ", count: ind) + s + "\n"
    }

    mutating func block(_ ind: Int, _ d: Int) {
        let n = 1 + rng.small(4)
        for _ in 0..<n { stmt(ind, d) }
    }

    mutating func stmt(_ ind: Int, _ d: Int) {
        let ed = 1 + rng.int(3)
        let choice = d <= 0 ? rng.int(9) : rng.int(22)
        switch choice {
        case 0, 1: line(ind, "\(rng.pick(names)) = \(expr(ed))")
        case 2: line(ind, "\(rng.pick(names)) \(rng.pick(["+=", "-=", "*=", "//=", "%=", "|=", "<<=", "**=", "@="])) \(expr(ed))")
        case 3: line(ind, "print(\(expr(ed)))")
        case 4: line(ind, expr(ed))
        case 5: line(ind, rng.pick(snippets).split(separator: "\n", omittingEmptySubsequences: false)
                    .joined(separator: "\n" + String(repeating: "    ", count: ind)))
        case 6: line(ind, rng.pick(["pass", "break", "continue", "return", "return \(expr(ed))", "yield \(expr(ed))",
                                    "raise \(expr(ed))", "raise", "del \(rng.pick(names))", "global \(rng.pick(names))",
                                    "nonlocal \(rng.pick(names))", "assert \(expr(ed))", "import gc", "import sys",
                                    "import micropython", "from sys import *", "import builtins"]))
        case 7: line(ind, "\(rng.pick(names))[\(expr(1))] = \(expr(ed))")
        case 8: line(ind, "\(rng.pick(names)).\(rng.pick(attrs)) = \(expr(ed))")
        case 9, 10:
            line(ind, "if \(expr(ed)):"); block(ind + 1, d - 1)
            if rng.chance(0.3) { line(ind, "elif \(expr(ed)):"); block(ind + 1, d - 1) }
            if rng.chance(0.4) { line(ind, "else:"); block(ind + 1, d - 1) }
        case 11:
            line(ind, "while \(expr(ed)):"); block(ind + 1, d - 1)
            if rng.chance(0.2) { line(ind, "else:"); block(ind + 1, d - 1) }
        case 12, 13:
            line(ind, "for \(rng.pick(["i", "k", "v", "k, v", "*v, k", "x[0]", "C.v"])) in \(expr(ed)):"); block(ind + 1, d - 1)
            if rng.chance(0.2) { line(ind, "else:"); block(ind + 1, d - 1) }
        case 14, 15:
            if rng.chance(0.2) { line(ind, "@\(rng.pick(["staticmethod", "classmethod", "property", "f", "C", "(lambda q: q)"]))") }
            line(ind, "\(rng.chance(0.1) ? "async " : "")def \(rng.pick(["f", "g", "h", "m", "__init__", "__iter__", "__next__", "__getattr__", "__eq__", "__hash__", "__len__", "__enter__", "__exit__"]))(\(rng.pick(["", "self", "self, *p", "p, q=1, *r, s, **t", "self, q", "*, q", "q, /, r"]))):")
            block(ind + 1, d - 1)
            if rng.chance(0.5) { line(ind, "\(rng.pick(["f", "g", "h"]))(\(expr(1)))") }
        case 16:
            line(ind, "class \(rng.pick(["C", "D", "E"]))(\(rng.pick(["", "C", "Exception", "int", "list", "dict", "str", "object", "C, D", "metaclass=type", "BaseException"]))):")
            block(ind + 1, d - 1)
        case 17, 18:
            line(ind, "try:"); block(ind + 1, d - 1)
            let nh = rng.int(3)
            for _ in 0..<nh {
                line(ind, "except \(rng.pick(["", "Exception", "ValueError as e", "(TypeError, KeyError)", "BaseException as e", "StopIteration", "D"])):")
                block(ind + 1, d - 1)
            }
            if nh > 0 && rng.chance(0.3) { line(ind, "else:"); block(ind + 1, d - 1) }
            if nh == 0 || rng.chance(0.4) { line(ind, "finally:"); block(ind + 1, d - 1) }
        case 19:
            line(ind, "with \(expr(ed))\(rng.chance(0.5) ? " as " + rng.pick(names) : ""):"); block(ind + 1, d - 1)
        case 20:
            line(ind, "def h():"); block(ind + 1, d - 1)
            line(ind, rng.pick(["h()", "list(h())", "next(h())", "[*h()]", "for _ in h(): pass", "h().send(None)", "h().throw(ValueError)"]))
        default:
            line(ind, "async def h():"); block(ind + 1, d - 1)
            line(ind, rng.pick(["h().send(None)", "h()", "x = h(); x.send(None); x.send(1)"]))
        }
    }

    mutating func program() -> [UInt8] {
        if rng.chance(0.8) { out = prelude }
        let n = 1 + rng.small(12)
        for _ in 0..<n { stmt(0, 1 + rng.int(3)) }
        return Array(out.utf8)
    }
}

enum Gen {
    static func randomBytes(_ rng: inout RNG) -> [UInt8] {
        let n = rng.small(rng.chance(0.05) ? 100_000 : 300)
        var b = [UInt8](repeating: 0, count: n)
        switch rng.int(4) {
        case 0:
            for i in 0..<n { b[i] = UInt8(truncatingIfNeeded: rng.next()) }
        case 1:
            let alphabet = Array(" \t\n\r()[]{}:;,.'\"\\#=+-*/%<>!@&|^~0123456789abcdefxyzABCXYZ_jeo".utf8)
            for i in 0..<n { b[i] = rng.pick(alphabet) }
        case 2:
            for i in 0..<n { b[i] = UInt8(32 + rng.int(95)) }
            for _ in 0..<rng.small(8) where n > 0 { b[rng.int(n)] = rng.pick([10, 0, 0x80, 0xc3, 0xe2, 0xf0, 0xff, 9, 13]) }
        default:
            // UTF-8 soup including invalid sequences, surrogates, BOM, overlong forms
            b = []
            let pieces: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                     [0xE2, 0x80, 0xA8], [0xC2, 0xA0], Array("é".utf8), Array("😀".utf8), [0],
                                     Array("'".utf8), Array("\"\"\"".utf8), Array("\n".utf8), Array("x".utf8),
                                     Array("#".utf8), Array("\\".utf8), Array("f'{".utf8), Array("}".utf8)]
            for _ in 0..<rng.small(60) { b += rng.pick(pieces) }
        }
        return b
    }

    static func tokenSoup(_ rng: inout RNG) -> [UInt8] {
        var s = ""
        let lines = 1 + rng.small(20)
        for _ in 0..<lines {
            if rng.chance(0.3) { s += String(repeating: rng.chance(0.9) ? " " : "\t", count: rng.small(12)) }
            for _ in 0..<(1 + rng.small(14)) {
                switch rng.int(10) {
                case 0, 1, 2: s += rng.pick(keywords)
                case 3, 4: s += rng.pick(operators)
                case 5: s += rng.pick(literals)
                case 6, 7: s += rng.pick(identifiers)
                case 8: s += rng.pick(whitespace)
                default: s += rng.pick(["(", ")", ":", ",", "[", "]", "=", "."])
                }
                if rng.chance(0.8) { s += " " }
            }
            s += "\n"
        }
        return Array(s.utf8)
    }

    // MARK: mutations

    static func lines(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
        b.split(separator: 10, omittingEmptySubsequences: false)
    }

    static func joinLines(_ ls: [ArraySlice<UInt8>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ls.reduce(0) { $0 + $1.count + 1 })
        for (i, l) in ls.enumerated() {
            if i > 0 { out.append(10) }
            out += l
        }
        return out
    }

    /// Crude tokens: identifier/number runs, string literals, single punctuation bytes.
    static func tokens(_ b: [UInt8]) -> [Range<Int>] {
        var r: [Range<Int>] = []
        var i = 0
        func isWord(_ c: UInt8) -> Bool { c == 95 || (c >= 48 && c <= 57) || (c | 32 >= 97 && c | 32 <= 122) || c >= 0x80 }
        while i < b.count {
            let c = b[i]
            if c == 32 || c == 10 || c == 9 || c == 13 { i += 1; continue }
            let start = i
            if isWord(c) {
                while i < b.count && isWord(b[i]) { i += 1 }
            } else if c == 39 || c == 34 {
                i += 1
                while i < b.count && b[i] != c && b[i] != 10 { if b[i] == 92 { i += 1 }; i += 1 }
                i = min(i + 1, b.count)
            } else {
                i += 1
            }
            r.append(start..<i)
            if r.count > 20000 { break }
        }
        return r
    }

    static func indentOf(_ l: ArraySlice<UInt8>) -> [UInt8] {
        Array(l.prefix(while: { $0 == 32 || $0 == 9 }))
    }

    static func deepConstruct(_ rng: inout RNG) -> [UInt8] {
        let n = 1 + rng.small(rng.chance(0.1) ? 300_000 : 5_000)
        func rep(_ s: String, _ k: Int) -> String { String(repeating: s, count: k) }
        switch rng.int(30) {
        case 0: return Array(("x = " + rep("(", n) + "1" + rep(")", n)).utf8)
        case 1: return Array(("x = " + rep("[", n) + rep("]", n)).utf8)
        case 2: return Array(("x = " + rep("{", n) + rep("}", n)).utf8)
        case 3: return Array(("x = " + rep("-", n) + "1").utf8)
        case 4: return Array(("x = " + rep("not ", n) + "1").utf8)
        case 5: return Array(("x = " + rep("lambda: ", n) + "1").utf8)
        case 6: return Array(("x = " + rep("f(", n) + rep(")", n)).utf8)
        case 7: return Array(("x = " + rep("1 + ", n) + "1").utf8)
        case 8: return Array(("x = x" + rep(".a", n)).utf8)
        case 9: return Array(("x = x" + rep("[0]", n)).utf8)
        case 10: return Array(("x = f" + rep("()", n)).utf8)
        case 11:
            var s = ""
            for i in 0..<min(n, 2000) { s += rep(" ", i) + "if x:\n" }
            return Array((s + rep(" ", min(n, 2000)) + "pass").utf8)
        case 12:
            var s = ""
            for i in 0..<min(n, 1000) { s += rep("    ", i) + "def f\(i)():\n" }
            return Array((s + rep("    ", min(n, 1000)) + "return 1").utf8)
        case 13:
            var s = ""
            for i in 0..<min(n, 1000) { s += rep(" ", i) + "try:\n" }
            s += rep(" ", min(n, 1000)) + "raise ValueError\n"
            for i in stride(from: min(n, 1000) - 1, through: 0, by: -1) { s += rep(" ", i) + "finally:\n" + rep(" ", i + 1) + "pass\n" }
            return Array(s.utf8)
        case 14:
            var s = ""
            for i in 0..<min(n, 1000) { s += rep(" ", i) + "for i\(i) in range(2):\n" }
            return Array((s + rep(" ", min(n, 1000)) + "break").utf8)
        case 15:
            var s = ""
            for i in 0..<min(n, 1000) { s += rep(" ", i) + "with C():\n" }
            return Array((s + rep(" ", min(n, 1000)) + "pass").utf8)
        case 16: return Array(("x = " + rep("[", n) + "1" + rep(" for x in y]", n)).utf8)
        case 17:
            var s = "x"
            for _ in 0..<min(n, 200) { s = "f'{" + s + "}'" }
            return Array(("y = " + s).utf8)
        case 18: return Array(("x = '" + rep("a", n * 10) + "'").utf8)
        case 19: return Array(rep("x = 1\n", n).utf8)
        case 20: return Array(((0..<min(n, 20000)).map { "a\($0) = \($0)" }.joined(separator: "\n")).utf8)
        case 21: return Array(("f(" + rep("1, ", n) + ")").utf8)
        case 22: return Array(("def f(" + (0..<min(n, 20000)).map { "a\($0)" }.joined(separator: ", ") + "): pass").utf8)
        case 23: return Array(("x = [" + rep("1, ", n) + "]").utf8)
        case 24: return Array(("x = {" + (0..<min(n, 50000)).map { "\($0): \($0)" }.joined(separator: ", ") + "}").utf8)
        case 25: return Array(("if x: pass\n" + rep("elif x: pass\n", n)).utf8)
        case 26: return Array(("x = 1" + rep("0", n)).utf8)
        case 27: return Array(("x = 1" + rep(" < 1", n)).utf8)
        case 28: return Array((rep("x = ", n) + "1").utf8)
        default: return Array((rep("@f\n", n) + "def g(): pass").utf8)
        }
    }

    static let interestingNumbers = ["0", "-1", "1", "2**30", "2**30-1", "-2**30", "-2**30-1", "2**31", "2**32",
                                     "2**62", "2**63", "2**63-1", "-2**63", "2**64", "10**100", "1e308", "-0.0",
                                     "float('nan')", "float('inf')", "10**9", "-10**9", "255", "256", "65536",
                                     "0x7fffffff", "1j", "True", "None", "''", "()", "[]"]

    static func mutate(_ rng: inout RNG, seeds: [[UInt8]]) -> (bytes: [UInt8], seedIndex: Int) {
        let si = rng.int(seeds.count)
        var b = seeds[si]
        let rounds = 1 + rng.small(6)
        for _ in 0..<rounds {
            if b.count > 1 << 20 { break }
            switch rng.int(24) {
            case 0: // flip a bit
                if !b.isEmpty { b[rng.int(b.count)] ^= UInt8(1 << rng.int(8)) }
            case 1: // interesting byte
                if !b.isEmpty { b[rng.int(b.count)] = rng.pick([0, 0xff, 10, 9, 32, 40, 41, 58, 92, 34, 39, 35, 0x80, 0xc3, 123, 125, 13]) }
            case 2: // delete a byte range
                if !b.isEmpty { let i = rng.int(b.count); b.removeSubrange(i..<min(b.count, i + 1 + rng.small(64))) }
            case 3: // insert random bytes
                let i = rng.int(b.count + 1)
                b.insert(contentsOf: (0..<(1 + rng.small(16))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: i)
            case 4: // delete a line
                var ls = lines(b); if !ls.isEmpty { ls.remove(at: rng.int(ls.count)) }; b = joinLines(ls)
            case 5: // duplicate a line
                var ls = lines(b); if !ls.isEmpty { let i = rng.int(ls.count); ls.insert(ls[i], at: i) }; b = joinLines(ls)
            case 6: // swap two lines
                var ls = lines(b); if ls.count > 1 { ls.swapAt(rng.int(ls.count), rng.int(ls.count)) }; b = joinLines(ls)
            case 7: // change a line's indentation
                var ls = lines(b)
                if !ls.isEmpty {
                    let i = rng.int(ls.count)
                    let body = ls[i].drop(while: { $0 == 32 || $0 == 9 })
                    ls[i] = ArraySlice(Array(repeating: rng.chance(0.9) ? 32 : 9, count: rng.small(16)) + body)
                }
                b = joinLines(ls)
            case 8, 9: // swap two tokens
                let t = tokens(b)
                if t.count > 1 {
                    var r1 = t[rng.int(t.count)], r2 = t[rng.int(t.count)]
                    if r1.lowerBound > r2.lowerBound { swap(&r1, &r2) }
                    if r1.upperBound <= r2.lowerBound {
                        let a1 = Array(b[r1]), a2 = Array(b[r2])
                        b.replaceSubrange(r2, with: a1)
                        b.replaceSubrange(r1, with: a2)
                    }
                }
            case 10: // replace a token with a vocabulary token
                let t = tokens(b)
                if !t.isEmpty {
                    let voc = rng.pick([keywords, operators, literals, identifiers])
                    b.replaceSubrange(t[rng.int(t.count)], with: Array(rng.pick(voc).utf8))
                }
            case 11: // delete or duplicate a token
                let t = tokens(b)
                if !t.isEmpty {
                    let r = t[rng.int(t.count)]
                    if rng.chance(0.5) { b.removeSubrange(r) } else { b.insert(contentsOf: Array(b[r]) + [32], at: r.lowerBound) }
                }
            case 12: // insert a vocabulary token at a token boundary
                let t = tokens(b)
                let pos = t.isEmpty ? 0 : (rng.chance(0.5) ? t[rng.int(t.count)].lowerBound : t[rng.int(t.count)].upperBound)
                let voc = rng.pick([keywords, operators, literals, identifiers])
                b.insert(contentsOf: Array((" " + rng.pick(voc) + " ").utf8), at: pos)
            case 13, 14: // splice two files at line boundaries
                let other = seeds[rng.int(seeds.count)]
                let la = lines(b), lb = lines(other)
                b = joinLines(Array(la.prefix(rng.int(la.count + 1))) + Array(lb.suffix(rng.int(lb.count + 1))))
            case 15, 16, 17: // insert a snippet as a statement, indented like its neighbour
                var ls = lines(b)
                let i = rng.int(ls.count + 1)
                let ind = i < ls.count ? indentOf(ls[i]) : (i > 0 ? indentOf(ls[i - 1]) : [])
                let snip = rng.pick(snippets).split(separator: "\n", omittingEmptySubsequences: false)
                ls.insert(contentsOf: snip.map { ArraySlice(ind + Array($0.utf8)) }, at: i)
                b = joinLines(ls)
            case 18: // deep nesting / long chain / many-of construct
                var ls = lines(b)
                let i = rng.int(ls.count + 1)
                let ind = i < ls.count ? indentOf(ls[i]) : []
                let deep = deepConstruct(&rng)
                ls.insert(contentsOf: lines(deep).map { ArraySlice(ind + $0) }, at: i)
                b = joinLines(ls)
            case 19: // replace a number with an interesting one
                let t = tokens(b).filter { b[$0.lowerBound] >= 48 && b[$0.lowerBound] <= 57 }
                if !t.isEmpty { b.replaceSubrange(t[rng.int(t.count)], with: Array(rng.pick(interestingNumbers).utf8)) }
            case 20: // replace an identifier with another from the same file
                let t = tokens(b).filter { let c = b[$0.lowerBound]; return c == 95 || (c | 32 >= 97 && c | 32 <= 122) }
                if t.count > 1 { b.replaceSubrange(t[rng.int(t.count)], with: Array(b[t[rng.int(t.count)]])) }
            case 21: // truncate
                b = Array(b.prefix(rng.int(b.count + 1)))
            case 22: // copy a line from another seed
                var ls = lines(b)
                let lb = lines(seeds[rng.int(seeds.count)])
                if !lb.isEmpty { ls.insert(lb[rng.int(lb.count)], at: rng.int(ls.count + 1)) }
                b = joinLines(ls)
            default: // wrap a line in a block
                var ls = lines(b)
                if !ls.isEmpty {
                    let i = rng.int(ls.count)
                    let ind = indentOf(ls[i])
                    let head = rng.pick(["if 1:", "while 1:", "for _ in range(3):", "try:", "def w():", "class W:",
                                         "with C():", "async def w():", "if 0:", "for _ in (lambda: (yield))():"])
                    ls[i] = ArraySlice(Array("    ".utf8) + ls[i])
                    ls.insert(ArraySlice(ind + Array(head.utf8)), at: i)
                    if head == "try:" { ls.insert(ArraySlice(ind + Array("finally: pass".utf8)), at: i + 2) }
                    if head == "def w():" { ls.insert(ArraySlice(ind + Array("w()".utf8)), at: i + 2) }
                }
                b = joinLines(ls)
            }
        }
        if b.count > 1 << 20 { b = Array(b.prefix(1 << 20)) }
        return (b, si)
    }
}

/// Programs that call builtin functions, methods and operators with arguments of random types,
/// each call in its own try/except: aimed at native code that trusts its argument types.
struct APIGen {
    var rng: RNG
    init(rng: RNG) { self.rng = rng }

    static let values = [
        "None", "True", "False", "0", "1", "-1", "7", "255", "256", "2**30-1", "-2**30", "2**31", "2**32", "2**63",
        "2**64", "-2**63", "10**30", "-10**30", "1.5", "-0.0", "1e308", "float('nan')", "float('inf')", "1j",
        "complex(1, -1)", "''", "'abc'", "'little'", "'big'", "'utf-8'", "'\\x00'", "'é'", "'%s'", "'{}'",
        "'{0}'", "'\\n'", "' a b '", "'x' * 100", "b''", "b'abc'", "b'\\xff\\x00'", "bytearray(b'xy')",
        "bytearray()", "memoryview(b'ab')", "memoryview(bytearray(4))", "[]", "[1, 'a']", "[3, 1, 2]", "[[]]",
        "()", "(1, 2)", "(1,)", "{}", "{1: 2}", "{'a': 1}", "set()", "{1, 2}", "frozenset((1,))", "range(3)",
        "range(0)", "range(-5, 5, 2)", "slice(1, 2)", "slice(None)", "object()", "int", "str", "type", "object",
        "list", "Exception('x')", "ValueError", "len", "print", "lambda *a, **k: a", "iter([1])",
        "(x for x in (1, 2))", "...", "NotImplemented", "C()", "C", "D()", "sys", "gc", "enumerate([1])",
        "zip([1], [2])", "map(abs, [1])", "reversed([1, 2])", "super", "property()", "staticmethod(len)",
        "{}.keys()", "{1: 2}.items()", "r", "s", "t",
    ]
    static let methods: [String: [String]] = [
        "int": ["to_bytes", "from_bytes", "bit_length", "conjugate", "__init__", "__new__", "__eq__", "__hash__"],
        "float": ["is_integer", "__eq__", "__hash__", "__new__"],
        "str": ["center", "count", "encode", "endswith", "find", "format", "index", "isalpha", "isdigit", "islower",
                "isspace", "isupper", "join", "lower", "lstrip", "partition", "replace", "rfind", "rindex",
                "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "upper", "__new__",
                "__mod__", "__getitem__", "__contains__", "ljust", "rjust", "zfill", "title", "capitalize",
                "swapcase", "expandtabs", "casefold", "isalnum", "removeprefix", "removesuffix", "format_map"],
        "bytes": ["center", "count", "decode", "endswith", "find", "fromhex", "hex", "index", "join", "lower",
                  "lstrip", "partition", "replace", "rfind", "rindex", "rpartition", "rsplit", "rstrip", "split",
                  "splitlines", "startswith", "strip", "upper", "__mod__", "__getitem__"],
        "bytearray": ["append", "extend", "decode", "hex", "fromhex", "find", "replace", "split", "__setitem__",
                      "__delitem__", "__getitem__", "pop", "insert", "remove", "reverse", "copy", "clear"],
        "list": ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
                 "__getitem__", "__setitem__", "__delitem__", "__contains__", "sort", "__iadd__", "__imul__"],
        "tuple": ["count", "index", "__getitem__", "__add__", "__mul__"],
        "dict": ["clear", "copy", "fromkeys", "get", "items", "keys", "values", "pop", "popitem", "setdefault",
                 "update", "__getitem__", "__setitem__", "__delitem__"],
        "set": ["copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset",
                "symmetric_difference", "union", "add", "clear", "discard", "remove", "pop", "update",
                "difference_update", "intersection_update", "symmetric_difference_update"],
        "memoryview": ["hex", "tobytes", "tolist", "cast", "release", "__getitem__", "__setitem__"],
        "object": ["__init__", "__new__", "__eq__", "__hash__", "__setattr__", "__getattribute__", "__delattr__",
                   "__repr__", "__str__", "__format__", "__reduce__", "__class__", "__dict__", "__sizeof__"],
        "type": ["__new__", "__init__", "__call__", "mro", "__subclasses__", "__instancecheck__"],
        "BaseException": ["with_traceback", "add_note", "__init__", "args", "value"],
        "gen": ["send", "throw", "close", "__next__", "__iter__"],
    ]
    static let receivers: [(String, String)] = [
        ("1", "int"), ("-2**70", "int"), ("int", "int"), ("1.5", "float"), ("float", "float"), ("'abc'", "str"),
        ("''", "str"), ("str", "str"), ("'{0}{1}{k}'", "str"), ("'%d %s'", "str"), ("b'abc'", "bytes"),
        ("bytes", "bytes"), ("bytearray(b'abcd')", "bytearray"), ("bytearray", "bytearray"), ("[1, 2, 3]", "list"),
        ("list", "list"), ("(1, 2)", "tuple"), ("{1: 2}", "dict"), ("dict", "dict"), ("{1, 2}", "set"),
        ("frozenset((1,))", "set"), ("memoryview(bytearray(8))", "memoryview"), ("memoryview(b'abc')", "memoryview"),
        ("object()", "object"), ("object", "object"), ("C()", "object"), ("type", "type"), ("C", "type"),
        ("Exception('e')", "BaseException"), ("StopIteration(1)", "BaseException"), ("(x for x in [1, 2])", "gen"),
        ("g()", "gen"), ("r", "object"), ("s", "object"), ("t", "object"),
    ]
    static let builtinFns = [
        "abs", "all", "any", "bin", "oct", "hex", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval",
        "exec", "getattr", "hasattr", "hash", "id", "isinstance", "issubclass", "iter", "len", "max", "min", "next",
        "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "object", "type", "int", "bool",
        "float", "complex", "str", "bytes", "bytearray", "memoryview", "list", "tuple", "dict", "set", "frozenset",
        "range", "slice", "enumerate", "zip", "map", "filter", "reversed", "property", "staticmethod",
        "classmethod", "super", "BaseException", "Exception", "StopIteration", "OSError", "KeyError", "format",
        "globals", "locals", "vars", "ascii", "aiter", "anext", "breakpoint", "open",
    ]
    static let moduleFns: [(String, [String])] = [
        ("sys", ["exit", "print_exception", "atexit", "exc_info", "getsizeof", "intern", "settrace"]),
        ("gc", ["collect", "mem_free", "mem_alloc", "isenabled", "threshold"]),
        ("micropython", ["const", "opt_level", "mem_info", "qstr_info", "stack_use", "heap_locked",
                         "alloc_emergency_exception_buf", "schedule", "RingIO"]),
        ("json", ["loads", "dumps", "load", "dump"]),
        ("re", ["compile", "match", "search", "sub", "split"]),
        ("collections", ["deque", "OrderedDict", "namedtuple", "defaultdict"]),
        ("io", ["StringIO", "BytesIO", "open"]),
        ("struct", ["pack", "unpack", "calcsize", "pack_into", "unpack_from"]),
        ("math", ["sqrt", "pow", "log", "factorial", "gcd", "isqrt", "ldexp", "frexp", "fmod", "trunc", "ceil"]),
        ("binascii", ["hexlify", "unhexlify", "a2b_base64", "b2a_base64", "crc32"]),
        ("array", ["array"]), ("time", ["sleep_ms", "ticks_diff", "ticks_add", "localtime", "mktime"]),
        ("os", ["listdir", "stat", "getcwd", "uname", "urandom", "ilistdir"]),
        ("heapq", ["heappush", "heappop", "heapify"]), ("random", ["getrandbits", "randrange", "choice", "seed"]),
        ("errno", ["errorcode"]), ("platform", ["platform"]), ("asyncio", ["sleep", "run", "gather", "create_task"]),
        ("deflate", ["DeflateIO"]), ("framebuf", ["FrameBuffer"]), ("select", ["poll", "select"]),
        ("uctypes", ["bytes_at", "bytearray_at", "sizeof", "addressof", "struct"]), ("cryptolib", ["aes"]),
        ("hashlib", ["sha256", "sha1", "md5"]),
    ]
    static let binops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "==", "<", ">=", "in",
                         "is", "and", "or", "!="]
    static let kwNames = ["key", "reverse", "signed", "sep", "end", "default", "start", "errors", "encoding", "step",
                          "byteorder", "length", "maxsplit", "base", "file", "flush", "strict", "k", "x"]

    mutating func val() -> String {
        if rng.chance(0.05) { return "(" + val() + rng.pick([" + ", " * ", ", "]) + val() + ")" }
        return rng.pick(APIGen.values)
    }

    mutating func args(_ maxN: Int) -> String {
        var a: [String] = []
        for _ in 0..<rng.small(maxN) {
            switch rng.int(12) {
            case 0: a.append("*" + val())
            case 1: a.append("**" + rng.pick(["{}", "{'k': 1}", "{1: 2}", "{'key': len}"]))
            case 2: a.append(rng.pick(APIGen.kwNames) + "=" + val())
            default: a.append(val())
            }
        }
        return a.joined(separator: ", ")
    }

    mutating func call() -> String {
        switch rng.int(10) {
        case 0, 1, 2:
            let (recv, cls) = rng.pick(APIGen.receivers)
            let meths = rng.chance(0.85) ? APIGen.methods[cls]! : rng.pick(Array(APIGen.methods.values))
            let m = rng.pick(meths)
            if rng.chance(0.2) { return "\(cls == "gen" ? "type(\(recv))" : rng.pick([cls == "BaseException" ? "Exception" : cls, "type(\(recv))"])).\(m)(\(recv), \(args(4)))" }
            return "(\(recv)).\(m)(\(args(4)))"
        case 3, 4:
            return "\(rng.pick(APIGen.builtinFns))(\(args(4)))"
        case 5:
            let (mod, fns) = rng.pick(APIGen.moduleFns)
            return "__import__('\(mod)').\(rng.pick(fns))(\(args(4)))"
        case 6: return "\(val()) \(rng.pick(APIGen.binops)) \(val())"
        case 7:
            switch rng.int(5) {
            case 0: return "\(val())[\(val())]"
            case 1: return "\(val())[\(rng.chance(0.7) ? val() : ""):\(rng.chance(0.7) ? val() : ""):\(rng.chance(0.5) ? val() : "")]"
            case 2: return "format(\(val()), \(rng.pick(["''", "'>10'", "'x'", "'.3f'", "','", "'*^9'", "'+#o'", "'e'", "'%'", "'n'", "'s'", "'c'", "'b'", "'10000000000'", "'.99999999999f'"])))"
            case 3: return "\(rng.pick(["'%s'", "'%d'", "'%r %r'", "'%(a)s'", "'%c'", "'%x'", "'%*.*f'", "'%.3e'", "'%5s|%-5s'"])) % \(val())"
            default: return "\(rng.pick(["'{}'", "'{0}{1}'", "'{a}'", "'{:>10}'", "'{!r}'", "'{0.real}'", "'{0[0]}'", "'{:{}}'"])).format(\(args(3)))"
            }
        case 8:
            return rng.pick(["hash", "repr", "str", "len", "iter", "list", "bool", "int", "float", "bytes", "sorted", "dir", "tuple", "set", "abs", "-", "~", "not "]) + "(" + val() + ")"
        default:
            // statements as expressions via exec, and assignments through subscripts/attributes
            switch rng.int(4) {
            case 0: return "exec('\(rng.pick(["r[0] = r", "del r[0]", "r += r", "r *= 3", "r.x = 1", "del r.x", "r[::2] = r", "r[1:] = []"]))')"
            case 1: return "setattr(\(val()), \(rng.pick(["'x'", "'__class__'", "'__dict__'", "''", "1"])), \(val()))"
            case 2: return "getattr(\(val()), \(rng.pick(["'x'", "'__class__'", "'__dict__'", "'__name__'", "'real'", "''", "1"])))"
            default: return "isinstance(\(val()), \(val()))"
            }
        }
    }

    static let prelude = """
    import sys, gc
    class C:
        def __init__(self, *a, **k): self.a = a
        def __eq__(self, o): return self is o
        def __hash__(self): return 7
        def __len__(self): return 3
        def __getitem__(self, i):
            if isinstance(i, int) and i < 3: return i
            raise IndexError
        def __index__(self): return 2
        def __int__(self): return 5
        def __str__(self): return 'C'
        def __iter__(self): return iter((1, 2))
    class D(Exception):
        def __str__(self): return 'D!'
    def g():
        yield 1
        yield 2
    r = [1, 2, 3]; s = 'abc'; t = {1: 'a'}

    """

    mutating func program() -> [UInt8] {
        var out = APIGen.prelude
        for _ in 0..<(1 + rng.small(40)) {
            let target = rng.pick(["r", "s", "t", "_"])
            out += "try:\n    \(target) = \(call())\nexcept Exception:\n    pass\n"
        }
        if rng.chance(0.5) { out += "print(repr(r)[:200], repr(s)[:200], repr(t)[:200])\n" }
        return Array(out.utf8)
    }
}
