import MicroPythonCore

// pyb.Accel: the onboard MMA7660 on I2C1 at 0x4C, as ports/stm32/accel.c drives it. The
// constructor power-cycles AVDD (30 ms off, 30 ms on), probes the address up to 4 times
// (OSError "accelerometer not found"), sets MODE = active and waits 30 ms. Axis reads write the
// register number without STOP then read one byte; like the C code they ignore bus errors (the
// value is then the register number left in the buffer). filtered_xyz() sums the last 4 samples
// of each axis. There is one Accel object, as on the board.

enum PybAccel {
    static let address: UInt8 = 0x4C
    static let modeRegister: UInt8 = 7
    /// Payload: 12 words of filter history (4 samples x 3 axes, oldest first).
    static let historyWords = 12

    static var bus: I2CBus? { DeviceBuses.shared.i2c[1] }
    static var chip: MMA7660? { bus?.device(at: address) as? MMA7660 }

    static func signed6(_ v: UInt8) -> Int { Int(v & 0x3F) - (v & 0x20 != 0 ? 64 : 0) }

    static func readRegister(_ reg: UInt8) -> UInt8 {
        guard let bus else { return reg }
        do {
            try bus.writeTo(address, [reg], stop: false)
            return try bus.readFrom(address, 1)[0]
        } catch {
            return reg
        }
    }

    static func start() throws {
        let buses = DeviceBuses.shared
        chip?.powered = false
        buses.delay(0.03)
        chip?.powered = true
        buses.delay(0.03)
        var found = false
        if let bus {
            for _ in 0..<4 where !found {
                found = (try? bus.writeTo(address, [])) != nil
            }
        }
        guard found, let bus else { throw Py.error(.OSError, "accelerometer not found") }
        _ = try? bus.writeTo(address, [modeRegister, 1])
        buses.delay(0.03)
    }

    private static var singleton: Obj?

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count == 0, a.keywordNames.isEmpty else { throw Py.error(.TypeError, "function takes 0 positional arguments") }
        let o: Obj
        if let s = singleton {
            o = s
        } else {
            o = Py.newStaticObject(type, words: historyWords)
            singleton = o
        }
        try start()
        return o
    }

    static func axis(_ reg: UInt8) throws -> Obj { try Py.int(signed6(readRegister(reg))) }

    static let methods: [PyNative] = [
        .method("x", 1) { _ in try axis(0) },
        .method("y", 1) { _ in try axis(1) },
        .method("z", 1) { _ in try axis(2) },
        .method("tilt", 1) { _ in try Py.int(Int(readRegister(3))) },
        .method("filtered_xyz", 1) { a in
            try Py.expect(a[0], type)
            let o = a[0]
            // Shift the history one sample and append the newest X, Y, Z (one 3-byte read).
            for i in 0..<(historyWords - 3) { Py.setWord(o, i, Py.word(o, i + 3)) }
            var data: [UInt8] = [0, 0, 0]
            if let bus {
                do {
                    try bus.writeTo(address, [0], stop: false)
                    data = try bus.readFrom(address, 3)
                } catch {
                    data = [0, 0, 0]
                }
            }
            for i in 0..<3 { Py.setWord(o, historyWords - 3 + i, UInt32(bitPattern: Int32(signed6(data[i])))) }
            var sums = [0, 0, 0]
            for j in 0..<4 {
                for i in 0..<3 { sums[i] += Int(Int32(bitPattern: Py.word(o, j * 3 + i))) }
            }
            return try Py.tuple(sums.map { try Py.int($0) })
        },
        .method("read", 2) { a in try Py.int(Int(readRegister(UInt8(truncatingIfNeeded: try Py.toInt(a[1]))))) },
        .method("write", 3) { a in
            let reg = UInt8(truncatingIfNeeded: try Py.toInt(a[1]))
            let val = UInt8(truncatingIfNeeded: try Py.toInt(a[2]))
            _ = try? bus?.writeTo(address, [reg, val])
            return Py.none
        },
    ]

    private static var cachedType: Obj?
    static var type: Obj {
        if let t = cachedType { return t }
        let t = Py.makeType("Accel", methods: methods, make: make)
        cachedType = t
        return t
    }
}
