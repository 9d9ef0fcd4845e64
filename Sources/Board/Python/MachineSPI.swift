import MicroPythonCore

// machine.SPI and machine.SoftSPI on an SPIBus. Chip select is an ordinary Pin the program
// drives: the board forwards CS pin levels to `SPIBus.setChipSelect`, so these classes only
// shift frames (SPIWire). machine.SPI is the stm32 hardware unit (ports/stm32/machine_spi.c):
// one object per unit sharing pyb.SPI's handle, baudrate rounded down to SOURCE/2^n, explicit
// pins a ValueError, `bits` 8 or 16, firstbit MSB (0) or LSB (0x80). SoftSPI (extmod) takes any
// three pins; SoftSPI on a hardware bus's pins reaches that bus's devices; bits must be 8.
//
// Payload: SPI: word 0 = unit number. SoftSPI: word 0 = bus index, word 1 = pin-triple index,
// word 2 = delay_half (us), word 3 = polarity | phase << 1, word 4 = firstbit.

enum MachineSPI {
    static let msb = 0, lsb = SPIUnit.lsbFirst

    nonisolated(unsafe) static var buses: [SPIBus] = []
    nonisolated(unsafe) static var pinTriples: [(sck: String, mosi: String, miso: String)] = []
    nonisolated(unsafe) static var hardObjects: [Int: Obj] = [:]

    static func handle(_ bus: SPIBus) -> UInt32 {
        if let i = buses.firstIndex(where: { $0 === bus }) { return UInt32(i) }
        buses.append(bus)
        return UInt32(buses.count - 1)
    }

    static func tripleHandle(_ t: (String, String, String)) -> UInt32 {
        if let i = pinTriples.firstIndex(where: { $0 == t }) { return UInt32(i) }
        pinTriples.append(t)
        return UInt32(pinTriples.count - 1)
    }

    /// spi_find_index: a unit number or the board's name for it.
    static func findBus(_ idObj: Obj) throws -> Int {
        let buses = DeviceBuses.shared
        if Py.isStr(idObj) {
            let name = try Py.toString(idObj)
            guard let n = buses.spiNames[name] else { throw Py.error(.ValueError, "SPI(\(name)) doesn't exist") }
            return n
        }
        let n = try Py.toInt(idObj)
        guard buses.spi[n] != nil else { throw Py.error(.ValueError, "SPI(\(n)) doesn't exist") }
        return n
    }

    static func sourceHz(_ id: Int) -> Int { HardwareUnits.pclk(.spi, id) }

    /// spi_transfer on a hardware unit: EBUSY unless initialised; a peripheral-mode unit waits
    /// for a controller's clock that never comes (ETIMEDOUT); a transfer longer than `timeoutMs`
    /// (or of 3+ frames with timeout 0) is ETIMEDOUT; a CRC mismatch on a receive is EIO.
    static func hardTransfer(_ id: Int, _ out: [UInt8], timeoutMs: Int, receiving: Bool) throws -> [UInt8] {
        let u = HardwareUnits.spi[id] ?? SPIUnit()
        guard u.ready else { throw Py.osError(16) }
        guard u.isController else {
            try DeviceBuses.shared.delay(Double(max(0, timeoutMs)) / 1000)
            throw Py.osError(110)
        }
        let bus = DeviceBuses.shared.spi[id] ?? SPIBus(name: "none")
        let baud = u.baudrate(sourceHz: sourceHz(id))
        let frameBytes = u.bits == 16 ? 2 : 1
        let frames = out.count / frameBytes
        let seconds = Double(frames * u.bits) / Double(max(1, baud))
        if (timeoutMs == 0 && frames >= 3) || (timeoutMs > 0 && seconds * 1000 >= Double(timeoutMs)) {
            // The frames that fit before the HAL gave up still went out.
            let fit = timeoutMs == 0 ? 2 : Int(Double(timeoutMs) / 1000 * Double(baud) / Double(u.bits))
            _ = SPIWire.transfer(bus, Array(out.prefix(min(frames, fit) * frameBytes)), bits: u.bits,
                                 lsbFirst: u.firstBit & SPIUnit.lsbFirst != 0, baudrate: baud)
            throw Py.osError(110)
        }
        let r = SPIWire.transfer(bus, out, bits: u.bits, lsbFirst: u.firstBit & SPIUnit.lsbFirst != 0, crcPoly: u.crc,
                                 baudrate: baud)
        if receiving && !r.crcOK { throw Py.osError(5) }
        return r.data
    }

    /// One transfer through either class, with machine.SPI's timeout (len + 100 ms).
    static func transfer(_ o: Obj, _ out: [UInt8]) throws -> [UInt8] {
        if Py.isInstance(o, spiType) {
            return try hardTransfer(Int(Py.word(o, 0)), out, timeoutMs: out.count + 100, receiving: true)
        }
        if Py.isInstance(o, PybSPI.type) {
            return try hardTransfer(Int(Py.word(o, 0)), out, timeoutMs: out.count + 100, receiving: true)
        }
        try Py.expect(o, softSPIType)
        let i = Int(Py.word(o, 0))
        guard i < buses.count else { throw Py.error(.OSError, "SPI bus not initialised") }
        let delay = Double(Py.word(o, 2))
        return SPIWire.transfer(buses[i], out, lsbFirst: Py.word(o, 4) != UInt32(msb), baudrate: Int(500_000 / delay)).data
    }

    static func fillByte(_ a: PyArgs, _ i: Int) throws -> UInt8 {
        UInt8(truncatingIfNeeded: try a.arg(i, "write").map(Py.toInt) ?? 0)
    }

    /// read/readinto/write/write_readinto (extmod/machine_spi.c), shared with pyb.SPI.
    static let transferMethods: [PyNative] = [
        .method("read", 2, 3, kw: true) { a in
            let n = try MachineI2C.length(a[1])
            return try Py.bytes(transfer(a[0], [UInt8](repeating: try fillByte(a, 2), count: n)))
        },
        .method("readinto", 2, 3, kw: true) { a in
            let n = try Py.withWritableBuffer(a[1]) { $0.count }
            let got = try transfer(a[0], [UInt8](repeating: try fillByte(a, 2), count: n))
            try MachineI2C.fill(a[1], got)
            return Py.none
        },
        .method("write", 2) { a in
            _ = try transfer(a[0], try Py.readBuffer(a[1]))
            return Py.none
        },
        .method("write_readinto", 3) { a in
            let out = try Py.readBuffer(a[1])
            let n = try Py.withWritableBuffer(a[2]) { $0.count }
            guard n == out.count else { throw Py.error(.ValueError, "buffers must be the same length") }
            try MachineI2C.fill(a[2], try transfer(a[0], out))
            return Py.none
        },
    ]

    static let methods: [PyNative] = transferMethods + [
        .method("__repr__", 1) { a in try Py.str(repr(a[0])) },
        .method("init", 1, PyNative.varArgs, kw: true) { a in
            if Py.isInstance(a[0], spiType) {
                let id = Int(Py.word(a[0], 0))
                let v = try hardInitArgs.parse(a, first: 1)
                try configureHard(id, v, defaults: -1)
            } else {
                try initSoft(a[0], a, first: 1)
            }
            return Py.none
        },
        .method("deinit", 1) { a in
            if Py.isInstance(a[0], spiType) {
                let id = Int(Py.word(a[0], 0))
                var u = HardwareUnits.spi[id] ?? SPIUnit()
                u.ready = false
                HardwareUnits.spi[id] = u
            }
            return Py.none
        },
    ]

    // MARK: construction

    static let hardArgs = ArgParser([("id", kwOnly: false, required: true), ("baudrate", kwOnly: false, required: false),
                                     ("polarity", kwOnly: true, required: false), ("phase", kwOnly: true, required: false),
                                     ("bits", kwOnly: true, required: false), ("firstbit", kwOnly: true, required: false),
                                     ("sck", kwOnly: true, required: false), ("mosi", kwOnly: true, required: false),
                                     ("miso", kwOnly: true, required: false)])
    static let hardInitArgs = ArgParser([("baudrate", kwOnly: true, required: false), ("polarity", kwOnly: true, required: false),
                                         ("phase", kwOnly: true, required: false), ("bits", kwOnly: true, required: false),
                                         ("firstbit", kwOnly: true, required: false)])

    /// The construction defaults (500 kHz, mode 0, 8 bits, MSB), or -1 (keep) for init().
    static func configureHard(_ id: Int, _ v: [String: Obj], defaults: Int?) throws {
        var u = HardwareUnits.spi[id] ?? SPIUnit()
        let keep = defaults == -1
        u.mode = SPIUnit.masterMode
        u.ti = false
        u.crc = nil
        u.setParams(baudrate: try v.int("baudrate", keep ? -1 : 500_000), polarity: try v.int("polarity", keep ? -1 : 0),
                    phase: try v.int("phase", keep ? -1 : 0), bits: try v.int("bits", keep ? -1 : 8),
                    firstBit: try v.int("firstbit", keep ? -1 : msb), sourceHz: sourceHz(id))
        u.ready = true
        HardwareUnits.spi[id] = u
    }

    /// machine.SPI(id, baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=MSB).
    static func makeSPI(_ a: PyArgs) throws -> Obj {
        let v = try hardArgs.parse(a, first: 0)
        let id = try findBus(v["id"]!)
        if v["sck"] != nil || v["mosi"] != nil || v["miso"] != nil {
            throw Py.error(.ValueError, "explicit choice of sck/mosi/miso is not implemented")
        }
        try configureHard(id, v, defaults: nil)
        if let o = hardObjects[id] { return o }
        let o = Py.newStaticObject(spiType, words: 1)
        Py.setWord(o, 0, UInt32(id))
        hardObjects[id] = o
        return o
    }

    static let softArgs = ArgParser([("baudrate", kwOnly: false, required: false), ("polarity", kwOnly: true, required: false),
                                     ("phase", kwOnly: true, required: false), ("bits", kwOnly: true, required: false),
                                     ("firstbit", kwOnly: true, required: false), ("sck", kwOnly: true, required: false),
                                     ("mosi", kwOnly: true, required: false), ("miso", kwOnly: true, required: false)])

    /// extmod's delay_half for a baud rate: rounded up so the real rate is at most the one asked.
    static func delayHalf(_ baud: Int) -> UInt32 {
        let b = UInt32(truncatingIfNeeded: baud)
        var d = udiv(500_000, b)
        if b == 0 || 500_000 % b != 0 { d += 1 }
        return max(1, d)
    }

    static func initSoft(_ o: Obj, _ a: PyArgs, first: Int) throws {
        let v = try softArgs.parse(a, first: first)
        let constructing = Py.word(o, 2) == 0
        if constructing || v["baudrate"] != nil { Py.setWord(o, 2, delayHalf(try v.int("baudrate", 500_000))) }
        var modeBits = Py.word(o, 3)
        if let p = v["polarity"] { modeBits = (modeBits & ~1) | (try Py.toInt(p) == 0 ? 0 : 1) }
        if let p = v["phase"] { modeBits = (modeBits & ~2) | (try Py.toInt(p) == 0 ? 0 : 2) }
        Py.setWord(o, 3, modeBits)
        if let b = v["bits"], try Py.toInt(b) != 8 { throw Py.error(.ValueError, "bits must be 8") }
        if let f = v["firstbit"] { Py.setWord(o, 4, UInt32(truncatingIfNeeded: try Py.toInt(f))) }
        if constructing || v["sck"] != nil || v["mosi"] != nil || v["miso"] != nil {
            guard let sck = v["sck"], let mosi = v["mosi"], let miso = v["miso"] else {
                throw Py.error(.TypeError, "must specify all of sck/mosi/miso")
            }
            let names = (try DeviceBindings.pinName(sck), try DeviceBindings.pinName(mosi), try DeviceBindings.pinName(miso))
            Py.setWord(o, 0, handle(DeviceBuses.shared.softSPI(sck: names.0, mosi: names.1, miso: names.2)))
            Py.setWord(o, 1, tripleHandle(names))
        }
    }

    /// machine.SoftSPI(baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=MSB, sck, mosi, miso).
    static func makeSoftSPI(_ a: PyArgs) throws -> Obj {
        let o = try Py.newObject(softSPIType, words: 5)
        try initSoft(o, a, first: 0)
        return o
    }

    static func repr(_ o: Obj) throws -> String {
        if Py.isInstance(o, spiType) {
            let id = Int(Py.word(o, 0))
            return (HardwareUnits.spi[id] ?? SPIUnit()).repr(id: id, legacy: false, sourceHz: sourceHz(id))
        }
        try Py.expect(o, softSPIType)
        let pins = pinTriples[Int(Py.word(o, 1))]
        let m = Py.word(o, 3)
        return "SoftSPI(baudrate=\(udiv(500_000, Py.word(o, 2))), polarity=\(m & 1), phase=\(m >> 1 & 1), sck=\(pins.sck), mosi=\(pins.mosi), miso=\(pins.miso))"
    }

    nonisolated(unsafe) private static var types: (Obj, Obj)?
    static var spiType: Obj { makeTypes().0 }
    static var softSPIType: Obj { makeTypes().1 }

    private static func makeTypes() -> (Obj, Obj) {
        if let t = types { return t }
        let consts: [(String, PyEntry)] = [("MSB", .int(msb)), ("LSB", .int(lsb))]
        let t = (Py.makeType("SPI", methods: methods, attrs: consts, make: makeSPI),
                 Py.makeType("SoftSPI", methods: methods, attrs: consts, make: makeSoftSPI))
        types = t
        return t
    }
}
