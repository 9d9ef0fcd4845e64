import MicroPythonCore

// pyb.CAN on the bxCAN model, as ports/stm32/pyb_can.c and can.c drive it: one object per
// controller (payload: the bus id), init() writing CAN_BTR the way HAL_CAN_Init does (mode,
// SJW/BS1/BS2 fields and prescaler - 1 OR-ed together, so out-of-range values land where the C
// code puts them), the filter-bank encodings of setfilter() (16-bit ids shifted by 5, 32-bit ids
// as extended identifiers), send() through the three mailboxes with HAL's millisecond timeouts
// (0: queue and return, EBUSY when all three are taken; else wait, ETIMEDOUT when the frame is
// not out in time), recv() with the rx-callback state machine (reasons 0 pending, 1 full,
// 2 overflow; a callback runs as a hard interrupt and is removed if it raises), info() and the
// error-state counters kept by the status-change interrupt.

/// pyb.CAN's half of a controller (pyb_can_obj_t).
final class PybCANPort: CANDriver {
    unowned let controller: CANController
    var object = -1
    var callbacks = [-1, -1]
    var rxState = [RxState.empty, RxState.empty]
    var numWarning = 0, numPassive = 0, numBusOff = 0
    /// CAN_InitTypeDef.Mode as written (mode << 4), for repr.
    var initMode: UInt32 = 0

    enum RxState { case empty, pending, full, overflow }

    init(_ c: CANController) { controller = c }

    var enabled: Bool { controller.enabled && controller.owner == .pyb }

    func received(fifo: Int, _ event: CANRxEvent) {
        switch event {
        case .messagePending: rxState[fifo] = .pending
        case .fifoFull: rxState[fifo] = .full
        case .overflow: rxState[fifo] = .overflow
        }
        let cb = keptOrNone(callbacks[fifo])
        guard !Py.isNone(cb) else { return }
        let board = controller.bus.board
        if !board.runHandler(cb, args: [keptOrNone(object), (try? Py.int(event.rawValue)) ?? Py.none], hard: true,
                             errorHeader: "uncaught exception in CAN(\(controller.id)) rx interrupt handler") {
            setCallback(fifo, Py.none)
        }
    }

    func transmitted(slot: Int) {}

    func errorStateRose(_ state: CANState) {
        switch state {
        case .busOff: numBusOff = (numBusOff + 1) & 0xFFFF
        case .passive: numPassive = (numPassive + 1) & 0xFFFF
        case .warning: numWarning = (numWarning + 1) & 0xFFFF
        default: break
        }
    }

    /// rxcallback(fifo, fun): None disables the FIFO's interrupts; a first callable enables them.
    func setCallback(_ fifo: Int, _ f: Obj) {
        if Py.isNone(f) {
            controller.disableRx(fifo)
            if callbacks[fifo] >= 0 { Py.release(callbacks[fifo]) }
            callbacks[fifo] = -1
        } else if callbacks[fifo] >= 0 {
            try? rekeep(&callbacks[fifo], f)
        } else if Py.isCallable(f) {
            try? rekeep(&callbacks[fifo], f)
            controller.enableRx(fifo, pending: true, fullAndOverrun: true)
        }
    }
}

enum ObjPybCAN {
    nonisolated(unsafe) static var built: Obj? = nil
    static var board: Board { Board.current! }

    // constants: the ST mode values >> 4 (so they are small ints), filter modes, states
    static let normal = 0, loopbackMode = 0x0400_0000, silentMode = 0x0800_0000, silentLoopback = 0x0C00_0000
    static let mask16 = 0, list16 = 1, mask32 = 2, list32 = 3
    static let filterError = "CAN filter parameter error"

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("CAN", methods: [
            .method("__repr__", 1) { a in try Py.str(repr(try port(a[0]))) },
            .method("init", 1, PyNative.varArgs, kw: true) { a in try initCAN(try port(a[0]), a, first: 1); return Py.none },
            .method("deinit", 1) { a in
                let p = try port(a[0])
                p.controller.stop()
                return Py.none
            },
            .method("restart", 1) { a in
                let p = try port(a[0])
                guard p.enabled else { throw Py.error(.ValueError) }
                p.controller.bus.sync()
                p.controller.restart(now: board.scheduler.now())
                return Py.none
            },
            .method("state", 1) { a in
                let p = try port(a[0])
                p.controller.bus.sync()
                return try Py.int(p.enabled ? p.controller.state.rawValue : CANState.stopped.rawValue)
            },
            .method("info", 1, 2) { a in try info(try port(a[0]), a.count > 1 ? a[1] : nil) },
            .method("any", 2) { a in
                let p = try port(a[0])
                let fifo = try intArg(a[1]) == 0 ? 0 : 1
                p.controller.bus.sync()
                return Py.bool(!p.controller.fifos[fifo].messages.isEmpty)
            },
            .method("send", 1, PyNative.varArgs, kw: true) { a in try send(a) },
            .method("recv", 1, PyNative.varArgs, kw: true) { a in try recv(a) },
            .method("setfilter", 1, PyNative.varArgs, kw: true) { a in try setfilter(a) },
            .method("clearfilter", 2, PyNative.varArgs, kw: true) { a in try clearfilter(a) },
            .method("rxcallback", 3) { a in
                let p = try port(a[0])
                let fifo = try intArg(a[1]) == 0 ? 0 : 1
                p.setCallback(fifo, a[2])
                return Py.none
            },
        ], attrs: [
            ("NORMAL", .int(normal)), ("LOOPBACK", .int(loopbackMode)), ("SILENT", .int(silentMode)),
            ("SILENT_LOOPBACK", .int(silentLoopback)),
            ("MASK16", .int(mask16)), ("LIST16", .int(list16)), ("MASK32", .int(mask32)), ("LIST32", .int(list32)),
            ("STOPPED", .int(CANState.stopped.rawValue)), ("ERROR_ACTIVE", .int(CANState.active.rawValue)),
            ("ERROR_WARNING", .int(CANState.warning.rawValue)), ("ERROR_PASSIVE", .int(CANState.passive.rawValue)),
            ("BUS_OFF", .int(CANState.busOff.rawValue)),
        ], make: { a in try make(a) })
        built = t
        return t
    }

    static func port(_ o: Obj) throws -> PybCANPort {
        try Py.expect(o, type)
        let c = board.timing.can.controller(Int(Py.word(o, 0)))!
        return c.pybDriver as! PybCANPort
    }

    /// machine_can_get_index: a bus number or its name ('YA', 'YB'); the message names what was asked.
    static func busIndex(_ o: Obj) throws -> Int {
        let buses = board.definition.buses.can ?? []
        if Py.isStr(o) {
            let name = try Py.toString(o)
            guard let b = buses.first(where: { $0.name == name }) else { throw Py.error(.ValueError, "CAN(\(name)) doesn't exist") }
            return b.id
        }
        let n = try word(o)
        guard buses.contains(where: { $0.id == n }) else { throw Py.error(.ValueError, "CAN(\(n)) doesn't exist") }
        return n
    }

    /// mp_obj_get_int: an int that fits the board's machine word.
    static func word(_ o: Obj) throws -> Int {
        let v = try intArg(o)
        guard v >= Int(Int32.min) && v <= Int(Int32.max) else {
            throw Py.error(.OverflowError, "overflow converting long int to machine word")
        }
        return v
    }

    /// mp_obj_get_array: a tuple or a list.
    static func array(_ o: Obj) throws -> [Obj] {
        guard Py.isTuple(o) || Py.isList(o) else { throw Py.error(.TypeError, "object '\(Py.typeName(o))' isn't a tuple or list") }
        return try Py.items(o)
    }

    /// mp_obj_list_optional_arg: a new list of `n` Nones, or the caller's list if long enough.
    static func resultList(_ arg: Obj?, _ n: Int) throws -> Obj {
        guard let l = arg, !Py.isNone(l) else { return try Py.list([Obj](repeating: Py.none, count: n)) }
        guard Py.isList(l) else { throw Py.error(.TypeError) }
        guard Py.listCount(l) >= n else { throw Py.error(.ValueError) }
        return l
    }

    /// The virtual time at which HAL_GetTick() has moved on by `ms` ticks from now (+ `extra`).
    static func tickDeadline(afterMs ms: Int) -> UInt64 {
        let b = board
        let nowMs = b.sinceBoot() / 1_000_000
        return b.bootNanos + (nowMs + UInt64(ms)) * 1_000_000
    }

    // MARK: construction and init

    /// CAN(bus, ...): the bus's one object; extra arguments (re)initialise it.
    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let id = try busIndex(a[0])
        let c = board.timing.can.controller(id)!
        c.bus.sync()
        let p: PybCANPort
        if let existing = c.pybDriver as? PybCANPort {
            p = existing
        } else {
            p = PybCANPort(c)
            let o = try Py.newObject(type, words: 1)
            Py.setWord(o, 0, UInt32(id))
            p.object = try Py.keep(o)
            c.pybDriver = p
        }
        if !p.enabled || a.count > 1 {
            if p.enabled { c.stop() }
            for f in 0..<2 {
                if p.callbacks[f] >= 0 { Py.release(p.callbacks[f]) }
                p.callbacks[f] = -1
                p.rxState[f] = .empty
            }
            if hasMoreArgs(a, after: 1) { try initCAN(p, a, first: 1) }
        }
        return Py.kept(p.object)
    }

    static func repr(_ p: PybCANPort) -> String {
        guard p.enabled else { return "CAN(\(p.controller.id))" }
        let mode: String
        switch p.initMode {
        case 0: mode = "NORMAL"
        case 0x4000_0000: mode = "LOOPBACK"
        case 0x8000_0000: mode = "SILENT"
        default: mode = "SILENT_LOOPBACK"
        }
        return "CAN(\(p.controller.id), CAN.\(mode), auto_restart=\(p.controller.autoRestart ? "True" : "False"))"
    }

    /// init(mode, prescaler=100, *, sjw=1, bs1=6, bs2=8, auto_restart=False, baudrate=0,
    /// sample_point=75, num_filter_banks=14)
    static func initCAN(_ p: PybCANPort, _ a: PyArgs, first: Int) throws {
        let args = try parseArgs(a, from: first, [
            ArgSpec("mode", required: true), ArgSpec("prescaler"),
            ArgSpec("sjw", kwOnly: true), ArgSpec("bs1", kwOnly: true), ArgSpec("bs2", kwOnly: true),
            ArgSpec("auto_restart", kwOnly: true), ArgSpec("baudrate", kwOnly: true),
            ArgSpec("sample_point", kwOnly: true), ArgSpec("num_filter_banks", kwOnly: true),
        ])
        func int(_ name: String, _ def: Int) throws -> Int { try args[name].map(word) ?? def }
        let mode = try word(args["mode"]!)
        var prescaler = try int("prescaler", 100)
        let sjw = try int("sjw", 1)
        var bs1 = try int("bs1", 6)
        var bs2 = try int("bs2", 8)
        let autoRestart = try args.bool("auto_restart", false)
        let baudrate = try int("baudrate", 0)
        let samplePoint = try int("sample_point", 75)
        let banks = try int("num_filter_banks", 14)
        if baudrate != 0 {
            (prescaler, bs1, bs2) = try bitTiming(baudrate: UInt32(truncatingIfNeeded: baudrate),
                                                  samplePoint: UInt32(truncatingIfNeeded: samplePoint), clock: p.controller.clockHz)
        }

        let c = p.controller
        let bus = c.bus
        bus.sync()
        // the filter split (CAN2SB, 6 bits of a byte) and this controller's banks, cleared
        let start = banks & 0xFF
        bus.filters.start = start
        let own = c.id == 1 ? 0..<min(start, CANFilterBanks.count) : min(start, CANFilterBanks.count)..<CANFilterBanks.count
        bus.filters.clear(own)

        // CAN_BTR as HAL_CAN_Init composes it
        let initMode = UInt32(truncatingIfNeeded: mode << 4)
        let btr = initMode | UInt32((sjw - 1) & 3) << 24 | UInt32((bs1 - 1) & 0xF) << 16 | UInt32((bs2 - 1) & 7) << 20
            | UInt32(truncatingIfNeeded: prescaler - 1)
        // HAL_CAN_Init leaves the interrupt enables of a running controller alone
        let enables = c.enabled ? c.fifos.map { ($0.pendingIE, $0.fullIE, $0.overrunIE) } : nil
        c.start(owner: .pyb)
        if let e = enables {
            for (q, v) in zip(c.fifos, e) { (q.pendingIE, q.fullIE, q.overrunIE) = v }
        }
        c.prescaler = Int(btr & 0x3FF) + 1
        c.bs1 = Int(btr >> 16 & 0xF) + 1
        c.bs2 = Int(btr >> 20 & 7) + 1
        c.sjw = Int(btr >> 24 & 3) + 1
        c.loopback = btr & 0x4000_0000 != 0
        c.silent = btr & 0x8000_0000 != 0
        c.autoRestart = autoRestart
        c.noRetransmit = false
        c.fifoPriority = true
        p.initMode = initMode
        p.numWarning = 0; p.numPassive = 0; p.numBusOff = 0
    }

    /// pyb_can_get_bit_timing: the first prescaler, BS1, BS2 (in that loop order) within 0.1 % of
    /// the baud rate and half a percent of the sample point.
    static func bitTiming(baudrate: UInt32, samplePoint: UInt32, clock: Int) throws -> (Int, Int, Int) {
        let maxErr = Int(baudrate / 1000)
        let sample = Int(samplePoint &* 10)
        for brp in 1..<1024 {
            for bs1 in 1..<16 {
                for bs2 in 1..<8 {
                    let calcBaud = clock / (brp * (1 + bs1 + bs2))
                    let calcSample = (1 + bs1) * 1000 / (1 + bs1 + bs2)
                    let baudErr = Int(Int32(truncatingIfNeeded: Int(baudrate) - calcBaud))
                    let sampleErr = Int(Int32(truncatingIfNeeded: sample - calcSample))
                    if abs(baudErr) < maxErr && abs(sampleErr) < 5 { return (brp, bs1, bs2) }
                }
            }
        }
        throw Py.error(.ValueError, "couldn't match baudrate \(baudrate) and sample point \(samplePoint)")
    }

    // MARK: status

    static func info(_ p: PybCANPort, _ arg: Obj?) throws -> Obj {
        let l = try resultList(arg, 8)
        let c = p.controller
        c.bus.sync()
        let values = [c.tecRegister, c.recRegister, p.numWarning, p.numPassive, p.numBusOff, c.txPending,
                      c.fifos[0].messages.count, c.fifos[1].messages.count]
        for (i, v) in values.enumerated() { Py.setListItem(l, i, try Py.int(v)) }
        return l
    }

    // MARK: send / recv

    /// send(data, id, *, timeout=0, rtr=False, extframe=False)
    static func send(_ a: PyArgs) throws -> Obj {
        let p = try port(a[0])
        // extframe follows the keyword-only arguments in the C table: it can only be a keyword
        let args = try parseArgs(a, from: 1, [
            ArgSpec("data", required: true), ArgSpec("id", required: true), ArgSpec("timeout", kwOnly: true),
            ArgSpec("rtr", kwOnly: true), ArgSpec("extframe", kwOnly: true),
        ])
        let dataArg = args["data"]!
        let isInt = Py.isInt(dataArg) && dataArg != Py.true && dataArg != Py.false
        let data: [UInt8] = isInt ? [UInt8(truncatingIfNeeded: try word(dataArg))] : try Py.readBuffer(dataArg)
        let id = try word(args["id"]!)
        let timeout = try args["timeout"].map(word) ?? 0
        let rtr = try args.bool("rtr", false)
        let ext = try args.bool("extframe", false)
        guard data.count <= 8 else { throw Py.error(.ValueError, "CAN data field too long") }
        let frame = CANFrame(id: UInt32(truncatingIfNeeded: id) & (ext ? 0x1FFF_FFFF : 0x7FF), extended: ext, rtr: rtr,
                             dlc: data.count, data: data)

        let c = p.controller
        c.bus.sync()
        guard c.enabled, let slot = c.firstEmptySlot else { throw Py.osError(16) }     // HAL_BUSY
        c.request(frame, slot: slot, now: board.scheduler.now())
        if timeout == 0 { return Py.none }
        // HAL's wait: (HAL_GetTick() - tickstart) > Timeout; a negative timeout is HAL_MAX_DELAY
        let deadline: UInt64? = timeout > 0 ? tickDeadline(afterMs: timeout + 1) : nil
        try board.idle(until: deadline, ready: { c.mailboxes[slot] == nil })
        c.bus.sync()
        if c.mailboxes[slot] != nil {
            // abort: a frame on the wire finishes its attempt, and may still succeed
            let onWire = c.mailboxes[slot]?.transmitting ?? false
            _ = c.abort(slot: slot)
            if onWire { try board.idle(until: nil, ready: { c.mailboxes[slot] == nil }) }
            if !onWire || c.lastResult[slot] != true { throw Py.osError(110) }
        }
        return Py.none
    }

    /// recv(fifo, list=None, *, timeout=5000)
    static func recv(_ a: PyArgs) throws -> Obj {
        let p = try port(a[0])
        let args = try parseArgs(a, from: 1, [ArgSpec("fifo", required: true), ArgSpec("list"), ArgSpec("timeout", kwOnly: true)])
        let fifo = try word(args["fifo"]!)
        let timeout = try args["timeout"].map(word) ?? 5000
        guard fifo == 0 || fifo == 1 else { throw Py.error(.TypeError) }
        let c = p.controller
        c.bus.sync()
        if c.fifos[fifo].messages.isEmpty {
            let deadline: UInt64? = timeout >= 0 ? tickDeadline(afterMs: timeout) : nil
            try board.idle(until: deadline, ready: { !c.fifos[fifo].messages.isEmpty })
            c.bus.sync()
        }
        guard let m = c.take(fifo) else { throw Py.osError(110) }

        // the callback's state machine; interrupts disabled by the handler come back on
        if p.callbacks[fifo] >= 0 {
            let empty = c.fifos[fifo].messages.isEmpty
            switch p.rxState[fifo] {
            case .empty: break
            case .pending: if empty { p.rxState[fifo] = .empty }
            case .full, .overflow: p.rxState[fifo] = .pending
            }
            c.enableRx(fifo, pending: empty, fullAndOverrun: true)
        }

        let f = m.frame
        let payload = f.rtr ? [UInt8](repeating: 0, count: f.dlc) : f.data
        let head = [try Py.int(Int(f.id)), Py.bool(f.extended), Py.bool(f.rtr), try Py.int(m.fmi)]
        guard let l = args["list"], !Py.isNone(l) else {
            let b = try Py.bytes(payload)
            return try Py.withRoots([b]) { try Py.tuple(head + [b]) }
        }
        let list = try resultList(l, 5)
        let mv = try Py.items(list)[4]
        guard Py.isMemoryview(mv) else { throw Py.error(.TypeError) }
        guard let target = Py.memoryviewTarget(mv), target.writable,
              target.typecode == UInt8(ascii: "B") || target.typecode == UInt8(ascii: "b") else { throw Py.error(.ValueError) }
        // the C driver writes 8 bytes' worth without looking; here a view too small is an error
        guard Py.refillMemoryview(mv, payload) else { throw Py.error(.ValueError) }
        for (i, v) in head.enumerated() { Py.setListItem(list, i, v) }
        return list
    }

    // MARK: filters

    /// setfilter(bank, mode, fifo, params, *, rtr, extframe=False)
    static func setfilter(_ a: PyArgs) throws -> Obj {
        let p = try port(a[0])
        let args = try parseArgs(a, from: 1, [
            ArgSpec("bank", required: true), ArgSpec("mode", required: true), ArgSpec("fifo", required: true),
            ArgSpec("params", required: true), ArgSpec("rtr", kwOnly: true), ArgSpec("extframe", kwOnly: true),
        ])
        let bankArg = try word(args["bank"]!)
        let mode = try word(args["mode"]!)
        let fifo = try word(args["fifo"]!)
        let ext = try args.bool("extframe", false)
        let params = try array(args["params"]!)
        var rtrFlags: [Obj]? = nil
        if let r = args["rtr"] { rtrFlags = try array(r) }
        func rtrFlag(_ i: Int) throws -> Bool {
            guard let r = rtrFlags else { return false }
            guard i < r.count else { throw Py.error(.ValueError, filterError) }
            return try word(r[i]) != 0
        }
        func param(_ i: Int) throws -> UInt32 { UInt32(truncatingIfNeeded: try word(params[i])) }

        var bank = CANFilterBank()
        bank.active = true
        bank.fifo = fifo == 0 ? 0 : 1
        switch mode {
        case mask16, list16:
            guard params.count == 4 else { throw Py.error(.ValueError, filterError) }
            bank.list = mode == list16
            var rtrBits: [UInt32] = [0, 0, 0, 0]
            let bit: UInt32 = ext ? 0x02 : 0x10
            if rtrFlags != nil {
                if mode == mask16 {
                    rtrBits = [try rtrFlag(0) ? bit : 0, bit, try rtrFlag(1) ? bit : 0, bit]
                } else {
                    rtrBits = try (0..<4).map { try rtrFlag($0) ? bit : 0 }
                }
            }
            // ids are shifted into the STID field; extended ids keep the bits can.c's macro picks
            let v = try (0..<4).map { i -> UInt32 in
                let x = try param(i)
                let field = ext ? ((x & 0xC0_0000) >> 13 | (x & 0x3_8000) >> 15) | 8 : x << 5
                return (field | rtrBits[i]) & 0xFFFF
            }
            // (id1, mask1/id2, id3, mask3/id4) -> FR1 = second << 16 | first, FR2 likewise
            bank.fr1 = v[1] << 16 | v[0]
            bank.fr2 = v[3] << 16 | v[2]
        case mask32, list32:
            guard params.count == 2 else { throw Py.error(.ValueError, filterError) }
            bank.scale32 = true
            bank.list = mode == list32
            var rtrBits: [UInt32] = [0, 0]
            if rtrFlags != nil {
                rtrBits = mode == mask32 ? [try rtrFlag(0) ? 2 : 0, 2] : [try rtrFlag(0) ? 2 : 0, try rtrFlag(1) ? 2 : 0]
            }
            bank.fr1 = (try param(0) & 0x1FFF_FFFF) << 3 | 4 | rtrBits[0]
            bank.fr2 = (try param(1) & 0x1FFF_FFFF) << 3 | 4 | rtrBits[1]
        default:
            throw Py.error(.ValueError, filterError)
        }

        let c = p.controller
        var number = UInt32(truncatingIfNeeded: bankArg)
        if c.id == 1 {
            guard number < UInt32(c.bus.filters.start) else { throw Py.error(.ValueError, filterError) }
        } else {
            number = number &+ UInt32(c.bus.filters.start)
            guard number <= 27 else { throw Py.error(.ValueError, filterError) }
        }
        c.bus.sync()
        if Int(number) < CANFilterBanks.count { c.bus.filters.banks[Int(number)] = bank }
        return Py.none
    }

    /// clearfilter(bank, extframe=False)
    static func clearfilter(_ a: PyArgs) throws -> Obj {
        let p = try port(a[0])
        var number = UInt32(truncatingIfNeeded: try word(a[1]))
        _ = try parseArgs(a, from: 2, [ArgSpec("extframe")])
        if p.controller.id == 2 { number = number &+ UInt32(p.controller.bus.filters.start) }
        p.controller.bus.sync()
        if Int(number) < CANFilterBanks.count { p.controller.bus.filters.banks[Int(number)] = .cleared }
        return Py.none
    }
}
