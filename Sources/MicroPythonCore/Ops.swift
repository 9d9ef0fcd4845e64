// Operators on any pair of values: truth, equality, hashing, ordering, arithmetic, membership.
// Built-in types are dispatched by their fixed type address; instances of classes go through
// their special methods, with the reflected method of the right operand as fallback.

@inline(__always) func builtinType(_ o: Obj) -> TypeID? { TypeID.from(addr: o.typeAddr) }

/// The native value behind an instance of a class derived from a builtin type, else the object.
@inline(__always) func nativeSelf(_ o: Obj) -> Obj {
    if o.isPtr && isHeapAddr(o.words[0]) && isUserClass(o.type) && typeNativeBase(o.type) != .object && !isException(o) {
        return o.o(4)
    }
    return o
}

func pyTruthy(_ o: Obj) throws -> Bool {
    if o == .true { return true }
    if o == .false || o == .none { return false }
    if o.isSmallInt { return o.raw != 1 }
    if o.isQstr { return qstrs.length(o.qstr) != 0 }
    guard let t = builtinType(o) else { return try instanceTruthy(o) }
    switch t {
    case .str, .bytes, .bytearray: return o.w(2) != 0
    case .list: return listLen(o) != 0
    case .tuple: return tupleLen(o) != 0
    case .dict, .set, .frozenset: return o.w(1) != 0
    case .float: return floatValue(o) != 0
    case .int: return !bigIsZero(o)
    case .complex: let (a, b) = complexValue(o); return a != 0 || b != 0
    case .range: return try rangeLen(o) != 0
    case .memoryview: return memoryviewLen(o) != 0
    case .array: return o.w(2) != 0
    default: return true
    }
}

func instanceTruthy(_ o: Obj) throws -> Bool {
    if let f = lookupInType(o.type, qobj(.__bool__)) {
        let r = try callBound(f, o, [])
        guard r == .true || r == .false else { throw typeError("__bool__ should return bool") }
        return r == .true
    }
    if let f = lookupInType(o.type, qobj(.__len__)) {
        let r = try callBound(f, o, [])
        return try intToInt(r) != 0
    }
    let n = nativeSelf(o)
    if n != o { return try pyTruthy(n) }
    return true
}

// MARK: equality and hashing

func pyEqual(_ a: Obj, _ b: Obj) throws -> Bool {
    // identity implies equality for containers, as in CPython (so [nan] == [nan])
    if a == b { return true }
    // strings: qstr vs heap str
    if isStr(a) && isStr(b) {
        if a.isQstr && b.isQstr { return false }
        return bytesEqual(strBytes(a), strBytes(b))
    }
    if a.isSmallInt && b.isSmallInt { return false }
    let r = try compareOp(.eq, a, b)
    if r == .true { return true }
    if r == .false { return false }
    return try pyTruthy(r)
}

@inline(__always) func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if a.count != b.count { return false }
    if a.count == 0 { return true }
    return memEqual(a.baseAddress!, b.baseAddress!, a.count)
}

/// hash(); equal values hash equal across int, bool and float.
func pyHash(_ o: Obj) throws -> Int {
    if o.isSmallInt { return o.smallInt }
    if o.isQstr { return Int(qstrs.hashOf(o.qstr)) }
    if o == .true { return 1 }
    if o == .false { return 0 }
    if o.isImmediate { return Int(o.raw >> 3) &+ 0x1234 }
    guard let t = builtinType(o) else { return try instanceHash(o) }
    switch t {
    case .str, .bytes: return strHash(o)
    case .int: return bigHash(o)
    case .float: return floatHash(floatValue(o))
    case .tuple:
        var h = 0x345678
        for i in 0..<tupleLen(o) {
            let x = try pyHash(tupleItems(o)[i])
            h = (h ^ x) &* 1_000_003
        }
        return h & 0x3FFF_FFFF
    case .frozenset:
        var h = 0
        let m = setMap(o)
        var i = 0
        while let j = m.next(from: i) { h ^= try pyHash(m.key(j)); i = j + 1 }
        return h & 0x3FFF_FFFF
    case .complex:
        let (r, i) = complexValue(o)
        return (floatHash(r) &+ 1_000_003 &* floatHash(i)) & 0x3FFF_FFFF
    case .list, .dict, .set, .bytearray, .slice:
        throw typeError("unsupported type for __hash__: '\(typeName(o))'")
    default:
        return Int(o.raw >> 4)
    }
}

func floatHash(_ d: Double) -> Int {
    if d.isNaN { return 0 }
    if d.isInfinite { return d > 0 ? 314159 : -314159 }
    if d == d.rounded(.towardZero) && abs(d) < 9.0e15 { return Int(d) }
    let bits = d.bitPattern
    return Int(truncatingIfNeeded: (bits ^ (bits >> 32)) & 0x3FFF_FFFF)
}

func instanceHash(_ o: Obj) throws -> Int {
    let t = o.type
    if let f = lookupInType(t, qobj(.__hash__)), f != objectHash || nativeSelf(o) == o {
        if f == .none { throw typeError("unsupported type for __hash__: '\(typeName(o))'") }
        let r = try callBound(f, o, [])
        return try intToInt(r)
    }
    let n = nativeSelf(o)
    if n != o { return try pyHash(n) }
    return Int(o.raw >> 4)
}

// MARK: comparison

func compareOp(_ op: CmpOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    if let r = try builtinCompare(op, a, b) { return r }
    // rich comparison through special methods
    let names: [QID] = [.__lt__, .__le__, .__eq__, .__ne__, .__gt__, .__ge__]
    let swapped: [CmpOpCode] = [.gt, .ge, .eq, .ne, .lt, .le]
    let ta = a.type, tb = b.type
    let bFirst = ta != tb && isUserClass(tb) && isSubclassRaw(tb, ta)
    if !bFirst, isUserClass(ta), let f = lookupInType(ta, qobj(names[Int(op.rawValue)])) {
        let r = try callBound(f, a, [b])
        if r != .notImplemented { return r }
    }
    let sop = swapped[Int(op.rawValue)]
    if isUserClass(tb), let f = lookupInType(tb, qobj(names[Int(sop.rawValue)])) {
        let r = try callBound(f, b, [a])
        if r != .notImplemented { return r }
    }
    if bFirst, isUserClass(ta), let f = lookupInType(ta, qobj(names[Int(op.rawValue)])) {
        let r = try callBound(f, a, [b])
        if r != .notImplemented { return r }
    }
    // native values of subclassed builtins
    let na = nativeSelf(a), nb = nativeSelf(b)
    if na != a || nb != b { return try compareOp(op, na, nb) }
    if op == .ne {
        if isUserClass(ta), let f = lookupInType(ta, qobj(.__eq__)) {
            let r = try callBound(f, a, [b])
            if r != .notImplemented { return try pyTruthy(r) ? .false : .true }
        }
        return .bool(a != b)
    }
    if op == .eq { return .bool(a == b) }
    throw typeError("unsupported types for \(qstrString(names[Int(op.rawValue)].rawValue)): '\(typeName(a))', '\(typeName(b))'")
}

/// Comparison of builtin values; nil when neither side knows how.
func builtinCompare(_ op: CmpOpCode, _ a: Obj, _ b: Obj) throws -> Obj? {
    let ta = builtinType(a), tb = builtinType(b)
    guard let ta = ta, let tb = tb else { return nil }
    func res(_ c: Int) -> Obj {
        switch op {
        case .lt: return .bool(c < 0)
        case .le: return .bool(c <= 0)
        case .eq: return .bool(c == 0)
        case .ne: return .bool(c != 0)
        case .gt: return .bool(c > 0)
        case .ge: return .bool(c >= 0)
        }
    }
    let aNum = ta == .int || ta == .bool || ta == .float
    let bNum = tb == .int || tb == .bool || tb == .float
    if aNum && bNum {
        if ta == .float || tb == .float {
            return try floatCompare(op, a, b)
        }
        return res(intCompare(a, b))
    }
    if ta == .complex || tb == .complex {
        if (aNum || ta == .complex) && (bNum || tb == .complex) && (op == .eq || op == .ne) {
            let (ar, ai) = try complexParts(a), (br, bi) = try complexParts(b)
            let eq = ar == br && ai == bi
            return .bool(op == .eq ? eq : !eq)
        }
        if op == .eq || op == .ne { return nil }
        return nil
    }
    if ta == .array || tb == .array { return try arrayCompare(op, a, b) }
    switch (ta, tb) {
    case (.str, .str):
        return res(compareBytes(strBytes(a), strBytes(b)))
    case (.bytes, .bytes), (.bytearray, .bytearray), (.bytes, .bytearray), (.bytearray, .bytes):
        return res(compareBytes(strBytes(a), strBytes(b)))
    case (.tuple, .tuple):
        return try compareSequences(op, tupleItems(a), tupleLen(a), tupleItems(b), tupleLen(b))
    case (.list, .list):
        return try compareSequences(op, listItems(a), listLen(a), listItems(b), listLen(b))
    case (.dict, .dict):
        if op == .eq || op == .ne {
            let eq = try dictEqual(a, b)
            return .bool(op == .eq ? eq : !eq)
        }
        return nil
    case (.set, .set), (.frozenset, .frozenset), (.set, .frozenset), (.frozenset, .set):
        return try setCompare(op, a, b)
    case (.range, .range):
        if op == .eq || op == .ne {
            let eq = try rangeEqual(a, b)
            return .bool(op == .eq ? eq : !eq)
        }
        return nil
    case (.noneType, .noneType):
        if op == .eq || op == .ne { return .bool(op == .eq) }
        return nil
    default:
        if ta == tb && (op == .eq || op == .ne) && !isUserClass(a.type) {
            if ta == .slice {
                let e1 = try pyEqual(a.o(1), b.o(1)), e2 = try pyEqual(a.o(2), b.o(2)), e3 = try pyEqual(a.o(3), b.o(3))
                let eq = e1 && e2 && e3
                return .bool(op == .eq ? eq : !eq)
            }
            if ta == .boundMethod {
                let eq = a.o(1) == b.o(1) && a.o(2) == b.o(2)
                return .bool(op == .eq ? eq : !eq)
            }
            if ta == .memoryview {
                return nil
            }
            return .bool((a == b) == (op == .eq))
        }
        if ta != tb && (op == .eq || op == .ne) {
            // different builtin types: equal only by identity (user classes handled by caller)
            if !isUserClass(a.type) && !isUserClass(b.type) {
                if (ta == .dictKeys || ta == .dictItems) || (tb == .dictKeys || tb == .dictItems) { return nil }
                return .bool(op == .ne)
            }
        }
        return nil
    }
}

func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    for i in 0..<n where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
}

func compareSequences(_ op: CmpOpCode, _ a: UnsafeMutablePointer<Obj>, _ na: Int, _ b: UnsafeMutablePointer<Obj>, _ nb: Int) throws -> Obj {
    if (op == .eq || op == .ne) && na != nb { return .bool(op == .ne) }
    var i = 0
    // a and b may be list storage that a callback reallocates; re-read lengths each step is overkill for
    // equality; keep pointers since lists passed here are held by the caller.
    while i < na && i < nb {
        if try !pyEqual(a[i], b[i]) { break }
        i += 1
    }
    if i >= na || i >= nb {
        let c = na == nb ? 0 : (na < nb ? -1 : 1)
        switch op {
        case .lt: return .bool(c < 0)
        case .le: return .bool(c <= 0)
        case .eq: return .bool(c == 0)
        case .ne: return .bool(c != 0)
        case .gt: return .bool(c > 0)
        case .ge: return .bool(c >= 0)
        }
    }
    if op == .eq { return .false }
    if op == .ne { return .true }
    return try compareOp(op, a[i], b[i])
}

func dictEqual(_ a: Obj, _ b: Obj) throws -> Bool {
    let ma = dictMap(a), mb = dictMap(b)
    if ma.count != mb.count { return false }
    var i = 0
    while let j = ma.next(from: i) {
        guard let v = try mb.get(ma.key(j)) else { return false }
        if try !pyEqual(ma.value(j), v) { return false }
        i = j + 1
    }
    return true
}

// MARK: arithmetic

func binaryOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    let ta = builtinType(a), tb = builtinType(b)
    if let ta = ta, let tb = tb, !isUserClassObj(a), !isUserClassObj(b) {
        if let r = try builtinBinaryOp(op, a, ta, b, tb) { return r }
        throw unsupportedBinary(op, a, b)
    }
    // in-place special method first
    if op.isInplace, isUserClassObj(a), let f = lookupInType(a.type, qobj(op.inplaceDunder)) {
        let r = try callBound(f, a, [b])
        if r != .notImplemented { return r }
    }
    let base = op.base
    let ua = isUserClassObj(a), ub = isUserClassObj(b)
    // a subclass on the right overriding the reflected method goes first
    if ub && a.type != b.type && isSubclassRaw(b.type, a.type), let rf = lookupInType(b.type, qobj(base.reflected)) {
        let r = try callBound(rf, b, [a])
        if r != .notImplemented { return r }
    }
    if ua, let f = lookupInType(a.type, qobj(base.dunder)) {
        let r = try callBound(f, a, [b])
        if r != .notImplemented { return r }
    }
    if ub, a.type != b.type || !ua, let rf = lookupInType(b.type, qobj(base.reflected)) {
        let r = try callBound(rf, b, [a])
        if r != .notImplemented { return r }
    }
    let na = nativeSelf(a), nb = nativeSelf(b)
    if na != a || nb != b, let ta = builtinType(na), let tb = builtinType(nb), !isUserClassObj(na), !isUserClassObj(nb) {
        if let r = try builtinBinaryOp(op, na, ta, nb, tb) { return r }
    }
    // sequence * object with __index__
    if base == .mul {
        if isSequenceForRepeat(a), ub, lookupInType(b.type, qobj(.__index__)) != nil { return try seqRepeat(a, try intToInt(b)) }
        if isSequenceForRepeat(b), ua, lookupInType(a.type, qobj(.__index__)) != nil { return try seqRepeat(b, try intToInt(a)) }
    }
    throw unsupportedBinary(op, a, b)
}

func isSequenceForRepeat(_ o: Obj) -> Bool {
    isStr(o) || o.isType(.bytes) || o.isType(.bytearray) || o.isType(.list) || o.isType(.tuple)
}

@inline(__always) func isUserClassObj(_ o: Obj) -> Bool { o.isPtr && isHeapAddr(o.words[0]) && isUserClass(o.type) }

@inline(never) func unsupportedBinary(_ op: BinOpCode, _ a: Obj, _ b: Obj) -> PyErr {
    typeError("unsupported types for \(qstrString(op.dunder.rawValue)): '\(typeName(a))', '\(typeName(b))'")
}

func builtinBinaryOp(_ op: BinOpCode, _ a: Obj, _ ta: TypeID, _ b: Obj, _ tb: TypeID) throws -> Obj? {
    let base = op.base
    let aInt = ta == .int || ta == .bool, bInt = tb == .int || tb == .bool
    if aInt && bInt { return try intBinaryOp(base, a, b) }
    let aNum = aInt || ta == .float, bNum = bInt || tb == .float
    if aNum && bNum { return try floatBinaryOp(base, a, b) }
    if (aNum || ta == .complex) && (bNum || tb == .complex) { return try complexBinaryOp(base, a, b) }
    if ta == .array || tb == .array, let r = try arrayBinaryOp(op, a, b) { return r }
    switch ta {
    case .str:
        if base == .add && tb == .str { return try strConcat(a, b) }
        if base == .mul && bInt { return try seqRepeat(a, try intToInt(b)) }
        if base == .mod { return try strModFormat(a, b) }
    case .bytes, .bytearray:
        if base == .add && (tb == .bytes || tb == .bytearray || tb == .memoryview) {
            if ta == .bytearray && op.isInplace { try bytearrayExtend(a, b); return a }
            return try bytesConcat(a, b, resultType: ta)
        }
        if base == .mul && bInt { return try seqRepeat(a, try intToInt(b)) }
        if base == .mod && ta == .bytes { return try bytesModFormat(a, b) }
    case .list:
        if base == .add && tb == .list {
            if op.isInplace { try listExtend(a, b); return a }
            return try listConcat(a, b)
        }
        if base == .add && op.isInplace { try listExtend(a, b); return a }
        if base == .mul && bInt {
            if op.isInplace { try listRepeatInPlace(a, try intToInt(b)); return a }
            return try seqRepeat(a, try intToInt(b))
        }
    case .tuple:
        if base == .add && tb == .tuple { return try tupleConcat(a, b) }
        if base == .mul && bInt { return try seqRepeat(a, try intToInt(b)) }
    case .set, .frozenset:
        if tb == .set || tb == .frozenset {
            switch base {
            case .or, .and, .sub, .xor:
                if op.isInplace && ta == .set { try setInPlaceOp(base, a, b); return a }
                return try setBinaryOp(base, a, b)
            default: break
            }
        }
    case .dict:
        if base == .or && tb == .dict {
            if op.isInplace { try dictUpdate(a, b); return a }
            let d = try dictCopy(a)
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            try dictUpdate(d, b)
            return d
        }
    case .dictKeys, .dictItems:
        if tb == .set || tb == .frozenset || tb == .dictKeys || tb == .dictItems {
            let s = try setFromIterable(a, .set)
            let keep = pushRoot(s)
            defer { popRoots(to: keep) }
            let t = try setFromIterable(b, .set)
            _ = pushRoot(t)
            return try setBinaryOp(base, s, t)
        }
    default:
        break
    }
    if bInt && base == .mul {
        switch ta {
        case .str, .bytes, .bytearray, .list, .tuple: return try seqRepeat(a, try intToInt(b))
        default: break
        }
    }
    if aInt && base == .mul {
        switch tb {
        case .str, .bytes, .bytearray, .list, .tuple: return try seqRepeat(b, try intToInt(a))
        default: break
        }
    }
    return nil
}

func unaryOp(_ op: UnaryOpCode, _ a: Obj) throws -> Obj {
    if op == .not { return .bool(!(try pyTruthy(a))) }
    if a.isSmallInt || a == .true || a == .false || a.isType(.int) {
        return try intUnaryOp(op, a)
    }
    if a.isType(.float) {
        let d = floatValue(a)
        switch op {
        case .neg: return try newFloat(-d)
        case .pos: return a
        default: break
        }
    }
    if a.isType(.complex) {
        let (r, i) = complexValue(a)
        switch op {
        case .neg: return try newComplex(-r, -i)
        case .pos: return a
        default: break
        }
    }
    if isUserClassObj(a) {
        let name: QID = op == .neg ? .__neg__ : (op == .pos ? .__pos__ : .__invert__)
        if let f = lookupInType(a.type, qobj(name)) { return try callBound(f, a, []) }
        let n = nativeSelf(a)
        if n != a { return try unaryOp(op, n) }
    }
    let opName = op == .neg ? "__neg__" : (op == .pos ? "__pos__" : "__invert__")
    throw typeError("unsupported type for \(opName): '\(typeName(a))'")
}

// MARK: membership

func containsOp(_ container: Obj, _ item: Obj) throws -> Bool {
    guard let t = builtinType(container), !isUserClassObj(container) else {
        if let f = lookupInType(container.type, qobj(.__contains__)) {
            return try pyTruthy(try callBound(f, container, [item]))
        }
        let n = nativeSelf(container)
        if n != container { return try containsOp(n, item) }
        return try iterContains(container, item)
    }
    switch t {
    case .str:
        guard isStr(item) else { throw typeError("'in <string>' requires string as left operand, not \(typeName(item))") }
        return findBytes(strBytes(container), strBytes(item), from: 0) != nil
    case .bytes, .bytearray:
        if item.isSmallInt {
            let v = item.smallInt
            guard v >= 0 && v < 256 else { throw valueError("byte must be in range(0, 256)") }
            return strBytes(container).contains(UInt8(v))
        }
        guard isBytesLike(item) else { throw typeError("a bytes-like object is required") }
        return findBytes(strBytes(container), strBytes(item), from: 0) != nil
    case .list:
        var i = 0
        while i < listLen(container) {
            let v = listItems(container)[i]
            if v == item { return true }
            if try pyEqual(v, item) { return true }
            i += 1
        }
        return false
    case .tuple:
        for i in 0..<tupleLen(container) {
            let v = tupleItems(container)[i]
            if v == item { return true }
            if try pyEqual(v, item) { return true }
        }
        return false
    case .dict, .dictKeys:
        let d = t == .dict ? container : container.o(1)
        return try dictMap(d).find(item) != nil
    case .set, .frozenset:
        return try setMap(container).find(item) != nil
    case .range:
        return try rangeContains(container, item)
    case .dictItems:
        guard item.isType(.tuple), tupleLen(item) == 2 else { return false }
        guard let v = try dictMap(container.o(1)).get(tupleItems(item)[0]) else { return false }
        return try pyEqual(v, tupleItems(item)[1])
    default:
        return try iterContains(container, item)
    }
}

func iterContains(_ container: Obj, _ item: Obj) throws -> Bool {
    let it = try getIter(container)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { return false }
        if v == item { return true }
            if try pyEqual(v, item) { return true }
    }
}

/// Index of the first occurrence of needle in hay at or after `from`.
func findBytes(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int, to: Int? = nil) -> Int? {
    let end = to ?? hay.count
    let n = needle.count
    if n == 0 { return from <= end ? from : nil }
    if end - from < n { return nil }
    let first = needle[0]
    var i = from
    while i <= end - n {
        if hay[i] == first {
            var j = 1
            while j < n && hay[i + j] == needle[j] { j += 1 }
            if j == n { return i }
        }
        i += 1
    }
    return nil
}

func rfindBytes(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    let n = needle.count
    if to - from < n { return nil }
    var i = to - n
    while i >= from {
        var j = 0
        while j < n && hay[i + j] == needle[j] { j += 1 }
        if j == n { return i }
        i -= 1
    }
    return nil
}
