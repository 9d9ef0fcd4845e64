// The AES block cipher (FIPS-197) for cryptolib: key expansion for 128- and 256-bit keys, and the
// forward and inverse cipher on one 16-byte block. The S-boxes are derived at start-up from the
// field inverse and the affine map, so no table is typed in by hand.

private func gfMul(_ a: UInt8, _ b: UInt8) -> UInt8 {
    var a = a, b = b, p: UInt8 = 0
    while b != 0 {
        if b & 1 != 0 { p ^= a }
        a = (a << 1) ^ (a & 0x80 != 0 ? 0x1B : 0)
        b >>= 1
    }
    return p
}

private let aesTables: (sbox: [UInt8], inv: [UInt8]) = {
    var sbox = [UInt8](repeating: 0, count: 256)
    var inv = [UInt8](repeating: 0, count: 256)
    for x in 0..<256 {
        var invX: UInt8 = 0
        if x != 0 { for y in 1..<256 where gfMul(UInt8(x), UInt8(y)) == 1 { invX = UInt8(y); break } }
        var s = invX
        var r = invX
        for _ in 0..<4 { r = (r << 1) | (r >> 7); s ^= r }
        s ^= 0x63
        sbox[x] = s
        inv[Int(s)] = UInt8(x)
    }
    return (sbox, inv)
}()

/// Expanded key: 4 * (rounds + 1) words, bytes in order (word i = bytes 4i..4i+3).
struct AESKey {
    var roundKeys: [UInt8]
    var rounds: Int

    init(_ key: [UInt8]) {
        let nk = key.count / 4
        rounds = nk + 6
        let total = 16 * (rounds + 1)
        var w = key
        w.reserveCapacity(total)
        var rcon: UInt8 = 1
        let sbox = aesTables.sbox
        var i = nk
        while w.count < total {
            var t = Array(w[(w.count - 4)...])
            if i % nk == 0 {
                t = [sbox[Int(t[1])] ^ rcon, sbox[Int(t[2])], sbox[Int(t[3])], sbox[Int(t[0])]]
                rcon = gfMul(rcon, 2)
            } else if nk > 6 && i % nk == 4 {
                t = t.map { sbox[Int($0)] }
            }
            for k in 0..<4 { w.append(w[w.count - 4 * nk] ^ t[k]) }
            i += 1
        }
        roundKeys = w
    }

    func encrypt(_ b: inout [UInt8]) {
        let sbox = aesTables.sbox
        addRoundKey(&b, 0)
        for r in 1...rounds {
            for i in 0..<16 { b[i] = sbox[Int(b[i])] }
            shiftRows(&b)
            if r != rounds { mixColumns(&b) }
            addRoundKey(&b, r)
        }
    }

    func decrypt(_ b: inout [UInt8]) {
        let inv = aesTables.inv
        addRoundKey(&b, rounds)
        for r in stride(from: rounds - 1, through: 0, by: -1) {
            invShiftRows(&b)
            for i in 0..<16 { b[i] = inv[Int(b[i])] }
            addRoundKey(&b, r)
            if r != 0 { invMixColumns(&b) }
        }
    }

    private func addRoundKey(_ b: inout [UInt8], _ r: Int) {
        for i in 0..<16 { b[i] ^= roundKeys[16 * r + i] }
    }

    // The state is column-major: byte i is row i % 4 of column i / 4.
    private func shiftRows(_ b: inout [UInt8]) {
        let s = b
        for c in 0..<4 { for r in 0..<4 { b[4 * c + r] = s[4 * ((c + r) % 4) + r] } }
    }
    private func invShiftRows(_ b: inout [UInt8]) {
        let s = b
        for c in 0..<4 { for r in 0..<4 { b[4 * ((c + r) % 4) + r] = s[4 * c + r] } }
    }
    private func mixColumns(_ b: inout [UInt8]) {
        for c in 0..<4 {
            let a0 = b[4 * c], a1 = b[4 * c + 1], a2 = b[4 * c + 2], a3 = b[4 * c + 3]
            b[4 * c] = gfMul(a0, 2) ^ gfMul(a1, 3) ^ a2 ^ a3
            b[4 * c + 1] = a0 ^ gfMul(a1, 2) ^ gfMul(a2, 3) ^ a3
            b[4 * c + 2] = a0 ^ a1 ^ gfMul(a2, 2) ^ gfMul(a3, 3)
            b[4 * c + 3] = gfMul(a0, 3) ^ a1 ^ a2 ^ gfMul(a3, 2)
        }
    }
    private func invMixColumns(_ b: inout [UInt8]) {
        for c in 0..<4 {
            let a0 = b[4 * c], a1 = b[4 * c + 1], a2 = b[4 * c + 2], a3 = b[4 * c + 3]
            b[4 * c] = gfMul(a0, 14) ^ gfMul(a1, 11) ^ gfMul(a2, 13) ^ gfMul(a3, 9)
            b[4 * c + 1] = gfMul(a0, 9) ^ gfMul(a1, 14) ^ gfMul(a2, 11) ^ gfMul(a3, 13)
            b[4 * c + 2] = gfMul(a0, 13) ^ gfMul(a1, 9) ^ gfMul(a2, 14) ^ gfMul(a3, 11)
            b[4 * c + 3] = gfMul(a0, 11) ^ gfMul(a1, 13) ^ gfMul(a2, 9) ^ gfMul(a3, 14)
        }
    }
}
