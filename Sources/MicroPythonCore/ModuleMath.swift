import Glibc

// The math and cmath modules, as MicroPython's py/modmath.c and py/modcmath.c (double precision,
// with the special functions, factorial and isclose of the unix port). A result that is NaN or
// infinite when its arguments are not raises ValueError("math domain error"), as MicroPython does
// (CPython raises OverflowError for some of them).

/// A float constant in flash: [type][0][double].
func romFloat(_ d: Double) -> Obj {
    let a = romAllocRaw(bytes: 16)
    let p = hostPtr(a)
    p.storeBytes(of: TypeID.float.addr, as: UInt32.self)
    p.storeBytes(of: UInt32(0), toByteOffset: 4, as: UInt32.self)
    p.storeBytes(of: d, toByteOffset: 8, as: Double.self)
    return Obj(raw: a)
}

@inline(never) func mathDomainError() -> PyErr { valueError("math domain error") }

/// The float value of a math argument (int, bool, float or an object with __float__).
@inline(__always) private func mathArg(_ o: Obj) throws -> Double {
    if o.isType(.float) { return floatValue(o) }
    if o.isType(.complex) { throw typeError("can't convert complex to float") }
    return try toDouble(o)
}

/// MicroPython's math_generic_1: a NaN or infinite result from a finite argument is a domain error.
private func math1(_ name: String, _ f: @escaping (Double) -> Double) -> (String, ModuleEntry) {
    (name, .function(fn(name, 1) { a in
        let x = try mathArg(a[0])
        let r = f(x)
        if (r.isNaN && !x.isNaN) || (r.isInfinite && !x.isInfinite) { throw mathDomainError() }
        return try newFloat(r)
    }))
}

/// MicroPython's math_generic_2.
private func math2(_ name: String, _ f: @escaping (Double, Double) -> Double) -> (String, ModuleEntry) {
    (name, .function(fn(name, 2) { a in
        let x = try mathArg(a[0]), y = try mathArg(a[1])
        let r = f(x, y)
        if (r.isNaN && !x.isNaN && !y.isNaN) || (r.isInfinite && !x.isInfinite && !y.isInfinite) { throw mathDomainError() }
        return try newFloat(r)
    }))
}

/// ceil / floor / trunc: an int (a big int for large floats).
private func mathToInt(_ name: String, _ f: @escaping (Double) -> Double) -> (String, ModuleEntry) {
    (name, .function(fn(name, 1) { a in
        let o = a[0]
        if isIntObj(o) { return o.isSmallInt ? o : (o == .true ? Obj(small: 1) : (o == .false ? Obj(small: 0) : o)) }
        return try floatToInt(f(try mathArg(o)))
    }))
}

private func mathBool(_ name: String, _ f: @escaping (Double) -> Bool) -> (String, ModuleEntry) {
    (name, .function(fn(name, 1) { a in .bool(f(try mathArg(a[0]))) }))
}

/// frexp without libm: (m, e) with x == m * 2**e and 0.5 <= |m| < 1.
func frexpDouble(_ x: Double) -> (Double, Int) {
    if x == 0 || !x.isFinite { return (x, 0) }
    let e = Int(x.exponent) + 1
    let m = Double(sign: x.sign, exponent: -1, significand: x.significand)
    return (m, e)
}

/// n! as a BigInt, by binary splitting.
private func factorialRange(_ lo: Int, _ hi: Int) -> BigInt {
    if hi - lo < 8 {
        var acc = BigInt(lo)
        var k = lo + 1
        while k <= hi { acc = acc * BigInt(k); k += 1 }
        return acc
    }
    let mid = lo + (hi - lo) / 2
    return factorialRange(lo, mid) * factorialRange(mid + 1, hi)
}

private func pair(_ x: Double, _ y: Obj?, _ yd: Double = 0) throws -> Obj {
    let t = try newTuple(count: 2)
    let keep = pushRoot(t)
    defer { popRoots(to: keep) }
    let first = try newFloat(x)
    tupleItems(t)[0] = first
    if let y = y {
        tupleItems(t)[1] = y
    } else {
        let f = try newFloat(yd)
        tupleItems(t)[1] = f
    }
    return t
}

enum ModuleMath {
    static let pi = 3.14159265358979323846

    static func register() {
        registerModule("math") { ModuleMath.table() }
        registerModule("cmath") { ModuleMath.cmathTable() }
    }

    static func table() -> [(String, ModuleEntry)] {
        [
            ("e", .value(romFloat(M_E))),
            ("pi", .value(romFloat(pi))),
            ("tau", .value(romFloat(2 * pi))),
            ("inf", .value(romFloat(Double.infinity))),
            ("nan", .value(romFloat(Double.nan))),
            math1("sqrt") { Glibc.sqrt($0) },
            math2("pow") { x, y in
                // as MICROPY_PY_MATH_POW_FIX_NAN: pow(1, nan) and pow(nan, 0) are 1
                if x == 1 || y == 0 { return 1 }
                return Glibc.pow(x, y)
            },
            math1("exp") { Glibc.exp($0) },
            math1("expm1") { Glibc.expm1($0) },
            ("log", .function(fn("log", 1, 2) { a in
                let x = try mathArg(a[0])
                if x <= 0 { throw mathDomainError() }
                let l = Glibc.log(x)
                if a.count == 1 { return try newFloat(l) }
                let base = try mathArg(a[1])
                if base <= 0 { throw mathDomainError() }
                if base == 1 { throw pyErr(.ZeroDivisionError, "divide by zero") }
                return try newFloat(l / Glibc.log(base))
            })),
            math1("log2") { Glibc.log2($0) },
            math1("log10") { Glibc.log10($0) },
            math1("cosh") { Glibc.cosh($0) },
            math1("sinh") { Glibc.sinh($0) },
            math1("tanh") { Glibc.tanh($0) },
            math1("acosh") { Glibc.acosh($0) },
            math1("asinh") { Glibc.asinh($0) },
            math1("atanh") { Glibc.atanh($0) },
            math1("cos") { Glibc.cos($0) },
            math1("sin") { Glibc.sin($0) },
            math1("tan") { Glibc.tan($0) },
            math1("acos") { Glibc.acos($0) },
            math1("asin") { Glibc.asin($0) },
            math1("atan") { Glibc.atan($0) },
            math2("atan2") { Glibc.atan2($0, $1) },
            mathToInt("ceil") { $0.rounded(.up) },
            math2("copysign") { Glibc.copysign($0, $1) },
            math1("fabs") { Swift.abs($0) },
            mathToInt("floor") { $0.rounded(.down) },
            math2("fmod") { x, y in
                // as MICROPY_PY_MATH_FMOD_FIX_INFNAN: fmod(finite, inf) is x
                if !x.isInfinite && y.isInfinite { return x }
                return Glibc.fmod(x, y)
            },
            ("frexp", .function(fn("frexp", 1) { a in
                let (m, e) = frexpDouble(try mathArg(a[0]))
                return try pair(m, Obj(small: e))
            })),
            ("ldexp", .function(fn("ldexp", 2) { a in
                let x = try mathArg(a[0])
                let e = try intToInt(a[1])
                let ec = Swift.max(-100_000, Swift.min(100_000, e))
                return try newFloat(Glibc.scalbn(x, Int32(ec)))
            })),
            ("modf", .function(fn("modf", 1) { a in
                let x = try mathArg(a[0])
                if x.isInfinite { return try pair(Glibc.copysign(0, x), nil, x) }
                let ip = x.rounded(.towardZero)
                let frac = Glibc.copysign(x - ip, x)
                return try pair(frac, nil, ip)
            })),
            mathBool("isfinite") { $0.isFinite },
            mathBool("isinf") { $0.isInfinite },
            mathBool("isnan") { $0.isNaN },
            ("isclose", .function(fn("isclose", 2, 2, kw: true) { a in
                let x = try mathArg(a[0]), y = try mathArg(a[1])
                var relTol = 1e-9, absTol = 0.0
                if let r = a.kw("rel_tol") { relTol = try mathArg(r) }
                if let t = a.kw("abs_tol") { absTol = try mathArg(t) }
                if a.kwCount > (a.kw("rel_tol") == nil ? 0 : 1) + (a.kw("abs_tol") == nil ? 0 : 1) {
                    throw typeError("unexpected keyword argument")
                }
                if relTol < 0 || absTol < 0 { throw mathDomainError() }
                if x == y { return .true }
                let diff = Swift.abs(x - y)
                if diff.isInfinite { return .false }
                return .bool(diff <= absTol || diff <= Swift.abs(relTol * x) || diff <= Swift.abs(relTol * y))
            })),
            mathToInt("trunc") { $0.rounded(.towardZero) },
            ("radians", .function(fn("radians", 1) { a in try newFloat(try mathArg(a[0]) * (pi / 180.0)) })),
            ("degrees", .function(fn("degrees", 1) { a in try newFloat(try mathArg(a[0]) * (180.0 / pi)) })),
            ("factorial", .function(fn("factorial", 1) { a in
                if a[0].isType(.float) { throw typeError("can't convert float to int") }
                let n = try intToInt(a[0])
                if n < 0 { throw valueError("negative factorial") }
                if n <= 1 { return Obj(small: 1) }
                if n > 100_000 { throw pyErr(.MemoryError) }
                return try newInt(factorialRange(1, n))
            })),
            math1("erf") { Glibc.erf($0) },
            math1("erfc") { Glibc.erfc($0) },
            math1("gamma") { x in
                // as MICROPY_PY_MATH_GAMMA_FIX_NEGINF: gamma(-inf) is a domain error
                if x == -Double.infinity { return Double.nan }
                return Glibc.tgamma(x)
            },
            math1("lgamma") { Glibc.lgamma($0) },
        ]
    }

    // MARK: cmath

    private static func complexArg(_ o: Obj) throws -> (Double, Double) {
        if o.isType(.complex) { return complexValue(o) }
        return (try mathArg(o), 0)
    }

    private static func cfun(_ name: String, _ f: @escaping (Double, Double) -> (Double, Double)) -> (String, ModuleEntry) {
        (name, .function(fn(name, 1) { a in
            let (re, im) = try complexArg(a[0])
            let (r, i) = f(re, im)
            return try newComplex(r, i)
        }))
    }

    static func cmathTable() -> [(String, ModuleEntry)] {
        [
            ("e", .value(romFloat(M_E))),
            ("pi", .value(romFloat(pi))),
            ("phase", .function(fn("phase", 1) { a in
                let (re, im) = try complexArg(a[0])
                return try newFloat(Glibc.atan2(im, re))
            })),
            ("polar", .function(fn("polar", 1) { a in
                let (re, im) = try complexArg(a[0])
                return try pair(Glibc.sqrt(re * re + im * im), nil, Glibc.atan2(im, re))
            })),
            ("rect", .function(fn("rect", 2) { a in
                let r = try mathArg(a[0]), phi = try mathArg(a[1])
                return try newComplex(r * Glibc.cos(phi), r * Glibc.sin(phi))
            })),
            cfun("exp") { re, im in
                let e = Glibc.exp(re)
                return (e * Glibc.cos(im), e * Glibc.sin(im))
            },
            cfun("log") { re, im in (0.5 * Glibc.log(re * re + im * im), Glibc.atan2(im, re)) },
            cfun("log10") { re, im in (0.5 * Glibc.log10(re * re + im * im), 0.4342944819032518 * Glibc.atan2(im, re)) },
            cfun("sqrt") { re, im in
                let sqrtAbs = Glibc.pow(re * re + im * im, 0.25)
                let theta = 0.5 * Glibc.atan2(im, re)
                return (sqrtAbs * Glibc.cos(theta), sqrtAbs * Glibc.sin(theta))
            },
            cfun("cos") { re, im in (Glibc.cos(re) * Glibc.cosh(im), -Glibc.sin(re) * Glibc.sinh(im)) },
            cfun("sin") { re, im in (Glibc.sin(re) * Glibc.cosh(im), Glibc.cos(re) * Glibc.sinh(im)) },
        ]
    }
}
