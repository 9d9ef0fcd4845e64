// The abstract syntax tree the parser hands to the compiler.
// It lives in host memory only while a module is compiled; nothing of it reaches the Python heap.
// Positions are line numbers: tracebacks and SyntaxError report lines, not columns.

public enum Constant {
    case none, `true`, `false`, ellipsis
    case int(Int64)          // an integer literal that fits in Int64
    case bigInt(String)      // a larger integer literal, as decimal digits (literals are never negative)
    case float(Double)
    case imag(Double)        // 3j, 2.5J
    case str([UInt8])        // UTF-8 text (escapes already decoded)
    case bytes([UInt8])
}

public enum UnaryOp { case not, invert, negate, plus }

public enum BinOp {
    case add, sub, mul, matmul, truediv, floordiv, mod, pow, lshift, rshift, bitor, bitxor, bitand
}

public enum BoolOp { case and, or }

public enum CmpOp { case eq, ne, lt, le, gt, ge, `is`, isNot, `in`, notIn }

public final class Expr {
    public let line: Int
    public var kind: ExprKind
    public init(_ kind: ExprKind, line: Int) {
        self.kind = kind
        self.line = line
    }
}

public struct Keyword {
    public var name: String?   // nil: `**value`
    public var value: Expr
    public init(name: String?, value: Expr) { self.name = name; self.value = value }
}

public struct Comprehension {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target; self.iter = iter; self.ifs = ifs; self.isAsync = isAsync
    }
}

public struct Arg {
    public var name: String
    public var annotation: Expr?
    public var line: Int
    public init(name: String, annotation: Expr?, line: Int) {
        self.name = name; self.annotation = annotation; self.line = line
    }
}

public struct Arguments {
    public var posonly: [Arg] = []       // before `/`
    public var args: [Arg] = []          // positional-or-keyword
    public var defaults: [Expr] = []     // for the last len(defaults) of posonly+args
    public var vararg: Arg? = nil        // *args
    public var kwonly: [Arg] = []        // after * or *args
    public var kwDefaults: [Expr?] = []  // one per kwonly; nil = required
    public var kwarg: Arg? = nil         // **kwargs
    public init() {}
}

public indirect enum ExprKind {
    case name(String)
    case constant(Constant)
    /// An f-string: parts are `.constant(.str)` pieces and `.formatted` values, in order.
    case joinedStr([Expr])
    /// `{value!conversion:spec}`; conversion is 0 (none) or the ASCII of `s`, `r`, `a`; spec is a `.joinedStr`.
    case formatted(value: Expr, conversion: UInt8, spec: Expr?)
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    /// `{k: v, **m}`: a nil key means `**value`.
    case dict(keys: [Expr?], values: [Expr])
    case starred(Expr)
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    /// Only as a subscript index (possibly inside a tuple index).
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// args may contain `.starred`; keywords may contain `**` entries (name nil).
    case call(function: Expr, args: [Expr], keywords: [Keyword])
    case unary(UnaryOp, Expr)
    case binary(Expr, BinOp, Expr)
    case boolOp(BoolOp, [Expr])
    /// `a < b <= c`: left, ops, comparators (ops.count == comparators.count).
    case compare(Expr, [CmpOp], [Expr])
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    case lambda(Arguments, Expr)
    case namedExpr(target: String, value: Expr)
    case listComp(Expr, [Comprehension])
    case setComp(Expr, [Comprehension])
    case dictComp(key: Expr, value: Expr, [Comprehension])
    case generatorExp(Expr, [Comprehension])
    case await(Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
}

public struct WithItem {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) { self.context = context; self.target = target }
}

public struct ExceptHandler {
    public var type: Expr?     // nil: bare `except:`
    public var name: String?
    public var body: [Stmt]
    public var line: Int
    public init(type: Expr?, name: String?, body: [Stmt], line: Int) {
        self.type = type; self.name = name; self.body = body; self.line = line
    }
}

public struct Alias {
    public var name: String      // dotted for `import a.b.c`; a plain name (or "*") in `from x import`
    public var asName: String?
    public init(name: String, asName: String?) { self.name = name; self.asName = asName }
}

public final class Stmt {
    public let line: Int
    public var kind: StmtKind
    public init(_ kind: StmtKind, line: Int) {
        self.kind = kind
        self.line = line
    }
}

public indirect enum StmtKind {
    case expr(Expr)
    /// `a = b = value`: every target gets the value, left to right.
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinOp, value: Expr)
    /// `x: int = 5`; simple is true when the target is a bare name not in parentheses.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case functionDef(name: String, args: Arguments, body: [Stmt], decorators: [Expr], returns: Expr?, isAsync: Bool)
    case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr])
    case `return`(Expr?)
    case delete([Expr])
    case pass
    case `break`
    case `continue`
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case raise(exc: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, msg: Expr?)
    case `import`([Alias])
    /// `from ..pkg.mod import a as b`: module is nil for `from . import x`; level counts the dots.
    case importFrom(module: String?, names: [Alias], level: Int)
    case global([String])
    case nonlocal([String])
}

/// A syntax error found by the lexer, parser or compiler.
public struct SyntaxErrorInfo: Error {
    public var message: String
    public var line: Int
    /// IndentationError rather than SyntaxError (MicroPython raises IndentationError for "unexpected indent" etc.).
    public var isIndentation: Bool
    /// The scope the compiler was in (py/compile.c names it in the traceback); nil until a scope
    /// is known, "" for errors MicroPython's parser raises, which name no scope.
    public var scope: String?
    public init(_ message: String, line: Int, isIndentation: Bool = false, scope: String? = nil) {
        self.message = message; self.line = line; self.isIndentation = isIndentation; self.scope = scope
    }
}
