// The binascii module, as MicroPython's extmod/modbinascii.c: hexlify / unhexlify (bytes.hex and
// bytes.fromhex returning bytes), base64 both ways and crc32.

private let hexDigits = Array("0123456789abcdef".utf8)

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: return c - 48
    case 97...102: return c - 87
    case 65...70: return c - 55
    default: return nil
    }
}

private func base64Sextet(_ c: UInt8) -> Int {
    switch c {
    case 65...90: return Int(c) - 65
    case 97...122: return Int(c) - 97 + 26
    case 48...57: return Int(c) - 48 + 52
    case 43: return 62
    case 47: return 63
    default: return -1
    }
}

private let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

/// CRC-32 (as zlib's), continuing from `crc`.
func crc32Update(_ crc: UInt32, _ data: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var c = crc ^ 0xFFFF_FFFF
    for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
}

func base64Encode(_ data: [UInt8], newline: Bool) -> [UInt8] {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    out.reserveCapacity((data.count + 2) / 3 * 4 + 1)
    var i = 0
    while i + 3 <= data.count {
        let v = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
        out.append(alphabet[Int(v >> 18)]); out.append(alphabet[Int(v >> 12 & 63)])
        out.append(alphabet[Int(v >> 6 & 63)]); out.append(alphabet[Int(v & 63)])
        i += 3
    }
    let rest = data.count - i
    if rest == 1 {
        let v = UInt32(data[i]) << 16
        out.append(alphabet[Int(v >> 18)]); out.append(alphabet[Int(v >> 12 & 63)])
        out.append(61); out.append(61)
    } else if rest == 2 {
        let v = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8
        out.append(alphabet[Int(v >> 18)]); out.append(alphabet[Int(v >> 12 & 63)])
        out.append(alphabet[Int(v >> 6 & 63)]); out.append(61)
    }
    if newline { out.append(10) }
    return out
}

/// MicroPython's decoder: characters outside the alphabet are skipped; padding must be right.
func base64Decode(_ data: [UInt8]) throws -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(data.count * 3 / 4 + 1)
    var shift: UInt32 = 0
    var nbits = 0
    var hadPad = false
    for c in data {
        if c == 61 {   // '='
            if nbits == 2 || (nbits == 4 && hadPad) {
                nbits = 0
                break
            }
            hadPad = true
        }
        let s = base64Sextet(c)
        if s < 0 { continue }
        hadPad = false
        shift = (shift << 6) | UInt32(s)
        nbits += 6
        if nbits >= 8 {
            nbits -= 8
            out.append(UInt8(truncatingIfNeeded: shift >> UInt32(nbits)))
        }
    }
    if nbits != 0 { throw valueError("incorrect padding") }
    return out
}

func hexlifyBytes(_ data: [UInt8], sep: UInt8?) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(data.count * 3)
    for (i, b) in data.enumerated() {
        if i > 0, let s = sep { out.append(s) }
        out.append(hexDigits[Int(b >> 4)])
        out.append(hexDigits[Int(b & 15)])
    }
    return out
}

enum ModuleBinascii {
    static func register() {
        // the u-prefixed name still imports on v1.28 boards; ampy's get/put use it
        moduleAliases["ubinascii"] = "binascii"
        registerModule("binascii") {
            [
                ("hexlify", .function(fn("hexlify", 1, 2) { a in
                    let data = try stdBuffer(a[0])
                    var sep: UInt8? = nil
                    if a.count > 1 {
                        guard isStr(a[1]) || isBytesLike(a[1]) else { throw typeError("can't convert '\(typeName(a[1]))' object to str implicitly") }
                        let s = strBytes(a[1])
                        if s.count != 1 { throw valueError("sep must be length 1.") }
                        sep = s[0]
                    }
                    return try newBytes(hexlifyBytes(data, sep: sep))
                })),
                ("unhexlify", .function(fn("unhexlify", 1) { a in
                    let data = try stdBuffer(a[0])
                    if data.count & 1 != 0 { throw valueError("odd-length string") }
                    var out: [UInt8] = []
                    out.reserveCapacity(data.count / 2)
                    var i = 0
                    while i < data.count {
                        guard let h = hexValue(data[i]), let l = hexValue(data[i + 1]) else {
                            throw valueError("non-hex digit found")
                        }
                        out.append(h << 4 | l)
                        i += 2
                    }
                    return try newBytes(out)
                })),
                ("a2b_base64", .function(fn("a2b_base64", 1) { a in
                    try newBytes(try base64Decode(try stdBuffer(a[0])))
                })),
                ("b2a_base64", .function(fn("b2a_base64", 1, 2, kw: true) { a in
                    var newline = true
                    if let n = a.arg(1, "newline") { newline = try pyTruthy(n) }
                    if a.kwCount > (a.kw("newline") == nil ? 0 : 1) { throw typeError("unexpected keyword argument") }
                    return try newBytes(base64Encode(try stdBuffer(a[0]), newline: newline))
                })),
                ("crc32", .function(fn("crc32", 1, 2) { a in
                    guard let b = stdBufferPointer(a[0]) else { throw typeError("object with buffer protocol required") }
                    let start = a.count > 1 ? try truncatedWord(a[1]) : 0
                    let data = Array(b)
                    let crc = data.withUnsafeBufferPointer { crc32Update(start, $0) }
                    return try newInt(Int(crc))
                })),
            ]
        }
    }
}
