import Glibc

// The builtins module: functions, and the constructors of the small builtin types
// (enumerate, zip, map, filter, reversed, range, slice, property, staticmethod, classmethod, super).

nonisolated(unsafe) var builtinBuildClass = Obj.null
nonisolated(unsafe) var objectInit = Obj.null
nonisolated(unsafe) var objectNew = Obj.null
nonisolated(unsafe) var objectSetattr = Obj.null
nonisolated(unsafe) var objectDelattr = Obj.null
nonisolated(unsafe) var objectRepr = Obj.null
nonisolated(unsafe) var objectStr = Obj.null
nonisolated(unsafe) var objectHash = Obj.null

/// Where print() and the REPL write; the board layer replaces these with its UART.
nonisolated(unsafe) var stdoutWrite: ([UInt8]) -> Void = { b in writeFD(1, b) }
nonisolated(unsafe) var stderrWrite: ([UInt8]) -> Void = { b in writeFD(2, b) }
/// May throw (KeyboardInterrupt when Ctrl-C arrives while a REPL console waits for a line).
nonisolated(unsafe) var stdinReadLine: () throws -> [UInt8]? = { readLineFD(0) }

func writeFD(_ fd: Int32, _ b: [UInt8]) {
    b.withUnsafeBytes { p in
        var off = 0
        while off < p.count {
            let r = write(fd, p.baseAddress! + off, p.count - off)
            if r <= 0 { if r < 0 && errno == EINTR { continue }; return }
            off += r
        }
    }
}

func readLineFD(_ fd: Int32) -> [UInt8]? {
    var line: [UInt8]? = nil
    allowThreads { line = readLineFDBlocking(fd) }
    return line
}

private func readLineFDBlocking(_ fd: Int32) -> [UInt8]? {
    var out: [UInt8] = []
    var c: UInt8 = 0
    while true {
        let r = read(fd, &c, 1)
        if r < 0 && errno == EINTR { continue }
        if r <= 0 { return out.isEmpty ? nil : out }
        if c == 10 { return out }
        out.append(c)
    }
}

/// The frame running now (for globals(), locals(), eval and exec without namespaces).
nonisolated(unsafe) var currentFrame: UnsafeMutablePointer<Obj>? = nil

enum Builtins {
    static let functions: [NativeSpec] = [
        fn("__build_class__", 2, NativeSpec.varArgs, kw: true) { a throws in try buildClass(a) },
        fn("__import__", 1, 5) { a throws in
            guard isStr(a[0]) else { throw typeError("__import__() argument 1 must be str, not \(typeName(a[0]))") }
            if a.count > 1 && a[1] != .none && !a[1].isType(.dict) { throw typeError("globals must be a dict") }
            let fromlist = a.count > 3 ? a[3] : Obj.none
            let level = a.count > 4 ? try intToInt(a[4]) : 0
            let globals = a.count > 1 && a[1] != .none ? a[1] : (currentFrame?[FrameWord.globals] ?? getRoot(.builtinsDict))
            return try importName(internStr(a[0]), fromlist: fromlist, level: level, globals: globals)
        },
        fn("abs", 1) { a throws in try builtinAbs(a[0]) },
        fn("all", 1) { a throws in
            let it = try getIter(a[0]); let keep = pushRoot(it); defer { popRoots(to: keep) }
            while true { let v = try iterNext(it); if v == .stopIteration { return .true }; if try !pyTruthy(v) { return .false } }
        },
        fn("any", 1) { a throws in
            let it = try getIter(a[0]); let keep = pushRoot(it); defer { popRoots(to: keep) }
            while true { let v = try iterNext(it); if v == .stopIteration { return .false }; if try pyTruthy(v) { return .true } }
        },
        fn("bin", 1) { a throws in try intWithPrefix(a[0], base: 2, prefix: "0b") },
        fn("oct", 1) { a throws in try intWithPrefix(a[0], base: 8, prefix: "0o") },
        fn("hex", 1) { a throws in try intWithPrefix(a[0], base: 16, prefix: "0x") },
        fn("callable", 1) { a throws in .bool(isCallable(a[0])) },
        fn("chr", 1) { a throws in
            let c = try intToInt(a[0])
            guard c >= 0 && c <= 0x10FFFF, let u = Unicode.Scalar(UInt32(c)) else { throw valueError("chr() arg not in range(0x110000)") }
            return try newStr(Array(String(Character(u)).utf8))
        },
        fn("compile", 3, 6) { a throws in
            let src = a[0]
            guard isStr(src) || isBytesLike(src) else { throw typeError("compile() arg 1 must be a string") }
            let mode = swiftString(try strArg(a[2]))
            _ = try strArg(a[1])
            let m: CompileMode = mode == "eval" ? .eval : (mode == "single" ? .single : .file)
            return try compileSource(Array(strBytes(src)), filename: swiftString(a[1]), mode: m, namesAtModuleLevel: true)
        },
        fn("delattr", 2) { a throws in try deleteAttr(a[0], internStr(try strArg(a[1]))); return .none },
        fn("dir", 0, 1) { a throws in try builtinDir(a.count > 0 ? a[0] : nil) },
        fn("divmod", 2) { a throws in
            let q = try binaryOp(.floordiv, a[0], a[1])
            let keep = pushRoot(q); defer { popRoots(to: keep) }
            let r = try binaryOp(.mod, a[0], a[1])
            return try newTuple([q, r])
        },
        fn("eval", 1, 3) { a throws in try evalOrExec(a, mode: .eval) },
        fn("exec", 1, 3) { a throws in _ = try evalOrExec(a, mode: .file); return .none },
        fn("execfile", 1, 2) { a throws in
            let path = swiftString(try strArg(a[0]))
            guard let src = readFileBytes(path) else { throw osError(2) }
            let code = try compileSource(src, filename: path, mode: .file)
            let g = a.count > 1 ? a[1] : (currentFrame?[FrameWord.globals] ?? getRoot(.builtinsDict))
            _ = try runCode(code, globals: g)
            return .none
        },
        fn("getattr", 2, 3) { a throws in
            let name = internStr(try strArg(a[1]))
            if a.count > 2 {
                do { return try loadAttrOpt(a[0], name) ?? a[2] } catch {
                    if isInstance(error.exc, .AttributeError) { return a[2] }
                    throw error
                }
            }
            return try loadAttr(a[0], name)
        },
        fn("globals", 0) { _ throws in currentFrame?[FrameWord.globals] ?? .none },
        fn("locals", 0) { _ throws in try builtinLocals() },
        fn("hasattr", 2) { a throws in
            do { return .bool(try loadAttrOpt(a[0], internStr(try strArg(a[1]))) != nil) } catch {
                if isInstance(error.exc, .AttributeError) { return .false }
                throw error
            }
        },
        fn("hash", 1) { a throws in try newInt(try pyHash(a[0])) },
        fn("help", 0, 1) { a throws in try builtinHelp(a.count > 0 ? a[0] : nil); return .none },
        fn("id", 1) { a throws in try newInt(Int(a[0].raw)) },
        fn("input", 0, 1) { a throws in
            if a.count > 0 { var b: [UInt8] = []; try appendStr(a[0], &b); emitStdout(b) }
            guard let line = try readStdinLine() else { throw pyErr(.EOFError) }
            return try newStr(line)
        },
        fn("isinstance", 2) { a throws in .bool(try isInstanceCheck(a[0], a[1])) },
        fn("issubclass", 2) { a throws in
            guard isTypeObj(a[0]) else { throw typeError("issubclass() arg 1 must be a class") }
            return .bool(try isSubclassCheck(a[0], a[1]))
        },
        fn("iter", 1, 2) { a throws in
            if a.count == 2 {
                let it = try allocObj(TypeID.callableIterator.addr, words: 3)
                it.setO(1, a[0]); it.setO(2, a[1])
                return it
            }
            return try getIter(a[0])
        },
        fn("len", 1) { a throws in try newInt(try pyLen(a[0])) },
        fn("max", 1, NativeSpec.varArgs, kw: true) { a throws in try minMax(a, wantMax: true) },
        fn("min", 1, NativeSpec.varArgs, kw: true) { a throws in try minMax(a, wantMax: false) },
        fn("next", 1, 2) { a throws in
            let v = try iterNext(a[0])
            if v == .stopIteration {
                if a.count > 1 { return a[1] }
                let sv = stopIterationValue()
                throw PyErr(try newException(TypeID.StopIteration.obj, args: sv == .none ? getRoot(.emptyTuple) : try newTuple([sv])))
            }
            return v
        },
        fn("open", 1, 2, kw: true) { a throws in try ObjFile.open(a) },
        fn("ord", 1) { a throws in
            let s = a[0]
            if isStr(s) {
                let b = strBytes(s)
                guard b.count > 0, utf8CharLen(b[0]) == b.count || charCount(b) == 1 else {
                    throw typeError("ord() expected a character, but string of length \(charCount(b)) found")
                }
                return Obj(small: Int(decodeScalar(b, 0)))
            }
            if isBytesLike(s) {
                let b = strBytes(s)
                guard b.count == 1 else { throw typeError("ord() expected a character, but string of length \(b.count) found") }
                return Obj(small: Int(b[0]))
            }
            throw typeError("ord() expected string of length 1, but \(typeName(s)) found")
        },
        fn("pow", 2, 3) { a throws in
            if a.count == 3 && a[2] != .none { return try intPowMod(a[0], a[1], a[2]) }
            return try binaryOp(.pow, a[0], a[1])
        },
        fn("print", 0, NativeSpec.varArgs, kw: true) { a throws in try builtinPrint(a); return .none },
        fn("repr", 1) { a throws in try pyRepr(a[0]) },
        fn("round", 1, 2) { a throws in try builtinRound(a[0], a.count > 1 ? a[1] : .none) },
        fn("setattr", 3) { a throws in try storeAttr(a[0], internStr(try strArg(a[1])), a[2]); return .none },
        fn("sorted", 1, 1, kw: true) { a throws in
            let l = try iterateToList(a[0])
            let keep = pushRoot(l); defer { popRoots(to: keep) }
            let rev = try a.kw("reverse").map { x throws in try pyTruthy(x) } ?? false
            try sortList(l, key: a.kw(.key) ?? .none, reverse: rev)
            return l
        },
        fn("sum", 1, 2) { a throws in
            var acc = a.count > 1 ? a[1] : Obj(small: 0)
            let it = try getIter(a[0])
            let mark = pushRoot(it); defer { popRoots(to: mark) }
            let slot = pushRoot(acc)
            while true {
                let v = try iterNext(it)
                if v == .stopIteration { return acc }
                acc = try binaryOp(.add, acc, v)
                slot.pointee = acc
            }
        },
    ]

    static let constants: [(String, Obj)] = [
        ("None", .none), ("True", .true), ("False", .false), ("Ellipsis", .ellipsis), ("NotImplemented", .notImplemented),
    ]
}

func strArg(_ o: Obj) throws -> Obj {
    guard isStr(o) else { throw typeError("attribute name must be string, not '\(typeName(o))'") }
    return o
}

func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
    let c = UInt32(b[i])
    if c < 0x80 { return c }
    let n = utf8CharLen(b[i])
    var v = c & (n == 2 ? 0x1F : (n == 3 ? 0x0F : 0x07))
    for k in 1..<n where i + k < b.count { v = (v << 6) | (UInt32(b[i + k]) & 0x3F) }
    return v
}

func isCallable(_ o: Obj) -> Bool {
    guard o.isPtr else { return false }
    if let t = builtinType(o) {
        switch t {
        case .function, .builtinFunction, .boundMethod, .type: return true
        default: break
        }
    }
    if isTypeObj(o) { return true }
    return isUserClass(o.type) && lookupInType(o.type, qobj(.__call__)) != nil
}

func pyLen(_ o: Obj) throws -> Int {
    if o.isQstr { let b = qstrBytes(o.qstr); return isASCII(b) ? b.count : charCount(b) }
    if let t = builtinType(o), !isUserClassObj(o) {
        switch t {
        case .str: let b = strBytes(o); return isASCII(b) ? b.count : charCount(b)
        case .bytes, .bytearray: return Int(o.w(2))
        case .list: return listLen(o)
        case .tuple: return tupleLen(o)
        case .dict, .set, .frozenset: return Int(o.w(1))
        case .dictKeys, .dictValues, .dictItems: return dictMap(o.o(1)).count
        case .range: return try rangeLen(o)
        case .memoryview: return memoryviewLen(o)
        case .array: return Int(o.w(2))
        default: break
        }
    }
    if let f = lookupInType(o.type, qobj(.__len__)) {
        let r = try intToInt(try callBound(f, o, []))
        if r < 0 { throw valueError("__len__() should return >= 0") }
        return r
    }
    if isUserClassObj(o) {
        let n = nativeSelf(o)
        if n != o { return try pyLen(n) }
    }
    throw typeError("object of type '\(typeName(o))' has no len()")
}

func builtinAbs(_ o: Obj) throws -> Obj {
    if let v = smallOrBool(o) { return try newInt(abs(v)) }
    if o.isType(.int) { return try newInt(bigOf(o).abs) }
    if o.isType(.float) { return try newFloat(abs(floatValue(o))) }
    if o.isType(.complex) { let (r, i) = complexValue(o); return try newFloat((r * r + i * i).squareRoot()) }
    if let f = lookupInType(o.type, qobj(.__abs__)) { return try callBound(f, o, []) }
    throw typeError("unsupported type for __abs__: '\(typeName(o))'")
}

func intWithPrefix(_ o: Obj, base: Int, prefix: String) throws -> Obj {
    var v = o
    if !isIntObj(v) {
        if isUserClassObj(v), let f = lookupInType(v.type, qobj(.__index__)) { v = try callBound(f, v, []) }
        else { throw typeError("can't convert \(typeName(o)) to int") }
        // __index__ must give an int: anything else would be read as one
        if !isIntObj(v) { throw typeError("__index__ returned non-int (type \(typeName(v)))") }
    }
    let b = bigOf(v)
    return try newStr((b.isNegative ? "-" : "") + prefix + b.abs.toString(base: base))
}

func isInstanceCheck(_ o: Obj, _ t: Obj) throws -> Bool {
    if t.isType(.tuple) {
        for i in 0..<tupleLen(t) where try isInstanceCheck(o, tupleItems(t)[i]) { return true }
        return false
    }
    guard isTypeObj(t) else { throw typeError("isinstance() arg 2 must be a type or tuple of types") }
    if isSubclassRaw(o.type, t) { return true }
    // bool is an int; ints and floats are distinct
    return false
}

func isSubclassCheck(_ a: Obj, _ t: Obj) throws -> Bool {
    if t.isType(.tuple) {
        for i in 0..<tupleLen(t) where try isSubclassCheck(a, tupleItems(t)[i]) { return true }
        return false
    }
    guard isTypeObj(t) else { throw typeError("issubclass() arg 2 must be a class or tuple of classes") }
    return isSubclassRaw(a, t)
}

func minMax(_ a: Args, wantMax: Bool) throws -> Obj {
    let key = a.kw(.key) ?? .none
    let def = a.kw(.default)
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }
    var best = Obj.null, bestKey = Obj.null
    let bestSlot = pushRoot(.null), keySlot = pushRoot(.null)
    func consider(_ v: Obj) throws {
        let k = key == .none ? v : try callObjectArgs(key, [v], stackTop: rt.pointee.vmStackTop)
        if best.isNull {
            best = v; bestKey = k
        } else {
            let r = try compareOp(wantMax ? .gt : .lt, k, bestKey)
            if try pyTruthy(r) { best = v; bestKey = k }
        }
        bestSlot.pointee = best; keySlot.pointee = bestKey
    }
    if a.count == 1 {
        let it = try getIter(a[0])
        _ = pushRoot(it)
        while true {
            let v = try iterNext(it)
            if v == .stopIteration { break }
            try consider(v)
        }
        if best.isNull {
            if let d = def { return d }
            throw valueError("\(wantMax ? "max" : "min")() arg is an empty sequence")
        }
        return best
    }
    for i in 0..<a.count { try consider(a[i]) }
    return best
}

func builtinPrint(_ a: Args) throws {
    var buf: [UInt8] = []
    let sep = a.kw(.sep).flatMap { $0 == .none ? nil : $0 }
    let end = a.kw(.end).flatMap { $0 == .none ? nil : $0 }
    if let s = sep, !isStr(s) { throw typeError("sep must be None or a string") }
    if let e = end, !isStr(e) { throw typeError("end must be None or a string") }
    for i in 0..<a.count {
        if i > 0 {
            if let s = sep { buf.append(contentsOf: strBytes(s)) } else { buf.append(32) }
        }
        try appendStr(a[i], &buf)
    }
    if let e = end { buf.append(contentsOf: strBytes(e)) } else { buf.append(10) }
    if let f = a.kw(.file), f != .none {
        let s = try newStr(buf)
        _ = try callMethod(f, .write, [s], stackTop: rt.pointee.vmStackTop)
        return
    }
    emitStdout(buf)
}

func builtinRound(_ x: Obj, _ nd: Obj) throws -> Obj {
    if isIntObj(x) {
        if nd == .none { return x == .true ? Obj(small: 1) : (x == .false ? Obj(small: 0) : x) }
        let n = try intToInt(nd)
        if n >= 0 { return x }
        // round to a power of ten, half to even
        let p = bigOf(try binaryOp(.pow, Obj(small: 10), Obj(small: -n)))
        let v = bigOf(x)
        let (q, r) = v.divMod(p)
        let twice = r + r
        var res = q
        let c = twice.compare(p)
        if c > 0 || (c == 0 && q.isOdd) { res = q + BigInt(1) }
        return try newInt(res * p)
    }
    if x.isType(.float) {
        let d = floatValue(x)
        if nd == .none {
            if d.isNaN { throw valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
            let r = d.rounded(.toNearestOrEven)
            return try newInt(BigInt(truncating: r))
        }
        let n = try intToInt(nd)
        if d.isNaN || d.isInfinite || d == 0 { return x }
        if n > 300 { return x }
        if n < -308 { return try newFloat(0.0 * d) }
        // format with exact decimal rounding, then parse back
        var spec = FormatSpec()
        spec.precision = max(n, 0)
        spec.type = "f"
        if n >= 0 {
            guard let s = try? formatDouble(d, spec: spec), let v = parseDouble(s) else { return x }
            return try newFloat(v)
        }
        let scale = powDouble(10, Double(-n))
        let y = (d / scale).rounded(.toNearestOrEven) * scale
        return try newFloat(y)
    }
    if let f = lookupInType(x.type, qobj(.__round__)) {
        return try callBound(f, x, nd == .none ? [] : [nd])
    }
    throw typeError("type \(typeName(x)) doesn't define __round__ method")
}

func builtinDir(_ o: Obj?) throws -> Obj {
    let l = try newList(count: 0)
    let keep = pushRoot(l)
    defer { popRoots(to: keep) }
    var seen = Set<UInt32>()
    func addMap(_ m: MapRef) throws {
        var i = 0
        while let j = m.next(from: i) {
            let k = m.key(j)
            if !seen.contains(k.raw) { seen.insert(k.raw); try listAppend(l, k) }
            i = j + 1
        }
    }
    guard let o = o else {
        if let f = currentFrame { try addMap(dictMap(f[FrameWord.globals])) }
        return l
    }
    if o.isType(.module) { try addMap(dictMap(moduleDict(o))); return l }
    if isUserClassObj(o), !isTypeObj(o), let m = try instanceMap(o, create: false) { try addMap(m) }
    let t = isTypeObj(o) ? o : o.type
    let mro = typeMro(t)
    for i in 0..<tupleLen(mro) { try addMap(dictMap(tupleItems(mro)[i].o(TypeWord.locals))) }
    return l
}

func builtinLocals() throws -> Obj {
    guard let f = currentFrame else { return .none }
    let ns = f[FrameWord.namespace]
    if !ns.isNull { return ns }
    let code = f[FrameWord.code]
    if codeFlags(code) & CodeFlag.module != 0 { return f[FrameWord.globals] }
    let d = try newDict()
    let keep = pushRoot(d)
    defer { popRoots(to: keep) }
    let names = code.o(CodeWord.localNames)
    let nfree = Int(code.w(CodeWord.cellsFree) >> 16)
    for i in 0..<(tupleLen(names) - nfree) {
        var v = f[FrameWord.header + i]
        if v.isType(.cell) { v = v.o(1) }
        if !v.isNull && tupleItems(names)[i] != qobj(._empty) { try dictMap(d).set(tupleItems(names)[i], v) }
    }
    return d
}

func evalOrExec(_ a: Args, mode: CompileMode) throws -> Obj {
    if a.count > 1 && a[1] != .none && !a[1].isType(.dict) { throw typeError("globals must be a dict") }
    if a.count > 2 && a[2] != .none && !a[2].isType(.dict) { throw typeError("locals must be a dict") }
    var g = a.count > 1 && a[1] != .none ? a[1] : (currentFrame?[FrameWord.globals] ?? .null)
    if g.isNull { g = try newDict() }
    let keep = pushRoot(g)
    defer { popRoots(to: keep) }
    let src = a[0]
    let code: Obj
    if src.isType(.code) {
        code = src
    } else if isStr(src) || isBytesLike(src) {
        code = try compileSource(Array(strBytes(src)), filename: "<string>", mode: mode, namesAtModuleLevel: true)
    } else {
        throw typeError("eval/exec expects a string or code object")
    }
    _ = pushRoot(code)
    let locals = a.count > 2 && a[2] != .none ? a[2] : Obj.null
    if !locals.isNull && locals != g { return try runCode(code, globals: g, namespace: locals) }
    if currentFrame != nil && a.count < 2, let f = currentFrame, codeFlags(f[FrameWord.code]) & CodeFlag.module == 0 {
        // exec/eval inside a function sees a snapshot of its locals
        let l = try builtinLocals()
        _ = pushRoot(l)
        return try runCode(code, globals: g, namespace: l)
    }
    return try runCode(code, globals: g)
}

func builtinHelp(_ o: Obj?) throws {
    guard let o = o else {
        emitStdout(Array((portInfo.helpText ?? helpText).utf8))
        return
    }
    if isStr(o) && swiftString(o) == "modules" {
        emitStdout(Array(helpModulesText().utf8))
        return
    }
    var buf: [UInt8] = []
    append("object ", &buf)
    try appendRepr(o, &buf)
    append(" is of type \(typeNameOf(o.type))\n", &buf)
    let t = isTypeObj(o) ? o : (o.isType(.module) ? Obj.null : o.type)
    let m: MapRef? = o.isType(.module) ? dictMap(moduleDict(o)) : (t.isNull ? nil : dictMap(typeLocals(t)))
    if let m = m {
        var i = 0
        while let j = m.next(from: i) {
            append("  ", &buf)
            try appendStr(m.key(j), &buf)
            append(" -- ", &buf)
            try appendRepr(m.value(j), &buf)
            buf.append(10)
            i = j + 1
        }
    }
    emitStdout(buf)
}

/// help('modules') as py/builtinhelp.c prints it: the built-in modules (with __main__) and the
/// frozen ones by file name without ".py", sorted, in 4 columns of 18 filled column by column.
func helpModulesText() -> String {
    var names = builtinModuleNames() + ["__main__"]
    for f in frozenModuleNames() {
        let path = f.replacingOccurrences(".", "/")
        names.append(frozenModules[f]?.isPackage == true ? path + "/__init__" : path)
    }
    names = Array(Set(names)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    let columns = 4, width = 18
    let rows = (names.count + columns - 1) / columns
    var text = ""
    for i in 0..<rows {
        var j = i
        while true {
            let name = names[j]
            text += name
            j += rows
            if j >= names.count { break }
            var gap = width - name.utf8.count
            while gap < 1 { gap += width }
            text += String(repeating: " ", count: gap)
        }
        text += "\n"
    }
    return text + "Plus any modules on the filesystem\n"
}

let helpText = """
Welcome to MicroPython!

For online docs please visit http://docs.micropython.org/

Control commands:
  CTRL-A        -- on a blank line, enter raw REPL mode
  CTRL-B        -- on a blank line, enter normal REPL mode
  CTRL-C        -- interrupt a running program
  CTRL-D        -- on a blank line, exit or do a soft reset
  CTRL-E        -- on a blank line, enter paste mode

For further help on a specific object, type help(obj)
For a list of available modules, type help('modules')

"""

// MARK: small builtin types

enum ObjMisc {
    static func makeRange(_ a: Args) throws -> Obj {
        var start = 0, stop = 0, step = 1
        switch a.count {
        case 1: stop = try intToInt(a[0])
        case 2: start = try intToInt(a[0]); stop = try intToInt(a[1])
        case 3:
            start = try intToInt(a[0]); stop = try intToInt(a[1]); step = try intToInt(a[2])
            if step == 0 { throw valueError("zero step") }
        default: throw typeError("range expected 1 to 3 arguments")
        }
        return try newRangeObj(start, stop, step)
    }

    static func makeSlice(_ a: Args) throws -> Obj {
        switch a.count {
        case 1: return try newSlice(.none, a[0], .none)
        case 2: return try newSlice(a[0], a[1], .none)
        case 3: return try newSlice(a[0], a[1], a[2])
        default: throw typeError("slice expected 1 to 3 arguments")
        }
    }

    static func makeEnumerate(_ a: Args) throws -> Obj {
        guard let src = a.arg(0, "iterable") else { throw typeError("enumerate() missing argument") }
        let start = a.arg(1, .start) ?? Obj(small: 0)
        let it = try getIter(src)
        let keep = pushRoot(it); defer { popRoots(to: keep) }
        let e = try allocObj(TypeID.enumerate.addr, words: 3)
        e.setO(1, it); e.setO(2, start)
        return e
    }

    static func makeZip(_ a: Args) throws -> Obj {
        let its = try newTuple(count: a.count)
        let keep = pushRoot(its); defer { popRoots(to: keep) }
        for i in 0..<a.count { tupleItems(its)[i] = try getIter(a[i]) }
        let z = try allocObj(TypeID.zip.addr, words: 2)
        z.setO(1, its)
        return z
    }

    static func makeMap(_ a: Args) throws -> Obj {
        guard a.count >= 2 else { throw typeError("map() must have at least two arguments") }
        let its = try newTuple(count: a.count - 1)
        let keep = pushRoot(its); defer { popRoots(to: keep) }
        for i in 1..<a.count { tupleItems(its)[i - 1] = try getIter(a[i]) }
        let m = try allocObj(TypeID.map.addr, words: 3)
        m.setO(1, a[0]); m.setO(2, its)
        return m
    }

    static func makeFilter(_ a: Args) throws -> Obj {
        guard a.count == 2 else { throw typeError("filter expected 2 arguments") }
        let it = try getIter(a[1])
        let keep = pushRoot(it); defer { popRoots(to: keep) }
        let f = try allocObj(TypeID.filter.addr, words: 3)
        f.setO(1, a[0]); f.setO(2, it)
        return f
    }

    static func makeReversed(_ a: Args) throws -> Obj {
        guard a.count == 1 else { throw typeError("reversed expected 1 argument") }
        let o = a[0]
        if let f = lookupInType(o.type, qobj(.__reversed__)) { return try callBound(f, o, []) }
        let n = try pyLen(o)
        let r = try allocObj(TypeID.reversed.addr, words: 3)
        r.setO(1, o); r.setO(2, Obj(small: n))
        return r
    }

    static func makeProperty(_ a: Args) throws -> Obj {
        let p = try allocObj(TypeID.property.addr, words: 4)
        p.setO(1, a.arg(0, .fget) ?? .none)
        p.setO(2, a.arg(1, .fset) ?? .none)
        p.setO(3, a.arg(2, .fdel) ?? .none)
        return p
    }

    static func wrapper(_ t: TypeID) -> NativeFn {
        return { a throws in
            guard a.count == 1 else { throw typeError("\(t) expected 1 argument") }
            let w = try allocObj(t.addr, words: 2)
            w.setO(1, a[0])
            return w
        }
    }

    static func makeSuper(_ a: Args) throws -> Obj {
        guard a.count == 2 else { throw runtimeError("super() needs arguments here") }
        guard isTypeObj(a[0]) else { throw typeError("super() argument 1 must be type") }
        let s = try allocObj(TypeID.super.addr, words: 3)
        s.setO(1, a[0]); s.setO(2, a[1])
        return s
    }

    static func makeObject(_ a: Args) throws -> Obj {
        if a.count > 0 { throw typeError("object() takes no arguments") }
        return try allocObj(TypeID.object.addr, words: 1)
    }

    static func makeType(_ a: Args) throws -> Obj {
        // type(name, bases, dict) makes the class with the most derived metaclass of its bases
        if a.count == 3, a[1].isType(.tuple) {
            var winner = TypeID.type.obj
            for i in 0..<tupleLen(a[1]) {
                let m = tupleItems(a[1])[i].type
                if m != winner && isSubclassRaw(m, winner) { winner = m }
            }
            if winner != TypeID.type.obj {
                return try callObjectArgs(winner, [a[0], a[1], a[2]], stackTop: rt.pointee.vmStackTop)
            }
        }
        return try allocInstance(TypeID.type.obj, a)
    }

    static let propertyMethods: [NativeSpec] = [
        method("getter", 2) { a throws in try copyProperty(a[0], 1, a[1]) },
        method("setter", 2) { a throws in try copyProperty(a[0], 2, a[1]) },
        method("deleter", 2) { a throws in try copyProperty(a[0], 3, a[1]) },
    ]

    static func copyProperty(_ p: Obj, _ slot: Int, _ f: Obj) throws -> Obj {
        let n = try allocObj(TypeID.property.addr, words: 4)
        n.setO(1, p.o(1)); n.setO(2, p.o(2)); n.setO(3, p.o(3))
        n.setO(slot, f)
        return n
    }

    static let generatorMethods: [NativeSpec] = [
        method("send", 2) { a throws in
            let g = a[0]
            let (v, done) = try generatorResume(g, send: a[1])
            if done { throw PyErr(try stopIterationWith(v)) }
            return v
        },
        method("throw", 2, 4) { a throws in
            let g = a[0]
            var exc = a[1]
            if a.count > 2 && a[2] != .none && isTypeObj(exc) { exc = try callObjectArgs(exc, [a[2]], stackTop: rt.pointee.vmStackTop) }
            let (v, done) = try generatorResume(g, send: .none, throwing: exc)
            if done { throw PyErr(try stopIterationWith(v)) }
            return v
        },
        method("close", 1) { a throws in
            let g = a[0]
            let st = g.w(1)
            if st == GenState.finished || st == GenState.new { g.setW(1, GenState.finished); return .none }
            let ge = try newException(TypeID.GeneratorExit.obj, args: getRoot(.emptyTuple))
            do {
                let (_, done) = try generatorResume(g, send: .none, throwing: ge)
                if !done { throw runtimeError("generator ignored GeneratorExit") }
            } catch {
                if isInstance(error.exc, .GeneratorExit) || isInstance(error.exc, .StopIteration) { return .none }
                throw error
            }
            return .none
        },
        method("__next__", 1) { a throws in
            let (v, done) = try generatorResume(a[0], send: .none)
            if done { throw PyErr(try stopIterationWith(v)) }
            return v
        },
        method("__iter__", 1) { a throws in a[0] },
        method("__await__", 1) { a throws in a[0] },
    ]

    static let objectMethods: [NativeSpec] = [
        method("__init__", 1, NativeSpec.varArgs, kw: true) { _ throws in .none },
        staticMethod("__new__", 1, NativeSpec.varArgs, kw: true) { a throws in
            guard isTypeObj(a[0]) else { throw typeError("object.__new__(X): X is not a type object") }
            return try allocInstance(a[0], Args(base: a.base + 1, count: a.count - 1, kwnames: .null))
        },
        method("__setattr__", 3) { a throws in try genericSetattr(a[0], internStr(try strArg(a[1])), a[2]); return .none },
        method("__delattr__", 2) { a throws in try genericDelattr(a[0], internStr(try strArg(a[1]))); return .none },
        method("__getattribute__", 2) { a throws in try loadAttr(a[0], internStr(try strArg(a[1]))) },
        method("__repr__", 1) { a throws in
            try newStr("<\(typeNameOf(a[0].type)) object at \(hexAddr(a[0]))>")
        },
        method("__str__", 1) { a throws in try pyRepr(a[0]) },
        method("__eq__", 2) { a throws in a[0] == a[1] ? .true : .notImplemented },
        method("__ne__", 2) { a throws in a[0] == a[1] ? .false : .notImplemented },
        method("__hash__", 1) { a throws in Obj(small: Int(a[0].raw >> 4)) },
    ]

    static let tupleMethods: [NativeSpec] = [
        method("count", 2) { a throws in
            let t = nativeSelf(a[0])
            var n = 0
            for i in 0..<tupleLen(t) where try pyEqual(tupleItems(t)[i], a[1]) { n += 1 }
            return Obj(small: n)
        },
        method("index", 2, 4) { a throws in
            let t = nativeSelf(a[0]), n = tupleLen(t)
            var start = a.count > 2 ? try intToInt(a[2]) : 0
            var end = a.count > 3 ? try intToInt(a[3]) : n
            if start < 0 { start = max(0, start + n) }
            if end < 0 { end = max(0, end + n) }
            var i = start
            while i < min(end, n) {
                if try pyEqual(tupleItems(t)[i], a[1]) { return Obj(small: i) }
                i += 1
            }
            throw valueError("object not in sequence")
        },
    ]

    static func makeTuple(_ a: Args) throws -> Obj {
        if a.count == 0 { return getRoot(.emptyTuple) }
        if a[0].isType(.tuple) { return a[0] }
        let l = try iterateToList(a[0])
        let keep = pushRoot(l); defer { popRoots(to: keep) }
        return try newTuple(listItems(l), listLen(l))
    }
}

func stopIterationWith(_ v: Obj) throws -> Obj {
    let args = v == .none ? getRoot(.emptyTuple) : try newTuple([v])
    return try newException(TypeID.StopIteration.obj, args: args)
}
