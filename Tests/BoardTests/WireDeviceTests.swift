import Testing
@testable import Board

// The single-wire device models without a board: line edges in, pulls out.

@Suite struct WireDeviceTests {
    static let us: UInt64 = 1000

    @Test func dallasCRC8MatchesTheApplicationNoteExample() {
        // Maxim AN27: ROM 02 1C B8 01 00 00 00 has CRC A2
        #expect(DS18B20.crc8([0x02, 0x1C, 0xB8, 0x01, 0x00, 0x00, 0x00]) == 0xA2)
        #expect(DS18B20.crc8([0x02, 0x1C, 0xB8, 0x01, 0x00, 0x00, 0x00, 0xA2]) == 0)
    }

    @Test func romHasFamilyCodeAndCRC() {
        let d = DS18B20(serial: 0x1234_5678_9ABC)
        #expect(d.rom[0] == 0x28)
        #expect(Array(d.rom[1...6]) == [0xBC, 0x9A, 0x78, 0x56, 0x34, 0x12])
        #expect(DS18B20.crc8(d.rom) == 0)
    }

    @Test func resetPulseGetsPresencePulse() {
        let d = DS18B20(serial: 1)
        d.lineChanged(false, at: 0)
        d.lineChanged(true, at: 480 * Self.us)
        #expect(d.nextChangeNanos == 510 * Self.us)
        d.advance(to: 510 * Self.us)
        #expect(d.pullingLow)
        d.advance(to: 630 * Self.us)
        #expect(!d.pullingLow)
        // a short low is no reset
        let e = DS18B20(serial: 2)
        e.lineChanged(false, at: 0)
        e.lineChanged(true, at: 100 * Self.us)
        #expect(e.nextChangeNanos == nil)
    }

    @Test func dht22FrameEncodesTenthsAndSign() throws {
        let d = DHTSensor(model: .dht22)
        #expect(d.frame() == [0x01, 0xC2, 0x00, 0xD7, 0x9A])   // 45.0 %, 21.5 °C
        try d.set("temperature", -10.1)
        try d.set("humidity", 99.9)
        // a new reading is sampled at the next start signal
        d.lineChanged(false, at: 0)
        d.lineChanged(true, at: 2_000 * Self.us)
        let f = d.frame()
        #expect(Array(f[0..<4]) == [0x03, 0xE7, 0x80, 0x65])
        #expect(f[4] == UInt8((0x03 + 0xE7 + 0x80 + 0x65) & 0xFF))
        #expect(throws: SensorSettingError.self) { try d.set("humidity", 120) }
    }

    @Test func dhtAnswersOnlyALongEnoughStartSignal() {
        let d = DHTSensor(model: .dht11)
        d.lineChanged(false, at: 0)
        d.lineChanged(true, at: 2_000 * Self.us)       // DHT11 needs 18 ms
        #expect(d.nextChangeNanos == nil)
        d.lineChanged(false, at: 10_000 * Self.us)
        d.lineChanged(true, at: 30_000 * Self.us)
        #expect(d.nextChangeNanos == 30_030 * Self.us)
    }

    @Test func catalogParsesPinDevices() throws {
        let s = try DeviceCatalog.parse("ds18b20@X2,serial=0x42")
        #expect(s.bus.kind == .pin && s.chipSelect == "X2" && s.options["serial"] == "0x42")
        #expect(s.description == "ds18b20@X2,serial=0x42")
        #expect(try DeviceCatalog.parse("dht22@Y1").description == "dht22@Y1")
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("ds18b20@X2,serial=zz") }
        #expect(throws: DeviceCatalogError.self) { try DeviceCatalog.parse("dht22@X1,size=4") }
    }
}
