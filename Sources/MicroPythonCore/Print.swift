// repr() and str() of every object, written into a byte buffer.

/// Containers being printed (recursion guard); per thread (ThreadState.swift).
nonisolated(unsafe) var reprActive: [Obj] = []

/// How deeply containers may nest in a repr: the cycle check scans `reprActive`, so unbounded
/// nesting would cost quadratic time (CPython stops at its recursion limit, MicroPython at its
/// C stack limit).
let reprNestingLimit = 10_000

/// Enters container `o` in a repr; false when `o` is already being printed (a cycle).
@inline(__always) func enterRepr(_ o: Obj) throws -> Bool {
    if reprActive.count >= reprNestingLimit { throw runtimeError("maximum recursion depth exceeded") }
    if reprActive.contains(o) { return false }
    reprActive.append(o)
    return true
}

func appendRepr(_ o: Obj, _ buf: inout [UInt8]) throws {
    try appendObj(o, &buf, repr: true)
}

func appendStr(_ o: Obj, _ buf: inout [UInt8]) throws {
    try appendObj(o, &buf, repr: false)
}

@inline(__always) func append(_ s: String, _ buf: inout [UInt8]) { buf.append(contentsOf: s.utf8) }

func hexAddr(_ o: Obj) -> String { "0x" + String(o.raw, radix: 16) }

func appendObj(_ o: Obj, _ buf: inout [UInt8], repr: Bool) throws {
    if o.isSmallInt { append(String(o.smallInt), &buf); return }
    if o.isQstr {
        if repr { appendStrRepr(strBytes(o), &buf) } else { buf.append(contentsOf: strBytes(o)) }
        return
    }
    switch o {
    case .none: append("None", &buf); return
    case .true: append("True", &buf); return
    case .false: append("False", &buf); return
    case .ellipsis: append("Ellipsis", &buf); return
    case .notImplemented: append("NotImplemented", &buf); return
    case .null: append("<NULL>", &buf); return
    default: break
    }
    guard o.isPtr else { append("<object>", &buf); return }
    if isUserClassObj(o) { try appendInstance(o, &buf, repr: repr); return }
    if isTypeObj(o) {
        append("<class '\(typeNameOf(o))'>", &buf)
        return
    }
    guard let t = builtinType(o) else {
        // types of modules made in flash: their __repr__ if they have one, else <TypeName>
        let ty = o.type
        if isTypeObj(ty), let f = lookupInType(ty, qobj(.__repr__)), f != objectRepr {
            let s = try callBound(f, o, [])
            if isStr(s) { buf.append(contentsOf: strBytes(s)); return }
        }
        append(isTypeObj(ty) ? "<\(typeNameOf(ty))>" : "<object>", &buf)
        return
    }
    switch t {
    case .str:
        if repr { appendStrRepr(strBytes(o), &buf) } else { buf.append(contentsOf: strBytes(o)) }
    case .int:
        append(intToString(o), &buf)
    case .float:
        appendFloat(floatValue(o), &buf)
    case .complex:
        let (r, i) = complexValue(o)
        if r == 0 && r.sign == .plus {
            appendComplexPart(i, &buf); buf.append(UInt8(ascii: "j"))
        } else {
            buf.append(UInt8(ascii: "("))
            appendComplexPart(r, &buf)
            if i >= 0 || i.isNaN { buf.append(UInt8(ascii: "+")) }
            appendComplexPart(i, &buf)
            append("j)", &buf)
        }
    case .bytes:
        appendBytesRepr(strBytes(o), &buf)
    case .bytearray:
        append("bytearray(", &buf); appendBytesRepr(strBytes(o), &buf); append(")", &buf)
    case .list, .tuple:
        guard try enterRepr(o) else { append(t == .list ? "[...]" : "(...)", &buf); return }
        defer { reprActive.removeLast() }
        let isList = t == .list
        buf.append(UInt8(ascii: isList ? "[" : "("))
        var i = 0
        while i < (isList ? listLen(o) : tupleLen(o)) {
            if i > 0 { append(", ", &buf) }
            try appendRepr(isList ? listItems(o)[i] : tupleItems(o)[i], &buf)
            try checkHostText(buf.count)
            i += 1
        }
        if !isList && tupleLen(o) == 1 { buf.append(UInt8(ascii: ",")) }
        buf.append(UInt8(ascii: isList ? "]" : ")"))
    case .dict:
        guard try enterRepr(o) else { append("{...}", &buf); return }
        defer { reprActive.removeLast() }
        buf.append(UInt8(ascii: "{"))
        let m = dictMap(o)
        var i = 0, first = true
        while let j = m.next(from: i) {
            if !first { append(", ", &buf) }
            first = false
            try appendRepr(m.key(j), &buf)
            append(": ", &buf)
            try appendRepr(m.value(j), &buf)
            try checkHostText(buf.count)
            i = j + 1
        }
        buf.append(UInt8(ascii: "}"))
    case .set, .frozenset:
        let m = setMap(o)
        if m.count == 0 { append(t == .set ? "set()" : "frozenset()", &buf); return }
        if t == .frozenset { append("frozenset(", &buf) }
        buf.append(UInt8(ascii: "{"))
        var i = 0, first = true
        while let j = m.next(from: i) {
            if !first { append(", ", &buf) }
            first = false
            try appendRepr(m.key(j), &buf)
            try checkHostText(buf.count)
            i = j + 1
        }
        buf.append(UInt8(ascii: "}"))
        if t == .frozenset { buf.append(UInt8(ascii: ")")) }
    case .dictKeys, .dictValues, .dictItems:
        append(t == .dictKeys ? "dict_keys(" : (t == .dictValues ? "dict_values(" : "dict_items("), &buf)
        let l = try iterateToList(o)
        try appendRepr(l, &buf)
        buf.append(UInt8(ascii: ")"))
    case .range:
        let (a, b, s) = rangeParts(o)
        append(s == 1 ? "range(\(a), \(b))" : "range(\(a), \(b), \(s))", &buf)
    case .slice:
        append("slice(", &buf)
        try appendRepr(o.o(1), &buf); append(", ", &buf)
        try appendRepr(o.o(2), &buf); append(", ", &buf)
        try appendRepr(o.o(3), &buf)
        append(")", &buf)
    case .function:
        append("<function \(qstrString(codeName(functionCode(o)))) at \(hexAddr(o))>", &buf)
    case .builtinFunction:
        append("<function \(qstrString(o.o(NativeWord.name).qstr)) at \(hexAddr(o))>", &buf)
    case .boundMethod:
        append("<bound_method \(hexAddr(o)) ", &buf)
        try appendRepr(o.o(1), &buf)
        append(".", &buf)
        try appendRepr(o.o(2), &buf)
        append(">", &buf)
    case .module:
        let name = try dictMap(moduleDict(o)).get(qobj(.__name__)) ?? qobj("?")
        append("<module '", &buf); try appendStr(name, &buf); append("'>", &buf)
    case .generator:
        let code = genFrame(o)[FrameWord.code]
        append("<generator object '\(qstrString(codeName(code)))' at \(hexAddr(o))>", &buf)
    case .cell:
        append("<cell>", &buf)
    default:
        if isException(o) {
            try appendException(o, &buf, repr: repr)
            return
        }
        if t == .memoryview || t == .array {
            try appendBufferObject(o, &buf)
            return
        }
        append("<\(typeName(o)) object at \(hexAddr(o))>", &buf)
    }
}

func appendFloat(_ d: Double, _ buf: inout [UInt8]) {
    if rt.pointee.floatIsSingle { appendReprFloat32(Float(d), to: &buf) } else { appendReprDouble(d, to: &buf) }
}

private func appendComplexPart(_ d: Double, _ buf: inout [UInt8]) {
    var tmp: [UInt8] = []
    appendFloat(d, &tmp)
    if tmp.count > 2 && tmp[tmp.count - 2] == UInt8(ascii: ".") && tmp[tmp.count - 1] == UInt8(ascii: "0") {
        tmp.removeLast(2)
    }
    buf.append(contentsOf: tmp)
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

func appendStrRepr(_ s: UnsafeBufferPointer<UInt8>, _ buf: inout [UInt8]) {
    var hasSingle = false, hasDouble = false
    for c in s {
        if c == UInt8(ascii: "'") { hasSingle = true } else if c == UInt8(ascii: "\"") { hasDouble = true }
    }
    let q: UInt8 = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    buf.append(q)
    for c in s {
        switch c {
        case q, UInt8(ascii: "\\"): buf.append(UInt8(ascii: "\\")); buf.append(c)
        case 10: buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "n"))
        case 13: buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "r"))
        case 9: buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "t"))
        case 0..<32, 127:
            buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "x"))
            buf.append(hexDigits[Int(c >> 4)]); buf.append(hexDigits[Int(c & 15)])
        default: buf.append(c)
        }
    }
    buf.append(q)
}

func appendBytesRepr(_ s: UnsafeBufferPointer<UInt8>, _ buf: inout [UInt8]) {
    var hasSingle = false, hasDouble = false
    for c in s {
        if c == UInt8(ascii: "'") { hasSingle = true } else if c == UInt8(ascii: "\"") { hasDouble = true }
    }
    let q: UInt8 = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    buf.append(UInt8(ascii: "b"))
    buf.append(q)
    for c in s {
        switch c {
        case q, UInt8(ascii: "\\"): buf.append(UInt8(ascii: "\\")); buf.append(c)
        case 10: buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "n"))
        case 13: buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "r"))
        case 9: buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "t"))
        case 32..<127: buf.append(c)
        default:
            buf.append(UInt8(ascii: "\\")); buf.append(UInt8(ascii: "x"))
            buf.append(hexDigits[Int(c >> 4)]); buf.append(hexDigits[Int(c & 15)])
        }
    }
    buf.append(q)
}

func appendException(_ o: Obj, _ buf: inout [UInt8], repr: Bool) throws {
    let args = excArgs(o)
    let n = tupleLen(args)
    // MicroPython prints the args tuple for repr (ValueError('x',)) and the lone argument for str
    if repr {
        append(typeName(o), &buf)
        try appendRepr(args, &buf)
        return
    }
    if n == 0 { return }
    if n == 1 {
        // OSError(errno) prints as MicroPython's "[Errno 2] ENOENT"
        let a0 = tupleItems(args)[0]
        if a0.isSmallInt && isInstance(o, .OSError), let name = errnoName(a0.smallInt) {
            append("[Errno \(a0.smallInt)] \(name)", &buf)
            return
        }
        try appendStr(a0, &buf)
        return
    }
    try appendRepr(args, &buf)
}

func appendInstance(_ o: Obj, _ buf: inout [UInt8], repr: Bool) throws {
    // native __repr__s (deque, OrderedDict...) of containers holding themselves recurse here
    try checkNativeStack()
    let t = o.type
    if !repr, let f = lookupInType(t, qobj(.__str__)), !isObjectMethod(f) {
        let s = try callBound(f, o, [])
        guard isStr(s) else { throw typeError("__str__ returned non-string (type \(typeName(s)))") }
        buf.append(contentsOf: strBytes(s))
        return
    }
    if let f = lookupInType(t, qobj(.__repr__)), !isObjectMethod(f) {
        if reprActive.count > 1000 { throw runtimeError("maximum recursion depth exceeded") }
        let s = try callBound(f, o, [])
        guard isStr(s) else { throw typeError("__repr__ returned non-string (type \(typeName(s)))") }
        buf.append(contentsOf: strBytes(s))
        return
    }
    if isException(o) { try appendException(o, &buf, repr: repr); return }
    let n = nativeSelf(o)
    if n != o { try appendObj(n, &buf, repr: repr); return }
    append("<\(typeNameOf(t)) object at \(hexAddr(o))>", &buf)
}

func isObjectMethod(_ f: Obj) -> Bool { f == objectRepr || f == objectStr }

func pyRepr(_ o: Obj) throws -> Obj {
    if o.isQstr && false { return o }
    var buf: [UInt8] = []
    try appendRepr(o, &buf)
    return try newStr(buf)
}

func pyStr(_ o: Obj) throws -> Obj {
    if isStr(o) { return o.isType(.str) || o.isQstr ? o : try newStr(strBytes(o)) }
    var buf: [UInt8] = []
    try appendStr(o, &buf)
    return try newStr(buf)
}

func reprString(_ o: Obj) -> String {
    var buf: [UInt8] = []
    do { try appendRepr(o, &buf) } catch { return "<repr failed>" }
    return String(decoding: buf, as: UTF8.self)
}
