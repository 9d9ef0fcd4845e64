import MicroPythonCore

// The two bxCAN controllers of the STM32F405 and the bus they share. CAN1 (Y3/Y4) and CAN2 (Y5/Y6)
// are wired to one emulated bus, as if both sat behind transceivers on the same pair of wires:
// in NORMAL mode each receives (and acknowledges) what the other sends. Frames take their real
// bit count (CANFrame) at the controller's bit rate on the virtual clock; when several
// controllers want the bus, the lowest identifier wins arbitration and the others wait for the
// bus to be idle again (3 bits of intermission).
//
// Modes (RM0090 "bxCAN operating modes"): LOOPBACK sends on the bus and receives its own frames
// internally, ignoring ACK errors and what the bus carries; SILENT receives without ever driving
// the bus (no ACK, and it cannot start a transmission); SILENT_LOOPBACK keeps everything inside the
// controller. Fault confinement follows ISO 11898-1: a transmitter whose frame nobody acknowledges
// (no other NORMAL node at the same bit timing) sends an error frame, adds 8 to TEC and retries; in
// error passive (TEC > 127) an unacknowledged frame no longer counts, so a lone node stays error
// passive, retrying, as on hardware. A NORMAL node at another bit rate destroys every frame with
// error flags: its REC rises by 1 and the transmitter's TEC by 8 each time, up to bus-off
// (TEC > 255), which is left by 128 × 11 recessive bits after restart() (or at once with
// auto_restart). Received frames go through the filter banks into two FIFOs of three messages;
// a fourth overwrites the newest (RFLM = 0) and sets the overrun flag.

/// Which Python class configured a controller last: its interrupts go to that class's driver.
enum CANOwner { case none, pyb, machine }

/// The receive interrupt causes, numbered as pyb.CAN's rxcallback reasons.
enum CANRxEvent: Int { case messagePending = 0, fifoFull = 1, overflow = 2 }

/// Controller states, numbered as pyb.CAN.state() / machine.CAN.state() return them.
enum CANState: Int { case stopped = 0, active, warning, passive, busOff }

/// What the Python side of a controller hears from it (called from the board's interrupt queue).
protocol CANDriver: AnyObject {
    func received(fifo: Int, _ event: CANRxEvent)
    /// A transmit mailbox finished (sent, failed without retransmission, or aborted).
    func transmitted(slot: Int)
    /// The controller entered a more severe error state.
    func errorStateRose(_ state: CANState)
}

struct CANReceived {
    var frame: CANFrame
    var fmi: Int
}

final class CANRxFIFO {
    static let depth = 3
    var messages: [CANReceived] = []
    /// FULLx and FOVRx: set by the hardware, cleared by the interrupt handler.
    var full = false
    var overrun = false
    /// FMPIE, FFIE, FOVIE.
    var pendingIE = false, fullIE = false, overrunIE = false

    var irqPending: Bool { (pendingIE && !messages.isEmpty) || (fullIE && full) || (overrunIE && overrun) }
}

struct CANMailbox {
    var frame: CANFrame
    var requestedAt: UInt64
    var transmitting = false
    var abortRequested = false
    /// Dropped by deinit/restart: finishes without telling the driver.
    var quiet = false
}

final class CANController {
    let id: Int
    unowned let bus: CANBus
    let privateLine = CANLine()

    var enabled = false
    var owner = CANOwner.none
    var pybDriver: CANDriver?
    var machineDriver: CANDriver?
    var driver: CANDriver? { owner == .pyb ? pybDriver : owner == .machine ? machineDriver : nil }

    // bit timing and mode (CAN_BTR, CAN_MCR)
    var prescaler = 1, bs1 = 1, bs2 = 1, sjw = 1
    var loopback = false, silent = false
    var autoRestart = false          // ABOM
    var noRetransmit = false         // NART
    var fifoPriority = false         // TXFP: mailboxes go out in request order, else by identifier

    // transmit side
    static let mailboxCount = 3
    var mailboxes = [CANMailbox?](repeating: nil, count: CANController.mailboxCount)
    /// TXOK of each mailbox's last request (RQCP set), nil before any.
    var lastResult = [Bool?](repeating: nil, count: CANController.mailboxCount)

    // receive side
    let fifos = [CANRxFIFO(), CANRxFIFO()]
    /// What the FIFOs went through since machine.CAN.recv last looked (bit 0 full, bit 1 overrun).
    var recvErrors = 0
    var overruns = 0

    // fault confinement
    var tec = 0, rec = 0
    var busOff = false
    var recoveryAt: UInt64? = nil
    var suspendUntil: UInt64 = 0

    init(id: Int, bus: CANBus) {
        self.id = id
        self.bus = bus
    }

    var tqPerBit: Int { prescaler * (1 + bs1 + bs2) }
    var clockHz: Int { bus.board.timing.busClocks().apb1 }
    var bitrate: Int { clockHz / max(1, tqPerBit) }

    /// Virtual time of `bits` bit times.
    func nanos(bits: Int) -> UInt64 {
        mulDiv(UInt64(bits * tqPerBit), 1_000_000_000, UInt64(max(1, clockHz)), roundUp: true)
    }

    var warningFlag: Bool { tec >= 96 || rec >= 96 }
    var passiveFlag: Bool { tec > 127 || rec > 127 }
    var state: CANState {
        !enabled ? .stopped : busOff ? .busOff : passiveFlag ? .passive : warningFlag ? .warning : .active
    }
    /// TEC as CAN_ESR shows it (8 bits).
    var tecRegister: Int { min(tec, 255) }
    var recRegister: Int { min(rec, 255) }

    var txPending: Int { mailboxes.filter { $0 != nil }.count }

    // MARK: configuration

    /// Starts the controller (after an RCC reset: empty mailboxes and FIFOs, counters at 0).
    func start(owner o: CANOwner) {
        bus.dropFromLine(self)
        enabled = true
        owner = o
        mailboxes = [CANMailbox?](repeating: nil, count: CANController.mailboxCount)
        lastResult = [Bool?](repeating: nil, count: CANController.mailboxCount)
        for q in fifos {
            q.messages = []
            q.full = false; q.overrun = false
            q.pendingIE = false; q.fullIE = false; q.overrunIE = false
        }
        recvErrors = 0
        overruns = 0
        tec = 0; rec = 0
        busOff = false
        recoveryAt = nil
        suspendUntil = 0
        bus.configurePins(self)
        bus.board.scheduler.planQuantum()
    }

    func stop() {
        bus.dropFromLine(self)
        enabled = false
        owner = .none
        mailboxes = [CANMailbox?](repeating: nil, count: CANController.mailboxCount)
        for q in fifos { q.messages = []; q.pendingIE = false; q.fullIE = false; q.overrunIE = false }
        recoveryAt = nil
    }

    /// INRQ set and cleared: out of bus-off the controller waits for 128 × 11 recessive bits.
    func restart(now: UInt64) {
        if busOff && recoveryAt == nil { recoveryAt = now + nanos(bits: 128 * 11) }
        bus.board.scheduler.planQuantum()
    }

    // MARK: transmit

    /// Queues a frame in mailbox `slot` (TXRQ).
    func request(_ f: CANFrame, slot: Int, now: UInt64) {
        mailboxes[slot] = CANMailbox(frame: f, requestedAt: now)
        bus.advance(to: now)
        bus.board.scheduler.planQuantum()
    }

    var firstEmptySlot: Int? { mailboxes.firstIndex { $0 == nil } }

    /// ABRQ: a waiting request is dropped at once (true); one on the wire finishes its attempt first.
    func abort(slot: Int, quiet: Bool = false) -> Bool {
        guard var m = mailboxes[slot] else { return false }
        if m.transmitting {
            m.abortRequested = true
            m.quiet = m.quiet || quiet
            mailboxes[slot] = m
            return true
        }
        mailboxes[slot] = nil
        lastResult[slot] = false
        if !quiet { finished(slot) }
        return true
    }

    /// The mailbox this controller offers for arbitration among those requested by `t`.
    func candidate(at t: UInt64) -> Int? {
        var best: Int? = nil
        for (i, m) in mailboxes.enumerated() {
            guard let m = m, !m.transmitting, m.requestedAt <= t else { continue }
            guard let b = best, let bm = mailboxes[b] else { best = i; continue }
            if fifoPriority ? m.requestedAt < bm.requestedAt : m.frame.arbitrationKey < bm.frame.arbitrationKey { best = i }
        }
        return best
    }

    /// Earliest virtual time this controller may start sending, if it has anything to send.
    var earliestStart: UInt64? {
        let waiting = mailboxes.compactMap { $0 }.filter { !$0.transmitting }
        guard let r = waiting.map(\.requestedAt).min() else { return nil }
        return max(r, suspendUntil)
    }

    func finished(_ slot: Int) {
        bus.board.raiseIRQ { [weak self] in self?.driver?.transmitted(slot: slot) }
    }

    // MARK: receive

    /// Stores a frame that passed this controller's filters.
    func store(_ f: CANFrame) {
        guard let (n, fmi) = bus.filters.accept(f, controller: id) else { return }
        let q = fifos[n]
        if q.messages.count < CANRxFIFO.depth {
            q.messages.append(CANReceived(frame: f, fmi: fmi))
            if q.messages.count == CANRxFIFO.depth {
                q.full = true
                recvErrors |= 1
            }
        } else {
            q.messages[CANRxFIFO.depth - 1] = CANReceived(frame: f, fmi: fmi)
            q.overrun = true
            recvErrors |= 2
            overruns += 1
        }
        raiseRxIRQ(n)
    }

    /// Releases the oldest message of a FIFO (RFOMx).
    func take(_ n: Int) -> CANReceived? {
        let q = fifos[n]
        return q.messages.isEmpty ? nil : q.messages.removeFirst()
    }

    /// Sets FIFO `n`'s interrupt enables; an interrupt whose flag is already set fires.
    func enableRx(_ n: Int, pending: Bool, fullAndOverrun: Bool) {
        let q = fifos[n]
        if pending { q.pendingIE = true }
        if fullAndOverrun { q.fullIE = true; q.overrunIE = true }
        raiseRxIRQ(n)
    }

    func disableRx(_ n: Int) {
        let q = fifos[n]
        q.pendingIE = false; q.fullIE = false; q.overrunIE = false
    }

    func raiseRxIRQ(_ n: Int) {
        guard fifos[n].irqPending else { return }
        bus.board.raiseIRQ { [weak self] in self?.serviceRx(n) }
    }

    /// The RX0/RX1 interrupt handler of the stm32 port: the full and overrun flags are reported
    /// (and cleared, their interrupt disabled until the next recv), else a pending message.
    private func serviceRx(_ n: Int) {
        let q = fifos[n]
        var rounds = 0
        while enabled && q.irqPending && rounds < 16 {
            rounds += 1
            let full = q.full, overrun = q.overrun
            if full {
                q.fullIE = false
                q.full = false
                if !overrun { driver?.received(fifo: n, .fifoFull) }
            }
            if overrun {
                q.overrunIE = false
                q.overrun = false
                driver?.received(fifo: n, .overflow)
            }
            if !(full || overrun) {
                q.pendingIE = false
                driver?.received(fifo: n, .messagePending)
            }
        }
    }

    // MARK: fault confinement

    /// Applies a counter change and reports entering warning, passive or bus-off.
    func changeCounters(tec dt: Int = 0, rec dr: Int = 0, recSuccess: Bool = false, at t: UInt64) {
        let was = (warningFlag, passiveFlag, busOff)
        tec = max(0, tec + dt)
        if recSuccess { rec = rec > 127 ? 119 : max(0, rec - 1) } else { rec = min(255, rec + dr) }
        if tec > 255 && !busOff {
            busOff = true
            if autoRestart { recoveryAt = t + nanos(bits: 128 * 11) }
        }
        var rose: [CANState] = []
        if warningFlag && !was.0 { rose.append(.warning) }
        if passiveFlag && !was.1 { rose.append(.passive) }
        if busOff && !was.2 { rose.append(.busOff) }
        for s in rose { bus.board.raiseIRQ { [weak self] in self?.driver?.errorStateRose(s) } }
    }

    /// Bus-off left at `t`: error active with both counters at 0, sending again from `t` on.
    func recovered(at t: UInt64) {
        busOff = false
        recoveryAt = nil
        tec = 0
        rec = 0
        suspendUntil = max(suspendUntil, t)
    }
}

/// One medium frames travel on: the shared bus, or a controller's inside in SILENT_LOOPBACK.
final class CANLine {
    var idleAt: UInt64 = 0
    var current: CANTransmission?
}

struct CANTransmission {
    let node: CANController
    let slot: Int
    let frame: CANFrame
    let end: UInt64
    /// What the transmitter sees: acknowledged (or its own loopback).
    let ok: Bool
    /// The frame reaches the receivers (no error flag destroyed it for them).
    let delivered: Bool
    /// An unacknowledged frame sent by an error-passive node (no TEC increase).
    let passiveAckError: Bool
    /// Receivers at the transmitter's bit timing, and NORMAL nodes at another one.
    let receivers: [CANController]
    let disturbers: [CANController]
}

final class CANBus: Peripheral {
    unowned let board: Board
    private(set) var controllers: [CANController] = []
    var filters = CANFilterBanks()
    let shared = CANLine()

    init(_ b: Board) {
        board = b
        for bus in b.definition.buses.can ?? [] {
            controllers.append(CANController(id: bus.id, bus: self))
        }
    }

    func controller(_ id: Int) -> CANController? { controllers.first { $0.id == id } }

    /// Brings the model to the present before a Python call looks at it or changes it.
    func sync() { advance(to: board.scheduler.now()) }

    /// RX/TX pins in the controller's alternate function with pull-ups, as can_init does.
    func configurePins(_ c: CANController) {
        guard let bus = board.definition.buses.can?.first(where: { $0.id == c.id }) else { return }
        for case let n? in [bus.tx, bus.rx] {
            guard let i = board.pins.index(of: n),
                  let af = board.definition.pins[i].af.first(where: { $0.signal.hasPrefix("CAN\(c.id)_") }) else { continue }
            board.pins.configure(i, mode: PinMode.alt, pull: PinPull.up, af: af.index)
        }
    }

    // MARK: lines

    /// Where a controller's frames go: nil when it cannot transmit now.
    func txLine(_ c: CANController) -> CANLine? {
        guard c.enabled, !c.busOff else { return nil }
        if c.silent { return c.loopback ? c.privateLine : nil }
        return shared
    }

    private var lines: [CANLine] { [shared] + controllers.map(\.privateLine) }

    private func nodes(on line: CANLine) -> [CANController] { controllers.filter { txLine($0) === line } }

    private func nextStart(_ line: CANLine) -> UInt64? {
        guard line.current == nil else { return nil }
        guard let t = nodes(on: line).compactMap(\.earliestStart).min() else { return nil }
        return max(t, line.idleAt)
    }

    /// A controller stopped or reconfigured while its frame was on the wire: the frame is cut
    /// short (nobody receives it) and the line goes idle.
    func dropFromLine(_ c: CANController) {
        for line in lines {
            guard let cur = line.current, cur.node === c else { continue }
            line.current = nil
            line.idleAt = board.clock.nanos
        }
    }

    // MARK: Peripheral

    var nextEventNanos: UInt64? {
        guard controllers.contains(where: \.enabled) else { return nil }
        var best: UInt64? = nil
        for line in lines {
            if let cur = line.current { best = min(best ?? cur.end, cur.end) } else if let s = nextStart(line) { best = min(best ?? s, s) }
        }
        for c in controllers { if let r = c.recoveryAt { best = min(best ?? r, r) } }
        return best
    }

    func advance(to now: UInt64) {
        guard controllers.contains(where: \.enabled) else { return }
        while true {
            // the earliest due event: a frame ends, a frame starts, a controller leaves bus-off
            var due: (t: UInt64, act: () -> Void)? = nil
            func consider(_ t: UInt64, _ act: @escaping () -> Void) {
                if t <= now && (due == nil || t < due!.t) { due = (t, act) }
            }
            for line in lines {
                if let cur = line.current {
                    consider(cur.end) { [unowned self] in self.complete(line) }
                } else if let s = nextStart(line) {
                    consider(s) { [unowned self] in self.begin(line, at: s) }
                }
            }
            for c in controllers {
                if let r = c.recoveryAt { consider(r) { c.recovered(at: r) } }
            }
            guard let d = due else { return }
            d.act()
        }
    }

    /// Arbitration among the controllers ready at `t`, then the winner's frame goes out.
    private func begin(_ line: CANLine, at t: UInt64) {
        var winner: (c: CANController, slot: Int)? = nil
        for c in nodes(on: line) {
            guard c.suspendUntil <= t, let s = c.candidate(at: t), let f = c.mailboxes[s]?.frame else { continue }
            if let w = winner, let wf = w.c.mailboxes[w.slot]?.frame, wf.arbitrationKey <= f.arbitrationKey { continue }
            winner = (c, s)
        }
        guard let (tx, slot) = winner, let frame = tx.mailboxes[slot]?.frame else {
            line.idleAt = max(line.idleAt, t)
            return
        }
        var receivers: [CANController] = []
        var disturbers: [CANController] = []
        var acked = false
        if line === shared {
            for c in controllers where c !== tx && c.enabled && !c.busOff && !c.loopback {
                // a node in LOOPBACK ignores its RX pin; NORMAL and SILENT nodes listen
                if c.tqPerBit == tx.tqPerBit {
                    receivers.append(c)
                    if !c.silent { acked = true }
                } else if !c.silent {
                    disturbers.append(c)
                }
            }
        }
        let disturbed = !disturbers.isEmpty
        let ok = tx.loopback || (acked && !disturbed)
        let passive = tx.passiveFlag
        let bits = ok ? frame.totalBits : frame.bitsThroughAck + CANFrame.errorFrameBits
        tx.mailboxes[slot]?.transmitting = true
        line.current = CANTransmission(
            node: tx, slot: slot, frame: frame, end: t + tx.nanos(bits: bits), ok: ok,
            delivered: !disturbed && (ok || passive), passiveAckError: !ok && !disturbed && passive,
            receivers: receivers, disturbers: disturbers)
    }

    private func complete(_ line: CANLine) {
        guard let tr = line.current else { return }
        line.current = nil
        let tx = tr.node, t = tr.end
        line.idleAt = t + tx.nanos(bits: CANFrame.intermissionBits)

        if var m = tx.mailboxes[tr.slot], m.frame == tr.frame {
            m.transmitting = false
            if tr.ok || m.abortRequested || tx.noRetransmit {
                tx.mailboxes[tr.slot] = nil
                tx.lastResult[tr.slot] = tr.ok
                if !m.quiet { tx.finished(tr.slot) }
            } else {
                tx.mailboxes[tr.slot] = m
            }
        }
        if tr.ok {
            tx.changeCounters(tec: -1, at: t)
            if tx.loopback { tx.store(tr.frame) }
        } else {
            tx.changeCounters(tec: tr.passiveAckError ? 0 : 8, at: t)
        }
        if tx.passiveFlag { tx.suspendUntil = line.idleAt + tx.nanos(bits: CANFrame.suspendBits) }
        for r in tr.receivers where r.enabled && !r.busOff {
            if tr.delivered {
                r.changeCounters(recSuccess: true, at: t)
                r.store(tr.frame)
            } else {
                r.changeCounters(rec: 1, at: t)
            }
        }
        for d in tr.disturbers where d.enabled && !d.busOff { d.changeCounters(rec: 1, at: t) }
    }

    /// Soft reset de-initialises both controllers (pyb_can_deinit_all, machine_can_deinit_all);
    /// the filter banks go back to their reset state with the split at 14.
    func reset(hard: Bool) {
        for c in controllers {
            c.stop()
            c.pybDriver = nil
            c.machineDriver = nil
            c.tec = 0; c.rec = 0; c.busOff = false
        }
        for line in lines { line.current = nil; line.idleAt = 0 }
        filters = CANFilterBanks()
    }
}
