import MicroPythonCore

// pyb.repl_info(enable) and pyb.repl_uart([uart]).
//
// repl_info: after each line run at the friendly REPL (not the raw REPL, not scripts), print
// "took N ms", the qstr pool and the heap after a collection, as pyexec does; the flag lives in
// the core's REPL and, like the C static, outlives soft resets.
//
// repl_uart: the UART the REPL is repeated on (stm32's pyb_stdio_uart). Terminal output (print,
// tracebacks, and the REPL's prompts and echo through the console) is sent on that UART too,
// and characters it receives are REPL input; the interrupt character received while code runs
// raises KeyboardInterrupt, as the UART IRQ handler does. The copy is queued on the UART's TX
// line without making the program wait for it. A soft reset forgets the UART (it is
// de-initialised, and the firmware clears pyb_stdio_uart then).

enum PybRepl {
    static var board: Board { Board.current! }

    static func entries() -> [(String, PyEntry)] {
        [("repl_info", .function(.function("repl_info", 1, 1) { a in
            Interpreter.replDebugInfo = try Py.toInt(a[0]) != 0
            return Py.none
        })),
         ("repl_uart", .function(.function("repl_uart", 0, 1) { a in try replUART(a) }))]
    }

    static func register() { Py.extendModule("pyb", entries) }

    static func replUART(_ a: PyArgs) throws -> Obj {
        let uarts = board.timing.uarts
        if a.count == 0 {
            guard let u = uarts.values.first(where: { $0.attachedToRepl }), u.object >= 0 else { return Py.none }
            return Py.kept(u.object)
        }
        if Py.isNone(a[0]) {
            for u in uarts.values where u.attachedToRepl { u.attachToRepl(false) }
            return Py.none
        }
        guard Py.isInstance(a[0], ObjUART.type) else { throw Py.error(.ValueError, "need a UART object") }
        let u = try ObjUART.model(a[0])
        for other in uarts.values where other !== u && other.attachedToRepl { other.attachToRepl(false) }
        u.attachToRepl(true)
        return Py.none
    }
}

extension UARTModel {
    /// uart_attach_to_repl: output is copied to this UART's TX, received characters feed the REPL.
    func attachToRepl(_ on: Bool) {
        attachedToRepl = on
        Py.terminalMirror = on ? { [weak self] bytes in self?.mirror(cookNewlines(bytes)) } : nil
    }

    /// Queues terminal output on TX as 8-bit characters.
    func mirror(_ bytes: [UInt8]) {
        guard attachedToRepl, enabled else { return }
        _ = transmit(bytes.map { UInt16($0) })
    }
}

extension Board {
    /// The UART attached with pyb.repl_uart, if any (the REPL console reads it as well).
    var replUART: UARTModel? {
        guard let t = timingIfCreated else { return nil }
        return t.uarts.values.first { $0.attachedToRepl && $0.enabled }
    }

    /// A character received on the REPL's UART, for the REPL console (nil: none waiting).
    public func replUARTInput() -> UInt8? {
        guard let u = replUART else { return nil }
        u.advance(to: scheduler.now())
        return u.takeChar().map { UInt8(truncatingIfNeeded: $0) }
    }

    /// Whether the REPL's UART has a character waiting (the console's wait condition).
    public var replUARTHasInput: Bool {
        guard let u = replUART else { return false }
        u.advance(to: scheduler.now())
        return u.available() > 0
    }

    /// Terminal bytes the REPL writes to its console directly (prompts, echo), for the REPL's UART.
    public func mirrorToReplUART(_ bytes: [UInt8]) { replUART?.mirror(bytes) }
}
