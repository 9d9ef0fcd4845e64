import MicroPythonCore

// Bit-level pin protocols timed on the virtual clock, with interrupts off as the C drivers run
// them: machine.dht_readinto (DHT11/DHT22 frames), the _onewire primitives under onewire.py
// (Maxim application note 126's standard-speed slot timings), and machine.bitstream (the
// WS2812-style high/low encoding 0). Waits go through the board's idle loop, so device models
// on the line answer at their virtual times.

enum WireProtocols {
    static var board: Board { Board.current! }

    static func register() {
        Py.extendModule("machine") {
            [
                ("Signal", .value(MachineSignal.type)),
                ("dht_readinto", .function(.function("dht_readinto", 2) { a in try dhtReadinto(a[0], a[1]) })),
                ("bitstream", .function(.function("bitstream", 4) { a in try bitstream(a) })),
            ]
        }
        Py.registerModule("_onewire") {
            [
                ("reset", .function(.function("reset", 1) { a in try Py.bool(reset(ObjPin.find(a[0]))) })),
                ("readbit", .function(.function("readbit", 1) { a in try Py.int(readBit(ObjPin.find(a[0])) ? 1 : 0) })),
                ("readbyte", .function(.function("readbyte", 1) { a in try Py.int(Int(readByte(ObjPin.find(a[0])))) })),
                ("writebit", .function(.function("writebit", 2) { a in
                    try withIRQsOff { try writeBit(ObjPin.find(a[0]), Py.truthy(a[1])) }
                    return Py.none
                })),
                ("writebyte", .function(.function("writebyte", 2) { a in
                    let i = try ObjPin.find(a[0])
                    let v = try Py.toInt(a[1])
                    try withIRQsOff { for k in 0..<8 { try writeBit(i, v >> k & 1 == 1) } }
                    return Py.none
                })),
                ("crc8", .function(.function("crc8", 1) { a in try Py.int(Int(DS18B20.crc8(Py.readBuffer(a[0])))) })),
            ]
        }
    }

    // MARK: timing helpers

    static func withIRQsOff<R>(_ body: () throws -> R) throws -> R {
        let was = try Py.truthy(ModulePyb.disableIRQ())
        defer { _ = try? ModulePyb.enableIRQ(was) }
        return try body()
    }

    static func delay(us: UInt64) throws {
        try board.idle(until: board.scheduler.now() + us * 1000)
    }

    /// Waits until pin `i` reads `level`, for at most `timeoutUs`; the wait's length, or nil.
    static func wait(_ i: Int, for level: Bool, timeoutUs: UInt64) throws -> UInt64? {
        let pins = board.pins
        let start = board.scheduler.now()
        try board.idle(until: start + timeoutUs * 1000, ready: { pins.level(i) == level })
        return pins.level(i) == level ? board.scheduler.now() - start : nil
    }

    static func drive(_ i: Int, _ high: Bool) {
        board.scheduler.charge(board.definition.cost("pin.write"))
        board.pins.write(i, high)
    }

    // MARK: DHT

    /// dht_readinto(pin, buf): start signal (250 ms high, 18 ms low), then the sensor's
    /// response and 40 bits; a high longer than 48 µs is a 1. OSError(ETIMEDOUT) when the line
    /// stops moving. The checksum is dht.py's business.
    static func dhtReadinto(_ pinObj: Obj, _ buf: Obj) throws -> Obj {
        let i = try ObjPin.find(pinObj)
        guard try Py.bufferLength(buf) >= 5 else { throw Py.error(.ValueError, "buffer too small") }
        let pins = board.pins
        pins.write(i, true)
        pins.configure(i, mode: PinMode.openDrain)
        try board.sleep(nanos: 250_000_000)
        drive(i, false)
        try board.sleep(nanos: 18_000_000)
        let etimedout: Int32 = 110
        var bytes = [UInt8](repeating: 0, count: 5)
        try withIRQsOff {
            drive(i, true)
            guard try wait(i, for: false, timeoutUs: 100) != nil,
                  try wait(i, for: true, timeoutUs: 100) != nil,
                  try wait(i, for: false, timeoutUs: 100) != nil else { throw Py.osError(etimedout) }
            for k in 0..<40 {
                guard try wait(i, for: true, timeoutUs: 100) != nil,
                      let high = try wait(i, for: false, timeoutUs: 100) else { throw Py.osError(etimedout) }
                if high > 48_000 { bytes[k / 8] |= 1 << UInt8(7 - k % 8) }
            }
        }
        try Py.withWritableBuffer(buf) { b in for k in 0..<5 { b[k] = bytes[k] } }
        return Py.none
    }

    // MARK: 1-Wire (standard speed, AN126: A 6, B 64, C 60, D 10, E 9, F 55, H 480, I 70, J 410 µs)

    static func reset(_ i: Int) throws -> Bool {
        try withIRQsOff {
            drive(i, false)
            try delay(us: 480)
            drive(i, true)
            try delay(us: 70)
            let presence = !board.pins.level(i)
            try delay(us: 410)
            return presence
        }
    }

    static func writeBit(_ i: Int, _ bit: Bool) throws {
        drive(i, false)
        try delay(us: bit ? 6 : 60)
        drive(i, true)
        try delay(us: bit ? 64 : 10)
    }

    static func readBit(_ i: Int) throws -> Bool {
        try withIRQsOff {
            drive(i, false)
            try delay(us: 6)
            drive(i, true)
            try delay(us: 9)
            let v = board.pins.level(i)
            try delay(us: 55)
            return v
        }
    }

    static func readByte(_ i: Int) throws -> UInt8 {
        var v: UInt8 = 0
        for k in 0..<8 where try readBit(i) { v |= 1 << UInt8(k) }
        return v
    }

    // MARK: bitstream

    /// bitstream(pin, 0, (t0high, t0low, t1high, t1low) in ns, buf): each bit MSB first as a
    /// high then a low of its pair of times, busy-waited with interrupts off.
    static func bitstream(_ a: PyArgs) throws -> Obj {
        let i = try ObjPin.find(a[0])
        guard try Py.toInt(a[1]) == 0 else { throw Py.error(.ValueError, "invalid encoding (only 0 exists)") }
        let t = try Py.items(a[2])
        guard t.count == 4 else { throw Py.error(.ValueError, "requested length 4 but object has length \(t.count)") }
        let ns = try t.map { v -> UInt64 in
            let n = try Py.toInt(v)
            guard n >= 0 && n <= 1_000_000_000 else { throw Py.error(.ValueError, "timing out of range") }
            return UInt64(n)
        }
        let data = try Py.readBuffer(a[3])
        let pins = board.pins
        let hz = UInt64(board.sysclkHz)
        pins.configure(i, mode: PinMode.output)
        try withIRQsOff {
            for byte in data {
                for k in (0..<8).reversed() {
                    let one = byte >> UInt8(k) & 1 == 1
                    pins.write(i, true)
                    board.scheduler.charge(Int((one ? ns[2] : ns[0]) * hz / 1_000_000_000))
                    pins.write(i, false)
                    board.scheduler.charge(Int((one ? ns[3] : ns[1]) * hz / 1_000_000_000))
                }
            }
        }
        return Py.none
    }
}
