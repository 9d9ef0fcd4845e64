import Foundation
import Testing
@testable import Board

@Suite struct DevicesCatalogTests {
    @Test func parsesTheDocumentedForms() throws {
        let a = try DeviceCatalog.parse("mma7660@i2c1:0x4c")
        #expect(a.kind == "mma7660" && a.bus == BusRef(kind: .i2c, id: 1) && a.address == 0x4C)
        #expect(try DeviceCatalog.parse("bme280@i2c2:0x76").address == 0x76)
        #expect(try DeviceCatalog.parse("24lc256@i2c1:80").address == 0x50)
        #expect(try DeviceCatalog.parse("ds3231@i2c1").address == 0x68)  // usual address
        let f = try DeviceCatalog.parse("spiflash@spi1:X5")
        #expect(f.chipSelect == "X5" && f.bus == BusRef(kind: .spi, id: 1))
        let o = try DeviceCatalog.parse("ssd1306-spi@spi2:Y5,dc=Y4,res=Y3")
        #expect(o.chipSelect == "Y5" && o.options == ["dc": "Y4", "res": "Y3"])
        #expect(try DeviceCatalog.parse(o.description) == o)
    }

    @Test func rejectsBadDescriptionsClearly() {
        #expect(throws: DeviceCatalogError.syntax("mma7660")) { try DeviceCatalog.parse("mma7660") }
        #expect(throws: DeviceCatalogError.unknownDevice("foo", known: DeviceCatalog.knownDevices)) { try DeviceCatalog.parse("foo@i2c1") }
        #expect(throws: DeviceCatalogError.badBus("usb1")) { try DeviceCatalog.parse("bme280@usb1") }
        #expect(throws: DeviceCatalogError.wrongBus(device: "bme280", bus: BusRef(kind: .spi, id: 1), wants: .i2c)) { try DeviceCatalog.parse("bme280@spi1:X5") }
        #expect(throws: DeviceCatalogError.badAddress("0x99")) { try DeviceCatalog.parse("bme280@i2c1:0x99") }
        #expect(throws: DeviceCatalogError.badAddress("zz")) { try DeviceCatalog.parse("bme280@i2c1:zz") }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("spiflash@spi1") }
        #expect(throws: DeviceCatalogError.missing(device: "ssd1306-spi", what: "a D/C pin (dc=PIN)")) { try DeviceCatalog.parse("ssd1306-spi@spi2:Y5") }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("spiflash@spi1:X5,size=3M") }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("24lc256@i2c1:0x50,wp=maybe") }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("mma7660@i2c1:0x4c,speed=9") }
        let msg = "\(DeviceCatalogError.unknownDevice("foo", known: ["a", "b"]))"
        #expect(msg.contains("unknown device 'foo'") && msg.contains("a, b"))
    }

    @Test func parsesJSON() throws {
        let json = #"["mma7660@i2c1:0x4c", {"device": "bme280", "bus": "i2c2", "address": "0x77"}, {"device": "spiflash", "bus": "spi1", "cs": "X5", "size": "8M"}, {"device": "24lc256", "bus": "i2c1", "address": 81}]"#
        let specs = try DeviceCatalog.parseJSON(Data(json.utf8))
        #expect(specs.map(\.kind) == ["mma7660", "bme280", "spiflash", "24lc256"])
        #expect(specs[1].address == 0x77 && specs[2].options["size"] == "8M" && specs[3].address == 81)
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parseJSON(Data("{".utf8)) }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parseJSON(Data(#"[{"bus": "i2c1"}]"#.utf8)) }
    }

    @Test func buildsAndAttachesToBuses() throws {
        let clock = ManualClock()
        let i2c = [1: I2CBus(name: "i2c1"), 2: I2CBus(name: "i2c2")]
        let spi = [1: SPIBus(name: "spi1"), 2: SPIBus(name: "spi2")]
        for text in ["mma7660@i2c1:0x4c", "ssd1306@i2c1:0x3c", "bme280@i2c2:0x76", "24lc256@i2c1:0x50", "ds3231@i2c1:0x68",
                     "spiflash@spi1:X5,size=8M", "ssd1306-spi@spi2:Y5,dc=Y4,res=Y3"] {
            try DeviceCatalog.attach(DeviceCatalog.parse(text), i2cBuses: i2c, spiBuses: spi, clock: clock.closure)
        }
        #expect(i2c[1]!.scan() == [0x3C, 0x4C, 0x50, 0x68])
        #expect(i2c[2]!.scan() == [0x76])
        #expect(spi[1]!.transfer(cs: "X5", bytes: [0x9F, 0, 0, 0]) == [0xFF, 0xEF, 0x40, 0x17])
        let oled = try DeviceCatalog.make(DeviceCatalog.parse("ssd1306-spi@spi2:Y6,dc=Y4"), clock: clock.closure)
        #expect(oled.display != nil && oled.pins == ["dc": "Y4"])
        #expect(try DeviceCatalog.make(DeviceCatalog.parse("bme280@i2c1"), clock: clock.closure).sensor?.settings.count == 3)
        #expect(throws: I2CAttachError.addressInUse(0x4C)) {
            try DeviceCatalog.attach(DeviceCatalog.parse("mma7660@i2c1"), i2cBuses: i2c, spiBuses: spi, clock: clock.closure)
        }
        #expect(throws: DeviceCatalogError.self) {
            try DeviceCatalog.attach(DeviceCatalog.parse("mma7660@i2c3"), i2cBuses: i2c, spiBuses: spi, clock: clock.closure)
        }
    }
}
