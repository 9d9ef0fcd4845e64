import MicroPythonCore

// machine.I2S on the stm32 port (extmod/machine_i2s.c with ports/stm32/machine_i2s.c): controller
// mode only, one object per unit (constructing it again de-initialises the old one), pins given
// as Pin objects that carry the unit's I2S signal (SCK = CK, WS, SD), every configuration
// argument keyword-only and required (no mck= on this port: MICROPY_PY_MACHINE_I2S_MCK is off).
// TX/RX are the HAL's I2S_MODE_MASTER_TX/RX register values (0x200, 0x300), MONO 0, STEREO 1.
// PYBV11 enables I2S2 only (MICROPY_HW_I2S2): SCK Y6 (B13), WS Y5 (B12), SD Y8 (B15), or the
// other I2S2 pins (B10, B9, C3); any other id is "invalid id". Blocking write()/readinto()
// wait on virtual time while the DMA (I2SModel) moves data at the sample rate; with an irq()
// handler they return at once and the handler is scheduled when the buffer has been consumed
// or filled. The emulated board has an amplifier and a microphone on I2S2 (AudioPeripherals).
//
// Payload: word 0 = unit id.

enum MachineI2S {
    static let TX = 0x200, RX = 0x300, MONO = 0, STEREO = 1
    static let EPERM: Int32 = 1, EINVAL: Int32 = 22
    static var board: Board { Board.current! }

    nonisolated(unsafe) private static var built: Obj?
    nonisolated(unsafe) static var objects: [Int: Obj] = [:]
    /// Per unit: the pins (CPU names) and the settings, for repr.
    nonisolated(unsafe) static var pins: [Int: (sck: String, ws: String, sd: String)] = [:]

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("I2S", methods: [
            .method("__repr__", 1) { a in try Py.str(repr(a[0])) },
            .method("init", 1, 1, kw: true) { a in
                let u = try unit(a[0])
                u.stop()
                try configure(u, a)
                return Py.none
            },
            .method("deinit", 1) { a in try unit(a[0]).stop(); return Py.none },
            .method("write", 2) { a in try write(try unit(a[0]), a[1]) },
            .method("readinto", 2) { a in try readinto(try unit(a[0]), a[1]) },
            .method("irq", 2) { a in
                let u = try unit(a[0])
                guard Py.isNone(a[1]) || Py.isCallable(a[1]) else { throw Py.error(.ValueError, "invalid callback") }
                try rekeep(&u.handler, a[1])
                return Py.none
            },
            .staticMethod("shift", 0, 0, kw: true) { a in try shift(a) },
        ], attrs: [("RX", .int(RX)), ("TX", .int(TX)), ("STEREO", .int(STEREO)), ("MONO", .int(MONO))],
           make: { a in try make(a) })
        built = t
        objects = [:]
        return t
    }

    static func unit(_ o: Obj) throws -> I2SModel {
        try Py.expect(o, type)
        guard let u = board.audio.i2s[Int(Py.word(o, 0))] else { throw Py.error(.ValueError, "invalid id") }
        return u
    }

    // MARK: construction

    static let initArgs = ArgParser(["sck", "ws", "sd", "mode", "bits", "format", "rate", "ibuf"].map {
        ($0, kwOnly: true, required: true)
    })

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let id = try Py.toInt(a[0])
        guard let u = board.audio.i2s[id] else { throw Py.error(.ValueError, "invalid id") }
        let o: Obj
        if let existing = objects[id], u.object >= 0 {
            o = existing
            u.stop()
        } else {
            o = Py.newStaticObject(type, words: 1)
            Py.setWord(o, 0, UInt32(id))
            objects[id] = o
            u.object = try Py.keep(o)
        }
        try configure(u, a, first: 1)
        return o
    }

    /// The pin's I2S signal of this unit ("CK", "WS", "SD", "ext_SD", "MCK"), as pin_find_af finds it.
    static func signal(_ o: Obj, unit: Int, what: String) throws -> (pin: Int, af: Int, kind: String) {
        guard Py.isInstance(o, ObjPin.type) else { throw Py.error(.ValueError, "\(what) not a Pin type") }
        let i = try ObjPin.find(o)
        let prefix = "I2S\(unit)"
        guard let af = board.definition.pins[i].af.first(where: { $0.signal.hasPrefix(prefix) }) else {
            throw Py.error(.ValueError, "invalid \(what) pin")
        }
        return (i, af.index, String(af.signal.dropFirst(prefix.count + 1)))
    }

    static func configure(_ u: I2SModel, _ a: PyArgs, first: Int = 1) throws {
        let v = try initArgs.parse(a, first: first)
        let sck = try signal(v["sck"]!, unit: u.id, what: "SCK")
        guard sck.kind == "CK" else { throw Py.error(.ValueError, "invalid SCK pin") }
        let ws = try signal(v["ws"]!, unit: u.id, what: "WS")
        guard ws.kind == "WS" else { throw Py.error(.ValueError, "invalid WS pin") }
        let sd = try signal(v["sd"]!, unit: u.id, what: "SD")
        guard sd.kind == "SD" else { throw Py.error(.ValueError, "invalid SD pin") }
        let mode = Int(UInt16(truncatingIfNeeded: try v.int("mode", -1)))
        guard mode == TX || mode == RX else { throw Py.error(.ValueError, "invalid mode") }
        let bits = Int(Int8(truncatingIfNeeded: try v.int("bits", -1)))
        guard bits == 16 || bits == 32 else { throw Py.error(.ValueError, "invalid bits") }
        let format = try v.int("format", -1)
        guard format == MONO || format == STEREO else { throw Py.error(.ValueError, "invalid format") }
        let rate = Int(Int32(truncatingIfNeeded: try v.int("rate", -1)))
        let ibuf = Int(Int32(truncatingIfNeeded: try v.int("ibuf", -1)))
        guard ibuf > 0 else { throw Py.error(.ValueError, "invalid ibuf") }
        // the ring buffer comes from the heap (m_new)
        guard ibuf <= Py.heapUsage.total else {
            throw Py.error(.MemoryError, "memory allocation failed, allocating \(ibuf) bytes")
        }
        try rekeep(&u.ringStorage, try Py.bytearray([UInt8](repeating: 0, count: ibuf)))
        // HAL_I2S_Init refuses a clock divider it cannot program
        guard rate > 0 && rate <= 192_000 else { throw Py.error(.OSError, "I2S init failed") }
        for p in [sck, ws, sd] { board.pins.configure(p.pin, mode: PinMode.alt, pull: PinPull.up, af: p.af) }
        let names = board.definition.pins
        pins[u.id] = (names[sck.pin].cpu, names[ws.pin].cpu, names[sd.pin].cpu)
        if u.handler >= 0 { Py.release(u.handler); u.handler = -1 }
        u.start(transmit: mode == TX, bits: bits, stereo: format == STEREO, rate: rate, ibuf: ibuf)
    }

    static func repr(_ o: Obj) throws -> String {
        let u = try unit(o)
        let p = pins[u.id] ?? ("?", "?", "?")
        return "I2S(id=\(u.id),\nsck=\(p.sck),\nws=\(p.ws),\nsd=\(p.sd),\nmode=\(u.transmit ? TX : RX),\n"
            + "bits=\(u.bits), format=\(u.stereo ? STEREO : MONO),\nrate=\(u.rate), ibuf=\(u.ibuf))"
    }

    // MARK: streams

    static func write(_ u: I2SModel, _ buf: Obj) throws -> Obj {
        guard u.active, u.transmit else { throw Py.osError(EPERM) }
        let data = try Py.readBuffer(buf)
        if data.isEmpty { return try Py.int(0) }
        if u.handler >= 0 {
            u.beginNonBlocking(try Py.keep(buf))
            return try Py.int(data.count)
        }
        var i = 0
        while true {
            u.advance(to: board.scheduler.now())
            let n = min(u.ringSpace, data.count - i)
            u.push(data[i..<(i + n)])
            i += n
            if i >= data.count { break }
            try board.idle(until: u.nextHalf)
        }
        return try Py.int(data.count)
    }

    static func readinto(_ u: I2SModel, _ buf: Obj) throws -> Obj {
        let size = try Py.withWritableBuffer(buf) { $0.count }
        guard u.active, !u.transmit else { throw Py.osError(EPERM) }
        guard size % u.appSampleBytes == 0 else { throw Py.osError(EINVAL) }
        if size == 0 { return try Py.int(0) }
        if u.handler >= 0 {
            u.beginNonBlocking(try Py.keep(buf))
            return try Py.int(size)
        }
        var got: [UInt8] = []
        while true {
            u.advance(to: board.scheduler.now())
            got += u.takeSamples((size - got.count) / u.appSampleBytes)
            if got.count >= size { break }
            try board.idle(until: u.nextHalf)
        }
        try Py.withWritableBuffer(buf) { b in for k in 0..<min(b.count, got.count) { b[k] = got[k] } }
        return try Py.int(size)
    }

    // MARK: I2S.shift(*, buf, bits, shift)

    static let shiftArgs = ArgParser([("buf", kwOnly: true, required: true), ("bits", kwOnly: true, required: true),
                                      ("shift", kwOnly: true, required: true)])

    static func shift(_ a: PyArgs) throws -> Obj {
        let v = try shiftArgs.parse(a, first: 0)
        let bits = Int(UInt8(truncatingIfNeeded: try v.int("bits", -1)))
        let s = Int(Int8(truncatingIfNeeded: try v.int("shift", -1)))
        try Py.withWritableBuffer(v["buf"]!) { b in
            guard bits == 16 || bits == 32 else { throw Py.error(.ValueError, "invalid bits") }
            let w = bits / 8
            for i in 0..<(b.count / w) {
                var x: Int64 = 0
                for k in 0..<w { x |= Int64(b[i * w + k]) << Int64(8 * k) }
                // a signed sample, shifted as the C code does on a 32-bit int
                let sample = w == 2 ? Int64(Int16(truncatingIfNeeded: x)) : Int64(Int32(truncatingIfNeeded: x))
                let r: Int64 = s >= 0 ? (s >= 32 ? 0 : sample << Int64(s)) : sample >> Int64(min(31, -s))
                for k in 0..<w { b[i * w + k] = UInt8(truncatingIfNeeded: r >> Int64(8 * k)) }
            }
        }
        return Py.none
    }
}
