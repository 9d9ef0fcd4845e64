// The VM side of code loaded from .mpy files: the few MicroPython stack protocols that have no
// equivalent among our own instructions (calls with keyword pairs on the stack, 4-slot for-loop
// iterators, the finally/with unwinding protocol, NULL placeholders). The translator
// (MpyTranslator.swift) uses these instructions; the compiler never does.
//
// The operands come from a file, so each helper checks what it relies on and raises
// RuntimeError("corrupt .mpy code") instead of trusting the stack.

/// Stands for MicroPython's MP_OBJ_NULL on the value stack: a real object, so an instruction
/// handed it by damaged code fails with a TypeError instead of reading through a null.
nonisolated(unsafe) var mpyNull = Obj.null

/// The exception table's depth field: this bit says "the depth saved in local slot (low bits)".
let mpyDepthFromSlot: UInt32 = 0x8000_0000

@inline(never) func mpyCorrupt() -> PyErr { runtimeError("corrupt .mpy code") }

/// The stack depth a handler resumes at, saved by mpSetup in a local slot (checked: at most `current`).
func mpySavedDepth(_ locals: UnsafeMutablePointer<Obj>, _ slot: Int, current: Int) -> Int {
    let v = locals[slot]
    guard v.isSmallInt, v.smallInt >= 0, v.smallInt <= current else { return current }
    return v.smallInt
}

/// CALL_FUNCTION / CALL_METHOD and their *args/**kwargs forms. arg = npos | nkw << 8 |
/// method << 16 | varkw << 17. Stack: [fn] or [meth, self-or-null], positionals, key/value pairs,
/// then (varkw) the bitmap of positionals to unpack. Leaves the result in place of all of it.
func mpyCall(_ arg: Int, _ sp: inout UnsafeMutablePointer<Obj>, _ stackBase: UnsafeMutablePointer<Obj>) throws {
    let npos = arg & 0xFF, nkw = (arg >> 8) & 0xFF
    let isMethod = arg & 0x1_0000 != 0, varkw = arg & 0x2_0000 != 0
    let top = sp - (varkw ? 1 : 0)
    let argBase = top - npos - 2 * nkw
    let windowStart = argBase - (isMethod ? 2 : 1)
    guard windowStart >= stackBase else { throw mpyCorrupt() }
    let callable: Obj
    var selfObj = Obj.null
    if isMethod {
        callable = argBase[-2]
        if argBase[-1] != mpyNull { selfObj = argBase[-1] }
    } else {
        callable = argBase[-1]
    }
    let result: Obj
    if varkw {
        result = try mpyCallVarKw(callable, selfObj, argBase, npos, nkw, bitmap: top[0], stackTop: sp)
    } else {
        var kwnames = Obj.null
        if nkw > 0 {
            // keyword pairs [k0, v0, k1, v1, ...] become values [v0, v1, ...] and a names tuple
            kwnames = try newTuple(count: nkw)
            let kv = argBase + npos
            for i in 0..<nkw {
                let k = kv[2 * i]
                guard isStr(k) else { throw typeError("keywords must be strings") }
                tupleItems(kwnames)[i] = internStr(k)
                kv[i] = kv[2 * i + 1]
            }
            kv[nkw] = kwnames     // keeps the tuple on the stack (a GC root) during the call
        }
        let base = selfObj.isNull ? argBase : argBase - 1
        if !selfObj.isNull { base[0] = selfObj }
        let count = selfObj.isNull ? npos : npos + 1
        let end = argBase + npos + nkw + (nkw > 0 ? 1 : 0)
        if callable.isType(.function) {
            let saved = rt.pointee.vmStackTop
            if saved < end { rt.pointee.vmStackTop = end }
            defer { rt.pointee.vmStackTop = saved }
            result = try callFunction(callable, base, count, kwnames)
        } else if callable.isType(.builtinFunction) {
            let saved = rt.pointee.vmStackTop
            if saved < end { rt.pointee.vmStackTop = end }
            defer { rt.pointee.vmStackTop = saved }
            result = try callNative(callable, Args(base: base, count: count, kwnames: kwnames))
        } else {
            result = try callObjectOnStack(callable, base, count, kwnames, stackTop: end)
        }
    }
    sp = windowStart
    vmPush(&sp, result)
}

private func mpyCallVarKw(_ callable: Obj, _ selfObj: Obj, _ argBase: UnsafeMutablePointer<Obj>, _ npos: Int, _ nkw: Int,
                          bitmap: Obj, stackTop: UnsafeMutablePointer<Obj>) throws -> Obj {
    guard bitmap.isSmallInt else { throw mpyCorrupt() }
    let stars = bitmap.smallInt
    let pos = try newList(count: 0)
    let keep = pushRoot(pos)
    defer { popRoots(to: keep) }
    for i in 0..<npos {
        if i < 62 && stars & (1 << i) != 0 { try listExtend(pos, argBase[i]) } else { try listAppend(pos, argBase[i]) }
    }
    var kwargs = Obj.null
    if nkw > 0 {
        kwargs = try newDict()
        _ = pushRoot(kwargs)
        let kv = argBase + npos
        for i in 0..<nkw {
            let k = kv[2 * i], v = kv[2 * i + 1]
            if k == mpyNull {
                try dictMerge(kwargs, v)
            } else {
                guard isStr(k) else { throw typeError("keywords must be strings") }
                if try dictMap(kwargs).find(k) != nil {
                    throw typeError("function got multiple values for keyword argument '\(swiftString(k))'")
                }
                try dictMap(kwargs).set(k, v)
            }
        }
    }
    let t = try newTuple(listItems(pos), listLen(pos))
    _ = pushRoot(t)
    return try callWithTupleAndDict(callable, selfObj, t, kwargs, stackTop: stackTop)
}

/// FOR_ITER over MicroPython's 4-slot iterator [null, iterator, null, null]: pushes the next
/// value and returns false, or pops the 4 slots and returns true when exhausted.
@inline(__always) func mpyForIter(_ sp: inout UnsafeMutablePointer<Obj>, _ stackBase: UnsafeMutablePointer<Obj>) throws -> Bool {
    guard sp - stackBase >= 4, sp[-4] == mpyNull else { throw mpyCorrupt() }
    let it = sp[-3]
    if it.isType(.rangeIterator) {
        if let cur = rangeIteratorNext(it) {
            vmPush(&sp, Obj.fitsSmall(cur) ? Obj(small: cur) : try newInt(cur))
            return false
        }
    } else if it.isType(.seqIterator) && it.o(1).isType(.list) {
        let l = it.o(1)
        let i = Int(it.w(2))
        if i < listLen(l) {
            it.setW(2, UInt32(i + 1))
            vmPush(&sp, listItems(l)[i])
            return false
        }
    } else {
        let v = try iterNext(it)
        if v != .stopIteration {
            vmPush(&sp, v)
            return false
        }
    }
    sp -= 4
    return true
}

/// STORE_COMP: add the top (or the top two, for dicts) to the collection `distance` slots down.
func mpyStoreComp(_ arg: Int, _ sp: inout UnsafeMutablePointer<Obj>) throws {
    let c = sp[-1 - (arg >> 2)]
    switch arg & 3 {
    case 0:
        guard c.isType(.list) else { throw mpyCorrupt() }
        try listAppend(c, sp[-1])
        sp -= 1
    case 1:
        guard c.isType(.dict) else { throw mpyCorrupt() }
        try dictMap(c).set(sp[-1], sp[-2])
        sp -= 2
    default:
        guard c.isType(.set) else { throw mpyCorrupt() }
        try setAddItem(c, sp[-1])
        sp -= 1
    }
}

/// MAKE_FUNCTION and MAKE_CLOSURE: the defaults may be null placeholders; closures hold cells.
func mpyMakeFunction(_ code: Obj, _ flags: UInt32, _ sp: inout UnsafeMutablePointer<Obj>, globals: Obj) throws {
    var closure = Obj.null, kwdefaults = Obj.null, defaults = Obj.null
    if flags & MakeFunctionFlag.closure != 0 { closure = vmPop(&sp) }
    if flags & MakeFunctionFlag.kwDefaults != 0 { kwdefaults = vmPop(&sp) }
    if flags & MakeFunctionFlag.defaults != 0 { defaults = vmPop(&sp) }
    if defaults == mpyNull || defaults == .none { defaults = .null }
    if kwdefaults == mpyNull || kwdefaults == .none { kwdefaults = .null }
    guard defaults.isNull || defaults.isType(.tuple), kwdefaults.isNull || kwdefaults.isType(.dict) else {
        throw mpyCorrupt()
    }
    let nfree = Int(code.w(CodeWord.cellsFree) >> 16)
    if closure.isNull {
        guard nfree == 0 else { throw mpyCorrupt() }
    } else {
        guard closure.isType(.tuple), tupleLen(closure) == nfree else { throw mpyCorrupt() }
        for i in 0..<nfree where !tupleItems(closure)[i].isType(.cell) { throw mpyCorrupt() }
    }
    vmPush(&sp, try newFunction(code: code, globals: globals, defaults: defaults, kwDefaults: kwdefaults, closure: closure))
}

/// MicroPython compiles `await x` and `yield from x` alike (GET_ITER, YIELD_FROM); an object
/// with __await__ but no __iter__ is awaited the way our compiler's `await` does it.
func mpyAwaitIter(_ o: Obj) throws -> Obj {
    if o.isType(.generator) { return o }
    let t = o.type
    if isUserClass(t), lookupInType(t, qobj(.__iter__)) == nil, lookupInType(t, qobj(.__await__)) != nil {
        return try getAwaitable(o)
    }
    return try getIter(o)
}

/// WITH_CLEANUP: [exit, null, state...] where the state is None (normal end), an exception, or
/// two slots [value, small int] (a return or jump passing through). Calls exit and leaves the
/// state for END_FINALLY: None if the exception was suppressed.
func mpyWithCleanup(_ depthSlot: Int, _ sp: inout UnsafeMutablePointer<Obj>, _ stackBase: UnsafeMutablePointer<Obj>,
                    _ locals: UnsafeMutablePointer<Obj>) throws {
    let depth = sp - stackBase
    let saved = locals[depthSlot]
    guard saved.isSmallInt, depth >= 3 else { throw mpyCorrupt() }
    let tag = sp[-1]
    if tag.isSmallInt {
        guard depth == saved.smallInt + 2, depth >= 4 else { throw mpyCorrupt() }
        _ = try callObjectArgs(sp[-4], [.none, .none, .none], stackTop: sp)
        sp[-4] = sp[-2]; sp[-3] = sp[-1]
        sp -= 2
        return
    }
    guard depth == saved.smallInt + 1 else { throw mpyCorrupt() }
    if tag == .none {
        _ = try callObjectArgs(sp[-3], [.none, .none, .none], stackTop: sp)
        sp -= 2
        sp[-1] = .none
        return
    }
    guard isException(tag) else { throw mpyCorrupt() }
    let r = try callObjectArgs(sp[-3], [tag.type, tag, .none], stackTop: sp)
    sp -= 2
    sp[-1] = try pyTruthy(r) ? .none : tag
}

/// END_FINALLY. The table (a constant tuple) is [depth slot, None offset, marker offset, return
/// continuation, then (continuation number, target) pairs]: offsets are the expected stack depth
/// above the block's saved depth (-99: that case cannot happen here). Returns where to go next
/// (-1: the following instruction) or throws the exception being re-raised.
func mpyEndFinally(_ table: Obj, _ sp: inout UnsafeMutablePointer<Obj>, _ stackBase: UnsafeMutablePointer<Obj>,
                   _ locals: UnsafeMutablePointer<Obj>) throws -> Int {
    let t = tupleItems(table), n = tupleLen(table)
    let slot = t[0].smallInt
    let saved = locals[slot]
    let tag = sp[-1]
    if isException(tag) {
        reraising = true
        throw PyErr(tag)
    }
    guard saved.isSmallInt else { throw mpyCorrupt() }
    let depth = sp - stackBase
    if tag == .none {
        guard depth == saved.smallInt + t[1].smallInt else { throw mpyCorrupt() }
        sp -= 1
        setRoot(.handledException, locals[slot + 1])
        return -1
    }
    guard tag.isSmallInt, depth == saved.smallInt + t[2].smallInt, depth >= 2 else { throw mpyCorrupt() }
    let k = tag.smallInt
    if k < 0 {
        guard t[3].smallInt >= 0 else { throw mpyCorrupt() }
        sp -= 1
        setRoot(.handledException, locals[slot + 1])
        return t[3].smallInt
    }
    var i = 4
    while i + 1 < n {
        if t[i].smallInt == k {
            sp -= 2
            setRoot(.handledException, locals[slot + 1])
            return t[i + 1].smallInt
        }
        i += 2
    }
    throw mpyCorrupt()
}
