import MicroPythonCore

// machine.Timer on the stm32 port: software timers (id -1 only) driven by the 1 ms SysTick, as
// ports/stm32/machine_timer.c and shared/runtime/softtimer.c. Expiry times are whole
// milliseconds since reset; callbacks are scheduled (soft) unless hard=True.

final class SoftTimerModel: Peripheral {
    struct Entry {
        var object: Int          // kept handle of the Timer object
        var callback: Int
        var periodic: Bool
        var hard: Bool
        var deltaMs: UInt64
        var expiryMs: UInt64
    }

    unowned let board: Board
    /// Active timers by the Timer object's serial (payload word 0).
    var active: [UInt32: Entry] = [:]
    var serial: UInt32 = 0

    init(_ b: Board) { board = b }

    func nowMs() -> UInt64 { board.sinceBoot() / 1_000_000 }

    var nextEventNanos: UInt64? {
        guard let e = active.values.map(\.expiryMs).min() else { return nil }
        return board.bootNanos + e * 1_000_000
    }

    func advance(to now: UInt64) {
        let ms = now >= board.bootNanos ? (now - board.bootNanos) / 1_000_000 : 0
        for key in active.keys.sorted() {
            guard var e = active[key], e.expiryMs <= ms else { continue }
            if e.periodic {
                e.expiryMs += e.deltaMs
                if e.expiryMs <= ms { e.expiryMs = ms + e.deltaMs }
                active[key] = e
            } else {
                active[key] = nil
            }
            let fire = e
            let b = board
            b.raiseIRQ {
                _ = b.runHandler(keptOrNone(fire.callback), keptOrNone(fire.object), hard: fire.hard,
                                 errorHeader: "uncaught exception in Timer callback")
                if !fire.periodic {
                    if fire.callback >= 0 { Py.release(fire.callback) }
                    if fire.object >= 0 { Py.release(fire.object) }
                }
            }
        }
    }

    func reset(hard: Bool) { active = [:] }
}

enum MachineTimer {
    nonisolated(unsafe) static var built: Obj? = nil
    static var board: Board { Board.current! }
    static var soft: SoftTimerModel { board.timing.softTimers }

    static let oneShot = 0, periodic = 1

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("Timer", methods: [
            .method("__repr__", 1) { a in
                let key = Py.word(a[0], 0)
                guard let e = soft.active[key] else { return try Py.str("Timer(mode=ONE_SHOT, period=0, tick_hz=1000)") }
                return try Py.str("Timer(mode=\(e.periodic ? "PERIODIC" : "ONE_SHOT"), period=\(e.deltaMs), tick_hz=1000)")
            },
            .method("init", 1, PyNative.varArgs, kw: true) { a in try initTimer(a[0], a, first: 1); return Py.none },
            .method("deinit", 1) { a in
                try Py.expect(a[0], built!)
                stop(Py.word(a[0], 0))
                return Py.none
            },
        ], attrs: [("ONE_SHOT", .int(oneShot)), ("PERIODIC", .int(periodic))], make: { a in
            var first = 0
            if a.count > 0 {
                let id = try Py.toInt(a[0])
                guard id == -1 else { throw Py.error(.ValueError, "Timer doesn't exist") }
                first = 1
            }
            let o = try Py.newObject(built!, words: 1)
            soft.serial &+= 1
            Py.setWord(o, 0, soft.serial)
            if hasMoreArgs(a, after: first) { try initTimer(o, a, first: first) }
            return o
        })
        built = t
        return t
    }

    static func stop(_ key: UInt32) {
        if let e = soft.active[key] {
            if e.callback >= 0 { Py.release(e.callback) }
            if e.object >= 0 { Py.release(e.object) }
            soft.active[key] = nil
        }
    }

    /// init(*, mode=PERIODIC, callback=None, period=-1, tick_hz=1000, freq=None, hard=False)
    static func initTimer(_ o: Obj, _ a: PyArgs, first: Int) throws {
        try Py.expect(o, type)
        let p = try parseArgs(a, from: first, [
            ArgSpec("mode", kwOnly: true), ArgSpec("callback", kwOnly: true), ArgSpec("period", kwOnly: true),
            ArgSpec("tick_hz", kwOnly: true), ArgSpec("freq", kwOnly: true), ArgSpec("hard", kwOnly: true),
        ])
        let mode = try p.int("mode", periodic)
        var delta: UInt64 = 1000
        if let f = p.notNone("freq") {
            let freq = try Py.toDouble(f)
            guard freq >= 0.001 else { throw Py.error(.ValueError, "freq too small") }   // NaN too
            delta = UInt64(Float(1000) / Float(freq))
        } else if let per = p["period"] {
            let v = try Py.toInt(per)
            let hz = try p.int("tick_hz", 1000)
            guard hz > 0 else { throw Py.error(.ValueError, "tick_hz must be positive") }
            delta = mulDiv(UInt64(max(0, v)), 1000, UInt64(hz))
        }
        delta = min(max(1, delta), 0xffff_ffff)   // delta_ms is a uint32_t in the port
        let key = Py.word(o, 0)
        stop(key)
        let cb = p["callback"] ?? Py.none
        guard Py.isNone(cb) || Py.isCallable(cb) else { throw Py.error(.ValueError, "callback must be None or a callable object") }
        soft.active[key] = SoftTimerModel.Entry(object: try Py.keep(o), callback: Py.isNone(cb) ? -1 : try Py.keep(cb),
                                                periodic: mode != oneShot, hard: try p.bool("hard", false),
                                                deltaMs: delta, expiryMs: soft.nowMs() + delta)
        board.scheduler.planQuantum()
    }
}
