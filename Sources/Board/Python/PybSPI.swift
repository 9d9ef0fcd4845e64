import MicroPythonCore

// pyb.SPI: the stm32 port's legacy class (ports/stm32/pyb_spi.c) on the unit's HAL handle, which
// machine.SPI shares. init picks the prescaler giving at most `baudrate` from the unit's clock
// (SPI1 on APB2, SPI2 on APB1) unless `prescaler` is given; `crc` makes the hardware append a
// CRC frame after the data and check the one received (OSError(EIO) on a mismatch in recv and
// send_recv). 2-line full duplex with software NSS is what the emulated unit does: other `dir`
// and `nss` settings raise NotImplementedError. A peripheral-mode unit waits for a controller's
// clock that never comes and raises ETIMEDOUT after `timeout` ms, as the board does alone.
//
// Payload: word 0 = unit number.

enum PybSPI {
    static let directionTwoLines = 0, nssSoft = 0x200
    nonisolated(unsafe) static var objects: [Int: Obj] = [:]

    static func id(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    static let initArgs = ArgParser([("mode", kwOnly: false, required: true), ("baudrate", kwOnly: false, required: false),
                                     ("prescaler", kwOnly: true, required: false), ("polarity", kwOnly: true, required: false),
                                     ("phase", kwOnly: true, required: false), ("dir", kwOnly: true, required: false),
                                     ("bits", kwOnly: true, required: false), ("nss", kwOnly: true, required: false),
                                     ("firstbit", kwOnly: true, required: false), ("ti", kwOnly: true, required: false),
                                     ("crc", kwOnly: true, required: false)])

    /// init(mode, baudrate=328125, *, prescaler, polarity=1, phase=0, dir, bits=8, nss, firstbit=MSB, ti=False, crc=None)
    static func initBus(_ id: Int, _ a: PyArgs, first: Int) throws {
        let v = try initArgs.parse(a, first: first)
        if try v.int("dir", directionTwoLines) != directionTwoLines {
            throw Py.error(.NotImplementedError, "pyb.SPI: only dir=2-line full duplex is emulated")
        }
        if try v.int("nss", nssSoft) != nssSoft {
            throw Py.error(.NotImplementedError, "pyb.SPI: hardware NSS is not emulated; drive a Pin as chip select")
        }
        var u = HardwareUnits.spi[id] ?? SPIUnit()
        u.mode = try v.int("mode", 0)
        let prescaler = try v["prescaler"].map { UInt32(truncatingIfNeeded: try Py.toInt($0)) } ?? 0xFFFF_FFFF
        u.setParams(prescaler: prescaler, baudrate: try v.int("baudrate", 328_125), polarity: try v.int("polarity", 1),
                    phase: try v.int("phase", 0), bits: try v.int("bits", 8), firstBit: try v.int("firstbit", MachineSPI.msb),
                    sourceHz: MachineSPI.sourceHz(id))
        u.ti = try v.bool("ti", false)
        if let c = v["crc"], !Py.isNone(c) { u.crc = try Py.toInt(c) } else { u.crc = nil }
        u.ready = true
        HardwareUnits.spi[id] = u
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let n = try MachineSPI.findBus(a[0])
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

    static let sendArgs = ArgParser([("send", kwOnly: false, required: true), ("timeout", kwOnly: true, required: false)])
    static let recvArgs = ArgParser([("recv", kwOnly: false, required: true), ("timeout", kwOnly: true, required: false)])
    static let sendRecvArgs = ArgParser([("send", kwOnly: false, required: true), ("recv", kwOnly: false, required: false),
                                         ("timeout", kwOnly: true, required: false)])

    static let methods: [PyNative] = MachineSPI.transferMethods + [
        .method("__repr__", 1) { a in
            let n = try id(a[0])
            return try Py.str((HardwareUnits.spi[n] ?? SPIUnit()).repr(id: n, legacy: true, sourceHz: MachineSPI.sourceHz(n)))
        },
        .method("init", 1, PyNative.varArgs, kw: true) { a in
            try initBus(try id(a[0]), a, first: 1)
            return Py.none
        },
        .method("deinit", 1) { a in
            let n = try id(a[0])
            var u = HardwareUnits.spi[n] ?? SPIUnit()
            u.ready = false
            HardwareUnits.spi[n] = u
            return Py.none
        },
        .method("send", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try sendArgs.parse(a, first: 1)
            let data = try PybBuffers.forSend(v["send"]!)
            _ = try MachineSPI.hardTransfer(n, data, timeoutMs: try v.int("timeout", 5000), receiving: false)
            return Py.none
        },
        .method("recv", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try recvArgs.parse(a, first: 1)
            let (len, into) = try PybBuffers.recvLength(v["recv"]!)
            let got = try MachineSPI.hardTransfer(n, [UInt8](repeating: 0, count: len), timeoutMs: try v.int("timeout", 5000),
                                                  receiving: true)
            return try PybBuffers.result(got, into: into)
        },
        .method("send_recv", 1, PyNative.varArgs, kw: true) { a in
            let n = try id(a[0])
            let v = try sendRecvArgs.parse(a, first: 1)
            let send = v["send"]!
            var into: Obj? = nil
            let data: [UInt8]
            if let r = v["recv"], r == send {
                // The same object both ways: it must be writable.
                _ = try Py.withWritableBuffer(r) { $0.count }
                data = try Py.readBuffer(r)
                into = r
            } else {
                data = try PybBuffers.forSend(send)
                if let r = v["recv"] {
                    let len = try Py.withWritableBuffer(r) { $0.count }
                    guard len == data.count else { throw Py.error(.ValueError, "recv must be same length as send") }
                    into = r
                }
            }
            let got = try MachineSPI.hardTransfer(n, data, timeoutMs: try v.int("timeout", 5000), receiving: true)
            return try PybBuffers.result(got, into: into)
        },
    ]

    nonisolated(unsafe) private static var cachedType: Obj?
    static var type: Obj {
        if let t = cachedType { return t }
        let t = Py.makeType("SPI", methods: methods, attrs: [
            ("CONTROLLER", .int(SPIUnit.masterMode)), ("PERIPHERAL", .int(0)),
            ("MASTER", .int(SPIUnit.masterMode)), ("SLAVE", .int(0)),
            ("MSB", .int(MachineSPI.msb)), ("LSB", .int(MachineSPI.lsb)),
        ], make: make)
        cachedType = t
        return t
    }
}
