import Glibc

// The random module, as MicroPython's extmod/modrandom.c: the Yasmarang generator (32 bits a
// step), seeded from the host's entropy on first import; seed(n) makes the sequence reproducible.

/// Yasmarang state, as MicroPython's.
private struct Yasmarang {
    var pad: UInt32 = 0xeda4_baba
    var n: UInt32 = 69
    var d: UInt32 = 233
    var dat: UInt8 = 0

    mutating func seed(_ s: UInt32) {
        pad = s; n = 69; d = 233; dat = 0
    }

    mutating func next() -> UInt32 {
        pad = pad &+ UInt32(dat) &+ d &* n
        pad = (pad << 3) &+ (pad >> 29)
        n = pad | 2
        d ^= (pad << 31) &+ (pad >> 1)
        dat ^= UInt8(truncatingIfNeeded: pad) ^ UInt8(truncatingIfNeeded: d >> 8) ^ 1
        return pad ^ (d << 5) ^ (pad >> 18) ^ (UInt32(dat) << 1)
    }

    /// An unsigned integer below n (n > 0).
    mutating func below(_ n: UInt64) -> UInt64 {
        if n <= UInt64(UInt32.max) {
            let n32 = UInt32(n)
            var mask: UInt32 = 1
            while (n32 & mask) < n32 { mask = (mask << 1) | 1 }
            var r: UInt32
            repeat { r = next() & mask } while r >= n32
            return UInt64(r)
        }
        var mask: UInt64 = 1
        while (n & mask) < n { mask = (mask << 1) | 1 }
        var r: UInt64
        repeat { r = ((UInt64(next()) << 32) | UInt64(next())) & mask } while r >= n
        return r
    }

    /// A float in [0, 1) with random fraction bits.
    mutating func unit() -> Double {
        let hi = UInt64(next()), lo = UInt64(next())
        let frac = ((hi << 32) | lo) & ((1 << 52) - 1)
        return Double(bitPattern: (1023 << 52) | frac) - 1
    }
}

nonisolated(unsafe) private var rng = Yasmarang()

/// A seed from the host's entropy (the board's hardware RNG in MicroPython).
private func entropySeed() -> UInt32 {
    var v: UInt32 = 0
    let fd = open("/dev/urandom", O_RDONLY)
    if fd >= 0 {
        let got = withUnsafeMutableBytes(of: &v) { read(fd, $0.baseAddress, 4) }
        close(fd)
        if got == 4 { return v }
    }
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return UInt32(truncatingIfNeeded: ts.tv_nsec) ^ UInt32(truncatingIfNeeded: ts.tv_sec)
}

/// The low 32 bits of an int (mp_obj_get_int_truncated).
func truncatedWord(_ o: Obj) throws -> UInt32 {
    if o.isSmallInt { return UInt32(truncatingIfNeeded: o.smallInt) }
    if o == .true { return 1 }
    if o == .false { return 0 }
    if o.isType(.int) { return UInt32(truncatingIfNeeded: truncatedUInt64(bigOf(o))) }
    return UInt32(truncatingIfNeeded: try intToInt(o))
}

/// The low 64 bits of a BigInt in two's complement.
func truncatedUInt64(_ b: BigInt) -> UInt64 {
    let m = b.magnitude
    var v: UInt64 = 0
    if m.count > 0 { v = UInt64(m[0]) }
    if m.count > 1 { v |= UInt64(m[1]) << 32 }
    return b.isNegative ? (~v &+ 1) : v
}

/// An int argument as MicroPython's mp_obj_get_int (floats rejected).
private func randInt(_ o: Obj) throws -> Int {
    if o.isType(.float) { throw typeError("can't convert float to int") }
    return try intToInt(o)
}

enum ModuleRandom {
    nonisolated(unsafe) static var seeded = false

    static func register() {
        registerModule("random") {
            if !ModuleRandom.seeded {
                rng.seed(entropySeed())
                ModuleRandom.seeded = true
            }
            return ModuleRandom.table()
        }
    }

    static func table() -> [(String, ModuleEntry)] {
        [
            ("getrandbits", .function(fn("getrandbits", 1) { a in
                let n = try randInt(a[0])
                if n > 32 || n < 0 { throw valueError("bits must be 32 or less") }
                if n == 0 { return Obj(small: 0) }
                let mask = UInt32.max >> UInt32(32 - n)
                return try newInt(Int(rng.next() & mask))
            })),
            ("seed", .function(fn("seed", 0, 1) { a in
                if a.count == 0 || a[0] == .none {
                    rng.seed(entropySeed())
                } else {
                    if a[0].isType(.float) { throw typeError("can't convert float to int") }
                    rng.seed(try truncatedWord(a[0]))
                }
                return .none
            })),
            ("randrange", .function(fn("randrange", 1, 3) { a in
                let start = try randInt(a[0])
                if a.count == 1 {
                    if start > 0 { return try newInt(Int(rng.below(UInt64(start)))) }
                    throw pyErr(.ValueError)
                }
                let stop = try randInt(a[1])
                if a.count == 2 {
                    if start < stop {
                        let span = UInt64(bitPattern: Int64(stop) &- Int64(start))
                        return try newInt(start &+ Int(rng.below(span)))
                    }
                    throw pyErr(.ValueError)
                }
                let step = try randInt(a[2])
                if step == 0 { throw pyErr(.ValueError) }
                // in unsigned arithmetic: the span and the step may each be as wide as the word
                guard step > 0 ? start < stop : start > stop else { throw pyErr(.ValueError) }
                let span = step > 0 ? UInt64(bitPattern: Int64(stop) &- Int64(start)) : UInt64(bitPattern: Int64(start) &- Int64(stop))
                let stride = UInt64(step.magnitude)
                let count = span / stride + (span % stride == 0 ? 0 : 1)
                let offset = stride &* rng.below(count)
                let origin = UInt64(bitPattern: Int64(start))
                return try newInt(Int(Int64(bitPattern: step > 0 ? origin &+ offset : origin &- offset)))
            })),
            ("randint", .function(fn("randint", 2) { a in
                let lo = try randInt(a[0]), hi = try randInt(a[1])
                if lo <= hi {
                    let span = UInt64(bitPattern: Int64(hi) &- Int64(lo)) &+ 1
                    if span == 0 { return try newInt(Int(bitPattern: UInt(rng.below(UInt64.max)))) }
                    return try newInt(lo &+ Int(rng.below(span)))
                }
                throw pyErr(.ValueError)
            })),
            ("choice", .function(fn("choice", 1) { a in
                let n = try pyLen(a[0])
                if n > 0 { return try subscrLoad(a[0], Obj(small: Int(rng.below(UInt64(n))))) }
                throw pyErr(.IndexError)
            })),
            ("random", .function(fn("random", 0) { _ in try newFloat(rng.unit()) })),
            ("uniform", .function(fn("uniform", 2) { a in
                let lo = try toDouble(a[0]), hi = try toDouble(a[1])
                return try newFloat(lo + (hi - lo) * rng.unit())
            })),
        ]
    }
}
