import Testing
@testable import Board

@Suite struct DevicesBusTests {
    @Test func scanFindsAttachedDevicesOnly() throws {
        let bus = I2CBus(name: "i2c1")
        try bus.attach(ScratchRegisters(address: 0x20))
        try bus.attach(MMA7660(address: 0x4C))
        #expect(bus.scan() == [0x20, 0x4C])
        bus.detach(address: 0x20)
        #expect(bus.scan() == [0x4C])
        #expect(throws: I2CAttachError.addressInUse(0x4C)) { try bus.attach(MMA7660(address: 0x4C)) }
        #expect(throws: I2CAttachError.badAddress(0x90)) { try bus.attach(ScratchRegisters(address: 0x90)) }
    }

    @Test func addressNackIsENODEV() throws {
        let bus = I2CBus(name: "i2c1")
        do {
            try bus.writeTo(0x42, [1, 2])
            Issue.record("write to an empty address succeeded")
        } catch let e as I2CBusError {
            #expect(e == .addressNACK(0x42))
            #expect(e.errno == 19)
        }
        #expect(throws: I2CBusError.addressNACK(0x42)) { _ = try bus.readFrom(0x42, 3) }
        #expect(!bus.busy)
    }

    @Test func dataNackStopsWriteAndIsEIOWhenRequired() throws {
        let bus = I2CBus(name: "i2c1")
        // A device that ACKs two data bytes and NACKs the third.
        final class NackAfterTwo: I2CDevice {
            let address: UInt8 = 0x33
            var got: [UInt8] = []
            func start(read: Bool) -> Bool { got = []; return true }
            func write(_ byte: UInt8) -> Bool { got.append(byte); return got.count <= 2 }
            func read(ack: Bool) -> UInt8 { 0 }
            func stop() {}
        }
        let d = NackAfterTwo()
        try bus.attach(d)
        #expect(try bus.writeTo(0x33, [1, 2, 3, 4]) == 2)
        #expect(d.got == [1, 2, 3])  // the NACKed byte was sent, the rest were not
        #expect(throws: I2CBusError.dataNACK(address: 0x33, acked: 2)) {
            try bus.writeToMem(0x33, 0x01, [9, 9, 9])
        }
        #expect(I2CBusError.dataNACK(address: 0x33, acked: 2).errno == 5)
    }

    @Test func registerPointerAutoIncrementsAndWraps() throws {
        let bus = I2CBus(name: "i2c1")
        let dev = ScratchRegisters(address: 0x21)
        try bus.attach(dev)
        try bus.writeToMem(0x21, 14, [0xA, 0xB, 0xC])  // 14, 15, then wraps to 0
        #expect(dev.regs[14] == 0xA && dev.regs[15] == 0xB && dev.regs[0] == 0xC)
        #expect(try bus.readFromMem(0x21, 15, 3) == [0xB, 0xC, 0])
        // A plain read continues from where the pointer was left.
        #expect(try bus.readFrom(0x21, 1) == [dev.regs[2]])
    }

    @Test func memoryAddressBytesAreBigEndian() {
        #expect(I2CBus.memoryAddressBytes(0x1234, addrsize: 16) == [0x12, 0x34])
        #expect(I2CBus.memoryAddressBytes(0x1234, addrsize: 8) == [0x34])
    }

    @Test func primitivesBuildTransactions() throws {
        let bus = I2CBus(name: "i2c1")
        let dev = ScratchRegisters(address: 0x21)
        dev.regs[3] = 0x77
        try bus.attach(dev)
        bus.rawStart()
        #expect(bus.writeByte(0x21 << 1))  // address byte, write
        #expect(bus.writeByte(3))
        bus.rawStart()                      // repeated START
        #expect(bus.writeByte(0x21 << 1 | 1))
        #expect(bus.readByte(ack: false) == 0x77)
        bus.stop()
        bus.rawStart()
        #expect(!bus.writeByte(0x50 << 1))  // nobody there
        #expect(bus.readByte(ack: false) == 0xFF)
        bus.stop()
    }

    @Test func spiBusSelectsByChipSelectPin() throws {
        let clock = ManualClock()
        let bus = SPIBus(name: "spi1")
        let flash = SPIFlash(clock: clock.closure)
        try bus.attach(flash, chipSelect: "X5")
        // No CS asserted: MISO floats high.
        #expect(bus.transfer([0x9F, 0, 0, 0]) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(bus.transfer(cs: "X5", bytes: [0x9F, 0, 0, 0]) == [0xFF, 0xEF, 0x40, 0x16])
        bus.setChipSelect("X5", level: false)
        #expect(bus.isSelected("X5"))
        #expect(bus.transfer([0x9F, 0]) == [0xFF, 0xEF])
        bus.setChipSelect("X5", level: true)
        #expect(throws: SPIAttachError.chipSelectInUse("X5")) { try bus.attach(SPIFlash(clock: clock.closure), chipSelect: "X5") }
    }
}
