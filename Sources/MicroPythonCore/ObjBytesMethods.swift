// Methods of bytes and bytearray.

func bytesMethods(mutable: Bool) -> [NativeSpec] {
    var m: [NativeSpec] = [
        method("decode", 1, 3) { a throws(PyErr) in try decodeUTF8(strBytes(a[0])) },
        method("hex", 1, 2) { a throws(PyErr) in
            var out: [UInt8] = []
            let digits = Array("0123456789abcdef".utf8)
            for b in strBytes(a[0]) { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
            return try newStr(out)
        },
    ]
    if mutable {
        m.append(method("append", 2) { a throws(PyErr) in
            let x = try intToInt(a[1])
            guard x >= 0 && x < 256 else { throw valueError("byte must be in range(0, 256)") }
            try [UInt8(x)].withUnsafeBufferPointer { b throws(PyErr) in try bytearrayAppend(a[0], b) }
            return .none
        })
        m.append(method("extend", 2) { a throws(PyErr) in try bytearrayExtend(a[0], a[1]); return .none })
    }
    return m
}

