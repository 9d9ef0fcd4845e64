import Glibc

/// How virtual time relates to the host's (DESIGN §4).
public enum ClockMode: String, Sendable, CaseIterable {
    /// Virtual time tracks the wall clock at the board's speed (times `speed`).
    case realtime
    /// No throttling; idle time jumps to the next event.
    case fast
    /// As fast, with no wall-clock input at all: the same run gives the same output.
    case deterministic
}

/// The board's time: nanoseconds since power-on, advanced by executed cycles (at the current
/// SYSCLK) and by idle waits. Only the interpreter thread advances it.
final class VirtualClock {
    private(set) var nanos: UInt64 = 0
    /// (cycles × 10⁹) mod hz left over from the last conversion, so no time is lost to rounding.
    private var remainder: UInt64 = 0
    private(set) var hz: UInt64

    init(hz: Int) { self.hz = UInt64(hz) }

    func setFrequency(_ newHz: Int) {
        hz = UInt64(newHz)
        remainder = 0
    }

    func advance(cycles: UInt64) {
        guard cycles > 0 else { return }
        // split so cycles × 10⁹ cannot overflow for any realistic quantum
        let whole = cycles / hz
        let part = (cycles % hz) * 1_000_000_000 + remainder
        nanos += whole * 1_000_000_000 + part / hz
        remainder = part % hz
    }

    /// Jumps forward to `t` (idle time); never goes back.
    func advance(to t: UInt64) {
        if t > nanos { nanos = t }
    }

    /// Cycles that take `ns` nanoseconds at the current frequency.
    func cycles(forNanos ns: UInt64) -> UInt64 {
        ns / 1_000_000_000 * hz + (ns % 1_000_000_000) * hz / 1_000_000_000
    }
}

/// Host monotonic clock in nanoseconds (realtime pacing only).
func hostNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

func hostWallNanos() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
}
