import MicroPythonCore

// pyb.ADC, pyb.ADCAll and machine.ADC on AnalogModel: 12-bit conversions of the pin voltages,
// the temperature sensor, VREFINT and VBAT/2 (ports/stm32/adc.c, machine_adc.c). read_timed
// samples at the timer's (or a TIM6-style frequency's) rate on virtual time, blocking as the
// port does. Payload: word 0 the channel, word 1 the pin index (0xffff: an internal channel).

enum ObjADC {
    nonisolated(unsafe) static var built: (adc: Obj, all: Obj, machine: Obj)? = nil
    static var board: Board { Board.current! }
    static var analog: AnalogModel { board.timing.analog }
    static var spec: BoardDefinition.Peripherals.ADC { board.timing.spec.adc }
    static let noPin: UInt32 = 0xffff
    static let vrefChannel = 0xffff

    static var adcType: Obj { types().adc }
    static var allType: Obj { types().all }
    static var machineType: Obj { types().machine }

    static func types() -> (adc: Obj, all: Obj, machine: Obj) {
        if let t = built { return t }
        let adc = Py.makeType("ADC", methods: [
            .method("__repr__", 1) { a in
                let (ch, pin) = try channelOf(a[0], adcType)
                let what = pin.map { ObjPin.repr($0) } ?? String(ch)
                return try Py.str("<ADC on \(what) channel=\(ch)>")
            },
            .method("read", 1) { a in
                let (ch, _) = try channelOf(a[0], adcType)
                return try Py.int(raw(ch))
            },
            .method("read_timed", 3) { a in try readTimed(a) },
            .staticMethod("read_timed_multi", 3) { a in try readTimedMulti(a) },
        ], make: { a in
            guard a.count == 1 else { throw Py.error(.TypeError, "function takes 1 positional arguments but \(a.count) were given") }
            return try make(a[0], type: adcType, pybMessages: true)
        })
        let all = Py.makeType("ADCAll", methods: [
            .method("read_channel", 2) { a in
                let bits = try resolution(a[0])
                let ch = try Py.toInt(a[1])
                guard isChannel(ch) else { throw Py.error(.ValueError, "not a valid ADC Channel: \(ch)") }
                return try Py.int(raw(ch) >> (12 - bits))
            },
            .method("read_core_temp", 1) { a in
                _ = try resolution(a[0])
                let v = volts(raw(spec.tempChannel))
                return try Py.float(Double(Float((v - spec.tempV25) / spec.tempSlope + 25)))
            },
            .method("read_core_vbat", 1) { a in
                _ = try resolution(a[0])
                return try Py.float(Double(Float(volts(raw(spec.vbatChannel)) * spec.vbatDivider)))
            },
            .method("read_core_vref", 1) { a in
                _ = try resolution(a[0])
                return try Py.float(Double(Float(volts(raw(spec.vrefintChannel)))))
            },
            .method("read_vref", 1) { a in
                _ = try resolution(a[0])
                // the supply, worked out from VREFINT's known voltage as the port does
                let r = max(1, raw(spec.vrefintChannel))
                return try Py.float(Double(Float(spec.vrefint * analog.fullScale / Double(r))))
            },
        ], make: { a in
            guard a.count >= 1 && a.count <= 2 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
            let bits = try Py.toInt(a[0])
            guard [6, 8, 10, 12].contains(bits) else { throw Py.error(.ValueError, "resolution \(bits) not supported") }
            let mask = a.count > 1 ? UInt32(truncatingIfNeeded: try Py.toInt(a[1])) : 0xffff_ffff
            // the channels of the mask go to analog mode, as adc_init_all does
            for (name, ch) in spec.channels where ch < 32 && mask & (1 << UInt32(ch)) != 0 {
                if let i = board.pins.index(of: name) { board.pins.configure(i, mode: PinMode.analog, pull: PinPull.none, af: -1) }
            }
            let o = try Py.newObject(allTypeBuilt(), words: 1)
            Py.setWord(o, 0, UInt32(bits))
            return o
        })
        let machine = Py.makeType("ADC", methods: [
            .method("__repr__", 1) { a in
                let (ch, _) = try channelOf(a[0], machineType)
                return try Py.str("<ADC1 channel=\(ch)>")
            },
            .method("read_u16", 1) { a in
                let (ch, _) = try channelOf(a[0], machineType)
                let r = ch == vrefChannel ? 4095 : raw(ch)
                return try Py.int(r << 4 | r >> 8)
            },
        ], attrs: [
            ("CORE_TEMP", .int(16)), ("CORE_VREF", .int(17)), ("CORE_VBAT", .int(18)), ("VREF", .int(vrefChannel)),
        ], make: { a in
            guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
            return try make(a[0], type: machineTypeBuilt(), pybMessages: false)
        })
        built = (adc, all, machine)
        return (adc, all, machine)
    }

    // the types while `built` is being set (make closures run later, after it is)
    static func allTypeBuilt() -> Obj { built!.all }
    static func machineTypeBuilt() -> Obj { built!.machine }

    static func isChannel(_ ch: Int) -> Bool {
        spec.channels.values.contains(ch) || ch == spec.tempChannel || ch == spec.vrefintChannel || ch == spec.vbatChannel
    }

    static func make(_ src: Obj, type: Obj, pybMessages: Bool) throws -> Obj {
        var ch: Int
        var pin: Int? = nil
        if Py.isInt(src) {
            ch = try Py.toInt(src)
            if !pybMessages && ch == vrefChannel {
                let o = try Py.newObject(type, words: 2)
                Py.setWord(o, 0, UInt32(ch))
                Py.setWord(o, 1, noPin)
                return o
            }
            guard isChannel(ch) else {
                throw Py.error(.ValueError, pybMessages ? "not a valid ADC Channel: \(ch)" : "invalid channel")
            }
            if let name = spec.channels.first(where: { $0.value == ch })?.key { pin = board.pins.index(of: name) }
        } else {
            let i = try ObjPin.find(src)
            let def = board.definition.pins[i]
            guard let c = spec.channels[def.cpu] else {
                throw Py.error(.ValueError, pybMessages ? "pin \(def.cpu) does not have ADC capabilities"
                                                        : "Pin(\(def.cpu)) doesn't have ADC capabilities")
            }
            ch = c
            pin = i
        }
        if let i = pin { board.pins.configure(i, mode: PinMode.analog, pull: PinPull.none, af: -1) }
        let o = try Py.newObject(type, words: 2)
        Py.setWord(o, 0, UInt32(ch))
        Py.setWord(o, 1, pin.map { UInt32($0) } ?? noPin)
        return o
    }

    static func channelOf(_ o: Obj, _ type: Obj) throws -> (Int, Int?) {
        try Py.expect(o, type)
        let p = Py.word(o, 1)
        return (Int(Py.word(o, 0)), p == noPin ? nil : Int(p))
    }

    static func resolution(_ o: Obj) throws -> Int {
        try Py.expect(o, allType)
        return Int(Py.word(o, 0))
    }

    static func volts(_ raw: Int) -> Double { Double(raw) * analog.vref / analog.fullScale }

    /// One 12-bit conversion of channel `ch`.
    static func raw(_ ch: Int) -> Int {
        let s = spec
        if ch == s.tempChannel { return analog.convert(s.tempV25 + (s.coreTempC - 25) * s.tempSlope) }
        if ch == s.vrefintChannel { return analog.convert(s.vrefint) }
        if ch == s.vbatChannel { return analog.convert(s.vbat / s.vbatDivider) }
        guard let name = s.channels.first(where: { $0.value == ch })?.key, let i = board.pins.index(of: name) else { return 0 }
        return analog.convert(analog.volts(pin: i))
    }

    // MARK: timed reads

    /// Sample period in ns of a Timer object or of an int frequency (TIM6 set up as timer_tim6_init).
    static func samplePeriod(_ src: Obj) throws -> UInt64 {
        if Py.isInt(src) {
            let freq = try Py.toInt(src)
            guard freq > 0 else { throw Py.error(.ValueError, "must have positive freq") }
            let tim6 = board.timing.timers[6]?.sourceFreq() ?? 84_000_000
            var period = max(1, tim6 / freq), prescaler = 1
            while period > 0xffff { period >>= 1; prescaler <<= 1 }
            return mulDiv(UInt64(period * prescaler), 1_000_000_000, UInt64(tim6))
        }
        guard Py.isInstance(src, ObjTimer.type) else { throw Py.error(.ValueError, "need a Timer object") }
        let m = try ObjTimer.model(src)
        return mulDiv((m.prescaler + 1) * (m.period + 1), 1_000_000_000, UInt64(max(1, m.sourceFreq())))
    }

    static func store(_ buf: Obj, index: Int, value: Int, itemSize: Int) throws {
        try Py.withWritableBuffer(buf) { p in
            for k in 0..<itemSize where index * itemSize + k < p.count {
                p[index * itemSize + k] = UInt8(truncatingIfNeeded: value >> (8 * k))
            }
        }
    }

    /// read_timed(buf, timer): one sample per timer period into buf (8-bit items get value >> 4).
    static func readTimed(_ a: PyArgs) throws -> Obj {
        let (ch, _) = try channelOf(a[0], adcType)
        let size = Py.bufferItemSize(a[1])
        let count = try Py.bufferLength(a[1]) / size
        _ = try Py.withWritableBuffer(a[1]) { _ in 0 }
        let period = try samplePeriod(a[2])
        var t = board.scheduler.now()
        for i in 0..<count {
            t += period
            try board.idle(until: t)
            let v = raw(ch)
            try store(a[1], index: i, value: size == 1 ? v >> 4 : v, itemSize: size)
        }
        return Py.none
    }

    /// read_timed_multi((adc, ...), (buf, ...), timer): the ADCs sampled together; True (no overrun).
    static func readTimedMulti(_ a: PyArgs) throws -> Obj {
        let adcs = try Py.items(a[0]), bufs = try Py.items(a[1])
        guard !adcs.isEmpty else { throw Py.error(.ValueError, "need at least 1 ADC") }
        guard adcs.count == bufs.count else { throw Py.error(.ValueError, "length of ADC and buffer lists differ") }
        let size = Py.bufferItemSize(bufs[0])
        let len = try Py.bufferLength(bufs[0])
        for b in bufs {
            guard Py.bufferItemSize(b) == size, try Py.bufferLength(b) == len else {
                throw Py.error(.ValueError, "size and type of buffers must match")
            }
            _ = try Py.withWritableBuffer(b) { _ in 0 }
        }
        let channels = try adcs.map { try channelOf($0, adcType).0 }
        let period = try samplePeriod(a[2])
        var t = board.scheduler.now()
        for i in 0..<(len / size) {
            t += period
            try board.idle(until: t)
            for (k, ch) in channels.enumerated() {
                let v = raw(ch)
                try store(bufs[k], index: i, value: size == 1 ? v >> 4 : v, itemSize: size)
            }
        }
        return Py.true
    }
}
