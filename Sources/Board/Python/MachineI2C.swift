import MicroPythonCore

// machine.I2C and machine.SoftI2C: extmod/machine_i2c.c's controller API on an I2CBus.
//
// machine.I2C is the stm32 hardware driver (ports/stm32/i2c.c, F4 flavour): one object per unit,
// sharing the unit's registers with pyb.I2C and pyb.Accel; explicit scl/sda pins are a
// ValueError; it has no primitive operations (start/stop/readinto/write raise OSError "I2C
// operation not supported"); a read must end with STOP and read at least one byte (else
// OSError(EINVAL)); a de-initialised unit times out (OSError(ETIMEDOUT)). machine.SoftI2C
// bit-bangs any two pins: SoftI2C on a hardware bus's pins reaches that bus's devices.
// Both: no ACK for the address -> OSError(ENODEV); a NACKed data byte ends a write early and
// writeto() returns the ACK count; readfrom_mem with a NACKed memory address returns without
// reading, as read_mem does. Transfers take their bus time on the virtual clock.
//
// Payload: I2C: word 0 = unit number. SoftI2C: word 0 = bus index, word 1 = pin-pair index,
// word 2 = us_delay (half an SCL period), word 3 = timeout in us.

enum MachineI2C {
    static let ENODEV: Int32 = 19, EINVAL: Int32 = 22, ETIMEDOUT: Int32 = 110

    nonisolated(unsafe) static var buses: [I2CBus] = []
    nonisolated(unsafe) static var pinPairs: [(scl: String, sda: String)] = []
    nonisolated(unsafe) static var hardObjects: [Int: Obj] = [:]

    static func handle(_ bus: I2CBus) -> UInt32 {
        if let i = buses.firstIndex(where: { $0 === bus }) { return UInt32(i) }
        buses.append(bus)
        return UInt32(buses.count - 1)
    }

    static func pairHandle(_ scl: String, _ sda: String) -> UInt32 {
        if let i = pinPairs.firstIndex(where: { $0.scl == scl && $0.sda == sda }) { return UInt32(i) }
        pinPairs.append((scl, sda))
        return UInt32(pinPairs.count - 1)
    }

    /// What a method needs from either class.
    struct Target {
        let bus: I2CBus
        /// Hardware unit number; nil for SoftI2C.
        let unit: Int?
        let secondsPerBit: Double
        func spend(_ bits: Int) { DeviceBuses.shared.busy(Double(bits) * secondsPerBit) }
    }

    static func target(_ o: Obj) throws -> Target {
        if Py.isInstance(o, i2cType) {
            let id = Int(Py.word(o, 0))
            let u = HardwareUnits.i2c[id] ?? I2CUnit()
            guard u.enabled, u.baudrate > 0 else {
                // No clock programmed: the START never completes.
                try DeviceBuses.shared.delay(Double(u.timeoutMs) / 1000)
                throw Py.osError(ETIMEDOUT)
            }
            return Target(bus: DeviceBuses.shared.i2c[id] ?? I2CBus(name: "none"), unit: id, secondsPerBit: 1 / Double(u.baudrate))
        }
        guard Py.isInstance(o, softI2CType) else { throw Py.error(.TypeError, "I2C object required") }
        let i = Int(Py.word(o, 0))
        guard i < buses.count else { throw Py.error(.OSError, "I2C bus not initialised") }
        return Target(bus: buses[i], unit: nil, secondsPerBit: 2e-6 * Double(Py.word(o, 2)))
    }

    /// Copies `bytes` into a writable buffer.
    static func fill(_ buf: Obj, _ bytes: [UInt8]) throws {
        try Py.withWritableBuffer(buf) { p in
            for i in 0..<min(p.count, bytes.count) { p[i] = bytes[i] }
        }
    }

    /// The address byte is 7 bits and a R/W bit in one byte: larger numbers wrap, as in C.
    static func address(_ o: Obj) throws -> UInt8 { UInt8(truncatingIfNeeded: try Py.toInt(o) << 1) >> 1 }

    /// read_mem/write_mem's memory-address bytes: `addrsize` bits, most significant first.
    static func memoryAddress(_ memaddr: Int, addrsize: Int) -> [UInt8] {
        var out: [UInt8] = []
        var shift = Int(UInt8(truncatingIfNeeded: addrsize)) - 8
        while shift >= 0 && out.count < 4 {
            out.append(UInt8(truncatingIfNeeded: shift >= 32 ? 0 : UInt32(truncatingIfNeeded: memaddr) >> UInt32(shift)))
            shift -= 8
        }
        return out
    }

    // MARK: transfers (mp_machine_i2c_transfer)

    // The bus time of each part is spent before the device sees it, so a chip's timing (an
    // EEPROM's write cycle from STOP) starts when its bits have gone over the wire.

    static func writeTo(_ t: Target, _ addr: UInt8, _ data: [UInt8], stop: Bool) throws -> Int {
        t.spend(10)
        guard t.bus.start(address: addr, read: false) else {
            t.spend(1)
            t.bus.stop()
            throw Py.osError(ENODEV)
        }
        var acks = 0
        for b in data {
            t.spend(9)
            if !t.bus.writeByte(b) { break }
            acks += 1
        }
        if stop {
            t.spend(1)
            t.bus.stop()
        }
        return acks
    }

    static func readFrom(_ t: Target, _ addr: UInt8, _ n: Int, stop: Bool) throws -> [UInt8] {
        if t.unit != nil && !stop { throw Py.osError(EINVAL) }
        t.spend(10)
        guard t.bus.start(address: addr, read: true) else {
            t.spend(1)
            t.bus.stop()
            throw Py.osError(ENODEV)
        }
        if t.unit != nil && n == 0 {
            t.bus.stop()
            throw Py.osError(EINVAL)
        }
        var out: [UInt8] = []
        for i in 0..<n {
            t.spend(9)
            out.append(t.bus.readByte(ack: i < n - 1))
        }
        if stop {
            t.spend(1)
            t.bus.stop()
        }
        return out
    }

    static func length(_ o: Obj) throws -> Int {
        let n = try Py.toInt(o)
        guard n >= 0 else { throw Py.error(.MemoryError, "memory allocation failed, allocating \(UInt32(truncatingIfNeeded: n)) bytes") }
        return n
    }

    static func stopFlag(_ a: PyArgs, _ i: Int) throws -> Bool { try a.arg(i, "stop").map(Py.truthy) ?? true }

    static let memArgs = ArgParser([("addr", kwOnly: false, required: true), ("memaddr", kwOnly: false, required: true),
                                    ("arg", kwOnly: false, required: true), ("addrsize", kwOnly: true, required: false)])

    /// read_mem: the memory address without STOP, then a read; a short write ends with a STOP
    /// and no read (the caller's buffer keeps its contents).
    static func readMem(_ o: Obj, _ a: PyArgs, count: (Obj) throws -> Int) throws -> (bytes: [UInt8]?, arg: Obj) {
        let v = try memArgs.parse(a, first: 1)
        let t = try target(o)
        let addr = try address(v["addr"]!)
        let n = try count(v["arg"]!)
        let mem = memoryAddress(try v.int("memaddr", 0), addrsize: try v.int("addrsize", 8))
        let acks = try writeTo(t, addr, mem, stop: false)
        if acks != mem.count {
            _ = try? writeTo(t, addr, [], stop: true)
            return (nil, v["arg"]!)
        }
        return (try readFrom(t, addr, n, stop: true), v["arg"]!)
    }

    static func softOnly(_ o: Obj) throws -> Target {
        let t = try target(o)
        if t.unit != nil { throw Py.error(.OSError, "I2C operation not supported") }
        return t
    }

    static let methods: [PyNative] = [
        .method("__repr__", 1) { a in try Py.str(repr(a[0])) },
        .method("init", 1, PyNative.varArgs, kw: true) { a in
            if Py.isInstance(a[0], i2cType) {
                try initHard(Int(Py.word(a[0], 0)), a, first: 1)
            } else {
                try initSoft(a[0], a, first: 1)
            }
            return Py.none
        },
        .method("deinit", 1) { a in
            if Py.isInstance(a[0], i2cType) {
                let id = Int(Py.word(a[0], 0))
                var u = HardwareUnits.i2c[id] ?? I2CUnit()
                u.enabled = false
                u.halReady = false
                u.ccr = 0
                u.freqMHz = 0
                HardwareUnits.i2c[id] = u
            }
            return Py.none
        },
        .method("scan", 1) { a in
            let t = try target(a[0])
            var found: [Obj] = []
            for addr in UInt8(0x08)...0x77 {
                if (try? writeTo(t, addr, [], stop: true)) != nil { found.append(try Py.int(Int(addr))) }
            }
            return try Py.list(found)
        },
        // Primitive operations (SoftI2C only on this port).
        .method("start", 1) { a in
            let t = try softOnly(a[0])
            t.bus.rawStart()
            t.spend(1)
            return Py.none
        },
        .method("stop", 1) { a in
            let t = try softOnly(a[0])
            t.bus.stop()
            t.spend(1)
            return Py.none
        },
        .method("readinto", 2, 3) { a in
            let t = try softOnly(a[0])
            let nackLast = a.count > 2 ? try Py.truthy(a[2]) : true
            let n = try Py.withWritableBuffer(a[1]) { $0.count }
            var bytes: [UInt8] = []
            for i in 0..<n { bytes.append(t.bus.readByte(ack: !(nackLast && i == n - 1))) }
            t.spend(9 * n)
            try fill(a[1], bytes)
            return Py.none
        },
        .method("write", 2) { a in
            let t = try softOnly(a[0])
            var acks = 0
            let data = try Py.readBuffer(a[1])
            for byte in data {
                if !t.bus.writeByte(byte) { break }
                acks += 1
            }
            t.spend(9 * min(data.count, acks + 1))
            return try Py.int(acks)
        },
        // Standard bus operations.
        .method("readfrom", 3, 4) { a in
            let t = try target(a[0])
            return try Py.bytes(readFrom(t, address(a[1]), length(a[2]), stop: stopFlag(a, 3)))
        },
        .method("readfrom_into", 3, 4) { a in
            let t = try target(a[0])
            let n = try Py.withWritableBuffer(a[2]) { $0.count }
            try fill(a[2], try readFrom(t, address(a[1]), n, stop: stopFlag(a, 3)))
            return Py.none
        },
        .method("writeto", 3, 4) { a in
            let t = try target(a[0])
            return try Py.int(writeTo(t, address(a[1]), Py.readBuffer(a[2]), stop: stopFlag(a, 3)))
        },
        .method("writevto", 3, 4) { a in
            let t = try target(a[0])
            let parts = try Py.items(a[2]).map(Py.readBuffer)
            return try Py.int(writeTo(t, address(a[1]), Array(parts.joined()), stop: stopFlag(a, 3)))
        },
        // Memory operations.
        .method("readfrom_mem", 1, PyNative.varArgs, kw: true) { a in
            let r = try readMem(a[0], a, count: length)
            let n = try length(r.arg)
            return try Py.bytes(r.bytes ?? [UInt8](repeating: 0, count: n))
        },
        .method("readfrom_mem_into", 1, PyNative.varArgs, kw: true) { a in
            let r = try readMem(a[0], a) { o in try Py.withWritableBuffer(o) { $0.count } }
            if let bytes = r.bytes { try fill(r.arg, bytes) }
            return Py.none
        },
        .method("writeto_mem", 1, PyNative.varArgs, kw: true) { a in
            let v = try memArgs.parse(a, first: 1)
            let t = try target(a[0])
            let data = try Py.readBuffer(v["arg"]!)
            let mem = memoryAddress(try v.int("memaddr", 0), addrsize: try v.int("addrsize", 8))
            _ = try writeTo(t, address(v["addr"]!), mem + data, stop: true)
            return Py.none
        },
    ]

    // MARK: construction

    static let hardArgs = ArgParser([("id", kwOnly: false, required: true), ("scl", kwOnly: true, required: false),
                                     ("sda", kwOnly: true, required: false), ("freq", kwOnly: true, required: false),
                                     ("timeout", kwOnly: true, required: false)])
    static let hardInitArgs = ArgParser([("freq", kwOnly: true, required: false), ("timeout", kwOnly: true, required: false)])

    static func initHard(_ id: Int, _ a: PyArgs, first: Int) throws {
        let v = try hardInitArgs.parse(a, first: first)
        let timeoutUs = try v.int("timeout", 50_000)
        HardwareUnits.initI2CRegisters(id, freq: try v.int("freq", 400_000), timeoutMs: (timeoutUs + 999) / 1000)
    }

    /// machine.I2C(id, *, scl, sda, freq=400000, timeout=50000): a hardware unit by number or name.
    static func makeI2C(_ a: PyArgs) throws -> Obj {
        let v = try hardArgs.parse(a, first: 0)
        let id = try PybI2C.findBus(v["id"]!)
        if v["scl"] != nil || v["sda"] != nil { throw Py.error(.ValueError, "explicit choice of scl/sda is not implemented") }
        let timeoutUs = try v.int("timeout", 50_000)
        HardwareUnits.initI2CRegisters(id, freq: try v.int("freq", 400_000), timeoutMs: (timeoutUs + 999) / 1000)
        if let o = hardObjects[id] { return o }
        let o = Py.newStaticObject(i2cType, words: 1)
        Py.setWord(o, 0, UInt32(id))
        hardObjects[id] = o
        return o
    }

    static let softArgs = ArgParser([("scl", kwOnly: false, required: true), ("sda", kwOnly: false, required: true),
                                     ("freq", kwOnly: true, required: false), ("timeout", kwOnly: true, required: false)])

    static func initSoft(_ o: Obj, _ a: PyArgs, first: Int) throws {
        let v = try softArgs.parse(a, first: first)
        let scl = try DeviceBindings.pinName(v["scl"]!), sda = try DeviceBindings.pinName(v["sda"]!)
        let freq = UInt32(truncatingIfNeeded: try v.int("freq", 400_000))
        let delay = max(1, udiv(500_000, freq))
        Py.setWord(o, 0, handle(DeviceBuses.shared.softI2C(scl: scl, sda: sda)))
        Py.setWord(o, 1, pairHandle(scl, sda))
        Py.setWord(o, 2, delay)
        Py.setWord(o, 3, UInt32(truncatingIfNeeded: try v.int("timeout", 50_000)))
    }

    /// machine.SoftI2C(scl, sda, *, freq=400000, timeout=50000).
    static func makeSoftI2C(_ a: PyArgs) throws -> Obj {
        let o = try Py.newObject(softI2CType, words: 4)
        try initSoft(o, a, first: 0)
        return o
    }

    static func repr(_ o: Obj) throws -> String {
        if Py.isInstance(o, i2cType) {
            let id = Int(Py.word(o, 0))
            let u = HardwareUnits.i2c[id] ?? I2CUnit()
            let pins = DeviceBuses.shared.i2cPins[id] ?? ("?", "?")
            return "I2C(\(id), scl=\(pins.scl), sda=\(pins.sda), freq=\(u.baudrate))"
        }
        try Py.expect(o, softI2CType)
        let pins = pinPairs[Int(Py.word(o, 1))]
        return "SoftI2C(scl=\(pins.scl), sda=\(pins.sda), freq=\(udiv(500_000, Py.word(o, 2))))"
    }

    nonisolated(unsafe) private static var types: (Obj, Obj)?
    static var i2cType: Obj { makeTypes().0 }
    static var softI2CType: Obj { makeTypes().1 }

    private static func makeTypes() -> (Obj, Obj) {
        if let t = types { return t }
        let t = (Py.makeType("I2C", methods: methods, make: makeI2C),
                 Py.makeType("SoftI2C", methods: methods, make: makeSoftI2C))
        types = t
        return t
    }
}
