import Glibc
import CSupport

// The time module, as MicroPython's extmod/modtime.c: sleep, sleep_ms, sleep_us, ticks_ms,
// ticks_us, ticks_cpu, ticks_add, ticks_diff, time, time_ns, gmtime, localtime, mktime.
//
// The clock is replaceable: every reading and every sleep goes through `timeSource`, so the board
// layer can substitute its virtual clock:
//
//     final class BoardClock: TimeSource {
//         func monotonicMicros() -> UInt64 { ... }       // never decreases
//         func wallClockNanos() -> Int64 { ... }         // since 1970-01-01 00:00:00 UTC
//         func sleep(micros: UInt64) throws { ... }      // advance / wait; call `try sleepPoll()`
//     }                                                  // periodically so Ctrl-C still works
//     timeSource = BoardClock()
//
// The default, HostTimeSource, reads CLOCK_MONOTONIC and CLOCK_REALTIME and sleeps in slices of
// at most 10 ms, polling Ctrl-C (and scheduled callbacks) between slices, so time.sleep() is
// interruptible by KeyboardInterrupt.
//
// Ticks wrap modulo TICKS_PERIOD = 2**30 as in MicroPython: ticks_diff(a, b) is the signed
// difference in [-2**29, 2**29), ticks_add(t, d) requires -2**29 < d < 2**29.
// time() returns a float (seconds since 1970, as the unix port); gmtime/localtime return the
// 8-tuple (year, month, mday, hour, minute, second, weekday 0=Monday, yearday) in UTC (boards
// have no time zone); mktime is its inverse and normalises out-of-range fields.

public protocol TimeSource: AnyObject {
    /// Microseconds from an arbitrary origin; never decreases.
    func monotonicMicros() -> UInt64
    /// Wall-clock time in nanoseconds since 1970-01-01 00:00:00 UTC.
    func wallClockNanos() -> Int64
    /// Waits (or advances the virtual clock) for `micros`; may throw KeyboardInterrupt.
    func sleep(micros: UInt64) throws
}

/// The host's clocks.
public final class HostTimeSource: TimeSource {
    public init() {}

    public func monotonicMicros() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000 &+ UInt64(ts.tv_nsec / 1000)
    }

    public func wallClockNanos() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }

    public func sleep(micros: UInt64) throws {
        let deadline = monotonicMicros() &+ micros
        while true {
            try sleepPoll()
            let now = monotonicMicros()
            if now >= deadline { return }
            let slice = min(deadline - now, 10_000)
            var ts = timespec(tv_sec: 0, tv_nsec: Int(slice) * 1000)
            allowThreads { _ = nanosleep(&ts, nil) }
        }
    }
}

/// The clock the time module uses; the board layer replaces it.
nonisolated(unsafe) public var timeSource: TimeSource = HostTimeSource()

/// Raises KeyboardInterrupt on a pending Ctrl-C and runs scheduled callbacks; for sleep loops.
public func sleepPoll() throws {
    yieldToOtherThreads()
    try pollInterrupts()
}

let ticksPeriod = 1 << 30

enum ModuleTime {
    static func register() {
        moduleAliases["utime"] = "time"
        registerModule("time") {
            [
                ("sleep", .function(fn("sleep", 1) { a throws in
                    let secs = try toDouble(a[0])
                    if secs.isNaN { throw valueError("invalid value") }
                    if secs > 0 { try timeSource.sleep(micros: secs > 1e12 ? UInt64(1e18) : UInt64(secs * 1_000_000)) }
                    else { try sleepPoll() }
                    return .none
                })),
                ("sleep_ms", .function(fn("sleep_ms", 1) { a throws in
                    let ms = try intToInt(a[0])
                    if ms > 0 { try timeSource.sleep(micros: UInt64(ms) &* 1000) } else { try sleepPoll() }
                    return .none
                })),
                ("sleep_us", .function(fn("sleep_us", 1) { a throws in
                    let us = try intToInt(a[0])
                    if us > 0 { try timeSource.sleep(micros: UInt64(us)) } else { try sleepPoll() }
                    return .none
                })),
                ("ticks_ms", .function(fn("ticks_ms", 0) { _ throws in
                    Obj(small: Int((timeSource.monotonicMicros() / 1000) & UInt64(ticksPeriod - 1)))
                })),
                ("ticks_us", .function(fn("ticks_us", 0) { _ throws in
                    Obj(small: Int(timeSource.monotonicMicros() & UInt64(ticksPeriod - 1)))
                })),
                ("ticks_cpu", .function(fn("ticks_cpu", 0) { _ throws in
                    Obj(small: Int(timeSource.monotonicMicros() & UInt64(ticksPeriod - 1)))
                })),
                ("ticks_add", .function(fn("ticks_add", 2) { a throws in
                    let t = try intToInt(a[0])
                    let d = try intToInt(a[1])
                    if d <= -ticksPeriod / 2 || d >= ticksPeriod / 2 { throw overflowError("ticks interval overflow") }
                    return Obj(small: (t &+ d) & (ticksPeriod - 1))
                })),
                ("ticks_diff", .function(fn("ticks_diff", 2) { a throws in
                    let end = try intToInt(a[0])
                    let start = try intToInt(a[1])
                    return Obj(small: ((end &- start &+ ticksPeriod / 2) & (ticksPeriod - 1)) - ticksPeriod / 2)
                })),
                ("time", .function(fn("time", 0) { _ throws in
                    let ns = timeSource.wallClockNanos()
                    return try newFloat(Double(ns / 1_000_000_000) + Double(ns % 1_000_000_000) / 1e9)
                })),
                ("time_ns", .function(fn("time_ns", 0) { _ throws in try newInt(Int(timeSource.wallClockNanos())) })),
                ("gmtime", .function(fn("gmtime", 0, 1) { a throws in try timeTuple(a) })),
                ("localtime", .function(fn("localtime", 0, 1) { a throws in try timeTuple(a) })),
                ("mktime", .function(fn("mktime", 1) { a throws in try mktime(a[0]) })),
            ]
        }
    }

    /// Seconds since the epoch from an int or float argument (None or absent: now).
    static func secondsArg(_ a: Args) throws -> Int {
        if a.count == 0 || a[0] == .none {
            let ns = timeSource.wallClockNanos()
            return Int(ns >= 0 ? ns / 1_000_000_000 : (ns - 999_999_999) / 1_000_000_000)
        }
        let v = a[0]
        if isIntObj(v) { return try intToInt(v) }
        let d = try toDouble(v)
        guard d.isFinite, abs(d) < 1e17 else { throw overflowError("timestamp out of range") }
        return Int(d.rounded(.towardZero))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (month 1...12).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func timeTuple(_ a: Args) throws -> Obj {
        let t = try secondsArg(a)
        var days = t / 86_400
        var rem = t % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = civilFromDays(days)
        let wday = ((days % 7) + 7 + 3) % 7          // 1970-01-01 was a Thursday (3, Monday = 0)
        let yday = days - daysFromCivil(y, 1, 1) + 1
        return try newTuple([try newInt(y), Obj(small: m), Obj(small: d), Obj(small: rem / 3600),
                             Obj(small: rem / 60 % 60), Obj(small: rem % 60), Obj(small: wday), Obj(small: yday)])
    }

    static func mktime(_ tup: Obj) throws -> Obj {
        let l = try iterateToList(tup)
        let keep = pushRoot(l)
        defer { popRoots(to: keep) }
        let n = listLen(l)
        guard n == 8 || n == 9 else { throw typeError("mktime needs a tuple of length 8 or 9 (\(n) given)") }
        var f: [Int] = []
        for k in 0..<6 { f.append(try intToInt(listItems(l)[k])) }
        // fields are C ints on the board: beyond 32 bits the seconds count cannot be formed
        if f.contains(where: { $0 > Int(Int32.max) || $0 < Int(Int32.min) }) { throw overflowError("overflow converting long int to machine word") }
        var year = f[0]
        var month = f[1] - 1
        year += month >= 0 ? month / 12 : (month - 11) / 12
        month = ((month % 12) + 12) % 12
        let days = daysFromCivil(year, month + 1, 1) + f[2] - 1
        return try newInt(days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5])
    }
}
