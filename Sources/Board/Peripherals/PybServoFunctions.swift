import MicroPythonCore

// pyb.servo(n, value) and pyb.pwm(period, pulse): servo.c's two module functions, which write
// TIM5's registers directly and bypass the Servo objects. servo() clamps the value to 50…250
// (10 µs units on the servo timebase: 0.5…2.5 ms) and puts it in CCRn of servo n (1…4; any
// other number does nothing); pwm() writes ARR (the period) and CCR3. A channel that Servo(n)
// has not switched to PWM keeps no output, as the register write alone does not enable it.

enum PybServoFunctions {
    static var board: Board { Board.current! }

    static func entries() -> [(String, PyEntry)] {
        [("servo", .function(.function("servo", 2, 2) { a in try servo(a[0], a[1]) })),
         ("pwm", .function(.function("pwm", 2, 2) { a in try pwm(a[0], a[1]) }))]
    }

    static var timer: TimerModel? { board.timing.timers[board.timing.spec.servo.timer] }

    static func servo(_ port: Obj, _ value: Obj) throws -> Obj {
        let p = try Py.toInt(port)
        let v = min(250, max(50, try Py.toInt(value)))
        if (1...4).contains(p), let t = timer { t.setCompare(p, UInt64(v)) }
        return Py.none
    }

    static func pwm(_ period: Obj, _ pulse: Obj) throws -> Obj {
        let pe = UInt64(UInt32(truncatingIfNeeded: try Py.toInt(period)))
        let pu = UInt64(UInt32(truncatingIfNeeded: try Py.toInt(pulse)))
        if let t = timer {
            t.reconfigure { t.period = pe }
            t.setCompare(3, pu)
        }
        return Py.none
    }
}
