// Subscripts: obj[index], obj[index] = v, del obj[index], for every built-in container and
// for classes with __getitem__ / __setitem__ / __delitem__. Slices: [type][start][stop][step].

func newSlice(_ start: Obj, _ stop: Obj, _ step: Obj) throws -> Obj {
    let s = try allocObj(TypeID.slice.addr, words: 4)
    s.setO(1, start); s.setO(2, stop); s.setO(3, step)
    return s
}

/// Resolves a slice against a length: (start, stop, step, count), as slice.indices does.
func sliceIndices(_ s: Obj, _ len: Int) throws -> (Int, Int, Int, Int) {
    let stepObj = s.o(3)
    var step = 1
    if stepObj != .none {
        step = try intToInt(stepObj)
        if step == 0 { throw valueError("slice step cannot be zero") }
        step = max(step, -Int.max)   // as CPython: a step of -2**63 would overflow when negated
    }
    func clamp(_ o: Obj, _ def: Int) throws -> Int {
        if o == .none { return def }
        var v: Int
        if o.isType(.int) { v = bigOf(o).isNegative ? Int.min / 2 : Int.max / 2 } else { v = try intToInt(o) }
        if v < 0 {
            v += len
            if v < 0 { v = step < 0 ? -1 : 0 }
        } else if v >= len {
            v = step < 0 ? len - 1 : len
        }
        return v
    }
    let start = try clamp(s.o(1), step < 0 ? len - 1 : 0)
    let stop = try clamp(s.o(2), step < 0 ? -1 : len)
    var count = 0
    if step > 0 { if stop > start { count = (stop - start - 1) / step + 1 } }
    else { if start > stop { count = (start - stop - 1) / (-step) + 1 } }
    return (start, stop, step, count)
}

/// Normalises a possibly negative index; throws IndexError when out of range.
@inline(__always) func seqIndex(_ idx: Obj, _ len: Int, _ what: String) throws -> Int {
    var i: Int
    if idx.isSmallInt { i = idx.smallInt } else { i = try indexValue(idx, what) }
    if i < 0 { i += len }
    if i < 0 || i >= len { throw indexError("\(what) index out of range") }
    return i
}

func subscrLoad(_ o: Obj, _ idx: Obj) throws -> Obj {
    if o.isType(.list) {
        if idx.isSmallInt {
            var i = idx.smallInt
            let n = listLen(o)
            if i < 0 { i += n }
            if i >= 0 && i < n { return listItems(o)[i] }
            throw indexError("list index out of range")
        }
        if idx.isType(.slice) {
            let (start, _, step, count) = try sliceIndices(idx, listLen(o))
            let r = try newList(count: count)
            let src = listItems(o), dst = listItems(r)
            for k in 0..<count { dst[k] = src[start + k * step] }
            return r
        }
        return listItems(o)[try seqIndex(idx, listLen(o), "list")]
    }
    if o.isType(.tuple) {
        if idx.isType(.slice) {
            let (start, _, step, count) = try sliceIndices(idx, tupleLen(o))
            let r = try newTuple(count: count)
            for k in 0..<count { tupleItems(r)[k] = tupleItems(o)[start + k * step] }
            return r
        }
        return tupleItems(o)[try seqIndex(idx, tupleLen(o), "tuple")]
    }
    if o.isQstr || o.isType(.str) { return try strSubscr(o, idx) }
    if o.isType(.dict) {
        if let v = try dictMap(o).get(idx) { return v }
        throw keyError(idx)
    }
    if o.isType(.bytes) || o.isType(.bytearray) {
        let b = strBytes(o)
        if idx.isType(.slice) {
            let (start, _, step, count) = try sliceIndices(idx, b.count)
            var out = [UInt8](repeating: 0, count: count)
            for k in 0..<count { out[k] = b[start + k * step] }
            if o.isType(.bytearray) { return try newBytearray(out) }
            return try newBytes(out)
        }
        return Obj(small: Int(b[try seqIndex(idx, b.count, o.isType(.bytes) ? "bytes" : "bytearray")]))
    }
    if o.isType(.range) {
        let (a, _, s) = rangeParts(o)
        let n = try rangeLen(o)
        // bounds near the machine word's ends can step past it: OverflowError, not a wrap
        func at(_ k: Int) throws -> Int {
            let (m, o1) = k.multipliedReportingOverflow(by: s)
            let (r, o2) = a.addingReportingOverflow(m)
            if o1 || o2 { throw pyErr(.OverflowError, "overflow converting long int to machine word") }
            return r
        }
        if idx.isType(.slice) {
            let (start, stop, step, _) = try sliceIndices(idx, n)
            let (newStep, o) = s.multipliedReportingOverflow(by: step)
            if o { throw pyErr(.OverflowError, "overflow converting long int to machine word") }
            return try newRangeObj(try at(start), try at(stop), newStep)
        }
        let i = try seqIndex(idx, n, "range")
        return try newInt(try at(i))
    }
    if o.isType(.memoryview) { return try memoryviewLoad(o, idx) }
    if o.isType(.array) { return try arraySubscrLoad(o, idx) }
    if isTypeObj(o) {
        if let f = lookupInType(o, qobj(.__class_getitem__)) {
            let fn = f.isType(.classmethod) ? f.o(1) : f
            return try callObjectArgs(fn, [o, idx], stackTop: rt.pointee.vmStackTop)
        }
        throw typeError("'type' object isn't subscriptable")
    }
    if let f = lookupInType(o.type, qobj(.__getitem__)) {
        return try callBound(f, o, [idx])
    }
    if isUserClassObj(o) {
        let n = nativeSelf(o)
        if n != o { return try subscrLoad(n, idx) }
    }
    if o.isType(.dictKeys) || o.isType(.dictValues) || o.isType(.dictItems) {
        throw typeError("'\(typeName(o))' object isn't subscriptable")
    }
    throw typeError("'\(typeName(o))' object isn't subscriptable")
}

func subscrStore(_ o: Obj, _ idx: Obj, _ v: Obj) throws {
    if o.isType(.list) {
        if idx.isType(.slice) { try listSliceAssign(o, idx, v); return }
        let i = try seqIndex(idx, listLen(o), "list")
        listItems(o)[i] = v
        return
    }
    if o.isType(.dict) { try dictMap(o).set(idx, v); return }
    if o.isType(.bytearray) {
        if idx.isType(.slice) { try bytearraySliceAssign(o, idx, v); return }
        let b = strBytes(o)
        let i = try seqIndex(idx, b.count, "bytearray")
        let x = try intToInt(v)
        guard x >= 0 && x < 256 else { throw valueError("byte must be in range(0, 256)") }
        UnsafeMutablePointer(mutating: b.baseAddress!)[i] = UInt8(x)
        return
    }
    if o.isType(.memoryview) { try memoryviewStore(o, idx, v); return }
    if o.isType(.array) { try arraySubscrStore(o, idx, v); return }
    if let f = lookupInType(o.type, qobj(.__setitem__)) {
        _ = try callBound(f, o, [idx, v])
        return
    }
    if isUserClassObj(o) {
        let n = nativeSelf(o)
        if n != o { try subscrStore(n, idx, v); return }
    }
    throw typeError("'\(typeName(o))' object doesn't support item assignment")
}

func subscrDelete(_ o: Obj, _ idx: Obj) throws {
    if o.isType(.list) {
        if idx.isType(.slice) { try listSliceDelete(o, idx); return }
        let i = try seqIndex(idx, listLen(o), "list")
        listRemoveAt(o, i)
        return
    }
    if o.isType(.dict) {
        if try dictMap(o).remove(idx) == nil { throw keyError(idx) }
        return
    }
    if o.isType(.bytearray) {
        if idx.isType(.slice) {
            try bytearraySliceAssign(o, idx, try newBytes(nil, 0))
            return
        }
        let n = Int(o.w(2))
        let i = try seqIndex(idx, n, "bytearray")
        let p = hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self)
        if i < n - 1 { (p + i).update(from: p + i + 1, count: n - 1 - i) }
        o.setW(2, UInt32(n - 1))
        return
    }
    if let f = lookupInType(o.type, qobj(.__delitem__)) {
        _ = try callBound(f, o, [idx])
        return
    }
    if isUserClassObj(o) {
        let n = nativeSelf(o)
        if n != o { try subscrDelete(n, idx); return }
    }
    throw typeError("'\(typeName(o))' object doesn't support item deletion")
}
