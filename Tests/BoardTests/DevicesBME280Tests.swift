import Testing
@testable import Board

/// What a MicroPython BME280 driver does, written from the Bosch datasheet (section 4.2.3) and
/// the register map, independently of the model's own `BME280Calibration`.
struct DriverSideBME280 {
    let bus: I2CBus
    let addr: UInt8
    var T1 = 0, T2 = 0, T3 = 0, P1 = 0, P2 = 0, P3 = 0, P4 = 0, P5 = 0, P6 = 0, P7 = 0, P8 = 0, P9 = 0
    var H1 = 0, H2 = 0, H3 = 0, H4 = 0, H5 = 0, H6 = 0

    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func s16(_ b: [UInt8], _ i: Int) -> Int { let v = u16(b, i); return v >= 0x8000 ? v - 0x10000 : v }
    static func s8(_ v: UInt8) -> Int { Int(Int8(bitPattern: v)) }

    init(bus: I2CBus, addr: UInt8) throws {
        self.bus = bus
        self.addr = addr
        // readfrom_mem(addr, 0x88, 26) and readfrom_mem(addr, 0xE1, 7), unpacked "<HhhHhhhhhhhhBB" / "<hBbhb".
        let a = try bus.readFromMem(addr, 0x88, 26)
        T1 = Self.u16(a, 0); T2 = Self.s16(a, 2); T3 = Self.s16(a, 4)
        P1 = Self.u16(a, 6); P2 = Self.s16(a, 8); P3 = Self.s16(a, 10); P4 = Self.s16(a, 12)
        P5 = Self.s16(a, 14); P6 = Self.s16(a, 16); P7 = Self.s16(a, 18); P8 = Self.s16(a, 20); P9 = Self.s16(a, 22)
        H1 = Int(a[25])
        let e = try bus.readFromMem(addr, 0xE1, 7)
        H2 = Self.s16(e, 0); H3 = Int(e[2])
        H4 = Self.s8(e[3]) * 16 + Int(e[4] & 0x0F)
        H5 = Self.s8(e[5]) * 16 + Int(e[4] >> 4)
        H6 = Self.s8(e[6])
    }

    /// Forced measurement with oversampling `os` on every channel; polls the measuring bit,
    /// advancing the manual clock as `time.sleep_ms(5)` would, then a burst read of 0xF7...0xFE.
    func readRaw(clock: ManualClock, os: UInt8 = 1) throws -> (t: Int, p: Int, h: Int) {
        try bus.writeToMem(addr, 0xF2, [os])
        try bus.writeToMem(addr, 0xF4, [os << 5 | os << 2 | 1])
        var polls = 0
        while try bus.readFromMem(addr, 0xF3, 1)[0] & 0x08 != 0 {
            clock.t += 0.005
            polls += 1
            if polls > 100 { throw I2CBusError.dataNACK(address: addr, acked: -1) }
        }
        let r = try bus.readFromMem(addr, 0xF7, 8)
        let p = (Int(r[0]) << 16 | Int(r[1]) << 8 | Int(r[2])) >> 4
        let t = (Int(r[3]) << 16 | Int(r[4]) << 8 | Int(r[5])) >> 4
        let h = Int(r[6]) << 8 | Int(r[7])
        return (t, p, h)
    }

    /// Datasheet integer formulas: (0.01 °C, t_fine), Pa·256, %RH·1024.
    func compensateInt(_ raw: (t: Int, p: Int, h: Int)) -> (Int, Int, Int) {
        let adcT = raw.t
        let var1 = (((adcT >> 3) - (T1 << 1)) * T2) >> 11
        let var2 = (((((adcT >> 4) - T1) * ((adcT >> 4) - T1)) >> 12) * T3) >> 14
        let tFine = var1 + var2
        let temp = (tFine * 5 + 128) >> 8

        var v1 = tFine - 128000
        var v2 = v1 * v1 * P6
        v2 = v2 + ((v1 * P5) << 17)
        v2 = v2 + (P4 << 35)
        v1 = ((v1 * v1 * P3) >> 8) + ((v1 * P2) << 12)
        v1 = (((1 << 47) + v1) * P1) >> 33
        var p = 1048576 - raw.p
        // C's signed division truncates toward zero.
        let num = ((p << 31) - v2) * 3125
        p = num / v1
        v1 = (P9 * (p >> 13) * (p >> 13)) >> 25
        v2 = (P8 * p) >> 19
        let press = ((p + v1 + v2) >> 8) + (P7 << 4)

        var h = tFine - 76800
        h = ((((raw.h << 14) - (H4 << 20) - (H5 * h)) + 16384) >> 15)
            * (((((((h * H6) >> 10) * (((h * H3) >> 11) + 32768)) >> 10) + 2097152) * H2 + 8192) >> 14)
        h = h - (((((h >> 15) * (h >> 15)) >> 7) * H1) >> 4)
        h = max(0, min(419430400, h))
        return (temp, press, h >> 12)
    }

    /// Datasheet floating-point formulas (section 8.1), as robert-hh's bme280_float does.
    func compensateFloat(_ raw: (t: Int, p: Int, h: Int)) -> (Double, Double, Double) {
        let rt = Double(raw.t), rp = Double(raw.p), rh = Double(raw.h)
        let var1 = (rt / 16384 - Double(T1) / 1024) * Double(T2)
        var var2 = rt / 131072 - Double(T1) / 8192
        var2 = var2 * var2 * Double(T3)
        let tFine = (var1 + var2).rounded(.towardZero)
        let temp = (var1 + var2) / 5120

        var p1 = tFine / 2 - 64000
        var p2 = p1 * p1 * Double(P6) / 32768 + p1 * Double(P5) * 2
        p2 = p2 / 4 + Double(P4) * 65536
        p1 = (Double(P3) * p1 * p1 / 524288 + Double(P2) * p1) / 524288
        p1 = (1 + p1 / 32768) * Double(P1)
        var p = (1048576 - rp - p2 / 4096) * 6250 / p1
        let q1 = Double(P9) * p * p / 2147483648
        let q2 = p * Double(P8) / 32768
        p = p + (q1 + q2 + Double(P7)) / 16

        var h = tFine - 76800
        h = (rh - (Double(H4) * 64 + Double(H5) / 16384 * h))
            * (Double(H2) / 65536 * (1 + Double(H6) / 67108864 * h * (1 + Double(H3) / 67108864 * h)))
        h = h * (1 - Double(H1) * h / 524288)
        return (temp, p, h)
    }
}

@Suite struct DevicesBME280Tests {
    func setup(_ variant: BME280.Variant = .bme280) throws -> (I2CBus, BME280, ManualClock) {
        let clock = ManualClock()
        let bus = I2CBus(name: "i2c2")
        let dev = BME280(address: 0x76, variant: variant, clock: clock.closure)
        try bus.attach(dev)
        return (bus, dev, clock)
    }

    @Test func chipIDs() throws {
        let (bus, _, _) = try setup()
        #expect(try bus.readFromMem(0x76, 0xD0, 1) == [0x60])
        let (bus2, _, _) = try setup(.bmp280)
        #expect(try bus2.readFromMem(0x76, 0xD0, 1) == [0x58])
    }

    @Test(arguments: [
        (23.45, 100_000.0, 45.5), (-12.34, 95_123.0, 12.3), (0.0, 101_325.0, 99.0),
        (41.07, 80_500.0, 63.2), (84.5, 108_000.0, 3.5), (-39.5, 31_000.0, 0.5),
    ])
    func compensationRoundTrip(_ values: (Double, Double, Double)) throws {
        let (bus, dev, clock) = try setup()
        try dev.set("temperature", values.0)
        try dev.set("pressure", values.1)
        try dev.set("humidity", values.2)
        let driver = try DriverSideBME280(bus: bus, addr: 0x76)
        let raw = try driver.readRaw(clock: clock)
        let (t, p, h) = driver.compensateInt(raw)
        #expect(abs(Double(t) / 100 - values.0) <= 0.01)
        #expect(abs(Double(p) / 256 - values.1) <= 1)
        #expect(abs(Double(h) / 1024 - values.2) <= 0.1)
        let (tf, pf, hf) = driver.compensateFloat(raw)
        #expect(abs(tf - values.0) <= 0.01)
        #expect(abs(pf - values.1) <= 1)
        #expect(abs(hf - values.2) <= 0.1)
    }

    @Test func forcedModeTimingAndSleepAfterwards() throws {
        let (bus, dev, clock) = try setup()
        try dev.set("temperature", 30)
        // Before any measurement the data registers hold the reset value 0x80000.
        #expect(try bus.readFromMem(0x76, 0xFA, 3) == [0x80, 0x00, 0x00])
        try bus.writeToMem(0x76, 0xF2, [0x01])
        try bus.writeToMem(0x76, 0xF4, [0b001_001_01])  // x1, x1, forced
        #expect(try bus.readFromMem(0x76, 0xF3, 1)[0] & 0x08 == 0x08)
        // Typical time at x1/x1/x1: 1 + 2 + 2.5 + 2.5 = 8 ms.
        clock.t += 0.0079
        #expect(try bus.readFromMem(0x76, 0xF3, 1)[0] & 0x08 == 0x08)
        #expect(try bus.readFromMem(0x76, 0xFA, 3) == [0x80, 0x00, 0x00])
        clock.t += 0.0002
        #expect(try bus.readFromMem(0x76, 0xF3, 1)[0] & 0x08 == 0)
        #expect(try bus.readFromMem(0x76, 0xF4, 1)[0] & 0x03 == 0)  // back in sleep mode
        #expect(try bus.readFromMem(0x76, 0xFA, 3) != [0x80, 0x00, 0x00])
    }

    @Test func normalModeUpdatesAndSkippedChannelsReadReset() throws {
        let (bus, dev, clock) = try setup()
        try bus.writeToMem(0x76, 0xF5, [0b000_000_00])      // 0.5 ms standby, filter off
        try bus.writeToMem(0x76, 0xF4, [0b001_000_11])      // temperature only, normal mode
        clock.t += 0.01
        let driver = try DriverSideBME280(bus: bus, addr: 0x76)
        var r = try bus.readFromMem(0x76, 0xF7, 8)
        #expect(Array(r[0..<3]) == [0x80, 0, 0])            // pressure skipped
        #expect(Array(r[6..<8]) == [0x80, 0])               // humidity skipped (ctrl_hum = 0)
        try dev.set("temperature", -5.25)
        clock.t += 0.01
        r = try bus.readFromMem(0x76, 0xF7, 8)
        let t = (Int(r[3]) << 16 | Int(r[4]) << 8 | Int(r[5])) >> 4
        #expect(abs(Double(driver.compensateInt((t, 0x80000, 0x8000)).0) / 100 + 5.25) <= 0.01)
        #expect(try bus.readFromMem(0x76, 0xF4, 1) == [0b001_000_11])
    }

    @Test func ctrlHumTakesEffectAtCtrlMeasWrite() throws {
        let (bus, _, clock) = try setup()
        try bus.writeToMem(0x76, 0xF4, [0b001_001_11])  // normal mode, humidity off
        clock.t += 0.02
        #expect(try bus.readFromMem(0x76, 0xFD, 2) == [0x80, 0x00])
        try bus.writeToMem(0x76, 0xF2, [0x01])
        #expect(try bus.readFromMem(0x76, 0xF2, 1) == [0x01])
        clock.t += 0.02
        #expect(try bus.readFromMem(0x76, 0xFD, 2) == [0x80, 0x00])  // not yet
        try bus.writeToMem(0x76, 0xF4, [0b001_001_11])
        clock.t += 0.02
        #expect(try bus.readFromMem(0x76, 0xFD, 2) != [0x80, 0x00])
    }

    @Test func writesArePairsAndSoftResetClearsControl() throws {
        let (bus, _, _) = try setup()
        // One transaction: F4 <- 0x24, F5 <- 0xA0 (register/value pairs).
        try bus.writeTo(0x76, [0xF4, 0x24, 0xF5, 0xA0])
        #expect(try bus.readFromMem(0x76, 0xF4, 2) == [0x24, 0xA0])
        try bus.writeToMem(0x76, 0xE0, [0xB6])
        #expect(try bus.readFromMem(0x76, 0xF4, 2) == [0, 0])
    }

    @Test func bmp280HasNoHumidity() throws {
        let (bus, dev, clock) = try setup(.bmp280)
        #expect(dev.settings["humidity"] == nil)
        #expect(throws: SensorSettingError.self) { try dev.set("humidity", 50) }
        try bus.writeToMem(0x76, 0xF4, [0b001_001_01])
        clock.t += 0.01
        #expect(try bus.readFromMem(0x76, 0xFD, 2) == [0, 0])
    }

    @Test func settingsAreValidated() throws {
        let (_, dev, _) = try setup()
        #expect(throws: SensorSettingError.outOfRange("temperature", 200, -40...85)) { try dev.set("temperature", 200) }
        #expect(throws: SensorSettingError.self) { try dev.set("colour", 1) }
        #expect(throws: SensorSettingError.self) { try dev.set("pressure", .nan) }
        try dev.set("pressure", 99_000)
        #expect(dev.get("pressure") == 99_000)
    }

    @Test func iirFilterConvergesToAStep() throws {
        let (bus, dev, clock) = try setup()
        let driver = try DriverSideBME280(bus: bus, addr: 0x76)
        try bus.writeToMem(0x76, 0xF5, [0b000_100_00])  // filter coefficient 16
        try dev.set("temperature", 20)
        _ = try driver.readRaw(clock: clock)
        try dev.set("temperature", 30)
        let first = driver.compensateInt(try driver.readRaw(clock: clock)).0
        #expect(first > 2000 && first < 2200)  // one step of 1/16 towards 30 °C
        for _ in 0..<200 { _ = try driver.readRaw(clock: clock) }
        let settled = driver.compensateInt(try driver.readRaw(clock: clock)).0
        #expect(abs(settled - 3000) <= 1)
    }
}
