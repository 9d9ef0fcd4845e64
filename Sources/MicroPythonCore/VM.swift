import CSupport
import Glibc

// The bytecode interpreter: one loop over 32-bit instruction words, the value stack and locals
// reached through raw pointers. Frames of ordinary calls live on the VM stack (scanned precisely
// by the GC); generator frames live inside their generator object in the heap.
//
// Frame layout: [code][globals][function][ip][sp][namespace] then locals, then the value stack.

enum FrameWord {
    static let code = 0, globals = 1, function = 2, ip = 3, sp = 4, namespace = 5
    static let header = 6
}

/// ip value of a frame that has returned (generators use it to tell return from yield).
let frameFinished: UInt32 = 0xFFFF_FFFF

@inline(__always) func frameSlots(_ code: Obj) -> Int { FrameWord.header + codeNLocals(code) + codeStackSize(code) }


/// Set by RERAISE / bare raise so the traceback does not get this frame twice.
nonisolated(unsafe) var reraising = false

@inline(never)
func checkNativeStack() throws {
    let sp = UInt(bitPattern: mb_stack_pointer())
    if _slowPath(sp < rt.pointee.nativeStackLimit) {
        throw runtimeError("maximum recursion depth exceeded")
    }
}

@inline(__always) func vmPush(_ sp: inout UnsafeMutablePointer<Obj>, _ v: Obj) {
    sp.pointee = v
    sp += 1
}

@inline(__always) func vmPop(_ sp: inout UnsafeMutablePointer<Obj>) -> Obj {
    sp -= 1
    return sp.pointee
}

/// Runs a frame until it returns, raises, or yields (generators; frame[ip] then says where).
func execute(_ frame: UnsafeMutablePointer<Obj>, throwing: Obj = .null) throws -> Obj {
    let code = frame[FrameWord.code]
    let locals = frame + FrameWord.header
    let stackBase = locals + codeNLocals(code)
    var ip = Int(frame[FrameWord.ip].raw)
    var sp = stackBase + Int(frame[FrameWord.sp].raw)
    var pendingThrow = throwing
    rt.pointee.callDepth += 1
    let savedFrame = currentFrame
    currentFrame = frame
    defer {
        rt.pointee.callDepth -= 1
        currentFrame = savedFrame
    }
    // The dispatch loop runs in its own function; exceptions come back here, where the handler
    // table decides where to resume. ip and sp are inout, so they are current when it throws.
    while true {
        do {
            return try dispatch(frame, &ip, &sp, &pendingThrow)
        } catch {
            let exc = error.exc
            let faultIP = ip - 1
            if reraising {
                reraising = false
            } else {
                if !isRomAddr(exc.raw) {
                    addTraceback(exc, file: codeFilename(code), line: codeLine(code, ip: faultIP), function: codeName(code))
                }
                let handled = getRoot(.handledException)
                if !handled.isNull && handled != .none && handled != exc && isException(exc) && exc.o(ExcWord.context).isNull {
                    exc.setO(ExcWord.context, handled)
                }
            }
            if let found = codeFindHandler(code, ip: faultIP) {
                var depth = found.1
                if UInt32(depth) & mpyDepthFromSlot != 0 {
                    depth = mpySavedDepth(frame + FrameWord.header, Int(UInt32(depth) & ~mpyDepthFromSlot), current: sp - stackBase)
                }
                sp = stackBase + depth
                vmPush(&sp, exc)
                ip = found.0
                continue
            }
            frame[FrameWord.ip] = Obj(raw: frameFinished)
            throw error
        }
    }
}

/// The hot loop: runs instructions until the frame returns or yields, or an exception escapes.
private func dispatch(_ frame: UnsafeMutablePointer<Obj>, _ ip: inout Int, _ sp: inout UnsafeMutablePointer<Obj>,
                      _ pendingThrow: inout Obj) throws -> Obj {
    let code = frame[FrameWord.code]
    let bc = codeBytecode(code)
    let consts = tupleItems(code.o(CodeWord.consts))
    let locals = frame + FrameWord.header
    let stackBase = locals + codeNLocals(code)
    let globals = frame[FrameWord.globals]
    // Instructions run since this frame's last tick: a tick charges them to the cycle budget
    // (the board's virtual time is instructions x cycles per instruction, plus calls), and so
    // does leaving the frame. A register add per instruction, no memory traffic.
    var pendingOps = 0
    defer { chargeOps(pendingOps) }
    while true {
        if _slowPath(!pendingThrow.isNull) {
            let exc = pendingThrow
            pendingThrow = .null
            if Op.from(bc[ip]) == .yieldFrom {
                // delegate the throw to the sub-iterator
                let inner = sp[-1]
                let (v, done) = try generatorThrowInto(inner, exc)
                if done {
                    sp -= 1
                    vmPush(&sp, v)
                    ip += 1
                } else {
                    frame[FrameWord.ip] = Obj(raw: UInt32(ip))
                    frame[FrameWord.sp] = Obj(raw: UInt32(sp - stackBase))
                    return v
                }
            } else {
                throw PyErr(try makeRaisable(exc))
            }
        }
        let w = bc[ip]
        ip += 1
        pendingOps &+= 1
        let arg = Int(w >> 8)
        switch Op.from(w) {
        case .nop:
            break
        case .loadConst:
            vmPush(&sp, consts[arg])
        case .loadSmallInt:
            vmPush(&sp, Obj(small: (arg << 40) >> 40))
        case .loadNone:
            vmPush(&sp, .none)
        case .loadTrue:
            vmPush(&sp, .true)
        case .loadFalse:
            vmPush(&sp, .false)
        case .loadQstr:
            vmPush(&sp, Obj(qstr: UInt32(arg)))
        case .loadNull:
            vmPush(&sp, .null)
        case .popTop:
            sp -= 1
        case .dupTop:
            vmPush(&sp, sp[-1])
        case .dupTopTwo:
            let a = sp[-2], b = sp[-1]
            vmPush(&sp, a); vmPush(&sp, b)
        case .rotTwo:
            let a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = a
        case .rotThree:
            let a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = a
        case .rotFour:
            let a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = sp[-4]; sp[-4] = a

        case .loadFast:
            let v = locals[arg]
            if _slowPath(v.isNull) { throw unboundLocal(code, arg) }
            vmPush(&sp, v)
        case .storeFast:
            locals[arg] = vmPop(&sp)
        case .deleteFast:
            if locals[arg].isNull { throw unboundLocal(code, arg) }
            locals[arg] = .null
        case .loadFastLoadFast:
            vmPush(&sp, locals[arg & 0xFFF]); vmPush(&sp, locals[arg >> 12])
        case .storeFastLoadFast:
            locals[arg & 0xFFF] = vmPop(&sp); vmPush(&sp, locals[arg >> 12])
        case .loadDeref:
            let v = locals[arg].o(1)
            if _slowPath(v.isNull) { throw unboundLocal(code, arg) }
            vmPush(&sp, v)
        case .storeDeref:
            locals[arg].setO(1, vmPop(&sp))
        case .deleteDeref:
            locals[arg].setO(1, .null)
        case .loadClosure:
            vmPush(&sp, locals[arg])
        case .loadClassDeref:
            let nameObj = Obj(raw: bc[ip]); ip += 1
            let ns = frame[FrameWord.namespace]
            if !ns.isNull, let v = try dictMap(ns).get(nameObj) {
                vmPush(&sp, v)
            } else {
                let v = locals[arg].o(1)
                if v.isNull { throw unboundLocal(code, arg) }
                vmPush(&sp, v)
            }

        case .loadGlobal:
            let cacheSlot = bc + ip
            ip += 1
            let name = Obj(qstr: UInt32(arg))
            let m = dictMap(globals)
            let c = Int(cacheSlot.pointee)
            if c > 0 && c <= m.fill && m.key(c - 1) == name {
                vmPush(&sp, m.value(c - 1))
            } else if let i = m.findQstr(name) {
                cacheSlot.pointee = UInt32(i + 1)
                vmPush(&sp, m.value(i))
            } else {
                vmPush(&sp, try loadGlobalSlow(globals, name))
            }
        case .storeGlobal:
            ip += 1
            try dictMap(globals).set(Obj(qstr: UInt32(arg)), vmPop(&sp))
        case .deleteGlobal:
            ip += 1
            let name = Obj(qstr: UInt32(arg))
            if try dictMap(globals).remove(name) == nil { throw nameError(name) }
        case .loadName:
            let name = Obj(qstr: UInt32(arg))
            let ns = frame[FrameWord.namespace]
            if !ns.isNull, let v = try dictMap(ns).get(name) {
                vmPush(&sp, v)
            } else {
                vmPush(&sp, try loadGlobalSlow(globals, name, checkGlobals: true))
            }
        case .storeName:
            let ns = frame[FrameWord.namespace]
            try dictMap(ns.isNull ? globals : ns).set(Obj(qstr: UInt32(arg)), vmPop(&sp))
        case .deleteName:
            let ns = frame[FrameWord.namespace]
            let name = Obj(qstr: UInt32(arg))
            if try dictMap(ns.isNull ? globals : ns).remove(name) == nil { throw nameError(name) }

        case .loadAttr:
            ip += 1
            sp[-1] = try loadAttr(sp[-1], Obj(qstr: UInt32(arg)))
        case .storeAttr:
            ip += 1
            let obj = vmPop(&sp), v = vmPop(&sp)
            try storeAttr(obj, Obj(qstr: UInt32(arg)), v)
        case .deleteAttr:
            ip += 1
            try deleteAttr(vmPop(&sp), Obj(qstr: UInt32(arg)))
        case .loadMethod:
            ip += 1
            try loadMethod(sp[-1], Obj(qstr: UInt32(arg)), into: sp - 1)
            sp += 1
        case .loadSuperMethod:
            // [super, class, self] -> [method, self-or-null]
            let selfObj = vmPop(&sp), cls = vmPop(&sp)
            let sup = try callObjectArgs(sp[-1], [cls, selfObj], stackTop: sp + 2)
            sp[-1] = sup
            try loadMethod(sup, Obj(qstr: UInt32(arg)), into: sp - 1)
            sp += 1
            if sp[-1].isNull { sp[-1] = mpyNull }
        case .loadSubscr:
            let idx = vmPop(&sp)
            sp[-1] = try subscrLoad(sp[-1], idx)
        case .storeSubscr:
            let idx = vmPop(&sp), obj = vmPop(&sp), v = vmPop(&sp)
            try subscrStore(obj, idx, v)
        case .deleteSubscr:
            let idx = vmPop(&sp), obj = vmPop(&sp)
            try subscrDelete(obj, idx)
        case .buildSlice:
            if arg == 3 {
                let step = vmPop(&sp), stop = vmPop(&sp)
                sp[-1] = try newSlice(sp[-1], stop, step)
            } else {
                let stop = vmPop(&sp)
                sp[-1] = try newSlice(sp[-1], stop, .none)
            }

        case .binaryOp:
            let b = vmPop(&sp)
            let a = sp[-1]
            if a.raw & b.raw & 1 != 0 {
                let x = a.smallInt, y = b.smallInt
                switch arg {
                case 0, 13:
                    let r = x &+ y
                    if Obj.fitsSmall(r) { sp[-1] = Obj(small: r); continue }
                case 1, 14:
                    let r = x &- y
                    if Obj.fitsSmall(r) { sp[-1] = Obj(small: r); continue }
                case 2, 15:
                    let (r, o) = x.multipliedReportingOverflow(by: y)
                    if !o && Obj.fitsSmall(r) { sp[-1] = Obj(small: r); continue }
                default:
                    break
                }
            }
            if let r = try fastFloatOp(arg, a, b) { sp[-1] = r; continue }
            sp[-1] = try binaryOp(BinOpCode.from(UInt32(arg)), a, b)
        case .unaryOp:
            sp[-1] = try unaryOp(UnaryOpCode.from(arg), sp[-1])
        case .compareOp:
            let b = vmPop(&sp)
            let a = sp[-1]
            if a.raw & b.raw & 1 != 0 {
                let x = Int32(bitPattern: a.raw), y = Int32(bitPattern: b.raw)
                let r: Bool
                switch arg {
                case 0: r = x < y
                case 1: r = x <= y
                case 2: r = x == y
                case 3: r = x != y
                case 4: r = x > y
                default: r = x >= y
                }
                sp[-1] = r ? .true : .false
            } else {
                if let r = fastFloatCompare(arg, a, b) { sp[-1] = r; continue }
                sp[-1] = try compareOp(CmpOpCode.from(arg), a, b)
            }
        case .isOp:
            let b = vmPop(&sp)
            let same = sp[-1] == b
            sp[-1] = (same != (arg == 1)) ? .true : .false
        case .containsOp:
            let container = vmPop(&sp)
            let found = try containsOp(container, sp[-1])
            sp[-1] = (found != (arg == 1)) ? .true : .false
        case .not:
            sp[-1] = try pyTruthy(sp[-1]) ? .false : .true

        case .jump:
            if arg < ip { try tick(pendingOps); pendingOps = 0 }
            ip = arg
        case .popJumpIfFalse:
            let v = vmPop(&sp)
            if v == .false { ip = arg } else if v != .true, try !pyTruthy(v) { ip = arg }
        case .popJumpIfTrue:
            let v = vmPop(&sp)
            if v == .true { ip = arg } else if v != .false, try pyTruthy(v) { ip = arg }
        case .jumpIfFalseOrPop:
            if try !pyTruthy(sp[-1]) { ip = arg } else { sp -= 1 }
        case .jumpIfTrueOrPop:
            if try pyTruthy(sp[-1]) { ip = arg } else { sp -= 1 }
        case .getIter:
            sp[-1] = try getIter(sp[-1])
        case .forIter:
            let it = sp[-1]
            if it.isType(.rangeIterator) {
                if let cur = rangeIteratorNext(it) {
                    vmPush(&sp, Obj.fitsSmall(cur) ? Obj(small: cur) : try newInt(cur))
                } else {
                    sp -= 1
                    ip = arg
                }
            } else if it.isType(.seqIterator) && it.o(1).isType(.list) {
                let l = it.o(1)
                let i = Int(it.w(2))
                if i < listLen(l) {
                    it.setW(2, UInt32(i + 1))
                    vmPush(&sp, listItems(l)[i])
                } else {
                    sp -= 1
                    ip = arg
                }
            } else {
                let v = try iterNext(it)
                if v == .stopIteration {
                    sp -= 1
                    ip = arg
                } else {
                    vmPush(&sp, v)
                }
            }
        case .forIterRange:
            let step = Int(Int32(bitPattern: bc[ip]))
            ip += 1
            let cur = sp[-2], stop = sp[-1]
            if cur.isSmallInt && stop.isSmallInt {
                let c = cur.smallInt, s = stop.smallInt
                if step > 0 ? c < s : c > s {
                    let n = c &+ step
                    sp[-2] = Obj.fitsSmall(n) ? Obj(small: n) : try newInt(n)
                    vmPush(&sp, cur)
                } else {
                    sp -= 2
                    ip = arg
                }
            } else {
                try forIterRangeSlow(&sp, &ip, step, arg)
            }

        case .call:
            let npos = arg & 0xFF, nkw = (arg >> 8) & 0xFF
            let kwnames = nkw > 0 ? consts[Int(bc[ip])] : Obj.null
            ip += 1
            let argBase = sp - npos - nkw
            let callable = argBase[-2]
            let selfObj = argBase[-1]
            let result: Obj
            let base = selfObj.isNull ? argBase : argBase - 1
            let count = selfObj.isNull ? npos : npos + 1
            if callable.isType(.function) {
                result = try callFunction(callable, base, count, kwnames)
            } else if callable.isType(.builtinFunction) {
                let saved = rt.pointee.vmStackTop
                if saved < sp { rt.pointee.vmStackTop = sp }
                defer { rt.pointee.vmStackTop = saved }
                result = try callNative(callable, Args(base: base, count: count, kwnames: kwnames))
            } else {
                result = try callObjectOnStack(callable, base, count, kwnames, stackTop: sp)
            }
            sp = argBase - 2
            vmPush(&sp, result)
            try tick(pendingOps &+ callOps); pendingOps = 0
        case .callEx:
            let kwargs = arg == 1 ? vmPop(&sp) : Obj.null
            let posTuple = vmPop(&sp)
            let selfObj = vmPop(&sp)
            let callable = vmPop(&sp)
            vmPush(&sp, try callWithTupleAndDict(callable, selfObj, posTuple, kwargs, stackTop: sp))
        case .makeFunction:
            let flags = bc[ip]; ip += 1
            let closure = flags & MakeFunctionFlag.closure != 0 ? vmPop(&sp) : Obj.null
            let kwdefaults = flags & MakeFunctionFlag.kwDefaults != 0 ? vmPop(&sp) : Obj.null
            let defaults = flags & MakeFunctionFlag.defaults != 0 ? vmPop(&sp) : Obj.null
            vmPush(&sp, try newFunction(code: consts[arg], globals: globals, defaults: defaults, kwDefaults: kwdefaults, closure: closure))
        case .returnValue:
            let v = vmPop(&sp)
            frame[FrameWord.ip] = Obj(raw: frameFinished)
            return v

        case .buildTuple:
            let t = try newTuple(sp - arg, arg)
            sp -= arg
            vmPush(&sp, t)
        case .buildList:
            let l = try newList(sp - arg, arg)
            sp -= arg
            vmPush(&sp, l)
        case .buildSet:
            let s = try newSet()
            _ = pushRoot(s)
            for i in 0..<arg { try setAddItem(s, sp[i - arg]) }
            rt.pointee.vmStackTop -= 1
            sp -= arg
            vmPush(&sp, s)
        case .buildMap:
            let d = try newDict()
            let keep = pushRoot(d)
            for i in 0..<arg { try dictMap(d).set(sp[2 * i - 2 * arg], sp[2 * i - 2 * arg + 1]) }
            popRoots(to: keep)
            sp -= 2 * arg
            vmPush(&sp, d)
        case .buildString:
            let s = try joinStrings(sp - arg, arg)
            sp -= arg
            vmPush(&sp, s)
        case .formatValue:
            let spec = arg & 0x100 != 0 ? vmPop(&sp) : Obj.null
            sp[-1] = try formatValue(sp[-1], conversion: UInt8(arg & 0xFF), spec: spec)
        case .listAppend:
            let v = vmPop(&sp)
            try listAppend(sp[-arg], v)
        case .setAdd:
            let v = vmPop(&sp)
            try setAddItem(sp[-arg], v)
        case .mapAdd:
            let v = vmPop(&sp), k = vmPop(&sp)
            try dictMap(sp[-arg]).set(k, v)
        case .listExtend:
            let v = vmPop(&sp)
            try listExtend(sp[-arg], v)
        case .setUpdate:
            let v = vmPop(&sp)
            try setUpdate(sp[-arg], v)
        case .dictUpdate:
            let v = vmPop(&sp)
            try dictUpdate(sp[-arg], v)
        case .dictMerge:
            let v = vmPop(&sp)
            try dictMerge(sp[-arg], v)
        case .listToTuple:
            let l = sp[-1]
            sp[-1] = try newTuple(listItems(l), listLen(l))
        case .unpackSequence:
            let seq = vmPop(&sp)
            try unpackSequence(seq, arg, into: sp)
            sp += arg
        case .unpackEx:
            let seq = vmPop(&sp)
            let n = try unpackEx(seq, before: arg & 0xFF, after: arg >> 8, into: sp)
            sp += n

        case .importName:
            let fromlist = vmPop(&sp)
            let level = sp[-1]
            sp[-1] = try importName(Obj(qstr: UInt32(arg)), fromlist: fromlist, level: level.smallInt, globals: globals)
        case .importFrom:
            vmPush(&sp, try importFrom(sp[-1], Obj(qstr: UInt32(arg))))
        case .importStar:
            try importStar(vmPop(&sp), into: globals)

        case .raiseVarargs:
            if arg == 0 {
                let h = getRoot(.handledException)
                if h.isNull || h == .none { throw runtimeError("No active exception to reraise") }
                reraising = true
                throw PyErr(h)
            }
            var cause = Obj.null
            if arg == 2 { cause = vmPop(&sp) }
            let exc = try makeRaisable(vmPop(&sp))
            if arg == 2 {
                if cause == .none {
                    exc.setO(ExcWord.cause, .null)
                    exc.setW(ExcWord.flags, 1)
                } else {
                    let c = try makeRaisable(cause)
                    exc.setO(ExcWord.cause, c)
                    exc.setW(ExcWord.flags, 1)
                }
            }
            throw PyErr(exc)
        case .reraise:
            reraising = true
            throw PyErr(vmPop(&sp))
        case .pushExcInfo:
            let exc = sp[-1]
            let prev = getRoot(.handledException)
            sp[-1] = prev
            sp[0] = exc
            sp += 1
            setRoot(.handledException, exc)
        case .popExcept:
            setRoot(.handledException, vmPop(&sp))
        case .checkExcMatch:
            let t = vmPop(&sp)
            sp[-1] = try exceptionMatches(sp[-1], t) ? .true : .false
        case .withExceptStart:
            let exc = sp[-1]
            let exitFn = sp[-3]
            vmPush(&sp, try callObjectArgs(exitFn, [exc.type, exc, .none], stackTop: sp))
        case .beforeWith:
            let mgr = sp[-1]
            guard let enter = try loadAttrOpt(mgr, qobj(.__enter__)),
                  let exitFn = try loadAttrOpt(mgr, qobj(.__exit__)) else {
                throw attributeError("__enter__/__exit__")
            }
            sp[-1] = exitFn
            vmPush(&sp, try callObjectArgs(enter, [], stackTop: sp))
        case .beforeAsyncWith:
            let mgr = sp[-1]
            guard let enter = try loadAttrOpt(mgr, qobj(.__aenter__)),
                  let exitFn = try loadAttrOpt(mgr, qobj(.__aexit__)) else {
                throw attributeError("__aenter__/__aexit__")
            }
            sp[-1] = exitFn
            vmPush(&sp, try callObjectArgs(enter, [], stackTop: sp))
        case .setupAnnotations:
            break

        case .yieldValue:
            let v = vmPop(&sp)
            frame[FrameWord.ip] = Obj(raw: UInt32(ip))
            frame[FrameWord.sp] = Obj(raw: UInt32(sp - stackBase))
            return v
        case .getYieldFromIter:
            let o = sp[-1]
            if !o.isType(.generator) { sp[-1] = try getIter(o) }
        case .yieldFrom:
            let sent = vmPop(&sp)
            let inner = sp[-1]
            let (v, done) = try generatorSendInto(inner, sent)
            if done {
                sp[-1] = v
            } else {
                frame[FrameWord.ip] = Obj(raw: UInt32(ip - 1))
                frame[FrameWord.sp] = Obj(raw: UInt32(sp - stackBase))
                return v
            }
        case .getAwaitable:
            sp[-1] = try getAwaitable(sp[-1])
        case .getAiter:
            sp[-1] = try callMethod(sp[-1], .__aiter__, [], stackTop: sp)
        case .getAnext:
            let aw = try callMethod(sp[-1], .__anext__, [], stackTop: sp)
            vmPush(&sp, try getAwaitable(aw))
        case .endAsyncFor:
            let exc = vmPop(&sp)
            if isInstance(exc, .StopAsyncIteration) {
                sp -= 1
            } else {
                reraising = true
                throw PyErr(exc)
            }
        case .returnGenerator:
            break
        case .loadBuildClass:
            vmPush(&sp, builtinBuildClass)
        case .printExpr:
            let v = vmPop(&sp)
            try replPrint(v)

        case .mpLoadNull:
            vmPush(&sp, mpyNull)
        case .mpLoadMethod:
            try loadMethod(sp[-1], Obj(qstr: UInt32(arg)), into: sp - 1)
            sp += 1
            if sp[-1].isNull { sp[-1] = mpyNull }
        case .mpCall:
            if arg & 0x2_FF00 == 0 {
                // positional arguments only: as `call`, with MicroPython's stack shape
                let argBase = sp - (arg & 0xFF)
                let isMethod = arg & 0x1_0000 != 0
                let windowStart = argBase - (isMethod ? 2 : 1)
                guard windowStart >= stackBase else { throw mpyCorrupt() }
                let callable = windowStart[0]
                var base = argBase, count = arg & 0xFF
                if isMethod && argBase[-1] != mpyNull { base -= 1; count += 1 }
                let result: Obj
                if callable.isType(.function) {
                    result = try callFunction(callable, base, count, .null)
                } else if callable.isType(.builtinFunction) {
                    let saved = rt.pointee.vmStackTop
                    if saved < sp { rt.pointee.vmStackTop = sp }
                    defer { rt.pointee.vmStackTop = saved }
                    result = try callNative(callable, Args(base: base, count: count, kwnames: .null))
                } else {
                    result = try callObjectOnStack(callable, base, count, .null, stackTop: sp)
                }
                sp = windowStart
                vmPush(&sp, result)
            } else {
                try mpyCall(arg, &sp, stackBase)
            }
            try tick(pendingOps &+ callOps); pendingOps = 0
        case .mpForIter:
            if try mpyForIter(&sp, stackBase) { ip = arg }
        case .mpStoreSubscr:
            let idx = vmPop(&sp), obj = vmPop(&sp), v = vmPop(&sp)
            if v == mpyNull { try subscrDelete(obj, idx) } else { try subscrStore(obj, idx, v) }
        case .mpStoreAttr:
            let obj = vmPop(&sp), v = vmPop(&sp)
            if v == mpyNull { try deleteAttr(obj, Obj(qstr: UInt32(arg))) } else { try storeAttr(obj, Obj(qstr: UInt32(arg)), v) }
        case .mpStoreComp:
            try mpyStoreComp(arg, &sp)
        case .mpStoreMap:
            let k = vmPop(&sp), v = vmPop(&sp)
            guard sp[-1].isType(.dict) else { throw mpyCorrupt() }
            try dictMap(sp[-1]).set(k, v)
        case .mpMakeFunction:
            let flags = bc[ip]; ip += 1
            try mpyMakeFunction(consts[arg], flags, &sp, globals: globals)
        case .mpSetup:
            locals[arg & 0xFFFF] = Obj(small: sp - stackBase - (arg >> 16))
            locals[(arg & 0xFFFF) + 1] = getRoot(.handledException)
        case .mpSetExc:
            setRoot(.handledException, sp[-1])
        case .mpRestoreExc:
            setRoot(.handledException, locals[arg])
        case .mpPopTo:
            sp = stackBase + mpySavedDepth(locals, arg, current: sp - stackBase)
        case .mpWithCleanup:
            try mpyWithCleanup(arg, &sp, stackBase, locals)
        case .mpGetAwaitIter:
            sp[-1] = try mpyAwaitIter(sp[-1])
        case .mpEndFinally:
            let target = try mpyEndFinally(consts[arg], &sp, stackBase, locals)
            if target >= 0 {
                if target < ip { try tick(pendingOps); pendingOps = 0 }
                ip = target
            }
        }
    }
}

/// Float (and float with small int) arithmetic without the generic dispatch.
@inline(__always) func fastFloatOp(_ arg: Int, _ a: Obj, _ b: Obj) throws -> Obj? {
    let x: Double, y: Double
    let fa = TypeID.float.addr
    if a.raw & 3 == 0 && a.words[0] == fa {
        x = floatValue(a)
        if b.raw & 3 == 0 && b.words[0] == fa { y = floatValue(b) } else if b.isSmallInt { y = Double(b.smallInt) } else { return nil }
    } else if b.raw & 3 == 0 && b.words[0] == fa && a.isSmallInt {
        x = Double(a.smallInt)
        y = floatValue(b)
    } else {
        return nil
    }
    switch arg {
    case 0, 13: return try newFloat(x + y)
    case 1, 14: return try newFloat(x - y)
    case 2, 15: return try newFloat(x * y)
    case 4, 17:
        if y == 0 { return nil }
        return try newFloat(x / y)
    default: return nil
    }
}

@inline(__always) func fastFloatCompare(_ arg: Int, _ a: Obj, _ b: Obj) -> Obj? {
    let fa = TypeID.float.addr
    guard a.raw & 3 == 0 && a.words[0] == fa else { return nil }
    let x = floatValue(a), y: Double
    if b.raw & 3 == 0 && b.words[0] == fa { y = floatValue(b) } else if b.isSmallInt { y = Double(b.smallInt) } else { return nil }
    switch arg {
    case 0: return .bool(x < y)
    case 1: return .bool(x <= y)
    case 2: return .bool(x == y)
    case 3: return .bool(x != y)
    case 4: return .bool(x > y)
    default: return .bool(x >= y)
    }
}

@inline(never) func unboundLocal(_ code: Obj, _ slot: Int) -> PyErr {
    let names = code.o(CodeWord.localNames)
    let n = slot < tupleLen(names) ? qstrString(tupleItems(names)[slot].qstr) : "?"
    // code from a .mpy knows only its parameters' names
    if n.isEmpty { return pyErr(.NameError, "local variable referenced before assignment") }
    return pyErr(.NameError, "local variable '\(n)' referenced before assignment")
}

@inline(never) func nameError(_ name: Obj) -> PyErr {
    pyErr(.NameError, "name '\(qstrString(name.qstr))' isn't defined")
}

@inline(never) func loadGlobalSlow(_ globals: Obj, _ name: Obj, checkGlobals: Bool = false) throws -> Obj {
    if let v = try dictMap(globals).get(name) { return v }
    let b = getRoot(.builtinsDict)
    if let i = dictMap(b).findQstr(name) { return dictMap(b).value(i) }
    throw nameError(name)
}

/// The counter loop with big or non-int bounds: as range() would, bounds must be integers.
@inline(never) func forIterRangeSlow(_ sp: inout UnsafeMutablePointer<Obj>, _ ip: inout Int, _ step: Int, _ exit: Int) throws {
    let c = try intToInt(sp[-2]), s = try intToInt(sp[-1])
    if step > 0 ? c < s : c > s {
        let v = sp[-2].isSmallInt ? sp[-2] : try newInt(c)
        sp[-1] = try newInt(s)
        let (next, past) = c.addingReportingOverflow(step)   // past the machine word: the end
        sp[-2] = try newInt(past ? s : next)
        vmPush(&sp, v)
    } else {
        sp -= 2
        ip = exit
    }
}

/// Charges `units` (instructions, plus `callOps` for a call) at a backward jump or a call, the
/// points where the VM may stop for interrupts, board hooks and the budget.
@inline(__always) func tick(_ units: Int) throws {
    rt.pointee.ticksLeft &-= units
    if _slowPath(rt.pointee.ticksLeft <= 0 || mb_sigint_pending != 0) { try handlePendingInterrupt() }
}

/// Charges the instructions a frame ran after its last tick, as it returns, yields or raises;
/// the next tick notices if the quantum ran out.
@inline(__always) func chargeOps(_ units: Int) {
    rt.pointee.ticksLeft &-= units
}

/// The cost of a call in instruction units, on top of its CALL instruction: frames, argument
/// binding and lookups make a call far dearer than an instruction on a real board (the board
/// sets it from its cost table; 0 on the host).
nonisolated(unsafe) var callOps = 0

/// Asks the VM to run the slow path at the next backward jump or call.
func requestAttention() { setTicksLeft(0) }

// Tick accounting for the board's cycle estimate: `ticksLeft` counts down from `ticksReload`;
// every reload first banks what was consumed, so `tickCount()` is exact even when
// requestAttention cuts a quantum short.
nonisolated(unsafe) var ticksReload = 100_000
nonisolated(unsafe) var ticksBanked = 0
nonisolated(unsafe) var ticksAtLastHook = 0

/// Instruction units (instructions, plus `callOps` per call) executed since start-up (monotonic).
func vmTickCount() -> Int { ticksBanked &+ (ticksReload &- rt.pointee.ticksLeft) }

/// Reloads the countdown, banking the ticks consumed so far.
func setTicksLeft(_ n: Int) {
    ticksBanked = vmTickCount()
    rt.pointee.ticksLeft = n
    ticksReload = n
}

/// Raises KeyboardInterrupt for a pending Ctrl-C, if this thread may take it (the main thread).
@inline(never) func takeKeyboardInterrupt() throws {
    guard mb_sigint_pending != 0 && mayTakeInterrupt() else { return }
    mb_sigint_pending = 0
    throw PyErr(try newException(TypeID.KeyboardInterrupt.obj, args: getRoot(.emptyTuple)))
}

@inline(never) func handlePendingInterrupt() throws {
    let total = vmTickCount()
    let used = total - ticksAtLastHook
    setTicksLeft(rt.pointee.tickQuantum)
    if mb_sigint_pending != 0 && mayTakeInterrupt() {
        ticksAtLastHook = total
        try takeKeyboardInterrupt()
    }
    if rt.pointee.budget >= 0 {
        rt.pointee.budget -= used
        if rt.pointee.budget <= 0 {
            rt.pointee.budget = 0
            ticksAtLastHook = total
            throw runtimeError("instruction budget exhausted")
        }
        setTicksLeft(min(rt.pointee.tickQuantum, rt.pointee.budget))
    }
    defer { ticksAtLastHook = total }
    // other Python threads get the GIL here, once a quantum, if any waits (ThreadState.swift)
    yieldToOtherThreads()
    try runPendingHooks()
}

/// Board and scheduler hooks run between opcodes (set by the board layer).
nonisolated(unsafe) var pendingHook: (() throws -> Void)? = nil

/// Nonzero while a hard interrupt handler runs: scheduled callbacks wait until it returns (as
/// mp_sched_lock in MicroPython's IRQ path).
nonisolated(unsafe) var schedLockDepth = 0

func runPendingHooks() throws {
    if rt.pointee.pendingInterrupt && schedLockDepth == 0 {
        rt.pointee.pendingInterrupt = false
        try runScheduled()
    }
    if let h = pendingHook { try h() }
}

// MARK: - calling Python functions

/// Function object: [type][code][globals][extras] where extras is null or a tuple
/// (defaults tuple or null, keyword defaults dict or null, closure cells...).
enum FunctionWord { static let code = 1, globals = 2, extras = 3 }

func newFunction(code: Obj, globals: Obj, defaults: Obj, kwDefaults: Obj, closure: Obj) throws -> Obj {
    var extras = Obj.null
    if !defaults.isNull || !kwDefaults.isNull || !closure.isNull {
        let nc = closure.isNull ? 0 : tupleLen(closure)
        extras = try newTuple(count: 2 + nc)
        let p = tupleItems(extras)
        p[0] = defaults
        p[1] = kwDefaults
        for i in 0..<nc { p[2 + i] = tupleItems(closure)[i] }
    }
    let keep = pushRoot(extras)
    defer { popRoots(to: keep) }
    let f = try allocObj(TypeID.function.addr, words: 4)
    f.setO(FunctionWord.code, code)
    f.setO(FunctionWord.globals, globals)
    f.setO(FunctionWord.extras, extras)
    return f
}

@inline(__always) func functionCode(_ f: Obj) -> Obj { f.o(FunctionWord.code) }

/// Calls a Python function with arguments at args[0..<n] followed by keyword values.
@inline(__always)
func callFunction(_ fn: Obj, _ args: UnsafeMutablePointer<Obj>, _ n: Int, _ kwnames: Obj) throws -> Obj {
    let code = fn.o(FunctionWord.code)
    let flags = codeFlags(code)
    if _slowPath(flags & (CodeFlag.generator | CodeFlag.coroutine) != 0) {
        return try makeGenerator(fn, args, n, kwnames)
    }
    let size = frameSlots(code)
    let frame = rt.pointee.vmStackTop
    let nkw = kwnames.isNull ? 0 : tupleLen(kwnames)
    // the new frame goes above the caller's arguments
    let argsEnd = args + n + nkw
    let start = frame > argsEnd ? frame : argsEnd
    if _slowPath(start + size >= rt.pointee.vmStackLimit || rt.pointee.callDepth > rt.pointee.maxCallDepth) {
        throw runtimeError("maximum recursion depth exceeded")
    }
    try checkNativeStack()
    rt.pointee.vmStackTop = start + size
    defer { rt.pointee.vmStackTop = frame }
    start[FrameWord.code] = code
    start[FrameWord.globals] = fn.o(FunctionWord.globals)
    start[FrameWord.function] = fn
    start[FrameWord.ip] = Obj(raw: 0)
    start[FrameWord.sp] = Obj(raw: 0)
    start[FrameWord.namespace] = .null
    let locals = start + FrameWord.header
    let nlocals = codeNLocals(code)
    let argc = codeArgCount(code)
    if _fastPath(n == argc && nkw == 0 && flags & (CodeFlag.varargs | CodeFlag.varkw) == 0 && codeKwOnly(code) == 0) {
        locals.update(from: args, count: n)
        var i = n
        while i < nlocals { locals[i] = .null; i += 1 }
    } else {
        try bindArguments(fn, code, locals, args, n, kwnames)
    }
    if _slowPath(code.w(CodeWord.cellsFree) != 0) { try setupCells(fn, code, locals) }
    return try execute(start)
}

/// Wraps cell variables in fresh cells and copies free variables from the closure.
func setupCells(_ fn: Obj, _ code: Obj, _ locals: UnsafeMutablePointer<Obj>) throws {
    let cf = code.w(CodeWord.cellsFree)
    let ncells = Int(cf & 0xFFFF), nfree = Int(cf >> 16)
    if ncells > 0 {
        let slots = hostPtr(code.w(CodeWord.cellSlots)).assumingMemoryBound(to: UInt32.self)
        for i in 0..<ncells {
            let s = Int(slots[i])
            locals[s] = try newCell(locals[s])
        }
    }
    if nfree > 0 {
        let extras = fn.o(FunctionWord.extras)
        let nlocals = codeNLocals(code)
        for i in 0..<nfree {
            locals[nlocals - nfree + i] = tupleItems(extras)[2 + i]
        }
    }
}

/// The general argument binding: defaults, keywords, *args, **kwargs, keyword-only.
func bindArguments(_ fn: Obj, _ code: Obj, _ locals: UnsafeMutablePointer<Obj>, _ args: UnsafeMutablePointer<Obj>,
                   _ n: Int, _ kwnames: Obj) throws {
    let nlocals = codeNLocals(code)
    for i in 0..<nlocals { locals[i] = .null }
    let argc = codeArgCount(code)
    let posonly = codePosOnly(code)
    let kwonly = codeKwOnly(code)
    let flags = codeFlags(code)
    let hasVarargs = flags & CodeFlag.varargs != 0
    let hasVarkw = flags & CodeFlag.varkw != 0
    let names = tupleItems(code.o(CodeWord.localNames))
    let fname = qstrString(codeName(code))
    var slot = argc + kwonly
    let varargsSlot = hasVarargs ? slot : -1
    if hasVarargs { slot += 1 }
    let varkwSlot = hasVarkw ? slot : -1

    // positional
    let npos = min(n, argc)
    for i in 0..<npos { locals[i] = args[i] }
    if n > argc {
        if !hasVarargs {
            throw typeError("function takes \(argc) positional arguments but \(n) were given")
        }
        locals[varargsSlot] = try newTuple(args + argc, n - argc)
    } else if hasVarargs {
        locals[varargsSlot] = getRoot(.emptyTuple)
    }
    if hasVarkw { locals[varkwSlot] = try newDict() }
    // keywords
    if !kwnames.isNull {
        let nk = tupleLen(kwnames)
        let kn = tupleItems(kwnames)
        outer: for k in 0..<nk {
            let key = kn[k]
            let v = args[n + k]
            for i in posonly..<(argc + kwonly) where names[i] == key {
                if !locals[i].isNull { throw typeError("\(fname)() got multiple values for argument '\(qstrString(key.qstr))'") }
                locals[i] = v
                continue outer
            }
            if hasVarkw {
                try dictMap(locals[varkwSlot]).set(key, v)
            } else {
                throw typeError("\(fname)() got an unexpected keyword argument '\(qstrString(key.qstr))'")
            }
        }
    }
    // defaults
    let extras = fn.o(FunctionWord.extras)
    if !extras.isNull {
        let defaults = tupleItems(extras)[0]
        if !defaults.isNull {
            // the last defaults belong to the last parameters (a longer tuple, from a .mpy, is cut)
            let nd = min(tupleLen(defaults), argc)
            let d = tupleItems(defaults) + (tupleLen(defaults) - nd)
            for i in 0..<nd where locals[argc - nd + i].isNull { locals[argc - nd + i] = d[i] }
        }
        let kwd = tupleItems(extras)[1]
        if !kwd.isNull {
            for i in argc..<(argc + kwonly) where locals[i].isNull {
                if let v = try dictMap(kwd).get(names[i]) { locals[i] = v }
            }
        }
    }
    for i in 0..<argc where locals[i].isNull {
        throw typeError("\(fname)() missing required positional argument: '\(qstrString(names[i].qstr))'")
    }
    for i in argc..<(argc + kwonly) where locals[i].isNull {
        throw typeError("\(fname)() missing required keyword argument: '\(qstrString(names[i].qstr))'")
    }
}

// MARK: - generators

/// Generator: [type][state][handled exception while suspended][frame...];
/// state 0 new, 1 suspended, 2 running, 3 finished.
enum GenState { static let new: UInt32 = 0, suspended: UInt32 = 1, running: UInt32 = 2, finished: UInt32 = 3 }

func makeGenerator(_ fn: Obj, _ args: UnsafeMutablePointer<Obj>, _ n: Int, _ kwnames: Obj) throws -> Obj {
    let code = fn.o(FunctionWord.code)
    let size = frameSlots(code)
    let g = try allocObj(TypeID.generator.addr, words: 3 + size)
    g.setW(1, GenState.new)
    let frame = g.slots + 3
    frame[FrameWord.code] = code
    frame[FrameWord.globals] = fn.o(FunctionWord.globals)
    frame[FrameWord.function] = fn
    frame[FrameWord.ip] = Obj(raw: 0)
    frame[FrameWord.sp] = Obj(raw: 0)
    frame[FrameWord.namespace] = .null
    let locals = frame + FrameWord.header
    let argc = codeArgCount(code)
    let flags = codeFlags(code)
    if n == argc && kwnames.isNull && flags & (CodeFlag.varargs | CodeFlag.varkw) == 0 && codeKwOnly(code) == 0 {
        for i in 0..<n { locals[i] = args[i] }
    } else {
        let keep = pushRoot(g)
        defer { popRoots(to: keep) }
        try bindArguments(fn, code, locals, args, n, kwnames)
    }
    if code.w(CodeWord.cellsFree) != 0 {
        let keep = pushRoot(g)
        defer { popRoots(to: keep) }
        try setupCells(fn, code, locals)
    }
    return g
}

@inline(__always) func genFrame(_ g: Obj) -> UnsafeMutablePointer<Obj> { g.slots + 3 }

/// Resumes a generator; returns (value, finished). A finished generator's value is its return value.
func generatorResume(_ g: Obj, send: Obj, throwing: Obj = .null) throws -> (Obj, Bool) {
    let state = g.w(1)
    if state == GenState.running { throw valueError("generator already executing") }
    if state == GenState.finished {
        if !throwing.isNull { throw PyErr(try makeRaisable(throwing)) }
        return (.none, true)
    }
    // a generator resuming one that resumes another (yield from, or next() in the body) nests
    // native calls just as function calls do, so it meets the same recursion limits
    if _slowPath(rt.pointee.callDepth > rt.pointee.maxCallDepth) { throw runtimeError("maximum recursion depth exceeded") }
    try checkNativeStack()
    let frame = genFrame(g)
    if state == GenState.new {
        if send != .none && throwing.isNull { throw typeError("can't send non-None value to a just-started generator") }
    } else if throwing.isNull {
        let code = frame[FrameWord.code]
        let stackBase = frame + FrameWord.header + codeNLocals(code)
        let spOff = Int(frame[FrameWord.sp].raw)
        stackBase[spOff] = send
        frame[FrameWord.sp] = Obj(raw: UInt32(spOff + 1))
    }
    g.setW(1, GenState.running)
    // the generator has its own "exception being handled", kept while it is suspended
    let saved = getRoot(.handledException)
    if !g.o(2).isNull { setRoot(.handledException, g.o(2)) }
    let v: Obj
    do {
        v = try execute(frame, throwing: throwing)
    } catch {
        g.setW(1, GenState.finished)
        g.setO(2, .null)
        setRoot(.handledException, saved)
        if isInstance(error.exc, .StopIteration) {
            throw runtimeError("generator raised StopIteration")
        }
        throw error
    }
    let inner = getRoot(.handledException)
    g.setO(2, inner == saved ? .null : inner)
    setRoot(.handledException, saved)
    if frame[FrameWord.ip].raw == frameFinished {
        g.setW(1, GenState.finished)
        g.setO(2, .null)
        return (v, true)
    }
    g.setW(1, GenState.suspended)
    return (v, false)
}

/// send() into any iterator, for yield from / await. Returns (value, finished).
func generatorSendInto(_ inner: Obj, _ sent: Obj) throws -> (Obj, Bool) {
    if inner.isType(.generator) { return try generatorResume(inner, send: sent) }
    let r: Obj
    if sent == .none {
        r = try iterNext(inner)
        if r == .stopIteration { return (stopIterationValue(), true) }
        return (r, false)
    }
    do {
        r = try callMethod(inner, .send, [sent], stackTop: rt.pointee.vmStackTop)
    } catch {
        if isInstance(error.exc, .StopIteration) { return (stopValue(error.exc), true) }
        throw error
    }
    return (r, false)
}

func generatorThrowInto(_ inner: Obj, _ exc: Obj) throws -> (Obj, Bool) {
    if inner.isType(.generator) { return try generatorResume(inner, send: .none, throwing: exc) }
    guard let thrower = try loadAttrOpt(inner, qobj(.throw)) else { throw PyErr(try makeRaisable(exc)) }
    do {
        return (try callObjectArgs(thrower, [exc], stackTop: rt.pointee.vmStackTop), false)
    } catch {
        if isInstance(error.exc, .StopIteration) { return (stopValue(error.exc), true) }
        throw error
    }
}

/// Value carried by a StopIteration instance.
func stopValue(_ exc: Obj) -> Obj {
    let a = excArgs(exc)
    return tupleLen(a) > 0 ? tupleItems(a)[0] : .none
}

/// The value of the StopIteration last swallowed by iterNext (user __next__ returning a value).
nonisolated(unsafe) var lastStopValue: Obj = .none
func stopIterationValue() -> Obj {
    let v = lastStopValue
    lastStopValue = .none
    return v
}

func getAwaitable(_ o: Obj) throws -> Obj {
    if o.isType(.generator) { return o }
    if let aw = try loadAttrOpt(o, qobj(.__await__)) {
        return try getIter(try callObjectArgs(aw, [], stackTop: rt.pointee.vmStackTop))
    }
    throw typeError("'\(typeName(o))' object isn't awaitable")
}
