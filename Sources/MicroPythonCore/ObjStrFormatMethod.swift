// str.format(*args, **kwargs), following CPython's Objects/stringlib/unicode_format.h:
// literal text with {{ and }} escapes, replacement fields {name.attr[key]!conv:spec} with
// automatic or manual numbering, and format specs that may contain nested fields.

import Glibc

private let cOpen = UInt8(ascii: "{"), cClose = UInt8(ascii: "}")
private let cBang = UInt8(ascii: "!"), cColon = UInt8(ascii: ":")
private let cDot = UInt8(ascii: "."), cLBracket = UInt8(ascii: "["), cRBracket = UInt8(ascii: "]")

private struct FormatArgs {
    let a: Args
    var nextAuto = 0
    var usedAuto = false
    var usedManual = false
}

func strFormatMethod(_ a: Args) throws -> Obj {
    // bytes.format formats the same way and, as MicroPython's shared method does, returns a str
    let isBytes = a[0].isType(.bytes)
    let s = isBytes ? a[0] : try seqSelf(a[0], uni: true)
    let f = strBytes(s)
    // fast path: no fields at all
    if memchr(bufBase(f), Int32(cOpen), f.count) == nil && memchr(bufBase(f), Int32(cClose), f.count) == nil {
        return isBytes ? try newStr(Array(f)) : s
    }
    var st = FormatArgs(a: a)
    var out: [UInt8] = []
    out.reserveCapacity(f.count + 16 * (a.count - 1 + a.kwCount))
    try renderFormat(f, &out, &st, depth: 2)
    return try newStr(out)
}

private func renderFormat(_ f: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8], _ st: inout FormatArgs, depth: Int) throws {
    if depth <= 0 { throw valueError("Max string recursion exceeded") }
    let p = bufBase(f), n = f.count
    var i = 0
    while i < n {
        let lit = i
        while i < n && p[i] != cOpen && p[i] != cClose { i += 1 }
        if i > lit { out.append(contentsOf: UnsafeBufferPointer(start: p + lit, count: i - lit)) }
        if i == n { break }
        let c = p[i]
        i += 1
        if c == cClose {
            if i < n && p[i] == cClose { out.append(cClose); i += 1; continue }
            throw valueError("Single '}' encountered in format string")
        }
        if i == n { throw valueError("Single '{' encountered in format string") }
        if p[i] == cOpen { out.append(cOpen); i += 1; continue }
        // a replacement field: up to the matching '}'
        let start = i
        var nest = 1
        var nested = false
        while i < n {
            let d = p[i]
            if d == cOpen { nested = true; nest += 1 } else if d == cClose { nest -= 1; if nest == 0 { break } }
            i += 1
        }
        if i >= n { throw valueError("expected '}' before end of string") }
        try renderField(UnsafeBufferPointer(start: p + start, count: i - start), nested, &out, &st, depth: depth)
        try checkHostText(out.count)
        i += 1
    }
}

private func renderField(_ f: UnsafeBufferPointer<UInt8>, _ nested: Bool, _ out: inout [UInt8],
                         _ st: inout FormatArgs, depth: Int) throws {
    let p = bufBase(f), n = f.count
    // the field name runs to ':' or '!' (brackets may contain them)
    var j = 0
    while j < n {
        let d = p[j]
        if d == cOpen { throw valueError("unexpected '{' in field name") }
        if d == cLBracket {
            while j < n && p[j] != cRBracket { j += 1 }
            if j < n { j += 1 }
            continue
        }
        if d == cColon || d == cBang { break }
        j += 1
    }
    let nameEnd = j
    var conversion: UInt32 = 0
    var specStart = n
    if j < n && p[j] == cBang {
        if j + 1 >= n { throw valueError("end of string while looking for conversion specifier") }
        conversion = decodeScalar(f, j + 1)
        j += 1 + utf8CharLen(p[j + 1])
        if j < n {
            if p[j] != cColon { throw valueError("expected ':' after conversion specifier") }
            specStart = j + 1
        }
    } else if j < n {
        specStart = j + 1
    }

    var value = try fieldValue(UnsafeBufferPointer(start: p, count: nameEnd), &st)
    switch conversion {
    case 0: break
    case UInt32(UInt8(ascii: "r")): value = try pyRepr(value)
    case UInt32(UInt8(ascii: "s")): value = try pyStr(value)
    case UInt32(UInt8(ascii: "a")): value = try asciiRepr(value)
    default:
        var m = Array("Unknown conversion specifier ".utf8)
        appendScalarUTF8(conversion, &m)
        throw valueError(String(decoding: m, as: UTF8.self))
    }

    let specLen = n - specStart
    if specLen == 0 {
        if isStr(value) { out.append(contentsOf: strBytes(value)); return }
        if isUserClassObj(value) && lookupInType(value.type, qobj(.__format__)) != nil {
            let r = try formatWithSpec(value, Obj(qstr: QID._empty.rawValue))
            out.append(contentsOf: strBytes(r))
            return
        }
        try appendStr(value, &out)
        return
    }
    let specObj: Obj
    if nested {
        var spec: [UInt8] = []
        try renderFormat(UnsafeBufferPointer(start: p + specStart, count: specLen), &spec, &st, depth: depth - 1)
        specObj = try newStr(spec)
    } else {
        specObj = try newStr(p + specStart, specLen)
    }
    let r = try formatWithSpec(value, specObj)
    guard isStr(r) else { throw typeError("__format__ must return a str, not \(typeName(r))") }
    out.append(contentsOf: strBytes(r))
    withExtendedLifetime(value) {}
}

@inline(__always) private func allDigits(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    if n == 0 { return false }
    for k in 0..<n where p[k] &- 48 >= 10 { return false }
    return true
}

private func parseDecimal(_ p: UnsafePointer<UInt8>, _ n: Int) throws -> Obj {
    if n <= 9 {
        var v = 0
        for k in 0..<n { v = v * 10 + Int(p[k] - 48) }
        return Obj(small: v)
    }
    return try parseIntObj(p, n)
}

/// The object a field name selects: positional index, keyword, then .attr and [key] parts.
private func fieldValue(_ f: UnsafeBufferPointer<UInt8>, _ st: inout FormatArgs) throws -> Obj {
    let p = bufBase(f), n = f.count
    var i = 0
    while i < n && p[i] != cDot && p[i] != cLBracket { i += 1 }
    var obj: Obj
    let positional = st.a.count - 1
    if i == 0 {
        if st.usedManual {
            throw valueError("cannot switch from manual field specification to automatic field numbering")
        }
        st.usedAuto = true
        let idx = st.nextAuto
        st.nextAuto += 1
        if idx >= positional { throw indexError("Replacement index \(idx) out of range for positional args tuple") }
        obj = st.a[1 + idx]
    } else if allDigits(p, i) {
        if st.usedAuto {
            throw valueError("cannot switch from automatic field numbering to manual field specification")
        }
        st.usedManual = true
        var idx = 0
        var big = false
        for k in 0..<i { idx = idx * 10 + Int(p[k] - 48); if idx > 1 << 40 { big = true; break } }
        if big { throw valueError("Too many decimal digits in format string") }
        if idx >= positional {
            let shown = String(decoding: UnsafeBufferPointer(start: p, count: i), as: UTF8.self)
            throw indexError("Replacement index \(shown) out of range for positional args tuple")
        }
        obj = st.a[1 + idx]
    } else {
        var found: Obj? = nil
        let kwn = st.a.kwnames
        if !kwn.isNull {
            let names = tupleItems(kwn)
            for k in 0..<tupleLen(kwn) {
                let kb = strBytes(names[k])
                if kb.count == i && memcmp(bufBase(kb), p, i) == 0 { found = st.a.base[st.a.count + k]; break }
            }
        }
        guard let v = found else { throw keyError(try newStr(p, i)) }
        obj = v
    }
    // .attr and [key] parts
    while i < n {
        let c = p[i]
        if c == cDot {
            i += 1
            let s = i
            while i < n && p[i] != cDot && p[i] != cLBracket { i += 1 }
            if i == s { throw valueError("Empty attribute in format string") }
            let name = Obj(qstr: qstrs.intern(p + s, i - s))
            obj = try loadAttr(obj, name)
        } else if c == cLBracket {
            i += 1
            let s = i
            while i < n && p[i] != cRBracket { i += 1 }
            if i >= n { throw valueError("Missing ']' in format string") }
            if i == s { throw valueError("Empty attribute in format string") }
            let key = allDigits(p + s, i - s) ? try parseDecimal(p + s, i - s) : try newStr(p + s, i - s)
            obj = try subscrLoad(obj, key)
            i += 1
            if i < n && p[i] != cDot && p[i] != cLBracket {
                throw valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
        } else {
            throw valueError("Only '.' or '[' may follow ']' in format field specifier")
        }
    }
    return obj
}

/// An int from decimal digits too long for a small int.
private func parseIntObj(_ p: UnsafePointer<UInt8>, _ n: Int) throws -> Obj {
    var v = 0
    for k in 0..<n {
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(Int(p[k] - 48))
        if o1 || o2 { throw valueError("Too many decimal digits in format string") }
        v = s
    }
    return try newInt(v)
}

func appendScalarUTF8(_ cp: UInt32, _ out: inout [UInt8]) {
    if cp < 0x80 {
        out.append(UInt8(cp))
    } else if cp < 0x800 {
        out.append(UInt8(0xC0 | (cp >> 6))); out.append(UInt8(0x80 | (cp & 0x3F)))
    } else if cp < 0x10000 {
        out.append(UInt8(0xE0 | (cp >> 12))); out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (cp >> 18))); out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F))); out.append(UInt8(0x80 | (cp & 0x3F)))
    }
}

/// ascii(x): repr(x) with non-ASCII characters escaped as \xhh, \uhhhh or \Uhhhhhhhh.
func asciiRepr(_ v: Obj) throws -> Obj {
    let r = try pyRepr(v)
    let b = strBytes(r)
    if isASCII(b) { return r }
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 16)
    let hex = Array("0123456789abcdef".utf8)
    var i = 0
    while i < b.count {
        let c = b[i]
        if c < 0x80 { out.append(c); i += 1; continue }
        let cp = decodeScalar(b, i)
        i += utf8CharLen(c)
        out.append(UInt8(ascii: "\\"))
        let digits: Int
        if cp < 0x100 { out.append(UInt8(ascii: "x")); digits = 2 }
        else if cp < 0x10000 { out.append(UInt8(ascii: "u")); digits = 4 }
        else { out.append(UInt8(ascii: "U")); digits = 8 }
        for k in stride(from: digits - 1, through: 0, by: -1) { out.append(hex[Int((cp >> (4 * UInt32(k))) & 15)]) }
    }
    return try newStr(out)
}
