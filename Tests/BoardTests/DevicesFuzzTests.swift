import Testing
@testable import Board

/// Random bus traffic into every device model: garbage must never trap the host. Each run is
/// seeded, so a failure reproduces. After the garbage, each device must still do its job.
@Suite struct DevicesFuzzTests {
    static let seeds: [UInt64] = [1, 2, 3, 0xDEADBEEF, 0x5EED_0F_F022]

    /// Random START/write/read/STOP at the byte level, plus whole transfers.
    func hammer(_ bus: I2CBus, address: UInt8, clock: ManualClock, rng: inout SeededRNG, steps: Int = 4000) {
        for _ in 0..<steps {
            switch rng.next() % 8 {
            case 0: bus.start(address: address, read: rng.next() % 2 == 0)
            case 1, 2, 3: _ = bus.writeByte(UInt8.random(in: 0...255, using: &rng))
            case 4: _ = bus.readByte(ack: rng.next() % 4 != 0)
            case 5: bus.stop()
            case 6:
                let n = Int(rng.next() % 40)
                _ = try? bus.writeTo(address, (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }, stop: rng.next() % 3 != 0)
            default:
                _ = try? bus.readFrom(address, Int(rng.next() % 40))
                clock.t += Double(rng.next() % 1000) / 1000 * (rng.next() % 50 == 0 ? 100_000 : 0.01)
            }
        }
        bus.stop()
    }

    @Test(arguments: seeds)
    func i2cDevicesSurviveGarbage(seed: UInt64) throws {
        var rng = SeededRNG(seed: seed)
        let clock = ManualClock()
        let bus = I2CBus(name: "fuzz")
        let acc = MMA7660(address: 0x4C, clock: clock.closure)
        let rom = EEPROM24LC256(address: 0x50, clock: clock.closure)
        let bme = BME280(address: 0x76, clock: clock.closure)
        let bmp = BME280(address: 0x77, variant: .bmp280, clock: clock.closure)
        let rtc = DS3231(address: 0x68, clock: clock.closure)
        let oled = SSD1306I2C(address: 0x3C, controller: SSD1306Controller(clock: clock.closure))
        for d in [acc, rom, bme, bmp, rtc, oled] as [I2CDevice] { try bus.attach(d) }
        for addr: UInt8 in [0x4C, 0x50, 0x76, 0x77, 0x68, 0x3C, 0x11] {
            hammer(bus, address: addr, clock: clock, rng: &rng)
            _ = oled.controller.pixels()
            _ = rtc.interruptAsserted
        }
        // Every device still answers sensibly afterwards.
        clock.t += 1
        #expect(bus.scan() == [0x3C, 0x4C, 0x50, 0x68, 0x76, 0x77])
        try bus.writeToMem(0x76, 0xE0, [0xB6])
        #expect(try bus.readFromMem(0x76, 0xD0, 1) == [0x60])
        try bus.writeToMem(0x50, 0x10, [0x42], addrsize: 16)
        clock.t += 0.01
        #expect(try bus.readFromMem(0x50, 0x10, 1, addrsize: 16) == [0x42])
        try bus.writeToMem(0x68, 0, [0x00, 0x00, 0x12, 1, 0x01, 0x01, 0x30])
        #expect(rtc.now.year == 2030 && rtc.now.hour == 12)
    }

    @Test(arguments: seeds)
    func spiDevicesSurviveGarbage(seed: UInt64) throws {
        var rng = SeededRNG(seed: seed)
        let clock = ManualClock()
        let bus = SPIBus(name: "fuzz")
        let flash = SPIFlash(capacity: 1 << 20, jedecID: [0xEF, 0x40, 0x14], clock: clock.closure)
        let oled = SSD1306SPI(controller: SSD1306Controller(clock: clock.closure))
        try bus.attach(flash, chipSelect: "X5")
        try bus.attach(oled, chipSelect: "Y5")
        for _ in 0..<20_000 {
            switch rng.next() % 6 {
            case 0: bus.setChipSelect(rng.next() % 2 == 0 ? "X5" : "Y5", level: rng.next() % 2 == 0)
            case 1: oled.dataMode.toggle()
            case 2: oled.resetLine = rng.next() % 8 != 0
            case 3: clock.t += Double(rng.next() % 100) / 1000 * (rng.next() % 20 == 0 ? 100 : 1)
            default:
                let n = Int(rng.next() % 300)
                _ = bus.transfer((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) })
            }
        }
        _ = oled.controller.pixels()
        bus.setChipSelect("X5", level: true)
        bus.setChipSelect("Y5", level: true)
        oled.resetLine = true
        clock.t += 100
        // Power-up state may have changed (protection, power-down); release and clear it.
        _ = bus.transfer(cs: "X5", bytes: [0xAB])
        _ = bus.transfer(cs: "X5", bytes: [0x06])
        _ = bus.transfer(cs: "X5", bytes: [0x01, 0x00, 0x00])
        clock.t += 1
        #expect(bus.transfer(cs: "X5", bytes: [0x9F, 0, 0, 0]) == [0xFF, 0xEF, 0x40, 0x14])
        _ = bus.transfer(cs: "X5", bytes: [0x06])
        _ = bus.transfer(cs: "X5", bytes: [0x20, 0, 0, 0])
        clock.t += 1
        _ = bus.transfer(cs: "X5", bytes: [0x06])
        _ = bus.transfer(cs: "X5", bytes: [0x02, 0, 0, 5, 0xA5])
        clock.t += 1
        #expect(bus.transfer(cs: "X5", bytes: [0x03, 0, 0, 5, 0]).last == 0xA5)
    }

    @Test(arguments: seeds)
    func ssd1306CommandDecoderTakesAnyByteStream(seed: UInt64) {
        var rng = SeededRNG(seed: seed)
        let clock = ManualClock()
        let c = SSD1306Controller(clock: clock.closure)
        for i in 0..<50_000 {
            let b = UInt8.random(in: 0...255, using: &rng)
            if rng.next() % 3 == 0 { c.data(b) } else { c.command(b) }
            if i % 5000 == 0 {
                clock.t += Double(rng.next() % 10)
                #expect(c.pixels().count == 8192)
            }
        }
    }

    @Test func sensorSettingsRejectNonFiniteValues() {
        let clock = ManualClock()
        let sensors: [SettableSensor] = [MMA7660(clock: clock.closure), BME280(clock: clock.closure), DS3231(clock: clock.closure)]
        for s in sensors {
            for name in s.settings.keys {
                for bad in [Double.nan, .infinity, -.infinity, 1e300, -1e300] {
                    #expect(throws: SensorSettingError.self) { try s.set(name, bad) }
                }
            }
        }
    }
}
