import MicroPythonCore

// pyb.LED(1…4): permanent objects driving the LED pins of board.json. An LED is on when its pin
// is at its active level; LEDs with a timer channel (`pwm` in board.json: LED 3 and 4 on the
// pyboard) also dim smoothly with intensity(1…254), which puts the pin in its timer's AF and runs
// that timer as the port's led.c does (1 MHz ticks, 10 ms period, compare = v * 10000 / 255).

enum ObjLED {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var objects: [Obj] = []

    static var board: Board { Board.current! }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("LED", methods: [
            .method("__repr__", 1) { a in try Py.str("LED(\(try number(a[0])))") },
            .method("on", 1) { a in try state(a[0], true) },
            .method("off", 1) { a in try state(a[0], false) },
            .method("toggle", 1) { a in
                let n = try number(a[0])
                return try state(a[0], board.ledBrightnessNow(n - 1) == 0)
            },
            .method("intensity", 1, 2) { a in
                let n = try number(a[0])
                if a.count > 1 {
                    try setIntensity(n, max(0, min(255, try Py.toInt(a[1]))))
                    return Py.none
                }
                return try Py.int(Int((board.ledBrightnessNow(n - 1) * 255).rounded()))
            },
        ], make: { a in
            guard a.count == 1 else { throw Py.error(.TypeError, "function takes 1 positional arguments but \(a.count) were given") }
            let n = try Py.toInt(a[0])
            guard n >= 1 && n <= board.definition.leds.count else { throw Py.error(.ValueError, "LED(\(n)) doesn't exist") }
            return objects[n - 1]
        })
        objects = board.definition.leds.indices.map { k in
            let o = Py.newStaticObject(t, words: 1)
            Py.setWord(o, 0, UInt32(k + 1))
            return o
        }
        built = t
        return t
    }

    static func number(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    static func state(_ o: Obj, _ on: Bool) throws -> Obj {
        let n = try number(o)
        board.scheduler.charge(board.definition.cost("led"))
        board.setLED(n, on)
        return Py.none
    }

    /// 0 is off and 255 fully on through the GPIO; values between use the timer on LEDs that
    /// have one, and plain on/off on the others (as the stm32 port's led_set_intensity).
    static func setIntensity(_ n: Int, _ v: Int) throws {
        board.scheduler.charge(board.definition.cost("led"))
        let led = board.definition.leds[n - 1]
        guard let pwm = led.pwm, v > 0 && v < 255 else {
            board.setLED(n, v > 0)
            return
        }
        let p = board.ledPins[n - 1]
        board.pins.configure(p, mode: PinMode.alt, pull: PinPull.none, af: pwm.af)
        if let t = board.timing.timers[pwm.timer] {
            t.ledPWM(channel: pwm.channel, intensity: v, inverted: !led.activeHigh)
        } else {
            board.pins.setPWM(p, led.activeHigh ? Double(v) / 255 : 1 - Double(v) / 255)
        }
    }
}
