import MicroPythonCore

// pyb.Accel: the onboard MMA7660 on I2C1 at 0x4C, as ports/stm32/accel.c drives it. The
// constructor starts I2C1 at 400 kHz, power-cycles AVDD through its pin (30 ms off, 30 ms on;
// the firmware switches AVDD off at every boot), probes the address up to 4 times
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

    /// I2C1 as accel_start leaves it (400 kHz controller), for the bus time of each transfer.
    static var target: MachineI2C.Target? {
        guard let bus else { return nil }
        let u = HardwareUnits.i2c[1] ?? I2CUnit()
        return MachineI2C.Target(bus: bus, unit: 1, secondsPerBit: u.baudrate > 0 ? 1 / Double(u.baudrate) : 0)
    }

    /// Register read as the C code does it: errors are ignored and leave the register number in
    /// the buffer.
    static func readRegisters(_ reg: UInt8, _ n: Int) -> [UInt8] {
        guard let t = target else { return [reg] + [UInt8](repeating: 0, count: n - 1) }
        do {
            _ = try MachineI2C.writeTo(t, address, [reg], stop: false)
            return try MachineI2C.readFrom(t, address, n, stop: true)
        } catch {
            return [reg] + [UInt8](repeating: 0, count: n - 1)
        }
    }

    static func readRegister(_ reg: UInt8) -> UInt8 { readRegisters(reg, 1)[0] }

    /// AVDD: the pin the board powers the chip from, or the chip itself when no pins are wired.
    static func setPower(_ on: Bool) {
        let buses = DeviceBuses.shared
        if let pin = buses.accelPowerPin, let drive = buses.drivePin {
            drive(pin, on)
        } else {
            chip?.powered = on
        }
    }

    static func start() throws {
        let buses = DeviceBuses.shared
        HardwareUnits.initI2CRegisters(1, freq: 400_000, timeoutMs: 50)
        setPower(false)
        try buses.delay(0.03)
        setPower(true)
        try buses.delay(0.03)
        var found = false
        if let t = target {
            for _ in 0..<4 where !found {
                found = (try? MachineI2C.writeTo(t, address, [], stop: true)) != nil
            }
        }
        guard found, let t = target else { throw Py.error(.OSError, "accelerometer not found") }
        _ = try? MachineI2C.writeTo(t, address, [modeRegister, 1], stop: true)
        try buses.delay(0.03)
    }

    nonisolated(unsafe) private static var singleton: Obj?

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
            let data = readRegisters(0, 3)
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
            if let t = target { _ = try? MachineI2C.writeTo(t, address, [reg, val], stop: true) }
            return Py.none
        },
    ]

    nonisolated(unsafe) private static var cachedType: Obj?
    static var type: Obj {
        if let t = cachedType { return t }
        let t = Py.makeType("Accel", methods: methods, make: make)
        cachedType = t
        return t
    }
}
