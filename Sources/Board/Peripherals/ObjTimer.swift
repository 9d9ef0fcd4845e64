import MicroPythonCore

// pyb.Timer(id, ...) and pyb.TimerChannel on TimerModel, with the stm32 port's arithmetic
// (ports/stm32/timer.c): prescaler/period from freq, from period+tick_hz, or given; freq() as an
// int when exact and a float otherwise; percent <-> compare conversions; the same error
// messages. One object per timer (payload: the timer id); a channel object's payload is
// (timer id, channel). Input capture and encoder modes raise NotImplementedError.

enum ObjTimer {
    nonisolated(unsafe) static var built: (timer: Obj, channel: Obj)? = nil
    static var board: Board { Board.current! }

    static var type: Obj { types().timer }
    static var channelType: Obj { types().channel }

    static func types() -> (timer: Obj, channel: Obj) {
        if let t = built { return t }
        var attrs: [(String, PyEntry)] = [
            ("UP", .int(CounterMode.up)), ("DOWN", .int(CounterMode.down)), ("CENTER", .int(CounterMode.center1)),
            ("HIGH", .int(TimerPolarity.high)), ("LOW", .int(TimerPolarity.low)),
            ("RISING", .int(TimerPolarity.rising)), ("FALLING", .int(TimerPolarity.falling)), ("BOTH", .int(TimerPolarity.both)),
            ("BRK_OFF", .int(0)), ("BRK_LOW", .int(1)), ("BRK_HIGH", .int(2)),
        ]
        for m in ChannelMode.allCases { attrs.append((m.name, .int(m.rawValue))) }
        let t = Py.makeType("Timer", methods: [
            .method("__repr__", 1) { a in try Py.str(repr(try model(a[0]))) },
            .method("init", 1, PyNative.varArgs, kw: true) { a in try initTimer(try model(a[0]), a, first: 1); return Py.none },
            .method("deinit", 1) { a in try model(a[0]).deinit_(); return Py.none },
            .method("channel", 2, PyNative.varArgs, kw: true) { a in try channel(a) },
            .method("counter", 1, 2) { a in
                let m = try model(a[0])
                if a.count > 1 { m.setCounter(UInt64(truncatingIfNeeded: try Py.toInt(a[1]))); return Py.none }
                return try Py.int(Int(m.counter()))
            },
            .method("source_freq", 1) { a in try Py.int(try model(a[0]).sourceFreq()) },
            .method("freq", 1, 2) { a in
                let m = try model(a[0])
                if a.count > 1 {
                    let (psc, per) = try prescalerPeriod(m, freq: a[1])
                    m.reconfigure { m.prescaler = psc; m.period = per }
                    return Py.none
                }
                return try freqValue(m)
            },
            .method("prescaler", 1, 2) { a in
                let m = try model(a[0])
                if a.count > 1 {
                    let v = UInt64(truncatingIfNeeded: try Py.toInt(a[1])) & 0xffff
                    m.reconfigure { m.prescaler = v }
                    return Py.none
                }
                return try Py.int(Int(m.prescaler))
            },
            .method("period", 1, 2) { a in
                let m = try model(a[0])
                if a.count > 1 {
                    let v = UInt64(truncatingIfNeeded: try Py.toInt(a[1])) & m.mask
                    m.reconfigure { m.period = v }
                    return Py.none
                }
                return try Py.int(Int(m.period))
            },
            .method("callback", 2) { a in
                let m = try model(a[0])
                try setCallback(&m.callback, a[1])
                if m.callback >= 0 && !m.running { m.restart() }
                board.scheduler.planQuantum()
                return Py.none
            },
        ], attrs: attrs, make: { a in try make(a) })
        let c = Py.makeType("TimerChannel", methods: [
            .method("__repr__", 1) { a in
                let (m, n) = try channelOf(a[0])
                return try Py.str("TimerChannel(timer=\(m.id), channel=\(n), mode=\(m.channels[n]?.mode.name ?? "PWM"))")
            },
            .method("callback", 2) { a in
                let (m, n) = try channelOf(a[0])
                guard var ch = m.channels[n] else { return Py.none }
                try setCallback(&ch.callback, a[1])
                m.setChannel(n, ch)
                if !m.running { m.restart() }
                return Py.none
            },
            .method("pulse_width", 1, 2) { a in try compare(a) },
            .method("capture", 1, 2) { a in try compare(a) },
            .method("compare", 1, 2) { a in try compare(a) },
            .method("pulse_width_percent", 1, 2) { a in
                let (m, n) = try channelOf(a[0])
                let period = m.pwmPeriod()
                if a.count > 1 {
                    m.setCompare(n, try compareFromPercent(period, a[1]))
                    return Py.none
                }
                let cmp = m.channels[n]?.compare ?? 0
                let percent: Float = cmp >= period ? 100 : Float(cmp) * 100 / Float(period)
                return try Py.float(Double(percent))
            },
        ])
        built = (t, c)
        return (t, c)
    }

    static func model(_ o: Obj) throws -> TimerModel {
        try Py.expect(o, type)
        return board.timing.timers[Int(Py.word(o, 0))]!
    }

    static func channelOf(_ o: Obj) throws -> (TimerModel, Int) {
        try Py.expect(o, channelType)
        return (board.timing.timers[Int(Py.word(o, 0))]!, Int(Py.word(o, 1)))
    }

    static func setCallback(_ handle: inout Int, _ f: Obj) throws {
        guard Py.isNone(f) || Py.isCallable(f) else {
            throw Py.error(.ValueError, "callback must be None or a callable object")
        }
        try rekeep(&handle, f)
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let id = try Py.toInt(a[0])
        guard let m = board.timing.timers[id] else { throw Py.error(.ValueError, "Timer(\(id)) doesn't exist") }
        let o = try object(m)
        if hasMoreArgs(a, after: 1) { try initTimer(m, a, first: 1) }
        return o
    }

    /// The one Timer object of a timer (kept until the next soft reset).
    static func object(_ m: TimerModel) throws -> Obj {
        if m.object >= 0 { return Py.kept(m.object) }
        let o = try Py.newObject(type, words: 1)
        Py.setWord(o, 0, UInt32(m.id))
        m.object = try Py.keep(o)
        return o
    }

    static func repr(_ m: TimerModel) -> String {
        guard m.running || !m.channels.isEmpty else { return "Timer(\(m.id))" }
        let freq = UInt64(m.sourceFreq()) / ((m.prescaler + 1) * (m.period + 1))
        var s = "Timer(\(m.id), freq=\(freq), prescaler=\(m.prescaler), period=\(m.period), mode=\(CounterMode.name(m.mode)), div=\(m.div)"
        if m.advanced {
            s += ", deadtime=\(ticksFromDTG(dtgFromTicks(m.deadtime)))"
            s += m.brk == 0 ? ", brk=BRK_OFF" : m.brk == 1 ? ", brk=BRK_LOW" : ", brk=BRK_HIGH"
        }
        return s + ")"
    }

    // MARK: init

    static func initTimer(_ m: TimerModel, _ a: PyArgs, first: Int) throws {
        let p = try parseArgs(a, from: first, [
            ArgSpec("freq", kwOnly: true), ArgSpec("prescaler", kwOnly: true), ArgSpec("period", kwOnly: true),
            ArgSpec("tick_hz", kwOnly: true), ArgSpec("mode", kwOnly: true), ArgSpec("div", kwOnly: true),
            ArgSpec("callback", kwOnly: true), ArgSpec("deadtime", kwOnly: true), ArgSpec("brk", kwOnly: true),
        ])
        var psc: UInt64, per: UInt64
        if let f = p.notNone("freq") {
            (psc, per) = try prescalerPeriod(m, freq: f)
        } else if let pr = p["prescaler"], let pe = p["period"] {
            psc = UInt64(truncatingIfNeeded: try Py.toInt(pr)) & 0xffff
            per = UInt64(truncatingIfNeeded: try Py.toInt(pe)) & m.mask
        } else if let pe = p["period"] {
            (psc, per) = try prescalerPeriod(m, num: try Py.toInt(pe), den: try p.int("tick_hz", 1000))
        } else {
            throw Py.error(.TypeError, "must specify either freq, period, or prescaler and period")
        }
        let mode = try p.int("mode", CounterMode.up)
        guard CounterMode.all.contains(mode) else { throw Py.error(.ValueError, "invalid mode (\(mode))") }
        let div = try p.int("div", 1)
        let cb = p["callback"] ?? Py.none
        guard Py.isNone(cb) || Py.isCallable(cb) else { throw Py.error(.ValueError, "callback must be None or a callable object") }
        m.prescaler = psc
        m.period = per
        m.mode = mode
        m.div = div == 2 || div == 4 ? div : 1
        m.deadtime = try p.int("deadtime", 0)
        m.brk = try p.int("brk", 0)
        try rekeep(&m.callback, cb)
        m.restart()
    }

    /// compute_prescaler_period_from_freq: an exact division where possible, else halving.
    static func prescalerPeriod(_ m: TimerModel, freq f: Obj) throws -> (UInt64, UInt64) {
        let source = UInt64(m.sourceFreq())
        var prescaler: UInt64 = 1
        var period: UInt64
        if Py.isFloat(f) {
            var freq = Float(try Py.toDouble(f))
            guard freq > 0 else { throw Py.error(.ValueError, "must have positive freq") }
            while freq < 1 && prescaler < 6553 {
                prescaler *= 10
                freq *= 10
            }
            let v = Float(source) / freq
            period = v >= 4294967296 ? 0xffff_ffff : UInt64(v)
        } else {
            let freq = try Py.toInt(f)
            guard freq > 0 else { throw Py.error(.ValueError, "must have positive freq") }
            period = source / UInt64(freq)
        }
        period = max(1, period)
        while period > m.mask {
            if period % 5 == 0 {
                prescaler *= 5
                period /= 5
            } else if period % 3 == 0 {
                prescaler *= 3
                period /= 3
            } else {
                prescaler <<= 1
                period >>= 1
            }
        }
        return ((prescaler - 1) & 0xffff, (period - 1) & m.mask)
    }

    /// compute_prescaler_period_from_t: a period of num/den seconds.
    static func prescalerPeriod(_ m: TimerModel, num: Int, den: Int) throws -> (UInt64, UInt64) {
        guard num > 0 && den > 0 else { throw Py.error(.ValueError, "must have positive freq") }
        var period = mulDiv(UInt64(m.sourceFreq()), UInt64(num), UInt64(den))
        var prescaler: UInt64 = 1
        while period > m.mask {
            if prescaler <= 13107 && period % 5 == 0 {
                prescaler *= 5
                period /= 5
            } else if prescaler <= 21845 && period % 3 == 0 {
                prescaler *= 3
                period /= 3
            } else {
                let lsb = period & 1
                prescaler <<= 1
                period >>= 1
                if period < prescaler { prescaler |= lsb }
                if prescaler > 0x10000 { throw Py.error(.ValueError, "period too large") }
            }
        }
        return ((prescaler - 1) & 0xffff, (max(1, period) - 1) & m.mask)
    }

    /// Timer.freq(): an int when the division is exact, else a float.
    static func freqValue(_ m: TimerModel) throws -> Obj {
        var source = UInt64(m.sourceFreq())
        let a = m.prescaler + 1, b = m.period + 1
        if source % a != 0 { return try Py.float(Double(Float(source) / Float(a) / Float(b))) }
        source /= a
        if source % b != 0 { return try Py.float(Double(Float(source) / Float(b))) }
        return try Py.int(Int(source / b))
    }

    static func dtgFromTicks(_ t: Int) -> Int {
        if t <= 0 { return 0 }
        if t < 128 { return t }
        if t < 256 { return 0x80 | ((t - 128) / 2) }
        if t < 512 { return 0xC0 | ((t - 256) / 8) }
        if t < 1008 { return 0xE0 | ((t - 512) / 16) }
        return 0xFF
    }

    static func ticksFromDTG(_ d: Int) -> Int {
        if d & 0x80 == 0 { return d & 0x7F }
        if d & 0xC0 == 0x80 { return 128 + (d & 0x3F) * 2 }
        if d & 0xE0 == 0xC0 { return 256 + (d & 0x1F) * 8 }
        return 512 + (d & 0x1F) * 16
    }

    // MARK: channels

    static func compareFromPercent(_ period: UInt64, _ v: Obj) throws -> UInt64 {
        if Py.isFloat(v) {
            let percent = Float(try Py.toDouble(v))
            if percent <= 0 { return 0 }
            if percent >= 100 { return period }
            return UInt64(percent / 100 * Float(period))
        }
        let percent = try Py.toInt(v)
        if percent <= 0 { return 0 }
        if percent >= 100 { return period }
        if period > 42949672 { return UInt64(percent) * (period / 100) }
        return UInt64(percent) * period / 100
    }

    static func compare(_ a: PyArgs) throws -> Obj {
        let (m, n) = try channelOf(a[0])
        if a.count > 1 {
            m.setCompare(n, UInt64(truncatingIfNeeded: try Py.toInt(a[1])))
            return Py.none
        }
        return try Py.int(Int((m.channels[n]?.compare ?? 0) & m.mask))
    }

    /// Timer.channel(n[, mode, *, callback, pin, pulse_width, pulse_width_percent, compare, polarity]).
    static func channel(_ a: PyArgs) throws -> Obj {
        let m = try model(a[0])
        let n = try Py.toInt(a[1])
        guard n >= 1 && n <= 4 else { throw Py.error(.ValueError, "invalid channel (\(n))") }
        if !hasMoreArgs(a, after: 2) {
            guard let c = m.channels[n], c.object >= 0 else { return Py.none }
            return Py.kept(c.object)
        }
        let p = try parseArgs(a, from: 2, [
            ArgSpec("mode", required: true), ArgSpec("callback", kwOnly: true), ArgSpec("pin", kwOnly: true),
            ArgSpec("pulse_width", kwOnly: true), ArgSpec("pulse_width_percent", kwOnly: true),
            ArgSpec("compare", kwOnly: true), ArgSpec("polarity", kwOnly: true),
        ])
        let modeValue = try Py.toInt(p["mode"]!)
        let cb = p["callback"] ?? Py.none
        if let pin = p.notNone("pin") {
            guard Py.isInstance(pin, ObjPin.type) else { throw Py.error(.ValueError, "pin argument needs to be be a Pin type") }
            let i = try ObjPin.index(pin)
            let def = board.definition.pins[i]
            guard let af = def.af.first(where: { TimerModel.parseSignal($0.signal)?.0 == m.id }) else {
                throw Py.error(.ValueError, "Pin(\(def.cpu)) doesn't have an af for Timer(\(m.id))")
            }
            board.pins.configure(i, mode: PinMode.alt, pull: PinPull.none, af: af.index)
        }
        guard let mode = ChannelMode(rawValue: modeValue) else { throw Py.error(.ValueError, "invalid mode (\(modeValue))") }
        var ch = TimerModel.Channel(mode: mode)
        switch mode {
        case .pwm, .pwmInverted:
            if let pct = p.notNone("pulse_width_percent") {
                ch.compare = try compareFromPercent(m.pwmPeriod(), pct)
            } else {
                ch.compare = UInt64(truncatingIfNeeded: try p.int("pulse_width", 0))
            }
        case .ocTiming, .ocActive, .ocInactive, .ocToggle, .ocForcedActive, .ocForcedInactive:
            ch.compare = UInt64(truncatingIfNeeded: try p.int("compare", 0))
            let pol = try p.int("polarity", TimerPolarity.high)
            guard pol == TimerPolarity.high || pol == TimerPolarity.low else { throw Py.error(.ValueError, "invalid polarity (\(pol))") }
            ch.activeLow = pol == TimerPolarity.low
        case .ic:
            throw Py.error(.NotImplementedError, "Timer.IC (input capture) is not emulated: the board has no input signal timing")
        case .encA, .encB, .encAB:
            guard [1, 2, 3, 4, 5, 8].contains(m.id) else { throw Py.error(.ValueError, "encoder not supported on timer \(m.id)") }
            throw Py.error(.NotImplementedError, "Timer.\(mode.name) (encoder mode) is not emulated")
        }
        guard Py.isNone(cb) || Py.isCallable(cb) else { throw Py.error(.ValueError, "callback must be None or a callable object") }
        ch.compare &= m.mask
        if let old = m.channels[n] {
            if old.callback >= 0 { Py.release(old.callback) }
            if old.object >= 0 { Py.release(old.object) }
        }
        let o = try Py.newObject(channelType, words: 2)
        Py.setWord(o, 0, UInt32(m.id))
        Py.setWord(o, 1, UInt32(n))
        ch.object = try Py.keep(o)
        ch.callback = Py.isNone(cb) ? -1 : try Py.keep(cb)
        m.setChannel(n, ch)
        // starting a channel starts the counter (HAL_TIM_PWM_Start / OC_Start)
        if !m.running { m.restart() }
        return o
    }
}
