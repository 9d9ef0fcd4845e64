import Glibc
import MicroPythonCore

// pyb.USB_VCP: the USB virtual COM port as a stream. The REPL runs on it, so it reads and
// writes the board's console: the bytes sys.stdin.buffer reads and sys.stdout.buffer writes
// (the REPL points those at its console while it runs; a --run board's are the host's stdio).
// Reads never block (the port's stream is non-blocking: None when nothing waits); recv/send
// wait on the virtual clock up to their timeout. irq(handler, IRQ_RX) is polled every
// millisecond of virtual time while set.
//
// pyb.USB_HID, pyb.hid, pyb.hid_mouse/hid_keyboard: the HID interface has no host computer on
// the other end here. send() and pyb.hid() take the report (checked as the port checks it) and
// count it; recv() waits for its timeout and returns nothing, as a board whose host sends no
// OUT reports does.

enum ObjUSB {
    static var board: Board { Board.current! }
    nonisolated(unsafe) static var vcpBuilt: Obj? = nil
    nonisolated(unsafe) static var vcpObject = Py.none
    nonisolated(unsafe) static var hidBuilt: Obj? = nil
    nonisolated(unsafe) static var hidObject = Py.none
    nonisolated(unsafe) static var flow = 0
    nonisolated(unsafe) static var hidReportsSent = 0
    nonisolated(unsafe) static var countryCode = "XX"

    static func register() {
        Py.extendModule("pyb") {
            [
                ("USB_VCP", .value(vcpType)),
                ("USB_HID", .value(hidType)),
                ("hid", .function(.function("hid", 1) { a in try sendReport(a[0]) })),
                ("hid_mouse", .value(mouseTuple)),
                ("hid_keyboard", .value(keyboardTuple)),
                ("country", .function(.function("country", 0, 1) { a in try country(a) })),
            ]
        }
    }

    // MARK: the console link

    /// The console's input ended (a --run board's stdin at end of file).
    nonisolated(unsafe) static var ended = false

    static func available() -> Bool {
        if ended { return false }
        if let poll = Py.stdinPoll { return poll() }
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&p, 1, 0) > 0 && p.revents & Int16(POLLIN | POLLHUP) != 0
    }

    /// Up to `n` waiting bytes (stops at end of input).
    static func take(_ n: Int, stopAtNewline: Bool = false) throws -> [UInt8] {
        var out: [UInt8] = []
        while out.count < n && available() {
            guard let b = try Py.stdinReadByte() else { ended = true; break }
            out.append(b)
            if stopAtNewline && b == 10 { break }
        }
        return out
    }

    static func waitForInput(timeoutMs: Int) throws {
        let deadline = board.scheduler.now() + UInt64(max(0, timeoutMs)) * 1_000_000
        // the host's input is not a board event: look again every millisecond of virtual time
        while !available() && board.scheduler.now() < deadline {
            try board.idle(until: min(deadline, board.scheduler.now() + 1_000_000))
        }
    }

    static func write(_ bytes: [UInt8]) -> Int {
        Py.stdoutWriteRaw(bytes)
        return bytes.count
    }

    // MARK: USB_VCP

    static var vcpType: Obj {
        if let t = vcpBuilt { return t }
        let t = Py.makeType("USB_VCP", methods: [
            .method("__repr__", 1) { _ in try Py.str("USB_VCP(0)") },
            .method("init", 1, kw: true) { a in
                if let f = a.kw("flow") { flow = try Py.toInt(f) }
                return Py.none
            },
            .method("setinterrupt", 2) { a in
                _ = try Py.call(Py.getAttr(Py.importModule("micropython"), "kbd_intr"), [a[1]])
                return Py.none
            },
            .method("isconnected", 1) { _ in Py.bool(board.canBeWoken) },
            .method("any", 1) { _ in Py.bool(available()) },
            .method("close", 1) { _ in Py.none },
            .method("read", 1, 2) { a in
                let n = a.count > 1 && !Py.isNone(a[1]) ? try Py.toInt(a[1]) : Int.max
                let b = try take(n)
                return b.isEmpty && n > 0 ? Py.none : try Py.bytes(b)
            },
            .method("readinto", 2, 3) { a in
                let cap = try Py.bufferLength(a[1])
                let n = a.count > 2 ? min(cap, try Py.toInt(a[2])) : cap
                let b = try take(n)
                if b.isEmpty && n > 0 { return Py.none }
                try Py.withWritableBuffer(a[1]) { p in for (k, v) in b.enumerated() { p[k] = v } }
                return try Py.int(b.count)
            },
            .method("readline", 1) { _ in
                let b = try take(Int.max, stopAtNewline: true)
                return b.isEmpty ? Py.none : try Py.bytes(b)
            },
            .method("readlines", 1) { _ in
                // items go straight into the Python list: a Swift array is no GC root
                let lines = try Py.list([])
                while true {
                    let b = try take(Int.max, stopAtNewline: true)
                    if b.isEmpty { break }
                    _ = try Py.callMethod(lines, "append", [Py.bytes(b)])
                }
                return lines
            },
            .method("write", 2) { a in try Py.int(write(Py.readBuffer(a[1]))) },
            .method("send", 2, kw: true) { a in
                let data = Py.isInt(a[1]) ? [UInt8(truncatingIfNeeded: try Py.toInt(a[1]))] : try Py.readBuffer(a[1])
                return try Py.int(write(data))
            },
            .method("recv", 2, kw: true) { a in
                let timeout = try a.kw("timeout").map(Py.toInt) ?? 5000
                let intoBuffer = !Py.isInt(a[1])
                let n = intoBuffer ? try Py.bufferLength(a[1]) : try Py.toInt(a[1])
                guard n >= 0 else { throw Py.error(.ValueError, "negative length") }
                var got: [UInt8] = []
                let deadline = board.scheduler.now() + UInt64(max(0, timeout)) * 1_000_000
                while true {
                    got += try take(n - got.count)
                    let now = board.scheduler.now()
                    if got.count >= n || now >= deadline { break }
                    try waitForInput(timeoutMs: Int((deadline - now) / 1_000_000))
                    if !available() { break }
                }
                if intoBuffer {
                    try Py.withWritableBuffer(a[1]) { p in for (k, v) in got.enumerated() { p[k] = v } }
                    return try Py.int(got.count)
                }
                return try Py.bytes(got)
            },
            .method("irq", 1, 4, kw: true) { a in try VCPReceiveIRQ.configure(a, vcp: a[0]) },
            .method("__enter__", 1) { a in a[0] },
            .method("__exit__", 1, -1) { _ in Py.none },
        ], attrs: [("RTS", .int(1)), ("CTS", .int(2)), ("IRQ_RX", .int(1))], make: { a in
            let id = try a.arg(0, "id").map(Py.toInt) ?? 0
            guard id == 0 else { throw Py.error(.ValueError, "USB_VCP(\(id)) doesn't exist") }
            return vcpObject
        })
        vcpObject = Py.newStaticObject(t, words: 0)
        vcpBuilt = t
        return t
    }

    // MARK: USB_HID

    static var hidType: Obj {
        if let t = hidBuilt { return t }
        let t = Py.makeType("USB_HID", methods: [
            .method("send", 2) { a in try sendReport(a[1]) },
            .method("recv", 2, kw: true) { a in
                let timeout = try a.kw("timeout").map(Py.toInt) ?? 5000
                try board.sleep(nanos: UInt64(max(0, timeout)) * 1_000_000)
                return Py.isInt(a[1]) ? try Py.bytes([]) : try Py.int(0)
            },
        ], make: { _ in hidObject })
        hidObject = Py.newStaticObject(t, words: 0)
        hidBuilt = t
        return t
    }

    /// A report as pyb.hid/USB_HID.send take it: a buffer, or a tuple/list of ints (bytes).
    static func sendReport(_ o: Obj) throws -> Obj {
        let bytes: [UInt8]
        if Py.isTuple(o) || Py.isList(o) {
            bytes = try Py.items(o).map { UInt8(truncatingIfNeeded: try Py.toInt($0)) }
        } else {
            bytes = try Py.readBuffer(o)
        }
        guard bytes.count <= 64 else { throw Py.error(.ValueError, "report too long") }
        hidReportsSent += 1
        try board.sleep(nanos: 1_000_000)   // one frame of the interrupt endpoint
        return Py.none
    }

    /// (subclass, protocol, max packet length, polling interval ms, report descriptor): the boot
    /// mouse (3 buttons, x, y, wheel) and boot keyboard of the HID specification (appendix E).
    static var mouseTuple: Obj {
        let d: [UInt8] = [0x05, 0x01, 0x09, 0x02, 0xA1, 0x01, 0x09, 0x01, 0xA1, 0x00, 0x05, 0x09, 0x19, 0x01,
                          0x29, 0x03, 0x15, 0x00, 0x25, 0x01, 0x95, 0x03, 0x75, 0x01, 0x81, 0x02, 0x95, 0x01,
                          0x75, 0x05, 0x81, 0x01, 0x05, 0x01, 0x09, 0x30, 0x09, 0x31, 0x09, 0x38, 0x15, 0x81,
                          0x25, 0x7F, 0x75, 0x08, 0x95, 0x03, 0x81, 0x06, 0xC0, 0xC0]
        return staticTuple([1, 2, 4, 8], d)
    }

    static var keyboardTuple: Obj {
        let d: [UInt8] = [0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7, 0x15, 0x00,
                          0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0x95, 0x01, 0x75, 0x08, 0x81, 0x01,
                          0x95, 0x05, 0x75, 0x01, 0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x91, 0x02, 0x95, 0x01,
                          0x75, 0x03, 0x91, 0x01, 0x95, 0x06, 0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07,
                          0x19, 0x00, 0x29, 0x65, 0x81, 0x00, 0xC0]
        return staticTuple([1, 1, 8, 8], d)
    }

    static func staticTuple(_ ints: [Int], _ descriptor: [UInt8]) -> Obj {
        // in flash like the port's const tuples: module tables outlive soft resets
        Py.constTuple(ints.map { try! Py.int($0) } + [Py.constBytes(descriptor)])
    }

    // MARK: pyb.country (network's regulatory country code)

    static func country(_ a: PyArgs) throws -> Obj {
        if a.count == 0 { return try Py.str(countryCode) }
        let s = try Py.toString(a[0])
        guard s.utf8.count == 2 else { throw Py.error(.ValueError) }
        countryCode = s
        return Py.none
    }
}

/// USB_VCP.irq(handler=None, trigger=IRQ_RX, hard=False): the handler runs (scheduled, or as a
/// hard handler) when input arrives on the console; the console is looked at each millisecond.
final class VCPReceiveIRQ: Peripheral {
    nonisolated(unsafe) static var instance: VCPReceiveIRQ?
    unowned let board: Board
    /// For the identity check only: the static instance may outlive its board.
    weak var owner: Board?
    var handler = -1
    var hard = false
    var next: UInt64?
    var wasAvailable = false

    init(_ b: Board) {
        board = b
        owner = b
    }

    static func configure(_ a: PyArgs, vcp: Obj) throws -> Obj {
        let board = Board.current!
        let irq: VCPReceiveIRQ
        if let i = instance, i.owner === board { irq = i } else {
            irq = VCPReceiveIRQ(board)
            board.attach(irq)
            instance = irq
        }
        let h = a.arg(1, "handler") ?? Py.none
        let trigger = try a.arg(2, "trigger").map(Py.toInt) ?? 1
        guard trigger == 1 || trigger == 0 else { throw Py.error(.ValueError, "trigger must be IRQ_RX") }
        if irq.handler >= 0 { Py.release(irq.handler) }
        irq.handler = -1
        irq.next = nil
        if !Py.isNone(h) && trigger != 0 {
            irq.handler = try Py.keep(h)
            irq.hard = try a.arg(3, "hard").map(Py.truthy) ?? false
            irq.wasAvailable = ObjUSB.available()
            irq.next = board.scheduler.now() + 1_000_000
            board.scheduler.planQuantum()
        }
        return Py.none
    }

    var nextEventNanos: UInt64? { next }

    func advance(to now: UInt64) {
        guard handler >= 0 else { next = nil; return }
        next = now + 1_000_000
        let avail = ObjUSB.available()
        if avail && !wasAvailable {
            let b = board
            b.raiseIRQ { [weak self] in
                guard let self = self, self.handler >= 0 else { return }
                if !b.runHandler(Py.kept(self.handler), ObjUSB.vcpObject, hard: self.hard,
                                 errorHeader: "Uncaught exception in IRQ callback handler") {
                    Py.release(self.handler)
                    self.handler = -1
                }
            }
        }
        wasAvailable = avail
    }

    func reset(hard: Bool) {
        if handler >= 0 { Py.release(handler) }
        handler = -1
        next = nil
    }
}
