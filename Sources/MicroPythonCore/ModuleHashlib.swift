// The hashlib module, as MicroPython's extmod/modhashlib.c: sha256, sha1 and md5 types with
// update() and digest() (no hexdigest); digest() finalises the object, after which update() and
// digest() raise ValueError("hash is final").
// A hash object is [type][final][total length lo][hi][buffered count][state: 8 words][block: 64 bytes].

enum HashKind: Int { case sha256 = 0, sha1, md5 }

private enum HashWord { static let final = 1, lenLo = 2, lenHi = 3, count = 4, state = 5, block = 13, total = 29 }

private let sha256K: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

private let md5S: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
]

private let md5K: [UInt32] = (0..<64).map { i in
    var s = sinDouble(Double(i + 1))
    if s < 0 { s = -s }
    return UInt32(truncatingIfNeeded: Int64(s * 4294967296.0))
}

@inline(__always) private func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

@inline(__always) private func be32(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
    UInt32(p[i]) << 24 | UInt32(p[i + 1]) << 16 | UInt32(p[i + 2]) << 8 | UInt32(p[i + 3])
}
@inline(__always) private func le32(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
    UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24
}

/// Processes one 64-byte block.
func hashCompress(_ kind: HashKind, _ h: UnsafeMutablePointer<UInt32>, _ block: UnsafePointer<UInt8>) {
    switch kind {
    case .sha256:
        var w = [UInt32](repeating: 0, count: 64)
        for i in 0..<16 { w[i] = be32(block, i * 4) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        for i in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ sha256K[i] &+ w[i]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
        h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
    case .sha1:
        var w = [UInt32](repeating: 0, count: 80)
        for i in 0..<16 { w[i] = be32(block, i * 4) }
        for i in 16..<80 { w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4]
        for i in 0..<80 {
            let f: UInt32, k: UInt32
            switch i {
            case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
            case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
            case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
            default: f = b ^ c ^ d; k = 0xCA62_C1D6
            }
            let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
            e = d; d = c; c = rotl(b, 30); b = a; a = t
        }
        h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
    case .md5:
        var m = [UInt32](repeating: 0, count: 16)
        for i in 0..<16 { m[i] = le32(block, i * 4) }
        var a = h[0], b = h[1], c = h[2], d = h[3]
        for i in 0..<64 {
            var f: UInt32
            let g: Int
            switch i {
            case 0..<16: f = (b & c) | (~b & d); g = i
            case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
            case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
            default: f = c ^ (b | ~d); g = (7 * i) % 16
            }
            f = f &+ a &+ md5K[i] &+ m[g]
            a = d; d = c; c = b
            b = b &+ rotl(f, md5S[i])
        }
        h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
    }
}

private func hashInitState(_ kind: HashKind, _ h: UnsafeMutablePointer<UInt32>) {
    let iv: [UInt32]
    switch kind {
    case .sha256: iv = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    case .sha1: iv = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
    case .md5: iv = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476]
    }
    for (i, v) in iv.enumerated() { h[i] = v }
}

/// Streaming state of a hash over any memory (used by the hash objects).
struct HashState {
    let kind: HashKind
    let state: UnsafeMutablePointer<UInt32>   // 8 words
    let block: UnsafeMutablePointer<UInt8>    // 64 bytes
    var count: Int                            // bytes buffered in block
    var total: UInt64                         // bytes hashed so far

    mutating func update(_ data: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = data.count
        total &+= UInt64(n)
        if count > 0 {
            while count < 64 && i < n { block[count] = data[i]; count += 1; i += 1 }
            if count == 64 { hashCompress(kind, state, block); count = 0 }
        }
        while n - i >= 64 {
            hashCompress(kind, state, data.baseAddress! + i)
            i += 64
        }
        while i < n { block[count] = data[i]; count += 1; i += 1 }
    }

    /// The digest; the state is consumed.
    mutating func finish() -> [UInt8] {
        let bits = total &* 8
        block[count] = 0x80
        count += 1
        if count > 56 {
            while count < 64 { block[count] = 0; count += 1 }
            hashCompress(kind, state, block)
            count = 0
        }
        while count < 56 { block[count] = 0; count += 1 }
        for i in 0..<8 {
            let shift = kind == .md5 ? UInt64(8 * i) : UInt64(56 - 8 * i)
            block[56 + i] = UInt8(truncatingIfNeeded: bits >> shift)
        }
        hashCompress(kind, state, block)
        let words = kind == .sha256 ? 8 : (kind == .sha1 ? 5 : 4)
        var out: [UInt8] = []
        for i in 0..<words {
            let w = state[i]
            if kind == .md5 {
                out += [UInt8(truncatingIfNeeded: w), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 24)]
            } else {
                out += [UInt8(truncatingIfNeeded: w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)]
            }
        }
        return out
    }
}

/// The digest of some bytes (for Swift callers).
func hashDigest(_ kind: HashKind, _ data: [UInt8]) -> [UInt8] {
    let state = UnsafeMutablePointer<UInt32>.allocate(capacity: 8)
    let block = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    defer { state.deallocate(); block.deallocate() }
    hashInitState(kind, state)
    var h = HashState(kind: kind, state: state, block: block, count: 0, total: 0)
    data.withUnsafeBufferPointer { h.update($0) }
    return h.finish()
}

enum ModuleHashlib {
    nonisolated(unsafe) static var types: [Obj] = []

    private static func kindOf(_ o: Obj) throws -> HashKind {
        for (i, t) in types.enumerated() where o.isPtr && o.words[0] == t.raw { return HashKind(rawValue: i)! }
        throw typeError("hash object required")
    }

    private static func stateOf(_ o: Obj, _ kind: HashKind) -> HashState {
        let w = o.words
        return HashState(kind: kind, state: w + HashWord.state,
                         block: UnsafeMutableRawPointer(w + HashWord.block).assumingMemoryBound(to: UInt8.self),
                         count: Int(w[HashWord.count]), total: UInt64(w[HashWord.lenLo]) | UInt64(w[HashWord.lenHi]) << 32)
    }

    private static func save(_ o: Obj, _ h: HashState) {
        let w = o.words
        w[HashWord.count] = UInt32(h.count)
        w[HashWord.lenLo] = UInt32(truncatingIfNeeded: h.total)
        w[HashWord.lenHi] = UInt32(truncatingIfNeeded: h.total >> 32)
    }

    private static func update(_ o: Obj, _ data: Obj) throws {
        let kind = try kindOf(o)
        if o.w(HashWord.final) != 0 { throw valueError("hash is final") }
        guard let b = stdBufferPointer(data) else { throw typeError("object with buffer protocol required") }
        var h = stateOf(o, kind)
        h.update(b)
        save(o, h)
    }

    private static func make(_ kind: HashKind) -> NativeSpec {
        let name = ["sha256", "sha1", "md5"][kind.rawValue]
        return fn(name, 0, 1) { a in
            let o = try allocObj(ModuleHashlib.types[kind.rawValue].raw, words: HashWord.total)
            hashInitState(kind, o.words + HashWord.state)
            if a.count == 1 {
                let keep = pushRoot(o)
                defer { popRoots(to: keep) }
                try update(o, a[0])
            }
            return o
        }
    }

    static func makeTypes() {
        if !types.isEmpty { return }
        let methods: [NativeSpec] = [
            method("update", 2) { a in
                try update(a[0], a[1])
                return .none
            },
            method("digest", 1) { a in
                let o = a[0]
                let kind = try kindOf(o)
                if o.w(HashWord.final) != 0 { throw valueError("hash is final") }
                o.setW(HashWord.final, 1)
                var h = stateOf(o, kind)
                let d = h.finish()
                save(o, h)
                return try newBytes(d)
            },
        ]
        for kind in [HashKind.sha256, .sha1, .md5] {
            let t = makeRomType(["sha256", "sha1", "md5"][kind.rawValue], methods)
            t.words[TypeWord.extra] = makeNative(make(kind)).raw
            types.append(t)
        }
    }

    static func register() {
        registerModule("hashlib") {
            ModuleHashlib.makeTypes()
            return [
                ("sha256", .value(ModuleHashlib.types[0])),
                ("sha1", .value(ModuleHashlib.types[1])),
                ("md5", .value(ModuleHashlib.types[2])),
            ]
        }
    }
}
