import MicroPythonCore

// machine.I2C and machine.SoftI2C: the controller API of extmod/machine_i2c.c on an I2CBus.
// Both classes share one method table; SoftI2C finds its bus from its pins (the board says which
// bus the wires reach). Errors as MicroPython: no ACK for the address -> OSError(ENODEV); a NACKed
// data byte ends a write early and writeto() returns the number of ACKs; a NACKed memory address
// in *_mem -> OSError(EIO).

enum MachineI2C {
    /// Buses behind I2C objects: payload word 0 is an index here.
    static var buses: [I2CBus] = []

    static func handle(_ bus: I2CBus) -> UInt32 {
        if let i = buses.firstIndex(where: { $0 === bus }) { return UInt32(i) }
        buses.append(bus)
        return UInt32(buses.count - 1)
    }

    static func bus(_ selfObj: Obj) throws -> I2CBus {
        guard Py.isInstance(selfObj, i2cType) || Py.isInstance(selfObj, softI2CType) else {
            throw Py.error(.TypeError, "I2C object required")
        }
        let i = Int(Py.word(selfObj, 0))
        guard i < buses.count else { throw Py.error(.OSError, "I2C bus not initialised") }
        return buses[i]
    }

    static func check<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let e as I2CBusError {
            throw Py.osError(e.errno)
        }
    }

    static func address(_ o: Obj) throws -> UInt8 {
        let a = try Py.toInt(o)
        guard (0...0x7F).contains(a) else { throw Py.error(.ValueError, "invalid I2C address") }
        return UInt8(a)
    }

    static func addrsize(_ a: PyArgs) throws -> Int {
        let n = try a.kw("addrsize").map(Py.toInt) ?? 8
        guard n > 0, n <= 32, n % 8 == 0 else { throw Py.error(.ValueError, "invalid addrsize") }
        return n
    }

    static func stopFlag(_ a: PyArgs, _ i: Int) throws -> Bool {
        try a.arg(i, "stop").map(Py.truthy) ?? true
    }

    /// Copies `bytes` into a writable buffer.
    static func fill(_ buf: Obj, _ bytes: [UInt8]) throws {
        try Py.withWritableBuffer(buf) { p in
            for i in 0..<min(p.count, bytes.count) { p[i] = bytes[i] }
        }
    }

    /// readfrom_mem: write the memory address without STOP (all of it must be ACKed), then read.
    static func readMem(_ bus: I2CBus, _ addr: UInt8, _ memaddr: Int, _ n: Int, addrsize: Int) throws -> [UInt8] {
        let acks = try bus.writeTo(addr, I2CBus.memoryAddressBytes(memaddr, addrsize: addrsize), stop: false)
        if acks != addrsize / 8 {
            bus.stop()
            throw I2CBusError.dataNACK(address: addr, acked: acks)
        }
        return try bus.readFrom(addr, n, stop: true)
    }

    static let methods: [PyNative] = [
        .method("init", 1, PyNative.varArgs, kw: true) { _ in Py.none },
        .method("deinit", 1) { _ in Py.none },
        .method("scan", 1) { a in
            let found = try bus(a[0]).scan()
            return try Py.list(found.map { try Py.int(Int($0)) })
        },
        // Primitive operations.
        .method("start", 1) { a in
            try bus(a[0]).rawStart()
            return Py.none
        },
        .method("stop", 1) { a in
            try bus(a[0]).stop()
            return Py.none
        },
        .method("readinto", 2, 3) { a in
            let b = try bus(a[0])
            let nackLast = a.count > 2 ? try Py.truthy(a[2]) : true
            let n = try Py.bufferLength(a[1])
            var bytes: [UInt8] = []
            for i in 0..<n { bytes.append(b.readByte(ack: !(nackLast && i == n - 1))) }
            try fill(a[1], bytes)
            return Py.none
        },
        .method("write", 2) { a in
            let b = try bus(a[0])
            var acks = 0
            for byte in try Py.readBuffer(a[1]) {
                if !b.writeByte(byte) { break }
                acks += 1
            }
            return try Py.int(acks)
        },
        // Standard bus operations.
        .method("readfrom", 3, 4, kw: true) { a in
            let bytes = try check { try bus(a[0]).readFrom(address(a[1]), max(0, Py.toInt(a[2])), stop: stopFlag(a, 3)) }
            return try Py.bytes(bytes)
        },
        .method("readfrom_into", 3, 4, kw: true) { a in
            let n = try Py.bufferLength(a[2])
            let bytes = try check { try bus(a[0]).readFrom(address(a[1]), n, stop: stopFlag(a, 3)) }
            try fill(a[2], bytes)
            return Py.none
        },
        .method("writeto", 3, 4, kw: true) { a in
            let data = try Py.readBuffer(a[2])
            let acks = try check { try bus(a[0]).writeTo(address(a[1]), data, stop: stopFlag(a, 3)) }
            return try Py.int(acks)
        },
        .method("writevto", 3, 4, kw: true) { a in
            let parts = try Py.items(a[2]).map(Py.readBuffer)
            let acks = try check { try bus(a[0]).writeVTo(address(a[1]), parts, stop: stopFlag(a, 3)) }
            return try Py.int(acks)
        },
        // Memory operations.
        .method("readfrom_mem", 4, 4, kw: true) { a in
            let n = max(0, try Py.toInt(a[3]))
            let bytes = try check { try readMem(bus(a[0]), address(a[1]), Py.toInt(a[2]), n, addrsize: addrsize(a)) }
            return try Py.bytes(bytes)
        },
        .method("readfrom_mem_into", 4, 4, kw: true) { a in
            let n = try Py.bufferLength(a[3])
            let bytes = try check { try readMem(bus(a[0]), address(a[1]), Py.toInt(a[2]), n, addrsize: addrsize(a)) }
            try fill(a[3], bytes)
            return Py.none
        },
        .method("writeto_mem", 4, 4, kw: true) { a in
            let data = try Py.readBuffer(a[3])
            let size = try addrsize(a)
            let head = I2CBus.memoryAddressBytes(try Py.toInt(a[2]), addrsize: size)
            let b = try bus(a[0]), addr = try address(a[1])
            let acks = try check { try b.writeTo(addr, head + data, stop: true) }
            if acks < head.count { throw Py.osError(5) }
            return Py.none
        },
    ]

    /// machine.I2C(id, *, scl, sda, freq, timeout): a hardware bus by number or board name.
    static func makeI2C(_ a: PyArgs) throws -> Obj {
        guard let idObj = a.arg(0, "id") else { throw Py.error(.TypeError, "I2C id required") }
        let id: Int
        if Py.isStr(idObj) {
            let name = try Py.toString(idObj)
            guard let n = DeviceBuses.shared.i2cNames[name] else { throw Py.error(.ValueError, "I2C(\(name)) doesn't exist") }
            id = n
        } else {
            id = try Py.toInt(idObj)
        }
        guard let b = DeviceBuses.shared.i2c[id] else { throw Py.error(.ValueError, "I2C(\(id)) doesn't exist") }
        let o = try Py.newObject(i2cType, words: 1)
        Py.setWord(o, 0, handle(b))
        return o
    }

    /// machine.SoftI2C(scl, sda, *, freq, timeout).
    static func makeSoftI2C(_ a: PyArgs) throws -> Obj {
        guard let scl = a.arg(0, "scl"), let sda = a.arg(1, "sda") else {
            throw Py.error(.TypeError, "SoftI2C needs scl and sda pins")
        }
        let b = DeviceBuses.shared.softI2C(scl: try DeviceBindings.pinName(scl), sda: try DeviceBindings.pinName(sda))
        let o = try Py.newObject(softI2CType, words: 1)
        Py.setWord(o, 0, handle(b))
        return o
    }

    private static var types: (Obj, Obj)?
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
