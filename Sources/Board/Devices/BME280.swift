// Bosch BME280 (humidity, pressure, temperature; chip id 0x60) and BMP280 (no humidity; chip id
// 0x58) on I2C at 0x76 or 0x77.
//
// Registers (datasheet 5.3): 0x88-0xA1 and 0xE1-0xE7 trimming, 0xD0 id, 0xE0 reset (0xB6),
// 0xF2 ctrl_hum (osrs_h; takes effect at the next ctrl_meas write), 0xF3 status (bit 3 measuring,
// bit 0 im_update), 0xF4 ctrl_meas (osrs_t 7:5, osrs_p 4:2, mode 1:0: 00 sleep, 01/10 forced,
// 11 normal), 0xF5 config (t_sb 7:5, filter 4:2), 0xF7-0xF9 press, 0xFA-0xFC temp (20-bit, MSB
// first), 0xFD-0xFE hum (16-bit). Reads auto-increment; multi-byte writes are register/value
// pairs. Data registers are shadowed for the whole read transaction (a burst read is coherent).
// A forced measurement takes the datasheet's typical time (1 + 2·osT + 2·osP + 0.5 + 2·osH +
// 0.5 ms), sets `measuring` meanwhile and returns to sleep. The emulated ADC is noise-free and
// keeps 20-bit resolution at every oversampling setting; a skipped measurement reads 0x80000
// (0x8000 for humidity). The IIR filter acts on temperature and pressure as in section 3.4.4.

public final class BME280: RegisterMapDevice, SettableSensor {
    public enum Variant { case bme280, bmp280 }
    public let variant: Variant
    public let calibration: BME280Calibration
    public var chipID: UInt8 { variant == .bme280 ? 0x60 : 0x58 }

    public private(set) var temperature = 22.5
    public private(set) var pressure = 101325.0
    public private(set) var humidity = 45.0

    private let clock: DeviceClock?
    private var ctrlHum: UInt8 = 0
    private var ctrlHumLatched: UInt8 = 0
    private var ctrlMeas: UInt8 = 0
    private var config: UInt8 = 0
    private var resetAt = -Double.infinity

    // Measurement scheduling.
    private var forcedEnd: Double?
    private var normalStart = 0.0
    private var normalDone = 0
    // Latest results (raw ADC words, IIR state in ADC units).
    private var adcT: Int32 = 0x80000, adcP: Int32 = 0x80000, adcH: Int32 = 0x8000
    private var iirT: Double?, iirP: Double?
    /// Data registers 0xF7...0xFE as latched at the current transaction's START.
    private var shadow = [UInt8](repeating: 0, count: 8)

    public init(address: UInt8 = 0x76, variant: Variant = .bme280, calibration: BME280Calibration = .typical, clock: DeviceClock? = nil) {
        self.variant = variant
        self.calibration = calibration
        self.clock = clock
        super.init(address: address)
        shadow = dataRegisters()
    }

    private var now: Double { clock?() ?? 0 }
    private var mode: UInt8 { ctrlMeas & 0x03 }

    private static func oversampling(_ code: UInt8) -> Double {
        switch code & 0x07 {
        case 0: return 0
        case 1: return 1
        case 2: return 2
        case 3: return 4
        case 4: return 8
        default: return 16
        }
    }

    /// Typical measurement time in seconds for the current settings (datasheet 9.1).
    public var measurementTime: Double {
        let osT = Self.oversampling(ctrlMeas >> 5), osP = Self.oversampling(ctrlMeas >> 2)
        let osH = variant == .bme280 ? Self.oversampling(ctrlHumLatched) : 0
        var ms = 1 + 2 * osT
        if osP > 0 { ms += 2 * osP + 0.5 }
        if osH > 0 { ms += 2 * osH + 0.5 }
        return ms / 1000
    }

    private var standbyTime: Double {
        let bme: [Double] = [0.5, 62.5, 125, 250, 500, 1000, 10, 20]
        let bmp: [Double] = [0.5, 62.5, 125, 250, 500, 1000, 2000, 4000]
        return (variant == .bme280 ? bme : bmp)[Int(config >> 5)] / 1000
    }

    // MARK: measuring

    /// Runs the measurements that have completed by now.
    private func advance() {
        let t = now
        switch mode {
        case 0b01, 0b10:
            if let end = forcedEnd, clock == nil || t >= end {
                measure(times: 1)
                forcedEnd = nil
                ctrlMeas &= ~0x03  // back to sleep, as the chip does
            }
        case 0b11:
            let period = measurementTime + standbyTime
            let done: Int
            if clock == nil {
                done = normalDone + 1
            } else {
                let elapsed = t - normalStart - measurementTime
                done = elapsed < 0 ? 0 : Int(min(1e9, (elapsed / period).rounded(.down))) + 1
            }
            if done > normalDone {
                measure(times: done - normalDone)
                normalDone = done
            }
        default:
            break
        }
    }

    private var measuring: Bool {
        switch mode {
        case 0b01, 0b10:
            if let end = forcedEnd { return clock != nil && now < end }
            return false
        case 0b11:
            guard clock != nil else { return false }
            let period = measurementTime + standbyTime
            let phase = (now - normalStart).truncatingRemainder(dividingBy: period)
            return phase < measurementTime
        default:
            return false
        }
    }

    /// One or more conversions of the simulated values (more than one only matters to the filter).
    private func measure(times: Int) {
        let osT = ctrlMeas >> 5, osP = (ctrlMeas >> 2) & 0x07, osH = ctrlHumLatched & 0x07
        let rawT = calibration.rawTemperature(temperature)
        let tFine = calibration.compensateT(rawT).1
        let rawP = calibration.rawPressure(pressure, tFine: tFine)
        let rawH = calibration.rawHumidity(humidity, tFine: tFine)
        let coefficient = [1.0, 2, 4, 8, 16, 16, 16, 16][Int((config >> 2) & 0x07)]
        func filtered(_ state: inout Double?, _ input: Int32) -> Int32 {
            guard coefficient > 1, var s = state else {
                state = Double(input)
                return input
            }
            // x(t) = (x(t-1)·(c-1) + input) / c, once per conversion; 64 steps reach any value.
            for _ in 0..<min(times, 64) { s = (s * (coefficient - 1) + Double(input)) / coefficient }
            state = s
            return Int32(s.rounded())
        }
        adcT = osT == 0 ? 0x80000 : filtered(&iirT, rawT)
        adcP = osP == 0 ? 0x80000 : filtered(&iirP, rawP)
        adcH = (osH == 0 || variant == .bmp280) ? 0x8000 : rawH
    }

    private func dataRegisters() -> [UInt8] {
        let p = UInt32(bitPattern: adcP), t = UInt32(bitPattern: adcT), h = UInt32(bitPattern: adcH)
        var r: [UInt8] = [UInt8((p >> 12) & 0xFF), UInt8((p >> 4) & 0xFF), UInt8((p << 4) & 0xF0),
                          UInt8((t >> 12) & 0xFF), UInt8((t >> 4) & 0xFF), UInt8((t << 4) & 0xF0)]
        if variant == .bme280 { r += [UInt8((h >> 8) & 0xFF), UInt8(h & 0xFF)] } else { r += [0, 0] }
        return r
    }

    private func softReset() {
        ctrlHum = 0; ctrlHumLatched = 0; ctrlMeas = 0; config = 0
        forcedEnd = nil; normalDone = 0
        adcT = 0x80000; adcP = 0x80000; adcH = 0x8000
        iirT = nil; iirP = nil
        resetAt = now
    }

    // MARK: register map

    public override var writesAlternateAddressAndData: Bool { true }

    public override func transactionStarted(read: Bool) {
        advance()
        shadow = dataRegisters()
    }

    public override func readRegister(_ reg: UInt8) -> UInt8 {
        switch reg {
        case 0x88...0xA1: return calibration.block88[Int(reg - 0x88)]
        case 0xD0: return chipID
        case 0xE1...0xE7 where variant == .bme280: return calibration.blockE1[Int(reg - 0xE1)]
        case 0xF2 where variant == .bme280: return ctrlHum
        case 0xF3:
            advance()
            var s: UInt8 = measuring ? 0x08 : 0
            if now - resetAt < 0.002 { s |= 0x01 }  // NVM copy after reset
            return s
        case 0xF4: advance(); return ctrlMeas
        case 0xF5: return config
        case 0xF7...0xFC: return shadow[Int(reg - 0xF7)]
        case 0xFD...0xFE where variant == .bme280: return shadow[Int(reg - 0xF7)]
        default: return 0
        }
    }

    public override func writeRegister(_ reg: UInt8, _ value: UInt8) {
        switch reg {
        case 0xE0:
            if value == 0xB6 { softReset() }
        case 0xF2 where variant == .bme280:
            ctrlHum = value & 0x07
        case 0xF4:
            advance()
            ctrlHumLatched = ctrlHum
            ctrlMeas = value
            switch value & 0x03 {
            case 0b01, 0b10: forcedEnd = now + measurementTime
            case 0b11:
                // New settings change the cycle length: count cycles from here.
                normalStart = now
                normalDone = 0
            default: forcedEnd = nil
            }
        case 0xF5:
            advance()
            config = value & 0xFD  // bit 1 is reserved
            if mode == 0b11 { normalStart = now; normalDone = 0 }
        default:
            break
        }
    }

    // MARK: SettableSensor

    public var settings: [String: ClosedRange<Double>] {
        var s = ["temperature": -40.0...85.0, "pressure": 30000.0...110000.0]
        if variant == .bme280 { s["humidity"] = 0.0...100.0 }
        return s
    }

    public func set(_ name: String, _ value: Double) throws {
        let v = try validated(name, value)
        switch name {
        case "temperature": temperature = v
        case "pressure": pressure = v
        default: humidity = v
        }
    }

    public func get(_ name: String) -> Double? {
        switch name {
        case "temperature": return temperature
        case "pressure": return pressure
        case "humidity": return variant == .bme280 ? humidity : nil
        default: return nil
        }
    }
}
