import Foundation
import Testing
@testable import MicroPythonCore

// MARK: - Helpers

private func bigFromString(_ s: String, base: Int = 10) -> BigInt {
    guard let v = BigInt(s, base: base) else {
        Issue.record("could not parse \(s)")
        return BigInt()
    }
    return v
}

private func bigPow2(_ n: Int) -> BigInt { BigInt(1) << n }

/// Deterministic PRNG (BigIntTestRNG) so property tests are reproducible.
private struct BigIntTestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random magnitude with `limbs` limbs, biased towards 0, 1, 0x80000000 and all-ones limbs
/// (the patterns that exercise carries and Knuth's correction steps).
private func bigRandomLimbs(_ limbs: Int, _ rng: inout BigIntTestRNG) -> [UInt32] {
    var m = [UInt32]()
    for _ in 0..<limbs {
        switch rng.next() % 8 {
        case 0: m.append(0)
        case 1: m.append(UInt32.max)
        case 2: m.append(1)
        case 3: m.append(0x8000_0000)
        default: m.append(UInt32(truncatingIfNeeded: rng.next()))
        }
    }
    return m
}

private func bigRandomValue(maxLimbs: Int, _ rng: inout BigIntTestRNG) -> BigInt {
    let n = Int(rng.next() % UInt64(maxLimbs + 1))
    return BigInt(negative: rng.next() & 1 == 1, magnitude: bigRandomLimbs(n, &rng))
}

/// Naive O(n*m) product used as the reference for Karatsuba.
private func bigReferenceMul(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    if a.isEmpty || b.isEmpty { return [] }
    var r = [UInt32](repeating: 0, count: a.count + b.count)
    for i in 0..<a.count {
        var carry: UInt64 = 0
        for j in 0..<b.count {
            let t = UInt64(a[i]) * UInt64(b[j]) + UInt64(r[i + j]) + carry
            r[i + j] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        r[i + b.count] = UInt32(carry)
    }
    while r.last == 0 { r.removeLast() }
    return r
}

/// Python floor division/modulo on machine integers, the reference for small cases.
private func bigPyDivMod(_ a: Int, _ b: Int) -> (Int, Int) {
    var q = a / b
    if a % b != 0 && ((a < 0) != (b < 0)) { q -= 1 }
    return (q, a - q * b)
}

// MARK: - Unit tests

@Suite struct BigIntUnitTests {
    @Test func zeroAndSmallValues() {
        let z = BigInt()
        #expect(z.isZero && !z.isNegative && z.signum == 0 && z.magnitude.isEmpty)
        #expect(BigInt(0) == z)
        #expect(BigInt(-1).signum == -1 && BigInt(1).signum == 1)
        #expect((BigInt(5) - BigInt(5)).isNegative == false)
        #expect(BigInt(0).negated.isNegative == false)
        #expect((BigInt(-3) + BigInt(3)) == z)
        #expect(z.toString() == "0" && z.toString(base: 16) == "0" && z.toString(base: 2) == "0")
        #expect(BigInt(-1).toString() == "-1")
        #expect(z.bitLength == 0 && BigInt(1).bitLength == 1 && BigInt(-255).bitLength == 8)
        #expect(BigInt(Int64.min).toString() == "-9223372036854775808")
        #expect(BigInt(Int64.max).toString() == "9223372036854775807")
        #expect(BigInt(UInt64.max).toString() == "18446744073709551615")
        let lit: BigInt = -42
        #expect(lit.asInt64 == -42)
        #expect(lit.description == "-42")
    }

    @Test func int64RoundTrip() {
        for v: Int64 in [0, 1, -1, 2, Int64(Int32.max), Int64(Int32.min), 1 << 32, -(1 << 32), (1 << 32) - 1,
                         Int64.max, Int64.min, Int64.max - 1, Int64.min + 1] {
            #expect(BigInt(v).asInt64 == v)
            #expect(BigInt(v).toString() == String(v))
            #expect(BigInt(Int(v)).asInt == Int(v))
        }
        #expect(bigPow2(63).asInt64 == nil)
        #expect(bigPow2(63).negated.asInt64 == Int64.min)
        #expect((bigPow2(63).negated - BigInt(1)).asInt64 == nil)
        #expect(bigPow2(64).asInt64 == nil)
        #expect(BigInt(UInt64.max).asInt64 == nil)
    }

    @Test func limbBoundaries() {
        let m32 = BigInt(UInt64(UInt32.max))
        #expect(m32.magnitude == [UInt32.max])
        #expect((m32 + BigInt(1)).magnitude == [0, 1])
        #expect((m32 + BigInt(1)) == bigPow2(32))
        #expect((bigPow2(32) - BigInt(1)) == m32)
        #expect((bigPow2(64) - BigInt(1)).magnitude == [UInt32.max, UInt32.max])
        #expect((bigPow2(64) - BigInt(1)).toString() == "18446744073709551615")
        #expect(bigPow2(64).toString() == "18446744073709551616")
        #expect(bigPow2(64).toString(base: 16) == "10000000000000000")
        #expect(bigPow2(64).toString(base: 36) == "3w5e11264sgsg")
        #expect(bigPow2(100).toString(base: 36) == "3ewfdnca0n6ld1ggvfgg")
        #expect(bigPow2(100).toString(base: 7) == "322653455556104044451560330542514132")
        #expect((m32 * m32).toString() == "18446744065119617025")
        #expect(((bigPow2(64) - BigInt(1)) * (bigPow2(64) - BigInt(1))) == bigPow2(128) - bigPow2(65) + BigInt(1))
        #expect(bigPow2(64).bitLength == 65 && (bigPow2(64) - BigInt(1)).bitLength == 64)
        #expect((bigPow2(96) - BigInt(1)).bitCount == 96)
        #expect(bigPow2(70).trailingZeroBitCount == 70)
    }

    @Test func smallArithmeticMatchesMachineIntegers() {
        for a in -20...20 {
            for b in -7...7 {
                let x = BigInt(a), y = BigInt(b)
                #expect((x + y).asInt == a + b)
                #expect((x - y).asInt == a - b)
                #expect((x * y).asInt == a * b)
                #expect((x & y).asInt == a & b)
                #expect((x | y).asInt == a | b)
                #expect((x ^ y).asInt == a ^ b)
                #expect(x.compare(y) == (a < b ? -1 : (a == b ? 0 : 1)))
                #expect((x < y) == (a < b))
                if b != 0 {
                    let (q, r) = bigPyDivMod(a, b)
                    let d = x.divMod(y)
                    #expect(d.quotient.asInt == q && d.remainder.asInt == r, "divmod(\(a), \(b))")
                    #expect(x.floorDiv(y).asInt == q && x.floorMod(y).asInt == r)
                    let t = x.quotientAndRemainder(dividingBy: y)
                    #expect(t.quotient.asInt == a / b && t.remainder.asInt == a % b)
                }
                if b >= 0 {
                    #expect((x >> b).asInt == a >> b, "\(a) >> \(b)")
                    #expect((x << b).asInt == a << b)
                }
            }
            #expect((~BigInt(a)).asInt == ~a)
        }
    }

    @Test func negativeDivisionModuloLarge() {
        let a = bigPow2(100)
        #expect(a.negated.floorDiv(BigInt(3)).toString() == "-422550200076076467165567735126")
        #expect(a.negated.floorMod(BigInt(3)) == BigInt(2))
        #expect(a.floorDiv(BigInt(-3)).toString() == "-422550200076076467165567735126")
        #expect(a.floorMod(BigInt(-3)) == BigInt(-2))
        #expect(a.negated.floorMod(a) == BigInt())
        #expect(a.negated.floorDiv(a) == BigInt(-1))
        #expect((a + BigInt(1)).negated.floorDiv(a) == BigInt(-2))
        #expect((a + BigInt(1)).negated.floorMod(a) == a - BigInt(1))
        let t = a.negated.quotientAndRemainder(dividingBy: BigInt(3))
        #expect(t.quotient.toString() == "-422550200076076467165567735125" && t.remainder == BigInt(-1))
        #expect(BigInt(5).floorDiv(bigPow2(80).negated) == BigInt(-1))
        #expect(BigInt(5).floorMod(bigPow2(80).negated) == BigInt(5) - bigPow2(80))
    }

    @Test func shifts() {
        #expect((BigInt(-5) >> 1) == BigInt(-3))
        #expect((BigInt(-1) >> 100) == BigInt(-1))
        #expect((BigInt(1) >> 100) == BigInt())
        #expect((bigPow2(64).negated >> 1).toString() == "-9223372036854775808")
        #expect(((bigPow2(64).negated - BigInt(1)) >> 64) == BigInt(-2))
        #expect((bigPow2(64).negated >> 64) == BigInt(-1))
        #expect(((bigPow2(64).negated + BigInt(1)) >> 64) == BigInt(-1))
        #expect((bigPow2(64).negated >> 200) == BigInt(-1))
        #expect((BigInt(3) << 0) == BigInt(3))
        #expect((BigInt(-3) << 64) == (BigInt(-3) * bigPow2(64)))
        #expect((BigInt(1) << 31).magnitude == [0x8000_0000])
        #expect((BigInt(1) << 32).magnitude == [0, 1])
        #expect((BigInt(12) << -2) == BigInt(3))
        #expect((BigInt(3) >> -2) == BigInt(12))
    }

    @Test func bitwiseNegatives() {
        #expect((BigInt(-6) & BigInt(0xff)) == BigInt(250))
        #expect((BigInt(-1) ^ BigInt(5)) == BigInt(-6))
        #expect((bigPow2(64).negated & (bigPow2(64) + BigInt(5))) == bigPow2(64))
        #expect((bigPow2(100).negated | BigInt(1)).toString() == "-1267650600228229401496703205375")
        #expect((bigPow2(100) ^ BigInt(-1)).toString() == "-1267650600228229401496703205377")
        #expect((bigPow2(70).negated ^ bigPow2(40).negated).toString() == "1180591619617899675648")
        #expect((~bigPow2(64)) == bigPow2(64).negated - BigInt(1))
        #expect((~BigInt(-1)) == BigInt())
        #expect((~BigInt()) == BigInt(-1))
        var rng = BigIntTestRNG(seed: 7)
        for _ in 0..<300 {
            let x = bigRandomValue(maxLimbs: 6, &rng), y = bigRandomValue(maxLimbs: 6, &rng)
            #expect((x ^ y) == (x | y) - (x & y))
            #expect((x & ~x) == BigInt())
            #expect((x | ~x) == BigInt(-1))
            #expect((x & y) == ~(~x | ~y))
            #expect(~x == x.negated - BigInt(1))
        }
    }

    @Test func parsingValid() {
        #expect(bigFromString("0") == BigInt())
        #expect(bigFromString("-0") == BigInt())
        #expect(bigFromString("  +123  ") == BigInt(123))
        #expect(bigFromString("\t-123\n") == BigInt(-123))
        #expect(bigFromString("1_000_000") == BigInt(1_000_000))
        #expect(bigFromString("ff", base: 16) == BigInt(255))
        #expect(bigFromString("FF", base: 16) == BigInt(255))
        #expect(bigFromString("0xff", base: 16) == BigInt(255))
        #expect(bigFromString("0XfF", base: 16) == BigInt(255))
        #expect(bigFromString("0x_1f", base: 16) == BigInt(31))
        #expect(bigFromString("0b1", base: 16) == BigInt(0xb1))
        #expect(bigFromString("0o17", base: 8) == BigInt(15))
        #expect(bigFromString("17", base: 8) == BigInt(15))
        #expect(bigFromString("0b101", base: 2) == BigInt(5))
        #expect(bigFromString("-101", base: 2) == BigInt(-5))
        #expect(bigFromString("zz", base: 36) == BigInt(35 * 36 + 35))
        #expect(bigFromString("ZZ", base: 36) == BigInt(35 * 36 + 35))
        #expect(bigFromString("0_0", base: 0) == BigInt())
        #expect(bigFromString("00", base: 0) == BigInt())
        #expect(bigFromString(" -0x_1F ", base: 0) == BigInt(-31))
        #expect(bigFromString("0o777", base: 0) == BigInt(511))
        #expect(bigFromString("0B11", base: 0) == BigInt(3))
        #expect(bigFromString("123", base: 0) == BigInt(123))
        #expect(bigFromString("18446744073709551616") == bigPow2(64))
        #expect(bigFromString("-18446744073709551616") == bigPow2(64).negated)
        #expect(bigFromString("10000000000000000", base: 16) == bigPow2(64))
        #expect(bigFromString("3w5e11264sgsg", base: 36) == bigPow2(64))
        #expect(bigFromString("0000000000000000000000000000000000000000001") == BigInt(1))
    }

    @Test func parsingInvalid() {
        let bad: [(String, Int)] = [
            ("1__0", 10), ("_1", 10), ("1_", 10), ("0x", 16), ("0x", 0), ("12a", 10), ("0b102", 0),
            ("0b102", 2), ("", 10), ("   ", 10), ("-", 10), ("+", 0), ("--1", 10), ("+-1", 10),
            ("- 1", 10), ("1 2", 10), ("0_x1", 0), ("010", 0), ("0_1", 0), ("0x__1", 16), ("0x_", 16),
            ("z", 35), ("2", 2), ("8", 8), ("g", 16), ("1.0", 10), ("0o8", 0), ("0b", 2), ("0o", 8),
            ("1", 1), ("1", 37), ("1", -1), ("\u{1c}5", 10), ("5\0", 10),
        ]
        for (s, b) in bad {
            #expect(BigInt(s, base: b) == nil, "int(\(s.debugDescription), \(b)) should be invalid")
        }
    }

    @Test func formattingBases() {
        #expect(BigInt(255).toString(base: 16) == "ff")
        #expect(BigInt(255).toString(base: 16, uppercase: true) == "FF")
        #expect(BigInt(-255).toString(base: 2) == "-11111111")
        #expect(BigInt(8).toString(base: 8) == "10")
        #expect(BigInt(-35).toString(base: 36, uppercase: true) == "-Z")
        #expect(BigInt(1295).toString(base: 36) == "zz")
        #expect(bigPow2(200).toString(base: 32) == "1" + String(repeating: "0", count: 40))
        #expect(bigPow2(201).toString(base: 8) == "1" + String(repeating: "0", count: 67))
        var rng = BigIntTestRNG(seed: 11)
        for _ in 0..<200 {
            let x = bigRandomValue(maxLimbs: 12, &rng)
            let base = 2 + Int(rng.next() % 35)
            let upper = rng.next() & 1 == 1
            let s = x.toString(base: base, uppercase: upper)
            #expect(BigInt(s, base: base) == x, "base \(base): \(s)")
        }
    }

    @Test func longDecimalStrings() {
        let digits = "1" + String(repeating: "0", count: 5000)
        let ten5000 = bigFromString(digits)
        #expect(ten5000 == BigInt(10).pow(5000))
        #expect(ten5000.toString() == digits)
        // 10,000 pseudo-random digits: decimal -> hex -> decimal round trip.
        var rng = BigIntTestRNG(seed: 3)
        var s = "9"
        for _ in 0..<9_999 { s.append(Character(Unicode.Scalar(UInt8(48 + rng.next() % 10)))) }
        let x = bigFromString(s)
        let viaHex = bigFromString(x.toString(base: 16), base: 16)
        #expect(viaHex.toString() == s)
        #expect(bigFromString("-" + s).toString() == "-" + s)
        #expect(x.bitLength == 33_220)
    }

    @Test func powers() {
        #expect(BigInt(2).pow(100).toString() == "1267650600228229401496703205376")
        #expect(BigInt(-3).pow(3) == BigInt(-27))
        #expect(BigInt(0).pow(0) == BigInt(1))
        #expect(BigInt(0).pow(5) == BigInt())
        #expect(BigInt(-1).pow(1001) == BigInt(-1))
        #expect(BigInt(-1).pow(1000) == BigInt(1))
        #expect(BigInt(-2).pow(63) == BigInt(Int64.min))
        #expect(BigInt(-4).pow(3) == BigInt(-64))
        #expect(BigInt(10).pow(30).toString() == "1" + String(repeating: "0", count: 30))
        #expect(BigInt(3).pow(40) == BigInt(12157665459056928801 as UInt64))
        var f = BigInt(1)
        for i in 1...1000 { f *= BigInt(i) }
        let fs = f.toString()
        #expect(fs.count == 2568)
        #expect(fs.hasPrefix("402387260077093773543702433923003985719374864210714632543799910429938512398629020"))
        #expect(fs.hasSuffix(String(repeating: "0", count: 249)))
        var g = BigInt(1)
        for i in 1...999 { g *= BigInt(i) }
        #expect(f.floorDiv(g) == BigInt(1000) && f.floorMod(g) == BigInt())
    }

    @Test func modularPower() {
        let m = bigFromString("1000000007")
        #expect(BigInt(2).powMod(exp: BigInt(10000), mod: m) == BigInt(2).pow(10000).floorMod(m))
        let m2 = BigInt(7).pow(50) + BigInt(12345)
        #expect(BigInt(3).powMod(exp: BigInt(1000), mod: m2) == BigInt(3).pow(1000).floorMod(m2))
        #expect(BigInt(-3).powMod(exp: BigInt(5), mod: BigInt(7)) == BigInt(2))
        #expect(BigInt(3).powMod(exp: BigInt(-1), mod: BigInt(7)) == BigInt(5))
        #expect(BigInt(5).powMod(exp: BigInt(3), mod: BigInt(-7)) == BigInt(-1))
        #expect(BigInt(-2).powMod(exp: BigInt(3), mod: BigInt(-7)) == BigInt(-1))
        #expect(BigInt(7).powMod(exp: BigInt(-3), mod: BigInt(-10)) == BigInt(-3))
        #expect(BigInt(2).powMod(exp: BigInt(-1), mod: BigInt(1)) == BigInt())
        #expect(BigInt(0).powMod(exp: BigInt(0), mod: BigInt(5)) == BigInt(1))
        #expect(BigInt(14).powMod(exp: BigInt(0), mod: BigInt(-7)) == BigInt(-6))
        #expect(BigInt(2).powMod(exp: BigInt(-1), mod: BigInt(4)) == nil)
        #expect(BigInt(2).powMod(exp: BigInt(3), mod: BigInt()) == nil)
        #expect(BigInt.gcd(BigInt(-12), BigInt(18)) == BigInt(6))
        #expect(BigInt.gcd(BigInt(), BigInt(-5)) == BigInt(5))
        #expect(BigInt.gcd(BigInt(), BigInt()) == BigInt())
    }

    @Test func floatConversion() {
        #expect(BigInt().toDouble() == 0)
        #expect(BigInt(-7).toDouble() == -7)
        #expect((bigPow2(53) + BigInt(1)).toDouble() == 9007199254740992.0)
        #expect((bigPow2(53) + BigInt(3)).toDouble() == 9007199254740996.0)
        #expect((bigPow2(64) - BigInt(1)).toDouble() == 18446744073709551616.0)
        #expect(bigPow2(1023).toDouble() == Double(sign: .plus, exponent: 1023, significand: 1))
        #expect((bigPow2(1024) - bigPow2(970) - BigInt(1)).toDouble() == Double.greatestFiniteMagnitude)
        #expect((bigPow2(1024) - bigPow2(970)).toDouble() == Double.infinity)
        #expect((bigPow2(1024) - BigInt(1)).negated.toDouble() == -Double.infinity)
        #expect(bigPow2(5000).toDouble() == Double.infinity)
        // Halfway cases above 64 bits: round half to even, with the sticky bit.
        let odd = (bigPow2(53) + BigInt(1)) << 20          // exactly halfway, even below -> down
        #expect(odd.toDouble() == bigPow2(73).toDouble())
        #expect((odd + BigInt(1)).toDouble() == ((bigPow2(53) + BigInt(2)) << 20).toDouble())
    }

    @Test func doubleToInt() {
        #expect(BigInt(truncating: 0.0) == BigInt())
        #expect(BigInt(truncating: -0.0) == BigInt())
        #expect(BigInt(truncating: -2.9) == BigInt(-2))
        #expect(BigInt(truncating: 1e20).toString() == "100000000000000000000")
        #expect(BigInt(truncating: -1e300) == bigFromString("-1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"))
        #expect(BigInt(truncating: 9.223372036854775808e18) == bigPow2(63))
        #expect(BigInt(truncating: -9.223372036854775808e18) == bigPow2(63).negated)
        #expect(BigInt(truncating: Double.greatestFiniteMagnitude) == bigPow2(1024) - bigPow2(971))
        #expect(BigInt(exactly: 2.5) == nil)
        #expect(BigInt(exactly: Double.nan) == nil)
        #expect(BigInt(exactly: Double.infinity) == nil)
        #expect(BigInt(exactly: -4.0) == BigInt(-4))
        #expect(BigInt(10).compare(toDouble: 10.5) == -1)
        #expect(BigInt(-10).compare(toDouble: -10.5) == 1)
        #expect(BigInt(10).compare(toDouble: 10.0) == 0)
        #expect(bigPow2(2000).compare(toDouble: .infinity) == -1)
        #expect(bigPow2(2000).compare(toDouble: -.infinity) == 1)
        #expect(bigPow2(2000).compare(toDouble: 1e308) == 1)
        #expect(BigInt(1).compare(toDouble: .nan) == nil)
    }

    @Test func trueDivision() {
        #expect(BigInt(1).truediv(BigInt(3)) == 1.0 / 3.0)
        #expect(BigInt(1).truediv(BigInt()) == nil)
        #expect(BigInt(10).pow(400).truediv(BigInt(10).pow(399)) == 10.0)
        #expect((bigPow2(200) + BigInt(1)).truediv(bigPow2(100)) == 1.2676506002282294e+30)
        #expect(BigInt(1).truediv(bigPow2(1074)) == Double.leastNonzeroMagnitude)
        #expect(BigInt(1).truediv(bigPow2(1075)) == 0.0)
        #expect(BigInt(3).truediv(bigPow2(1076)) == Double.leastNonzeroMagnitude)
        #expect(BigInt(3).truediv(bigPow2(1075)) == 2 * Double.leastNonzeroMagnitude)
        #expect(BigInt(-1).truediv(bigPow2(2000)) == 0.0)
        #expect(BigInt(-1).truediv(bigPow2(2000))!.sign == .minus)
        #expect(BigInt(0).truediv(BigInt(-5))!.sign == .minus)
        #expect(bigPow2(1100).truediv(bigPow2(70)) == Double.infinity)
        #expect(bigPow2(1100).negated.truediv(BigInt(3)) == -Double.infinity)
        #expect(bigPow2(1100).truediv(bigPow2(80)) == Double(sign: .plus, exponent: 1020, significand: 1))
    }

    @Test func bytesConversion() {
        #expect(BigInt(1024).toBytes(count: 2, littleEndian: false, signed: false) == [4, 0])
        #expect(BigInt(1024).toBytes(count: 2, littleEndian: true, signed: false) == [0, 4])
        #expect(BigInt(-1).toBytes(count: 1, littleEndian: true, signed: true) == [255])
        #expect(BigInt(-1).toBytes(count: 3, littleEndian: true, signed: true) == [255, 255, 255])
        #expect(BigInt(-128).toBytes(count: 1, littleEndian: true, signed: true) == [0x80])
        #expect(BigInt(-129).toBytes(count: 1, littleEndian: true, signed: true) == nil)
        #expect(BigInt(128).toBytes(count: 1, littleEndian: true, signed: true) == nil)
        #expect(BigInt(255).toBytes(count: 1, littleEndian: true, signed: false) == [255])
        #expect(BigInt(256).toBytes(count: 1, littleEndian: true, signed: false) == nil)
        #expect(BigInt(-1).toBytes(count: 8, littleEndian: true, signed: false) == nil)
        #expect(BigInt().toBytes(count: 0, littleEndian: true, signed: true) == [])
        #expect(BigInt(-1).toBytes(count: 0, littleEndian: true, signed: true) == [])  // as CPython
        #expect(BigInt(-2).toBytes(count: 0, littleEndian: true, signed: true) == nil)
        #expect(BigInt(1).toBytes(count: 0, littleEndian: true, signed: true) == nil)
        #expect(bigPow2(64).toBytes(count: 9, littleEndian: false, signed: false) == [1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(bigPow2(63).negated.toBytes(count: 8, littleEndian: false, signed: true) == [0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(BigInt(bytes: [0xff, 0xff], littleEndian: false, signed: true) == BigInt(-1))
        #expect(BigInt(bytes: [0xff, 0xff], littleEndian: false, signed: false) == BigInt(65535))
        #expect(BigInt(bytes: [0x80, 0], littleEndian: false, signed: true) == BigInt(-32768))
        #expect(BigInt(bytes: [0, 0x80], littleEndian: true, signed: true) == BigInt(-32768))
        #expect(BigInt(bytes: [], littleEndian: true, signed: true) == BigInt())
        #expect(BigInt(bytes: [0x80, 0, 0, 0, 0], littleEndian: false, signed: true) == bigPow2(39).negated)
        #expect(BigInt(bytes: [1, 0, 0, 0, 0, 0, 0, 0, 0], littleEndian: false, signed: false) == bigPow2(64))
    }

    @Test func hashes() {
        #expect(BigInt(12345).pythonHash == 12345)
        #expect(BigInt(-12345).pythonHash == -12345)
        #expect(BigInt(-1).pythonHash == -2)
        #expect(BigInt().pythonHash == 0)
        #expect((bigPow2(61) - BigInt(1)).pythonHash == 0)
        #expect(bigPow2(61).pythonHash == 1)
        #expect(bigPow2(61).negated.pythonHash == -2)
        #expect(bigPow2(64).pythonHash == 8)
        #expect(bigPow2(64).negated.pythonHash == -8)
        #expect(bigPow2(100).pythonHash == 549755813888)
        #expect(BigInt(Int64.max).pythonHash == Int(Int64.max % ((1 << 61) - 1)))
    }
}

// MARK: - Property tests

@Suite struct BigIntPropertyTests {
    @Test func karatsubaMatchesSchoolbook() {
        var rng = BigIntTestRNG(seed: 42)
        let sizes: [(Int, Int)] = [(40, 40), (41, 40), (79, 80), (81, 81), (100, 57), (160, 160),
                                   (200, 45), (257, 130), (300, 299), (333, 40), (500, 90)]
        for (na, nb) in sizes {
            for _ in 0..<3 {
                var a = bigRandomLimbs(na, &rng), b = bigRandomLimbs(nb, &rng)
                a[na - 1] |= 1
                b[nb - 1] |= 1
                #expect(BigInt.mulMag(a, b) == bigReferenceMul(a, b), "\(na)x\(nb)")
            }
        }
        // All-ones operands maximise carries.
        let ones = [UInt32](repeating: UInt32.max, count: 150)
        #expect(BigInt.mulMag(ones, ones) == bigReferenceMul(ones, ones))
        let x = BigInt(negative: false, magnitude: ones)
        #expect(x * x == (BigInt(1) << 9600) - (BigInt(1) << 4801) + BigInt(1))
    }

    @Test func divisionIdentity() {
        var rng = BigIntTestRNG(seed: 1234)
        for i in 0..<3000 {
            let a = bigRandomValue(maxLimbs: i < 2000 ? 8 : 40, &rng)
            var b = bigRandomValue(maxLimbs: i < 2000 ? 5 : 30, &rng)
            if b.isZero { b = BigInt(Int(rng.next() % 1000) + 1) }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            #expect(BigInt.compareMag(r.magnitude, b.magnitude) < 0)
            #expect(r.isZero || r.isNegative == a.isNegative)
            let (fq, fr) = a.divMod(b)
            #expect(fq * b + fr == a)
            #expect(fr.isZero || fr.isNegative == b.isNegative)
            #expect(BigInt.compareMag(fr.magnitude, b.magnitude) < 0)
        }
    }

    @Test func shiftsAgreeWithArithmetic() {
        var rng = BigIntTestRNG(seed: 99)
        for _ in 0..<500 {
            let a = bigRandomValue(maxLimbs: 6, &rng)
            let n = Int(rng.next() % 200)
            #expect((a << n) == a * bigPow2(n))
            #expect((a >> n) == a.floorDiv(bigPow2(n)))
            #expect(((a << n) >> n) == a)
        }
    }

    @Test func addSubConsistency() {
        var rng = BigIntTestRNG(seed: 5)
        for _ in 0..<500 {
            let a = bigRandomValue(maxLimbs: 10, &rng), b = bigRandomValue(maxLimbs: 10, &rng)
            #expect(a + b == b + a)
            #expect((a + b) - b == a)
            #expect(a - b == (b - a).negated)
            #expect(a * b == b * a)
            #expect((a + b).magnitude.last != 0)
            #expect((a - a).isZero && !(a - a).isNegative)
        }
    }
}

// MARK: - CPython cross-check

@Suite struct BigIntCPythonFixtureTests {
    static var fixturePath: String {
        let file = "\(#filePath)"
        let dir = file[..<file.lastIndex(of: "/")!]
        return dir + "/Fixtures/bigint_cases.txt"
    }

    @Test func cpythonFixture() throws {
        let text = try String(contentsOfFile: Self.fixturePath, encoding: .utf8)
        var failures: [String] = []
        var checked = 0
        var lineNo = 0

        func hx(_ s: Substring) -> BigInt {
            BigInt(parsing: Array(s.utf8), base: 16)!
        }
        func dbl(_ s: Substring) -> Double {
            Double(bitPattern: UInt64(s, radix: 16)!)
        }
        func hexBytes(_ s: Substring) -> [UInt8] {
            if s == "-" { return [] }
            let u = Array(s.utf8)
            return stride(from: 0, to: u.count, by: 2).map { UInt8(String(decoding: u[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        }
        func bytesHex(_ b: [UInt8]) -> String {
            if b.isEmpty { return "-" }
            return b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNo += 1
            if line.hasPrefix("#") { continue }
            let t = line.split(separator: " ")
            var ok = true
            switch t[0] {
            case "add": ok = hx(t[1]) + hx(t[2]) == hx(t[3])
            case "sub": ok = hx(t[1]) - hx(t[2]) == hx(t[3])
            case "mul": ok = hx(t[1]) * hx(t[2]) == hx(t[3])
            case "and": ok = hx(t[1]) & hx(t[2]) == hx(t[3])
            case "or": ok = hx(t[1]) | hx(t[2]) == hx(t[3])
            case "xor": ok = hx(t[1]) ^ hx(t[2]) == hx(t[3])
            case "gcd": ok = BigInt.gcd(hx(t[1]), hx(t[2])) == hx(t[3])
            case "divmod":
                let a = hx(t[1]), b = hx(t[2]), q = hx(t[3]), r = hx(t[4])
                let d = a.divMod(b)
                ok = d.quotient == q && d.remainder == r && a.floorDiv(b) == q && a.floorMod(b) == r
            case "quorem":
                let d = hx(t[1]).quotientAndRemainder(dividingBy: hx(t[2]))
                ok = d.quotient == hx(t[3]) && d.remainder == hx(t[4])
            case "cmp":
                let a = hx(t[1]), b = hx(t[2]), c = Int(t[3])!
                ok = a.compare(b) == c && (a < b) == (c < 0) && (a == b) == (c == 0)
            case "inv": ok = ~hx(t[1]) == hx(t[2])
            case "pow": ok = hx(t[1]).pow(Int(t[2])!) == hx(t[3])
            case "powmod":
                let r = hx(t[1]).powMod(exp: hx(t[2]), mod: hx(t[3]))
                ok = t[4] == "ERR" ? r == nil : r == hx(t[4])
            case "shl": ok = hx(t[1]) << Int(t[2])! == hx(t[3])
            case "shr": ok = hx(t[1]) >> Int(t[2])! == hx(t[3])
            case "str":
                let a = hx(t[1])
                ok = a.toString() == t[2] && BigInt(parsing: Array(t[2].utf8), base: 10) == a
                    && a.toString(base: 16) == t[1]
            case "base":
                let b = Int(t[1])!, a = hx(t[2])
                ok = a.toString(base: b) == t[3] && BigInt(parsing: Array(t[3].utf8), base: b) == a
                    && a.toString(base: b, uppercase: true) == t[3].uppercased()
            case "bitlen": ok = hx(t[1]).bitLength == Int(t[2])!
            case "hash": ok = hx(t[1]).pythonHash == Int(t[2])!
            case "float":
                let d = hx(t[1]).toDouble()
                ok = t[2] == "OVF" ? d.isInfinite : d.bitPattern == dbl(t[2]).bitPattern
            case "truediv":
                let d = hx(t[1]).truediv(hx(t[2]))!
                ok = t[3] == "OVF" ? d.isInfinite : d.bitPattern == dbl(t[3]).bitPattern
            case "trunc":
                let d = dbl(t[1]), r = hx(t[2])
                ok = BigInt(truncating: d) == r
                    && (d == d.rounded(.towardZero) ? BigInt(exactly: d) == r : BigInt(exactly: d) == nil)
            case "cmpf": ok = hx(t[1]).compare(toDouble: dbl(t[2])) == Int(t[3])!
            case "tobytes":
                let r = hx(t[1]).toBytes(count: Int(t[2])!, littleEndian: t[3] == "l", signed: t[4] == "1")
                ok = t[5] == "OVF" ? r == nil : r.map(bytesHex) == String(t[5])
            case "frombytes":
                ok = BigInt(bytes: hexBytes(t[1]), littleEndian: t[2] == "l", signed: t[3] == "1") == hx(t[4])
            case "parse":
                let r = BigInt(parsing: hexBytes(t[2]), base: Int(t[1])!)
                ok = t[3] == "ERR" ? r == nil : r == hx(t[3])
            default:
                failures.append("line \(lineNo): unknown op \(t[0])")
                continue
            }
            checked += 1
            if !ok { failures.append("line \(lineNo): \(line.prefix(300))") }
        }
        #expect(checked >= 3800)
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(25).joined(separator: "\n"))")
    }
}
