import MicroPythonCore

// machine.SPI and machine.SoftSPI on an SPIBus. Chip select is an ordinary Pin the program
// drives: the board forwards CS pin levels to `SPIBus.setChipSelect`, so these classes only
// shift bytes. Clock polarity, phase and baud rate are accepted and kept out of the byte-level
// device models; firstbit=LSB reverses the bits of each byte on the wire.
//
// Payload: word 0 = bus index, word 1 = firstbit (0 MSB, 1 LSB).

enum MachineSPI {
    static var buses: [SPIBus] = []

    static func handle(_ bus: SPIBus) -> UInt32 {
        if let i = buses.firstIndex(where: { $0 === bus }) { return UInt32(i) }
        buses.append(bus)
        return UInt32(buses.count - 1)
    }

    static func bus(_ o: Obj) throws -> (SPIBus, Bool) {
        guard Py.isInstance(o, spiType) || Py.isInstance(o, softSPIType) else { throw Py.error(.TypeError, "SPI object required") }
        let i = Int(Py.word(o, 0))
        guard i < buses.count else { throw Py.error(.OSError, "SPI bus not initialised") }
        return (buses[i], Py.word(o, 1) == 1)
    }

    static func reversed(_ b: UInt8) -> UInt8 {
        var v = b, r: UInt8 = 0
        for _ in 0..<8 { r = (r << 1) | (v & 1); v >>= 1 }
        return r
    }

    static func transfer(_ o: Obj, _ out: [UInt8]) throws -> [UInt8] {
        let (bus, lsb) = try bus(o)
        if !lsb { return bus.transfer(out) }
        return bus.transfer(out.map(reversed)).map(reversed)
    }

    static func applyInit(_ o: Obj, _ a: PyArgs, firstbitIndex: Int) throws {
        if let fb = a.arg(firstbitIndex, "firstbit") {
            let v = try Py.toInt(fb)
            guard v == 0 || v == 1 else { throw Py.error(.ValueError, "firstbit must be MSB or LSB") }
            Py.setWord(o, 1, UInt32(v))
        }
        if let bits = a.kw("bits"), try Py.toInt(bits) != 8 {
            throw Py.error(.ValueError, "only 8 bits per transfer are supported")
        }
    }

    static let methods: [PyNative] = [
        .method("init", 1, PyNative.varArgs, kw: true) { a in
            try applyInit(a[0], a, firstbitIndex: 6)
            return Py.none
        },
        .method("deinit", 1) { _ in Py.none },
        .method("read", 2, 3, kw: true) { a in
            let n = max(0, try Py.toInt(a[1]))
            let fillByte = UInt8(truncatingIfNeeded: try a.arg(2, "write").map(Py.toInt) ?? 0)
            return try Py.bytes(transfer(a[0], [UInt8](repeating: fillByte, count: n)))
        },
        .method("readinto", 2, 3, kw: true) { a in
            let n = try Py.bufferLength(a[1])
            let fillByte = UInt8(truncatingIfNeeded: try a.arg(2, "write").map(Py.toInt) ?? 0)
            let got = try transfer(a[0], [UInt8](repeating: fillByte, count: n))
            try MachineI2C.fill(a[1], got)
            return Py.none
        },
        .method("write", 2) { a in
            _ = try transfer(a[0], try Py.readBuffer(a[1]))
            return Py.none
        },
        .method("write_readinto", 3) { a in
            let out = try Py.readBuffer(a[1])
            guard try Py.bufferLength(a[2]) == out.count else { throw Py.error(.ValueError, "buffers must be the same length") }
            try MachineI2C.fill(a[2], try transfer(a[0], out))
            return Py.none
        },
    ]

    static func makeSPI(_ a: PyArgs) throws -> Obj {
        guard let idObj = a.arg(0, "id") else { throw Py.error(.TypeError, "SPI id required") }
        let id: Int
        if Py.isStr(idObj) {
            let name = try Py.toString(idObj)
            guard let n = DeviceBuses.shared.spiNames[name] else { throw Py.error(.ValueError, "SPI(\(name)) doesn't exist") }
            id = n
        } else {
            id = try Py.toInt(idObj)
        }
        guard let b = DeviceBuses.shared.spi[id] else { throw Py.error(.ValueError, "SPI(\(id)) doesn't exist") }
        let o = try Py.newObject(spiType, words: 2)
        Py.setWord(o, 0, handle(b))
        try applyInit(o, a, firstbitIndex: 6)
        return o
    }

    static func makeSoftSPI(_ a: PyArgs) throws -> Obj {
        guard let sck = a.kw("sck"), let mosi = a.kw("mosi"), let miso = a.kw("miso") else {
            throw Py.error(.TypeError, "SoftSPI needs sck, mosi and miso pins")
        }
        let names = (try DeviceBindings.pinName(sck), try DeviceBindings.pinName(mosi), try DeviceBindings.pinName(miso))
        let b = DeviceBuses.shared.softSPIBus(names.0, names.1, names.2) ?? SPIBus(name: "soft")
        let o = try Py.newObject(softSPIType, words: 2)
        Py.setWord(o, 0, handle(b))
        try applyInit(o, a, firstbitIndex: 5)
        return o
    }

    private static var types: (Obj, Obj)?
    static var spiType: Obj { makeTypes().0 }
    static var softSPIType: Obj { makeTypes().1 }

    private static func makeTypes() -> (Obj, Obj) {
        if let t = types { return t }
        let consts: [(String, PyEntry)] = [("MSB", .int(0)), ("LSB", .int(1))]
        let t = (Py.makeType("SPI", methods: methods, attrs: consts, make: makeSPI),
                 Py.makeType("SoftSPI", methods: methods, attrs: consts, make: makeSoftSPI))
        types = t
        return t
    }
}
