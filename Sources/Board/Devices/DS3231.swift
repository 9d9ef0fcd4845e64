// Maxim DS3231 real-time clock with temperature sensor, at 0x68.
//
// Registers (datasheet figure 1): 0x00 seconds, 0x01 minutes, 0x02 hours (bit 6 = 12-hour mode,
// then bit 5 = PM), 0x03 day of week 1-7, 0x04 date, 0x05 month (bit 7 = century), 0x06 year, all
// BCD; 0x07-0x0A alarm 1 and 0x0B-0x0D alarm 2 (bit 7 of each = mask bit, bit 6 of the day/date
// register = day-of-week match); 0x0E control (EOSC, BBSQW, CONV, RS2, RS1, INTCN, A2IE, A1IE;
// 0x1C at power-on); 0x0F status (OSF, EN32kHz, BSY, A2F, A1F; 0x88 at power-on); 0x10 aging;
// 0x11-0x12 temperature (°C, 0.25 steps). The pointer wraps from 0x12 to 0x00. Time registers
// are copied to a buffer at every START, so a burst read is coherent.
// Time runs from the board clock: the RTC reads clock() + offset, and writing a time register
// moves the offset (writing seconds also restarts the second, as the datasheet's countdown chain).

public final class DS3231: RegisterMapDevice, SettableSensor {
    public private(set) var temperature = 25.0
    private let clock: DeviceClock
    /// RTC seconds since 2000-01-01 00:00:00 (century bit 0) = clock() + offset.
    private var offset: Double
    /// Day-of-week register = (days since 2000-01-01 + dowShift) mod 7 + 1 (2000-01-01 was a
    /// Saturday; the chip's day register is user-defined, so only its stepping is fixed).
    private var dowShift = 5
    private var twelveHour = false
    private var alarms = [UInt8](repeating: 0, count: 7)  // 0x07...0x0D
    private var control: UInt8 = 0x1C
    private var status: UInt8 = 0x88
    private var aging: UInt8 = 0
    private var alarmCheckedUpTo: Int
    private var conversionEnd = -Double.infinity
    /// Registers 0x00...0x06 latched at START.
    private var timeBuffer = [UInt8](repeating: 0, count: 7)

    /// `start` is the RTC time (seconds since 2000-01-01) at clock() == 0.
    public init(address: UInt8 = 0x68, clock: @escaping DeviceClock, start: Double = 0) {
        self.clock = clock
        offset = start
        alarmCheckedUpTo = 0
        super.init(address: address)
        alarmCheckedUpTo = wholeSeconds
        timeBuffer = timeRegisters()
    }

    public var seconds: Double { clock() + offset }

    // MARK: calendar (proleptic Gregorian, years 2000...2199)

    private static func bcd(_ v: Int) -> UInt8 { UInt8(((v / 10) % 10) << 4 | (v % 10)) }
    private static func fromBCD(_ b: UInt8) -> Int { Int(b >> 4) * 10 + Int(b & 0x0F) }

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static let epoch2000 = daysFromCivil(2000, 1, 1)
    /// 200 years: the chip's year register plus century bit.
    private static let span = Double(daysFromCivil(2200, 1, 1) - daysFromCivil(2000, 1, 1)) * 86400

    public struct Fields: Equatable {
        public var year, month, day, hour, minute, second, weekday: Int
    }

    public func fields(at s: Int) -> Fields {
        let days = Int((Double(s) / 86400).rounded(.down))
        let sod = s - days * 86400
        let (y, m, d) = Self.civilFromDays(Self.epoch2000 + days)
        let wd = ((days + dowShift) % 7 + 7) % 7 + 1
        return Fields(year: y, month: m, day: d, hour: sod / 3600, minute: sod / 60 % 60, second: sod % 60, weekday: wd)
    }

    private var wholeSeconds: Int {
        guard seconds.isFinite else { return 0 }
        var s = seconds.truncatingRemainder(dividingBy: Self.span)
        if s < 0 { s += Self.span }
        return Int(s.rounded(.down))
    }

    public var now: Fields { fields(at: wholeSeconds) }

    /// Sets the RTC to a calendar time (out-of-range fields carry, as a host convenience).
    public func setTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let y = max(2000, min(2199, year))
        let total = Double((Self.daysFromCivil(y, 1, 1) - Self.epoch2000) * 86400)
            + Double(Self.daysFromCivil(y, max(1, min(12, month)), 1) - Self.daysFromCivil(y, 1, 1)) * 86400
            + Double(day - 1) * 86400 + Double(hour * 3600 + minute * 60 + second)
        offset = total - clock()
        alarmCheckedUpTo = wholeSeconds
    }

    private func timeRegisters() -> [UInt8] {
        let f = now
        var hourReg: UInt8
        if twelveHour {
            let h12 = f.hour % 12 == 0 ? 12 : f.hour % 12
            hourReg = 0x40 | (f.hour >= 12 ? 0x20 : 0) | Self.bcd(h12)
        } else {
            hourReg = Self.bcd(f.hour)
        }
        return [Self.bcd(f.second), Self.bcd(f.minute), hourReg, UInt8(f.weekday), Self.bcd(f.day),
                (f.year >= 2100 ? 0x80 : 0) | Self.bcd(f.month), Self.bcd(f.year % 100)]
    }

    /// Applies a write to one time register by re-encoding the calendar with that field replaced.
    private func writeTime(_ reg: UInt8, _ value: UInt8) {
        var f = now
        var fraction = seconds - seconds.rounded(.down)
        switch reg {
        case 0: f.second = min(59, Self.fromBCD(value & 0x7F)); fraction = 0
        case 1: f.minute = min(59, Self.fromBCD(value & 0x7F))
        case 2:
            if value & 0x40 != 0 {
                twelveHour = true
                let h = max(1, min(12, Self.fromBCD(value & 0x1F)))
                f.hour = (h % 12) + (value & 0x20 != 0 ? 12 : 0)
            } else {
                twelveHour = false
                f.hour = min(23, Self.fromBCD(value & 0x3F))
            }
        case 3:
            let days = Self.daysFromCivil(f.year, f.month, f.day) - Self.epoch2000
            let wanted = max(1, min(7, Int(value & 0x07))) - 1
            dowShift = ((wanted - days) % 7 + 7) % 7
            return
        case 4: f.day = max(1, min(31, Self.fromBCD(value & 0x3F)))
        case 5:
            f.month = max(1, min(12, Self.fromBCD(value & 0x1F)))
            f.year = 2000 + (value & 0x80 != 0 ? 100 : 0) + f.year % 100
        case 6: f.year = (f.year >= 2100 ? 2100 : 2000) + min(99, Self.fromBCD(value))
        default: return
        }
        let weekdayBefore = now.weekday
        // A date the month does not have (Feb 30) rolls into the next month, as "illogical" dates
        // are undefined on the chip; the emulator keeps counting instead of stopping.
        setTime(year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second)
        offset += fraction
        // Keep the day-of-week register where the user put it.
        let days = Int((Double(wholeSeconds) / 86400).rounded(.down))
        dowShift = (((weekdayBefore - 1) - days) % 7 + 7) % 7
    }

    // MARK: alarms

    /// Whether alarm `n` (1 or 2) matches at RTC second `s`.
    private func alarmMatches(_ n: Int, at s: Int) -> Bool {
        let f = fields(at: s)
        let regs = n == 1 ? Array(alarms[0...3]) : [0x00] + Array(alarms[4...6])
        let masks = regs.map { $0 & 0x80 != 0 }
        // Alarm 2 has no seconds register: it fires at second 00.
        if n == 2 && f.second != 0 { return false }
        if n == 1 && masks[0] && masks[1] && masks[2] && masks[3] { return true }  // every second
        if !masks[0] && f.second != Self.fromBCD(regs[0] & 0x7F) { return false }
        if masks[0] && n == 1 && !(masks[1] && masks[2] && masks[3]) { return false }  // invalid mask combination
        if masks[1] { return masks[2] && masks[3] }
        if f.minute != Self.fromBCD(regs[1] & 0x7F) { return false }
        if masks[2] { return masks[3] }
        let hr = regs[2]
        let alarmHour: Int
        if hr & 0x40 != 0 {
            let h = Self.fromBCD(hr & 0x1F) % 12
            alarmHour = h + (hr & 0x20 != 0 ? 12 : 0)
        } else {
            alarmHour = Self.fromBCD(hr & 0x3F)
        }
        if f.hour != alarmHour { return false }
        if masks[3] { return true }
        let dd = regs[3]
        return dd & 0x40 != 0 ? f.weekday == Int(dd & 0x0F) : f.day == Self.fromBCD(dd & 0x3F)
    }

    /// Sets A1F/A2F for every second that passed since the last check (at most 32 days back:
    /// every alarm pattern recurs within that).
    private func updateAlarmFlags() {
        let nowS = wholeSeconds
        if nowS < alarmCheckedUpTo { alarmCheckedUpTo = nowS; return }  // time set backwards
        let from = max(alarmCheckedUpTo + 1, nowS - 32 * 86400)
        if from <= nowS {
            for n in 1...2 where status & UInt8(n) == 0 {
                if n == 1 && alarms[0] & 0x80 != 0 {
                    // Alarm 1 with A1M1 set fires every second (other masks permitting).
                    if alarmMatches(1, at: nowS) { status |= 1 }
                    continue
                }
                // Otherwise the alarm can only fire at one second of the minute: visit those.
                let want = n == 1 ? Self.fromBCD(alarms[0] & 0x7F) : 0
                guard want < 60 else { continue }
                var s = from + ((want - fields(at: from).second) % 60 + 60) % 60
                while s <= nowS {
                    if alarmMatches(n, at: s) { status |= UInt8(n); break }
                    s += 60
                }
            }
        }
        alarmCheckedUpTo = nowS
    }

    // MARK: register map

    public override func nextRegister(after reg: UInt8) -> UInt8 { reg >= 0x12 ? 0 : reg + 1 }

    public override func transactionStarted(read: Bool) {
        timeBuffer = timeRegisters()
    }

    public override func readRegister(_ reg: UInt8) -> UInt8 {
        switch reg {
        case 0...6: return timeBuffer[Int(reg)]
        case 7...0x0D: return alarms[Int(reg) - 7]
        case 0x0E:
            if clock() >= conversionEnd { control &= ~0x20 }
            return control
        case 0x0F:
            updateAlarmFlags()
            return status | (clock() < conversionEnd ? 0x04 : 0)
        case 0x10: return aging
        case 0x11, 0x12:
            let q = Int((max(-128, min(127.75, temperature)) * 4).rounded(.down))
            return reg == 0x11 ? UInt8(truncatingIfNeeded: q >> 2) : UInt8((q & 3) << 6)
        default: return 0
        }
    }

    public override func writeRegister(_ reg: UInt8, _ value: UInt8) {
        switch reg {
        case 0...6: writeTime(reg, value)
        case 7...0x0D: alarms[Int(reg) - 7] = value
        case 0x0E:
            // CONV starts a temperature conversion (about 200 ms) unless one is running.
            if value & 0x20 != 0 && clock() >= conversionEnd { conversionEnd = clock() + 0.2 }
            control = (value & ~0x20) | (clock() < conversionEnd ? 0x20 : 0)
        case 0x0F:
            updateAlarmFlags()
            // OSF and the alarm flags can only be cleared; EN32kHz is read/write.
            status = (status & value & 0x83) | (value & 0x08)
        case 0x10: aging = value
        default: break  // temperature registers are read-only
        }
    }

    /// Level of the INT/SQW pin when INTCN is set: low (asserted) while an enabled alarm flag is set.
    public var interruptAsserted: Bool {
        updateAlarmFlags()
        return control & 0x04 != 0 && (status & control & 0x03) != 0
    }

    // MARK: SettableSensor

    public var settings: [String: ClosedRange<Double>] { ["temperature": -40.0...85.0] }

    public func set(_ name: String, _ value: Double) throws {
        temperature = try validated(name, value)
    }

    public func get(_ name: String) -> Double? { name == "temperature" ? temperature : nil }
}
