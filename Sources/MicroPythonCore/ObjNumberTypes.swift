// The int, bool, float and complex types: constructors and methods.

enum ObjNumberTypes {
    static let intDef = BuiltinTypeDef(id: .int, name: "int", base: .object, methods: [
        method("to_bytes", 1, 3, kw: true) { a throws in
            let length = try intToInt(a.arg(1, "length") ?? Obj(small: 1))
            let order = a.arg(2, "byteorder") ?? qobj(.big)
            let signed = try a.kw(.signed).map { x throws in try pyTruthy(x) } ?? false
            guard length >= 0 else { throw valueError("length must be non-negative") }
            try checkFormatSize(length)
            guard let bytes = bigOf(nativeSelf(a[0])).toBytes(count: length, littleEndian: swiftString(try strArg(order)) == "little", signed: signed) else {
                throw overflowError("int too big to convert")
            }
            return try newBytes(bytes)
        },
        classMethod("from_bytes", 2, 3, kw: true) { a throws in
            let src = a[1]
            let bytes: [UInt8] = isBytesLike(src) ? Array(strBytes(src)) : try bytesFromArgs(Args(base: a.base + 1, count: 1, kwnames: .null), what: "bytes")
            let order = a.arg(2, "byteorder") ?? qobj(.big)
            let signed = try a.kw(.signed).map { x throws in try pyTruthy(x) } ?? false
            let v = try newInt(BigInt(bytes: bytes, littleEndian: swiftString(try strArg(order)) == "little", signed: signed))
            if a[0] != TypeID.int.obj { return try callObjectArgs(a[0], [v], stackTop: rt.pointee.vmStackTop) }
            return v
        },
        method("bit_length", 1) { a throws in Obj(small: bigOf(nativeSelf(a[0])).bitLength) },
        method("__index__", 1) { a throws in nativeSelf(a[0]) },
        method("__int__", 1) { a throws in nativeSelf(a[0]) },
        method("conjugate", 1) { a throws in nativeSelf(a[0]) },
    ])

    static let boolDef = BuiltinTypeDef(id: .bool, name: "bool", base: .int, flags: 0)
    static let floatDef = BuiltinTypeDef(id: .float, name: "float", base: .object, methods: [
        method("__float__", 1) { a throws in nativeSelf(a[0]) },
        method("__int__", 1) { a throws in try floatToInt(floatValue(nativeSelf(a[0]))) },
        method("is_integer", 1) { a throws in
            let d = floatValue(nativeSelf(a[0]))
            return .bool(d.isFinite && d == d.rounded(.towardZero))
        },
    ])
    static let complexDef = BuiltinTypeDef(id: .complex, name: "complex", base: .object, methods: [
        method("conjugate", 1) { a throws in let (r, i) = complexValue(a[0]); return try newComplex(r, -i) },
    ])

    static func makeInt(_ a: Args) throws -> Obj {
        if a.count == 0 { return Obj(small: 0) }
        let x = a[0]
        let baseObj = a.arg(1, "base")
        if let b = baseObj {
            let base = try intToInt(b)
            guard base == 0 || (base >= 2 && base <= 36) else { throw valueError("int() arg 2 must be >= 2 and <= 36") }
            guard isStr(x) || isBytesLike(x) else { throw typeError("int() can't convert non-string with explicit base") }
            return try parseIntText(Array(strBytes(x)), base: base)
        }
        if isIntObj(x) { return x == .true ? Obj(small: 1) : (x == .false ? Obj(small: 0) : x) }
        if x.isType(.float) { return try floatToInt(floatValue(x)) }
        if isStr(x) || isBytesLike(x) { return try parseIntText(Array(strBytes(x)), base: 10) }
        if isUserClassObj(x) {
            for name in [QID.__int__, QID.__index__] {
                guard let f = lookupInType(x.type, qobj(name)) else { continue }
                let r = try callBound(f, x, [])
                if !isIntObj(r) { throw typeError("\(qstrString(name.rawValue))() returned non-int (type \(typeName(r)))") }
                return r
            }
            let n = nativeSelf(x)
            if n != x { return try withOneArg(n) { try makeInt($0) } }
        }
        throw typeError("can't convert \(typeName(x)) to int")
    }

    static func makeBool(_ a: Args) throws -> Obj {
        if a.count == 0 { return .false }
        return .bool(try pyTruthy(a[0]))
    }

    static func makeFloat(_ a: Args) throws -> Obj {
        if a.count == 0 { return try newFloat(0) }
        let x = a[0]
        if x.isType(.float) { return x }
        if isStr(x) || isBytesLike(x) {
            guard let d = parseDouble(Array(strBytes(x))) else {
                throw valueError("could not convert string to float: \(reprString(x))")
            }
            return try newFloat(d)
        }
        return try newFloat(try toDouble(x))
    }

    static func makeComplex(_ a: Args) throws -> Obj {
        if a.count == 0 { return try newComplex(0, 0) }
        if a.count == 1 && isStr(a[0]) { return try parseComplex(swiftString(a[0])) }
        let (r1, i1) = try complexParts(a[0])
        var (r2, i2) = (0.0, 0.0)
        if a.count > 1 { (r2, i2) = try complexParts(a[1]) }
        return try newComplex(r1 - i2, i1 + r2)
    }
}

func floatToInt(_ d: Double) throws -> Obj {
    if d.isNaN { throw valueError("cannot convert float NaN to integer") }
    if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
    if abs(d) < 1e9 { return Obj(small: Int(d)) }
    return try newInt(BigInt(truncating: d))
}

func parseIntText(_ text: [UInt8], base: Int) throws -> Obj {
    if let b = BigInt(parsing: text, base: base) { return try newInt(b) }
    let shown = reprString(try newStr(text))
    throw valueError("invalid syntax for integer with base \(base): \(shown)")
}

func parseComplex(_ s: String) throws -> Obj {
    var t = s.trimmingCharacters(in: " \t\n")
    if t.hasPrefix("(") && t.hasSuffix(")") { t = String(t.dropFirst().dropLast()) }
    if t.hasSuffix("j") || t.hasSuffix("J") {
        let body = String(t.dropLast())
        // split at the last sign that is not part of an exponent
        var split: String.Index? = nil
        var i = body.endIndex
        while i > body.startIndex {
            i = body.index(before: i)
            let c = body[i]
            if (c == "+" || c == "-") && i != body.startIndex {
                let prev = body[body.index(before: i)]
                if prev != "e" && prev != "E" { split = i; break }
            }
        }
        if let sp = split {
            let re = String(body[body.startIndex..<sp]), im = String(body[sp...])
            guard let r = parseDouble(re), let iv = im == "+" ? 1 : (im == "-" ? -1 : parseDouble(im)) else { throw valueError("complex() arg is a malformed string") }
            return try newComplex(r, iv)
        }
        let iv: Double? = body.isEmpty || body == "+" ? 1 : (body == "-" ? -1 : parseDouble(body))
        guard let v = iv else { throw valueError("complex() arg is a malformed string") }
        return try newComplex(0, v)
    }
    guard let r = parseDouble(t) else { throw valueError("complex() arg is a malformed string") }
    return try newComplex(r, 0)
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

// MARK: exceptions

enum ObjException {
    static let baseMethods: [NativeSpec] = [
        method("__init__", 1, NativeSpec.varArgs, kw: true) { a throws in
            let e = a[0]
            if isException(e) && isHeapAddr(e.raw) { e.setO(ExcWord.args, try newTuple(a.base + 1, a.count - 1)) }
            return .none
        },
        method("with_traceback", 2) { a throws in a[0] },
        method("add_note", 2) { a throws in .none },
    ]

    /// The builtin exception classes and their bases, parents first.
    static let hierarchy: [(TypeID, TypeID)] = [
        (.BaseException, .object), (.SystemExit, .BaseException), (.KeyboardInterrupt, .BaseException),
        (.GeneratorExit, .BaseException), (.Exception, .BaseException), (.StopIteration, .Exception),
        (.StopAsyncIteration, .Exception), (.ArithmeticError, .Exception), (.OverflowError, .ArithmeticError),
        (.ZeroDivisionError, .ArithmeticError), (.AssertionError, .Exception), (.AttributeError, .Exception),
        (.EOFError, .Exception), (.ImportError, .Exception), (.LookupError, .Exception), (.IndexError, .LookupError),
        (.KeyError, .LookupError), (.MemoryError, .Exception), (.NameError, .Exception), (.OSError, .Exception),
        (.RuntimeError, .Exception), (.NotImplementedError, .RuntimeError), (.SyntaxError, .Exception),
        (.IndentationError, .SyntaxError), (.TypeError, .Exception), (.ValueError, .Exception),
        (.UnicodeError, .ValueError), (.ViperTypeError, .TypeError),
    ]

    static var defs: [BuiltinTypeDef] {
        hierarchy.map { (id, base) in
            BuiltinTypeDef(id: id, name: enumCaseName(id), base: base, methods: id == .BaseException ? baseMethods : [])
        }
    }
}
