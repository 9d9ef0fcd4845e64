// Trimming parameters of a Bosch BME280/BMP280 and the datasheet's integer compensation
// formulas (BME280 datasheet 4.2.3: 32-bit temperature, 64-bit pressure, 32-bit humidity), run
// forwards to check and backwards (by bisection) to find the raw ADC words that a driver turns
// back into the temperature, pressure and humidity being simulated.

public struct BME280Calibration: Equatable {
    public var t1: UInt16, t2: Int16, t3: Int16
    public var p1: UInt16, p2: Int16, p3: Int16, p4: Int16, p5: Int16, p6: Int16, p7: Int16, p8: Int16, p9: Int16
    public var h1: UInt8, h2: Int16, h3: UInt8, h4: Int16, h5: Int16, h6: Int8

    /// Values typical of real parts (the temperature/pressure set is the datasheet's worked example).
    public static let typical = BME280Calibration(
        t1: 27504, t2: 26435, t3: -1000,
        p1: 36477, p2: -10685, p3: 3024, p4: 2855, p5: 140, p6: -7, p7: 15500, p8: -14600, p9: 6000,
        h1: 75, h2: 362, h3: 0, h4: 313, h5: 50, h6: 30)

    /// Registers 0x88...0xA1 (26 bytes: T1..P9 little-endian, 0xA0 unused, H1).
    public var block88: [UInt8] {
        var b: [UInt8] = []
        func le(_ v: UInt16) { b.append(UInt8(v & 0xFF)); b.append(UInt8(v >> 8)) }
        le(t1); le(UInt16(bitPattern: t2)); le(UInt16(bitPattern: t3))
        le(p1)
        for p in [p2, p3, p4, p5, p6, p7, p8, p9] { le(UInt16(bitPattern: p)) }
        b.append(0)  // 0xA0
        b.append(h1)
        return b
    }

    /// Registers 0xE1...0xE7 (H2 LE, H3, H4/H5 as 12-bit values sharing 0xE5, H6).
    public var blockE1: [UInt8] {
        let h2u = UInt16(bitPattern: h2)
        let h4u = UInt16(bitPattern: h4) & 0x0FFF, h5u = UInt16(bitPattern: h5) & 0x0FFF
        return [UInt8(h2u & 0xFF), UInt8(h2u >> 8), h3,
                UInt8(h4u >> 4), UInt8((h4u & 0x0F) | ((h5u & 0x0F) << 4)), UInt8(h5u >> 4),
                UInt8(bitPattern: h6)]
    }

    // MARK: forward formulas (wrapping arithmetic: garbage in never traps)

    /// Returns (temperature in 0.01 °C, t_fine).
    public func compensateT(_ adcT: Int32) -> (Int32, Int32) {
        let a = Int64(adcT), t1 = Int64(self.t1), t2 = Int64(self.t2), t3 = Int64(self.t3)
        let var1 = (((a >> 3) &- (t1 << 1)) &* t2) >> 11
        let d = (a >> 4) &- t1
        let var2 = (((d &* d) >> 12) &* t3) >> 14
        let tFine = Int32(truncatingIfNeeded: var1 &+ var2)
        return (Int32(truncatingIfNeeded: (Int64(tFine) &* 5 &+ 128) >> 8), tFine)
    }

    /// Pressure in Pa as Q24.8.
    public func compensateP(_ adcP: Int32, tFine: Int32) -> UInt32 {
        var var1 = Int64(tFine) &- 128000
        var var2 = var1 &* var1 &* Int64(p6)
        var2 = var2 &+ ((var1 &* Int64(p5)) << 17)
        var2 = var2 &+ (Int64(p4) << 35)
        var1 = ((var1 &* var1 &* Int64(p3)) >> 8) &+ ((var1 &* Int64(p2)) << 12)
        var1 = (((Int64(1) << 47) &+ var1) &* Int64(p1)) >> 33
        if var1 == 0 { return 0 }
        var p = 1048576 &- Int64(adcP)
        p = (((p << 31) &- var2) &* 3125).dividedReportingOverflow(by: var1).partialValue
        var1 = (Int64(p9) &* (p >> 13) &* (p >> 13)) >> 25
        var2 = (Int64(p8) &* p) >> 19
        p = ((p &+ var1 &+ var2) >> 8) &+ (Int64(p7) << 4)
        return UInt32(truncatingIfNeeded: p)
    }

    /// Relative humidity in %RH as Q22.10.
    public func compensateH(_ adcH: Int32, tFine: Int32) -> UInt32 {
        let h1 = Int64(self.h1), h2 = Int64(self.h2), h3 = Int64(self.h3)
        let h4 = Int64(self.h4), h5 = Int64(self.h5), h6 = Int64(self.h6)
        var v = Int64(tFine) &- 76800
        let a = ((((Int64(adcH) << 14) &- (h4 << 20) &- (h5 &* v)) &+ 16384) >> 15)
        let b = ((((((v &* h6) >> 10) &* (((v &* h3) >> 11) &+ 32768)) >> 10) &+ 2097152) &* h2 &+ 8192) >> 14
        v = a &* b
        v = v &- (((((v >> 15) &* (v >> 15)) >> 7) &* h1) >> 4)
        v = max(0, min(419430400, v))
        return UInt32(v >> 12)
    }

    // MARK: inverse (bisection over the ADC range; each formula is monotonic there)

    /// The 20-bit ADC temperature word whose t_fine (°C · 5120, the finest value the formulas
    /// carry) is nearest `celsius`, so both the integer and the floating-point formulas return it.
    public func rawTemperature(_ celsius: Double) -> Int32 {
        let target = Int64((celsius * 5120).rounded())
        return nearest(0, 0xFFFFF, increasing: true, target: target) { Int64(compensateT($0).1) }
    }

    public func rawPressure(_ pascal: Double, tFine: Int32) -> Int32 {
        let target = Int64((pascal * 256).rounded())
        return nearest(0, 0xFFFFF, increasing: false, target: target) { Int64(compensateP($0, tFine: tFine)) }
    }

    public func rawHumidity(_ percent: Double, tFine: Int32) -> Int32 {
        let target = Int64((percent * 1024).rounded())
        return nearest(0, 0xFFFF, increasing: true, target: target) { Int64(compensateH($0, tFine: tFine)) }
    }

    private func nearest(_ lo0: Int32, _ hi0: Int32, increasing: Bool, target: Int64, _ f: (Int32) -> Int64) -> Int32 {
        // First ADC word whose output has reached the target (in the direction of growth).
        var lo = lo0, hi = hi0
        func reached(_ x: Int32) -> Bool { increasing ? f(x) >= target : f(x) <= target }
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if reached(mid) { hi = mid } else { lo = mid + 1 }
        }
        if lo > lo0 && abs(f(lo - 1) - target) < abs(f(lo) - target) { return lo - 1 }
        return lo
    }
}
