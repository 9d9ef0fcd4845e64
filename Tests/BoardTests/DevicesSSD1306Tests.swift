import Testing
@testable import Board

/// The byte streams micropython-lib's ssd1306.py sends (micropython/drivers/display/ssd1306):
/// `write_cmd` is one I2C write of [0x80, cmd]; `write_data` is writevto(addr, [b"\x40", buf]).
struct SSD1306DriverStream {
    static func initCommands(width: Int = 128, height: Int = 64, externalVCC: Bool = false) -> [UInt8] {
        [0xAE,                                   // SET_DISP off
         0x20, 0x00,                             // SET_MEM_ADDR horizontal
         0x40,                                   // SET_DISP_START_LINE 0
         0xA1,                                   // SET_SEG_REMAP | 1
         0xA8, UInt8(height - 1),                // SET_MUX_RATIO
         0xC8,                                   // SET_COM_OUT_DIR | 8
         0xD3, 0x00,                             // SET_DISP_OFFSET
         0xDA, width > 2 * height ? 0x02 : 0x12, // SET_COM_PIN_CFG
         0xD5, 0x80,                             // SET_DISP_CLK_DIV
         0xD9, externalVCC ? 0x22 : 0xF1,        // SET_PRECHARGE
         0xDB, 0x30,                             // SET_VCOM_DESEL
         0x81, 0xFF,                             // SET_CONTRAST
         0xA4,                                   // SET_ENTIRE_ON (follow RAM)
         0xA6,                                   // SET_NORM_INV
         0xAD, 0x30,                             // SET_IREF_SELECT
         0x8D, externalVCC ? 0x10 : 0x14,        // SET_CHARGE_PUMP
         0xAF]                                   // SET_DISP on
    }

    static func showCommands(width: Int = 128, height: Int = 64) -> [UInt8] {
        [0x21, 0, UInt8(width - 1), 0x22, 0, UInt8(height / 8 - 1)]
    }

    /// framebuf MONO_VLSB: byte (y/8)*width + x, bit y%8.
    static func setPixel(_ buf: inout [UInt8], _ x: Int, _ y: Int, width: Int = 128) {
        buf[(y / 8) * width + x] |= 1 << UInt8(y % 8)
    }

    static func sendI2C(_ bus: I2CBus, _ addr: UInt8, commands: [UInt8]) throws {
        for c in commands { try bus.writeTo(addr, [0x80, c]) }
    }

    static func showI2C(_ bus: I2CBus, _ addr: UInt8, _ buffer: [UInt8]) throws {
        try sendI2C(bus, addr, commands: showCommands())
        try bus.writeVTo(addr, [[0x40], buffer])
    }
}

@Suite struct DevicesSSD1306Tests {
    func setupI2C() throws -> (I2CBus, SSD1306I2C) {
        let bus = I2CBus(name: "i2c1")
        let dev = SSD1306I2C(address: 0x3C)
        try bus.attach(dev)
        return (bus, dev)
    }

    /// A test picture: a border, a diagonal and a filled block, so any flip or shift shows.
    func picture() -> (buffer: [UInt8], lit: Set<Int>) {
        var buf = [UInt8](repeating: 0, count: 1024)
        var lit = Set<Int>()
        func on(_ x: Int, _ y: Int) { SSD1306DriverStream.setPixel(&buf, x, y); lit.insert(y * 128 + x) }
        for x in 0..<128 { on(x, 0); on(x, 63) }
        for y in 0..<64 { on(0, y); on(127, y) }
        for i in 0..<50 { on(10 + i, 5 + i) }
        for y in 20..<27 { for x in 90..<101 { on(x, y) } }
        on(3, 2)
        return (buf, lit)
    }

    func litSet(_ pixels: [UInt8]) -> Set<Int> { Set(pixels.indices.filter { pixels[$0] != 0 }) }

    @Test func driverInitAndShowDrawUpright() throws {
        let (bus, dev) = try setupI2C()
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: SSD1306DriverStream.initCommands())
        // init_display ends with fill(0); show(): a blank panel, display on.
        try SSD1306DriverStream.showI2C(bus, 0x3C, [UInt8](repeating: 0, count: 1024))
        #expect(dev.controller.lit)
        #expect(litSet(dev.controller.pixels()).isEmpty)
        let (buf, lit) = picture()
        try SSD1306DriverStream.showI2C(bus, 0x3C, buf)
        #expect(dev.controller.gddram() == buf)
        #expect(litSet(dev.controller.pixels()) == lit)
        #expect(dev.controller.brightness == 255)
    }

    @Test func rotateInvertContrastPower() throws {
        let (bus, dev) = try setupI2C()
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: SSD1306DriverStream.initCommands())
        let (buf, lit) = picture()
        try SSD1306DriverStream.showI2C(bus, 0x3C, buf)
        // rotate(0): COM scan normal + no segment remap = the picture turned 180 degrees.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xC0, 0xA0])
        let rotated = Set(lit.map { (63 - $0 / 128) * 128 + (127 - $0 % 128) })
        #expect(litSet(dev.controller.pixels()) == rotated)
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xC8, 0xA1])
        // invert(1)
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xA7])
        #expect(litSet(dev.controller.pixels()) == Set(0..<8192).subtracting(lit))
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xA6])
        // contrast(0) dims but does not darken.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0x81, 0x00])
        #expect(dev.controller.brightness < 100 && dev.controller.brightness > 0)
        // poweroff(): nothing lit; the status byte reports display off.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xAE])
        #expect(litSet(dev.controller.pixels()).isEmpty)
        #expect(try bus.readFrom(0x3C, 1) == [0x40])
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xAF])
        #expect(litSet(dev.controller.pixels()) == lit)
        // Entire display on.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xA5])
        #expect(litSet(dev.controller.pixels()).count == 8192)
    }

    @Test func startLineOffsetAndMultiplex() throws {
        let (bus, dev) = try setupI2C()
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: SSD1306DriverStream.initCommands())
        var buf = [UInt8](repeating: 0, count: 1024)
        SSD1306DriverStream.setPixel(&buf, 5, 10)
        try SSD1306DriverStream.showI2C(bus, 0x3C, buf)
        // Start line 4: RAM row 10 is shown on panel row 6.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0x44])
        #expect(litSet(dev.controller.pixels()) == [6 * 128 + 5])
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0x40, 0xD3, 3])
        #expect(litSet(dev.controller.pixels()) == [7 * 128 + 5])
        // Multiplex 16 rows: only COM0-15 are driven (the bottom quarter of this glass, scanned
        // COM15 down to COM0), and RAM rows from 16 on are not shown. MUX values below 15 are
        // invalid and ignored.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xD3, 0, 0xA8, 7])
        #expect(litSet(dev.controller.pixels()) == [10 * 128 + 5])
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0xA8, 15])
        #expect(litSet(dev.controller.pixels()) == [(48 + 10) * 128 + 5])
        SSD1306DriverStream.setPixel(&buf, 6, 20)
        try SSD1306DriverStream.showI2C(bus, 0x3C, buf)
        #expect(litSet(dev.controller.pixels()) == [(48 + 10) * 128 + 5])
    }

    @Test func pageAndVerticalAddressing() throws {
        let (bus, dev) = try setupI2C()
        // Page mode (the reset mode, as older drivers use): page 2, column 0x15.
        try bus.writeTo(0x3C, [0x00, 0xB2, 0x05, 0x11])  // Co=0 command stream
        try bus.writeTo(0x3C, [0x40, 1, 2, 3])
        var ram = dev.controller.gddram()
        #expect(Array(ram[2 * 128 + 0x15..<2 * 128 + 0x18]) == [1, 2, 3])
        // Page mode wraps at column 127 back to the start column, same page.
        try bus.writeTo(0x3C, [0x00, 0xB3, 0x0E, 0x17])  // column 126
        try bus.writeTo(0x3C, [0x40, 9, 9, 8])
        ram = dev.controller.gddram()
        #expect(ram[3 * 128 + 127] == 9 && ram[3 * 128 + 126] == 8)  // the third byte wrapped to 126
        #expect(ram[4 * 128 + 0] == 0)
        // Vertical mode in a window of columns 4-5, pages 1-2.
        try bus.writeTo(0x3C, [0x00, 0x20, 0x01, 0x21, 4, 5, 0x22, 1, 2])
        try bus.writeTo(0x3C, [0x40, 0xA, 0xB, 0xC, 0xD, 0xE])
        ram = dev.controller.gddram()
        #expect(ram[1 * 128 + 4] == 0xE && ram[2 * 128 + 4] == 0xB)  // wrapped back to (page 1, col 4)
        #expect(ram[1 * 128 + 5] == 0xC && ram[2 * 128 + 5] == 0xD)
    }

    @Test func coBitAlternatesControlBytes() throws {
        let (bus, dev) = try setupI2C()
        // Co=1 command, Co=1 data, then Co=0 data stream.
        try bus.writeTo(0x3C, [0x80, 0xB0, 0xC0, 0x55, 0x40, 0x66, 0x77])
        let ram = dev.controller.gddram()
        #expect(Array(ram[0..<3]) == [0x55, 0x66, 0x77])
    }

    @Test func spiVariantUsesDCPin() throws {
        let spi = SPIBus(name: "spi2")
        let dev = SSD1306SPI()
        try spi.attach(dev, chipSelect: "Y5")
        // SSD1306_SPI.write_cmd: cs(1) dc(0) cs(0) write cs(1) for each byte.
        func cmd(_ c: UInt8) { dev.dataMode = false; _ = spi.transfer(cs: "Y5", bytes: [c]) }
        // Reset pulse as the driver's constructor does.
        dev.resetLine = false
        dev.resetLine = true
        for c in SSD1306DriverStream.initCommands() { cmd(c) }
        let (buf, lit) = picture()
        for c in SSD1306DriverStream.showCommands() { cmd(c) }
        dev.dataMode = true
        _ = spi.transfer(cs: "Y5", bytes: buf)
        #expect(litSet(dev.controller.pixels()) == lit)
        // Without CS the bytes go nowhere.
        _ = spi.transfer([0xAE])
        #expect(dev.controller.lit)
    }

    @Test func horizontalScrollMovesTheViewAndRAMAfterStop() throws {
        let clock = ManualClock()
        let bus = I2CBus(name: "i2c1")
        let dev = SSD1306I2C(address: 0x3C, controller: SSD1306Controller(clock: clock.closure))
        try bus.attach(dev)
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: SSD1306DriverStream.initCommands())
        var buf = [UInt8](repeating: 0, count: 1024)
        SSD1306DriverStream.setPixel(&buf, 10, 3)
        try SSD1306DriverStream.showI2C(bus, 0x3C, buf)
        // Right scroll of page 0, one step every 2 frames.
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0x26, 0x00, 0x00, 0x07, 0x00, 0x00, 0xFF, 0x2F])
        clock.t = 0.1  // 10 frames at 100 Hz = 5 steps
        #expect(litSet(dev.controller.pixels()) == [3 * 128 + 15])
        try SSD1306DriverStream.sendI2C(bus, 0x3C, commands: [0x2E])
        clock.t = 1
        #expect(litSet(dev.controller.pixels()) == [3 * 128 + 15])
    }
}
