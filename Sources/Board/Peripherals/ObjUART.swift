import MicroPythonCore

// pyb.UART, which is also machine.UART on the stm32 port (ports/stm32/machine_uart.c): one object
// per UART id (payload: the id), stream methods with the port's timeouts (read waits `timeout`
// ms for the first character and `timeout_char` between characters; nothing in time gives None),
// irq() with IRQ_RX / IRQ_RXIDLE, and the port's messages for bad ids, bit counts and baud rates.

enum ObjUART {
    nonisolated(unsafe) static var built: (uart: Obj, irq: Obj)? = nil
    static var board: Board { Board.current! }

    static var type: Obj { types().uart }

    static func types() -> (uart: Obj, irq: Obj) {
        if let t = built { return t }
        let irq = Py.makeType("irq", methods: [
            .method("flags", 1) { a in try Py.int(board.timing.uarts[Int(Py.word(a[0], 0))]?.irqFlags ?? 0) },
            .method("trigger", 1, 2) { a in
                guard let u = board.timing.uarts[Int(Py.word(a[0], 0))] else { return try Py.int(0) }
                let old = u.irqTrigger
                if a.count > 1 { u.irqTrigger = try Py.toInt(a[1]) }
                return try Py.int(old)
            },
        ])
        let t = Py.makeType("UART", methods: [
            .method("__repr__", 1) { a in try Py.str(repr(try model(a[0]))) },
            .method("init", 1, PyNative.varArgs, kw: true) { a in try initUART(try model(a[0]), a, first: 1); return Py.none },
            .method("deinit", 1) { a in try model(a[0]).disable(); return Py.none },
            .method("any", 1) { a in
                let u = try model(a[0])
                u.advance(to: board.scheduler.now())
                return try Py.int(u.available())
            },
            .method("read", 1, 2) { a in try read(a) },
            .method("readinto", 2, 3) { a in try readinto(a) },
            .method("readline", 1) { a in try readline(try model(a[0])) },
            .method("readchar", 1) { a in
                let u = try model(a[0])
                guard try waitRX(u, ms: u.timeout), let v = u.takeChar() else { return try Py.int(-1) }
                return try Py.int(Int(v))
            },
            .method("write", 2) { a in try write(try model(a[0]), a[1]) },
            .method("writechar", 2) { a in
                let u = try model(a[0])
                let v = UInt16(truncatingIfNeeded: try Py.toInt(a[1]))
                try wait(until: u.transmit([v]))
                return Py.none
            },
            .method("sendbreak", 1) { a in try model(a[0]).sendBreak(); return Py.none },
            .method("txdone", 1) { a in Py.bool(try model(a[0]).txDone) },
            .method("flush", 1) { a in
                let u = try model(a[0])
                try wait(until: u.txLineFree)
                return Py.none
            },
            .method("irq", 1, 4, kw: true) { a in try irqMethod(a) },
        ], attrs: [
            ("RTS", .int(0x100)), ("CTS", .int(0x200)),
            ("IRQ_RXIDLE", .int(UARTFlag.rxIdle)), ("IRQ_RX", .int(UARTFlag.rx)),
        ], make: { a in try make(a) })
        built = (t, irq)
        return (t, irq)
    }

    static func model(_ o: Obj) throws -> UARTModel {
        try Py.expect(o, type)
        return board.timing.uarts[Int(Py.word(o, 0))]!
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let buses = board.definition.buses.uart
        let id: Int
        if Py.isStr(a[0]) {
            let name = try Py.toString(a[0])
            guard let b = buses.first(where: { $0.name == name }) else { throw Py.error(.ValueError, "UART(\(name)) doesn't exist") }
            id = b.id
        } else {
            id = try Py.toInt(a[0])
        }
        guard let u = board.timing.uarts[id] else { throw Py.error(.ValueError, "UART(\(id)) doesn't exist") }
        let o: Obj
        if u.object >= 0 {
            o = Py.kept(u.object)
        } else {
            o = try Py.newObject(type, words: 1)
            Py.setWord(o, 0, UInt32(id))
            u.object = try Py.keep(o)
        }
        if hasMoreArgs(a, after: 1) { try initUART(u, a, first: 1) }
        return o
    }

    static func repr(_ u: UARTModel) -> String {
        guard u.enabled else { return "UART(\(u.id))" }
        var s = "UART(\(u.id), baudrate=\(u.baud), bits=\(u.dataBits), parity="
        s += u.parity.map { String($0 & 1) } ?? "None"
        s += ", stop=\(u.stop), flow="
        if u.flow & 0x300 == 0 { s += "0" } else {
            if u.flow & 0x100 != 0 { s += "RTS" + (u.flow & 0x200 != 0 ? "|" : "") }
            if u.flow & 0x200 != 0 { s += "CTS" }
        }
        s += ", timeout=\(u.timeout), timeout_char=\(u.timeoutChar), rxbuf=\(u.rxbuf)"
        if u.irqTrigger != 0 { s += "; irq=0x\(String(u.irqTrigger, radix: 16))" }
        return s + ")"
    }

    /// init(baudrate, bits=8, parity=None, stop=1, *, flow=0, timeout=0, timeout_char=0, rxbuf=-1, read_buf_len=64)
    static func initUART(_ u: UARTModel, _ a: PyArgs, first: Int) throws {
        let p = try parseArgs(a, from: first, [
            ArgSpec("baudrate", required: true), ArgSpec("bits"), ArgSpec("parity"), ArgSpec("stop"),
            ArgSpec("flow", kwOnly: true), ArgSpec("timeout", kwOnly: true), ArgSpec("timeout_char", kwOnly: true),
            ArgSpec("rxbuf", kwOnly: true), ArgSpec("read_buf_len", kwOnly: true),
        ])
        let baud = try Py.toInt(p["baudrate"]!)
        let bits = try p.int("bits", 8)
        var parity: Int? = nil
        if let par = p.notNone("parity") { parity = try Py.toInt(par) & 1 }
        let wordBits = bits + (parity == nil ? 0 : 1)
        guard wordBits == 8 || wordBits == 9 else { throw Py.error(.ValueError, "unsupported combination of bits and parity") }
        let stop = try p.int("stop", 1) == 1 ? 1 : 2
        guard baud > 0 else { throw Py.error(.ValueError, "set baudrate 0 is not within 5% of desired value") }
        let actual = u.actualBaud(for: baud)
        let diff = actual > baud ? actual - baud : baud - actual
        var rx = try p.int("read_buf_len", 64)
        if let r = p["rxbuf"], try Py.toInt(r) >= 0 { rx = try Py.toInt(r) }
        u.baud = max(1, actual)
        u.dataBits = bits
        u.parity = parity
        u.stop = stop
        u.flow = try p.int("flow", 0)
        // the driver keeps timeouts in 32 bits and allocates rxbuf + 1 bytes on the heap
        u.timeout = min(max(0, try p.int("timeout", 0)), 0xffff_ffff)
        u.timeoutChar = min(max(try p.int("timeout_char", 0), 13000 / baud + 2), 0xffff_ffff)
        let heap = Py.heapUsage
        if rx > 0 && rx + 1 > heap.total - heap.used {
            throw Py.error(.MemoryError, "memory allocation failed, allocating \(rx + 1) bytes")
        }
        u.rxbuf = max(0, rx)
        u.configure()
        configurePins(u)
        if 20 * diff > actual {
            // a BRR this far off gives no usable line: leave the UART off rather than crawling
            u.disable()
            throw Py.error(.ValueError, "set baudrate \(actual) is not within 5% of desired value")
        }
    }

    /// TX/RX (and RTS/CTS with flow control) in the UART's alternate function.
    static func configurePins(_ u: UARTModel) {
        guard let bus = board.definition.buses.uart.first(where: { $0.id == u.id }) else { return }
        var names = [bus.tx, bus.rx]
        if u.flow & 0x100 != 0 { names.append(bus.rts) }
        if u.flow & 0x200 != 0 { names.append(bus.cts) }
        for case let n? in names {
            guard let i = board.pins.index(of: n) else { continue }
            let af = board.definition.pins[i].af.first {
                $0.signal.hasPrefix("USART\(u.id)_") || $0.signal.hasPrefix("UART\(u.id)_")
            }
            if let af = af { board.pins.configure(i, mode: PinMode.alt, pull: PinPull.up, af: af.index) }
        }
    }

    // MARK: waiting on virtual time

    /// Waits up to `ms` for a received character (uart_rx_wait).
    static func waitRX(_ u: UARTModel, ms: Int) throws -> Bool {
        u.advance(to: board.scheduler.now())
        if u.available() > 0 { return true }
        guard ms > 0 else { return false }
        try board.idle(until: board.scheduler.now() + UInt64(ms) * 1_000_000, ready: { u.available() > 0 })
        return u.available() > 0
    }

    static func wait(until t: UInt64) throws {
        if t > board.scheduler.now() { try board.idle(until: t) }
    }

    // MARK: stream methods

    /// One stream read call: nil when nothing arrived within `timeout` (EAGAIN).
    static func readOnce(_ u: UARTModel, max n: Int) throws -> [UInt16]? {
        guard n > 0 else { return [] }
        guard try waitRX(u, ms: u.timeout) else { return nil }
        var out: [UInt16] = []
        while let v = u.takeChar() {
            out.append(v)
            if out.count == n { break }
            if u.available() == 0 {
                let more = try waitRX(u, ms: u.timeoutChar)
                if !more { break }
            }
        }
        return out
    }

    static func bytes(_ chars: [UInt16], width: Int) -> [UInt8] {
        width == 1 ? chars.map { UInt8(truncatingIfNeeded: $0) } : chars.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
    }

    /// Reads up to `n` bytes (nil: all until a timeout) as mp_stream_rw does: repeated reads until
    /// the count is reached or one times out; None when the first one times out.
    static func readBytes(_ u: UARTModel, _ n: Int?) throws -> [UInt8]? {
        let w = u.charWidth
        if let n = n, n % w != 0 { throw Py.osError(5) }
        var got: [UInt16] = []
        while true {
            let want = n.map { $0 / w - got.count } ?? 256
            if want <= 0 { break }
            guard let chunk = try readOnce(u, max: want) else {
                if got.isEmpty { return nil }
                break
            }
            if chunk.isEmpty { break }
            got += chunk
        }
        return bytes(got, width: w)
    }

    static func read(_ a: PyArgs) throws -> Obj {
        let u = try model(a[0])
        var n: Int? = nil
        if a.count > 1, !Py.isNone(a[1]) { n = try Py.toInt(a[1]); if n! < 0 { n = nil } }
        guard let b = try readBytes(u, n) else { return Py.none }
        return try Py.bytes(b)
    }

    static func readinto(_ a: PyArgs) throws -> Obj {
        let u = try model(a[0])
        var n = try Py.bufferLength(a[1])
        if a.count > 2 { n = min(n, max(0, try Py.toInt(a[2]))) }
        _ = try Py.withWritableBuffer(a[1]) { _ in 0 }   // TypeError for read-only buffers, before waiting
        guard let b = try readBytes(u, n) else { return Py.none }
        try Py.withWritableBuffer(a[1]) { p in for i in 0..<min(p.count, b.count) { p[i] = b[i] } }
        return try Py.int(b.count)
    }

    /// mp_stream_unbuffered_readline: one character at a time up to "\n"; None if nothing came.
    static func readline(_ u: UARTModel) throws -> Obj {
        var line: [UInt8] = []
        while true {
            guard let c = try readOnce(u, max: 1), let v = c.first else { break }
            line += bytes([v], width: u.charWidth)
            if v & 0xff == 10 { break }
        }
        return line.isEmpty ? Py.none : try Py.bytes(line)
    }

    static func write(_ u: UARTModel, _ data: Obj) throws -> Obj {
        let b = try Py.readBuffer(data)
        let w = u.charWidth
        if b.count % w != 0 { throw Py.osError(5) }
        let chars: [UInt16] = w == 1 ? b.map { UInt16($0) } : stride(from: 0, to: b.count, by: 2).map { UInt16(b[$0]) | UInt16(b[$0 + 1]) << 8 }
        try wait(until: u.transmit(chars))
        return try Py.int(b.count)
    }

    /// irq(handler=None, trigger=0, hard=False)
    static func irqMethod(_ a: PyArgs) throws -> Obj {
        let u = try model(a[0])
        if hasMoreArgs(a, after: 1) {
            let p = try parseArgs(a, from: 1, [ArgSpec("handler"), ArgSpec("trigger"), ArgSpec("hard")])
            let handler = p["handler"] ?? Py.none
            guard Py.isNone(handler) || Py.isCallable(handler) else { throw Py.error(.ValueError, "handler must be None or callable") }
            let trigger = try p.int("trigger", 0)
            let bad = trigger & ~UARTFlag.allowed
            if trigger != 0 && bad != 0 {
                let h = String(bad, radix: 16)
                throw Py.error(.ValueError, "trigger 0x\(String(repeating: "0", count: max(0, 8 - h.count)) + h) unsupported")
            }
            try rekeep(&u.irqHandler, handler)
            u.irqTrigger = trigger
            u.irqHard = try p.bool("hard", false)
            board.scheduler.planQuantum()
        }
        if u.irqObject < 0 {
            let o = try Py.newObject(types().irq, words: 1)
            Py.setWord(o, 0, UInt32(u.id))
            u.irqObject = try Py.keep(o)
        }
        return Py.kept(u.irqObject)
    }
}
