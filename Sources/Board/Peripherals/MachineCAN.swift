import MicroPythonCore

// machine.CAN (MicroPython 1.28, extmod/machine_can.c with the stm32 bxCAN port) on the same
// controllers as pyb.CAN: init(bitrate, mode, sample_point, sjw, tseg1, tseg2) choosing the
// prescaler and segments as calculate_brp does, a transmit queue of three mailboxes sent by
// identifier priority (send() returns the buffer index, or None when the queue is full or holds
// the same id without FLAG_UNORDERED), set_filters() as 32-bit id/mask banks assigned to FIFO 0
// and 1 in turn (None accepts everything, an empty list nothing), recv() as [id, memoryview,
// flags, errors], and irq() whose flags() reports RX, STATE and one finished TX buffer per call.

/// machine.CAN's half of a controller (machine_can_obj_t and its stm32 port struct).
final class MachineCANPort: CANDriver {
    unowned let controller: CANController
    var object = -1
    // settings as init() computed them (kept after deinit, as the C object keeps them)
    var brp = 0, tseg1 = 0, tseg2 = 0, sjw = 0, mode = 0
    var autoRetransmit = true
    /// The id queued in each transmit buffer (port->tx), nil when the buffer is free.
    var txIDs = [UInt32?](repeating: nil, count: CANController.mailboxCount)
    /// Finished buffers not yet reported by irq().flags(): success or failure.
    var reports = [Bool?](repeating: nil, count: CANController.mailboxCount)
    var irqObject = -1, irqHandler = -1, irqTrigger = 0, irqHard = false
    var irqStatePending = false
    var errorPassive = false
    var numWarning = 0, numPassive = 0, numBusOff = 0

    init(_ c: CANController) { controller = c }

    var initialised: Bool { controller.enabled && controller.owner == .machine }

    func received(fifo: Int, _ event: CANRxEvent) {
        if event == .messagePending && irqTrigger & MachineCAN.irqRX != 0 { callIRQ() }
    }

    func transmitted(slot: Int) {
        if irqTrigger & MachineCAN.irqTX == 0 {
            txIDs[slot] = nil
        } else {
            reports[slot] = controller.lastResult[slot] ?? false
            callIRQ()
        }
    }

    func errorStateRose(_ state: CANState) {
        var rose = false
        switch state {
        case .warning:
            if !errorPassive { numWarning += 1; rose = true }
            errorPassive = false
        case .passive:
            numPassive += 1
            errorPassive = true
            rose = true
        case .busOff:
            numBusOff += 1
            errorPassive = false
            rose = true
        default: break
        }
        if rose && irqTrigger & MachineCAN.irqState != 0 {
            irqStatePending = true
            callIRQ()
        }
    }

    /// mp_irq_handler: a hard handler runs now (and is removed if it raises), a soft one is scheduled.
    func callIRQ() {
        let h = keptOrNone(irqHandler)
        guard !Py.isNone(h) else { return }
        if !controller.bus.board.runHandler(h, keptOrNone(object), hard: irqHard,
                                            errorHeader: "Uncaught exception in IRQ callback handler") {
            irqTrigger = 0
            updateIRQs()
            if irqHandler >= 0 { Py.release(irqHandler) }
            irqHandler = -1
        }
    }

    /// The receive interrupts follow the IRQ_RX trigger (the TX-complete one is always on).
    func updateIRQs() {
        for f in 0..<2 {
            if irqTrigger & MachineCAN.irqRX != 0 {
                controller.enableRx(f, pending: true, fullAndOverrun: true)
            } else {
                controller.disableRx(f)
            }
        }
    }

    /// irq().flags(): what happened, consuming the state event and one finished transmit buffer.
    func takeFlags() -> Int {
        var flags = 0
        if irqTrigger & MachineCAN.irqState != 0 && irqStatePending {
            flags |= MachineCAN.irqState
            irqStatePending = false
        }
        if irqTrigger & MachineCAN.irqRX != 0 && controller.fifos.contains(where: { !$0.messages.isEmpty }) {
            flags |= MachineCAN.irqRX
        }
        if irqTrigger & MachineCAN.irqTX != 0, let i = reports.firstIndex(where: { $0 != nil }) {
            flags |= i << MachineCAN.idxShift | MachineCAN.irqTX
            if reports[i] == false { flags |= MachineCAN.irqTXFailed }
            reports[i] = nil
            txIDs[i] = nil
        }
        return flags
    }

    /// Every transmit buffer dropped without IRQ_TX events (deinit, restart).
    func cancelAllTX() {
        for i in 0..<CANController.mailboxCount {
            _ = controller.abort(slot: i, quiet: true)
            txIDs[i] = nil
            reports[i] = nil
        }
    }

    func resetCounters() {
        numWarning = 0; numPassive = 0; numBusOff = 0
        controller.overruns = 0
    }
}

enum MachineCAN {
    nonisolated(unsafe) static var built: (can: Obj, irq: Obj)? = nil
    static var board: Board { Board.current! }

    static let modeNormal = 0, modeSleep = 1, modeLoopback = 2, modeSilent = 3, modeSilentLoopback = 4, modeMax = 5
    static let irqTX = 1, irqRX = 2, irqTXFailed = 4, irqState = 8, idxShift = 16, idxMask = 0xFF
    static let flagRTR = 1, flagExtID = 2, flagUnordered = 16
    static let filtersMax = 14

    static var type: Obj { types().can }

    static func types() -> (can: Obj, irq: Obj) {
        if let t = built { return t }
        let irq = Py.makeType("irq", methods: [
            .method("flags", 1) { a in
                let p = try port(forIRQ: a[0])
                p.controller.bus.sync()
                return try Py.int(p.takeFlags())
            },
            .method("trigger", 1, 2) { a in
                let p = try port(forIRQ: a[0])
                let old = p.irqTrigger
                if a.count > 1 {
                    p.irqTrigger = try ObjPybCAN.word(a[1])
                    p.updateIRQs()
                }
                return try Py.int(old)
            },
        ])
        let t = Py.makeType("CAN", methods: [
            .method("__repr__", 1) { a in try Py.str(repr(try port(a[0]))) },
            .method("init", 1, PyNative.varArgs, kw: true) { a in try initCAN(try port(a[0]), a, first: 1); return Py.none },
            .method("deinit", 1) { a in deinitCAN(try port(a[0])); return Py.none },
            .method("irq", 1, 4, kw: true) { a in try irqMethod(a) },
            .method("send", 1, PyNative.varArgs, kw: true) { a in try send(a) },
            .method("cancel_send", 2) { a in try cancelSend(try port(a[0]), a[1]) },
            .method("recv", 1, 2) { a in try recv(try port(a[0]), a.count > 1 ? a[1] : nil) },
            .method("set_filters", 2) { a in try setFilters(try port(a[0]), a[1]) },
            .method("state", 1) { a in
                let p = try port(a[0])
                p.controller.bus.sync()
                return try Py.int(p.initialised ? p.controller.state.rawValue : CANState.stopped.rawValue)
            },
            .method("get_counters", 1, 2) { a in try counters(try port(a[0]), a.count > 1 ? a[1] : nil) },
            .method("get_timings", 1, 2) { a in try timings(try port(a[0]), a.count > 1 ? a[1] : nil) },
            .method("restart", 1) { a in
                let p = try port(a[0])
                try checkInitialised(p)
                p.controller.bus.sync()
                p.cancelAllTX()
                p.controller.restart(now: board.scheduler.now())
                p.irqStatePending = false
                p.resetCounters()
                return Py.none
            },
        ], attrs: [
            ("MODE_NORMAL", .int(modeNormal)), ("MODE_SLEEP", .int(modeSleep)), ("MODE_LOOPBACK", .int(modeLoopback)),
            ("MODE_SILENT", .int(modeSilent)), ("MODE_SILENT_LOOPBACK", .int(modeSilentLoopback)),
            ("STATE_STOPPED", .int(CANState.stopped.rawValue)), ("STATE_ACTIVE", .int(CANState.active.rawValue)),
            ("STATE_WARNING", .int(CANState.warning.rawValue)), ("STATE_PASSIVE", .int(CANState.passive.rawValue)),
            ("STATE_BUS_OFF", .int(CANState.busOff.rawValue)),
            ("FLAG_RTR", .int(flagRTR)), ("FLAG_EXT_ID", .int(flagExtID)), ("FLAG_UNORDERED", .int(flagUnordered)),
            ("RECV_ERR_FULL", .int(1)), ("RECV_ERR_OVERRUN", .int(2)),
            ("IRQ_RX", .int(irqRX)), ("IRQ_TX", .int(irqTX)), ("IRQ_STATE", .int(irqState)),
            ("IRQ_TX_FAILED", .int(irqTXFailed)), ("IRQ_TX_IDX_SHIFT", .int(idxShift)), ("IRQ_TX_IDX_MASK", .int(idxMask)),
            ("TX_QUEUE_LEN", .int(CANController.mailboxCount)), ("FILTERS_MAX", .int(filtersMax)),
        ], make: { a in try make(a) })
        built = (t, irq)
        return (t, irq)
    }

    static func controller(_ o: Obj) -> CANController { board.timing.can.controller(Int(Py.word(o, 0)))! }

    static func port(_ o: Obj) throws -> MachineCANPort {
        try Py.expect(o, type)
        return controller(o).machineDriver as! MachineCANPort
    }

    static func port(forIRQ o: Obj) throws -> MachineCANPort {
        try Py.expect(o, types().irq)
        let p = controller(o).machineDriver as! MachineCANPort
        try checkInitialised(p)
        return p
    }

    /// Most methods need an initialised controller: OSError EINVAL otherwise.
    static func checkInitialised(_ p: MachineCANPort) throws {
        guard p.initialised else { throw Py.osError(22) }
    }

    // MARK: construction and init

    /// CAN(id, *args, **kwargs): the controller's one object, always initialised with the arguments.
    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let id = try ObjPybCAN.busIndex(a[0])
        let c = board.timing.can.controller(id)!
        let p: MachineCANPort
        if let existing = c.machineDriver as? MachineCANPort {
            p = existing
        } else {
            p = MachineCANPort(c)
            let o = try Py.newObject(type, words: 1)
            Py.setWord(o, 0, UInt32(id))
            p.object = try Py.keep(o)
            c.machineDriver = p
        }
        try initCAN(p, a, first: 1)
        return Py.kept(p.object)
    }

    static func actualBitrate(_ p: MachineCANPort) -> Int {
        let total = p.brp * (1 + p.tseg1 + p.tseg2)
        return total > 0 ? p.controller.clockHz / total : 0
    }

    static func repr(_ p: MachineCANPort) -> String {
        "CAN(\(p.controller.id), bitrate=\(actualBitrate(p)), mode=\(p.mode), sjw=\(p.sjw), tseg1=\(p.tseg1), "
            + "tseg2=\(p.tseg2), f_clock=\(p.controller.clockHz), auto_retransmit=\(p.autoRetransmit ? 1 : 0))"
    }

    /// init(bitrate, mode=MODE_NORMAL, sample_point=75, sjw=1, tseg1=None, tseg2=None, auto_retransmit=True)
    static func initCAN(_ p: MachineCANPort, _ a: PyArgs, first: Int) throws {
        let args = try parseArgs(a, from: first, [
            ArgSpec("bitrate", required: true), ArgSpec("mode"), ArgSpec("sample_point"), ArgSpec("sjw"),
            ArgSpec("tseg1"), ArgSpec("tseg2"), ArgSpec("auto_retransmit"),
        ])
        func int(_ name: String, _ def: Int) throws -> Int {
            guard let v = args[name], !Py.isNone(v) else { return def }
            return try ObjPybCAN.word(v)
        }
        let bitrate = try int("bitrate", 0)
        let mode = try int("mode", modeNormal)
        guard mode >= 0 && mode < modeMax else { throw Py.error(.ValueError, "mode") }
        let sjw = try int("sjw", 1)
        guard sjw >= 1 && sjw <= 4 else { throw Py.error(.ValueError, "sjw") }
        var tseg1 = try int("tseg1", -1)
        var tseg2 = try int("tseg2", -1)
        if (tseg1 != -1 && (tseg1 < 1 || tseg1 > 16)) || (tseg1 == -1 && tseg2 != -1) { throw Py.error(.ValueError, "tseg1") }
        if (tseg2 != -1 && (tseg2 < 1 || tseg2 > 8)) || (tseg2 == -1 && tseg1 != -1) { throw Py.error(.ValueError, "tseg2") }
        let samplePoint = try int("sample_point", 75)
        guard samplePoint > 0 && samplePoint < 100 else { throw Py.error(.ValueError, "sample_point") }
        let c = p.controller
        let brp = try calculateBRP(bitrate: bitrate, clock: c.clockHz, tseg1: &tseg1, tseg2: &tseg2, samplePoint: samplePoint)

        c.bus.sync()
        if p.initialised { deinitPort(p) }
        p.brp = brp; p.tseg1 = tseg1; p.tseg2 = tseg2; p.sjw = sjw; p.mode = mode
        p.autoRetransmit = try args.bool("auto_retransmit", true)
        p.resetCounters()
        p.errorPassive = false
        p.irqStatePending = false
        c.start(owner: .machine)
        c.prescaler = brp; c.bs1 = tseg1; c.bs2 = tseg2; c.sjw = sjw
        // bxCAN has no sleep operating mode: the port runs MODE_SLEEP as silent
        c.loopback = mode == modeLoopback || mode == modeSilentLoopback
        c.silent = mode == modeSilent || mode == modeSleep || mode == modeSilentLoopback
        c.autoRestart = false
        c.noRetransmit = !p.autoRetransmit
        c.fifoPriority = false
        p.updateIRQs()
    }

    /// calculate_brp: from the largest prescaler down, the timing closest to the bit rate, then to
    /// the sample point, then with more time quanta; tseg1/tseg2 given fix the quanta per bit.
    static func calculateBRP(bitrate: Int, clock: Int, tseg1: inout Int, tseg2: inout Int, samplePoint: Int) throws -> Int {
        let findTseg = tseg1 == -1
        var brpBest = 1
        var bestBitrateErr = bitrate
        var bestSampleErr = 10000
        if bitrate > 0 {
            for brp in stride(from: 1024, through: 1, by: -1) {
                let scaled = clock / brp
                if findTseg {
                    let total = (scaled + bitrate / 2) / bitrate
                    if total < 1 + 1 + 1 || total > 16 + 8 + 1 { continue }
                    let bitrateErr = abs(bitrate - scaled / total)
                    if bitrateErr > bestBitrateErr { continue }
                    for ts1 in 1...16 {
                        let ts2 = total - 1 - ts1
                        guard ts2 >= 1 && ts2 <= 8 else { continue }
                        let trySample = 10000 * (1 + ts1) / (1 + ts1 + ts2)
                        let tryErr = abs(trySample - samplePoint * 100)
                        if bitrateErr < bestBitrateErr || tryErr <= bestSampleErr {
                            tseg1 = ts1
                            tseg2 = ts2
                            bestSampleErr = tryErr
                            brpBest = brp
                            bestBitrateErr = bitrateErr
                        }
                    }
                } else {
                    let bitrateErr = abs(bitrate - scaled / (tseg1 + tseg2 + 1))
                    if bitrateErr <= bestBitrateErr {
                        brpBest = brp
                        bestBitrateErr = bitrateErr
                    }
                }
            }
        }
        if bestBitrateErr == bitrate { throw Py.error(.ValueError, "Unable to calculate BRP for baudrate") }
        return brpBest
    }

    static func deinitPort(_ p: MachineCANPort) {
        p.cancelAllTX()
        p.controller.stop()
    }

    static func deinitCAN(_ p: MachineCANPort) {
        p.controller.bus.sync()
        p.irqTrigger = 0
        if p.irqObject >= 0 { Py.release(p.irqObject) }
        p.irqObject = -1
        if p.initialised {
            p.updateIRQs()
            deinitPort(p)
        }
    }

    // MARK: irq

    /// irq(handler=None, trigger=0, hard=False): with no arguments, the current irq object.
    static func irqMethod(_ a: PyArgs) throws -> Obj {
        let p = try port(a[0])
        let args = try parseArgs(a, from: 1, [ArgSpec("handler"), ArgSpec("trigger"), ArgSpec("hard")])
        try checkInitialised(p)
        if p.irqObject < 0 {
            p.irqTrigger = 0
            let o = try Py.newObject(types().irq, words: 1)
            Py.setWord(o, 0, UInt32(p.controller.id))
            p.irqObject = try Py.keep(o)
        }
        if hasMoreArgs(a, after: 1) {
            let trigger = try args["trigger"].map(ObjPybCAN.word) ?? 0
            let bad = trigger & ~(irqTX | irqRX | irqState)
            if bad != 0 {
                let h = String(UInt32(truncatingIfNeeded: bad), radix: 16)
                throw Py.error(.ValueError, "trigger 0x\(String(repeating: "0", count: max(0, 8 - h.count)) + h) unsupported")
            }
            let handler = args["handler"] ?? Py.none
            guard Py.isNone(handler) || Py.isCallable(handler) else { throw Py.error(.ValueError, "handler must be None or callable") }
            try rekeep(&p.irqHandler, handler)
            p.irqHard = try args.bool("hard", false)
            p.controller.bus.sync()
            p.irqTrigger = trigger
            p.updateIRQs()
        }
        return Py.kept(p.irqObject)
    }

    // MARK: send / recv

    /// send(id, data, flags=0) -> buffer index, or None when it cannot be queued.
    static func send(_ a: PyArgs) throws -> Obj {
        let p = try port(a[0])
        try checkInitialised(p)
        let args = try parseArgs(a, from: 1, [ArgSpec("id", required: true), ArgSpec("data", required: true), ArgSpec("flags")])
        let id = try ObjPybCAN.word(args["id"]!)
        let flags = try args["flags"].map(ObjPybCAN.word) ?? 0
        let data = try Py.readBuffer(args["data"]!)
        guard data.count <= 8 else { throw Py.error(.OverflowError, "data too long") }
        let ext = flags & flagExtID != 0
        let uid = UInt32(truncatingIfNeeded: id)
        guard uid < (ext ? 1 << 29 : 1 << 11) else { throw Py.error(.ValueError, "invalid id") }
        let c = p.controller
        c.bus.sync()
        guard !c.busOff else { throw Py.osError(5) }
        var free: Int? = nil
        for i in 0..<CANController.mailboxCount {
            if let queued = p.txIDs[i] {
                // two frames with one id may leave in either order unless the caller allows it
                if queued == uid && flags & flagUnordered == 0 { return Py.none }
            } else if free == nil && c.mailboxes[i] == nil {
                free = i
            }
        }
        guard let slot = free else { return Py.none }
        let rtr = flags & flagRTR != 0
        c.request(CANFrame(id: uid, extended: ext, rtr: rtr, dlc: data.count, data: rtr ? [] : data), slot: slot,
                  now: board.scheduler.now())
        p.txIDs[slot] = uid
        return try Py.int(slot)
    }

    /// cancel_send(index): True when a queued frame was stopped before it went out.
    static func cancelSend(_ p: MachineCANPort, _ arg: Obj) throws -> Obj {
        try checkInitialised(p)
        let idx = try ObjPybCAN.word(arg)
        guard idx >= 0 && idx < CANController.mailboxCount else { throw Py.error(.IndexError) }
        let c = p.controller
        c.bus.sync()
        guard let m = c.mailboxes[idx] else { return Py.false }
        _ = c.abort(slot: idx)
        guard m.transmitting else { return Py.true }
        // the frame on the wire finishes its attempt first: cancelled only if that attempt failed
        try board.idle(until: nil, ready: { c.mailboxes[idx] == nil })
        return Py.bool(c.lastResult[idx] != true)
    }

    /// recv(list=None) -> [id, memoryview, flags, errors] or None.
    static func recv(_ p: MachineCANPort, _ arg: Obj?) throws -> Obj {
        try checkInitialised(p)
        var given: Obj? = nil
        var view: Obj? = nil
        if let l = arg, !Py.isNone(l) {
            given = try ObjPybCAN.resultList(l, 4)
            view = try Py.items(l)[1]
            guard Py.isMemoryview(view!) else { throw Py.error(.TypeError) }
        }
        let c = p.controller
        c.bus.sync()
        guard let n = (0..<2).first(where: { !c.fifos[$0].messages.isEmpty }), let m = c.take(n) else { return Py.none }
        let errors = c.recvErrors
        c.recvErrors = 0
        c.enableRx(n, pending: p.irqTrigger & irqRX != 0, fullAndOverrun: true)

        let f = m.frame
        let payload = f.rtr ? [UInt8](repeating: 0, count: f.dlc) : f.data
        let flags = (f.extended ? flagExtID : 0) | (f.rtr ? flagRTR : 0)
        let mv: Obj
        if let v = view {
            mv = v
        } else {
            // a view of a buffer big enough for any frame, so the result can be passed back in
            let buf = try Py.bytearray([UInt8](repeating: 0, count: 8))
            mv = try Py.withRoots([buf]) { try Py.memoryview(buf) }
        }
        guard Py.refillMemoryview(mv, payload) else { throw Py.error(.ValueError, "buffer too small") }
        let items = [try Py.int(Int(f.id)), mv, try Py.int(flags), try Py.int(errors)]
        guard let l = given else { return try Py.withRoots([mv]) { try Py.list(items) } }
        for (i, v) in items.enumerated() { Py.setListItem(l, i, v) }
        return l
    }

    // MARK: filters, status

    /// set_filters(filters): None accepts every frame, an empty iterable none; otherwise
    /// (id, mask, flags) items, ORed, each a 32-bit mask bank on FIFO 0 and 1 in turn.
    static func setFilters(_ p: MachineCANPort, _ filters: Obj) throws -> Obj {
        try checkInitialised(p)
        let c = p.controller
        c.bus.sync()
        let banks = c.bus.filters.range(for: c.id)
        c.bus.filters.clear(banks)
        var list: [(UInt32, UInt32, Bool)] = []
        if Py.isNone(filters) {
            list = [(0, 0, false), (0, 0, true)]
        } else {
            for item in try Py.items(filters) {
                let fields = try ObjPybCAN.array(item)
                guard fields.count == 3 else { throw Py.error(.ValueError, "Filter items must have length 3") }
                let flags = try ObjPybCAN.word(fields[2])
                let id = try ObjPybCAN.word(fields[0])
                let mask = try ObjPybCAN.word(fields[1])
                guard list.count < filtersMax && list.count < banks.count else { throw Py.error(.ValueError, "Too many filters") }
                guard flags & ~flagExtID == 0 else { throw Py.error(.ValueError, "flags") }
                let ext = flags & flagExtID != 0
                let limit = ext ? 0x1FFF_FFFF : 0x7FF
                guard id >= 0 && id <= limit && mask >= 0 && mask <= limit else { throw Py.error(.ValueError, "invalid id") }
                list.append((UInt32(id), UInt32(mask), ext))
            }
        }
        for (i, (id, mask, ext)) in list.enumerated() {
            var b = CANFilterBank()
            b.active = true
            b.scale32 = true
            b.fifo = i % 2
            // IDE takes part in the comparison, RTR does not
            b.fr1 = ext ? id << 3 | 4 : id << 21
            b.fr2 = (ext ? mask << 3 : mask << 21) | 4
            c.bus.filters.banks[banks.lowerBound + i] = b
        }
        return Py.none
    }

    static func counters(_ p: MachineCANPort, _ arg: Obj?) throws -> Obj {
        let l = try ObjPybCAN.resultList(arg, 8)
        try checkInitialised(p)
        let c = p.controller
        c.bus.sync()
        let values = [c.tecRegister, c.recRegister, p.numWarning, p.numPassive, p.numBusOff, c.txPending,
                      c.fifos[0].messages.count + c.fifos[1].messages.count, c.overruns]
        for (i, v) in values.enumerated() { Py.setListItem(l, i, try Py.int(v)) }
        return l
    }

    static func timings(_ p: MachineCANPort, _ arg: Obj?) throws -> Obj {
        let l = try ObjPybCAN.resultList(arg, 6)
        let values = [actualBitrate(p), p.sjw, p.tseg1, p.tseg2]
        for (i, v) in values.enumerated() { Py.setListItem(l, i, try Py.int(v)) }
        Py.setListItem(l, 4, Py.none)
        Py.setListItem(l, 5, Py.none)
        return l
    }
}
