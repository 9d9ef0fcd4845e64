import MicroPythonCore

// The cycle budget (DESIGN §4). The VM counts instruction units (one per instruction, plus
// `costs.callOps` per call) and calls `Py.pendingHook` every `Py.tickQuantum` units; the
// scheduler turns units into cycles with the board's calibrated `costs.cyclesPerOp`, adds the
// explicit costs native calls charge,
// advances the virtual clock, steps the peripherals whose events are due, delivers interrupts,
// and in realtime mode sleeps the host so virtual time keeps pace with the wall clock. The
// quantum is re-planned at every hook so the hook lands on the next peripheral event: interrupts
// arrive at their virtual time to within the straight-line code before the next backward jump or call.
//
// Idle waits (pyb.delay, time.sleep, pyb.wfi, waiting at the REPL) go through `idle`, which
// jumps virtual time to the next event (fast, deterministic) or sleeps the host until it is due
// (realtime), so an idle board costs almost no host CPU.

/// A device model stepped on virtual time (UART shift registers, timers, RTC, I2C devices...).
public protocol Peripheral: AnyObject {
    /// Virtual time (ns since reset) of the next thing this peripheral must do; nil: nothing.
    var nextEventNanos: UInt64? { get }
    /// Does everything due up to `now` (may raise interrupts through the board).
    func advance(to now: UInt64)
    /// Power-on state (hard reset) or the state after a soft reset.
    func reset(hard: Bool)
}

final class Scheduler {
    let clock: VirtualClock
    var mode: ClockMode
    /// Realtime pacing factor: 2 runs the board at twice its speed.
    var speed: Double
    var cyclesPerOp: UInt64
    var peripherals: [Peripheral] = []
    /// Target length of a quantum in virtual time.
    var quantumNanos: UInt64 = 250_000

    private var lastTicks = 0
    // realtime anchor: host time `anchorHost` corresponds to virtual time `anchorVirtual`
    private var anchorHost: UInt64 = 0
    private var anchorVirtual: UInt64 = 0
    // speed measurement window
    private var speedHost: UInt64 = 0
    private var speedVirtual: UInt64 = 0
    private(set) var speedPercent: Double = 100

    init(clock: VirtualClock, mode: ClockMode, speed: Double, cyclesPerOp: Int) {
        self.clock = clock
        self.mode = mode
        self.speed = speed > 0 ? speed : 1
        self.cyclesPerOp = UInt64(max(1, cyclesPerOp))
    }

    /// Accounts the instruction units run since the last call.
    @inline(__always) func sync() {
        let t = Py.tickCount
        if t > lastTicks { clock.advance(cycles: UInt64(t - lastTicks) &* cyclesPerOp) }
        lastTicks = t
    }

    /// Virtual time now, including instruction units not yet accounted.
    func now() -> UInt64 {
        sync()
        return clock.nanos
    }

    /// Charges the cycles of a native operation.
    func charge(_ cycles: Int) {
        if cycles > 0 { clock.advance(cycles: UInt64(cycles)) }
    }

    func nextEvent() -> UInt64? {
        var best: UInt64? = nil
        for p in peripherals { if let t = p.nextEventNanos { best = min(best ?? t, t) } }
        return best
    }

    func stepPeripherals() {
        let t = clock.nanos
        for p in peripherals { if let e = p.nextEventNanos, e <= t { p.advance(to: t) } }
    }

    /// Sets the VM quantum so the next hook comes at the next event or after `quantumNanos`.
    func planQuantum() {
        var q = quantumNanos
        let t = clock.nanos
        if let e = nextEvent() { q = min(q, e > t ? e - t : 0) }
        let ticks = clock.cycles(forNanos: q) / cyclesPerOp
        Py.tickQuantum = Int(max(1, min(ticks, 1 << 24)))
    }

    /// Restarts realtime pacing from here (after a pause, a reset, or falling behind).
    func reanchor() {
        anchorHost = hostNanos()
        anchorVirtual = clock.nanos
        speedHost = anchorHost
        speedVirtual = anchorVirtual
    }

    /// Host time at which virtual time `v` is due in realtime mode.
    func hostDeadline(for v: UInt64) -> UInt64 {
        let dv = v > anchorVirtual ? v - anchorVirtual : 0
        return anchorHost &+ UInt64(Double(dv) / speed)
    }

    /// Virtual time corresponding to host time `h`.
    func virtualTime(atHost h: UInt64) -> UInt64 {
        let dh = h > anchorHost ? h - anchorHost : 0
        return anchorVirtual &+ UInt64(Double(dh) * speed)
    }

    /// Realtime: sleeps while virtual time is ahead of the wall clock; re-anchors when the VM
    /// falls behind (the host is slower than the board), so it never races to catch up.
    /// `wait` sleeps the host for at most the given seconds and returns early on events.
    func pace(wait: (Double) -> Void) {
        let h = hostNanos()
        updateSpeed(h)
        guard mode == .realtime else { return }
        let due = hostDeadline(for: clock.nanos)
        if due > h + 1_000_000 {
            wait(Double(due - h) / 1e9)
        } else if h > due + 50_000_000 {
            anchorHost = h
            anchorVirtual = clock.nanos
        }
    }

    private func updateSpeed(_ h: UInt64) {
        let dh = h &- speedHost
        guard dh >= 250_000_000 else { return }
        let dv = clock.nanos &- speedVirtual
        speedPercent = Double(dv) / Double(dh) * 100
        speedHost = h
        speedVirtual = clock.nanos
    }
}
