import BoardStorage
import CSupport
import Glibc
import MicroPythonCore

// The emulated board: it owns the interpreter thread, the virtual clock and scheduler, the pin
// model, and the soft-reset loop. Front ends reach it only through `post(_:)`, `wake()` and
// `state` (thread-safe); everything else runs on the interpreter thread.

public struct BoardOptions: Sendable {
    public var boardId = "pyboard-v11"
    public var clockMode: ClockMode = .realtime
    public var speed = 1.0
    public var headless = false
    public var gcStress = false
    /// Test hook: every change of the LEDs is written to the host's stderr with its virtual time.
    public var ledLog = false
    public init() {}
}

/// What the REPL engine (a pluggable closure) reports when it returns.
public enum BoardReplExit: Sendable, Equatable {
    case softReset           // Ctrl-D at the friendly REPL, machine.soft_reset()
    case eof                 // the console closed: the board run ends
    case systemExit(Int32)
}

/// What the board runs after booting.
public enum BoardProgram {
    /// FILE as main.py would run, then the run ends with the unix port's exit status.
    case script(path: String, source: [UInt8])
    /// boot hooks, main hook, then the REPL closure; soft resets loop.
    case interactive(repl: (Board) -> BoardReplExit)
}

enum ResetRequest { case hard, soft, quit, deepSleep, watchdog }

/// machine.reset_cause() values of the stm32 port.
enum ResetCause {
    static let soft = 0, powerOn = 1, hard = 2, wdt = 3, deepSleep = 4
}

public final class Board: @unchecked Sendable {
    /// The board running in this process (the interpreter is a process-wide singleton).
    nonisolated(unsafe) public internal(set) static var current: Board?

    public let definition: BoardDefinition
    public let options: BoardOptions
    let mailbox = BoardMailbox()
    let clock: VirtualClock
    let scheduler: Scheduler
    let pins: PinModel
    /// Buses, attached chips and their wires (set at the end of init: it needs the board).
    private(set) var devices: BoardDevices!

    /// Storage and other layers: run at every boot after the pins are initialised (mount
    /// filesystems, run boot.py). LEDs 2–4 are turned off after them, as after boot.py.
    public var bootHooks: [(Board) -> RunOutcome] = []
    /// Runs main.py in interactive runs (set by the storage layer); `--run FILE` replaces it.
    /// `.systemExit` from a boot hook or the main hook ends this boot with a soft reset, as
    /// PYEXEC_FORCED_EXIT does.
    public var mainHook: ((Board) -> RunOutcome)?
    /// Run before the interpreter's soft reset (argument: true for a hard reset): storage flushes.
    public var beforeReset: [(Board, Bool) -> Void] = []
    /// The front end's serial link: which byte interrupts running code (3 while boot.py, main.py or
    /// a --run script runs, -1 after), as pyexec sets it for files.
    public var setInterruptChar: ((Int) -> Void)?
    /// SD card inserted (true) or removed (false) from a front end (BoardEvent.sdCard).
    public var onSDCard: ((Board, Bool) -> Void)?
    /// The reset mode chosen with USR at the last power-on or hard reset; soft resets boot normally.
    public internal(set) var bootMode = BootMode.normal
    var selectBootModeAtBoot = true
    /// Device models stepped on virtual time.
    public func attach(_ p: Peripheral) { scheduler.peripherals.append(p) }

    /// Virtual time of the last reset: ticks and millis count from here.
    var bootNanos: UInt64 = 0
    var resetCause = ResetCause.powerOn
    var resetRequest: ResetRequest?
    var irqDisabled = false
    var inInterrupt = false
    var interruptsDelivered = 0
    var paused = false
    var stepBudget = 0
    var boots = 0
    var sysclkHz: Int
    /// Wall-clock nanoseconds (since 1970) at virtual time 0: the RTC.
    var rtcBaseNanos: Int64
    /// Whether anything outside can wake an idle board (a REPL, a window).
    var canBeWoken: Bool
    var pressed: Set<String> = []
    var scripted: ScriptedEvents?
    let randomSeed: UInt64
    var randomState: UInt64

    // LED brightness averaging between state snapshots
    var ledPins: [Int] = []
    /// Timers, UARTs, RTC, analog pins, DAC and servos (Sources/Board/Peripherals).
    lazy var timing: TimingPeripherals = {
        timingCreated = true
        return TimingPeripherals(self)
    }()
    private var timingCreated = false
    /// The I2S units and the audio devices wired to them (machine.I2S), made at first use.
    lazy var audio = AudioPeripherals(self)
    /// The timing peripherals if a program has used them (no creation as a side effect).
    var timingIfCreated: TimingPeripherals? { timingCreated ? timing : nil }
    /// Peripheral interrupts waiting for delivery between opcodes, in order.
    var peripheralIRQs: [() -> Void] = []
    private var ledOnNanos: [UInt64] = []
    private var ledValue: [Double] = []
    private var ledSince: [UInt64] = []
    private var windowStart: UInt64 = 0
    private var lastPublishHost: UInt64 = 0

    public init(_ options: BoardOptions) throws {
        let def = try BoardDefinition.named(options.boardId)
        self.definition = def
        self.options = options
        clock = VirtualClock(hz: def.clock.sysclkHz)
        scheduler = Scheduler(clock: clock, mode: options.clockMode, speed: options.speed, cyclesPerOp: def.costs.cyclesPerOp)
        Py.callOps = def.costs.callOps
        pins = PinModel(def)
        sysclkHz = def.clock.sysclkHz
        rtcBaseNanos = options.clockMode == .deterministic ? def.reset.wallClockEpoch * 1_000_000_000 : hostWallNanos()
        canBeWoken = !options.headless
        randomSeed = options.clockMode == .deterministic ? 0x5eed_b0a2_d000_0001 : UInt64(truncatingIfNeeded: hostWallNanos()) | 1
        randomState = randomSeed
        ledPins = def.leds.map { pins.index(of: $0.pin)! }
        ledOnNanos = Array(repeating: 0, count: def.leds.count)
        ledValue = Array(repeating: 0, count: def.leds.count)
        ledSince = Array(repeating: 0, count: def.leds.count)
        pins.onPending = { Py.requestAttention() }
        pins.onLevel = { [unowned self] i, level in
            self.ledLevelChanged(pin: i)
            self.devices?.pinLevelChanged(i, level)
        }
        devices = BoardDevices(self)
        attach(devices)
    }

    // MARK: front-end interface (any thread)

    public func post(_ e: BoardEvent) { mailbox.post(e) }
    /// Wakes an idle board (input arrived for the REPL).
    public func wake() { mailbox.wake() }
    public var state: BoardState { mailbox.snapshot() }

    // MARK: running

    /// Runs the board on a fresh big-stack thread until the program ends; returns the exit status
    /// (unix-port conventions: 0, 1 for an uncaught exception, the SystemExit code).
    public func run(_ program: BoardProgram) -> Int32 {
        final class Result { var status: Int32 = 0 }
        let result = Result()
        Interpreter.runIsolated(stackBytes: 64 * 1024 * 1024) {
            result.status = self.runOnThisThread(program)
        }
        return result.status
    }

    /// The soft-reset loop (must run on a thread with a big stack).
    func runOnThisThread(_ program: BoardProgram) -> Int32 {
        Board.current = self
        if case .interactive = program { canBeWoken = true }
        do {
            try BoardRuntime.start(self)
        } catch {
            writeStderr("microboard: cannot start the board: \(error)\n")
            return 1
        }
        powerOn()
        defer {
            var s = mailbox.snapshot()
            s.running = false
            mailbox.publish(s)
            Py.pendingHook = nil
            timeSource = HostTimeSource()
            Board.current = nil
        }
        while true {
            boot()
            if selectBootModeAtBoot {
                selectBootModeAtBoot = false
                bootMode = selectBootMode()
                switch resetRequest {
                case .quit?: return 0
                case .hard?, .watchdog?, .deepSleep?: hardReset(cause: ResetCause.hard); continue
                case .soft?, nil: break
                }
                boot()          // the top of the soft-reset loop sets the LEDs again
            }
            var forcedExit = false
            for h in bootHooks where !forcedExit && resetRequest == nil {
                if case .systemExit = h(self) { forcedExit = true }
            }
            setLED(2, false); setLED(3, false); setLED(4, false)
            switch program {
            case .script(let path, let source):
                if resetRequest == .quit { return 0 }
                let outcome = runMainScript(source: source, filename: path)
                if resetRequest != nil { return 0 }
                switch outcome {
                case .ok: return 0
                case .exception: return 1
                case .systemExit(let n): return n
                }
            case .interactive(let repl):
                if let m = mainHook, resetRequest == nil, !forcedExit, case .systemExit = m(self) { forcedExit = true }
                var exit = BoardReplExit.eof
                if resetRequest == nil && !forcedExit { exit = repl(self) } else if forcedExit { exit = .softReset }
                switch resetRequest {
                case .quit?: return 0
                case .hard?: hardReset(cause: ResetCause.hard); continue
                case .deepSleep?: hardReset(cause: ResetCause.deepSleep); continue
                case .watchdog?: hardReset(cause: ResetCause.wdt); continue
                case .soft?: softReset(); continue
                case nil: break
                }
                switch exit {
                case .softReset: softReset()
                case .eof: return 0
                case .systemExit(let n): return n
                }
            }
        }
    }

    func writeStderr(_ s: String) { Py.stderrWrite(Array(s.utf8)) }

    /// Power-on: every pin floating, the clock at zero.
    func powerOn() {
        pins.reset()
        redriveHeldButtons()
        for p in scheduler.peripherals { p.reset(hard: true) }
        bootNanos = clock.nanos
        resetCause = ResetCause.powerOn
        scheduler.reanchor()
    }

    /// Top of the soft-reset loop: LEDs and switch as the firmware sets them up.
    func boot() {
        boots += 1
        resetRequest = nil
        peripheralIRQs.removeAll()
        irqDisabled = false
        inInterrupt = false
        for (n, led) in definition.leds.enumerated() {
            let p = pins.index(of: led.pin)!
            pins.configure(p, mode: PinMode.output, pull: PinPull.none)
            setLED(n + 1, n + 1 == 2)
        }
        for s in definition.switches {
            let p = pins.index(of: s.pin)!
            pins.configure(p, mode: PinMode.input, pull: s.pull == "up" ? PinPull.up : s.pull == "down" ? PinPull.down : PinPull.none)
        }
        Py.pendingHook = { [unowned self] in try self.hook() }
        scheduler.planQuantum()
        publish(force: true)
    }

    func softReset() {
        for h in beforeReset { h(self, false) }
        writeStdout("MPY: soft reboot\n")
        bootMode = .normal
        for n in 0..<16 { pins.freeLine(n) }
        ObjPin.softReset()
        Interpreter.softReset()
        for p in scheduler.peripherals { p.reset(hard: false) }
        resetCause = ResetCause.soft
    }

    func hardReset(cause: Int) {
        for h in beforeReset { h(self, true) }
        for n in 0..<16 { pins.freeLine(n) }
        ObjPin.softReset()
        Interpreter.softReset()
        pins.reset()
        redriveHeldButtons()
        selectBootModeAtBoot = true
        bootMode = .normal
        for p in scheduler.peripherals { p.reset(hard: true) }
        sysclkHz = definition.clock.sysclkHz
        clock.setFrequency(sysclkHz)
        bootNanos = clock.nanos
        resetCause = cause
        scheduler.reanchor()
    }

    func writeStdout(_ s: String) { Py.stdoutWrite(Array(s.utf8)) }

    /// A reset does not let go of a button a finger holds: USR held across RST picks a boot mode.
    func redriveHeldButtons() {
        for s in definition.switches where pressed.contains(s.name) {
            if let p = pins.index(of: s.pin) { pins.drive(p, !s.activeLow) }
        }
    }

    /// Stops the running program so the soft-reset loop can reset or quit: a SystemExit now,
    /// and again at every hook until the top level is reached (a bare `except:` cannot keep it).
    func requestReset(_ r: ResetRequest) -> Error {
        if resetRequest != .quit { resetRequest = r }
        Py.requestAttention()
        return Py.error(.SystemExit)
    }

    // MARK: between opcodes

    func hook() throws {
        scheduler.sync()
        if inInterrupt { return }
        if resetRequest != nil { throw Py.error(.SystemExit) }
        try serviceMailbox()
        scheduler.stepPeripherals()
        try deliverInterrupts()
        scheduler.pace { [mailbox] in mailbox.wait(timeout: $0) }
        publish()
        scheduler.planQuantum()
    }

    func serviceMailbox() throws {
        for e in mailbox.drain() { apply(e) }
        if stepBudget > 0 {
            stepBudget -= 1
            if stepBudget == 0 { paused = true; publish(force: true) }
        }
        while paused && resetRequest == nil {
            mailbox.wait(timeout: 0.05)
            for e in mailbox.drain() { apply(e) }
            try Py.poll()
            if !paused { scheduler.reanchor() }
        }
        if resetRequest != nil { throw Py.error(.SystemExit) }
    }

    func apply(_ e: BoardEvent) {
        switch e {
        case .button(let name, let down):
            if down { pressed.insert(name) } else { pressed.remove(name) }
            if let s = definition.switches.first(where: { $0.name == name }), let p = pins.index(of: s.pin) {
                pins.drive(p, down ? !s.activeLow : nil)
            }
            publish(force: true)
        case .reset:
            resetRequest = .hard
            paused = false
        case .quit:
            resetRequest = .quit
            paused = false
        case .pause:
            paused = true
            publish(force: true)
        case .resume:
            paused = false
            stepBudget = 0
            publish(force: true)
        case .step:
            // one quantum, then pause again
            paused = false
            stepBudget = 2
        case .setSensor(let device, let setting, let value):
            do { try devices.setSensor(device, setting, value) } catch { writeHostError("\(error)") }
            publish(force: true)
        case .analog(let pin, let volts):
            applyAnalog(pin, volts)
        case .sdCard(let inserted):
            onSDCard?(self, inserted)
            publish(force: true)
        }
    }

    /// Runs handlers of pending EXTI lines: hard ones now with the heap locked, soft ones through
    /// micropython.schedule. A hard handler that raises is disabled, as the stm32 port does.
    func deliverInterrupts() throws {
        guard !irqDisabled, !inInterrupt else { return }
        while !pins.pending.isEmpty {
            let n = pins.pending.removeFirst()
            guard let line = pins.lines[n], line.enabled, line.handler >= 0 else { continue }
            let f = Py.kept(line.handler)
            if Py.isNone(f) { continue }
            interruptsDelivered += 1
            let args: [Obj] = line.kind == .switchCallback ? [] : [line.argument >= 0 ? Py.kept(line.argument) : Py.none]
            if line.hard {
                scheduler.charge(definition.cost("irq.entry"))
                inInterrupt = true
                let err = Py.runHardHandler(f, args: args, errorHeader: "uncaught exception in ExtInt interrupt handler line \(n)")
                inInterrupt = false
                if err != nil, var l = pins.lines[n] {
                    if l.handler >= 0 { Py.release(l.handler) }
                    l.handler = -1
                    l.enabled = false
                    pins.lines[n] = l
                }
            } else {
                _ = try Py.schedule(f, args.first ?? Py.none)
            }
        }
        deliverPeripheralIRQs()
    }

    // MARK: idle

    /// Waits until virtual time `deadline` (ns since power-on; nil: no deadline), or an
    /// interrupt was delivered (`wakeOnInterrupt`), or `ready()` is true, running interrupts and
    /// scheduled callbacks meanwhile. Host CPU stays idle while nothing is due.
    func idle(until deadline: UInt64?, wakeOnInterrupt: Bool = false, ready: () -> Bool = { false }) throws {
        let startIRQs = interruptsDelivered
        scheduler.sync()
        if scheduler.mode == .realtime && scheduler.hostDeadline(for: clock.nanos) + 1_000_000 < hostNanos() {
            scheduler.reanchor()
        }
        while true {
            scheduler.sync()
            if resetRequest != nil { throw Py.error(.SystemExit) }
            try serviceMailbox()
            scheduler.stepPeripherals()
            try deliverInterrupts()
            try Py.poll()
            publish()
            // a reset that just fell due (scripted RST) happens now, not at the end of the wait
            if resetRequest != nil { throw Py.error(.SystemExit) }
            if ready() { return }
            if wakeOnInterrupt && interruptsDelivered != startIRQs { return }
            let now = clock.nanos
            if let d = deadline, now >= d { return }
            var next = deadline
            if let e = scheduler.nextEvent() { next = min(next ?? e, e) }
            switch scheduler.mode {
            case .fast, .deterministic:
                if let n = next {
                    clock.advance(to: n)
                    continue
                }
                guard canBeWoken else { throw asleepForever() }
                let h0 = hostNanos()
                mailbox.wait(timeout: 0.05)
                if scheduler.mode == .fast { clock.advance(to: now + (hostNanos() - h0)) }
            case .realtime:
                let h = hostNanos()
                if let n = next {
                    let due = scheduler.hostDeadline(for: n)
                    if due <= h { clock.advance(to: n); continue }
                    mailbox.wait(timeout: min(Double(due - h) / 1e9, 0.05))
                } else {
                    guard canBeWoken else { throw asleepForever() }
                    mailbox.wait(timeout: 0.05)
                }
                let v = scheduler.virtualTime(atHost: hostNanos())
                clock.advance(to: next.map { min($0, v) } ?? v)
            }
        }
    }

    /// For REPL engines (interpreter thread): waits, with the board idle and its interrupts and
    /// scheduled callbacks running, until `ready()` is true. Returns false when the board must
    /// stop instead (a reset or quit was requested); a Ctrl-C while waiting just returns true.
    public func waitForInput(_ ready: () -> Bool) -> Bool {
        do {
            try idle(until: nil, ready: ready)
            return true
        } catch {
            return resetRequest == nil
        }
    }

    /// Nothing can wake a headless board with no pending event: the run ends (a real board
    /// would sleep forever).
    func asleepForever() -> Error {
        writeStderr("microboard: the board is asleep with nothing to wake it; ending the run\n")
        return requestReset(.quit)
    }

    /// Virtual nanoseconds since the last reset.
    func sinceBoot() -> UInt64 { scheduler.now() - bootNanos }

    func sleep(nanos: UInt64) throws {
        let start = scheduler.now()
        try idle(until: start + nanos)
    }

    // MARK: LEDs and state

    /// LED n (1-based) fully on or off through its GPIO (PWM stopped).
    func setLED(_ n: Int, _ on: Bool) {
        guard n >= 1 && n <= ledPins.count else { return }
        let p = ledPins[n - 1]
        let led = definition.leds[n - 1]
        pins.configure(p, mode: PinMode.output, af: -1)
        pins.write(p, on == led.activeHigh)
    }

    func ledBrightnessNow(_ k: Int) -> Double {
        let s = pins.state(ledPins[k])
        let led = definition.leds[k]
        switch s.mode {
        case PinMode.output, PinMode.openDrain: return (s.level == led.activeHigh) ? 1 : 0
        case PinMode.alt, PinMode.altOpenDrain:
            if let d = s.pwm { return led.activeHigh ? d : 1 - d }
            return (s.level == led.activeHigh) ? 1 : 0
        default: return 0
        }
    }

    private func ledLevelChanged(pin: Int) {
        guard let k = ledPins.firstIndex(of: pin) else { return }
        let t = clock.nanos
        ledOnNanos[k] += UInt64(ledValue[k] * Double(t - max(ledSince[k], windowStart)))
        ledSince[k] = t
        ledValue[k] = ledBrightnessNow(k)
        if options.ledLog { logLEDs() }
    }

    private static var lastLogged: [Double] = []

    /// The --led-log line: virtual milliseconds since power-on, then each LED's brightness.
    func logLEDs() {
        let now = ledPins.indices.map { ledBrightnessNow($0) }
        guard now != Board.lastLogged else { return }
        Board.lastLogged = now
        let us = clock.nanos / 1000
        let frac = String(us % 1000)
        var line = "microboard: leds at \(us / 1000).\(String(repeating: "0", count: 3 - frac.count) + frac) ms:"
        for v in now { line += v == 0 ? " 0" : v == 1 ? " 1" : " \(Double(Int(v * 100)) / 100)" }
        line += "\n"
        line.withUTF8 { b in _ = Glibc.write(2, b.baseAddress, b.count) }
    }

    /// Publishes a snapshot for front ends (at most every 20 ms of host time unless forced).
    func publish(force: Bool = false) {
        let h = hostNanos()
        if !force && h &- lastPublishHost < 20_000_000 { return }
        lastPublishHost = h
        let t = clock.nanos
        var s = BoardState()
        let window = t > windowStart ? t - windowStart : 0
        for k in ledPins.indices {
            ledOnNanos[k] += UInt64(ledValue[k] * Double(t - max(ledSince[k], windowStart)))
            ledSince[k] = t
            ledValue[k] = ledBrightnessNow(k)
            s.leds.append(window > 0 ? min(1, Double(ledOnNanos[k]) / Double(window)) : ledValue[k])
            ledOnNanos[k] = 0
        }
        windowStart = t
        s.ledColors = definition.leds.map(\.color)
        s.virtualMicros = (t - bootNanos) / 1000
        s.speedPercent = scheduler.speedPercent
        let heap = Py.heapUsage
        s.heapUsed = heap.used
        s.heapTotal = heap.total
        s.clockMode = scheduler.mode
        s.paused = paused
        s.pressed = pressed
        s.boots = boots
        s.displays = devices.displayFrames()
        s.sensors = devices.sensorValues()
        s.sdCardInserted = Storage.sdDevice != nil
        mailbox.publish(s)
    }

    /// The board's random source (pyb.rng, os.urandom): seeded, so deterministic runs repeat.
    func nextRandom() -> UInt32 {
        // xorshift64*
        randomState ^= randomState >> 12
        randomState ^= randomState << 25
        randomState ^= randomState >> 27
        return UInt32(truncatingIfNeeded: (randomState &* 2685821657736338717) >> 32)
    }
}
