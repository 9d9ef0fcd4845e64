import Foundation

// What front ends (window, serial links, tests) exchange with the running board. Both types are
// thread-safe: the interpreter thread publishes `BoardState` and drains `BoardEvent`s between
// opcodes and while idle; other threads read the state and post events.

/// Something that happens to the board from outside.
public enum BoardEvent: Sendable, Equatable {
    /// A board button (by the name in board.json: "USR") pressed or released.
    case button(String, pressed: Bool)
    /// The RST button: hard reset (the interpreter world restarts and boots again).
    case reset
    case pause
    case resume
    /// While paused: run one scheduler quantum, then pause again.
    case step
    /// Ends the board run (window closed, front end quitting).
    case quit
    /// A physical value a device measures (window slider, scenario, control channel): device
    /// by name ("accel", "bme280"), setting by the device's name for it ("x", "temperature").
    case setSensor(String, String, Double)
    /// A voltage applied to a pin from outside (an ADC reads it); nil removes it.
    case analog(String, volts: Double?)
    /// The SD card pushed into its slot (true) or pulled out (false).
    case sdCard(inserted: Bool)
}

/// A snapshot of what a front end shows.
public struct BoardState: Sendable, Equatable {
    /// Brightness 0…1 of each LED, in board.json order (LED(1) first); averaged over the time
    /// since the previous snapshot, so PWM and fast blinking look dim as on the board.
    public var leds: [Double] = []
    public var ledColors: [String] = []
    /// Virtual time since the last reset, in microseconds.
    public var virtualMicros: UInt64 = 0
    /// Virtual time elapsed per wall time, in percent (100 = the real board's speed).
    public var speedPercent: Double = 0
    public var heapUsed = 0
    public var heapTotal = 0
    public var clockMode: ClockMode = .realtime
    public var paused = false
    /// Buttons held down, by name.
    public var pressed: Set<String> = []
    /// Number of boots so far (1 after power-on; grows with each soft or hard reset).
    public var boots = 0
    public var running = true
    /// What attached displays show (recomputed at each publish: a few KB at most every 20 ms).
    public var displays: [DisplayFrame] = []
    /// Sensor values by "device.setting" ("accel.x" in g).
    public var sensors: [String: Double] = [:]
    /// An SD card is in the slot.
    public var sdCardInserted = false
}

/// The thread-safe mailbox between front ends and the interpreter thread.
final class BoardMailbox: @unchecked Sendable {
    private let cond = NSCondition()
    private var queue: [BoardEvent] = []
    private var state = BoardState()
    private var wakeups = 0
    private var wakeupsSeen = 0

    func post(_ e: BoardEvent) {
        cond.lock()
        queue.append(e)
        cond.broadcast()
        cond.unlock()
    }

    /// Wakes an idle board without an event (input arrived on a serial link).
    func wake() {
        cond.lock()
        wakeups += 1
        cond.broadcast()
        cond.unlock()
    }

    func drain() -> [BoardEvent] {
        cond.lock()
        defer { cond.unlock() }
        let q = queue
        queue.removeAll()
        return q
    }

    /// Waits until an event is posted, `wake()` is called, or `timeout` (seconds) passes.
    /// Returns at once if events are already queued.
    func wait(timeout: Double) {
        cond.lock()
        if queue.isEmpty && wakeups == wakeupsSeen {
            _ = cond.wait(until: Date(timeIntervalSinceNow: max(0, timeout)))
        }
        wakeupsSeen = wakeups
        cond.unlock()
    }

    func publish(_ s: BoardState) {
        cond.lock()
        state = s
        cond.unlock()
    }

    func snapshot() -> BoardState {
        cond.lock()
        defer { cond.unlock() }
        return state
    }
}
