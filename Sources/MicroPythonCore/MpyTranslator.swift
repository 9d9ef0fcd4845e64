import Glibc

// Turns MicroPython bytecode (from a .mpy file) into our code objects, instruction by
// instruction. The value stack keeps MicroPython's layout slot for slot (4-slot for-loop
// iterators included), so most instructions map to one of ours.
//
// MicroPython's exception handling is a run-time stack of blocks (SETUP_EXCEPT/FINALLY/WITH push
// one; END_FINALLY/POP_EXCEPT_JUMP/UNWIND_JUMP pop them); a block whose handler label lies at or
// before the current instruction is "active" (its handler is running). A first pass follows
// every path through the code with abstract states (stack depth, block stack), which
//  - gives each instruction its block stack, hence its exception-table entry: the innermost
//    block not yet active, resuming at the depth saved by its SETUP (kept in a local slot);
//  - follows return/break/continue through finally blocks: they enter the handler with two
//    slots [value, small int] and END_FINALLY continues to a continuation chosen by that int;
//  - proves the code never pops below the stack base nor grows past the frame, and checks
//    every operand, so a damaged file is refused before it runs.
// The handled exception (bare `raise`, __context__) is set on handler entry and restored from
// a slot saved at SETUP when the block ends.

private enum BlockKind: UInt8 { case except, finally, with }

/// What a running finally handler was entered for (carried to its END_FINALLY).
private enum Pending: Hashable {
    case none                                          // normal end or exception
    case ret
    case jump(dest: Int, remaining: Int, popIter: Bool)
}

private struct ABlock: Hashable {
    var kind: BlockKind
    var handler: Int          // instruction index of the handler label
    var saved: Int            // stack depth saved at SETUP
    var pending: Pending
}

private struct AState: Hashable {
    var depth: Int
    var blocks: [ABlock]
}

private struct JumpKey: Hashable {
    let handler: Int, dest: Int, remaining: Int, popIter: Bool
}

/// What END_FINALLY at one instruction sees: depths (relative to the block's saved depth) and
/// the continuations arriving there.
private struct EndFinallyInfo {
    var noneOffset: Int? = nil
    var markerOffset: Int? = nil
    var hasReturn = false
    var jumps: [JumpKey] = []
}

/// Bottom stack slots filled with null placeholders: paths the analysis cannot rule out
/// (e.g. an async-with handler's branch for the other kind of state) may read below
/// MicroPython's stack base; here they read placeholders.
private let padding = 2
private let maxStates = 48
private let maxDepth = 4000
private let maxLevels = 64

final class MpyTranslator {
    private let file: MpyFile
    private let filename: String
    private var qids: [UInt32] = []

    init(_ f: MpyFile) {
        file = f
        filename = f.qstrs[0]
        qids = f.qstrs.map { intern($0) }
    }

    func translateModule() throws -> CodeUnit {
        let u = try translate(file.root, nfree: 0)
        u.flags |= CodeFlag.module
        return u
    }

    // MARK: one raw code

    /// A closure's cells are its first positional arguments in MicroPython; how many there are
    /// is known from the MAKE_CLOSURE that creates it.
    private func translate(_ rc: MpyRawCode, nfree: Int) throws -> CodeUnit {
        let p = try readMpyPrelude(rc.data, qstrCount: file.qstrs.count)
        let insns = try decodeMpyCode(rc.data, from: p.codeStart)
        var frees = Array(repeating: -1, count: rc.children.count)
        for ins in insns where ins.op == MpyOp.makeClosure || ins.op == MpyOp.makeClosureDefargs
            || ins.op == MpyOp.makeFunction || ins.op == MpyOp.makeFunctionDefargs {
            guard ins.arg >= 0 && ins.arg < frees.count else { throw MpyError("corrupt .mpy file: bad function index") }
            let k = ins.op == MpyOp.makeClosure || ins.op == MpyOp.makeClosureDefargs ? ins.extra : 0
            guard frees[ins.arg] < 0 || frees[ins.arg] == k else { throw MpyError("corrupt .mpy file: closure size") }
            frees[ins.arg] = k
        }
        var children: [(CodeUnit, Int)] = []
        for (k, c) in rc.children.enumerated() {
            let nf = max(frees[k], 0)
            children.append((try translate(c, nfree: nf), nf))
        }
        return try FunctionTranslator(self, prelude: p, insns: insns, children: children, nfree: nfree).run().0
    }

    fileprivate func qid(_ i: Int) throws -> UInt32 {
        guard i >= 0 && i < qids.count else { throw MpyError("corrupt .mpy file: bad qstr index") }
        return qids[i]
    }
    fileprivate func qstr(_ i: Int) -> String { file.qstrs[i] }
    fileprivate func const(_ i: Int) throws -> ConstValue {
        guard i >= 0 && i < file.consts.count else { throw MpyError("corrupt .mpy file: bad constant index") }
        return file.consts[i]
    }
    fileprivate var sourceName: String { filename }
}

private final class FunctionTranslator {
    let owner: MpyTranslator
    let p: MpyPrelude
    let insns: [MpyInsn]
    let children: [(CodeUnit, Int)]
    let n: Int
    var indexOfOffset: [Int: Int] = [:]

    // locals
    let nfree: Int
    var mpLocals = 0
    var blockBase = 0, scratch = 0, freeBase = 0, ourLocals = 0
    var cellSet = Set<Int>()

    // analysis results
    var states: [[AState]]
    var work: [(Int, AState)] = []
    var endFinally: [Int: EndFinallyInfo] = [:]
    var jumpIds: [JumpKey: Int] = [:]
    var maxSeenDepth = padding
    var maxSeenLevels = 0

    init(_ owner: MpyTranslator, prelude: MpyPrelude, insns: [MpyInsn], children: [(CodeUnit, Int)], nfree: Int) throws {
        self.owner = owner
        self.p = prelude
        self.insns = insns
        self.children = children
        n = insns.count
        states = Array(repeating: [], count: insns.count)
        for (i, ins) in insns.enumerated() { indexOfOffset[ins.offset] = i }
        self.nfree = nfree
    }

    func corrupt(_ what: String) -> MpyError { MpyError("corrupt .mpy file: \(what)") }

    func target(_ ins: MpyInsn) throws -> Int {
        guard let t = indexOfOffset[ins.arg] else { throw corrupt("bad jump target") }
        return t
    }

    // MARK: locals

    /// MicroPython puts closed-over variables first, then the arguments; ours end with them.
    func local(_ i: Int) throws -> Int {
        guard i >= 0 && i < mpLocals else { throw corrupt("bad local variable index") }
        return i < nfree ? freeBase + (i) : i - nfree
    }
    func isCellOrFree(_ i: Int) -> Bool { i < nfree || cellSet.contains(i) }
    func depthSlot(_ level: Int) -> Int { blockBase + 2 * level }

    func layoutLocals() throws {
        let flags = p.scopeFlags
        let nparams = p.nPosArgs + p.nKwonlyArgs + (flags & MpyScopeFlag.varArgs != 0 ? 1 : 0)
            + (flags & MpyScopeFlag.varKeywords != 0 ? 1 : 0)
        guard p.nPosArgs >= nfree else { throw corrupt("bad argument count") }
        var m = nparams
        for c in p.cells { m = max(m, c + 1) }
        for ins in insns {
            switch ins.op {
            case MpyOp.loadFastN, MpyOp.storeFastN, MpyOp.deleteFast, MpyOp.loadDeref, MpyOp.storeDeref, MpyOp.deleteDeref:
                m = max(m, ins.arg + 1)
            case MpyOp.loadFastMulti..<(MpyOp.loadFastMulti + 16):
                m = max(m, Int(ins.op - MpyOp.loadFastMulti) + 1)
            case MpyOp.storeFastMulti..<(MpyOp.storeFastMulti + 16):
                m = max(m, Int(ins.op - MpyOp.storeFastMulti) + 1)
            default: break
            }
        }
        guard m <= 2000 else { throw corrupt("too many local variables") }
        mpLocals = m
        for c in p.cells {
            guard c >= nfree else { throw corrupt("bad cell") }
            cellSet.insert(c)
        }
    }

    // MARK: analysis

    func add(_ i: Int, _ s: AState) throws {
        guard i >= 0 && i < n else { throw corrupt("code runs off its end") }
        guard s.depth >= 0, s.depth <= maxDepth else { throw corrupt("stack out of range") }
        guard s.blocks.count <= maxLevels else { throw corrupt("blocks nested too deeply") }
        if states[i].contains(s) { return }
        if let first = states[i].first {
            // every path must agree on the block structure, which fixes the exception table
            guard first.blocks.count == s.blocks.count else { throw corrupt("inconsistent exception blocks") }
            for (a, b) in zip(first.blocks, s.blocks) where a.kind != b.kind || a.handler != b.handler {
                throw corrupt("inconsistent exception blocks")
            }
        }
        guard states[i].count < maxStates else { throw corrupt("code too irregular to load") }
        states[i].append(s)
        maxSeenDepth = max(maxSeenDepth, s.depth)
        maxSeenLevels = max(maxSeenLevels, s.blocks.count)
        work.append((i, s))
    }

    func analyse() throws {
        try add(0, AState(depth: padding, blocks: []))
        var steps = 0
        while let (i, s) = work.popLast() {
            steps += 1
            guard steps < 2_000_000 else { throw corrupt("code too irregular to load") }
            try step(i, s)
        }
    }

    func needDepth(_ s: AState, _ k: Int) throws {
        guard s.depth >= k else { throw corrupt("stack underflow") }
    }

    /// Successors of instruction i in state s.
    func step(_ i: Int, _ s: AState) throws {
        let ins = insns[i]
        // any instruction may raise: the innermost block not yet active catches it
        if let li = s.blocks.lastIndex(where: { $0.handler > i }) {
            var b = s.blocks[li]
            b.pending = .none
            try add(b.handler, AState(depth: b.saved + 1, blocks: Array(s.blocks[..<li]) + [b]))
        }
        let d = s.depth
        func next(_ delta: Int, need: Int = 0) throws {
            try needDepth(s, need)
            try add(i + 1, AState(depth: d + delta, blocks: s.blocks))
        }
        let op = ins.op
        switch op {
        case MpyOp.smallIntMulti..<(MpyOp.smallIntMulti + 64), MpyOp.loadConstFalse, MpyOp.loadConstNone, MpyOp.loadConstTrue,
             MpyOp.loadNull, MpyOp.loadBuildClass, MpyOp.loadConstSmallInt, MpyOp.loadConstObj, MpyOp.loadConstString,
             MpyOp.loadName, MpyOp.loadGlobal, MpyOp.loadFastN, MpyOp.loadFastMulti..<(MpyOp.loadFastMulti + 16),
             MpyOp.loadDeref, MpyOp.buildMap, MpyOp.makeFunction:
            try next(1)
        case MpyOp.storeFastN, MpyOp.storeFastMulti..<(MpyOp.storeFastMulti + 16), MpyOp.storeDeref, MpyOp.storeName,
             MpyOp.storeGlobal, MpyOp.popTop, MpyOp.importStar:
            try next(-1, need: 1)
        case MpyOp.deleteFast, MpyOp.deleteDeref, MpyOp.deleteName, MpyOp.deleteGlobal:
            try next(0)
        case MpyOp.loadAttr, MpyOp.getIter, MpyOp.unaryMulti..<(MpyOp.unaryMulti + 4):
            try next(0, need: 1)
        case MpyOp.loadMethod, MpyOp.importFrom, MpyOp.dupTop:
            try next(1, need: 1)
        case MpyOp.loadSuperMethod:
            try next(-1, need: 3)
        case MpyOp.storeAttr:
            try next(-2, need: 2)
        case MpyOp.importName, MpyOp.loadSubscr, MpyOp.binaryMulti..<(MpyOp.binaryMulti + UInt8(MpyOp.binaryCount)),
             MpyOp.yieldFrom:
            try next(-1, need: 2)
        case MpyOp.storeSubscr:
            try next(-3, need: 3)
        case MpyOp.storeMap:
            try next(-2, need: 3)
        case MpyOp.dupTopTwo:
            try next(2, need: 2)
        case MpyOp.rotTwo:
            try next(0, need: 2)
        case MpyOp.rotThree:
            try next(0, need: 3)
        case MpyOp.yieldValue:
            try next(0, need: 1)
        case MpyOp.getIterStack:
            try next(3, need: 1)
        case MpyOp.buildTuple, MpyOp.buildList, MpyOp.buildSet:
            guard ins.arg <= 0xFFFF else { throw corrupt("bad operand") }
            try next(1 - ins.arg, need: ins.arg)
        case MpyOp.buildSlice:
            guard ins.arg == 2 || ins.arg == 3 else { throw corrupt("bad slice") }
            try next(1 - ins.arg, need: ins.arg)
        case MpyOp.storeComp:
            let dist = ins.arg >> 2, kind = ins.arg & 3
            guard kind != 3, dist >= (kind == 1 ? 2 : 1), dist < 0x10000 else { throw corrupt("bad comprehension store") }
            try next(kind == 1 ? -2 : -1, need: dist + 1)
        case MpyOp.unpackSequence:
            guard ins.arg <= 0xFF else { throw corrupt("bad operand") }
            try next(ins.arg - 1, need: 1)
        case MpyOp.unpackEx:
            guard ins.arg <= 0xFFFF else { throw corrupt("bad operand") }
            try next((ins.arg & 0xFF) + (ins.arg >> 8), need: 1)
        case MpyOp.makeFunctionDefargs:
            try next(-1, need: 2)
        case MpyOp.makeClosure:
            try next(1 - ins.extra, need: ins.extra)
        case MpyOp.makeClosureDefargs:
            try next(-1 - ins.extra, need: ins.extra + 2)
        case MpyOp.callFunction, MpyOp.callFunctionVarKw, MpyOp.callMethod, MpyOp.callMethodVarKw:
            guard ins.arg <= 0xFFFF else { throw corrupt("bad call") }
            let taken = (ins.arg & 0xFF) + 2 * (ins.arg >> 8) + (op == MpyOp.callMethod || op == MpyOp.callMethodVarKw ? 2 : 1)
                + (op == MpyOp.callFunctionVarKw || op == MpyOp.callMethodVarKw ? 1 : 0)
            try next(1 - taken, need: taken)
        case MpyOp.jump:
            try add(try target(ins), s)
        case MpyOp.popJumpIfTrue, MpyOp.popJumpIfFalse:
            try needDepth(s, 1)
            let t = AState(depth: d - 1, blocks: s.blocks)
            try add(try target(ins), t)
            try add(i + 1, t)
        case MpyOp.jumpIfTrueOrPop, MpyOp.jumpIfFalseOrPop:
            try needDepth(s, 1)
            try add(try target(ins), s)
            try add(i + 1, AState(depth: d - 1, blocks: s.blocks))
        case MpyOp.forIter:
            try needDepth(s, 4)
            try add(try target(ins), AState(depth: d - 4, blocks: s.blocks))
            try add(i + 1, AState(depth: d + 1, blocks: s.blocks))
        case MpyOp.setupExcept, MpyOp.setupFinally, MpyOp.setupWith:
            let h = try target(ins)
            guard h > i else { throw corrupt("backward handler") }
            var st = s
            if op == MpyOp.setupWith {
                try needDepth(s, 1)
                st.depth = d + 2
                st.blocks.append(ABlock(kind: .with, handler: h, saved: d + 1, pending: .none))
            } else {
                st.blocks.append(ABlock(kind: op == MpyOp.setupExcept ? .except : .finally, handler: h, saved: d, pending: .none))
            }
            try add(i + 1, st)
        case MpyOp.popExceptJump:
            guard !s.blocks.isEmpty else { throw corrupt("no block to pop") }
            try add(try target(ins), AState(depth: d, blocks: Array(s.blocks.dropLast())))
        case MpyOp.withCleanup:
            guard let w = s.blocks.last, w.kind == .with else { throw corrupt("with cleanup outside with") }
            try next(-2, need: 3)
        case MpyOp.endFinally:
            guard let f = s.blocks.last else { throw corrupt("no block to end") }
            try needDepth(s, 1)
            let below = Array(s.blocks.dropLast())
            var info = endFinally[i] ?? EndFinallyInfo()
            switch f.pending {
            case .none:
                let off = d - f.saved
                if let o = info.noneOffset, o != off { throw corrupt("inconsistent finally") }
                info.noneOffset = off
                endFinally[i] = info
                try add(i + 1, AState(depth: d - 1, blocks: below))
            case .ret:
                let off = d - f.saved
                if let o = info.markerOffset, o != off { throw corrupt("inconsistent finally") }
                info.markerOffset = off
                info.hasReturn = true
                endFinally[i] = info
                try needDepth(s, 2)
                try returnWalk(from: i, blocks: below)
            case .jump(let dest, let remaining, let popIter):
                let off = d - f.saved
                if let o = info.markerOffset, o != off { throw corrupt("inconsistent finally") }
                info.markerOffset = off
                let key = JumpKey(handler: f.handler, dest: dest, remaining: remaining, popIter: popIter)
                if !info.jumps.contains(key) { info.jumps.append(key) }
                endFinally[i] = info
                try needDepth(s, 2)
                try unwindWalk(from: i, blocks: below, depth: d - 2, dest: dest, count: remaining, popIter: popIter)
            }
        case MpyOp.returnValue:
            try needDepth(s, 1)
            try returnWalk(from: i, blocks: s.blocks)
        case MpyOp.unwindJump:
            let dest = try target(ins)
            try unwindWalk(from: i, blocks: s.blocks, depth: d, dest: dest, count: ins.extra & 0x7F, popIter: ins.extra & 0x80 != 0)
        case MpyOp.raiseLast:
            break
        case MpyOp.raiseObj:
            try needDepth(s, 1)
        case MpyOp.raiseFrom:
            try needDepth(s, 2)
        default:
            throw corrupt("unknown opcode \(op)")
        }
    }

    /// return: finally/with blocks not yet active run with [value, -1]; the others are left.
    func returnWalk(from i: Int, blocks: [ABlock]) throws {
        for idx in stride(from: blocks.count - 1, through: 0, by: -1) {
            var b = blocks[idx]
            if b.kind == .except || b.handler <= i { continue }
            b.pending = .ret
            try add(b.handler, AState(depth: b.saved + 2, blocks: Array(blocks[..<idx]) + [b]))
            return
        }
    }

    /// break/continue out of `count` blocks, then to dest (dropping a for-loop iterator if asked).
    func unwindWalk(from i: Int, blocks: [ABlock], depth: Int, dest: Int, count: Int, popIter: Bool) throws {
        var bs = blocks, d = depth
        for k in 0..<count {
            guard var b = bs.last else { throw corrupt("unwinding past the outermost block") }
            let idx = bs.count - 1
            if b.kind != .except && b.handler > i {
                let key = JumpKey(handler: b.handler, dest: dest, remaining: count - k - 1, popIter: popIter)
                if jumpIds[key] == nil { jumpIds[key] = jumpIds.count }
                b.pending = .jump(dest: dest, remaining: count - k - 1, popIter: popIter)
                try add(b.handler, AState(depth: b.saved + 2, blocks: Array(bs[..<idx]) + [b]))
                return
            }
            if b.kind != .except { d = b.saved }
            bs.removeLast()
        }
        if popIter {
            guard d >= 4 else { throw corrupt("stack underflow") }
            d -= 4
        }
        try add(dest, AState(depth: d, blocks: bs))
    }

    // MARK: emission

    var u: CodeUnit!
    var wordOf: [Int] = []
    var patches: [(Int, Label)] = []
    var labelWords: [Label: Int] = [:]
    var constKeys: [String: Int] = [:]
    var pendingTrampolines: [(Label, () throws -> Void)] = []
    var endFinallyTables: [(Int, Int)] = []       // (const index, instruction)

    enum Label: Hashable {
        case insn(Int)
        case entry(level: Int, handler: Int)       // exception entry of a block
        case leave(level: Int)                     // exception leaving the function from active blocks
        case retCont(Int)                          // return continuing after END_FINALLY at insn
        case jumpCont(Int, JumpKey)                // jump continuing after END_FINALLY at insn
        case skip(Int)                             // after a backward conditional branch at insn
    }

    func emit(_ op: Op, _ arg: Int = 0) {
        u.words.append(UInt32(op.rawValue) | (UInt32(truncatingIfNeeded: arg) & 0xFF_FFFF) << 8)
    }
    func extra(_ w: UInt32) { u.words.append(w) }
    func emitJump(_ op: Op, _ l: Label) {
        patches.append((u.words.count, l))
        emit(op, 0)
    }
    func place(_ l: Label) { labelWords[l] = u.words.count }

    /// Words that belong to another instruction's exception context than the one emitting them.
    var contextOverrides: [(Int, Int)] = []

    /// A jump that leaves blocks behind (return/break/continue, handler entry): if its tick raises
    /// (Ctrl-C), the exception is handled as if raised at the target.
    func emitJumpInto(_ t: Int) {
        contextOverrides.append((u.words.count, t))
        requestHandlers(t)
        emitJump(.jump, .insn(t))
    }

    func constIndex(_ c: ConstValue, key: String?) -> Int {
        if let k = key, let i = constKeys[k] { return i }
        u.consts.append(c)
        if let k = key { constKeys[k] = u.consts.count - 1 }
        return u.consts.count - 1
    }

    /// A trampoline is emitted once, after the main code.
    func trampoline(_ l: Label, _ body: @escaping () throws -> Void) {
        if labelWords[l] != nil || pendingTrampolines.contains(where: { $0.0 == l }) { return }
        pendingTrampolines.append((l, body))
    }

    func run() throws -> (CodeUnit, Int) {
        try layoutLocals()
        try analyse()
        blockBase = mpLocals - nfree
        scratch = blockBase + 2 * maxSeenLevels
        freeBase = scratch + 1
        ourLocals = freeBase + nfree
        guard ourLocals < 0xFFFF else { throw corrupt("too many local variables") }

        let name = owner.qstr(p.names[0])
        u = CodeUnit(name: name, filename: owner.sourceName)
        u.firstLine = mpyLine(p.lineInfo, offset: 0)
        let flags = p.scopeFlags
        if flags & MpyScopeFlag.generator != 0 { u.flags |= CodeFlag.generator }
        if flags & MpyScopeFlag.varArgs != 0 { u.flags |= CodeFlag.varargs }
        if flags & MpyScopeFlag.varKeywords != 0 { u.flags |= CodeFlag.varkw }
        u.argcount = p.nPosArgs - nfree
        u.kwonly = p.nKwonlyArgs
        u.nlocals = ourLocals
        u.stackSize = maxSeenDepth + 1
        var names = Array(repeating: "", count: ourLocals)
        for (k, q) in p.names.dropFirst().enumerated() where k >= nfree { names[k - nfree] = owner.qstr(q) }
        var slot = u.argcount + u.kwonly
        if flags & MpyScopeFlag.varArgs != 0 { names[slot] = "*args"; slot += 1 }
        if flags & MpyScopeFlag.varKeywords != 0 { names[slot] = "**kwargs" }
        for k in 0..<nfree { names[freeBase + k] = "<free>" }
        u.localNames = names
        u.cellSlots = try p.cells.map { try local($0) }.sorted()
        u.nfree = nfree

        u.lineTable.append((0, UInt32(u.firstLine)))
        for _ in 0..<padding { emit(.mpLoadNull) }
        wordOf = Array(repeating: -1, count: n + 1)
        var ranges: [(Int, Int, Int)] = []     // (first word, end word, insn)
        for i in 0..<n {
            wordOf[i] = u.words.count
            place(.insn(i))
            guard !states[i].isEmpty else { continue }
            let line = UInt32(mpyLine(p.lineInfo, offset: insns[i].offset))
            if u.lineTable.last?.1 != line {
                if u.lineTable.last?.0 == UInt32(u.words.count) { u.lineTable.removeLast() }
                u.lineTable.append((UInt32(u.words.count), line))
            }
            let start = u.words.count
            try emitInsn(i)
            ranges.append((start, u.words.count, i))
        }
        wordOf[n] = u.words.count
        // trampolines may ask for more trampolines
        var k = 0
        while k < pendingTrampolines.count {
            let (l, body) = pendingTrampolines[k]
            place(l)
            try body()
            k += 1
        }
        for (pos, l) in patches {
            guard let w = labelWords[l] else { throw corrupt("internal: unplaced label") }
            u.words[pos] = (u.words[pos] & 0xFF) | UInt32(w) << 8
        }
        try finishEndFinallyTables()
        try buildExceptionTable(ranges)
        return (u, nfree)
    }

    func buildExceptionTable(_ ranges: [(Int, Int, Int)]) throws {
        var ctx = Array(repeating: -1, count: u.words.count)
        for (s, e, i) in ranges { for w in s..<e { ctx[w] = i } }
        for (w, i) in contextOverrides { ctx[w] = i }
        var words: [(Int, Int, Int)] = []
        var w = 0
        while w < ctx.count {
            var e = w + 1
            while e < ctx.count && ctx[e] == ctx[w] { e += 1 }
            if ctx[w] >= 0 { words.append((w, e, ctx[w])) }
            w = e
        }
        var entries: [(UInt32, UInt32, UInt32, UInt32)] = []
        for (s, e, i) in words where e > s {
            guard let st = states[i].first else { continue }
            let handler: UInt32, depth: UInt32
            if let li = st.blocks.lastIndex(where: { $0.handler > i }) {
                guard let w = labelWords[.entry(level: li, handler: st.blocks[li].handler)] else { continue }
                handler = UInt32(w)
                depth = mpyDepthFromSlot | UInt32(depthSlot(li))
            } else if !st.blocks.isEmpty {
                guard let w = labelWords[.leave(level: 0)] else { continue }
                handler = UInt32(w)
                depth = 0
            } else {
                continue
            }
            if let last = entries.last, last.1 == UInt32(s), last.2 == handler, last.3 == depth {
                entries[entries.count - 1].1 = UInt32(e)
            } else {
                entries.append((UInt32(s), UInt32(e), handler, depth))
            }
        }
        u.excTable = entries
    }

    func requestHandlers(_ i: Int) {
        guard let st = states[i].first else { return }
        if let li = st.blocks.lastIndex(where: { $0.handler > i }) {
            let h = st.blocks[li].handler
            trampoline(.entry(level: li, handler: h)) {
                self.emit(.mpSetExc)
                self.emitJumpInto(h)
            }
        } else if !st.blocks.isEmpty {
            trampoline(.leave(level: 0)) {
                self.emit(.mpRestoreExc, self.depthSlot(0) + 1)
                self.emit(.reraise)
            }
        }
    }

    func loadConstValue(_ c: ConstValue) {
        switch c {
        case .none: emit(.loadNone)
        case .true: emit(.loadTrue)
        case .false: emit(.loadFalse)
        case .int(let v) where v >= -0x80_0000 && v < 0x80_0000: emit(.loadSmallInt, Int(v))
        case .str(let b) where b.count <= 40:
            emit(.loadQstr, Int(qstrs.intern(b, b.count)))
        default:
            emit(.loadConst, constIndex(c, key: nil))
        }
    }

    func childConst(_ idx: Int) throws -> (Int, Int) {
        guard idx >= 0 && idx < children.count else { throw corrupt("bad function index") }
        return (constIndex(.code(children[idx].0), key: "child:\(idx)"), children[idx].1)
    }

    static let binaryMap: [Int] = [11, 12, 10, 8, 9, 0, 1, 2, 3, 5, 4, 6, 7]
    static let compareMap: [Int] = [0, 4, 2, 1, 5, 3]

    func emitInsn(_ i: Int) throws {
        let ins = insns[i]
        let op = ins.op
        let blocks = states[i][0].blocks
        requestHandlers(i)
        switch op {
        case MpyOp.smallIntMulti..<(MpyOp.smallIntMulti + 64):
            emit(.loadSmallInt, Int(op - MpyOp.smallIntMulti) - 16)
        case MpyOp.loadFastMulti..<(MpyOp.loadFastMulti + 16):
            emit(.loadFast, try local(Int(op - MpyOp.loadFastMulti)))
        case MpyOp.storeFastMulti..<(MpyOp.storeFastMulti + 16):
            let l = Int(op - MpyOp.storeFastMulti)
            guard !isCellOrFree(l) else { throw corrupt("store to a cell") }
            emit(.storeFast, try local(l))
        case MpyOp.unaryMulti..<(MpyOp.unaryMulti + 4):
            switch op - MpyOp.unaryMulti {
            case 0: emit(.unaryOp, Int(UnaryOpCode.pos.rawValue))
            case 1: emit(.unaryOp, Int(UnaryOpCode.neg.rawValue))
            case 2: emit(.unaryOp, Int(UnaryOpCode.invert.rawValue))
            default: emit(.not)
            }
        case MpyOp.binaryMulti..<(MpyOp.binaryMulti + UInt8(MpyOp.binaryCount)):
            let b = Int(op - MpyOp.binaryMulti)
            switch b {
            case 0...5: emit(.compareOp, Self.compareMap[b])
            case 6: emit(.containsOp, 0)
            case 7: emit(.isOp, 0)
            case 8: emit(.checkExcMatch)
            case 9...21: emit(.binaryOp, Self.binaryMap[b - 9] + 13)
            default: emit(.binaryOp, Self.binaryMap[b - 22])
            }
        case MpyOp.loadConstFalse: emit(.loadFalse)
        case MpyOp.loadConstNone: emit(.loadNone)
        case MpyOp.loadConstTrue: emit(.loadTrue)
        case MpyOp.loadNull: emit(.mpLoadNull)
        case MpyOp.loadBuildClass: emit(.loadBuildClass)
        case MpyOp.loadConstSmallInt:
            if ins.arg >= -0x80_0000 && ins.arg < 0x80_0000 {
                emit(.loadSmallInt, ins.arg)
            } else {
                emit(.loadConst, constIndex(.int(Int64(ins.arg)), key: "i\(ins.arg)"))
            }
        case MpyOp.loadConstObj:
            loadConstValue(try owner.const(ins.arg))
        case MpyOp.loadConstString:
            let q = try owner.qid(ins.arg)
            emit(.loadQstr, Int(q))
        case MpyOp.loadName: emit(.loadName, Int(try owner.qid(ins.arg)))
        case MpyOp.loadGlobal: emit(.loadGlobal, Int(try owner.qid(ins.arg))); extra(0)
        case MpyOp.loadAttr: emit(.loadAttr, Int(try owner.qid(ins.arg))); extra(0)
        case MpyOp.loadMethod: emit(.mpLoadMethod, Int(try owner.qid(ins.arg)))
        case MpyOp.loadSuperMethod: emit(.loadSuperMethod, Int(try owner.qid(ins.arg)))
        case MpyOp.storeName: emit(.storeName, Int(try owner.qid(ins.arg)))
        case MpyOp.storeGlobal: emit(.storeGlobal, Int(try owner.qid(ins.arg))); extra(0)
        case MpyOp.storeAttr: emit(.mpStoreAttr, Int(try owner.qid(ins.arg)))
        case MpyOp.deleteName: emit(.deleteName, Int(try owner.qid(ins.arg)))
        case MpyOp.deleteGlobal: emit(.deleteGlobal, Int(try owner.qid(ins.arg))); extra(0)
        case MpyOp.importName: emit(.importName, Int(try owner.qid(ins.arg)))
        case MpyOp.importFrom: emit(.importFrom, Int(try owner.qid(ins.arg)))
        case MpyOp.importStar: emit(.importStar)
        case MpyOp.loadFastN:
            emit(.loadFast, try local(ins.arg))
        case MpyOp.storeFastN, MpyOp.deleteFast:
            guard ins.arg < mpLocals, !isCellOrFree(ins.arg) else { throw corrupt("store to a cell") }
            emit(op == MpyOp.storeFastN ? .storeFast : .deleteFast, try local(ins.arg))
        case MpyOp.loadDeref, MpyOp.storeDeref, MpyOp.deleteDeref:
            guard ins.arg < mpLocals, isCellOrFree(ins.arg) else { throw corrupt("not a cell") }
            emit(op == MpyOp.loadDeref ? .loadDeref : op == MpyOp.storeDeref ? .storeDeref : .deleteDeref, try local(ins.arg))
        case MpyOp.dupTop: emit(.dupTop)
        case MpyOp.dupTopTwo: emit(.dupTopTwo)
        case MpyOp.popTop: emit(.popTop)
        case MpyOp.rotTwo: emit(.rotTwo)
        case MpyOp.rotThree: emit(.rotThree)
        case MpyOp.loadSubscr: emit(.loadSubscr)
        case MpyOp.storeSubscr: emit(.mpStoreSubscr)
        case MpyOp.storeMap: emit(.mpStoreMap)
        case MpyOp.buildTuple: emit(.buildTuple, ins.arg)
        case MpyOp.buildList: emit(.buildList, ins.arg)
        case MpyOp.buildSet: emit(.buildSet, ins.arg)
        case MpyOp.buildMap: emit(.buildMap, 0)
        case MpyOp.buildSlice: emit(.buildSlice, ins.arg)
        case MpyOp.storeComp: emit(.mpStoreComp, ins.arg)
        case MpyOp.unpackSequence: emit(.unpackSequence, ins.arg)
        case MpyOp.unpackEx: emit(.unpackEx, ins.arg)
        case MpyOp.getIter:
            if i + 2 < n, insns[i + 1].op == MpyOp.loadConstNone, insns[i + 2].op == MpyOp.yieldFrom {
                emit(.mpGetAwaitIter)
            } else {
                emit(.getIter)
            }
        case MpyOp.getIterStack:
            emit(.getIter); emit(.mpLoadNull); emit(.rotTwo); emit(.mpLoadNull); emit(.mpLoadNull)
        case MpyOp.forIter:
            emitJump(.mpForIter, .insn(try target(ins)))
        case MpyOp.makeFunction:
            let (c, nf) = try childConst(ins.arg)
            guard nf == 0 else { throw corrupt("function needs a closure") }
            emit(.makeFunction, c); extra(0)
        case MpyOp.makeFunctionDefargs:
            let (c, _) = try childConst(ins.arg)
            emit(.mpMakeFunction, c); extra(MakeFunctionFlag.defaults | MakeFunctionFlag.kwDefaults)
        case MpyOp.makeClosure, MpyOp.makeClosureDefargs:
            let (c, nf) = try childConst(ins.arg)
            guard nf == ins.extra else { throw corrupt("closure size") }
            emit(.buildTuple, ins.extra)
            emit(.mpMakeFunction, c)
            extra(MakeFunctionFlag.closure | (op == MpyOp.makeClosureDefargs ? MakeFunctionFlag.defaults | MakeFunctionFlag.kwDefaults : 0))
        case MpyOp.callFunction, MpyOp.callFunctionVarKw, MpyOp.callMethod, MpyOp.callMethodVarKw:
            let isMethod = op == MpyOp.callMethod || op == MpyOp.callMethodVarKw
            let varkw = op == MpyOp.callFunctionVarKw || op == MpyOp.callMethodVarKw
            emit(.mpCall, ins.arg | (isMethod ? 0x1_0000 : 0) | (varkw ? 0x2_0000 : 0))
        case MpyOp.jump: emitJump(.jump, .insn(try target(ins)))
        case MpyOp.popJumpIfTrue, MpyOp.popJumpIfFalse, MpyOp.jumpIfTrueOrPop, MpyOp.jumpIfFalseOrPop:
            let t = try target(ins)
            let onTrue = op == MpyOp.popJumpIfTrue || op == MpyOp.jumpIfTrueOrPop
            let pops = op == MpyOp.popJumpIfTrue || op == MpyOp.popJumpIfFalse
            if t > i {
                emitJump(pops ? (onTrue ? .popJumpIfTrue : .popJumpIfFalse) : (onTrue ? .jumpIfTrueOrPop : .jumpIfFalseOrPop), .insn(t))
            } else {
                // a loop's backward branch: through `jump`, which counts ticks (Ctrl-C, scheduler)
                let skip = Label.skip(i)
                if !pops { emit(.dupTop) }
                emitJump(onTrue ? .popJumpIfFalse : .popJumpIfTrue, skip)
                emitJump(.jump, .insn(t))
                place(skip)
                if !pops { emit(.popTop) }
            }
        case MpyOp.setupExcept, MpyOp.setupFinally:
            emit(.mpSetup, depthSlot(blocks.count))
        case MpyOp.setupWith:
            emit(.beforeWith); emit(.mpLoadNull); emit(.rotTwo)
            emit(.mpSetup, depthSlot(blocks.count) | 1 << 16)
        case MpyOp.popExceptJump:
            let level = blocks.count - 1
            if blocks[level].handler <= i { emit(.mpRestoreExc, depthSlot(level) + 1) }
            emitJump(.jump, .insn(try target(ins)))
        case MpyOp.withCleanup:
            emit(.mpWithCleanup, depthSlot(blocks.count - 1))
        case MpyOp.endFinally:
            let ci = constIndex(.none, key: nil)     // its table is filled in once the targets are known
            endFinallyTables.append((ci, i))
            emit(.mpEndFinally, ci)
            let below = Array(blocks.dropLast())
            if let info = endFinally[i] {
                if info.hasReturn { trampoline(.retCont(i)) { self.emitReturnWalk(from: i, blocks: below) } }
                for key in info.jumps {
                    trampoline(.jumpCont(i, key)) {
                        try self.emitUnwindWalk(from: i, blocks: below, dest: key.dest, count: key.remaining, popIter: key.popIter)
                    }
                }
            }
        case MpyOp.returnValue:
            emitReturnWalk(from: i, blocks: blocks)
        case MpyOp.unwindJump:
            try emitUnwindWalk(from: i, blocks: blocks, dest: try target(ins), count: ins.extra & 0x7F, popIter: ins.extra & 0x80 != 0)
        case MpyOp.raiseLast: emit(.raiseVarargs, 0)
        case MpyOp.raiseObj: emit(.raiseVarargs, 1)
        case MpyOp.raiseFrom: emit(.raiseVarargs, 2)
        case MpyOp.yieldValue: emit(.yieldValue)
        case MpyOp.yieldFrom: emit(.yieldFrom)
        default:
            throw corrupt("unknown opcode")
        }
    }

    func emitReturnWalk(from i: Int, blocks: [ABlock]) {
        for idx in stride(from: blocks.count - 1, through: 0, by: -1) {
            let b = blocks[idx]
            if b.handler <= i {
                emit(.mpRestoreExc, depthSlot(idx) + 1)
            } else if b.kind != .except {
                emit(.storeFast, scratch)
                emit(.mpPopTo, depthSlot(idx))
                emit(.loadFast, scratch)
                emit(.loadSmallInt, -1)
                emitJumpInto(b.handler)
                return
            }
        }
        emit(.returnValue)
    }

    func emitUnwindWalk(from i: Int, blocks: [ABlock], dest: Int, count: Int, popIter: Bool) throws {
        for k in 0..<count {
            let idx = blocks.count - 1 - k
            guard idx >= 0 else { throw corrupt("unwinding past the outermost block") }
            let b = blocks[idx]
            if b.handler <= i {
                emit(.mpRestoreExc, depthSlot(idx) + 1)
                if b.kind != .except { emit(.mpPopTo, depthSlot(idx)) }
            } else if b.kind != .except {
                let key = JumpKey(handler: b.handler, dest: dest, remaining: count - k - 1, popIter: popIter)
                guard let id = jumpIds[key] else { throw corrupt("internal: unknown continuation") }
                emit(.mpPopTo, depthSlot(idx))
                emit(.mpLoadNull)
                emit(.loadSmallInt, id)
                emitJumpInto(b.handler)
                return
            }
        }
        if popIter { for _ in 0..<4 { emit(.popTop) } }
        emitJumpInto(dest)
    }

    func finishEndFinallyTables() throws {
        for (ci, i) in endFinallyTables {
            let level = states[i][0].blocks.count - 1
            let info = endFinally[i] ?? EndFinallyInfo()
            var t: [ConstValue] = [.int(Int64(depthSlot(level))), .int(Int64(info.noneOffset ?? -99)),
                                   .int(Int64(info.markerOffset ?? -99))]
            t.append(.int(Int64(info.hasReturn ? labelWords[.retCont(i)] ?? -1 : -1)))
            for key in info.jumps {
                guard let id = jumpIds[key], let w = labelWords[.jumpCont(i, key)] else { throw corrupt("internal: continuation") }
                t.append(.int(Int64(id)))
                t.append(.int(Int64(w)))
            }
            u.consts[ci] = .tuple(t)
        }
    }
}

// MARK: - loading

/// Imports a .mpy file as module `name` (ValueError for files this interpreter cannot load).
func loadMpy(_ name: String, data: [UInt8], file: String, packageDir: String? = nil) throws -> Obj {
    let unit: CodeUnit
    do {
        let f = try readMpyFile(data)
        unit = try MpyTranslator(f).translateModule()
        // debugging aid: MICROBOARD_MPY_DIS=1 lists the translated code on stderr
        if getenv("MICROBOARD_MPY_DIS") != nil { stderrWrite(Array(disassemble(unit).utf8)) }
    } catch let e as MpyError {
        throw valueError(e.message)
    }
    let m = try newModule(name: qobj(name))
    let keep = pushRoot(m)
    defer { popRoots(to: keep) }
    let d = dictMap(moduleDict(m))
    try d.set(qobj(.__file__), try newStr(file))
    if let pd = packageDir { try d.set(qobj(.__path__), try newStr(pd)) }
    try sysModulesMap().set(qobj(name), m)
    do {
        let code = try materialize(unit)
        _ = pushRoot(code)
        _ = try runCode(code, globals: moduleDict(m))
    } catch {
        _ = try? sysModulesMap().remove(qobj(name))
        throw error
    }
    return m
}
