// Code objects in the heap, made from the compiler's CodeUnits.
//   [type][bytecode][consts tuple][flags][args: pos | posonly << 8 | kwonly << 16]
//   [nlocals | stack << 16][name][filename][local names tuple][ncells | nfree << 16]
//   [exception table][entries][line table][entries][cell slots][first line]

enum CodeWord {
    static let bytecode = 1, consts = 2, flags = 3, args = 4, sizes = 5, name = 6, filename = 7
    static let localNames = 8, cellsFree = 9, excTable = 10, excCount = 11, lineTable = 12, lineCount = 13
    static let cellSlots = 14, firstLine = 15
}

func materialize(_ u: CodeUnit) throws -> Obj {
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }
    let code = try allocObj(TypeID.code.addr, words: 16)
    _ = pushRoot(code)

    func rawBlock(_ words: [UInt32]) throws -> UInt32 {
        if words.isEmpty { return 0 }
        let a = try gcAlloc(words.count * 4)
        let p = hostPtr(a).assumingMemoryBound(to: UInt32.self)
        for (i, w) in words.enumerated() { p[i] = w }
        return a
    }

    code.setW(CodeWord.bytecode, try rawBlock(u.words))
    // constants
    let consts = try newTuple(count: u.consts.count)
    code.setO(CodeWord.consts, consts)
    for (i, c) in u.consts.enumerated() {
        tupleItems(consts)[i] = try constObj(c)
    }
    code.setW(CodeWord.flags, u.flags)
    code.setW(CodeWord.args, UInt32(u.argcount) | UInt32(u.posonly) << 8 | UInt32(u.kwonly) << 16)
    // both sizes live in 16 bits; the compiler keeps displays incremental so only absurd code gets here
    if u.stackSize + 1 > 0xFFFF || u.nlocals > 0xFFFF { throw pyErr(.RuntimeError, "code too complex") }
    code.setW(CodeWord.sizes, UInt32(u.nlocals) | UInt32(u.stackSize + 1) << 16)
    code.setO(CodeWord.name, qobj(u.name))
    code.setO(CodeWord.filename, qobj(u.filename))
    let names = try newTuple(count: u.localNames.count)
    code.setO(CodeWord.localNames, names)
    for (i, n) in u.localNames.enumerated() { tupleItems(names)[i] = qobj(n) }
    code.setW(CodeWord.cellsFree, UInt32(u.cellSlots.count) | UInt32(u.nfree) << 16)
    code.setW(CodeWord.excTable, try rawBlock(u.excTable.flatMap { [$0.0, $0.1, $0.2, $0.3] }))
    code.setW(CodeWord.excCount, UInt32(u.excTable.count))
    code.setW(CodeWord.lineTable, try rawBlock(u.lineTable.flatMap { [$0.0, $0.1] }))
    code.setW(CodeWord.lineCount, UInt32(u.lineTable.count))
    code.setW(CodeWord.cellSlots, try rawBlock(u.cellSlots.map { UInt32($0) }))
    code.setO(CodeWord.firstLine, Obj(small: u.firstLine))
    return code
}

private func constObj(_ c: ConstValue) throws -> Obj {
    switch c {
    case .str(let b): return try newStr(b)
    case .bytes(let b): return try newBytes(b)
    case .int(let v): return try newInt(v)
    case .bigInt(let s):
        guard let b = BigInt(parsing: Array(s.utf8), base: 10) else { throw valueError("bad int constant") }
        return try newInt(b)
    case .float(let d): return try newFloat(d)
    case .imag(let d): return try newComplex(0, d)
    case .complex(let re, let im): return try newComplex(re, im)
    case .tuple(let items):
        let t = try newTuple(count: items.count)
        let keep = pushRoot(t)
        defer { popRoots(to: keep) }
        for (i, c) in items.enumerated() { tupleItems(t)[i] = try constObj(c) }
        return t
    case .code(let u): return try materialize(u)
    case .qstrTuple(let names): return try newTuple(names.map { qobj($0) })
    case .none: return .none
    case .ellipsis: return .ellipsis
    case .true: return .true
    case .false: return .false
    }
}

// MARK: accessors

@inline(__always) func codeBytecode(_ c: Obj) -> UnsafeMutablePointer<UInt32> { hostPtr(c.w(CodeWord.bytecode)).assumingMemoryBound(to: UInt32.self) }
@inline(__always) func codeFlags(_ c: Obj) -> UInt32 { c.w(CodeWord.flags) }
@inline(__always) func codeNLocals(_ c: Obj) -> Int { Int(c.w(CodeWord.sizes) & 0xFFFF) }
@inline(__always) func codeStackSize(_ c: Obj) -> Int { Int(c.w(CodeWord.sizes) >> 16) }
@inline(__always) func codeArgCount(_ c: Obj) -> Int { Int(c.w(CodeWord.args) & 0xFF) }
@inline(__always) func codePosOnly(_ c: Obj) -> Int { Int((c.w(CodeWord.args) >> 8) & 0xFF) }
@inline(__always) func codeKwOnly(_ c: Obj) -> Int { Int((c.w(CodeWord.args) >> 16) & 0xFF) }
@inline(__always) func codeName(_ c: Obj) -> UInt32 { c.o(CodeWord.name).qstr }
@inline(__always) func codeFilename(_ c: Obj) -> UInt32 { c.o(CodeWord.filename).qstr }

/// Source line of the instruction at word index ip.
func codeLine(_ c: Obj, ip: Int) -> Int {
    let n = Int(c.w(CodeWord.lineCount))
    guard n > 0 else { return c.o(CodeWord.firstLine).smallInt }
    let t = hostPtr(c.w(CodeWord.lineTable)).assumingMemoryBound(to: UInt32.self)
    var line = Int(t[1])
    for i in 0..<n {
        if Int(t[2 * i]) > ip { break }
        line = Int(t[2 * i + 1])
    }
    return line
}

/// The handler for an exception raised at word index ip: (handler ip, stack depth).
@inline(__always) func codeFindHandler(_ c: Obj, ip: Int) -> (Int, Int)? {
    let n = Int(c.w(CodeWord.excCount))
    if n == 0 { return nil }
    let t = hostPtr(c.w(CodeWord.excTable)).assumingMemoryBound(to: UInt32.self)
    for i in 0..<n {
        let s = Int(t[4 * i]), e = Int(t[4 * i + 1])
        if ip >= s && ip < e { return (Int(t[4 * i + 2]), Int(t[4 * i + 3])) }
    }
    return nil
}
