import MicroPythonCore

// pyb.Servo(1…4): hobby servos on X1–X4 driven by TIM5 (100 kHz ticks, 20 ms period) with the
// pulse widths and the stepwise movement of ports/stm32/servo.c: angle()/speed() with a time
// move the pulse every 20 ms (the TIM5 update interrupt) with the driver's integer arithmetic.
// The pulse is the compare value of the TIM5 channel, so the pin carries the real duty cycle.

final class ServoModel: Peripheral {
    struct Servo {
        // units of 10 µs, with the driver's field widths
        var pulseMin: UInt8 = 64
        var pulseMax: UInt8 = 242
        var pulseCentre: UInt8 = 150
        var pulseAngle90: UInt8 = 97
        var pulseSpeed100: UInt8 = 70
        var pulseCur: UInt16 = 150
        var pulseDest: UInt16 = 0
        var pulseAccum: Int16 = 0
        var timeLeft: UInt16 = 0
        var started = false
    }

    unowned let board: Board
    let spec: BoardDefinition.Peripherals.Servo
    var servos: [Servo]
    private var nextStep: UInt64? = nil
    static let stepNanos: UInt64 = 20_000_000

    init(_ b: Board, _ spec: BoardDefinition.Peripherals.Servo) {
        board = b
        self.spec = spec
        servos = Array(repeating: Servo(), count: spec.pins.count)
    }

    var timer: TimerModel? { board.timing.timers[spec.timer] }

    /// servo_init_channel: the pin in TIM5's AF, TIM5 at 100 kHz / 50 Hz, the channel in PWM.
    func start(_ k: Int) {
        guard let t = timer, let i = board.pins.index(of: spec.pins[k]) else { return }
        if let af = board.definition.pins[i].af.first(where: { TimerModel.parseSignal($0.signal)?.0 == spec.timer }) {
            board.pins.configure(i, mode: PinMode.alt, pull: PinPull.none, af: af.index)
        }
        if !t.running || servos.allSatisfy({ !$0.started }) {
            t.prescaler = UInt64(max(1, t.sourceFreq() / 100_000) - 1)
            t.period = 2000 - 1
            t.mode = CounterMode.up
            t.restart()
        }
        servos[k].started = true
        let ch = TimerModel.parseSignal(board.definition.pins[i].af.first { TimerModel.parseSignal($0.signal)?.0 == spec.timer }?.signal ?? "")?.1 ?? (k + 1)
        var c = t.channels[ch] ?? TimerModel.Channel(mode: .pwm)
        c.mode = .pwm
        c.compare = UInt64(servos[k].pulseCur)
        t.setChannel(ch, c)
    }

    private func writeCompare(_ k: Int) {
        guard let t = timer, let i = board.pins.index(of: spec.pins[k]) else { return }
        let ch = board.definition.pins[i].af.compactMap { TimerModel.parseSignal($0.signal) }.first { $0.0 == spec.timer }?.1 ?? (k + 1)
        if t.channels[ch] != nil { t.setCompare(ch, UInt64(servos[k].pulseCur)) }
    }

    /// servo_timer_irq_callback: one step of every moving servo; true while any still moves.
    @discardableResult
    func step() -> Bool {
        var needIt = false
        for k in servos.indices {
            var s = servos[k]
            guard s.pulseCur != s.pulseDest else { continue }
            if s.pulseDest < UInt16(s.pulseMin) { s.pulseDest = UInt16(s.pulseMin) } else if s.pulseDest > UInt16(s.pulseMax) { s.pulseDest = UInt16(s.pulseMax) }
            if s.timeLeft <= 1 {
                s.pulseCur = s.pulseDest
                s.timeLeft = 0
            } else {
                s.pulseAccum = Int16(truncatingIfNeeded: Int(s.pulseAccum) + Int(s.pulseDest) - Int(s.pulseCur))
                s.pulseCur = UInt16(truncatingIfNeeded: Int(s.pulseCur) + Int(s.pulseAccum) / Int(s.timeLeft))
                s.pulseAccum = Int16(truncatingIfNeeded: Int(s.pulseAccum) % Int(s.timeLeft))
                s.timeLeft -= 1
                needIt = true
            }
            servos[k] = s
            writeCompare(k)
        }
        return needIt
    }

    /// A new destination: the first step now, then one per TIM5 period while moving.
    func moved() {
        if step() {
            if nextStep == nil { nextStep = board.scheduler.now() + ServoModel.stepNanos }
        } else {
            nextStep = nil
        }
        board.scheduler.planQuantum()
    }

    var nextEventNanos: UInt64? { nextStep }

    func advance(to now: UInt64) {
        guard let t = nextStep, t <= now else { return }
        if step() { nextStep = t + ServoModel.stepNanos } else { nextStep = nil }
    }

    /// servo_init() at every boot: defaults, nothing moving.
    func reset(hard: Bool) {
        servos = Array(repeating: Servo(), count: spec.pins.count)
        nextStep = nil
    }
}

enum ObjServo {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var objects: [Obj] = []
    static var board: Board { Board.current! }
    static var model: ServoModel { board.timing.servos }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("Servo", methods: [
            .method("__repr__", 1) { a in
                let k = try index(a[0])
                return try Py.str("<Servo \(k + 1) at \(10 * Int(model.servos[k].pulseCur))us>")
            },
            .method("pulse_width", 1, 2) { a in
                let k = try index(a[0])
                if a.count == 1 { return try Py.int(10 * Int(model.servos[k].pulseCur)) }
                model.servos[k].pulseDest = UInt16(truncatingIfNeeded: try Py.toInt(a[1]) / 10)
                model.servos[k].timeLeft = 0
                model.moved()
                return Py.none
            },
            .method("calibration", 1, 6) { a in try calibration(a) },
            .method("angle", 1, 3) { a in
                try move(a) { s, v in Double(s.pulseCentre) + Double(s.pulseAngle90) * v / 90 } get: { s in
                    (Int(s.pulseCur) - Int(s.pulseCentre)) * 90 / Int(s.pulseAngle90)
                }
            },
            .method("speed", 1, 3) { a in
                try move(a) { s, v in Double(s.pulseCentre) + Double(s.pulseSpeed100) * v / 100 } get: { s in
                    (Int(s.pulseCur) - Int(s.pulseCentre)) * 100 / Int(s.pulseSpeed100)
                }
            },
        ], make: { a in
            guard a.count == 1 && a.keywordNames.isEmpty else {
                throw Py.error(.TypeError, "function takes 1 positional arguments but \(a.count) were given")
            }
            let id = try Py.toInt(a[0])
            guard id >= 1 && id <= objects.count else { throw Py.error(.ValueError, "Servo(\(id)) doesn't exist") }
            let m = model
            m.servos[id - 1].pulseDest = m.servos[id - 1].pulseCur
            m.servos[id - 1].timeLeft = 0
            m.start(id - 1)
            return objects[id - 1]
        })
        objects = board.timing.spec.servo.pins.indices.map { k in
            let o = Py.newStaticObject(t, words: 1)
            Py.setWord(o, 0, UInt32(k))
            return o
        }
        built = t
        return t
    }

    static func index(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    /// angle()/speed(): get, or set now, or set over `time` ms (20 ms steps).
    static func move(_ a: PyArgs, _ dest: (ServoModel.Servo, Double) -> Double, get: (ServoModel.Servo) -> Int) throws -> Obj {
        let k = try index(a[0])
        let m = model
        if a.count == 1 {
            guard m.servos[k].pulseAngle90 != 0 && m.servos[k].pulseSpeed100 != 0 else { throw Py.error(.ValueError, "division by zero") }
            return try Py.int(get(m.servos[k]))
        }
        // the driver computes in single precision and stores into a uint16_t
        let d = Float(dest(m.servos[k], try Py.toDouble(a[1])))
        m.servos[k].pulseDest = d >= 0 && d < 65536 ? UInt16(d) : UInt16(truncatingIfNeeded: d.isFinite && abs(d) < 1e9 ? Int(d) : 0)
        if a.count == 2 {
            m.servos[k].timeLeft = 0
        } else {
            m.servos[k].timeLeft = UInt16(truncatingIfNeeded: try Py.toInt(a[2]) / 20)
            m.servos[k].pulseAccum = 0
        }
        m.moved()
        return Py.none
    }

    static func calibration(_ a: PyArgs) throws -> Obj {
        let k = try index(a[0])
        let m = model
        var s = m.servos[k]
        if a.count == 1 {
            return try Py.tuple([
                try Py.int(10 * Int(s.pulseMin)), try Py.int(10 * Int(s.pulseMax)), try Py.int(10 * Int(s.pulseCentre)),
                try Py.int(10 * (Int(s.pulseAngle90) + Int(s.pulseCentre))),
                try Py.int(10 * (Int(s.pulseSpeed100) + Int(s.pulseCentre))),
            ])
        }
        guard a.count == 4 || a.count == 6 else {
            throw Py.error(.TypeError, "calibration expecting 1, 4 or 6 arguments, got \(a.count)")
        }
        s.pulseMin = UInt8(truncatingIfNeeded: try Py.toInt(a[1]) / 10)
        s.pulseMax = UInt8(truncatingIfNeeded: try Py.toInt(a[2]) / 10)
        s.pulseCentre = UInt8(truncatingIfNeeded: try Py.toInt(a[3]) / 10)
        if a.count == 6 {
            s.pulseAngle90 = UInt8(truncatingIfNeeded: try Py.toInt(a[4]) / 10 - Int(s.pulseCentre))
            s.pulseSpeed100 = UInt8(truncatingIfNeeded: try Py.toInt(a[5]) / 10 - Int(s.pulseCentre))
        }
        m.servos[k] = s
        return Py.none
    }
}
