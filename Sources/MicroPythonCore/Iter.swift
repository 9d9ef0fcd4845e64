import CSupport
// Iteration: iter() and next() for every iterable, plus unpacking and the range type.
// Built-in iterators return the .stopIteration marker instead of raising, so loops over them
// never allocate an exception.
//
//   range            [type][unused][start][stop][step]    (64-bit values)
//   range iterator   [type][unused][current][stop][step]
//   seq iterator     [type][sequence][index]              (list, tuple, bytes, bytearray)
//   str iterator     [type][str][byte offset]
//   dict iterator    [type][dict][index][kind 0 keys / 1 values / 2 items]
//   set iterator     [type][set][index]
//   callable iter    [type][callable][sentinel]
//   getitem iter     [type][object][index]

func newRangeObj(_ start: Int, _ stop: Int, _ step: Int) throws -> Obj {
    let o = try allocObj(TypeID.range.addr, words: 8)
    o.ptr.storeBytes(of: start, toByteOffset: 8, as: Int.self)
    o.ptr.storeBytes(of: stop, toByteOffset: 16, as: Int.self)
    o.ptr.storeBytes(of: step, toByteOffset: 24, as: Int.self)
    return o
}

/// start, stop, step of a range (also of a range iterator, whose start is the current value).
@inline(__always) func rangeParts(_ r: Obj) -> (Int, Int, Int) {
    (r.ptr.load(fromByteOffset: 8, as: Int.self), r.ptr.load(fromByteOffset: 16, as: Int.self),
     r.ptr.load(fromByteOffset: 24, as: Int.self))
}

/// Advances a range iterator: its current value, or nil when exhausted. A step past the
/// machine word's end ends the range rather than wrapping around.
@inline(__always) func rangeIteratorNext(_ it: Obj) -> Int? {
    let (cur, stop, step) = rangeParts(it)
    guard step > 0 ? cur < stop : cur > stop else { return nil }
    let (next, past) = cur.addingReportingOverflow(step)
    it.ptr.storeBytes(of: past ? stop : next, toByteOffset: 8, as: Int.self)
    return cur
}

func rangeLen(_ r: Obj) throws -> Int {
    let (a, b, s) = rangeParts(r)
    // computed in 128 bits: ranges near the ends of the 64-bit range must not trap
    let lo = Int128(a), hi = Int128(b), st = Int128(s)
    let n: Int128 = st > 0 ? (lo < hi ? (hi - lo + st - 1) / st : 0) : (lo > hi ? (lo - hi - st - 1) / (-st) : 0)
    guard n <= Int128(Int.max) else { throw overflowError("range too large") }
    return Int(n)
}

func rangeContains(_ r: Obj, _ v: Obj) throws -> Bool {
    guard isIntObj(v) else {
        if v.isType(.float) {
            let d = floatValue(v)
            if d == d.rounded(.towardZero) && abs(d) < 1e15 { return try rangeContains(r, Obj(small: Int(d))) }
            return false
        }
        return try iterContains(r, v)
    }
    guard let x = smallOrBool(v) ?? bigOf(v).asInt else { return false }
    let (a, b, s) = rangeParts(r)
    if s > 0 { if x < a || x >= b { return false } } else { if x > a || x <= b { return false } }
    let (d, over) = x.subtractingReportingOverflow(a)
    if over { return BigInt(x) - BigInt(a) == (BigInt(x) - BigInt(a)).floorDiv(BigInt(s)) * BigInt(s) }
    return d % s == 0
}

func rangeEqual(_ x: Obj, _ y: Obj) throws -> Bool {
    let lx = try rangeLen(x), ly = try rangeLen(y)
    if lx != ly { return false }
    if lx == 0 { return true }
    let (a1, _, s1) = rangeParts(x), (a2, _, s2) = rangeParts(y)
    if a1 != a2 { return false }
    return lx == 1 || s1 == s2
}

func getIter(_ o: Obj) throws -> Obj {
    if o.isQstr || o.isType(.str) {
        let it = try allocObj(TypeID.strIterator.addr, words: 3)
        it.setO(1, o)
        return it
    }
    guard o.isPtr else { throw typeError("'\(typeName(o))' object isn't iterable") }
    let t = o.words[0]
    switch TypeID.from(addr: t) {
    case .list?, .tuple?, .bytes?, .bytearray?, .memoryview?, .array?:
        let it = try allocObj(TypeID.seqIterator.addr, words: 3)
        it.setO(1, o)
        return it
    case .range?:
        let it = try allocObj(TypeID.rangeIterator.addr, words: 8)
        (it.ptr + 8).copyMemory(from: o.ptr + 8, byteCount: 24)
        return it
    case .dict?, .dictKeys?, .dictValues?, .dictItems?:
        let it = try allocObj(TypeID.dictIterator.addr, words: 4)
        let isDict = TypeID.from(addr: t) == .dict
        it.setO(1, isDict ? o : o.o(1))
        it.setW(2, 0)
        let kind: UInt32 = isDict ? 0 : (t == TypeID.dictKeys.addr ? 0 : (t == TypeID.dictValues.addr ? 1 : 2))
        it.setW(3, kind | UInt32(dictMap(isDict ? o : o.o(1)).count) << 2)
        return it
    case .set?, .frozenset?:
        let it = try allocObj(TypeID.setIterator.addr, words: 3)
        it.setO(1, o)
        return it
    case .generator?, .rangeIterator?, .seqIterator?, .strIterator?, .dictIterator?, .setIterator?,
         .callableIterator?, .getitemIterator?, .enumerate?, .zip?, .map?, .filter?, .reversed?:
        return o
    default:
        break
    }
    let tt = o.type
    if let f = lookupInType(tt, qobj(.__iter__)) {
        let r = try callBound(f, o, [])
        return r
    }
    if isUserClass(tt) {
        if lookupInType(tt, qobj(.__getitem__)) != nil {
            let it = try allocObj(TypeID.getitemIterator.addr, words: 3)
            it.setO(1, o)
            it.setO(2, Obj(small: 0))
            return it
        }
        let n = nativeSelf(o)
        if n != o { return try getIter(n) }
    }
    throw typeError("'\(typeName(o))' object isn't iterable")
}

/// Next item, or .stopIteration when exhausted.
func iterNext(_ it: Obj) throws -> Obj {
    guard it.isPtr else { throw typeError("'\(typeName(it))' object isn't an iterator") }
    // builtins such as sum, all or list drain iterators without a VM tick in between; an endless
    // one (itertools.count, iter(int, 1)) must still stop at Ctrl-C
    if _slowPath(mb_sigint_pending != 0) { try pollInterrupts() }
    switch TypeID.from(addr: it.words[0]) {
    case .rangeIterator?:
        guard let cur = rangeIteratorNext(it) else { return .stopIteration }
        return try newInt(cur)
    case .seqIterator?:
        let s = it.o(1)
        let i = Int(it.w(2))
        let t = TypeID.from(addr: s.words[0])
        switch t {
        case .list?:
            if i < listLen(s) { it.setW(2, UInt32(i + 1)); return listItems(s)[i] }
        case .tuple?:
            if i < tupleLen(s) { it.setW(2, UInt32(i + 1)); return tupleItems(s)[i] }
        case .bytes?, .bytearray?:
            let b = strBytes(s)
            if i < b.count { it.setW(2, UInt32(i + 1)); return Obj(small: Int(b[i])) }
        case .memoryview?, .array?:
            if i < (t == .memoryview ? memoryviewLen(s) : Int(s.w(2))) {
                it.setW(2, UInt32(i + 1))
                return try subscrLoad(s, Obj(small: i))
            }
        default: break
        }
        return .stopIteration
    case .strIterator?:
        let s = it.o(1)
        let b = strBytes(s)
        let i = Int(it.w(2))
        if i >= b.count { return .stopIteration }
        let n = utf8CharLen(b[i])
        let end = min(i + n, b.count)
        it.setW(2, UInt32(end))
        return try newStr(b.baseAddress! + i, end - i)
    case .dictIterator?:
        let d = it.o(1)
        let m = dictMap(d)
        let kindWord = it.w(3)
        if m.count != Int(kindWord >> 2) { throw runtimeError("dictionary changed size during iteration") }
        guard let j = m.next(from: Int(it.w(2))) else { return .stopIteration }
        it.setW(2, UInt32(j + 1))
        switch kindWord & 3 {
        case 0: return m.key(j)
        case 1: return m.value(j)
        default: return try newTuple([m.key(j), m.value(j)])
        }
    case .setIterator?:
        let m = setMap(it.o(1))
        guard let j = m.next(from: Int(it.w(2))) else { return .stopIteration }
        it.setW(2, UInt32(j + 1))
        return m.key(j)
    case .generator?:
        if it.w(1) == GenState.finished { return .stopIteration }
        let (v, done) = try generatorResume(it, send: .none)
        if done {
            lastStopValue = v
            return .stopIteration
        }
        return v
    case .callableIterator?:
        if it.o(1).isNull { return .stopIteration }
        let v = try callObjectArgs(it.o(1), [], stackTop: rt.pointee.vmStackTop)
        if try pyEqual(v, it.o(2)) {
            it.setO(1, .null)   // stays exhausted
            return .stopIteration
        }
        return v
    case .getitemIterator?:
        let i = it.o(2)
        do {
            let v = try subscrLoad(it.o(1), i)
            it.setO(2, Obj(small: i.smallInt + 1))
            return v
        } catch {
            if isInstance(error.exc, .IndexError) || isInstance(error.exc, .StopIteration) { return .stopIteration }
            throw error
        }
    case .enumerate?, .zip?, .map?, .filter?, .reversed?:
        return try builtinIterNext(it)
    default:
        break
    }
    if let f = lookupInType(it.type, qobj(.__next__)) {
        do {
            return try callBound(f, it, [])
        } catch {
            if isInstance(error.exc, .StopIteration) {
                lastStopValue = stopValue(error.exc)
                return .stopIteration
            }
            throw error
        }
    }
    throw typeError("'\(typeName(it))' object isn't an iterator")
}

@inline(__always) func utf8CharLen(_ b: UInt8) -> Int {
    if b < 0x80 { return 1 }
    if b < 0xE0 { return 2 }
    if b < 0xF0 { return 3 }
    return 4
}

/// Collects any iterable into a Swift array (values stay reachable through `source`
/// and the pushed list while the caller holds them).
func iterateToList(_ o: Obj) throws -> Obj {
    if o.isType(.list) { return try newList(listItems(o), listLen(o)) }
    if o.isType(.tuple) { return try newList(tupleItems(o), tupleLen(o)) }
    let l = try newList(count: 0)
    let keep = pushRoot(l)
    defer { popRoots(to: keep) }
    try listExtend(l, o)
    return l
}

func unpackSequence(_ seq: Obj, _ n: Int, into sp: UnsafeMutablePointer<Obj>) throws {
    var items: UnsafeMutablePointer<Obj>? = nil
    var count = 0
    if seq.isType(.tuple) { items = tupleItems(seq); count = tupleLen(seq) }
    else if seq.isType(.list) { items = listItems(seq); count = listLen(seq) }
    if let p = items {
        if count != n {
            if count < n { throw valueError("need more than \(count) values to unpack") }
            throw valueError("too many values to unpack (expected \(n))")
        }
        for i in 0..<n { sp[n - 1 - i] = p[i] }
        return
    }
    let it = try getIter(seq)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    // values go to the VM stack right away so a collection sees them
    for i in 0..<n {
        let v = try iterNext(it)
        if v == .stopIteration { throw valueError("need more than \(i) values to unpack") }
        sp[n - 1 - i] = v
    }
    if try iterNext(it) != .stopIteration { throw valueError("too many values to unpack (expected \(n))") }
}

/// a, *b, c = seq: pushes after-values, the middle list, then before-values (first on top).
func unpackEx(_ seq: Obj, before: Int, after: Int, into sp: UnsafeMutablePointer<Obj>) throws -> Int {
    let l = try iterateToList(seq)
    let keep = pushRoot(l)
    defer { popRoots(to: keep) }
    let n = listLen(l)
    if n < before + after { throw valueError("need more than \(n) values to unpack") }
    let total = before + after + 1
    let p = listItems(l)
    var k = 0
    for i in stride(from: n - 1, through: n - after, by: -1) { sp[k] = p[i]; k += 1 }
    let mid = try newList(p + before, n - before - after)
    sp[k] = mid; k += 1
    for i in stride(from: before - 1, through: 0, by: -1) { sp[k] = listItems(l)[i]; k += 1 }
    return total
}

// MARK: enumerate, zip, map, filter, reversed
//   enumerate [type][iterator][count]   zip [type][tuple of iterators]   map [type][function][tuple of iterators]
//   filter [type][function][iterator]   reversed [type][sequence][index]

func builtinIterNext(_ it: Obj) throws -> Obj {
    switch TypeID.from(addr: it.words[0]) {
    case .enumerate?:
        let v = try iterNext(it.o(1))
        if v == .stopIteration { return v }
        let keep = pushRoot(v)
        defer { popRoots(to: keep) }
        let i = it.o(2)
        let next = try binaryOp(.add, i, Obj(small: 1))
        it.setO(2, next)
        return try newTuple([i, v])
    case .zip?:
        let its = it.o(1)
        let n = tupleLen(its)
        if n == 0 { return .stopIteration }
        let t = try newTuple(count: n)
        let keep = pushRoot(t)
        defer { popRoots(to: keep) }
        for i in 0..<n {
            let v = try iterNext(tupleItems(its)[i])
            if v == .stopIteration { return v }
            tupleItems(t)[i] = v
        }
        return t
    case .map?:
        let its = it.o(2)
        let n = tupleLen(its)
        var argv: [Obj] = []
        let mark = rt.pointee.vmStackTop
        defer { popRoots(to: mark) }
        for i in 0..<n {
            let v = try iterNext(tupleItems(its)[i])
            if v == .stopIteration { return v }
            _ = pushRoot(v)
            argv.append(v)
        }
        return try callObjectArgs(it.o(1), argv, stackTop: rt.pointee.vmStackTop)
    case .filter?:
        while true {
            let v = try iterNext(it.o(2))
            if v == .stopIteration { return v }
            let keep = pushRoot(v)
            defer { popRoots(to: keep) }
            let f = it.o(1)
            let r = f == .none ? v : try callObjectArgs(f, [v], stackTop: rt.pointee.vmStackTop)
            if try pyTruthy(r) { return v }
        }
    case .reversed?:
        let i = it.o(2).smallInt
        if i <= 0 { return .stopIteration }
        it.setO(2, Obj(small: i - 1))
        return try subscrLoad(it.o(1), Obj(small: i - 1))
    default:
        throw typeError("not an iterator")
    }
}
