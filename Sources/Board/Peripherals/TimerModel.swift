import MicroPythonCore

// One STM32 general-purpose/advanced timer on virtual time: prescaler (PSC), auto-reload (ARR),
// counter mode, and four capture/compare channels. The counter is not stored: it follows from
// the virtual time since the last (re)start, so reading it is exact and costs nothing while
// nobody looks. Events (update interrupts, compare matches, OC_ACTIVE pin changes) are computed
// in timer ticks and converted to nanoseconds with exact integer arithmetic, so a 1 kHz timer
// interrupts exactly 1000 times per virtual second.
//
// Channel outputs drive the pins that sit in this timer's AF for that channel: PWM modes as a
// duty cycle (which is what an LED's brightness follows), OC modes as levels (OC_TOGGLE as a
// square wave of duty 1/2 at half the compare frequency).

enum CounterMode {
    static let up = 0, down = 0x10, center1 = 0x20, center2 = 0x40, center3 = 0x60
    static let all = [up, down, center1, center2, center3]
    static func name(_ m: Int) -> String { m == up ? "UP" : m == down ? "DOWN" : "CENTER" }
}

/// Channel modes with the stm32 port's numbering (pyb.Timer.PWM = 0 ...).
enum ChannelMode: Int, CaseIterable {
    case pwm = 0, pwmInverted, ocTiming, ocActive, ocInactive, ocToggle, ocForcedActive, ocForcedInactive, ic, encA, encB, encAB
    var name: String {
        ["PWM", "PWM_INVERTED", "OC_TIMING", "OC_ACTIVE", "OC_INACTIVE", "OC_TOGGLE", "OC_FORCED_ACTIVE",
         "OC_FORCED_INACTIVE", "IC", "ENC_A", "ENC_B", "ENC_AB"][rawValue]
    }
}

/// Output polarity constants as the port's (TIM_OCPOLARITY_*; IC: TIM_ICPOLARITY_*).
enum TimerPolarity {
    static let high = 0, low = 2, rising = 0, falling = 2, both = 0x0A
}

final class TimerModel: Peripheral {
    struct Channel {
        var mode: ChannelMode
        var compare: UInt64 = 0
        var activeLow = false
        /// Kept handles: the TimerChannel object and its callback.
        var object = -1
        var callback = -1
        /// OC_ACTIVE: the output went active at the first match.
        var matched = false
        /// Ticks since the anchor of the next compare match to report.
        var nextMatchTick: UInt64 = 0
    }

    unowned let board: Board
    let id: Int
    let wide: Bool
    let apb2: Bool
    let advanced: Bool

    var running = false
    var prescaler: UInt64 = 0
    var period: UInt64 = 0xffff
    var mode = CounterMode.up
    var div = 1
    var deadtime = 0
    var brk = 0
    var channels: [Int: Channel] = [:]
    /// Kept handles: the Timer object (so Timer(n) is Timer(n)) and its update callback.
    var object = -1
    var callback = -1
    /// Source clock captured at the last start (Hz).
    private var sourceHz: UInt64 = 84_000_000
    /// Virtual time at which the counter held `anchorCount`; positions are ticks since then.
    private var anchorNanos: UInt64 = 0
    private var anchorCount: UInt64 = 0
    /// Ticks since the anchor of the next update event to report.
    private var nextUpdateTick: UInt64 = 0

    init(_ b: Board, id: Int, wide: Bool, apb2: Bool, advanced: Bool) {
        board = b
        self.id = id
        self.wide = wide
        self.apb2 = apb2
        self.advanced = advanced
    }

    var mask: UInt64 { wide ? 0xffff_ffff : 0xffff }

    func sourceFreq() -> Int {
        let c = board.timing.timerClocks()
        return apb2 ? c.apb2 : c.apb1
    }

    // MARK: time <-> ticks

    private var nanosPerTickNum: UInt64 { (prescaler + 1) * 1_000_000_000 }

    /// Whole timer ticks elapsed between the anchor and `t`.
    private func ticks(at t: UInt64) -> UInt64 {
        guard t > anchorNanos else { return 0 }
        return mulDiv(t - anchorNanos, sourceHz, nanosPerTickNum)
    }

    /// Virtual time of tick `n` after the anchor.
    private func nanos(atTick n: UInt64) -> UInt64 {
        anchorNanos + mulDiv(n, nanosPerTickNum, sourceHz, roundUp: true)
    }

    /// Ticks in one counter cycle (update to update).
    private var cycleTicks: UInt64 {
        mode == CounterMode.up || mode == CounterMode.down ? period + 1 : max(1, 2 * period)
    }

    /// Ticks between update events (center-aligned counters update at both ends).
    private var updateTicks: UInt64 {
        mode == CounterMode.up || mode == CounterMode.down ? period + 1 : max(1, period)
    }

    /// Position in the counting cycle, 0 ..< cycleTicks.
    private func phase(ticks n: UInt64) -> UInt64 { (anchorCount + n) % cycleTicks }

    /// The CNT register now.
    func counter() -> UInt64 {
        guard running else { return anchorCount & mask }
        let p = phase(ticks: ticks(at: board.scheduler.now()))
        if mode == CounterMode.up { return p }
        if mode == CounterMode.down { return period - p }
        return p <= period ? p : 2 * period - p
    }

    // MARK: configuration

    /// (Re)starts counting from `count` now, with the current PSC/ARR.
    func restart(count: UInt64 = 0) {
        let now = board.scheduler.now()
        sourceHz = UInt64(max(1, sourceFreq()))
        anchorNanos = now
        anchorCount = count % cycleTicks
        running = true
        nextUpdateTick = firstUpdateTick()
        for k in channels.keys { channels[k]!.nextMatchTick = firstMatchTick(channels[k]!) }
        refreshOutputs()
        board.scheduler.planQuantum()
    }

    /// Keeps the counter where it is while PSC/ARR change (ARR is preloaded on the pyboard, the
    /// new value applies from the next cycle; taking it now differs by at most one cycle).
    func reconfigure(_ change: () -> Void) {
        let c = running ? min(counter(), period) : anchorCount
        change()
        if running { restart(count: min(c, period)) }
    }

    func setCounter(_ v: UInt64) {
        if running { restart(count: v & mask) } else { anchorCount = v & mask }
    }

    func stop() {
        running = false
        refreshOutputs()
    }

    private func firstUpdateTick() -> UInt64 {
        let p = anchorCount % updateTicks
        return updateTicks - p
    }

    /// Ticks after the anchor at which the counter next equals the channel's compare value.
    private func firstMatchTick(_ ch: Channel) -> UInt64 {
        guard ch.compare <= period else { return UInt64.max }
        let target: UInt64 = mode == CounterMode.down ? period - ch.compare : ch.compare
        let p = anchorCount % cycleTicks
        var d = (target + cycleTicks - p % cycleTicks) % cycleTicks
        if d == 0 { d = cycleTicks }
        return d
    }

    /// Ticks between successive compare matches of a channel.
    private func matchInterval(_ ch: Channel) -> UInt64 {
        // centre-aligned counters pass a compare value twice per cycle; report once per cycle
        cycleTicks
    }

    func setChannel(_ n: Int, _ ch: Channel) {
        var c = ch
        c.nextMatchTick = running ? nextMatchAfterNow(ch) : 0
        channels[n] = c
        refreshOutputs()
        board.scheduler.planQuantum()
    }

    func setCompare(_ n: Int, _ v: UInt64) {
        guard var c = channels[n] else { return }
        c.compare = v & mask
        c.nextMatchTick = running ? nextMatchAfterNow(c) : 0
        channels[n] = c
        refreshOutputs()
        board.scheduler.planQuantum()
    }

    private func nextMatchAfterNow(_ c: Channel) -> UInt64 {
        let first = firstMatchTick(c)
        guard first != UInt64.max else { return first }
        let now = ticks(at: board.scheduler.now())
        if first > now { return first }
        let i = matchInterval(c)
        return first + ((now - first) / i + 1) * i
    }

    /// Compare value giving `percent` of the period (edge mode: period + 1 is 100%).
    func pwmPeriod() -> UInt64 {
        mode == CounterMode.up || mode == CounterMode.down ? period + 1 : period
    }

    /// Duty cycle 0…1 of a PWM channel's reference signal (before polarity).
    func duty(_ c: Channel) -> Double {
        let p = pwmPeriod()
        guard p > 0 else { return 0 }
        return min(1, Double(c.compare) / Double(p))
    }

    // MARK: outputs

    /// The output of channel `n` as a duty 0…1 (nil: the channel drives nothing).
    func output(channel n: Int, complementary: Bool) -> Double? {
        guard let c = channels[n] else { return nil }
        var v: Double
        switch c.mode {
        case .pwm: v = running ? duty(c) : 0
        case .pwmInverted: v = running ? 1 - duty(c) : 0
        case .ocTiming, .ic, .encA, .encB, .encAB: return nil
        case .ocActive: v = c.matched ? 1 : 0
        case .ocInactive: v = 0
        case .ocToggle: v = running && c.compare <= period ? 0.5 : 0
        case .ocForcedActive: v = 1
        case .ocForcedInactive: v = 0
        }
        if c.activeLow { v = 1 - v }
        if complementary { v = 1 - v }
        return v
    }

    /// Drives every pin that is in this timer's alternate function from its channel.
    func refreshOutputs() {
        let model = board.pins
        for (i, pin) in board.definition.pins.enumerated() {
            let s = model.state(i)
            guard s.mode == PinMode.alt || s.mode == PinMode.altOpenDrain,
                  let af = pin.af.first(where: { $0.index == s.af }),
                  let (tim, ch, comp) = TimerModel.parseSignal(af.signal), tim == id, channels[ch] != nil else { continue }
            model.setPWM(i, output(channel: ch, complementary: comp) ?? 0)
        }
    }

    /// "TIM2_CH1" -> (2, 1, false), "TIM8_CH2N" -> (8, 2, true).
    static func parseSignal(_ s: String) -> (Int, Int, Bool)? {
        guard s.hasPrefix("TIM"), let us = s.firstIndex(of: "_") else { return nil }
        guard let t = Int(s[s.index(s.startIndex, offsetBy: 3)..<us]) else { return nil }
        var rest = s[s.index(after: us)...]
        guard rest.hasPrefix("CH") else { return nil }
        rest = rest.dropFirst(2)
        let comp = rest.hasSuffix("N")
        if comp { rest = rest.dropLast() }
        guard let ch = Int(rest) else { return nil }
        return (t, ch, comp)
    }

    /// LED.intensity(v) on this timer's channel (ports/stm32/led.c): the timer at 1 MHz with a
    /// 10 ms period, set up on first use, and the channel in PWM with compare v * 10000 / 255.
    func ledPWM(channel: Int, intensity v: Int, inverted: Bool) {
        let psc = UInt64(max(1, sourceFreq() / 1_000_000) - 1)
        if !running || prescaler != psc || period != 9999 || mode != CounterMode.up {
            prescaler = psc
            period = 9999
            mode = CounterMode.up
            restart()
        }
        var c = channels[channel] ?? Channel(mode: .pwm)
        c.mode = inverted ? .pwmInverted : .pwm
        c.compare = UInt64(v) * 10000 / 255
        setChannel(channel, c)
    }

    // MARK: Peripheral

    private func wantsUpdateEvents() -> Bool { callback >= 0 }

    private func wantsMatchEvents(_ c: Channel) -> Bool {
        c.nextMatchTick != UInt64.max && (c.callback >= 0 || (c.mode == .ocActive && !c.matched))
    }

    var nextEventNanos: UInt64? {
        guard running else { return nil }
        var best: UInt64? = nil
        if wantsUpdateEvents() { best = nanos(atTick: nextUpdateTick) }
        for c in channels.values where wantsMatchEvents(c) {
            let t = nanos(atTick: c.nextMatchTick)
            best = min(best ?? t, t)
        }
        return best
    }

    func advance(to now: UInt64) {
        guard running else { return }
        let n = ticks(at: now)
        // Events are interrupts: a flag stays set until served, so several due periods of one
        // source (the board was busy) are served once, as the NVIC does.
        if wantsUpdateEvents() && nextUpdateTick <= n {
            nextUpdateTick += ((n - nextUpdateTick) / updateTicks + 1) * updateTicks
            raise(channel: 0)
        } else if nextUpdateTick <= n {
            nextUpdateTick += ((n - nextUpdateTick) / updateTicks + 1) * updateTicks
        }
        for k in channels.keys.sorted() {
            guard var c = channels[k], c.nextMatchTick != UInt64.max, c.nextMatchTick <= n else { continue }
            let i = matchInterval(c)
            c.nextMatchTick += ((n - c.nextMatchTick) / i + 1) * i
            if c.mode == .ocActive && !c.matched {
                c.matched = true
                channels[k] = c
                refreshOutputs()
            } else {
                channels[k] = c
            }
            if c.callback >= 0 { raise(channel: k) }
        }
    }

    /// Queues the Python callback of the update event (channel 0) or of a channel's match.
    private func raise(channel k: Int) {
        let b = board
        b.raiseIRQ { [weak self] in
            guard let self = self, self.running else { return }
            let cb = k == 0 ? self.callback : (self.channels[k]?.callback ?? -1)
            guard cb >= 0 else { return }
            let header = k == 0 ? "uncaught exception in Timer(\(self.id)) interrupt handler"
                : "uncaught exception in Timer(\(self.id)) channel \(k) interrupt handler"
            if !b.runHandler(Py.kept(cb), keptOrNone(self.object), hard: true, errorHeader: header) {
                // the port disables a callback that raised
                if k == 0 { self.callback = -1 } else { self.channels[k]?.callback = -1 }
            }
        }
    }

    /// Soft reset (timer_deinit for every timer) and power-on: stopped, no channels, no handles
    /// (the kept list was cleared by the interpreter's soft reset).
    func reset(hard: Bool) {
        let hadChannels = !channels.isEmpty
        running = false
        if hadChannels { refreshOutputs() }
        channels = [:]
        object = -1
        callback = -1
        prescaler = 0
        period = 0xffff
        mode = CounterMode.up
        anchorCount = 0
    }

    /// Timer.deinit(): callbacks off, outputs disabled, counter stopped.
    func deinit_() {
        if callback >= 0 { Py.release(callback); callback = -1 }
        for (k, c) in channels {
            if c.callback >= 0 { Py.release(c.callback) }
            channels[k]!.callback = -1
        }
        running = false
        refreshOutputs()
        for (_, c) in channels where c.object >= 0 { Py.release(c.object) }
        channels = [:]
    }
}
