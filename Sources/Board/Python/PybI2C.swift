import MicroPythonCore

// pyb.I2C: the stm32 port's legacy class (ports/stm32/pyb_i2c.c) on the STM32 HAL. One object per
// bus (`pyb.I2C(1) is pyb.I2C(1)`); the configuration is the unit's (HardwareUnits). Transfers
// follow the HAL's polled controller functions: a NACK anywhere ends the transfer with a STOP and
// OSError(EIO); a transfer still running when `timeout` ms have passed (or any transfer with
// timeout=0, whose first flag wait fails at once) is OSError(ETIMEDOUT), after the 50 ms
// i2c_reset_after_error spends waiting for the bus; an uninitialised or de-initialised bus is
// OSError(EBUSY). Peripheral (slave) mode configures and prints as on the board; since nothing
// on the emulated bus can act as a controller, send/recv then wait `timeout` ms and raise
// ETIMEDOUT, which is what the board does with no controller attached.
//
// Payload: word 0 = bus number.

enum PybI2C {
    static let controllerMode = 0, peripheralMode = 1
    static let EIO: Int32 = 5, EBUSY: Int32 = 16, ETIMEDOUT: Int32 = 110

    nonisolated(unsafe) static var objects: [Int: Obj] = [:]

    /// i2c_find_peripheral: a bus number or the board's name for it.
    static func findBus(_ idObj: Obj) throws -> Int {
        let buses = DeviceBuses.shared
        if Py.isStr(idObj) {
            let name = try Py.toString(idObj)
            guard let n = buses.i2cNames[name] else { throw Py.error(.ValueError, "I2C(\(name)) doesn't exist") }
            return n
        }
        let n = try Py.toInt(idObj)
        guard buses.i2c[n] != nil else { throw Py.error(.ValueError, "I2C(\(n)) doesn't exist") }
        return n
    }

    static func id(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    static func unit(_ id: Int) -> I2CUnit { HardwareUnits.i2c[id] ?? I2CUnit() }
    static func bus(_ id: Int) -> I2CBus { DeviceBuses.shared.i2c[id] ?? I2CBus(name: "none") }

    static func repr(_ id: Int) -> String {
        let u = unit(id)
        guard u.halReady else { return "I2C(\(id))" }
        if u.isController { return "I2C(\(id), I2C.CONTROLLER, baudrate=\(u.baudrate))" }
        let a = (u.ownAddress1 >> 1) & 0x7F
        let hex = String(a, radix: 16)
        return "I2C(\(id), I2C.PERIPHERAL, addr=0x\(hex.count < 2 ? "0" + hex : hex))"
    }

    static let initArgs = ArgParser([("mode", kwOnly: false, required: false), ("addr", kwOnly: true, required: false),
                                     ("baudrate", kwOnly: true, required: false), ("gencall", kwOnly: true, required: false),
                                     ("dma", kwOnly: true, required: false)])

    /// init(mode=CONTROLLER, *, addr=0x12, baudrate=400000, gencall=False, dma=False)
    static func initBus(_ id: Int, _ a: PyArgs, first: Int) throws {
        let v = try initArgs.parse(a, first: first)
        let mode = try v.int("mode", controllerMode)
        let addr = try v.int("addr", 0x12)
        let baud = try v.int("baudrate", 400_000)
        var u = unit(id)
        u.ownAddress1 = mode == controllerMode ? I2CUnit.controllerAddress : UInt32(truncatingIfNeeded: addr << 1) & 0xFE
        u.generalCall = try v.bool("gencall", false)
        u.dma = try v.bool("dma", false)
        u.program(speed: UInt32(truncatingIfNeeded: min(baud, 400_000)), pclk1: UInt32(truncatingIfNeeded: HardwareUnits.pclk(.i2c, id)))
        u.halReady = true
        HardwareUnits.i2c[id] = u
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let n = try findBus(a[0])
        let o: Obj
        if let existing = objects[n] {
            o = existing
        } else {
            o = Py.newStaticObject(type, words: 1)
            Py.setWord(o, 0, UInt32(n))
            objects[n] = o
        }
        if a.count > 1 || !a.keywordNames.isEmpty { try initBus(n, a, first: 1) }
        return o
    }

    // MARK: HAL transfers

    /// One polled HAL transfer: time on the bus (spent before the device sees each part), the
    /// timeout rule, STOP on errors.
    struct Transfer {
        let bus: I2CBus
        let unit: I2CUnit
        let timeoutMs: Int
        var spent = 0.0

        mutating func clock(_ bits: Int) {
            let s = unit.seconds(bits: bits)
            spent += s
            DeviceBuses.shared.busy(s)
        }

        /// The HAL waits for a flag: with timeout 0, or past the timeout, it gives up.
        func checkTimeout() throws {
            if timeoutMs == 0 || Int(spent * 1000) > timeoutMs { throw fail(ETIMEDOUT) }
        }

        func fail(_ errno: Int32) -> Error {
            bus.stop()
            // A timeout leaves the bus busy: i2c_reset_after_error polls BUSY for 50 ms first.
            if errno == ETIMEDOUT { DeviceBuses.shared.busy(0.050) }
            return Py.osError(errno)
        }

        mutating func start(_ addr: UInt8, read: Bool) throws {
            clock(1)
            try checkTimeout()
            clock(9)
            if !bus.start(address: addr, read: read) { throw fail(EIO) }
        }

        mutating func write(_ bytes: [UInt8]) throws {
            for b in bytes {
                try checkTimeout()
                clock(9)
                if !bus.writeByte(b) { throw fail(EIO) }
            }
        }

        mutating func read(_ n: Int) throws -> [UInt8] {
            var out: [UInt8] = []
            for i in 0..<n {
                try checkTimeout()
                clock(9)
                out.append(bus.readByte(ack: i < n - 1))
            }
            return out
        }

        mutating func finish() {
            clock(1)
            bus.stop()
        }
    }

    /// The HAL handle must be ready; a peripheral-mode bus waits for a controller that never comes.
    static func begin(_ id: Int, timeout: Int, controllerOnly: Bool) throws -> Transfer {
        let u = unit(id)
        if controllerOnly && !u.isController { throw Py.error(.TypeError, "I2C must be a controller") }
        guard u.halReady else { throw Py.osError(EBUSY) }
        if !u.isController {
            try DeviceBuses.shared.delay(Double(max(0, timeout)) / 1000)
            throw Py.osError(ETIMEDOUT)
        }
        return Transfer(bus: bus(id), unit: u, timeoutMs: timeout)
    }

    static func address(_ o: Obj?) throws -> UInt8? {
        guard let o else { return nil }
        let v = try Py.toInt(o)
        if v == Int(I2CUnit.controllerAddress) { return nil }
        return UInt8(truncatingIfNeeded: v << 1) >> 1
    }

    /// HAL_I2C_IsDeviceReady: START, address, STOP, up to `trials` times.
    static func deviceReady(_ id: Int, _ addr: UInt8, trials: Int) -> Bool {
        let u = unit(id)
        guard u.halReady else { return false }
        let b = bus(id)
        for _ in 0..<trials {
            DeviceBuses.shared.busy(u.seconds(bits: 11))
            let ack = b.start(address: addr, read: false)
            b.stop()
            if ack { return true }
        }
        return false
    }

    static let sendArgs = ArgParser([("send", kwOnly: false, required: true), ("addr", kwOnly: false, required: false),
                                     ("timeout", kwOnly: true, required: false)])
    static let recvArgs = ArgParser([("recv", kwOnly: false, required: true), ("addr", kwOnly: false, required: false),
                                     ("timeout", kwOnly: true, required: false)])
    static let memArgs = ArgParser([("data", kwOnly: false, required: true), ("addr", kwOnly: false, required: true),
                                    ("memaddr", kwOnly: false, required: true), ("timeout", kwOnly: true, required: false),
                                    ("addr_size", kwOnly: true, required: false)])

    static func memAddress(_ v: [String: Obj]) throws -> [UInt8] {
        let m = try v.int("memaddr", 0)
        let size = try v.int("addr_size", 8) == 8 ? 8 : 16
        return I2CBus.memoryAddressBytes(m, addrsize: size)
    }

    static let methods: [PyNative] = [
        .method("__repr__", 1) { a in try Py.str(repr(try id(a[0]))) },
        .method("init", 1, PyNative.varArgs, kw: true) { a in
            try initBus(try id(a[0]), a, first: 1)
            return Py.none
        },
        .method("deinit", 1) { a in
            let n = try id(a[0])
            var u = unit(n)
            u.halReady = false
            u.enabled = false
            u.ccr = 0
            u.freqMHz = 0
            HardwareUnits.i2c[n] = u
            return Py.none
        },
        .method("is_ready", 2) { a in
            let n = try id(a[0])
            guard unit(n).isController else { throw Py.error(.TypeError, "I2C must be a controller") }
            let addr = UInt8(truncatingIfNeeded: try Py.toInt(a[1]) << 1) >> 1
            for _ in 0..<10 where deviceReady(n, addr, trials: 10) { return Py.bool(true) }
            return Py.bool(false)
        },
        .method("scan", 1) { a in
            let n = try id(a[0])
            guard unit(n).isController else { throw Py.error(.TypeError, "I2C must be a controller") }
            var found: [Obj] = []
            for addr in UInt8(0x08)...0x77 where deviceReady(n, addr, trials: 1) { found.append(try Py.int(Int(addr))) }
            return try Py.list(found)
        },
        .method("send", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try sendArgs.parse(a, first: 1)
            let data = try PybBuffers.forSend(v["send"]!)
            let timeout = try v.int("timeout", 5000)
            let addr = try address(v["addr"])
            if unit(n).isController && addr == nil { throw Py.error(.TypeError, "addr argument required") }
            var t = try begin(n, timeout: timeout, controllerOnly: false)
            try t.start(addr ?? 0, read: false)
            try t.write(data)
            t.finish()
            return Py.none
        },
        .method("recv", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try recvArgs.parse(a, first: 1)
            let (len, into) = try PybBuffers.recvLength(v["recv"]!)
            let timeout = try v.int("timeout", 5000)
            let addr = try address(v["addr"])
            if unit(n).isController && addr == nil { throw Py.error(.TypeError, "addr argument required") }
            var t = try begin(n, timeout: timeout, controllerOnly: false)
            try t.start(addr ?? 0, read: true)
            let got = try t.read(len)
            t.finish()
            return try PybBuffers.result(got, into: into)
        },
        .method("mem_read", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try memArgs.parse(a, first: 1)
            guard unit(n).isController else { throw Py.error(.TypeError, "I2C must be a controller") }
            let (len, into) = try PybBuffers.recvLength(v["data"]!)
            let addr = UInt8(truncatingIfNeeded: try v.int("addr", 0) << 1) >> 1
            let mem = try memAddress(v)
            var t = try begin(n, timeout: try v.int("timeout", 5000), controllerOnly: true)
            try t.start(addr, read: false)
            try t.write(mem)
            try t.start(addr, read: true)
            let got = try t.read(len)
            t.finish()
            return try PybBuffers.result(got, into: into)
        },
        .method("mem_write", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try memArgs.parse(a, first: 1)
            guard unit(n).isController else { throw Py.error(.TypeError, "I2C must be a controller") }
            let data = try PybBuffers.forSend(v["data"]!)
            let addr = UInt8(truncatingIfNeeded: try v.int("addr", 0) << 1) >> 1
            let mem = try memAddress(v)
            var t = try begin(n, timeout: try v.int("timeout", 5000), controllerOnly: true)
            try t.start(addr, read: false)
            try t.write(mem + data)
            t.finish()
            return Py.none
        },
    ]

    nonisolated(unsafe) private static var cachedType: Obj?
    static var type: Obj {
        if let t = cachedType { return t }
        let t = Py.makeType("I2C", methods: methods, attrs: [
            ("CONTROLLER", .int(controllerMode)), ("PERIPHERAL", .int(peripheralMode)),
            ("MASTER", .int(controllerMode)), ("SLAVE", .int(peripheralMode)),
        ], make: make)
        cachedType = t
        return t
    }
}
