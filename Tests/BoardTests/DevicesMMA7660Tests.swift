import Testing
@testable import Board

@Suite struct DevicesMMA7660Tests {
    func setup() throws -> (I2CBus, MMA7660, ManualClock) {
        let clock = ManualClock()
        let bus = I2CBus(name: "i2c1")
        let acc = MMA7660(address: 0x4C, clock: clock.closure)
        try bus.attach(acc)
        return (bus, acc, clock)
    }

    /// What stm32 accel.c does: write [reg] without STOP, read one byte.
    func readAxis(_ bus: I2CBus, _ reg: UInt8) throws -> Int {
        try bus.writeTo(0x4C, [reg], stop: false)
        let v = try bus.readFrom(0x4C, 1)[0]
        return Int(v & 0x3F) - (v & 0x20 != 0 ? 64 : 0)
    }

    /// pyb.Accel(): power cycle AVDD, probe, MODE = 1, wait 30 ms.
    func startAccel(_ bus: I2CBus, _ acc: MMA7660, _ clock: ManualClock) throws {
        acc.powered = false
        clock.t += 0.03
        acc.powered = true
        clock.t += 0.03
        try bus.writeTo(0x4C, [])
        try bus.writeTo(0x4C, [7, 1])
        clock.t += 0.03
    }

    @Test func pybAccelSequenceReadsSetValues() throws {
        let (bus, acc, clock) = try setup()
        try acc.set("x", 0.5)
        try acc.set("y", -1.0)
        try acc.set("z", 1.5)
        try startAccel(bus, acc, clock)
        #expect(try readAxis(bus, 0) == 11)   // 0.5 g * 21.33 = 10.67
        #expect(try readAxis(bus, 1) == -21)
        #expect(try readAxis(bus, 2) == 31)   // saturates at +31
        acc.setRaw(x: -32, y: 5, z: 0)
        #expect(try readAxis(bus, 0) == -32)
        #expect(try readAxis(bus, 1) == 5)
        // filtered_xyz reads X, Y, Z in one transaction from register 0.
        try bus.writeTo(0x4C, [0], stop: false)
        let xyz = try bus.readFrom(0x4C, 3)
        #expect(xyz == [0x20, 0x05, 0x00])
    }

    @Test func unpoweredChipDoesNotAnswerAndResetsOnPowerUp() throws {
        let (bus, acc, clock) = try setup()
        try startAccel(bus, acc, clock)
        acc.powered = false
        #expect(bus.scan() == [])
        #expect(throws: I2CBusError.addressNACK(0x4C)) { try bus.writeTo(0x4C, [7, 1]) }
        acc.powered = true
        #expect(try bus.readFromMem(0x4C, 7, 1) == [0])  // back in standby
    }

    @Test func firstSampleNeedsOneSamplePeriod() throws {
        let (bus, acc, clock) = try setup()
        try acc.set("x", 1.0)
        try bus.writeTo(0x4C, [7, 1])
        #expect(try readAxis(bus, 0) == 0)   // 120 samples/s: nothing before 8.3 ms
        clock.t += 0.009
        #expect(try readAxis(bus, 0) == 21)
        // Standby keeps the last sample.
        try bus.writeTo(0x4C, [7, 0])
        try acc.set("x", -1.0)
        #expect(try readAxis(bus, 0) == 21)
    }

    @Test func configRegistersOnlyWritableInStandby() throws {
        let (bus, _, _) = try setup()
        try bus.writeTo(0x4C, [8, 0x03])
        #expect(try bus.readFromMem(0x4C, 8, 1) == [0x03])
        try bus.writeTo(0x4C, [7, 1])
        try bus.writeTo(0x4C, [8, 0x05])
        #expect(try bus.readFromMem(0x4C, 8, 1) == [0x03])
        #expect(try bus.readFromMem(0x4C, 4, 1) == [0x01])  // SRST: active sampling
        // The pointer wraps from 0x0A to 0x00.
        #expect(try bus.readFromMem(0x4C, 0x0A, 2).count == 2)
    }

    @Test func tiltRegister() throws {
        let (bus, acc, clock) = try setup()
        try startAccel(bus, acc, clock)
        func tilt() throws -> UInt8 { try bus.readFromMem(0x4C, 3, 1)[0] }
        acc.setRaw(x: 0, y: 0, z: 21)
        #expect(try tilt() == 0x01)                  // lying flat face up: Front, PoLa unknown
        acc.setRaw(x: 0, y: 0, z: -21)
        #expect(try tilt() == 0x02)                  // Back
        acc.setRaw(x: 20, y: 3, z: 2)
        #expect(try tilt() == 0b001 << 2)            // Left
        acc.setRaw(x: -20, y: 3, z: 2)
        #expect(try tilt() == 0b010 << 2)            // Right
        acc.setRaw(x: 1, y: -20, z: 2)
        #expect(try tilt() == 0b101 << 2)            // Down
        acc.setRaw(x: 1, y: 20, z: 2)
        #expect(try tilt() == 0b110 << 2)            // Up
        acc.tap()
        #expect(try tilt() & 0x20 == 0x20)
        #expect(try tilt() & 0x20 == 0)              // cleared by the read
    }

    @Test func alertBitForRetryLoops() throws {
        let (bus, acc, clock) = try setup()
        try startAccel(bus, acc, clock)
        acc.setRaw(x: 7, y: 0, z: 0)
        acc.injectAlerts(2)
        #expect(try bus.readFromMem(0x4C, 0, 1)[0] == 0x47)
        #expect(try bus.readFromMem(0x4C, 0, 1)[0] == 0x47)
        #expect(try bus.readFromMem(0x4C, 0, 1)[0] == 0x07)
    }

    @Test func settings() throws {
        let (_, acc, _) = try setup()
        #expect(acc.settings.keys.sorted() == ["x", "y", "z"])
        #expect(throws: SensorSettingError.self) { try acc.set("x", 2) }
        try acc.set("y", -0.25)
        #expect(acc.get("y") == -0.25)
        #expect(acc.get("w") == nil)
    }
}
