import Testing
@testable import Board

@Suite struct DevicesEEPROMTests {
    func setup() throws -> (I2CBus, EEPROM24LC256, ManualClock) {
        let clock = ManualClock()
        let bus = I2CBus(name: "i2c1")
        let rom = EEPROM24LC256(address: 0x50, clock: clock.closure)
        try bus.attach(rom)
        return (bus, rom, clock)
    }

    @Test func erasedChipReadsFF() throws {
        let (bus, _, _) = try setup()
        #expect(try bus.readFromMem(0x50, 0x1234, 4, addrsize: 16) == [0xFF, 0xFF, 0xFF, 0xFF])
    }

    @Test func writeThenBusyThenReadBack() throws {
        let (bus, _, clock) = try setup()
        let data: [UInt8] = Array(0..<10)
        try bus.writeToMem(0x50, 0x0100, data, addrsize: 16)
        // The write cycle: the chip NACKs its address (ACK polling) until 5 ms have passed.
        #expect(throws: I2CBusError.addressNACK(0x50)) { _ = try bus.readFromMem(0x50, 0x0100, 10, addrsize: 16) }
        #expect(!bus.scan().contains(0x50))
        clock.t += 0.004
        #expect(!bus.scan().contains(0x50))
        clock.t += 0.0011
        #expect(bus.scan() == [0x50])
        #expect(try bus.readFromMem(0x50, 0x0100, 10, addrsize: 16) == data)
    }

    @Test func pageWriteWrapsInsideThe64BytePage() throws {
        let (bus, rom, clock) = try setup()
        // 70 bytes from offset 60 of page 0x0200: bytes 0..3 land at 60..63, byte 4 wraps to
        // offset 0, and the last bytes overwrite the page start.
        let data: [UInt8] = (0..<70).map { UInt8($0 + 1) }
        try bus.writeToMem(0x50, 0x0200 + 60, data, addrsize: 16)
        clock.t += 0.01
        var expected = [UInt8](repeating: 0xFF, count: 64)
        for (i, v) in data.enumerated() { expected[(60 + i) % 64] = v }
        #expect(Array(rom.memory[0x200..<0x240]) == expected)
        #expect(rom.memory[0x240] == 0xFF && rom.memory[0x1FF] == 0xFF)  // neighbours untouched
    }

    @Test func sequentialReadRollsOverTheWholeArray() throws {
        let (bus, rom, _) = try setup()
        rom.load([1, 2], at: 0x7FFE)
        rom.load([3], at: 0)
        #expect(try bus.readFromMem(0x50, 0x7FFE, 3, addrsize: 16) == [1, 2, 3])
        // Current-address read continues after the last byte read.
        #expect(try bus.readFrom(0x50, 1) == [rom.memory[1]])
    }

    @Test func addressOnlyWriteStartsNoCycleAndTopBitIsIgnored() throws {
        let (bus, rom, _) = try setup()
        rom.load([0x5A], at: 0x0123)
        try bus.writeTo(0x50, [0x81, 0x23])  // 0x8123: bit 15 is don't-care
        #expect(bus.scan() == [0x50])       // no write cycle
        #expect(try bus.readFrom(0x50, 1) == [0x5A])
    }

    @Test func writeProtectKeepsContents() throws {
        let (bus, rom, _) = try setup()
        rom.writeProtected = true
        try bus.writeToMem(0x50, 0, [1, 2, 3], addrsize: 16)
        #expect(bus.scan() == [0x50])
        #expect(Array(rom.memory[0..<3]) == [0xFF, 0xFF, 0xFF])
    }

    @Test func driverStyleWriteWithSleepsWorks() throws {
        // micropython-lib's eeprom driver: a partial first page, then full pages, 5 ms apart.
        let (bus, rom, clock) = try setup()
        let buf: [UInt8] = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var addr = 100
        let offset = addr % 64
        var partial = 0
        if offset > 0 {
            partial = 64 - offset
            try bus.writeToMem(0x50, addr, Array(buf[0..<partial]), addrsize: 16)
            clock.t += 0.005
            addr += partial
        }
        for i in stride(from: partial, to: buf.count, by: 64) {
            try bus.writeToMem(0x50, addr + i - partial, Array(buf[i..<min(buf.count, i + 64)]), addrsize: 16)
            clock.t += 0.005
        }
        #expect(Array(rom.memory[100..<300]) == buf)
        #expect(try bus.readFromMem(0x50, 100, 200, addrsize: 16) == buf)
    }
}
