import MicroPythonCore

// pyb.DAC(1|2 or its pin, bits=8, *, buffering=None) on the pins of board.json (X5, X6): write,
// triangle and noise waves, write_timed sample buffers (NORMAL: once, CIRCULAR: repeating) at a
// frequency or a Timer's rate, all on virtual time in AnalogModel, so an ADC on the same pin reads
// what the DAC outputs. One permanent object per DAC (payload: the DAC id).

enum ObjDAC {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var objects: [Int: Obj] = [:]
    static var board: Board { Board.current! }
    static var analog: AnalogModel { board.timing.analog }
    static let normal = 0x100, circular = 0x200   // DMA_NORMAL / DMA_CIRCULAR
    /// The fastest trigger TIM6 can give (its 84 MHz kernel clock).
    static let maxTrigger = 84e6

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("DAC", methods: [
            .method("__repr__", 1) { a in
                let id = try dacId(a[0])
                return try Py.str("DAC(\(id), bits=\(analog.dacs[id]?.bits ?? 8))")
            },
            .method("init", 1, 2, kw: true) { a in try initDAC(try dacId(a[0]), a, first: 1); return Py.none },
            .method("deinit", 1) { a in
                analog.dacs[try dacId(a[0])]?.wave = .off
                return Py.none
            },
            .method("write", 2) { a in
                let id = try dacId(a[0])
                var d = try dac(id)
                let v = try Py.toInt(a[1])
                d.wave = .level(d.bits == 8 ? UInt16(v & 0xff) << 4 : UInt16(v & 0xfff))
                analog.dacs[id] = d
                return Py.none
            },
            .method("noise", 2) { a in try wave(a) { .noise(freq: $0, start: $1) } },
            .method("triangle", 2) { a in try wave(a) { .triangle(freq: $0, start: $1) } },
            .method("write_timed", 3, 4, kw: true) { a in try writeTimed(a) },
        ], attrs: [("NORMAL", .int(normal)), ("CIRCULAR", .int(circular))], make: { a in try make(a) })
        for d in board.timing.spec.dac {
            let o = Py.newStaticObject(t, words: 1)
            Py.setWord(o, 0, UInt32(d.id))
            objects[d.id] = o
        }
        built = t
        return t
    }

    static func dacId(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    static func dac(_ id: Int) throws -> AnalogModel.DAC {
        if let d = analog.dacs[id] { return d }
        guard let spec = board.timing.spec.dac.first(where: { $0.id == id }), let p = board.pins.index(of: spec.pin) else {
            throw Py.error(.ValueError, "DAC(\(id)) doesn't exist")
        }
        return AnalogModel.DAC(pin: p)
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let id: Int
        if Py.isInt(a[0]) {
            id = try Py.toInt(a[0])
        } else {
            let i = try ObjPin.find(a[0])
            let cpu = board.definition.pins[i].cpu
            guard let d = board.timing.spec.dac.first(where: { $0.pin == cpu }) else {
                throw Py.error(.ValueError, "Pin(\(cpu)) doesn't have DAC capabilities")
            }
            id = d.id
        }
        guard let o = objects[id] else { throw Py.error(.ValueError, "DAC(\(id)) doesn't exist") }
        try initDAC(id, a, first: 1)
        return o
    }

    /// init(bits=8, *, buffering=None): the pin goes analog, the output starts at 0.
    static func initDAC(_ id: Int, _ a: PyArgs, first: Int) throws {
        let p = try parseArgs(a, from: first, [ArgSpec("bits"), ArgSpec("buffering", kwOnly: true)])
        let bits = try p.int("bits", 8)
        guard bits == 8 || bits == 12 else { throw Py.error(.ValueError, "unsupported bits") }
        var d = try dac(id)
        d.bits = bits
        d.wave = .level(0)
        board.pins.configure(d.pin, mode: PinMode.analog, pull: PinPull.none, af: -1)
        analog.dacs[id] = d
    }

    static func wave(_ a: PyArgs, _ make: (Double, UInt64) -> AnalogModel.Wave) throws -> Obj {
        let id = try dacId(a[0])
        var d = try dac(id)
        let f = try Py.toDouble(a[1])
        guard f > 0 && f.isFinite else { throw Py.error(.ValueError, "must have positive freq") }
        d.wave = make(min(f, maxTrigger), board.scheduler.now())
        analog.dacs[id] = d
        return Py.none
    }

    /// write_timed(data, freq, *, mode=DAC.NORMAL): DMA from `data` at `freq` (Hz or a Timer).
    static func writeTimed(_ a: PyArgs) throws -> Obj {
        let id = try dacId(a[0])
        var d = try dac(id)
        let p = try parseArgs(a, from: 1, [ArgSpec("data", required: true), ArgSpec("freq", required: true), ArgSpec("mode", kwOnly: true)])
        let bytes = try Py.readBuffer(p["data"]!)
        let samples: [UInt16] = d.bits == 8
            ? bytes.map { UInt16($0) << 4 }
            : stride(from: 0, to: bytes.count - 1, by: 2).map { (UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) & 0xfff }
        let freqObj = p["freq"]!
        let freq: Double
        if Py.isInstance(freqObj, ObjTimer.type) {
            let m = try ObjTimer.model(freqObj)
            freq = Double(m.sourceFreq()) / Double((m.prescaler + 1) * (m.period + 1))
        } else {
            freq = min(maxTrigger, try Py.toDouble(freqObj))
            guard freq > 0 && freq.isFinite else { throw Py.error(.ValueError, "must have positive freq") }
        }
        let mode = try p.int("mode", normal)
        d.wave = .timed(samples: samples, freq: freq, start: board.scheduler.now(), circular: mode == circular)
        analog.dacs[id] = d
        return Py.none
    }
}
