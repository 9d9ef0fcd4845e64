import MicroPythonCore

// pyb.RTC (also machine.RTC on the stm32 port): the calendar of the 32.768 kHz LSE clock on
// virtual time, starting from the host's clock (or 2000-01-01 in deterministic mode) and kept
// across soft and hard resets (the backup domain). Smooth calibration changes its rate by
// cal / 2**20, as RTC_CALR does; wakeup() is the periodic wake-up timer on EXTI line 22, whose
// callback runs as a hard handler and which also wakes pyb.stop()/machine.lightsleep().

final class RTCModel: Peripheral {
    unowned let board: Board
    /// Wall-clock nanoseconds since 1970 at virtual time `anchorVirtual`.
    private var anchorWall: Int64
    private var anchorVirtual: UInt64 = 0
    private(set) var calibration = 0
    /// Weekday as set minus the weekday of the date (the RTC keeps whatever it was told).
    var weekdayOffset = 0
    var wakeupPeriod: UInt64? = nil
    private var nextWake: UInt64 = 0
    var wakeupCallback = -1

    init(_ b: Board) {
        board = b
        anchorWall = b.rtcBaseNanos
    }

    func wallNanos(at v: UInt64) -> Int64 {
        let dv = Int64(v >= anchorVirtual ? v - anchorVirtual : 0)
        // RTC_CALR: +cal pulses per 2**20 (32 s): the calendar runs faster by cal / 2**20
        let adjust = calibration == 0 ? 0 : Int64((Double(dv) * Double(calibration) / 1_048_576).rounded(.down))
        return anchorWall &+ dv &+ adjust
    }

    func setWall(_ ns: Int64) {
        anchorVirtual = board.scheduler.now()
        anchorWall = ns
    }

    func setCalibration(_ c: Int) {
        let now = board.scheduler.now()
        anchorWall = wallNanos(at: now)
        anchorVirtual = now
        calibration = c
    }

    func startWakeup(periodNanos: UInt64?) {
        wakeupPeriod = periodNanos
        if let p = periodNanos { nextWake = board.scheduler.now() + max(1, p) }
        board.scheduler.planQuantum()
    }

    var nextEventNanos: UInt64? { wakeupPeriod == nil ? nil : nextWake }

    func advance(to now: UInt64) {
        guard let p = wakeupPeriod, nextWake <= now else { return }
        nextWake += ((now - nextWake) / max(1, p) + 1) * max(1, p)
        let b = board
        b.raiseIRQ { [weak self] in
            guard let self = self else { return }
            let ok = b.runHandler(keptOrNone(self.wakeupCallback), (try? Py.int(22)) ?? Py.none, hard: true,
                                  errorHeader: "uncaught exception in ExtInt interrupt handler line 22")
            if !ok { self.wakeupCallback = -1 }
        }
    }

    /// The calendar survives resets (backup domain); Python handles do not.
    func reset(hard: Bool) { wakeupCallback = -1 }

    /// RTC.init(): the backup domain is reset: 2000-01-01 00:00:00, no calibration, no wake-up.
    func reinitialise() {
        setWall(RTCModel.unixNanos(2000, 1, 1, 0, 0, 0))
        calibration = 0
        weekdayOffset = 0
        wakeupPeriod = nil
        if wakeupCallback >= 0 { Py.release(wakeupCallback); wakeupCallback = -1 }
    }

    // MARK: calendar

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    static func unixNanos(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int64 {
        // months outside 1...12 roll into the neighbouring years, as the RTC's BCD can't hold them
        let y2 = y + (mo - 1 >= 0 ? (mo - 1) / 12 : (mo - 12) / 12)
        let m2 = ((mo - 1) % 12 + 12) % 12 + 1
        let days = daysFromCivil(y2, m2, 1) + d - 1
        return (Int64(days) * 86_400 + Int64(h) * 3600 + Int64(mi) * 60 + Int64(s)) * 1_000_000_000
    }

    /// (year, month, day, weekday 1-7 Monday first, hours, minutes, seconds, subseconds 255…0).
    func datetime() -> [Int] {
        let ns = wallNanos(at: board.scheduler.now())
        let secs = ns >= 0 ? ns / 1_000_000_000 : (ns - 999_999_999) / 1_000_000_000
        let frac = ns - secs * 1_000_000_000
        let days = Int(secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400)
        let sod = Int(secs - Int64(days) * 86_400)
        let (y, m, d) = RTCModel.civilFromDays(days)
        // 1970-01-01 was a Thursday (ISO weekday 4)
        let iso = ((days % 7 + 7) % 7 + 3) % 7 + 1
        let wd = ((iso - 1 + weekdayOffset) % 7 + 7) % 7 + 1
        let sub = 255 - Int(frac * 256 / 1_000_000_000)
        return [y, m, d, wd, sod / 3600, sod / 60 % 60, sod % 60, sub]
    }
}

extension Board {
    /// The RTC's wall clock in nanoseconds since 1970 (time.time(), time.localtime()).
    func rtcNanos() -> Int64 { timing.rtc.wallNanos(at: scheduler.now()) }
}

enum ObjRTC {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var object = Py.none
    static var board: Board { Board.current! }
    static var rtc: RTCModel { board.timing.rtc }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("RTC", methods: [
            .method("init", 1) { _ in rtc.reinitialise(); return Py.none },
            .method("info", 1) { _ in
                let cause = board.resetCause == ResetCause.powerOn ? 0x10000 : board.resetCause == ResetCause.hard ? 0x20000 : 0
                return try Py.int(cause)   // low 16 bits: LSE start-up ms (the emulated crystal starts at once)
            },
            .method("datetime", 1, 2) { a in
                if a.count == 1 { return try Py.tuple(try rtc.datetime().map { try Py.int($0) }) }
                try setDatetime(a[1])
                return Py.none
            },
            .method("wakeup", 2, 4) { a in try wakeup(a) },
            .method("calibration", 1, 2) { a in try calibration(a) },
        ], make: { a in
            guard a.count == 0 && a.keywordNames.isEmpty else {
                throw Py.error(.TypeError, "function takes 0 positional arguments but \(a.count) were given")
            }
            return object
        })
        object = Py.newStaticObject(t, words: 0)
        built = t
        return t
    }

    static func setDatetime(_ tuple: Obj) throws {
        let items = try Py.items(tuple)
        guard items.count == 8 else { throw Py.error(.ValueError, "requested length 8 but object has length \(items.count)") }
        let v = try items.map(intArg)
        // the RTC holds two BCD year digits and fields in their ranges
        func clamp(_ x: Int, _ lo: Int, _ hi: Int) -> Int { min(max(x, lo), hi) }
        let year = 2000 + ((v[0] - 2000) % 100 + 100) % 100
        let ns = RTCModel.unixNanos(year, clamp(v[1], 1, 12), clamp(v[2], 1, 31), clamp(v[4], 0, 23),
                                    clamp(v[5], 0, 59), clamp(v[6], 0, 59))
        rtc.setWall(ns)
        let days = Int(ns / 86_400_000_000_000)
        let iso = ((days % 7 + 7) % 7 + 3) % 7 + 1
        rtc.weekdayOffset = v[3] - iso
    }

    /// wakeup(None) | wakeup(ms, callback=None) | wakeup(wucksel, wut, callback)
    static func wakeup(_ a: PyArgs) throws -> Obj {
        var period: UInt64? = nil
        var callback = Py.none
        if a.count <= 3 {
            if !Py.isNone(a[1]) {
                let ms = max(0, try Py.toInt(a[1]))
                var div = 2, wucksel = 3, wut: Int
                while div <= 16 && ms > 2000 * div {
                    div *= 2
                    wucksel -= 1
                }
                if div <= 16 {
                    wut = 32768 / div * ms / 1000
                    if wut > 0 { wut -= 1 }
                    period = mulDiv(UInt64(wut + 1) * UInt64(div), 1_000_000_000, 32768)
                } else {
                    wut = ms / 1000
                    if wut > 0x10000 {
                        wut -= 0x10000
                        if wut > 0x10000 { throw Py.error(.ValueError, "wakeup value too large") }
                        wut += 0x10000
                    }
                    if wut > 0 { wut -= 1 }
                    period = UInt64(wut + 1) * 1_000_000_000
                }
            }
            if a.count == 3 { callback = a[2] }
        } else {
            let wucksel = try Py.toInt(a[1]) & 7
            let wut = UInt64(try Py.toInt(a[2]) & 0xffff)
            callback = a[3]
            if wucksel < 4 {
                period = mulDiv((wut + 1) * UInt64(16 >> wucksel), 1_000_000_000, 32768)
            } else {
                period = (wut + 1 + (wucksel & 2 != 0 ? 0x10000 : 0)) * 1_000_000_000
            }
        }
        try rekeep(&rtc.wakeupCallback, callback)
        rtc.startWakeup(periodNanos: period)
        return Py.none
    }

    static func calibration(_ a: PyArgs) throws -> Obj {
        guard a.count == 2 else { return try Py.int(rtc.calibration) }
        let cal = try Py.toInt(a[1])
        if cal < -511 || cal > 512 {
            // 0xffe / 0xfff: the 512 Hz calibration output on X18 (PC13) off / on
            if cal & 0xfffe == 0x0ffe { return try Py.int(cal & 1) }
            throw Py.error(.ValueError, "calibration value out of range")
        }
        // RTC_CALR holds CALP (+512) and CALM; reading back gives the same value
        rtc.setCalibration(cal)
        return Py.none
    }
}
