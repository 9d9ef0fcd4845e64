// printf-style `%` formatting of str and bytes, and str.format().

/// str % args
func strModFormat(_ fmt: Obj, _ args: Obj) throws -> Obj {
    try newStr(try percentFormat(Array(strBytes(fmt)), args, isBytes: false))
}

/// bytes % args
func bytesModFormat(_ fmt: Obj, _ args: Obj) throws -> Obj {
    try newBytes(try percentFormat(Array(strBytes(fmt)), args, isBytes: true))
}

/// One more decimal digit of a width or precision, saturating: a number too long for the word is
/// too big for any string and fails the size check after it.
@inline(__always) private func accumulateDigit(_ n: Int, _ digit: UInt8) -> Int {
    n > (Int.max - 9) / 10 ? Int.max : n * 10 + Int(digit - 48)
}

func percentFormat(_ f: [UInt8], _ argsObj: Obj, isBytes: Bool) throws -> [UInt8] {
    var out: [UInt8] = []
    var argv: [Obj] = []
    var mapping = Obj.null
    if argsObj.isType(.tuple) {
        for i in 0..<tupleLen(argsObj) { argv.append(tupleItems(argsObj)[i]) }
    } else if argsObj.isType(.dict) || (isUserClassObj(argsObj) && lookupInType(argsObj.type, qobj(.__getitem__)) != nil && !isStr(argsObj)) {
        mapping = argsObj
        argv = [argsObj]
    } else {
        argv = [argsObj]
    }
    var next = 0
    func nextArg() throws -> Obj {
        guard next < argv.count else { throw typeError("format string needs more arguments") }
        next += 1
        return argv[next - 1]
    }
    var i = 0
    var usedMapping = false
    while i < f.count {
        let c = f[i]
        if c != UInt8(ascii: "%") { out.append(c); i += 1; continue }
        i += 1
        guard i < f.count else { throw valueError("incomplete format") }
        var arg: Obj? = nil
        if f[i] == UInt8(ascii: "(") {
            guard !mapping.isNull else { throw typeError("format requires a dict") }
            var depth = 1
            var j = i + 1
            while j < f.count && depth > 0 {
                if f[j] == UInt8(ascii: "(") { depth += 1 } else if f[j] == UInt8(ascii: ")") { depth -= 1 }
                j += 1
            }
            guard depth == 0 else { throw valueError("incomplete format key") }
            let key = try newStr(Array(f[(i + 1)..<(j - 1)]))
            arg = try subscrLoad(mapping, key)
            usedMapping = true
            i = j
        }
        var flags = PrintfFlags()
        while i < f.count, let fl = PrintfFlags.flag(for: f[i]) { flags.insert(fl); i += 1 }
        var width: Int? = nil
        if i < f.count && f[i] == UInt8(ascii: "*") {
            width = try intToInt(try nextArg()); i += 1
        } else {
            var w = 0, any = false
            while i < f.count && f[i] >= 48 && f[i] <= 57 { w = accumulateDigit(w, f[i]); i += 1; any = true }
            if any { width = w }
        }
        var precision: Int? = nil
        if i < f.count && f[i] == UInt8(ascii: ".") {
            i += 1
            if i < f.count && f[i] == UInt8(ascii: "*") {
                precision = try intToInt(try nextArg()); i += 1
            } else {
                var p = 0
                while i < f.count && f[i] >= 48 && f[i] <= 57 { p = accumulateDigit(p, f[i]); i += 1 }
                precision = p
            }
        }
        guard i < f.count else { throw valueError("incomplete format") }
        try checkFormatSize(width.map { abs($0) })
        try checkFormatSize(precision)
        let conv = f[i]
        i += 1
        if conv == UInt8(ascii: "%") { out.append(conv); continue }
        let v: Obj
        if let given = arg { v = given } else { v = try nextArg() }
        do {
            switch conv {
            case UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "a"):
                var b: [UInt8] = []
                if isBytes && conv == UInt8(ascii: "s") && isBytesLike(v) { b = Array(strBytes(v)) }
                else if conv == UInt8(ascii: "s") { try appendStr(v, &b) } else { try appendRepr(v, &b) }
                out += printfStringBytes(b, flags: flags, width: width, precision: precision)
            case UInt8(ascii: "c"):
                if isStr(v) {
                    out += printfStringBytes(Array(strBytes(v)), flags: flags, width: width, precision: nil)
                } else {
                    out += Array(try printfChar(codePoint: try intToInt(v), flags: flags, width: width).utf8)
                }
            case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "o"), UInt8(ascii: "x"), UInt8(ascii: "X"):
                var iv = v
                if v.isType(.float) { iv = try floatToInt(floatValue(v)) }
                guard isIntObj(iv) || isUserClassObj(iv) else {
                    throw typeError("%\(Character(Unicode.Scalar(conv))) format: a number is required, not \(typeName(v))")
                }
                let big = isIntObj(iv) ? bigOf(iv) : BigInt(try intToInt(iv))
                out += try printfIntegerBytes(negative: big.isNegative, magnitude: { base in big.abs.toString(base: base) },
                                              flags: flags, width: width, precision: precision, conv: conv == UInt8(ascii: "u") ? UInt8(ascii: "d") : conv)
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"), UInt8(ascii: "G"):
                out += try printfDoubleBytes(try toDouble(v), flags: flags, width: width, precision: precision, conv: conv)
            default:
                throw valueError("unsupported format character '\(Character(Unicode.Scalar(conv)))'")
            }
        } catch let e as PyErr {
            throw e
        } catch {
            if let fe = error as? FormatError, fe.kind == .overflowError { throw overflowError(fe.message) }
            throw valueError(formatErrorMessage(error))
        }
        try checkHostText(out.count)
    }
    if next < argv.count && !usedMapping && mapping.isNull {
        throw typeError("format string didn't convert all arguments")
    }
    return out
}
