import Testing
@testable import Board

@Suite struct DevicesSPIFlashTests {
    func setup() throws -> (SPIBus, SPIFlash, ManualClock) {
        let clock = ManualClock()
        let bus = SPIBus(name: "spi1")
        let flash = SPIFlash(clock: clock.closure)
        try bus.attach(flash, chipSelect: "X5")
        return (bus, flash, clock)
    }

    func cmd(_ bus: SPIBus, _ bytes: [UInt8]) -> [UInt8] { bus.transfer(cs: "X5", bytes: bytes) }
    func status(_ bus: SPIBus) -> UInt8 { cmd(bus, [0x05, 0])[1] }
    func read(_ bus: SPIBus, _ addr: Int, _ n: Int, fast: Bool = false) -> [UInt8] {
        let head: [UInt8] = [fast ? 0x0B : 0x03, UInt8(addr >> 16 & 0xFF), UInt8(addr >> 8 & 0xFF), UInt8(addr & 0xFF)] + (fast ? [0] : [])
        return Array(cmd(bus, head + [UInt8](repeating: 0, count: n)).dropFirst(head.count))
    }
    func addr3(_ a: Int) -> [UInt8] { [UInt8(a >> 16 & 0xFF), UInt8(a >> 8 & 0xFF), UInt8(a & 0xFF)] }

    @Test func identification() throws {
        let (bus, flash, _) = try setup()
        #expect(cmd(bus, [0x9F, 0, 0, 0]) == [0xFF, 0xEF, 0x40, 0x16])
        #expect(Array(cmd(bus, [0x90, 0, 0, 0, 0, 0]).suffix(2)) == [0xEF, 0x15])
        #expect(cmd(bus, [0xAB, 0, 0, 0, 0]).last == 0x15)
        #expect(Array(cmd(bus, [0x4B, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 8)).suffix(8)) == flash.uniqueID)
        #expect(flash.capacity == 4 << 20)
    }

    @Test func programNeedsWriteEnableAndOnlyClearsBits() throws {
        let (bus, _, clock) = try setup()
        _ = cmd(bus, [0x02] + addr3(0x1000) + [1, 2, 3])  // no WREN: ignored
        #expect(read(bus, 0x1000, 3) == [0xFF, 0xFF, 0xFF])
        _ = cmd(bus, [0x06])
        #expect(status(bus) & 0x02 == 0x02)
        _ = cmd(bus, [0x02] + addr3(0x1000) + [0xF0, 0x0F, 0x33])
        #expect(status(bus) & 0x03 == 0x03)  // BUSY and WEL during the program cycle
        #expect(read(bus, 0x1000, 3) == [0xFF, 0xFF, 0xFF])  // a read while busy is ignored
        clock.t += 0.001
        #expect(status(bus) & 0x03 == 0)     // done; WEL cleared
        #expect(read(bus, 0x1000, 3) == [0xF0, 0x0F, 0x33])
        #expect(read(bus, 0x1000, 3, fast: true) == [0xF0, 0x0F, 0x33])
        _ = cmd(bus, [0x06])
        _ = cmd(bus, [0x02] + addr3(0x1000) + [0xFF, 0xF0, 0xFF])
        clock.t += 0.001
        #expect(read(bus, 0x1000, 3) == [0xF0, 0x00, 0x33])  // 1 bits cannot be programmed back
    }

    @Test func pageProgramWrapsInsideThePage() throws {
        let (bus, flash, clock) = try setup()
        _ = cmd(bus, [0x06])
        let data: [UInt8] = (0..<8).map { UInt8($0) }
        _ = cmd(bus, [0x02] + addr3(0x20FC) + data)
        clock.t += 0.001
        #expect(Array(flash.memory[0x20FC..<0x2100]) == [0, 1, 2, 3])
        #expect(Array(flash.memory[0x2000..<0x2004]) == [4, 5, 6, 7])
        #expect(flash.memory[0x2100] == 0xFF)
    }

    @Test func eraseSizesAndTiming() throws {
        let (bus, flash, clock) = try setup()
        flash.load([UInt8](repeating: 0, count: 0x30000))
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0x20] + addr3(0x1234))  // sector 0x1000-0x1FFF
        #expect(status(bus) & 1 == 1)
        clock.t += 0.044
        #expect(status(bus) & 1 == 1)
        clock.t += 0.002
        #expect(status(bus) & 1 == 0)
        #expect(flash.memory[0x0FFF] == 0 && flash.memory[0x1000] == 0xFF && flash.memory[0x1FFF] == 0xFF && flash.memory[0x2000] == 0)
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0xD8] + addr3(0x10000)); clock.t += 0.2
        #expect(flash.memory[0xFFFF] == 0 && flash.memory[0x10000] == 0xFF && flash.memory[0x1FFFF] == 0xFF && flash.memory[0x20000] == 0)
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0x52] + addr3(0x28000)); clock.t += 0.2
        #expect(flash.memory[0x27FFF] == 0 && flash.memory[0x28000] == 0xFF && flash.memory[0x2FFFF] == 0xFF)
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0xC7])
        #expect(status(bus) & 1 == 1)
        clock.t += 9.9
        #expect(cmd(bus, [0x9F, 0, 0, 0]) == [0xFF, 0xFF, 0xFF, 0xFF])  // ignored while busy
        clock.t += 0.2
        #expect(flash.memory.allSatisfy { $0 == 0xFF })
    }

    @Test func powerDownIgnoresEverythingButRelease() throws {
        let (bus, _, _) = try setup()
        _ = cmd(bus, [0xB9])
        #expect(cmd(bus, [0x9F, 0, 0, 0]) == [0xFF, 0xFF, 0xFF, 0xFF])
        _ = cmd(bus, [0x06])
        _ = cmd(bus, [0xAB])
        #expect(status(bus) & 0x02 == 0)  // the WREN while powered down was ignored
        #expect(cmd(bus, [0x9F, 0, 0, 0]) == [0xFF, 0xEF, 0x40, 0x16])
    }

    @Test func blockProtectBits() throws {
        let (bus, flash, clock) = try setup()
        // BP0 with TB = 0: the top 1/64 (64 KiB) is protected.
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0x01, 0x04]); clock.t += 0.02
        #expect(status(bus) == 0x04)
        #expect(flash.protectedRange == (flash.capacity - 65536)..<flash.capacity)
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0x02] + addr3(flash.capacity - 16) + [0]); clock.t += 0.01
        #expect(flash.memory[flash.capacity - 16] == 0xFF)
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0x02] + addr3(0) + [0]); clock.t += 0.01
        #expect(flash.memory[0] == 0)
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0xC7]); clock.t += 11
        #expect(flash.memory[0] == 0)  // chip erase refused while anything is protected
        // Write enable, then reset (66, 99) clears WEL.
        _ = cmd(bus, [0x06]); _ = cmd(bus, [0x66]); _ = cmd(bus, [0x99])
        #expect(status(bus) & 0x02 == 0)
    }

    @Test func readStatusRepeatsWhileSelected() throws {
        let (bus, _, _) = try setup()
        _ = cmd(bus, [0x06])
        #expect(cmd(bus, [0x05, 0, 0, 0]) == [0xFF, 0x02, 0x02, 0x02])
        _ = cmd(bus, [0x04])
        #expect(status(bus) == 0)
    }
}
