// AST -> bytecode. One CodeGen per function-like scope; the result is a tree of CodeUnits in
// host memory, which CodeObject.swift turns into heap objects.

enum ConstValue {
    case str([UInt8]), bytes([UInt8]), int(Int64), bigInt(String), float(Double), imag(Double)
    case code(CodeUnit), qstrTuple([String]), none, ellipsis, `true`, `false`
    case complex(Double, Double), tuple([ConstValue])    // from .mpy constant tables
}

final class CodeUnit {
    var name: String
    var filename: String
    var words: [UInt32] = []
    var consts: [ConstValue] = []
    var flags: UInt32 = 0
    var argcount = 0, posonly = 0, kwonly = 0
    var nlocals = 0
    var stackSize = 0
    var localNames: [String] = []
    var cellSlots: [Int] = []
    var nfree = 0
    var excTable: [(UInt32, UInt32, UInt32, UInt32)] = []   // start, end, handler, depth
    var lineTable: [(UInt32, UInt32)] = []                  // first word, line
    var firstLine = 1
    init(name: String, filename: String) { self.name = name; self.filename = filename }
}

public enum CompileMode { case file, single, eval }

struct CompileContext {
    let filename: String
    let mode: CompileMode
    var optimize: Int = 0
    /// exec/eval code: module-level names go through LOAD_NAME so a separate locals dict works.
    var namesAtModuleLevel = false
}

private struct Handler: Equatable { let label: Int; let depth: Int }

private enum Block {
    case loop(breakLabel: Int, continueLabel: Int, iterSlots: Int)   // values the loop keeps on the stack
    case finally(body: [Stmt], outer: Handler?)
    case handlerFrame(extra: Int, name: String?, outer: Handler?)   // inside an except/finally handler: [prev, extra...]
    case with(isAsync: Bool, outer: Handler?)
    case asyncFor
    case pendingValue            // a return value waiting below an inlined finally body
}

final class CodeGen {
    let unit: CodeUnit
    let scope: Scope
    let ctx: CompileContext
    let symtable: SymtableBuilder
    private var depth = 0
    private var labels: [Int] = []
    private var patches: [(Int, Int)] = []
    private var handler: Handler? = nil
    private var rangeStart = 0
    private var ranges: [(Int, Int, Handler)] = []
    private var blocks: [Block] = []
    private var lastLine = -1
    private var consts: [String: Int] = [:]
    /// `const()` values defined in the module, substituted at compile time.
    var moduleConsts: [String: Constant]

    init(unit: CodeUnit, scope: Scope, ctx: CompileContext, symtable: SymtableBuilder, moduleConsts: [String: Constant]) {
        self.unit = unit
        self.scope = scope
        self.ctx = ctx
        self.symtable = symtable
        self.moduleConsts = moduleConsts
    }

    // MARK: emission

    func emit(_ op: Op, _ arg: Int = 0, _ delta: Int) {
        unit.words.append(UInt32(op.rawValue) | (UInt32(truncatingIfNeeded: arg) & 0xFF_FFFF) << 8)
        adjust(delta)
    }
    private func adjust(_ delta: Int) {
        depth += delta
        if depth > unit.stackSize { unit.stackSize = depth }
    }
    private func extra(_ w: UInt32) { unit.words.append(w) }

    private func newLabel() -> Int { labels.append(-1); return labels.count - 1 }
    private func place(_ l: Int) { labels[l] = unit.words.count }
    private func emitJump(_ op: Op, _ l: Int, _ delta: Int) {
        patches.append((unit.words.count, l))
        emit(op, 0, delta)
    }

    func setLine(_ line: Int) {
        if line != lastLine {
            if let last = unit.lineTable.last, Int(last.0) == unit.words.count {
                unit.lineTable[unit.lineTable.count - 1] = (last.0, UInt32(line))
            } else {
                unit.lineTable.append((UInt32(unit.words.count), UInt32(line)))
            }
            lastLine = line
        }
    }

    private func setHandler(_ h: Handler?) {
        if h == handler { return }
        if let cur = handler, unit.words.count > rangeStart { ranges.append((rangeStart, unit.words.count, cur)) }
        handler = h
        rangeStart = unit.words.count
    }

    private func constIndex(_ c: ConstValue, key: String?) -> Int {
        if let k = key, let i = consts[k] { return i }
        unit.consts.append(c)
        let i = unit.consts.count - 1
        if let k = key { consts[k] = i }
        return i
    }

    private func loadQstrTuple(_ names: [String]) -> Int {
        constIndex(.qstrTuple(names), key: "t:" + names.joined(separator: ","))
    }

    func finish() {
        setHandler(nil)
        for (pos, l) in patches {
            let target = labels[l]
            precondition(target >= 0, "unplaced label")
            unit.words[pos] = (unit.words[pos] & 0xFF) | UInt32(target) << 8
        }
        for (s, e, h) in ranges {
            unit.excTable.append((UInt32(s), UInt32(e), UInt32(labels[h.label]), UInt32(h.depth)))
        }
        unit.nlocals = scope.slotNames.count
        unit.localNames = scope.slotNames
        unit.cellSlots = scope.cellNames.map { scope.slots[$0]! }.sorted()
        if scope.kind == .classBody && scope.needsClassCell { unit.cellSlots.append(scope.slots["__class__"]!) }
        unit.nfree = scope.freeNames.count
    }

    // MARK: names

    private func loadName(_ n: String, line: Int) throws {
        if n == "__debug__" && scope.binding(n).isGlobalLike {
            emit(ctx.optimize > 0 ? .loadFalse : .loadTrue, 0, 1)
            return
        }
        if let c = moduleConsts[n], scope.binding(n).isGlobalLike {
            try loadConstant(c)
            return
        }
        switch scope.binding(n) {
        case .local(let s): emit(.loadFast, s, 1)
        case .cell(let s), .free(let s): emit(.loadDeref, s, 1)
        case .classDeref(let s):
            emit(.loadClassDeref, s, 1)
            extra(Obj(qstr: intern(n)).raw)
        case .global:
            if n == "__debug__" { emit(ctx.optimize > 0 ? .loadFalse : .loadTrue, 0, 1); return }
            emit(.loadGlobal, Int(intern(n)), 1); extra(0)
        case .name: emit(.loadName, Int(intern(n)), 1)
        }
    }

    private func storeName(_ n: String) {
        switch scope.binding(n) {
        case .local(let s): emit(.storeFast, s, -1)
        case .cell(let s), .free(let s): emit(.storeDeref, s, -1)
        case .classDeref: emit(.storeName, Int(intern(n)), -1)
        case .global: emit(.storeGlobal, Int(intern(n)), -1); extra(0)
        case .name: emit(.storeName, Int(intern(n)), -1)
        }
    }

    private func deleteName(_ n: String) {
        switch scope.binding(n) {
        case .local(let s): emit(.deleteFast, s, 0)
        case .cell(let s), .free(let s): emit(.deleteDeref, s, 0)
        case .global: emit(.deleteGlobal, Int(intern(n)), 0); extra(0)
        case .name, .classDeref: emit(.deleteName, Int(intern(n)), 0)
        }
    }

    // MARK: constants

    private func loadConstant(_ c: Constant) throws {
        switch c {
        case .none: emit(.loadNone, 0, 1)
        case .true: emit(.loadTrue, 0, 1)
        case .false: emit(.loadFalse, 0, 1)
        case .ellipsis: emit(.loadConst, constIndex(.ellipsis, key: "..."), 1)
        case .int(let v):
            if v >= -0x80_0000 && v < 0x80_0000 {
                emit(.loadSmallInt, Int(v), 1)
            } else {
                emit(.loadConst, constIndex(.int(v), key: "i:\(v)"), 1)
            }
        case .bigInt(let s): emit(.loadConst, constIndex(.bigInt(s), key: "I:" + s), 1)
        case .float(let d): emit(.loadConst, constIndex(.float(d), key: "f:\(d.bitPattern)"), 1)
        case .imag(let d): emit(.loadConst, constIndex(.imag(d), key: "j:\(d.bitPattern)"), 1)
        case .str(let b):
            if b.count <= 40, isIdentifierLike(b) || b.count <= 8 {
                emit(.loadQstr, Int(qstrs.intern(b, b.count)), 1)
            } else {
                emit(.loadConst, constIndex(.str(b), key: "s:" + String(decoding: b, as: UTF8.self) + "\(b.count)"), 1)
            }
        case .bytes(let b): emit(.loadConst, constIndex(.bytes(b), key: "b:\(b)"), 1)
        }
    }

    private func isIdentifierLike(_ b: [UInt8]) -> Bool {
        for c in b where !(c == 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) { return false }
        return true
    }

    // MARK: statements

    func compileBody(_ body: [Stmt]) throws {
        for s in body { try compile(s) }
    }

    func compile(_ s: Stmt) throws {
        setLine(s.line)
        switch s.kind {
        case .expr(let e):
            if case .constant = e.kind, ctx.mode != .single { return }   // docstrings and bare constants
            try compile(e)
            if ctx.mode == .single && scope.kind == .module {
                emit(.printExpr, 0, -1)
            } else {
                emit(.popTop, 0, -1)
            }
        case .assign(let targets, let value):
            if targets.count == 1, case .name = targets[0].kind, case .call(let f, let args, _) = value.kind,
               case .name("const") = f.kind, args.count == 1, constantValue(args[0]) == nil {
                throw SyntaxErrorInfo("not a constant", line: s.line, scope: "")   // py/parse.c's error
            }
            if targets.count == 1, case .name(let n) = targets[0].kind, case .call(let f, let args, let kws) = value.kind,
               case .name("const") = f.kind, args.count == 1, kws.isEmpty, scope.kind == .module || scope.kind == .classBody,
               let c = constantValue(args[0]) {
                moduleConsts[n] = c
                if n.hasPrefix("_") { return }
                try loadConstant(c)
                storeName(n)
                return
            }
            try compile(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.dupTop, 0, 1) }
                try compileStore(t)
            }
        case .augAssign(let target, let op, let value):
            let code = Int(binOpCode(op).rawValue) + 13
            switch target.kind {
            case .name(let n):
                try loadName(n, line: target.line)
                try compile(value)
                emit(.binaryOp, code, -1)
                storeName(n)
            case .attribute(let o, let attr):
                try compile(o)
                emit(.dupTop, 0, 1)
                emit(.loadAttr, Int(intern(attr)), 0); extra(0)
                try compile(value)
                emit(.binaryOp, code, -1)
                emit(.rotTwo, 0, 0)
                emit(.storeAttr, Int(intern(attr)), -2); extra(0)
            case .subscript(let o, let idx):
                try compile(o)
                try compileIndex(idx)
                emit(.dupTopTwo, 0, 2)
                emit(.loadSubscr, 0, -1)
                try compile(value)
                emit(.binaryOp, code, -1)
                emit(.rotThree, 0, 0)
                emit(.storeSubscr, 0, -3)
            default:
                throw SyntaxErrorInfo("illegal expression for augmented assignment", line: s.line)
            }
        case .annAssign(let target, _, let value, _):
            if let v = value {
                try compile(v)
                try compileStore(target)
            }
        case .functionDef(let name, let args, let body, let decorators, _, let isAsync):
            for d in decorators { try compile(d); emit(.loadNull, 0, 1) }
            try compileFunction(node: s, name: name, args: args, body: body, lambdaBody: nil, isAsync: isAsync, line: s.line)
            for _ in decorators { emit(.call, 1, -2); extra(0) }
            storeName(name)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            for d in decorators { try compile(d); emit(.loadNull, 0, 1) }
            try compileClass(node: s, name: name, bases: bases, keywords: keywords, body: body)
            for _ in decorators { emit(.call, 1, -2); extra(0) }
            storeName(name)
        case .return(let v):
            guard scope.isFunctionLike else { throw SyntaxErrorInfo("'return' outside function", line: s.line) }
            // unwinding pops loop iterators and handler frames on the return path only: the code
            // after it (reachable through the enclosing blocks' jumps) sees the stack as before
            let saved = depth
            if let v = v {
                if unit.flags & CodeFlag.generator != 0 && unit.flags & CodeFlag.coroutine != 0 && scope.isGenerator {
                    throw SyntaxErrorInfo("'return' with value in async generator", line: s.line)
                }
                try compile(v)
            } else {
                emit(.loadNone, 0, 1)
            }
            try unwindBlocks(to: 0, keepValue: true)
            emit(.returnValue, 0, -1)
            depth = saved
        case .delete(let targets):
            for t in targets { try compileDelete(t) }
        case .pass:
            break
        case .break:
            guard let i = blocks.lastIndex(where: { if case .loop = $0 { return true }; return false }),
                  case .loop(let brk, _, let iterSlots) = blocks[i] else {
                throw SyntaxErrorInfo("'break'/'continue' outside loop", line: s.line)
            }
            let saved = depth
            try unwindBlocks(to: i + 1, keepValue: false)
            for _ in 0..<iterSlots { emit(.popTop, 0, -1) }
            emitJump(.jump, brk, 0)
            depth = saved
        case .continue:
            guard let i = blocks.lastIndex(where: { if case .loop = $0 { return true }; return false }),
                  case .loop(_, let cont, _) = blocks[i] else {
                throw SyntaxErrorInfo("'break'/'continue' outside loop", line: s.line)
            }
            let saved = depth
            try unwindBlocks(to: i + 1, keepValue: false)
            emitJump(.jump, cont, 0)
            depth = saved
        case .if(let test, let body, let orelse):
            let elseL = newLabel(), end = newLabel()
            try compileCondJump(test, jumpIf: false, to: elseL)
            try compileBody(body)
            if !orelse.isEmpty { emitJump(.jump, end, 0) }
            place(elseL)
            try compileBody(orelse)
            place(end)
        case .while(let test, let body, let orelse):
            let top = newLabel(), elseL = newLabel(), end = newLabel()
            place(top)
            if !isConstTrue(test) { try compileCondJump(test, jumpIf: false, to: elseL) }
            blocks.append(.loop(breakLabel: end, continueLabel: top, iterSlots: 0))
            try compileBody(body)
            blocks.removeLast()
            emitJump(.jump, top, 0)
            place(elseL)
            try compileBody(orelse)
            place(end)
        case .for(let target, let iter, let body, let orelse, let isAsync):
            if isAsync { try compileAsyncFor(target: target, iter: iter, body: body, orelse: orelse); return }
            let top = newLabel(), exhausted = newLabel(), end = newLabel()
            let slots: Int
            if let (start, stop, step) = rangeLoopBounds(iter) {
                // As MicroPython: `for x in range(a, b, constant)` counts on the stack and allocates
                // nothing (like MicroPython, this assumes `range` is the builtin).
                if let st = start { try compile(st) } else { emit(.loadSmallInt, 0, 1) }
                try compile(stop)
                place(top)
                emitJump(.forIterRange, exhausted, 1)
                extra(UInt32(bitPattern: Int32(truncatingIfNeeded: step)))
                slots = 2
            } else {
                try compile(iter)
                emit(.getIter, 0, 0)
                place(top)
                emitJump(.forIter, exhausted, 1)
                slots = 1
            }
            try compileStore(target)
            blocks.append(.loop(breakLabel: end, continueLabel: top, iterSlots: slots))
            try compileBody(body)
            blocks.removeLast()
            emitJump(.jump, top, 0)
            place(exhausted)
            adjust(-slots)   // forIter/forIterRange pop their loop state when exhausted
            try compileBody(orelse)
            place(end)
        case .with(let items, let body, let isAsync):
            try compileWith(items[...], body: body, isAsync: isAsync, line: s.line)
        case .raise(let exc, let cause):
            if let e = exc {
                try compile(e)
                if let c = cause {
                    try compile(c)
                    emit(.raiseVarargs, 2, -2)
                } else {
                    emit(.raiseVarargs, 1, -1)
                }
            } else {
                emit(.raiseVarargs, 0, 0)
            }
        case .try(let body, let handlers, let orelse, let finalbody):
            if finalbody.isEmpty {
                try compileTryExcept(body: body, handlers: handlers, orelse: orelse)
            } else {
                try compileTryFinally(finalbody: finalbody) {
                    if handlers.isEmpty {
                        try self.compileBody(body)
                        try self.compileBody(orelse)
                    } else {
                        try self.compileTryExcept(body: body, handlers: handlers, orelse: orelse)
                    }
                }
            }
        case .assert(let test, let msg):
            if ctx.optimize > 0 { return }
            let end = newLabel()
            try compileCondJump(test, jumpIf: true, to: end)
            emit(.loadGlobal, Int(QID.AssertionError.rawValue), 1); extra(0)
            if let m = msg {
                emit(.loadNull, 0, 1)
                try compile(m)
                emit(.call, 1, -2); extra(0)
            }
            emit(.raiseVarargs, 1, -1)
            place(end)
        case .import(let names):
            for a in names {
                emit(.loadSmallInt, 0, 1)
                emit(.loadNone, 0, 1)
                emit(.importName, Int(intern(a.name)), -1)
                if let asName = a.asName {
                    let parts = a.name.split(separator: ".")
                    for p in parts.dropFirst() {
                        emit(.importFrom, Int(intern(String(p))), 1)
                        emit(.rotTwo, 0, 0)
                        emit(.popTop, 0, -1)
                    }
                    storeName(asName)
                } else {
                    storeName(String(a.name.split(separator: ".")[0]))
                }
            }
        case .importFrom(let module, let names, let level):
            emit(.loadSmallInt, level, 1)
            let fromNames = names.map { $0.name }
            emit(.loadConst, loadQstrTuple(fromNames), 1)
            emit(.importName, Int(intern(module ?? "")), -1)
            if names.count == 1 && names[0].name == "*" {
                if scope.kind != .module { throw SyntaxErrorInfo("import * not at module level", line: s.line) }
                emit(.importStar, 0, -1)
                return
            }
            for a in names {
                emit(.importFrom, Int(intern(a.name)), 1)
                storeName(a.asName ?? a.name)
            }
            emit(.popTop, 0, -1)
        case .global, .nonlocal:
            break
        }
    }

    private func isConstTrue(_ e: Expr) -> Bool {
        if case .constant(let c) = e.kind {
            switch c {
            case .true: return true
            case .int(let v): return v != 0
            default: return false
            }
        }
        return false
    }

    /// Leaves blocks above `level` for return/break/continue: pops loop iterators, ends exception
    /// handlers, runs finally bodies and __exit__ calls. With keepValue the return value on top stays.
    /// `range(stop)`, `range(start, stop)` or `range(start, stop, step)` with a non-zero integer
    /// literal step and plain positional arguments: (start or nil, stop, step).
    private func rangeLoopBounds(_ e: Expr) -> (Expr?, Expr, Int)? {
        guard case .call(let f, let args, let kws) = e.kind, kws.isEmpty, case .name("range") = f.kind,
              (1...3).contains(args.count) else { return nil }
        for a in args { if case .starred = a.kind { return nil } }
        var step = 1
        if args.count == 3 {
            switch args[2].kind {
            case .constant(.int(let v)) where v != 0 && v < 1 << 24: step = Int(v)
            case .unary(.negate, let inner):
                guard case .constant(.int(let v)) = inner.kind, v != 0, v < 1 << 24 else { return nil }
                step = -Int(v)
            default: return nil
            }
        }
        return args.count == 1 ? (nil, args[0], step) : (args[0], args[1], step)
    }

    private func unwindBlocks(to level: Int, keepValue: Bool) throws {
        var i = blocks.count - 1
        let savedBlocks = blocks
        let savedHandler = handler
        while i >= level {
            switch blocks[i] {
            case .loop(_, _, let iterSlots):
                for _ in 0..<iterSlots {
                    if keepValue { emit(.rotTwo, 0, 0) }
                    emit(.popTop, 0, -1)
                }
            case .asyncFor, .pendingValue:
                if keepValue { emit(.rotTwo, 0, 0) }
                emit(.popTop, 0, -1)
            case .handlerFrame(let extraCount, let name, let outer):
                for _ in 0..<extraCount {
                    if keepValue { emit(.rotTwo, 0, 0) }
                    emit(.popTop, 0, -1)
                }
                if keepValue { emit(.rotTwo, 0, 0) }
                setHandler(outer)
                emit(.popExcept, 0, -1)
                if let n = name {
                    emit(.loadNone, 0, 1)
                    storeName(n)
                    deleteName(n)
                }
            case .with(let isAsync, let outer):
                setHandler(outer)
                if keepValue { emit(.rotTwo, 0, 0) }
                emit(.loadNull, 0, 1)
                emit(.loadNone, 0, 1); emit(.loadNone, 0, 1); emit(.loadNone, 0, 1)
                emit(.call, 3, -4); extra(0)
                if isAsync { emit(.getAwaitable, 0, 0); emit(.loadNone, 0, 1); emit(.yieldFrom, 0, -1) }
                emit(.popTop, 0, -1)
            case .finally(let body, let outer):
                setHandler(outer)
                blocks = Array(blocks[0..<i])
                if keepValue { blocks.append(.pendingValue) }
                try compileBody(body)
                blocks = savedBlocks
            }
            i -= 1
        }
        setHandler(savedHandler)
    }

    private func compileTryExcept(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt]) throws {
        let outer = handler
        let handlerL = newLabel(), end = newLabel(), cleanup = newLabel()
        let base = depth
        setHandler(Handler(label: handlerL, depth: base))
        try compileBody(body)
        setHandler(outer)
        try compileBody(orelse)
        emitJump(.jump, end, 0)

        place(handlerL)
        depth = base + 1                       // [exc]
        emit(.pushExcInfo, 0, 1)               // [prev, exc]
        setHandler(Handler(label: cleanup, depth: base + 1))
        for (i, h) in handlers.enumerated() {
            setLine(h.line)
            let next = newLabel()
            if let t = h.type {
                emit(.dupTop, 0, 1)
                try compile(t)
                emit(.checkExcMatch, 0, -1)
                emitJump(.popJumpIfFalse, next, -1)
            } else if i != handlers.count - 1 {
                throw SyntaxErrorInfo("default 'except' must be last", line: h.line)
            }
            if let n = h.name {
                storeName(n)
            } else {
                emit(.popTop, 0, -1)
            }                                  // [prev]
            if let n = h.name {
                // the name is cleared however the clause ends
                let nameCleanup = newLabel()
                setHandler(Handler(label: nameCleanup, depth: base + 1))
                blocks.append(.handlerFrame(extra: 0, name: n, outer: outer))
                try compileBody(h.body)
                blocks.removeLast()
                setHandler(outer)
                emit(.popExcept, 0, -1)
                emit(.loadNone, 0, 1); storeName(n); deleteName(n)
                emitJump(.jump, end, 0)
                // exception inside the clause: [prev, exc2]
                place(nameCleanup)
                depth = base + 2
                emit(.loadNone, 0, 1); storeName(n); deleteName(n)
                emit(.rotTwo, 0, 0)
                emit(.popExcept, 0, -1)
                emit(.reraise, 0, -1)
                setHandler(Handler(label: cleanup, depth: base + 1))
            } else {
                blocks.append(.handlerFrame(extra: 0, name: nil, outer: outer))
                try compileBody(h.body)
                blocks.removeLast()
                setHandler(outer)
                emit(.popExcept, 0, -1)
                emitJump(.jump, end, 0)
                setHandler(Handler(label: cleanup, depth: base + 1))
            }
            place(next)
            depth = base + 2                   // [prev, exc]
        }
        emit(.reraise, 0, -1)                  // no clause matched: to cleanup
        place(cleanup)
        setHandler(outer)
        depth = base + 2                       // [prev, exc]
        emit(.rotTwo, 0, 0)
        emit(.popExcept, 0, -1)
        emit(.reraise, 0, -1)
        place(end)
        depth = base
    }

    private func compileTryFinally(finalbody: [Stmt], body: () throws -> Void) throws {
        let outer = handler
        let handlerL = newLabel(), end = newLabel(), cleanup = newLabel()
        let base = depth
        setHandler(Handler(label: handlerL, depth: base))
        blocks.append(.finally(body: finalbody, outer: outer))
        try body()
        blocks.removeLast()
        setHandler(outer)
        try compileBody(finalbody)
        emitJump(.jump, end, 0)

        place(handlerL)
        depth = base + 1                       // [exc]
        emit(.pushExcInfo, 0, 1)               // [prev, exc]
        setHandler(Handler(label: cleanup, depth: base + 1))
        blocks.append(.handlerFrame(extra: 1, name: nil, outer: outer))
        try compileBody(finalbody)
        blocks.removeLast()
        setHandler(outer)
        emit(.rotTwo, 0, 0)
        emit(.popExcept, 0, -1)
        emit(.reraise, 0, -1)
        place(cleanup)                         // [prev, exc2]
        depth = base + 2
        emit(.rotTwo, 0, 0)
        emit(.popExcept, 0, -1)
        emit(.reraise, 0, -1)
        place(end)
        depth = base
    }

    private func compileWith(_ items: ArraySlice<WithItem>, body: [Stmt], isAsync: Bool, line: Int) throws {
        guard let item = items.first else {
            try compileBody(body)
            return
        }
        let outer = handler
        let handlerL = newLabel(), end = newLabel(), cleanup = newLabel(), suppress = newLabel()
        try compile(item.context)
        if isAsync {
            emit(.beforeAsyncWith, 0, 1)           // [exit, awaitable]
            emit(.getAwaitable, 0, 0)
            emit(.loadNone, 0, 1)
            emit(.yieldFrom, 0, -1)
        } else {
            emit(.beforeWith, 0, 1)                // [exit, enter-result]
        }
        let base = depth - 1                       // exit stays below
        setHandler(Handler(label: handlerL, depth: base))
        if let t = item.target { try compileStore(t) } else { emit(.popTop, 0, -1) }
        blocks.append(.with(isAsync: isAsync, outer: outer))
        try compileWith(items.dropFirst(), body: body, isAsync: isAsync, line: line)
        blocks.removeLast()
        setHandler(outer)
        setLine(line)
        emit(.loadNull, 0, 1)
        emit(.loadNone, 0, 1); emit(.loadNone, 0, 1); emit(.loadNone, 0, 1)
        emit(.call, 3, -4); extra(0)
        if isAsync { emit(.getAwaitable, 0, 0); emit(.loadNone, 0, 1); emit(.yieldFrom, 0, -1) }
        emit(.popTop, 0, -1)
        emitJump(.jump, end, 0)

        place(handlerL)
        depth = base + 1                           // [exit, exc]
        emit(.pushExcInfo, 0, 1)                   // [exit, prev, exc]
        setHandler(Handler(label: cleanup, depth: base + 1))
        emit(.withExceptStart, 0, 1)               // [exit, prev, exc, result]
        if isAsync { emit(.getAwaitable, 0, 0); emit(.loadNone, 0, 1); emit(.yieldFrom, 0, -1) }
        emitJump(.popJumpIfTrue, suppress, -1)
        emit(.reraise, 0, -1)
        place(suppress)
        depth = base + 2                           // [exit, prev, exc]
        setHandler(outer)
        emit(.popTop, 0, -1)                       // [exit, prev]
        emit(.popExcept, 0, -1)                    // [exit]
        emit(.popTop, 0, -1)
        emitJump(.jump, end, 0)
        place(cleanup)                             // [exit, prev, exc2]
        depth = base + 2
        emit(.rotTwo, 0, 0)
        emit(.popExcept, 0, -1)
        emit(.reraise, 0, -1)
        place(end)
        depth = base - 1
    }

    private func compileAsyncFor(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt]) throws {
        let outer = handler
        let top = newLabel(), endFor = newLabel(), end = newLabel()
        try compile(iter)
        emit(.getAiter, 0, 0)
        let base = depth                          // [aiter]
        place(top)
        setHandler(Handler(label: endFor, depth: base))
        emit(.getAnext, 0, 1)
        emit(.loadNone, 0, 1)
        emit(.yieldFrom, 0, -1)
        setHandler(outer)
        try compileStore(target)
        blocks.append(.loop(breakLabel: end, continueLabel: top, iterSlots: 1))
        try compileBody(body)
        blocks.removeLast()
        emitJump(.jump, top, 0)
        place(endFor)
        depth = base + 1                          // [aiter, exc]
        emit(.endAsyncFor, 0, -2)
        try compileBody(orelse)
        place(end)
        depth = base - 1
    }

    // MARK: stores and deletes

    func compileStore(_ t: Expr) throws {
        switch t.kind {
        case .name(let n): storeName(n)
        case .attribute(let o, let attr):
            try compile(o)
            emit(.storeAttr, Int(intern(attr)), -2); extra(0)
        case .subscript(let o, let idx):
            try compile(o)
            try compileIndex(idx)
            emit(.storeSubscr, 0, -3)
        case .tuple(let items), .list(let items):
            if let star = items.firstIndex(where: { if case .starred = $0.kind { return true }; return false }) {
                let before = star, after = items.count - star - 1
                if items.dropFirst(star + 1).contains(where: { if case .starred = $0.kind { return true }; return false }) {
                    throw SyntaxErrorInfo("multiple *x in assignment", line: t.line)
                }
                emit(.unpackEx, before | after << 8, before + after)
            } else {
                emit(.unpackSequence, items.count, items.count - 1)
            }
            for it in items {
                if case .starred(let inner) = it.kind { try compileStore(inner) } else { try compileStore(it) }
            }
        case .starred:
            throw SyntaxErrorInfo("starred assignment target must be in a list or tuple", line: t.line)
        default:
            throw SyntaxErrorInfo("can't assign to expression", line: t.line)
        }
    }

    private func compileDelete(_ t: Expr) throws {
        switch t.kind {
        case .name(let n): deleteName(n)
        case .attribute(let o, let attr):
            try compile(o)
            emit(.deleteAttr, Int(intern(attr)), -1); extra(0)
        case .subscript(let o, let idx):
            try compile(o)
            try compileIndex(idx)
            emit(.deleteSubscr, 0, -2)
        case .tuple(let items), .list(let items):
            for i in items { try compileDelete(i) }
        default:
            throw SyntaxErrorInfo("can't delete expression", line: t.line)
        }
    }

    private func compileIndex(_ idx: Expr) throws {
        if case .slice(let a, let b, let c) = idx.kind {
            if let a = a { try compile(a) } else { emit(.loadNone, 0, 1) }
            if let b = b { try compile(b) } else { emit(.loadNone, 0, 1) }
            if let c = c {
                try compile(c)
                emit(.buildSlice, 3, -2)
            } else {
                emit(.buildSlice, 2, -1)
            }
        } else {
            try compile(idx)
        }
    }

    // MARK: functions and classes

    /// Runs `body`, naming this code unit in a SyntaxError that has no scope yet (py/compile.c
    /// adds the scope's name to the traceback of the compiler's errors).
    func naming<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var e as SyntaxErrorInfo {
            if e.scope == nil { e.scope = unit.name }
            throw e
        }
    }

    private func childCodeGen(_ node: AnyObject, name: String) -> (CodeGen, Scope) {
        let s = symtable.scopes[ObjectIdentifier(node)]!
        let u = CodeUnit(name: name, filename: unit.filename)
        let g = CodeGen(unit: u, scope: s, ctx: CompileContext(filename: ctx.filename, mode: .file, optimize: ctx.optimize,
                                                              namesAtModuleLevel: ctx.namesAtModuleLevel),
                        symtable: symtable, moduleConsts: moduleConsts)
        return (g, s)
    }

    /// Pushes the closure tuple for a child scope, if it has free variables.
    private func emitClosure(_ child: Scope) -> Bool {
        if child.freeNames.isEmpty { return false }
        for n in child.freeNames {
            switch scope.binding(n) {
            case .cell(let s), .free(let s), .classDeref(let s): emit(.loadClosure, s, 1)
            case .local(let s): emit(.loadClosure, s, 1)
            default:
                if let s = scope.slots[n] { emit(.loadClosure, s, 1) } else { emit(.loadNone, 0, 1) }
            }
        }
        emit(.buildTuple, child.freeNames.count, 1 - child.freeNames.count)
        return true
    }

    private func compileFunction(node: AnyObject, name: String, args: Arguments, body: [Stmt]?, lambdaBody: Expr?, isAsync: Bool, line: Int) throws {
        var flags: UInt32 = 0
        if !args.defaults.isEmpty {
            for d in args.defaults { try compile(d) }
            emit(.buildTuple, args.defaults.count, 1 - args.defaults.count)
            flags |= MakeFunctionFlag.defaults
        }
        let kwd = zip(args.kwonly, args.kwDefaults).filter { $0.1 != nil }
        if !kwd.isEmpty {
            for (a, d) in kwd {
                emit(.loadQstr, Int(intern(a.name)), 1)
                try compile(d!)
            }
            emit(.buildMap, kwd.count, 1 - 2 * kwd.count)
            flags |= MakeFunctionFlag.kwDefaults
        }
        let (g, s) = childCodeGen(node, name: name)
        if emitClosure(s) { flags |= MakeFunctionFlag.closure }
        let u = g.unit
        u.firstLine = line
        u.argcount = args.posonly.count + args.args.count
        u.posonly = args.posonly.count
        u.kwonly = args.kwonly.count
        if args.vararg != nil { u.flags |= CodeFlag.varargs }
        if args.kwarg != nil { u.flags |= CodeFlag.varkw }
        if s.isGenerator { u.flags |= CodeFlag.generator }
        if isAsync { u.flags |= CodeFlag.coroutine }
        if isAsync && s.isGenerator { u.flags |= CodeFlag.asyncGenerator }
        g.setLine(line)
        if let body = body {
            try g.naming { try g.compileBody(body) }
            g.setLine(body.last.map { lastLine(of: $0) } ?? line)
            g.emit(.loadNone, 0, 1)
            g.emit(.returnValue, 0, -1)
        } else if let e = lambdaBody {
            try g.naming { try g.compile(e) }
            if s.isGenerator { g.emit(.popTop, 0, -1); g.emit(.loadNone, 0, 1) }
            g.emit(.returnValue, 0, -1)
        }
        g.finish()
        let ci = constIndex(.code(u), key: nil)
        emit(.makeFunction, ci, 1 - flagCount(flags))
        extra(flags)
    }

    private func lastLine(of s: Stmt) -> Int { s.line }

    private func flagCount(_ f: UInt32) -> Int {
        (f & 1 != 0 ? 1 : 0) + (f & 2 != 0 ? 1 : 0) + (f & 4 != 0 ? 1 : 0)
    }

    private func compileClass(node: Stmt, name: String, bases: [Expr], keywords: [Keyword], body: [Stmt]) throws {
        emit(.loadBuildClass, 0, 1)
        emit(.loadNull, 0, 1)
        let (g, s) = childCodeGen(node, name: name)
        var flags: UInt32 = 0
        if emitClosure(s) { flags |= MakeFunctionFlag.closure }
        let u = g.unit
        u.flags |= CodeFlag.classBody
        u.firstLine = node.line
        g.setLine(node.line)
        // __module__ and __qualname__ as CPython sets them
        g.emit(.loadGlobal, Int(QID.__name__.rawValue), 1); g.extra(0)
        g.emit(.storeName, Int(QID.__module__.rawValue), -1)
        g.emit(.loadQstr, Int(intern(name)), 1)
        g.emit(.storeName, Int(QID.__qualname__.rawValue), -1)
        try g.naming { try g.compileBody(body) }
        if s.needsClassCell {
            g.emit(.loadClosure, s.slots["__class__"]!, 1)
        } else {
            g.emit(.loadNone, 0, 1)
        }
        g.emit(.returnValue, 0, -1)
        g.finish()
        let ci = constIndex(.code(u), key: nil)
        emit(.makeFunction, ci, 1 - flagCount(flags))
        extra(flags)
        emit(.loadQstr, Int(intern(name)), 1)
        try compileCallArgs(args: bases, keywords: keywords, preArgs: 2, line: node.line)
    }

    // MARK: expressions

    func compile(_ e: Expr) throws {
        switch e.kind {
        case .name(let n):
            try loadName(n, line: e.line)
        case .constant(let c):
            try loadConstant(c)
        case .joinedStr(let parts):
            if parts.isEmpty { emit(.loadQstr, Int(QID._empty.rawValue), 1); return }
            for p in parts { try compile(p) }
            if parts.count > 1 || !isStrConstant(parts[0]) { emit(.buildString, parts.count, 1 - parts.count) }
        case .formatted(let value, let conversion, let spec):
            try compile(value)
            var flags = Int(conversion)
            if let sp = spec { try compile(sp); flags |= 0x100 }
            emit(.formatValue, flags, spec == nil ? 0 : -1)
        case .tuple(let items):
            if let c = constantTuple(items) {
                _ = c
            }
            try compileSequence(items, build: .buildTuple)
        case .list(let items):
            try compileSequence(items, build: .buildList)
        case .set(let items):
            try compileSequence(items, build: .buildSet)
        case .dict(let keys, let values):
            let hasSplat = keys.contains { $0 == nil }
            if !hasSplat && keys.count <= CodeGen.maxDisplayOnStack {
                for (k, v) in zip(keys, values) { try compile(k!); try compile(v) }
                emit(.buildMap, keys.count, 1 - 2 * keys.count)
            } else {
                emit(.buildMap, 0, 1)
                for (k, v) in zip(keys, values) {
                    if let k = k {
                        try compile(k); try compile(v)
                        emit(.mapAdd, 1, -2)
                    } else {
                        try compile(v)
                        emit(.dictUpdate, 1, -1)
                    }
                }
            }
        case .starred:
            throw SyntaxErrorInfo("can't use starred expression here", line: e.line)
        case .attribute(let o, let attr):
            try compile(o)
            emit(.loadAttr, Int(intern(attr)), 0); extra(0)
        case .subscript(let o, let idx):
            try compile(o)
            try compileIndex(idx)
            emit(.loadSubscr, 0, -1)
        case .slice:
            try compileIndex(e)
        case .call(let f, let args, let keywords):
            try compileCall(e, f, args, keywords)
        case .unary(let op, let v):
            if let c = foldUnary(op, v) { try loadConstant(c); return }
            try compile(v)
            switch op {
            case .not: emit(.not, 0, 0)
            case .negate: emit(.unaryOp, Int(UnaryOpCode.neg.rawValue), 0)
            case .plus: emit(.unaryOp, Int(UnaryOpCode.pos.rawValue), 0)
            case .invert: emit(.unaryOp, Int(UnaryOpCode.invert.rawValue), 0)
            }
        case .binary(let a, let op, let b):
            if let c = foldBinary(a, op, b) { try loadConstant(c); return }
            try compile(a)
            try compile(b)
            emit(.binaryOp, Int(binOpCode(op).rawValue), -1)
        case .boolOp(let op, let values):
            let end = newLabel()
            for (i, v) in values.enumerated() {
                try compile(v)
                if i < values.count - 1 {
                    emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, end, -1)
                }
            }
            place(end)
        case .compare(let left, let ops, let rights):
            try compile(left)
            if ops.count == 1 {
                try compile(rights[0])
                emitCompare(ops[0])
                return
            }
            let cleanup = newLabel(), end = newLabel()
            for (i, (op, r)) in zip(ops, rights).enumerated() {
                try compile(r)
                if i < ops.count - 1 {
                    emit(.dupTop, 0, 1)
                    emit(.rotThree, 0, 0)
                    emitCompare(op)
                    emitJump(.jumpIfFalseOrPop, cleanup, -1)
                } else {
                    emitCompare(op)
                }
            }
            emitJump(.jump, end, 0)
            place(cleanup)
            adjust(1)
            emit(.rotTwo, 0, 0)
            emit(.popTop, 0, -1)
            place(end)
        case .ifExp(let test, let body, let orelse):
            let elseL = newLabel(), end = newLabel()
            try compileCondJump(test, jumpIf: false, to: elseL)
            try compile(body)
            emitJump(.jump, end, 0)
            adjust(-1)
            place(elseL)
            try compile(orelse)
            place(end)
        case .lambda(let args, let body):
            try compileFunction(node: e, name: "<lambda>", args: args, body: nil, lambdaBody: body, isAsync: false, line: e.line)
        case .namedExpr(let target, let value):
            try compile(value)
            emit(.dupTop, 0, 1)
            storeName(target)
        case .listComp(let elt, let gens):
            try compileComprehension(e, gens: gens, name: "<listcomp>", kind: 0, elts: [elt])
        case .setComp(let elt, let gens):
            try compileComprehension(e, gens: gens, name: "<setcomp>", kind: 1, elts: [elt])
        case .dictComp(let k, let v, let gens):
            try compileComprehension(e, gens: gens, name: "<dictcomp>", kind: 2, elts: [k, v])
        case .generatorExp(let elt, let gens):
            try compileComprehension(e, gens: gens, name: "<genexpr>", kind: 3, elts: [elt])
        case .await(let v):
            guard scope.isFunctionLike else { throw SyntaxErrorInfo("'await' outside function", line: e.line) }
            try compile(v)
            emit(.getAwaitable, 0, 0)
            emit(.loadNone, 0, 1)
            emit(.yieldFrom, 0, -1)
        case .yield(let v):
            guard scope.isFunctionLike else { throw SyntaxErrorInfo("'yield' outside function", line: e.line) }
            if let v = v { try compile(v) } else { emit(.loadNone, 0, 1) }
            emit(.yieldValue, 0, 0)
        case .yieldFrom(let v):
            guard scope.isFunctionLike else { throw SyntaxErrorInfo("'yield' outside function", line: e.line) }
            try compile(v)
            emit(.getYieldFromIter, 0, 0)
            emit(.loadNone, 0, 1)
            emit(.yieldFrom, 0, -1)
        }
    }

    private func isStrConstant(_ e: Expr) -> Bool {
        if case .constant(.str) = e.kind { return true }
        return false
    }

    private func constantTuple(_ items: [Expr]) -> [Constant]? { nil }

    private func emitCompare(_ op: CmpOp) {
        switch op {
        case .eq: emit(.compareOp, Int(CmpOpCode.eq.rawValue), -1)
        case .ne: emit(.compareOp, Int(CmpOpCode.ne.rawValue), -1)
        case .lt: emit(.compareOp, Int(CmpOpCode.lt.rawValue), -1)
        case .le: emit(.compareOp, Int(CmpOpCode.le.rawValue), -1)
        case .gt: emit(.compareOp, Int(CmpOpCode.gt.rawValue), -1)
        case .ge: emit(.compareOp, Int(CmpOpCode.ge.rawValue), -1)
        case .is: emit(.isOp, 0, -1)
        case .isNot: emit(.isOp, 1, -1)
        case .in: emit(.containsOp, 0, -1)
        case .notIn: emit(.containsOp, 1, -1)
        }
    }

    /// Evaluates a condition and jumps when its truth equals `jumpIf`, short-circuiting and/or/not.
    private func compileCondJump(_ e: Expr, jumpIf: Bool, to label: Int) throws {
        switch e.kind {
        case .unary(.not, let v):
            try compileCondJump(v, jumpIf: !jumpIf, to: label)
            return
        case .boolOp(let op, let values):
            let isAnd = op == .and
            if isAnd != jumpIf {
                // and + jump-if-false (or or + jump-if-true): any operand decides
                for v in values { try compileCondJump(v, jumpIf: jumpIf, to: label) }
            } else {
                let skip = newLabel()
                for v in values.dropLast() { try compileCondJump(v, jumpIf: !jumpIf, to: skip) }
                try compileCondJump(values.last!, jumpIf: jumpIf, to: label)
                place(skip)
            }
            return
        default:
            break
        }
        try compile(e)
        emitJump(jumpIf ? .popJumpIfTrue : .popJumpIfFalse, label, -1)
    }

    /// Displays with more items than this are built incrementally (list/set/map add per item).
    static let maxDisplayOnStack = 1024

    private func compileSequence(_ items: [Expr], build: Op) throws {
        let hasStar = items.contains { if case .starred = $0.kind { return true }; return false }
        // long displays are built item by item so the value stack stays small
        if !hasStar && items.count <= CodeGen.maxDisplayOnStack {
            for i in items { try compile(i) }
            emit(build, items.count, 1 - items.count)
            return
        }
        let isSet = build == .buildSet
        emit(isSet ? .buildSet : .buildList, 0, 1)
        for i in items {
            if case .starred(let inner) = i.kind {
                try compile(inner)
                emit(isSet ? .setUpdate : .listExtend, 1, -1)
            } else {
                try compile(i)
                emit(isSet ? .setAdd : .listAppend, 1, -1)
            }
        }
        if build == .buildTuple { emit(.listToTuple, 0, 0) }
    }

    private func compileCall(_ e: Expr, _ f: Expr, _ args: [Expr], _ keywords: [Keyword]) throws {
        let simple = !args.contains { if case .starred = $0.kind { return true }; return false } && !keywords.contains { $0.name == nil }
        // zero-argument super(): pass __class__ and the first argument
        if case .name("super") = f.kind, args.isEmpty, keywords.isEmpty, scope.isFunctionLike,
           scope.slots["__class__"] != nil, let first = scope.params.first {
            try loadName("super", line: e.line)
            emit(.loadNull, 0, 1)
            try loadName("__class__", line: e.line)
            try loadName(first, line: e.line)
            emit(.call, 2, -3); extra(0)
            return
        }
        if simple, case .attribute(let obj, let attr) = f.kind {
            try compile(obj)
            emit(.loadMethod, Int(intern(attr)), 1); extra(0)
            setLine(e.line)
            try compileCallArgs(args: args, keywords: keywords, preArgs: 0, line: e.line)
            return
        }
        try compile(f)
        emit(.loadNull, 0, 1)
        try compileCallArgs(args: args, keywords: keywords, preArgs: 0, line: e.line)
    }

    /// Arguments and the call itself; [callable, self-or-null, preArgs...] are already on the stack.
    private func compileCallArgs(args: [Expr], keywords: [Keyword], preArgs: Int, line: Int) throws {
        let simple = !args.contains { if case .starred = $0.kind { return true }; return false } && !keywords.contains { $0.name == nil }
        if simple {
            for a in args { try compile(a) }
            var names: [String] = []
            for k in keywords {
                if names.contains(k.name!) { throw SyntaxErrorInfo("keyword argument repeated", line: line) }
                try compile(k.value)
                names.append(k.name!)
            }
            let npos = args.count + preArgs
            setLine(line)
            if names.isEmpty {
                emit(.call, npos, -(npos + names.count + 1)); extra(0)
            } else {
                emit(.call, npos | names.count << 8, -(npos + names.count + 1))
                extra(UInt32(loadQstrTuple(names)))
            }
            return
        }
        // general form: a positional tuple and a keyword dict
        emit(.buildList, preArgs, 1 - preArgs)
        for a in args {
            if case .starred(let inner) = a.kind {
                try compile(inner)
                emit(.listExtend, 1, -1)
            } else {
                try compile(a)
                emit(.listAppend, 1, -1)
            }
        }
        emit(.listToTuple, 0, 0)
        var hasKw = false
        if !keywords.isEmpty {
            hasKw = true
            emit(.buildMap, 0, 1)
            for k in keywords {
                if let n = k.name {
                    emit(.loadQstr, Int(intern(n)), 1)
                    try compile(k.value)
                    emit(.mapAdd, 1, -2)
                } else {
                    try compile(k.value)
                    emit(.dictMerge, 1, -1)
                }
            }
        }
        setLine(line)
        emit(.callEx, hasKw ? 1 : 0, hasKw ? -3 : -2)
    }

    /// kind: 0 list, 1 set, 2 dict, 3 generator.
    private func compileComprehension(_ node: Expr, gens: [Comprehension], name: String, kind: Int, elts: [Expr]) throws {
        let (g, s) = childCodeGen(node, name: name)
        var flags: UInt32 = 0
        if emitClosure(s) { flags |= MakeFunctionFlag.closure }
        let u = g.unit
        u.argcount = 1
        u.firstLine = node.line
        if kind == 3 { u.flags |= CodeFlag.generator }
        if s.isCoroutine && kind == 3 { u.flags |= CodeFlag.coroutine | CodeFlag.asyncGenerator }
        else if s.isCoroutine { u.flags |= CodeFlag.coroutine }
        g.setLine(node.line)
        if kind == 0 { g.emit(.buildList, 0, 1) } else if kind == 1 { g.emit(.buildSet, 0, 1) } else if kind == 2 { g.emit(.buildMap, 0, 1) }
        try g.naming { try g.compileComprehensionLoop(gens, index: 0, kind: kind, elts: elts, containerDepth: kind == 3 ? 0 : 1) }
        if kind == 3 { g.emit(.loadNone, 0, 1) }
        g.emit(.returnValue, 0, -1)
        g.finish()
        let ci = constIndex(.code(u), key: nil)
        emit(.makeFunction, ci, 1 - flagCount(flags))
        extra(flags)
        emit(.loadNull, 0, 1)
        try compile(gens[0].iter)
        if gens[0].isAsync { emit(.getAiter, 0, 0) } else { emit(.getIter, 0, 0) }
        emit(.call, 1, -2); extra(0)
        if s.isCoroutine && kind != 3 {
            emit(.getAwaitable, 0, 0)
            emit(.loadNone, 0, 1)
            emit(.yieldFrom, 0, -1)
        }
    }

    fileprivate func compileComprehensionLoop(_ gens: [Comprehension], index: Int, kind: Int, elts: [Expr], containerDepth: Int) throws {
        let gen = gens[index]
        let top = newLabel(), end = newLabel()
        if index == 0 {
            emit(.loadFast, 0, 1)
        } else {
            try compile(gen.iter)
            if gen.isAsync { emit(.getAiter, 0, 0) } else { emit(.getIter, 0, 0) }
        }
        let outer = handler
        place(top)
        let endAsync = newLabel()
        if gen.isAsync {
            setHandler(Handler(label: endAsync, depth: depth))
            emit(.getAnext, 0, 1)
            emit(.loadNone, 0, 1)
            emit(.yieldFrom, 0, -1)
            setHandler(outer)
        } else {
            emitJump(.forIter, end, 1)
        }
        try compileStore(gen.target)
        // a failed filter goes on through the loop's backward `jump` (not straight to the top),
        // so a loop whose filter is never true still reaches the tick that sees Ctrl-C
        let next = newLabel()
        for cond in gen.ifs { try compileCondJump(cond, jumpIf: false, to: next) }
        if index + 1 < gens.count {
            try compileComprehensionLoop(gens, index: index + 1, kind: kind, elts: elts, containerDepth: containerDepth + 1)
        } else {
            let d = gens.count + 1
            switch kind {
            case 0: try compile(elts[0]); emit(.listAppend, d, -1)
            case 1: try compile(elts[0]); emit(.setAdd, d, -1)
            case 2: try compile(elts[0]); try compile(elts[1]); emit(.mapAdd, d, -2)
            default:
                try compile(elts[0])
                emit(.yieldValue, 0, 0)
                emit(.popTop, 0, -1)
            }
        }
        place(next)
        emitJump(.jump, top, 0)
        if gen.isAsync {
            place(endAsync)
            adjust(1)
            emit(.endAsyncFor, 0, -2)
        } else {
            place(end)
            adjust(-1)
        }
    }

    // MARK: constant folding

    private func constantValue(_ e: Expr) -> Constant? {
        switch e.kind {
        case .constant(let c): return c
        case .unary(let op, let v): return foldUnary(op, v)
        case .binary(let a, let op, let b): return foldBinary(a, op, b)
        case .name(let n): return moduleConsts[n]
        default: return nil
        }
    }

    private func intConst(_ e: Expr) -> Int64? {
        if let c = constantValue(e), case .int(let v) = c { return v }
        return nil
    }

    private func foldUnary(_ op: UnaryOp, _ v: Expr) -> Constant? {
        guard let c = constantValue(v) else { return nil }
        switch (op, c) {
        case (.negate, .int(let i)) where i != Int64.min: return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.plus, .int), (.plus, .float): return c
        case (.invert, .int(let i)): return .int(~i)
        default: return nil
        }
    }

    private func foldBinary(_ a: Expr, _ op: BinOp, _ b: Expr) -> Constant? {
        guard let x = intConst(a), let y = intConst(b) else { return nil }
        let limit: Int64 = 1 << 30
        func ok(_ r: (Int64, Bool)) -> Constant? { r.1 || r.0 >= limit || r.0 < -limit ? nil : .int(r.0) }
        switch op {
        case .add: return ok(x.addingReportingOverflow(y))
        case .sub: return ok(x.subtractingReportingOverflow(y))
        case .mul: return ok(x.multipliedReportingOverflow(by: y))
        case .floordiv:
            if y == 0 { return nil }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return .int(q)
        case .mod:
            if y == 0 { return nil }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return .int(r)
        case .pow:
            if y < 0 || y > 62 { return nil }
            var r: Int64 = 1
            for _ in 0..<y {
                let m = r.multipliedReportingOverflow(by: x)
                if m.overflow || m.partialValue >= limit || m.partialValue < -limit { return nil }
                r = m.partialValue
            }
            return .int(r)
        case .lshift:
            if y < 0 || y > 31 { return nil }
            return ok(x.multipliedReportingOverflow(by: Int64(1) << y))
        case .rshift:
            if y < 0 { return nil }
            return .int(x >> min(y, 63))
        case .bitand: return .int(x & y)
        case .bitor: return .int(x | y)
        case .bitxor: return .int(x ^ y)
        default: return nil
        }
    }
}

extension Scope.Binding {
    var isGlobalLike: Bool {
        switch self {
        case .global, .name: return true
        default: return false
        }
    }
}

func binOpCode(_ op: BinOp) -> BinOpCode {
    switch op {
    case .add: return .add
    case .sub: return .sub
    case .mul: return .mul
    case .matmul: return .matmul
    case .truediv: return .truediv
    case .floordiv: return .floordiv
    case .mod: return .mod
    case .pow: return .pow
    case .lshift: return .lshift
    case .rshift: return .rshift
    case .bitand: return .and
    case .bitor: return .or
    case .bitxor: return .xor
    }
}

/// Compiles a parsed module (or REPL input / eval expression) to a CodeUnit tree.
func compileAST(_ body: [Stmt], ctx: CompileContext) throws -> CodeUnit {
    let st = SymtableBuilder()
    let root = try st.build(body)
    root.usesNameOps = ctx.namesAtModuleLevel
    let u = CodeUnit(name: "<module>", filename: ctx.filename)
    u.flags |= CodeFlag.module
    let g = CodeGen(unit: u, scope: root, ctx: ctx, symtable: st, moduleConsts: [:])
    if ctx.mode == .eval, body.count == 1, case .expr(let e) = body[0].kind {
        g.setLine(body[0].line)
        try g.naming { try g.compile(e) }
        g.emit(.returnValue, 0, -1)
    } else {
        try g.naming { try g.compileBody(body) }
        g.emit(.loadNone, 0, 1)
        g.emit(.returnValue, 0, -1)
    }
    g.finish()
    return u
}
