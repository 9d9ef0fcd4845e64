// The cryptolib module, as MicroPython's extmod/modcryptolib.c: aes(key, mode[, IV]) with ECB (1),
// CBC (2) and CTR (6). An aes object either encrypts or decrypts (the first call decides); CBC
// chains its IV across calls and CTR keeps its keystream position, so data may come in pieces.
// An aes object is [type][mode][direction][key length][CTR offset][key: 8 words][IV or counter:
// 4 words][encrypted counter: 4 words].

private enum AESWord { static let mode = 1, dir = 2, keyLen = 3, ctrOffset = 4, key = 5, iv = 13, ctrBlock = 17, total = 21 }

enum ModuleCryptolib {
    static let ecb = 1, cbc = 2, ctr = 6
    nonisolated(unsafe) static var aesType = Obj.null

    private static func bytesAt(_ o: Obj, _ word: Int, _ n: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: UnsafeRawPointer(o.words + word).assumingMemoryBound(to: UInt8.self), count: n))
    }
    private static func store(_ o: Obj, _ word: Int, _ bytes: [UInt8]) {
        let p = UnsafeMutableRawPointer(o.words + word).assumingMemoryBound(to: UInt8.self)
        for (i, b) in bytes.enumerated() { p[i] = b }
    }

    static func make(_ a: Args) throws -> Obj {
        guard a.count >= 2 && a.count <= 3 else { throw typeError("function takes 2 or 3 positional arguments") }
        let mode = try intToInt(a[1])
        guard mode == ecb || mode == cbc || mode == ctr else { throw valueError("mode") }
        let key = try stdBuffer(a[0])
        guard key.count == 16 || key.count == 32 else { throw valueError("key") }
        var iv = [UInt8](repeating: 0, count: 16)
        if a.count > 2 && a[2] != .none {
            iv = try stdBuffer(a[2])
            if iv.count != 16 { throw valueError("IV") }
        } else if mode != ecb {
            throw valueError("IV")
        }
        let o = try allocObj(aesType.raw, words: AESWord.total)
        o.setW(AESWord.mode, UInt32(mode))
        o.setW(AESWord.keyLen, UInt32(key.count))
        store(o, AESWord.key, key)
        store(o, AESWord.iv, iv)
        return o
    }

    /// encrypt/decrypt(in[, out]): the result in a new bytes object, or written into `out`.
    static func process(_ a: Args, encrypt: Bool) throws -> Obj {
        let o = a[0]
        let mode = Int(o.w(AESWord.mode))
        let input = try stdBuffer(a[1])
        if mode != ctr && input.count % 16 != 0 { throw valueError("blksize % 16") }
        if a.count > 2 {
            let n = try stdWritableBuffer(a[2]).count
            if n < input.count { throw valueError("output too small") }
        }
        let dir = o.w(AESWord.dir)
        if dir == 0 {
            o.setW(AESWord.dir, encrypt ? 1 : 2)
        } else if dir != (encrypt ? 1 : 2) {
            throw valueError("can't encrypt & decrypt")
        }
        let key = AESKey(bytesAt(o, AESWord.key, Int(o.w(AESWord.keyLen))))
        var out = [UInt8](repeating: 0, count: input.count)
        var iv = bytesAt(o, AESWord.iv, 16)
        switch mode {
        case ecb:
            for off in stride(from: 0, to: input.count, by: 16) {
                var b = Array(input[off..<off + 16])
                if encrypt { key.encrypt(&b) } else { key.decrypt(&b) }
                out.replaceSubrange(off..<off + 16, with: b)
            }
        case cbc:
            for off in stride(from: 0, to: input.count, by: 16) {
                var b = Array(input[off..<off + 16])
                if encrypt {
                    for i in 0..<16 { b[i] ^= iv[i] }
                    key.encrypt(&b)
                    iv = b
                } else {
                    let c = b
                    key.decrypt(&b)
                    for i in 0..<16 { b[i] ^= iv[i] }
                    iv = c
                }
                out.replaceSubrange(off..<off + 16, with: b)
            }
        default:
            // CTR: the counter (big-endian, 128 bits) is encrypted into a keystream block, used
            // byte by byte; the position within the block carries over to the next call.
            var offset = Int(o.w(AESWord.ctrOffset))
            var stream = bytesAt(o, AESWord.ctrBlock, 16)
            for i in 0..<input.count {
                if offset == 0 {
                    stream = iv
                    key.encrypt(&stream)
                    var k = 15
                    while k >= 0 { iv[k] &+= 1; if iv[k] != 0 { break }; k -= 1 }
                }
                out[i] = input[i] ^ stream[offset]
                offset = (offset + 1) & 15
            }
            o.setW(AESWord.ctrOffset, UInt32(offset))
            store(o, AESWord.ctrBlock, stream)
        }
        store(o, AESWord.iv, iv)
        if a.count > 2 {
            let dst = try stdWritableBuffer(a[2])
            for i in 0..<out.count { dst[i] = out[i] }
            return a[2]
        }
        return try newBytes(out)
    }

    static func makeType() {
        if !aesType.isNull { return }
        aesType = makeRomType("aes", [
            method("encrypt", 2, 3) { a in try process(a, encrypt: true) },
            method("decrypt", 2, 3) { a in try process(a, encrypt: false) },
        ], make: { a in try make(a) })
    }

    static func register() {
        moduleAliases["ucryptolib"] = "cryptolib"
        registerModule("cryptolib") {
            ModuleCryptolib.makeType()
            return [
                ("aes", .value(ModuleCryptolib.aesType)),
                ("MODE_ECB", .value(Obj(small: ecb))),
                ("MODE_CBC", .value(Obj(small: cbc))),
                ("MODE_CTR", .value(Obj(small: ctr))),
            ]
        }
    }
}
