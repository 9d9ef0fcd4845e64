// list: [type][allocated][length][items address], and the operations other sequences share
// (repetition, concatenation, sorting).

enum ObjList {
    static let def = BuiltinTypeDef(id: .list, name: "list", base: .object, methods: [
        method("append", 2) { a throws in try listAppend(try selfList(a[0]), a[1]); return .none },
        method("clear", 1) { a throws in
            let l = try selfList(a[0])
            listSetLen(l, 0)
            return .none
        },
        method("copy", 1) { a throws in let l = try selfList(a[0]); return try newList(listItems(l), listLen(l)) },
        method("count", 2) { a throws in
            let l = try selfList(a[0])
            var n = 0, i = 0
            while i < listLen(l) { if try pyEqual(listItems(l)[i], a[1]) { n += 1 }; i += 1 }
            return Obj(small: n)
        },
        method("extend", 2) { a throws in try listExtend(try selfList(a[0]), a[1]); return .none },
        method("index", 2, 4) { a throws in
            let l = try selfList(a[0])
            let n = listLen(l)
            var start = a.count > 2 ? try intToInt(a[2]) : 0
            var end = a.count > 3 ? try intToInt(a[3]) : n
            if start < 0 { start = max(0, start + n) }
            if end < 0 { end = max(0, end + n) }
            var i = start
            while i < min(end, listLen(l)) {
                if try pyEqual(listItems(l)[i], a[1]) { return Obj(small: i) }
                i += 1
            }
            throw valueError("object not in sequence")
        },
        method("insert", 3) { a throws in
            let l = try selfList(a[0])
            let n = listLen(l)
            var i = try intToInt(a[1])
            if i < 0 { i = max(0, i + n) }
            if i > n { i = n }
            try listReserve(l, 1)
            let p = listItems(l)
            var k = n
            while k > i { p[k] = p[k - 1]; k -= 1 }
            p[i] = a[2]
            listSetLen(l, n + 1)
            return .none
        },
        method("pop", 1, 2) { a throws in
            let l = try selfList(a[0])
            let n = listLen(l)
            if n == 0 { throw indexError("pop from empty list") }
            var i = a.count > 1 ? try intToInt(a[1]) : n - 1
            if i < 0 { i += n }
            if i < 0 || i >= n { throw indexError("pop index out of range") }
            let v = listItems(l)[i]
            listRemoveAt(l, i)
            return v
        },
        method("remove", 2) { a throws in
            let l = try selfList(a[0])
            var i = 0
            while i < listLen(l) {
                if try pyEqual(listItems(l)[i], a[1]) { listRemoveAt(l, i); return .none }
                i += 1
            }
            throw valueError("object not in sequence")
        },
        method("reverse", 1) { a throws in
            let l = try selfList(a[0])
            let p = listItems(l), n = listLen(l)
            for i in 0..<(n / 2) { let t = p[i]; p[i] = p[n - 1 - i]; p[n - 1 - i] = t }
            return .none
        },
        method("__init__", 1, 2) { a throws in
            let l = try selfList(a[0])
            listSetLen(l, 0)
            if a.count > 1 { try listExtend(l, a[1]) }
            return .none
        },
        method("__getitem__", 2) { a throws in try subscrLoad(try selfList(a[0]), a[1]) },
        method("__setitem__", 3) { a throws in try subscrStore(try selfList(a[0]), a[1], a[2]); return .none },
        method("__delitem__", 2) { a throws in try subscrDelete(try selfList(a[0]), a[1]); return .none },
        method("__len__", 1) { a throws in Obj(small: listLen(try selfList(a[0]))) },
        method("__contains__", 2) { a throws in .bool(try containsOp(try selfList(a[0]), a[1])) },
        method("__iter__", 1) { a throws in try getIter(try selfList(a[0])) },
        method("sort", 1, 1, kw: true) { a throws in
            let l = try selfList(a[0])
            let key = a.kw(.key) ?? .none
            let rev = try a.kw("reverse").map { x throws in try pyTruthy(x) } ?? false
            try sortList(l, key: key, reverse: rev)
            return .none
        },
    ])

    static func make(_ a: Args) throws -> Obj {
        if a.kwCount > 0 { throw typeError("list() takes no keyword arguments") }
        if a.count == 0 { return try newList(count: 0) }
        if a.count > 1 { throw typeError("list expected at most 1 argument") }
        return try iterateToList(a[0])
    }
}

@inline(__always) func selfList(_ o: Obj) throws -> Obj {
    if o.isType(.list) { return o }
    let n = nativeSelf(o)
    if n.isType(.list) { return n }
    throw typeError("descriptor requires a 'list' object")
}

func listRemoveAt(_ l: Obj, _ i: Int) {
    let n = listLen(l)
    let p = listItems(l)
    if i < n - 1 { (p + i).update(from: p + i + 1, count: n - 1 - i) }
    p[n - 1] = .null
    listSetLen(l, n - 1)
}

func listExtend(_ l: Obj, _ src: Obj) throws {
    if src.isType(.list) || src.isType(.tuple) {
        let n = src.isType(.list) ? listLen(src) : tupleLen(src)
        try listReserve(l, n)
        let from = src.isType(.list) ? listItems(src) : tupleItems(src)
        let len = listLen(l)
        (listItems(l) + len).update(from: from, count: n)
        listSetLen(l, len + n)
        return
    }
    let it = try getIter(src)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { break }
        try listAppend(l, v)
    }
}

func listConcat(_ a: Obj, _ b: Obj) throws -> Obj {
    let na = listLen(a), nb = listLen(b)
    let r = try newList(count: na + nb)
    listItems(r).update(from: listItems(a), count: na)
    (listItems(r) + na).update(from: listItems(b), count: nb)
    return r
}

func tupleConcat(_ a: Obj, _ b: Obj) throws -> Obj {
    let na = tupleLen(a), nb = tupleLen(b)
    let r = try newTuple(count: na + nb)
    tupleItems(r).update(from: tupleItems(a), count: na)
    (tupleItems(r) + na).update(from: tupleItems(b), count: nb)
    return r
}

func listRepeatInPlace(_ l: Obj, _ times: Int) throws {
    let n = listLen(l)
    if times <= 0 { listSetLen(l, 0); return }
    if n == 0 { return }              // an empty list stays empty, however large the count
    try listReserve(l, n * (times - 1))
    let p = listItems(l)
    for k in 1..<times { (p + k * n).update(from: p, count: n) }
    listSetLen(l, n * times)
}

/// seq * n for str, bytes, bytearray, list and tuple.
func seqRepeat(_ s: Obj, _ times: Int) throws -> Obj {
    let t = max(times, 0)
    if s.isType(.list) || s.isType(.tuple) {
        let isList = s.isType(.list)
        let n = isList ? listLen(s) : tupleLen(s)
        let (total, o) = n.multipliedReportingOverflow(by: t)
        if o || total > rt.pointee.blockCount * 4 { throw pyErr(.MemoryError) }
        let r = isList ? try newList(count: total) : try newTuple(count: total)
        if n == 0 { return r }        // no copying loop for an empty sequence, however large t
        let dst = isList ? listItems(r) : tupleItems(r)
        let src = isList ? listItems(s) : tupleItems(s)
        for k in 0..<t { (dst + k * n).update(from: src, count: n) }
        return r
    }
    let b = strBytes(s)
    let (total, o) = b.count.multipliedReportingOverflow(by: t)
    if o || total > rt.pointee.blockCount * blockBytes { throw pyErr(.MemoryError) }
    if s.isType(.bytearray) {
        let r = try newBytearray(count: total)
        if total == 0 { return r }
        let dst = hostPtr(r.w(3)).assumingMemoryBound(to: UInt8.self)
        let src = strBytes(s)
        for k in 0..<t { (dst + k * src.count).update(from: src.baseAddress!, count: src.count) }
        return r
    }
    let isBytes = s.isType(.bytes)
    if total == 0 { return isBytes ? try newBytes(nil, 0) : Obj(qstr: QID._empty.rawValue) }
    let (r, dst) = try newStrBuffer(isBytes ? .bytes : .str, total)
    let src = strBytes(s)
    for k in 0..<t { (dst + k * src.count).update(from: src.baseAddress!, count: src.count) }
    dst[total] = 0
    return r
}

func listSliceAssign(_ l: Obj, _ s: Obj, _ v: Obj) throws {
    let src = try iterateToList(v)
    let keep = pushRoot(src)
    defer { popRoots(to: keep) }
    let n = listLen(l)
    let (start, stop, step, count) = try sliceIndices(s, n)
    let m = listLen(src)
    if step != 1 {
        if m != count { throw valueError("attempt to assign sequence of size \(m) to extended slice of size \(count)") }
        for k in 0..<count { listItems(l)[start + k * step] = listItems(src)[k] }
        return
    }
    let lo = start, hi = max(stop, start)
    let newLen = n - (hi - lo) + m
    if newLen > n { try listReserve(l, newLen - n) }
    let p = listItems(l)
    // move the tail
    let tail = n - hi
    if m != hi - lo {
        if m > hi - lo {
            var k = tail - 1
            while k >= 0 { p[lo + m + k] = p[hi + k]; k -= 1 }
        } else {
            for k in 0..<tail { p[lo + m + k] = p[hi + k] }
        }
    }
    for k in 0..<m { p[lo + k] = listItems(src)[k] }
    listSetLen(l, newLen)
}

func listSliceDelete(_ l: Obj, _ s: Obj) throws {
    let n = listLen(l)
    let (start, _, step, count) = try sliceIndices(s, n)
    if count == 0 { return }
    var remove = [Bool](repeating: false, count: n)
    for k in 0..<count { remove[start + k * step] = true }
    let p = listItems(l)
    var w = 0
    for r in 0..<n where !remove[r] { p[w] = p[r]; w += 1 }
    listSetLen(l, w)
}

// MARK: sorting

/// Stable merge sort by `<`, on keys computed once, as list.sort does.
func sortList(_ l: Obj, key: Obj, reverse: Bool) throws {
    let n = listLen(l)
    if n < 2 { return }
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }
    var keys = l
    if key != .none {
        keys = try newList(count: n)
        _ = pushRoot(keys)
        for i in 0..<n {
            let k = try callObjectArgs(key, [listItems(l)[i]], stackTop: rt.pointee.vmStackTop)
            listItems(keys)[i] = k
        }
    }
    let items = try newList(listItems(l), n)
    _ = pushRoot(items)
    var idx = Array(0..<n)
    var tmp = idx
    let kp = listItems(keys)
    // fast comparisons for homogeneous small ints and strings
    var allInts = true, allStrs = true
    for i in 0..<n {
        let k = kp[i]
        if !k.isSmallInt { allInts = false }
        if !isStr(k) { allStrs = false }
    }
    func less(_ a: Int, _ b: Int) throws -> Bool {
        let x = listItems(keys)[a], y = listItems(keys)[b]
        if allInts { return x.smallInt < y.smallInt }
        if allStrs { return compareBytes(strBytes(x), strBytes(y)) < 0 }
        let r = try compareOp(.lt, x, y)
        if r == .true { return true }
        if r == .false { return false }
        return try pyTruthy(r)
    }
    // bottom-up merge sort; `reverse` keeps stability by comparing swapped
    var width = 1
    while width < n {
        var i = 0
        while i < n {
            let mid = min(i + width, n), hi = min(i + 2 * width, n)
            var a = i, b = mid, k = i
            while a < mid && b < hi {
                let takeB = reverse ? try less(idx[a], idx[b]) : try less(idx[b], idx[a])
                if takeB { tmp[k] = idx[b]; b += 1 } else { tmp[k] = idx[a]; a += 1 }
                k += 1
            }
            while a < mid { tmp[k] = idx[a]; a += 1; k += 1 }
            while b < hi { tmp[k] = idx[b]; b += 1; k += 1 }
            i += 2 * width
        }
        swap(&idx, &tmp)
        width *= 2
    }
    guard listLen(l) == n else { throw valueError("list modified during sort") }
    let dst = listItems(l), src = listItems(items)
    for i in 0..<n { dst[i] = src[idx[i]] }
}
