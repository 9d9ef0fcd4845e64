import Testing
@testable import MicroPythonCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Tests for FormatSpec.swift: hand-written cases plus a randomized cross-check against CPython
// (Fixtures/format_cases.txt, produced by Fixtures/gen_format_cases.py; see that script for the format).

// MARK: - Helpers

private func fmt(_ x: Double, _ spec: String) -> String {
    do {
        return try formatDouble(x, spec: FormatSpec.parse(spec, typeName: "float"))
    } catch let e as FormatError {
        return "!" + errorName(e) + ": " + e.message
    } catch {
        return "!?"
    }
}

private func fmt(_ n: Int, _ spec: String) -> String {
    do {
        return try formatInteger(n, spec: FormatSpec.parse(spec, typeName: "int"))
    } catch let e as FormatError {
        return "!" + errorName(e) + ": " + e.message
    } catch {
        return "!?"
    }
}

private func fmt(_ s: String, _ spec: String) -> String {
    do {
        return try formatString(s, spec: FormatSpec.parse(spec, typeName: "str"))
    } catch let e as FormatError {
        return "!" + errorName(e) + ": " + e.message
    } catch {
        return "!?"
    }
}

private func errorName(_ e: FormatError) -> String {
    e.kind == .overflowError ? "OverflowError" : "ValueError"
}

/// A parsed printf conversion such as "%-#10.3x".
private struct Conversion {
    var flags: PrintfFlags = []
    var width: Int?
    var precision: Int?
    var conv: UInt8 = 0
}

private func parseConversion(_ f: String) -> Conversion {
    let b = Array(f.utf8)
    var c = Conversion()
    var i = 1   // skip '%'
    while i < b.count, let fl = PrintfFlags.flag(for: b[i]) {
        c.flags.insert(fl)
        i += 1
    }
    var w = 0, haveW = false
    while i < b.count, b[i] >= 48, b[i] <= 57 {
        w = w * 10 + Int(b[i] - 48)
        haveW = true
        i += 1
    }
    if haveW { c.width = w }
    if i < b.count, b[i] == 46 {
        i += 1
        var p = 0
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            p = p * 10 + Int(b[i] - 48)
            i += 1
        }
        c.precision = p
    }
    c.conv = b[i]
    return c
}

private func printfD(_ f: String, _ x: Double) -> String {
    let c = parseConversion(f)
    do {
        return try printfDouble(x, flags: c.flags, width: c.width, precision: c.precision, conv: c.conv)
    } catch let e as FormatError {
        return "!" + errorName(e) + ": " + e.message
    } catch {
        return "!?"
    }
}

private func printfI(_ f: String, _ n: Int) -> String {
    let c = parseConversion(f)
    do {
        return try printfInteger(n, flags: c.flags, width: c.width, precision: c.precision, conv: c.conv)
    } catch let e as FormatError {
        return "!" + errorName(e) + ": " + e.message
    } catch {
        return "!?"
    }
}

private func printfS(_ f: String, _ s: String) -> String {
    let c = parseConversion(f)
    return printfString(Array(s.utf8), flags: c.flags, width: c.width, precision: c.precision)
}

private func hexBytes(_ s: Substring) -> [UInt8] {
    var out: [UInt8] = []
    var it = s.utf8.makeIterator()
    func nib(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c | 0x20) - 87 }
    while let h = it.next(), let l = it.next() { out.append(nib(h) << 4 | nib(l)) }
    return out
}

private func readFixture() -> [Substring] {
    var path = #filePath
    while let last = path.last, last != "/" { path.removeLast() }
    path += "Fixtures/format_cases.txt"
    guard let f = fopen(path, "rb") else { return [] }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, f) }
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: true)
}

private let fixtureLines: [Substring] = readFixture()

/// Runs one fixture line; returns nil on success, else a description of the mismatch.
private func checkLine(_ line: Substring) -> String? {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    let kind = f[0]
    let spec = String(f[1])
    let expected = String(f[f.count - 1])
    if expected == "!skip" { return nil }
    var got: String
    func wrap(_ body: () throws -> String) -> String {
        do {
            return try body()
        } catch let e as FormatError {
            return "!" + errorName(e) + ": " + e.message
        } catch {
            return "!?"
        }
    }
    func digitsFor(_ dec: Substring, _ hex: Substring, _ oct: Substring, _ bin: Substring?) -> (Bool, (Int) -> String) {
        let negative = dec.hasPrefix("-")
        let mag = String(negative ? dec.dropFirst() : dec)
        return (negative, { base in
            switch base {
            case 16: return String(hex)
            case 8: return String(oct)
            case 2: return bin.map(String.init) ?? "?"
            default: return mag
            }
        })
    }
    switch kind {
    case "F":
        let x = Double(bitPattern: UInt64(f[2], radix: 16)!)
        got = wrap { try formatDouble(x, spec: FormatSpec.parse(spec, typeName: "float")) }
    case "I":
        let (neg, mag) = digitsFor(f[2], f[3], f[4], f[5])
        got = wrap { try formatInteger(negative: neg, magnitude: mag, spec: FormatSpec.parse(spec, typeName: "int")) }
    case "S":
        let s = hexBytes(f[2])
        got = wrap { try formatString(s, spec: FormatSpec.parse(spec, typeName: "str")) }
    case "PF":
        let x = Double(bitPattern: UInt64(f[2], radix: 16)!)
        let c = parseConversion(spec)
        got = wrap { try printfDouble(x, flags: c.flags, width: c.width, precision: c.precision, conv: c.conv) }
    case "PI":
        let (neg, mag) = digitsFor(f[2], f[3], f[4], nil)
        let c = parseConversion(spec)
        got = wrap {
            try printfInteger(negative: neg, magnitude: mag, flags: c.flags, width: c.width,
                              precision: c.precision, conv: c.conv)
        }
    case "PS":
        let c = parseConversion(spec)
        got = printfString(hexBytes(f[2]), flags: c.flags, width: c.width, precision: c.precision)
    case "R":
        let x = Double(bitPattern: UInt64(f[2], radix: 16)!)
        got = reprDouble(x)
        var buf: [UInt8] = [120]
        appendReprDouble(x, to: &buf)
        if buf != [120] + Array(got.utf8) { return "appendReprDouble differs for \(got)" }
    case "R32":
        let x = Float(bitPattern: UInt32(f[2], radix: 16)!)
        got = reprFloat32(x)
        var buf: [UInt8] = []
        appendReprFloat32(x, to: &buf)
        if buf != Array(got.utf8) { return "appendReprFloat32 differs for \(got)" }
    case "P":
        let r = parseDouble(hexBytes(f[2]))
        got = r.map { v -> String in
            let h = String(v.bitPattern, radix: 16)
            return String(repeating: "0", count: 16 - h.count) + h
        } ?? "None"
    default:
        return "unknown line kind \(kind)"
    }
    return got == expected ? nil : "got \(got.debugDescription)"
}

// MARK: - CPython cross-check

@Suite struct FormatFixtureTests {
    @Test func fixtureIsPresent() {
        #expect(fixtureLines.count > 5000)
    }

    @Test(arguments: ["F", "I", "S", "PF", "PI", "PS", "R", "R32", "P"])
    func cpythonCases(kind: String) {
        var checked = 0
        var failures: [String] = []
        for line in fixtureLines where line.hasPrefix(kind + "\t") {
            checked += 1
            if let problem = checkLine(line) {
                failures.append("\(line.debugDescription) -> \(problem)")
            }
        }
        #expect(checked > 0)
        let report = "\(failures.count) of \(checked) failed:\n" + failures.prefix(25).joined(separator: "\n")
        #expect(failures.isEmpty, Comment(rawValue: report))
    }
}

// MARK: - Hand-written cases

@Suite struct FormatSpecParseTests {
    @Test func fields() throws {
        let s = try FormatSpec.parse("*^+z#012,.3f")
        #expect(s.fill == "*")
        #expect(s.align == UInt8(ascii: "^"))
        #expect(s.sign == UInt8(ascii: "+"))
        #expect(s.noNegativeZero)
        #expect(s.alternate)
        #expect(!s.zeroPad)          // explicit fill: the 0 belongs to the width
        #expect(s.width == 12)
        #expect(s.grouping == UInt8(ascii: ","))
        #expect(s.precision == 3)
        #expect(s.type == "f")

        let z = try FormatSpec.parse("08_x")
        #expect(z.zeroPad && z.width == 8 && z.grouping == UInt8(ascii: "_") && z.type == "x")
        #expect(try FormatSpec.parse("").isEmpty)
        #expect(try FormatSpec.parse("€>5").fill == "€")
        #expect(try FormatSpec.parse("e").isFloatPresentation)
        #expect(try !FormatSpec.parse("x").isFloatPresentation)
    }

    @Test func errors() {
        func msg(_ s: String, _ t: String? = nil) -> String {
            do {
                _ = try FormatSpec.parse(s, typeName: t)
                return ""
            } catch let e as FormatError {
                return e.message
            } catch {
                return "?"
            }
        }
        #expect(msg("abc", "float") == "Invalid format specifier 'abc' for object of type 'float'")
        #expect(msg("abc") == "Invalid format specifier")
        #expect(msg(",_") == "Cannot specify both ',' and '_'.")
        #expect(msg("_,") == "Cannot specify both ',' and '_'.")
        #expect(msg(".") == "Format specifier missing precision")
        #expect(msg(",x") == "Cannot specify ',' with 'x'.")
        #expect(msg(",n") == "Cannot specify ',' with 'n'.")
        #expect(msg("99999999999999999999") == "Too many decimal digits in format string")
    }
}

@Suite struct FormatFloatTests {
    @Test func defaults() {
        #expect(fmt(1.0, "") == "1.0")
        #expect(fmt(1e20, "") == "1e+20")
        #expect(fmt(1.5, "10") == "       1.5")
        #expect(fmt(1e16, "") == "1e+16")
        #expect(fmt(123456789012345.0, "") == "123456789012345.0")
        #expect(fmt(100.0, ".3") == "1e+02")
        #expect(fmt(1.0, ".3") == "1.0")
        #expect(fmt(1e20, "#") == "1.e+20")
    }

    @Test func rounding() {
        #expect(fmt(2.675, ".2f") == "2.67")
        #expect(fmt(0.5, ".0f") == "0")
        #expect(fmt(1.5, ".0f") == "2")
        #expect(fmt(2.5, ".0f") == "2")
        #expect(fmt(0.125, ".2f") == "0.12")
        #expect(fmt(0.375, ".2f") == "0.38")
        #expect(fmt(9.9999, ".2f") == "10.00")
        #expect(fmt(0.0001, ".2f") == "0.00")
        #expect(fmt(-0.0001, ".2f") == "-0.00")
        #expect(fmt(-0.0001, "z.2f") == "0.00")
        #expect(fmt(0.1, ".20f") == "0.10000000000000000555")
        #expect(fmt(1.0 / 3.0, ".100e")
                == "3.3333333333333331482961625624739099293947219848632812500000000000000000000000000000000000000000000000e-01")
        #expect(fmt(1e300, ".50f").hasPrefix("10000000000000000525047602552044202487044685811081591549158541155118024579889081"))
        #expect(fmt(1e300, ".50f").hasSuffix(".00000000000000000000000000000000000000000000000000"))
        #expect(fmt(Double(bitPattern: 1), ".1080f").hasSuffix("506419718265533447265625000000"))
        #expect(fmt(Double(bitPattern: 1), ".1080f").count == 1082)
    }

    @Test func specialValues() {
        #expect(fmt(.infinity, "") == "inf")
        #expect(fmt(-.infinity, "F") == "-INF")
        #expect(fmt(.nan, "E") == "NAN")
        #expect(fmt(-Double.nan, "+") == "+nan")
        #expect(fmt(.infinity, "010") == "0000000inf")
        #expect(fmt(-0.0, "") == "-0.0")
        #expect(fmt(-0.0, "z") == "0.0")
    }

    @Test func layout() {
        #expect(fmt(1234.5678, "+,.2f") == "+1,234.57")
        #expect(fmt(-3.14159, "08.3f") == "-003.142")
        #expect(fmt(3.5, "^12") == "    3.5     ")
        #expect(fmt(0.25, "%") == "25.000000%")
        #expect(fmt(1234567.0, "020,.1f") == "00,000,001,234,567.0")
        #expect(fmt(12345.678, "_") == "12_345.678")
        #expect(fmt(1.0, "#.0f") == "1.")
        #expect(fmt(1.0, "#g") == "1.00000")
        #expect(fmt(1e-5, "g") == "1e-05")
        #expect(fmt(123456789.0, "g") == "1.23457e+08")
        #expect(fmt(1.5, "x") == "!ValueError: Unknown format code 'x' for object of type 'float'")
        #expect(fmt(1.5, ".3000000000") == "!ValueError: precision too big")
    }
}

@Suite struct FormatIntegerTests {
    @Test func basics() {
        #expect(fmt(255, "#x") == "0xff")
        #expect(fmt(255, "#X") == "0XFF")
        #expect(fmt(8, "#o") == "0o10")
        #expect(fmt(5, "#b") == "0b101")
        #expect(fmt(-255, "x") == "-ff")
        #expect(fmt(1234567, "_d") == "1_234_567")
        #expect(fmt(0x1234567, "_x") == "123_4567")
        #expect(fmt(1234567, ",") == "1,234,567")
        #expect(fmt(1234, "010,") == "00,001,234")
        #expect(fmt(1234, "09,") == "0,001,234")
        #expect(fmt(-5, "=05") == "-0005")
        #expect(fmt(5, "<05") == "50000")
        #expect(fmt(42, "+d") == "+42")
        #expect(fmt(42, " d") == " 42")
        #expect(fmt(42, "*^8") == "***42***")
        #expect(fmt(65, "c") == "A")
        #expect(fmt(0x20AC, "^5c") == "  €  ")
        #expect(fmt(65, "05c") == "0000A")
        #expect(fmt(1, "e") == "1.000000e+00")
        #expect(fmt(1, "%") == "100.000000%")
    }

    @Test func errors() {
        #expect(fmt(1, ".2") == "!ValueError: Precision not allowed in integer format specifier")
        #expect(fmt(1, "+c") == "!ValueError: Sign not allowed with integer format specifier 'c'")
        #expect(fmt(1, "#c") == "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'")
        #expect(fmt(-1, "c") == "!OverflowError: %c arg not in range(0x110000)")
        #expect(fmt(1, "s") == "!ValueError: Unknown format code 's' for object of type 'int'")
        #expect(fmt(1, "\u{1}") == "!ValueError: Unknown format code '\\x1' for object of type 'int'")
        #expect(fmt(1, "z") == "!ValueError: Negative zero coercion (z) not allowed in integer format specifier")
        let big = (try? formatInteger(negative: false, magnitude: { _ in "1" + String(repeating: "0", count: 400) },
                                      spec: FormatSpec.parse("e")))
        #expect(big == nil)
    }
}

@Suite struct FormatStringTests {
    @Test func basics() {
        #expect(fmt("abc", "") == "abc")
        #expect(fmt("abc", "10") == "abc       ")
        #expect(fmt("abc", ">6") == "   abc")
        #expect(fmt("abc", "^7") == "  abc  ")
        #expect(fmt("abcdef", ".3") == "abc")
        #expect(fmt("ab", "05") == "ab000")
        #expect(fmt("é€😀", "6") == "é€😀   ")
        #expect(fmt("é€😀", ".2") == "é€")
        #expect(fmt("x", "€^5") == "€€x€€")
    }

    @Test func errors() {
        #expect(fmt("a", "+") == "!ValueError: Sign not allowed in string format specifier")
        #expect(fmt("a", " ") == "!ValueError: Space not allowed in string format specifier")
        #expect(fmt("a", "#") == "!ValueError: Alternate form (#) not allowed in string format specifier")
        #expect(fmt("a", "=5") == "!ValueError: '=' alignment not allowed in string format specifier")
        #expect(fmt("a", ",") == "!ValueError: Cannot specify ',' with 's'.")
        #expect(fmt("a", "d") == "!ValueError: Unknown format code 'd' for object of type 'str'")
    }
}

@Suite struct FormatPrintfTests {
    @Test func integers() {
        #expect(printfI("%#o", 8) == "0o10")
        #expect(printfI("%x", -255) == "-ff")
        #expect(printfI("%-5d", 3) + "|" == "3    |")
        #expect(printfI("%+d", 3) == "+3")
        #expect(printfI("% d", 3) == " 3")
        #expect(printfI("%05d", -3) == "-0003")
        #expect(printfI("%.5d", -3) == "-00003")
        #expect(printfI("%#05x", 255) == "0x0ff")
        #expect(printfI("%#5x", 255) == " 0xff")
        #expect(printfI("%-#8X", 255) == "0XFF    ")
        #expect(printfI("%#X", 0) == "0X0")
        #expect(printfI("%e", 1) == "1.000000e+00")
        #expect((try? printfInteger(3, flags: [], width: -5, precision: nil, conv: UInt8(ascii: "d"))) == "3    ")
    }

    @Test func floats() {
        #expect(printfD("%5.1f", 3.14159) == "  3.1")
        #expect(printfD("%g", 1e-5) == "1e-05")
        #expect(printfD("%g", 123456789) == "1.23457e+08")
        #expect(printfD("%.20f", 0.1) == "0.10000000000000000555")
        #expect(printfD("%010.3f", -3.14159) == "-00003.142")
        #expect(printfD("%-010.3f", -3.14159) == "-3.142    ")
        #expect(printfD("% 010.3f", 3.14159) == " 00003.142")
        #expect(printfD("%05f", .infinity) == "00inf")
        #expect(printfD("%+f", .nan) == "+nan")
        #expect(printfD("%E", -.infinity) == "-INF")
        #expect(printfD("%#.0e", 1.0) == "1.e+00")
        #expect(printfD("%#.3g", 100.0) == "100.")
        #expect(printfD("%.100e", 1.0 / 3.0).hasPrefix("3.33333333333333314829616256247390992939472198486328125000"))
    }

    @Test func strings() throws {
        #expect(printfS("%.3s", "abcdef") == "abc")
        #expect(printfS("%5s", "ab") == "   ab")
        #expect(printfS("%-5s", "ab") == "ab   ")
        #expect(printfS("%05s", "ab") == "   ab")
        #expect(printfS("%4s", "é€") == "  é€")
        #expect(try printfChar(codePoint: 65, flags: [], width: 3) == "  A")
        #expect(throws: FormatError.self) { try printfChar(codePoint: 0x110000, flags: [], width: nil) }
    }
}

@Suite struct FormatReprTests {
    @Test func doubles() {
        let cases: [(Double, String)] = [
            (1.0, "1.0"), (0.1, "0.1"), (1e16, "1e+16"), (1.5e-5, "1.5e-05"), (1e-5, "1e-05"),
            (123456789012345.0, "123456789012345.0"), (1.2345678901234567e19, "1.2345678901234567e+19"),
            (-0.0, "-0.0"), (0.0, "0.0"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
            (Double(bitPattern: 1), "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"), (9007199254740992.0, "9007199254740992.0"),
            (0.30000000000000004, "0.30000000000000004"), (-1.5, "-1.5"), (1e22, "1e+22"), (2e-7, "2e-07"),
        ]
        for (x, s) in cases {
            #expect(reprDouble(x) == s)
        }
    }

    @Test func floats32() {
        #expect(reprFloat32(1.0) == "1.0")
        #expect(reprFloat32(0.1) == "0.1")
        // single-precision ports print 7 significant digits (py/objfloat.c float_print)
        #expect(reprFloat32(1e10) == "1e+10")
        #expect(reprFloat32(1e-5) == "1e-05")
        #expect(reprFloat32(1.0 / 3.0) == "0.3333333")
        #expect(reprFloat32(1234567) == "1234567.0")
        #expect(reprFloat32(3.4028235e38) == "3.402823e+38")
        #expect(reprFloat32(Float(bitPattern: 1)) == "1.401298e-45")
        #expect(reprFloat32(-0.0) == "-0.0")
        #expect(reprFloat32(.infinity) == "inf")
    }
}

@Suite struct FormatParseDoubleTests {
    @Test func valid() {
        #expect(parseDouble("1_000.5") == 1000.5)
        #expect(parseDouble("  -1.5e3\n") == -1500)
        #expect(parseDouble(".5") == 0.5)
        #expect(parseDouble("5.") == 5)
        #expect(parseDouble("1e1_0") == 1e10)
        #expect(parseDouble("-iNfinity") == -.infinity)
        #expect(parseDouble("+inf") == .infinity)
        #expect(parseDouble("nan")?.isNaN == true)
        #expect(parseDouble("-nan")?.sign == .minus)
        #expect(parseDouble("\u{a0}1.5\u{3000}") == 1.5)
        #expect(parseDouble("2.4703282292062328e-324") == Double(bitPattern: 1))
        #expect(parseDouble("1e99999") == .infinity)
    }

    @Test func invalid() {
        for s in ["", " ", ".", "1__0", "_1", "1_", "1_.5", "1._5", "1e_10", "1e", "1e+", "0x10", "1.5j",
                  "infinit", "--1", "e5", "1 2", "nan1", "1.2.3"] {
            #expect(parseDouble(s) == nil, "\(s.debugDescription)")
        }
    }
}
