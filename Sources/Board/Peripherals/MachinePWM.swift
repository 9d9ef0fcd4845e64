import MicroPythonCore

// machine.PWM(pin, *, freq, duty_u16, duty_ns, invert): the extmod PWM API on the pin's timer
// channel (the first TIMx_CHy alternate function of the pin), so a PWM on LED_YELLOW drives TIM2
// channel 1 and the LED's brightness follows its duty cycle. Payload: word 0 the pin index,
// word 1 timer id, word 2 channel, word 3 invert.

enum MachinePWM {
    nonisolated(unsafe) static var built: Obj? = nil
    static var board: Board { Board.current! }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("PWM", methods: [
            .method("__repr__", 1) { a in
                let (m, ch, pin, _) = try parts(a[0])
                let cpu = board.definition.pins[pin].cpu
                guard m.running, m.channels[ch] != nil else { return try Py.str("<PWM pin=\(cpu) deinit>") }
                return try Py.str("<PWM pin=\(cpu) timer=\(m.id) channel=\(ch) freq=\(freq(m)) duty_u16=\(dutyU16(m, ch))>")
            },
            .method("init", 1, 1, kw: true) { a in try initPWM(a[0], a, first: 1); return Py.none },
            .method("deinit", 1) { a in
                let (m, ch, pin, _) = try parts(a[0])
                m.channels[ch] = nil
                board.pins.setPWM(pin, 0)   // the channel's output is disabled: the pin reads low
                return Py.none
            },
            .method("freq", 1, 2) { a in
                let (m, ch, _, inv) = try parts(a[0])
                if a.count == 1 { return try Py.int(freq(m)) }
                let u16 = dutyU16(m, ch)
                try setFreq(m, a[1])
                try setDuty(m, ch, u16: u16, invert: inv)
                return Py.none
            },
            .method("duty_u16", 1, 2) { a in
                let (m, ch, _, inv) = try parts(a[0])
                if a.count == 1 { return try Py.int(dutyU16(m, ch)) }
                try setDuty(m, ch, u16: try Py.toInt(a[1]), invert: inv)
                return Py.none
            },
            .method("duty_ns", 1, 2) { a in
                let (m, ch, _, inv) = try parts(a[0])
                let tickNs = Double((m.prescaler + 1)) * 1e9 / Double(m.sourceFreq())
                if a.count == 1 { return try Py.int(Int((Double(m.channels[ch]?.compare ?? 0) * tickNs).rounded())) }
                let ns = max(0, try Py.toInt(a[1]))
                let cmp = min(m.period + 1, UInt64((Double(ns) / tickNs).rounded()))
                try setDuty(m, ch, u16: Int(cmp * 65535 / (m.period + 1)), invert: inv)
                return Py.none
            },
        ], make: { a in
            guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
            let pin = try ObjPin.find(a[0])
            let def = board.definition.pins[pin]
            guard let af = def.af.first(where: { TimerModel.parseSignal($0.signal).map { !$0.2 } ?? false }),
                  let (tim, ch, _) = TimerModel.parseSignal(af.signal), board.timing.timers[tim] != nil else {
                throw Py.error(.ValueError, "Pin(\(def.cpu)) doesn't have a timer for PWM")
            }
            let o = try Py.newObject(built!, words: 4)
            Py.setWord(o, 0, UInt32(pin))
            Py.setWord(o, 1, UInt32(tim))
            Py.setWord(o, 2, UInt32(ch))
            board.pins.configure(pin, mode: PinMode.alt, pull: PinPull.none, af: af.index)
            try initPWM(o, a, first: 1)
            return o
        })
        built = t
        return t
    }

    static func parts(_ o: Obj) throws -> (TimerModel, Int, Int, Bool) {
        try Py.expect(o, type)
        return (board.timing.timers[Int(Py.word(o, 1))]!, Int(Py.word(o, 2)), Int(Py.word(o, 0)), Py.word(o, 3) != 0)
    }

    static func freq(_ m: TimerModel) -> Int {
        m.sourceFreq() / Int((m.prescaler + 1) * (m.period + 1))
    }

    static func dutyU16(_ m: TimerModel, _ ch: Int) -> Int {
        guard let c = m.channels[ch] else { return 0 }
        return Int(min(65535, c.compare * 65535 / (m.period + 1)))
    }

    static func setFreq(_ m: TimerModel, _ f: Obj) throws {
        let (psc, per) = try ObjTimer.prescalerPeriod(m, freq: f)
        m.reconfigure { m.prescaler = psc; m.period = per }
        if !m.running { m.restart() }
    }

    static func setDuty(_ m: TimerModel, _ ch: Int, u16: Int, invert: Bool) throws {
        guard u16 >= 0 && u16 <= 65535 else { throw Py.error(.ValueError, "duty_u16 must be from 0 to 65535") }
        var c = m.channels[ch] ?? TimerModel.Channel(mode: .pwm)
        c.mode = invert ? .pwmInverted : .pwm
        c.compare = UInt64(u16) * (m.period + 1) / 65535
        m.setChannel(ch, c)
        if !m.running { m.restart() }
    }

    /// init(*, freq, duty_u16, duty_ns, invert): unchanged settings stay as they were.
    static func initPWM(_ o: Obj, _ a: PyArgs, first: Int) throws {
        let p = try parseArgs(a, from: first, [ArgSpec("freq", kwOnly: true), ArgSpec("duty_u16", kwOnly: true),
                                               ArgSpec("duty_ns", kwOnly: true), ArgSpec("invert", kwOnly: true)])
        let (m, ch, _, _) = try parts(o)
        if let inv = p["invert"] { Py.setWord(o, 3, try Py.truthy(inv) ? 1 : 0) }
        let invert = Py.word(o, 3) != 0
        if let f = p.notNone("freq") { try setFreq(m, f) } else if !m.running { try setFreq(m, try Py.int(1000)) }
        if let d = p.notNone("duty_u16") {
            try setDuty(m, ch, u16: try Py.toInt(d), invert: invert)
        } else if let d = p.notNone("duty_ns") {
            let tickNs = Double((m.prescaler + 1)) * 1e9 / Double(m.sourceFreq())
            let cmp = min(m.period + 1, UInt64((Double(max(0, try Py.toInt(d))) / tickNs).rounded()))
            try setDuty(m, ch, u16: Int(cmp * 65535 / (m.period + 1)), invert: invert)
        } else {
            try setDuty(m, ch, u16: dutyU16(m, ch), invert: invert)
        }
    }
}
