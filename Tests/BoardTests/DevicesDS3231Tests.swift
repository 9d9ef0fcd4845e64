import Testing
@testable import Board

@Suite struct DevicesDS3231Tests {
    func setup() throws -> (I2CBus, DS3231, ManualClock) {
        let clock = ManualClock()
        let bus = I2CBus(name: "i2c1")
        let rtc = DS3231(address: 0x68, clock: clock.closure)
        try bus.attach(rtc)
        return (bus, rtc, clock)
    }

    func bcd(_ v: Int) -> UInt8 { UInt8((v / 10) << 4 | v % 10) }
    func unbcd(_ b: UInt8) -> Int { Int(b >> 4) * 10 + Int(b & 0x0F) }

    @Test func setAndReadTimeInBCD() throws {
        let (bus, _, clock) = try setup()
        // 2024-02-28 23:59:58, weekday 3, as the ds3231 drivers write it: 7 bytes at 0x00.
        try bus.writeToMem(0x68, 0, [bcd(58), bcd(59), bcd(23), 3, bcd(28), bcd(2), bcd(24)])
        #expect(try bus.readFromMem(0x68, 0, 7) == [bcd(58), bcd(59), bcd(23), 3, bcd(28), bcd(2), bcd(24)])
        clock.t += 2.5
        // Leap year: the 29th follows, the weekday steps at midnight.
        #expect(try bus.readFromMem(0x68, 0, 7) == [bcd(0), bcd(0), bcd(0), 4, bcd(29), bcd(2), bcd(24)])
        clock.t += 86400
        #expect(try bus.readFromMem(0x68, 3, 4) == [5, bcd(1), bcd(3), bcd(24)])
    }

    @Test func centuryBitAndYearRollover() throws {
        let (bus, _, clock) = try setup()
        try bus.writeToMem(0x68, 0, [bcd(59), bcd(59), bcd(23), 7, bcd(31), bcd(12), bcd(99)])
        clock.t += 1
        let r = try bus.readFromMem(0x68, 0, 7)
        #expect(r[4] == bcd(1) && r[5] == 0x80 | bcd(1) && r[6] == 0)
    }

    @Test func twelveHourMode() throws {
        let (bus, rtc, _) = try setup()
        // 12-hour mode, PM, 11 o'clock = 23:00.
        try bus.writeToMem(0x68, 0, [0, bcd(30), 0x40 | 0x20 | bcd(11)])
        #expect(try bus.readFromMem(0x68, 2, 1) == [0x40 | 0x20 | bcd(11)])
        #expect(rtc.now.hour == 23 && rtc.now.minute == 30)
        // 12 AM is midnight.
        try bus.writeToMem(0x68, 2, [0x40 | bcd(12)])
        #expect(rtc.now.hour == 0)
        try bus.writeToMem(0x68, 2, [bcd(13)])  // back to 24-hour mode
        #expect(try bus.readFromMem(0x68, 2, 1) == [bcd(13)])
    }

    @Test func burstReadIsCoherentAcrossASecondBoundary() throws {
        let (bus, _, clock) = try setup()
        try bus.writeToMem(0x68, 0, [bcd(59), bcd(59), bcd(12)])
        clock.t += 0.5
        // Read seconds, then let time pass inside the same transaction before reading minutes.
        try bus.writeTo(0x68, [0], stop: false)
        #expect(bus.start(address: 0x68, read: true))
        let s = bus.readByte(ack: true)
        clock.t += 0.6
        let m = bus.readByte(ack: false)
        bus.stop()
        #expect(s == bcd(59) && m == bcd(59))
    }

    @Test func alarm1FiresOnMatchAndFlagClears() throws {
        let (bus, rtc, clock) = try setup()
        try bus.writeToMem(0x68, 0, [bcd(50), bcd(14), bcd(10), 1, bcd(1), bcd(6), bcd(25)])
        // Alarm 1 at hh:mm:ss = 10:15:05 (A1M4 set: any day).
        try bus.writeToMem(0x68, 7, [bcd(5), bcd(15), bcd(10), 0x80])
        try bus.writeToMem(0x68, 0x0E, [0x05])  // INTCN, A1IE
        try bus.writeToMem(0x68, 0x0F, [0x00])  // clear OSF
        clock.t += 10
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x01 == 0)
        #expect(!rtc.interruptAsserted)
        clock.t += 6
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x01 == 1)
        #expect(rtc.interruptAsserted)
        try bus.writeToMem(0x68, 0x0F, [0x00])
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x01 == 0)
        // A day later it has matched again (hours/minutes/seconds match daily).
        clock.t += 86400
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x01 == 1)
    }

    @Test func alarm2OncePerMinuteAndDayOfWeekMatch() throws {
        let (bus, _, clock) = try setup()
        try bus.writeToMem(0x68, 0, [bcd(30), bcd(0), bcd(8), 2, bcd(3), bcd(3), bcd(25)])
        try bus.writeToMem(0x68, 0x0B, [0x80, 0x80, 0x80])  // every minute
        clock.t += 29
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x02 == 0)
        clock.t += 1
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x02 == 0x02)
        // Day-of-week match: day 4 at 09:00.
        try bus.writeToMem(0x68, 0x0F, [0])
        try bus.writeToMem(0x68, 0x0B, [bcd(0), bcd(9), 0x40 | 4])
        clock.t += 86400  // day 3, 08:01: no
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x02 == 0)
        clock.t += 86400  // day 4, 08:01... 09:00 has not come yet
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x02 == 0)
        clock.t += 3600
        #expect(try bus.readFromMem(0x68, 0x0F, 1)[0] & 0x02 == 0x02)
    }

    @Test func temperatureRegistersAndConversion() throws {
        let (bus, rtc, clock) = try setup()
        try rtc.set("temperature", -3.25)
        let r = try bus.readFromMem(0x68, 0x11, 2)
        let q = Int(Int8(bitPattern: r[0])) * 4 + Int(r[1] >> 6)
        #expect(Double(q) / 4 == -3.25)
        try rtc.set("temperature", 21.75)
        #expect(try bus.readFromMem(0x68, 0x11, 2) == [21, 0xC0])
        // CONV: the bit and BSY stay set during the conversion.
        try bus.writeToMem(0x68, 0x0E, [0x1C | 0x20])
        #expect(try bus.readFromMem(0x68, 0x0E, 2) == [0x3C, 0x88 | 0x04])
        clock.t += 0.25
        #expect(try bus.readFromMem(0x68, 0x0E, 2) == [0x1C, 0x88])
        #expect(throws: SensorSettingError.self) { try rtc.set("temperature", 300) }
    }

    @Test func pointerWrapsAfterTemperatureRegisters() throws {
        let (bus, _, _) = try setup()
        try bus.writeToMem(0x68, 0, [bcd(42)])
        let r = try bus.readFromMem(0x68, 0x12, 2)
        #expect(r[1] == bcd(42))
    }
}
