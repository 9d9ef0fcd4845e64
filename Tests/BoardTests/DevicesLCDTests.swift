import Foundation
import MicroPythonCore
import Testing
@testable import Board

/// The LCD skin's ST7565R model, pyb.LCD driving it over the SPI bus, the LCD160CR model's
/// protocol, the JPEG decoder and the skins' catalog entries.
@Suite struct DevicesLCDTests {
    /// ports/stm32/lcd.c's init sequence.
    static let initSequence: [UInt8] = [0xA0, 0xC0, 0xA2, 0x2F, 0x21, 0x81, 0x28, 0x40, 0xAF]

    @Test func st7565GlassNeedsDisplayOnAndPower() {
        let c = ST7565Controller()
        c.command(0xB0); c.command(0x10); c.command(0x00)
        c.data(0xFF)
        #expect(!c.lit)
        #expect(c.pixels().allSatisfy { $0 == 0 })
        c.command(0xAF)
        #expect(!c.lit)  // display on, but no LCD voltage yet
        c.command(0x2F)
        #expect(c.lit)
        // RAM column 0 shows at the right edge (x = 127), bit 0 on top
        let px = c.pixels()
        #expect((0..<8).allSatisfy { px[$0 * 128 + 127] == 1 })
        #expect(px[8 * 128 + 127] == 0 && px[126] == 0)
    }

    @Test func st7565AddressingAndModes() {
        let c = ST7565Controller()
        for b in Self.initSequence { c.command(b) }
        #expect(c.volume == 0x28)
        // page 3, column 0x7F = x 0, row 24 + bit
        c.command(0xB3); c.command(0x17); c.command(0x0F)
        c.data(0x81)
        var px = c.pixels()
        #expect(px[24 * 128] == 1 && px[31 * 128] == 1 && px[25 * 128] == 0)
        // the column stops at the last one (131) instead of wrapping
        c.command(0xB1); c.command(0x18); c.command(0x02)
        for _ in 0..<4 { c.data(0x01) }
        #expect(c.displayRAM()[1 * 132 + 131] == 0x01 && c.displayRAM()[1 * 132 + 0] == 0)
        // ADC reverse: column c at x = c - 4
        c.command(0xA1)
        px = c.pixels()
        #expect(px[24 * 128 + 123] == 1)
        c.command(0xA0)
        // reverse display, all points on
        c.command(0xA7)
        #expect(c.pixels()[0] == 1 && c.pixels()[24 * 128] == 0)
        c.command(0xA6); c.command(0xA5)
        #expect(c.pixels().allSatisfy { $0 == 1 })
        c.command(0xA4)
        // start line 8: row 16 shows line 24
        c.command(0x48)
        #expect(c.pixels()[16 * 128] == 1)
        // contrast command with its argument
        c.command(0x81); c.command(0x3F)
        #expect(c.volume == 63 && c.contrast == 1)
        // RST: registers reset (display off), RAM kept
        let skin = LCD32MKSkin(controller: c)
        skin.resetLine = false
        #expect(!c.lit && c.displayRAM()[3 * 132 + 0x7F] == 0x81)
    }

    @Test func st7565SkinListensOnlyWhenSelected() {
        let skin = LCD32MKSkin()
        let bus = SPIBus(name: "spi1")
        try! bus.attach(skin, chipSelect: "X3")
        #expect(bus.transfer([0xAF, 0x2F]) == [0xFF, 0xFF])
        #expect(!skin.controller.lit)
        #expect(bus.transfer(cs: "X3", bytes: [0xAF, 0x2F]) == [0xFF, 0xFF])
        #expect(skin.controller.lit)
        skin.dataMode = true
        _ = bus.transfer(cs: "X3", bytes: [0xFF])
        #expect(skin.controller.displayRAM()[0] == 0xFF)
    }

    /// pyb.LCD through the SPI bus, with the pins wired as the board wires them.
    @Test func pybLCDDrawsOnTheSkin() throws {
        let skin = LCD32MKSkin()
        let out = try DevicesPython.run("""
            import devices_pyb as pyb
            lcd = pyb.LCD('X')
            lcd.light(1)
            lcd.text('H', 0, 0, 1)
            lcd.pixel(127, 31, 1)
            lcd.show()
            print(lcd.get(1, 0), lcd.get(127, 31), lcd.get(0, 0))
            lcd.write('H')
            """) { buses in
            let bus = SPIBus(name: "spi1")
            try bus.attach(skin, chipSelect: "X3")
            buses.spi[1] = bus
            buses.spiNames["X"] = 1
            let wire: (String, Bool) -> Void = { pin, level in
                switch pin {
                case "X3": bus.setChipSelect("X3", level: level)
                case "X4": skin.resetLine = level
                case "X5": skin.dataMode = level
                case "X12": skin.backlight = level
                default: break
                }
            }
            buses.writePin = wire
            buses.drivePin = wire
        }
        #expect(out == "1 1 0\n")
        #expect(skin.backlight)
        #expect(skin.controller.lit && skin.controller.volume == 0x28)
        let px = skin.controller.pixels()
        // 'H' (0x00 0x7F 0x7F 0x08 0x08 0x7F 0x7F 0x00) at the top left, from text() then write()
        let h: [UInt8] = [0x00, 0x7F, 0x7F, 0x08, 0x08, 0x7F, 0x7F, 0x00]
        for x in 0..<8 {
            for y in 0..<8 { #expect(px[y * 128 + x] == (h[x] >> UInt8(y)) & 1, "pixel \(x),\(y)") }
        }
        #expect(px[31 * 128 + 127] == 1)
        #expect(px.reduce(0) { $0 + Int($1) } == h.reduce(0) { $0 + $1.nonzeroBitCount } + 1)
    }

    // MARK: LCD160CR

    func lcd160(_ clock: ManualClock) throws -> (LCD160CR, I2CBus, SPIBus) {
        let d = LCD160CR(clock: clock.closure)
        let bus = I2CBus(name: "i2c1"), spi = SPIBus(name: "spi1")
        try bus.attach(d)
        d.moveAddress = { bus.move(from: $0, to: $1) }
        try spi.attach(LCD160CRSPIPort(d), chipSelect: "tied")
        spi.setChipSelect("tied", level: false)
        return (d, bus, spi)
    }

    @Test func lcd160crBootsAfterPowerOn() throws {
        let clock = ManualClock()
        let (d, bus, _) = try lcd160(clock)
        #expect(throws: I2CBusError.addressNACK(98)) { try bus.writeTo(98, [2, 0x01]) }
        d.powerLine = true
        clock.t = 0.019
        #expect(throws: I2CBusError.addressNACK(98)) { try bus.writeTo(98, [2, 0x01]) }
        clock.t = 0.021
        #expect(try bus.writeTo(98, [2, 0x01]) == 2)
        // INFO: portrait, brightness 31, address 98, MLOGO|INFO, 115200 baud
        #expect(try bus.readFrom(98, 9) == [0, 31, 98, 3, 0x00, 0xC2, 0x01, 0x00, 0x00])
        #expect(d.lit && d.backlightLevel == 1)
    }

    @Test func lcd160crCommandsAndText() throws {
        let clock = ManualClock()
        let (d, bus, spi) = try lcd160(clock)
        d.powerLine = true
        clock.t = 1
        func cmd(_ b: [UInt8]) throws { _ = try bus.writeTo(98, [2] + b) }
        func pixel(_ x: Int, _ y: Int) throws -> Int {
            try cmd([0x21, UInt8(x & 0xFF), UInt8((x >> 8) & 0xFF), UInt8(y & 0xFF), UInt8((y >> 8) & 0xFF)])
            let r = try bus.readFrom(98, 2)
            return Int(r[0]) | Int(r[1]) << 8
        }
        try cmd([0x40, 0, 0, 0, 0]); try cmd([0x41])
        #expect(d.glassPixels().allSatisfy { $0 == 0 })
        // text bytes between commands; a command split across a STOP is abandoned
        try cmd([0x31, 0xFF, 0xFF, 0x00, 0x00])
        _ = try bus.writeTo(98, Array("H".utf8) + [2, 0x30, 16])
        _ = try bus.writeTo(98, [0, 0, 0])  // the rest of SET POS: plain text now ("\0" ignored)
        #expect(try pixel(1, 0) == 0xFFFF && (try pixel(0, 0)) == 0)
        // an unknown opcode makes the rest of the transaction ignored
        _ = try bus.writeTo(98, [2, 0xEE, 2, 0x20, 30, 0, 30, 0, 0x34, 0x12])
        #expect(try pixel(30, 30) == 0)
        try cmd([0x20, 30, 0, 30, 0, 0x34, 0x12])
        #expect(try pixel(30, 30) == 0x1234)
        // SPI pixels fill the window and wrap
        try cmd([0x60, 10, 0, 20, 0, 2, 0, 1, 0]); try cmd([0x61])
        _ = spi.transfer([1, 0, 2, 0, 3, 0])
        #expect(try pixel(10, 20) == 3 && (try pixel(11, 20)) == 2)
        // the I2C address moves on the bus
        try cmd([0x12, 100])
        #expect(bus.device(at: 98) == nil && bus.device(at: 100) === d && d.address == 100)
        _ = try bus.writeTo(100, [2, 0x12, 101])  // odd: refused
        #expect(d.address == 100)
        // power off: everything but the saved settings is gone
        d.powerLine = false
        d.powerLine = true
        clock.t = 2
        #expect(d.lit)
        #expect(d.address == 98 && bus.device(at: 98) === d)
    }

    @Test func lcd160crWatchdogAndTouch() throws {
        let clock = ManualClock()
        let (d, bus, _) = try lcd160(clock)
        d.powerLine = true
        clock.t = 1
        _ = try bus.writeTo(98, [2, 0x14, 0, 2, 0x15, 2, 0x20, 1, 0, 1, 0, 0xFF, 0xFF, 2, 0x17])
        clock.t = 30.9
        #expect(d.glassPixels()[128 + 1] == 0xFFFF)
        clock.t = 31.01
        #expect(!d.lit)  // restarted by the watchdog at 31.0 s, booting
        clock.t = 31.03
        #expect(d.lit && d.glassPixels()[128 + 1] == 0)
        try d.set("x", 10); try d.set("y", 20); try d.set("touch", 1)
        _ = try bus.writeTo(98, [2, 0x10, 1, 2, 0x51])
        #expect(try bus.readFrom(98, 5) == [1, 20, 0, 117, 0])
        #expect(throws: SensorSettingError.self) { try d.set("y", 160) }
    }

    // MARK: JPEG

    /// 16x8, left half #FF0000, right half #0000FF, 4:4:4 (ImageMagick, quality 95).
    static let redBlue = hex("""
        ffd8ffe000104a46494600010100000100010000ffdb0043000201010101010201010102020202020403020202020504\
        040304060506060605060606070908060709070606080b08090a0a0a0a0a06080b0c0b0a0c090a0a0affdb0043010202\
        02020202050303050a0706070a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a\
        0a0a0a0a0a0a0a0a0a0a0a0a0a0affc00011080008001003011100021101031101ffc400140001000000000000000000\
        00000000000008ffc40014100100000000000000000000000000000000ffc40016010101010000000000000000000000\
        00000a0809ffc40014110100000000000000000000000000000000ffda000c03010002110311003f0017a536fe086550\
        35efffd9
        """)

    /// 24x16 vertical gradient #00FF00 to #FF00FF, 4:2:0 (ImageMagick, quality 90).
    static let gradient = hex("""
        ffd8ffe000104a46494600010100000100010000ffdb0043000302020302020303030304030304050805050404050a07\
        0706080c0a0c0c0b0a0b0b0d0e12100d0e110e0b0b1016101113141515150c0f171816141812141514ffdb0043010304\
        0405040509050509140d0b0d141414141414141414141414141414141414141414141414141414141414141414141414\
        1414141414141414141414141414ffc00011080010001803012200021101031101ffc400160001010100000000000000\
        000000000000000705ffc400161001010100000000000000000000000000001562ffc400140101000000000000000000\
        00000000000000ffc4001811000301010000000000000000000000000063a11718ffda000c03010002110311003f00df\
        b7a2de93fb7a2de8c615073e26140b7a13fb7a0c615073e261ffd9
        """)

    static func hex(_ s: String) -> [UInt8] {
        let t = Array(s.filter { $0.isHexDigit }.utf8)
        return stride(from: 0, to: t.count, by: 2).map { UInt8(String(decoding: t[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
    }

    @Test func jpegBaseline444() throws {
        let img = try JPEGDecoder.decode(Self.redBlue)
        #expect(img.width == 16 && img.height == 8)
        // libjpeg (ImageMagick) decodes it to #FE0000 and #0000FE
        for y in 0..<8 {
            for x in 0..<16 {
                let o = (y * 16 + x) * 3
                let want: [Int] = x < 8 ? [254, 0, 0] : [0, 0, 254]
                for c in 0..<3 { #expect(abs(Int(img.rgb[o + c]) - want[c]) <= 2, "pixel \(x),\(y)") }
            }
        }
    }

    @Test func jpegBaseline420MatchesLibjpeg() throws {
        let img = try JPEGDecoder.decode(Self.gradient)
        #expect(img.width == 24 && img.height == 16)
        // libjpeg's pixels (ImageMagick `txt:`); it upsamples chroma smoothly where this decoder
        // repeats samples, so a few levels of difference are expected
        for (x, y, want) in [(0, 0, [8, 250, 8]), (0, 2, [33, 222, 34]), (6, 8, [137, 118, 138]), (22, 15, [247, 5, 247])] {
            let o = (y * 24 + x) * 3
            for c in 0..<3 { #expect(abs(Int(img.rgb[o + c]) - want[c]) <= 12, "pixel \(x),\(y) channel \(c): \(img.rgb[o + c])") }
        }
    }

    @Test func jpegRefusesWhatItCannotDecode() {
        #expect(throws: JPEGError.notJPEG) { try JPEGDecoder.decode([0, 1, 2, 3]) }
        var progressive = Self.redBlue
        for i in 0..<(progressive.count - 1) where progressive[i] == 0xFF && progressive[i + 1] == 0xC0 { progressive[i + 1] = 0xC2 }
        #expect(throws: JPEGError.unsupported("progressive JPEG")) { try JPEGDecoder.decode(progressive) }
        // cut inside the scan: the EOI marker arrives where coded data should
        #expect(throws: JPEGError.truncated) { try JPEGDecoder.decode(Array(Self.redBlue[..<285]) + [0xFF, 0xD9]) }
        // every prefix fails cleanly
        for n in 0..<Self.redBlue.count - 2 { _ = try? JPEGDecoder.decode(Array(Self.redBlue[..<n])) }
    }

    // MARK: catalog

    @Test func skinsInTheCatalog() throws {
        let a = try DeviceCatalog.parse("lcd32mk@x")
        #expect(a.bus.kind == .skin && a.chipSelect == "X" && a.description == "lcd32mk@X")
        let b = try DeviceCatalog.parse("lcd160cr@YX:0x64")
        #expect(b.address == 0x64 && b.description == "lcd160cr@YX:0x64")
        #expect(try DeviceCatalog.parse("lcd160cr@XY").address == 98)
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("lcd32mk@XY") }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("lcd160cr@i2c1") }
        let json = try DeviceCatalog.parseJSON(Data(#"[{"device": "lcd160cr", "bus": "Y"}, "lcd32mk@X"]"#.utf8))
        #expect(json.map(\.description) == ["lcd160cr@Y:0x62", "lcd32mk@X"])
        #expect(Skins.wiring("lcd160cr", "YX") == SkinWiring(i2c: "X", spi: "Y", pins: ["pwr": "Y4"]))
        #expect(Skins.wiring("lcd32mk", "Y")?.pins == ["cs": "Y3", "res": "Y4", "a0": "Y5", "bl": "Y12"])
        // attached: I2C by the position's bus name, SPI with its chip select tied
        let i2c = I2CBus(name: "i2c1"), spi = SPIBus(name: "spi2")
        let made = try DeviceCatalog.attach(b, i2cBuses: [1: i2c], spiBuses: [2: spi], clock: { 0 },
                                            i2cNames: ["X": 1, "Y": 2], spiNames: ["X": 1, "Y": 2])
        #expect(i2c.device(at: 0x64) === made.lcd160 && spi.isSelected("lcd160cr@YX"))
        #expect(made.pins == ["pwr": "Y4"])
        #expect(throws: DeviceCatalogError.self) {
            try DeviceCatalog.attach(try DeviceCatalog.parse("lcd160cr@XY"), i2cBuses: [:], spiBuses: [:], clock: { 0 })
        }
    }
}
