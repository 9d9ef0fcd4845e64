import MicroPythonCore

// pyb.ExtInt(pin, mode, pull, callback): an EXTI line (the pin's number) calling callback(line)
// as a hard interrupt handler on the chosen edges. [type][line]

enum ObjExtInt {
    nonisolated(unsafe) static var built: Obj? = nil

    static var board: Board { Board.current! }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("ExtInt", methods: [
            .method("__repr__", 1) { a in try Py.str("<ExtInt line=\(try line(a[0]))>") },
            .method("line", 1) { a in try Py.int(try line(a[0])) },
            .method("enable", 1) { a in try setEnabled(a[0], true) },
            .method("disable", 1) { a in try setEnabled(a[0], false) },
            .method("swint", 1) { a in
                board.pins.trigger(try line(a[0]))
                return Py.none
            },
            .staticMethod("regs", 0) { _ in
                board.writeStdout(regs())
                return Py.none
            },
        ], attrs: [
            ("IRQ_RISING", .int(ExtiMode.irqRising)), ("IRQ_FALLING", .int(ExtiMode.irqFalling)),
            ("IRQ_RISING_FALLING", .int(ExtiMode.irqBoth)),
            ("EVT_RISING", .int(ExtiMode.evtRising)), ("EVT_FALLING", .int(ExtiMode.evtFalling)),
            ("EVT_RISING_FALLING", .int(ExtiMode.evtBoth)),
        ], make: { a in try make(a) })
        built = t
        return t
    }

    static func line(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard let pinArg = a.arg(0, "pin"), let modeArg = a.arg(1, "mode"), let pullArg = a.arg(2, "pull"),
              let callback = a.arg(3, "callback") else {
            throw Py.error(.TypeError, "function missing required positional arguments")
        }
        let i = try ObjPin.find(pinArg)
        let mode = try Py.toInt(modeArg)
        guard let edges = ExtiMode.edges(mode), [ExtiMode.irqRising, ExtiMode.irqFalling, ExtiMode.irqBoth,
              ExtiMode.evtRising, ExtiMode.evtFalling, ExtiMode.evtBoth].contains(mode) else {
            throw Py.error(.ValueError, "invalid ExtInt Mode: \(mode)")
        }
        let pull = try Py.toInt(pullArg)
        guard pull >= 0 && pull <= 2 else { throw Py.error(.ValueError, "invalid ExtInt Pull: \(pull)") }
        let n = board.pins.number[i]
        // an event mode (EVT_*) wakes the core without running a handler
        let isEvent = mode & 0x00020000 != 0
        let handler = Py.isNone(callback) || isEvent ? -1 : try Py.keep(callback)
        let ext = ExtiLine(pin: i, kind: .extInt, rising: edges.rising, falling: edges.falling, hard: true,
                           enabled: true, handler: handler, argument: try Py.keep(try Py.int(n)))
        try board.pins.claim(ext, replace: false)
        board.pins.configure(i, mode: PinMode.input, pull: pull, af: -1)
        let o = try Py.newObject(type, words: 1)
        Py.setWord(o, 0, UInt32(n))
        return o
    }

    static func setEnabled(_ o: Obj, _ on: Bool) throws -> Obj {
        let n = try line(o)
        if var l = board.pins.lines[n] {
            l.enabled = on
            board.pins.lines[n] = l
        }
        return Py.none
    }

    /// The EXTI registers as ExtInt.regs() prints them, computed from the lines' state.
    static func regs() -> String {
        var imr: UInt32 = 0, rtsr: UInt32 = 0, ftsr: UInt32 = 0, pr: UInt32 = 0
        for (n, l) in board.pins.lines.enumerated() {
            guard let l = l else { continue }
            let bit = UInt32(1) << UInt32(n)
            if l.enabled && l.handler >= 0 { imr |= bit }
            if l.rising { rtsr |= bit }
            if l.falling { ftsr |= bit }
        }
        for n in board.pins.pending { pr |= UInt32(1) << UInt32(n) }
        func hex(_ v: UInt32) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 8 - s.count) + s
        }
        return "EXTI_IMR   \(hex(imr))\nEXTI_EMR   \(hex(0))\nEXTI_RTSR  \(hex(rtsr))\nEXTI_FTSR  \(hex(ftsr))\nEXTI_SWIER \(hex(0))\nEXTI_PR    \(hex(pr))\n"
    }
}
