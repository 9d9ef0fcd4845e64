import MicroPythonCore

// The machine module (board part) on the stm32 port: the same Pin class as pyb, resets and
// their causes, clocks, sleep modes, interrupts on/off, unique_id, time_pulse_us and the
// watchdog. Bus classes (UART, I2C, SPI, Timer, RTC, ADC) come with the peripheral issue.

enum ModuleMachine {
    static var board: Board { Board.current! }

    static func register() {
        Py.registerModule("machine", aliases: ["umachine"]) {
            [
                ("Pin", .value(ObjPin.type)),
                ("WDT", .value(Watchdog.type)),
                ("reset", .function(.function("reset", 0) { _ in throw board.requestReset(.hard) })),
                ("soft_reset", .function(.function("soft_reset", 0) { _ in throw board.requestReset(.soft) })),
                ("reset_cause", .function(.function("reset_cause", 0) { _ in try Py.int(board.resetCause) })),
                ("bootloader", .function(.function("bootloader", 0, 1) { _ in throw ModulePyb.bootloader() })),
                ("freq", .function(.function("freq", 0, 4) { a in try ModulePyb.freq(a) })),
                ("unique_id", .function(.function("unique_id", 0) { _ in try Py.bytes(board.definition.uniqueIdBytes) })),
                ("info", .function(.function("info", 0, 1) { a in try ModulePyb.info(a.count > 0 ? a[0] : nil) })),
                ("idle", .function(.function("idle", 0) { _ in try ModulePyb.wfi() })),
                ("lightsleep", .function(.function("lightsleep", 0, 1) { a in
                    try ModulePyb.stop(timeoutMs: a.count > 0 ? try Py.toInt(a[0]) : nil)
                })),
                ("sleep", .function(.function("sleep", 0, 1) { a in
                    try ModulePyb.stop(timeoutMs: a.count > 0 ? try Py.toInt(a[0]) : nil)
                })),
                ("deepsleep", .function(.function("deepsleep", 0, 1) { a in
                    try ModulePyb.standby(timeoutMs: a.count > 0 ? try Py.toInt(a[0]) : nil)
                })),
                ("disable_irq", .function(.function("disable_irq", 0) { _ in ModulePyb.disableIRQ() })),
                ("enable_irq", .function(.function("enable_irq", 0, 1) { a in
                    try ModulePyb.enableIRQ(a.count > 0 ? try Py.truthy(a[0]) : true)
                })),
                ("rng", .function(.function("rng", 0) { _ in try Py.int(Int(board.nextRandom() >> 2)) })),
                ("time_pulse_us", .function(.function("time_pulse_us", 2, 3) { a in try timePulse(a) })),
                ("SOFT_RESET", .int(ResetCause.soft)),
                ("PWRON_RESET", .int(ResetCause.powerOn)),
                ("HARD_RESET", .int(ResetCause.hard)),
                ("WDT_RESET", .int(ResetCause.wdt)),
                ("DEEPSLEEP_RESET", .int(ResetCause.deepSleep)),
            ]
        }
    }

    /// time_pulse_us(pin, level, timeout_us=1000000): waits (on the virtual clock) for the pin to
    /// reach `level`, then times how long it stays there; -2 / -1 on timeout as documented.
    static func timePulse(_ a: PyArgs) throws -> Obj {
        let i = try ObjPin.find(a[0])
        let level = try Py.truthy(a[1])
        let timeout = UInt64(max(0, a.count > 2 ? try Py.toInt(a[2]) : 1_000_000)) * 1000
        let model = board.pins
        var start = board.scheduler.now()
        if model.level(i) != level {
            try board.idle(until: start + timeout, ready: { model.level(i) == level })
            if model.level(i) != level { return try Py.int(-2) }
            start = board.scheduler.now()
        }
        try board.idle(until: start + timeout, ready: { model.level(i) != level })
        if model.level(i) == level { return try Py.int(-1) }
        return try Py.int(Int((board.scheduler.now() - start) / 1000))
    }
}

/// machine.WDT(id=0, timeout=5000): the independent watchdog, a peripheral on virtual time. Once
/// started it cannot be stopped and survives soft resets; if not fed in time the board resets
/// with WDT_RESET.
final class Watchdog: Peripheral {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var instance: Watchdog? = nil

    var deadline: UInt64? = nil
    var timeoutNanos: UInt64 = 0

    static var board: Board { Board.current! }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("WDT", methods: [
            .method("feed", 1) { _ in
                if let w = instance { w.deadline = board.scheduler.now() + w.timeoutNanos }
                return Py.none
            },
        ], make: { a in
            let id = try a.arg(0, "id").map(Py.toInt) ?? 0
            guard id == 0 else { throw Py.error(.ValueError, "WDT(\(id)) doesn't exist") }
            let ms = try a.arg(1, "timeout").map(Py.toInt) ?? 5000
            // the IWDG's range with its /256 prescaler: 1 ms … 32768 ms
            guard ms >= 1 && ms <= 32768 else { throw Py.error(.ValueError, "WDT timeout too large") }
            let w: Watchdog
            if let existing = instance { w = existing } else {
                w = Watchdog()
                instance = w
                board.attach(w)
            }
            w.timeoutNanos = UInt64(ms) * 1_000_000
            w.deadline = board.scheduler.now() + w.timeoutNanos
            board.scheduler.planQuantum()
            return try Py.newObject(built!, words: 0)
        })
        built = t
        return t
    }

    var nextEventNanos: UInt64? { deadline }

    func advance(to now: UInt64) {
        guard let d = deadline, now >= d else { return }
        deadline = nil
        _ = Watchdog.board.requestReset(.watchdog)
    }

    func reset(hard: Bool) {
        if hard { deadline = nil }
    }
}
