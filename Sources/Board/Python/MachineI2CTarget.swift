import MicroPythonCore

// machine.I2CTarget (extmod/machine_i2c_target.c with ports/stm32/machine_i2c_target.c): one of
// the board's I2C units as a target on its bus, I2CTarget(id, addr, *, addrsize=7, mem=None,
// mem_addrsize=8). The stm32 port takes no scl/sda (the unit's fixed pins, in AF open drain)
// and programs a 7-bit own address (addrsize is accepted and not used). With `mem` the target
// is a memory device: a write sets the memory address (mem_addrsize bits, most significant byte
// first) then stores bytes, a read returns bytes from it; both wrap at its end. Without `mem`
// the IRQ handler answers IRQ_READ_REQ with write() and IRQ_WRITE_REQ with readinto(), one byte
// at a time, as the stm32 driver does. IRQ_ADDR_MATCH_*/READ_REQ/WRITE_REQ need a hard handler.
//
// Wiring: the target is a device on its unit's bus model, so a controller reaches it the way
// wires would: machine.I2C/SoftI2C on the same bus, or the other unit once the two buses are
// wired together (`--i2c-link 1:2`: X9-Y9 and X10-Y10), as you would connect two pyboard buses
// to try a target on one board.
//
// Payload: word 0 = unit id.

final class I2CTargetUnit {
    enum State { case inactive, idle, addrMatchRead, addrMatchWrite, memAddrSelect, reading, writing }

    let id: Int
    var state = State.inactive
    var device: I2CTargetDevice?
    var mem = -1                  // kept handle of the memory object
    var memAddrSize = 0           // bytes
    var memAddrCount = 0
    var memAddr = 0
    var memAddrLast = 0
    var irqObject = -1
    var handler = -1
    var trigger = 0
    var hard = false
    var flags = 0

    init(id: Int) { self.id = id }
}

enum MachineI2CTarget {
    static let addrMatchRead = 1, addrMatchWrite = 2, readReq = 4, writeReq = 8, endRead = 16, endWrite = 32
    static let memAddrMatch = 64
    static let allHard = addrMatchRead | addrMatchWrite | readReq | writeReq
    static var board: Board { Board.current! }

    nonisolated(unsafe) static var units: [Int: I2CTargetUnit] = [:]
    nonisolated(unsafe) static var objects: [Int: Obj] = [:]
    nonisolated(unsafe) private static var built: (target: Obj, irq: Obj)?

    static var type: Obj { types().target }

    static func types() -> (target: Obj, irq: Obj) {
        if let t = built { return t }
        let irq = Py.makeType("irq", methods: [
            .method("flags", 1) { a in try Py.int(units[Int(Py.word(a[0], 0))]?.flags ?? 0) },
            .method("trigger", 1, 2) { a in
                guard let u = units[Int(Py.word(a[0], 0))] else { return try Py.int(0) }
                let old = u.trigger
                if a.count > 1 {
                    u.flags = 0
                    u.trigger = try Py.toInt(a[1])
                }
                return try Py.int(old)
            },
        ])
        let t = Py.makeType("I2CTarget", methods: [
            .method("__repr__", 1) { a in
                let u = try unit(a[0])
                return try Py.str("I2CTarget(\(u.id), addr=\(u.device?.address ?? 0))")
            },
            .method("deinit", 1) { a in
                deinit_(try unit(a[0]))
                return Py.none
            },
            .method("readinto", 2) { a in
                let u = try unit(a[0])
                let n = try Py.withWritableBuffer(a[1]) { b -> Int in
                    guard b.count > 0 else { return 0 }
                    b[0] = u.device?.received ?? 0
                    return 1
                }
                return try Py.int(n)
            },
            .method("write", 2) { a in
                let u = try unit(a[0])
                let data = try Py.readBuffer(a[1])
                guard let first = data.first else { return try Py.int(0) }
                u.device?.toSend = first
                return try Py.int(1)
            },
            .method("irq", 1, 4, kw: true) { a in try irqMethod(a) },
        ], attrs: [
            ("IRQ_ADDR_MATCH_READ", .int(addrMatchRead)), ("IRQ_ADDR_MATCH_WRITE", .int(addrMatchWrite)),
            ("IRQ_READ_REQ", .int(readReq)), ("IRQ_WRITE_REQ", .int(writeReq)),
            ("IRQ_END_READ", .int(endRead)), ("IRQ_END_WRITE", .int(endWrite)),
            ("memaddr", .value(Py.constProperty(.method("memaddr", 1) { a in try Py.int(try unit(a[0]).memAddrLast) }))),
        ], make: { a in try make(a) })
        built = (t, irq)
        objects = [:]
        return (t, irq)
    }

    static func unit(_ o: Obj) throws -> I2CTargetUnit {
        try Py.expect(o, type)
        let id = Int(Py.word(o, 0))
        if let u = units[id] { return u }
        let u = I2CTargetUnit(id: id)
        units[id] = u
        return u
    }

    // MARK: construction

    static let args = ArgParser([("id", kwOnly: false, required: true), ("addr", kwOnly: false, required: true),
                                 ("addrsize", kwOnly: true, required: false), ("mem", kwOnly: true, required: false),
                                 ("mem_addrsize", kwOnly: true, required: false)])

    static func make(_ a: PyArgs) throws -> Obj {
        let v = try args.parse(a, first: 0)
        let addr = try Py.toInt(v["addr"]!)
        _ = try v.int("addrsize", 7)
        let id = try PybI2C.findBus(v["id"]!)
        let o: Obj
        if let existing = objects[id] { o = existing } else {
            o = Py.newStaticObject(type, words: 1)
            Py.setWord(o, 0, UInt32(id))
            objects[id] = o
        }
        let u = try unit(o)
        if u.state != .inactive { detach(u) }
        // machine_i2c_target_data_init
        u.state = .idle
        u.memAddrCount = 0; u.memAddrSize = 0; u.memAddrLast = 0; u.memAddr = 0
        u.flags = 0
        if u.mem >= 0 { Py.release(u.mem); u.mem = -1 }
        if let m = v["mem"], !Py.isNone(m) {
            _ = try Py.withWritableBuffer(m) { $0.count }
            let size = try v.int("mem_addrsize", 8)
            guard size >= 0 && size <= 32 && size % 8 == 0 else {
                u.state = .inactive
                throw Py.error(.ValueError, "mem_addrsize must be 0, 8, 16, 24 or 32")
            }
            u.memAddrSize = size / 8
            u.mem = try Py.keep(m)
        }
        // the unit's pins in AF open drain, then the own address (OAR1 holds 7 bits)
        if let pins = DeviceBuses.shared.i2cPins[id] {
            for name in [pins.scl, pins.sda] {
                if let i = board.pins.index(of: name),
                   let af = board.definition.pins[i].af.first(where: { $0.signal.hasPrefix("I2C\(id)_") }) {
                    board.pins.configure(i, mode: PinMode.altOpenDrain, pull: PinPull.none, af: af.index)
                }
            }
        }
        let dev = I2CTargetDevice(address: UInt8(truncatingIfNeeded: addr) & 0x7F)
        wire(dev, u)
        guard let bus = DeviceBuses.shared.i2c[id] else { throw Py.error(.ValueError, "I2C(\(id)) doesn't exist") }
        do { try bus.attach(dev) } catch {
            u.state = .inactive
            throw Py.error(.OSError, "\(error) on the emulated bus")
        }
        u.device = dev
        return o
    }

    static func detach(_ u: I2CTargetUnit) {
        if let d = u.device { DeviceBuses.shared.i2c[u.id]?.detach(address: d.address) }
        u.device = nil
    }

    /// I2CTarget.deinit(): no more answers on the bus; the memory and the IRQ are forgotten.
    static func deinit_(_ u: I2CTargetUnit) {
        guard u.state != .inactive else { return }
        u.state = .inactive
        detach(u)
        if u.mem >= 0 { Py.release(u.mem); u.mem = -1 }
        if u.handler >= 0 { Py.release(u.handler); u.handler = -1 }
        if u.irqObject >= 0 { Py.release(u.irqObject); u.irqObject = -1 }
        u.trigger = 0
    }

    /// Soft reset (mp_machine_i2c_target_deinit_all); the kept handles are already gone.
    static func reset() {
        for u in units.values where u.state != .inactive {
            detach(u)
            u.state = .inactive
            u.mem = -1; u.handler = -1; u.irqObject = -1; u.trigger = 0
        }
    }

    // MARK: irq(handler=None, trigger=IRQ_END_READ|IRQ_END_WRITE, hard=False)

    static func irqMethod(_ a: PyArgs) throws -> Obj {
        let u = try unit(a[0])
        let p = try parseArgs(a, from: 1, [ArgSpec("handler"), ArgSpec("trigger"), ArgSpec("hard")])
        if u.irqObject < 0 {
            let o = try Py.newObject(types().irq, words: 1)
            Py.setWord(o, 0, UInt32(u.id))
            u.irqObject = try Py.keep(o)
        }
        if a.count > 1 || !a.keywordNames.isEmpty {
            let handler = p["handler"] ?? Py.none
            let trigger = try p.int("trigger", endRead | endWrite)
            let hard = try p.bool("hard", false)
            if trigger & allHard != 0 && !hard { throw Py.error(.ValueError, "hard IRQ required") }
            try rekeep(&u.handler, handler)
            u.hard = hard
            u.flags = 0
            u.trigger = trigger
        }
        return Py.kept(u.irqObject)
    }

    // MARK: the state machine (extmod/machine_i2c_target.c), driven by bus events

    /// Runs the handler for `trigger` if it is enabled; true when it ran (was "handled").
    @discardableResult
    static func event(_ u: I2CTargetUnit, _ trigger: Int) -> Bool {
        if trigger & memAddrMatch != 0 { u.memAddrLast = u.memAddr }
        guard u.irqObject >= 0, trigger & u.trigger != 0 else { return false }
        u.flags = trigger & u.trigger
        guard u.handler >= 0, let o = objects[u.id] else { return true }
        let f = Py.kept(u.handler)
        if u.hard {
            if !board.runHandler(f, o, hard: true, errorHeader: "Uncaught exception in IRQ callback handler") {
                u.trigger = 0
                Py.release(u.handler)
                u.handler = -1
            }
        } else {
            _ = board.runHandler(f, o, hard: false, errorHeader: "")
        }
        return true
    }

    static func resetHelper(_ u: I2CTargetUnit) {
        if u.state == .reading {
            event(u, endRead)
        } else if u.state == .addrMatchWrite || u.state == .writing {
            event(u, endWrite)
        }
        u.state = .idle
    }

    static func memLength(_ u: I2CTargetUnit) -> Int {
        u.mem >= 0 ? ((try? Py.bufferLength(Py.kept(u.mem))) ?? 0) : 0
    }

    static func wire(_ d: I2CTargetDevice, _ u: I2CTargetUnit) {
        d.onAddressMatch = { [unowned u] read in
            guard u.state != .inactive else { return }
            resetHelper(u)
            event(u, read ? addrMatchRead : addrMatchWrite)
            u.state = read ? .addrMatchRead : .addrMatchWrite
        }
        d.onEnd = { [unowned u] in if u.state != .inactive { resetHelper(u) } }
        d.onByteRequested = { [unowned u, unowned d] in
            guard u.state != .inactive else { return }
            let handled = event(u, readReq)
            guard u.mem >= 0 else {
                u.state = .reading
                if !handled { d.toSend = 0 }
                return
            }
            let len = memLength(u)
            if u.state == .memAddrSelect {
                u.memAddr = len > 0 ? u.memAddr % len : 0
                event(u, memAddrMatch)
            }
            u.state = .reading
            guard len > 0 else { return }
            let i = u.memAddr % len
            d.toSend = (try? Py.readBuffer(Py.kept(u.mem))[i]) ?? 0
            u.memAddr = i + 1 >= len ? 0 : i + 1
        }
        d.onByteReceived = { [unowned u, unowned d] in
            guard u.state != .inactive else { return }
            let handled = event(u, writeReq)
            guard u.mem >= 0 else {
                u.state = .writing
                _ = handled
                return
            }
            let val = d.received
            let len = memLength(u)
            if u.state == .addrMatchWrite {
                u.state = .memAddrSelect
                u.memAddr = 0
                u.memAddrCount = u.memAddrSize
            }
            if u.state == .memAddrSelect && u.memAddrCount > 0 {
                u.memAddr = (u.memAddr << 8 | Int(val)) & 0xFFFF_FFFF
                u.memAddrCount -= 1
                if u.memAddrCount == 0 {
                    u.memAddr = len > 0 ? u.memAddr % len : 0
                    event(u, memAddrMatch)
                }
            } else {
                if u.state == .memAddrSelect { u.state = .writing }
                guard len > 0 else { return }
                let i = u.memAddr % len
                _ = try? Py.withWritableBuffer(Py.kept(u.mem)) { $0[i] = val }
                u.memAddr = i + 1 >= len ? 0 : i + 1
            }
        }
    }
}
