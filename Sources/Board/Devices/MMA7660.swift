// Freescale MMA7660FC 3-axis ±1.5 g accelerometer, the pyboard's onboard one (I2C1, 0x4C).
//
// Registers (datasheet): 0x00-0x02 XOUT/YOUT/ZOUT (6-bit two's complement in bits 5:0, Alert in
// bit 6), 0x03 TILT (Shake 7, Alert 6, Tap 5, PoLa 4:2, BaFro 1:0), 0x04 SRST, 0x05 SPCNT,
// 0x06 INTSU, 0x07 MODE (bit 0 active, bit 2 TON test mode), 0x08 SR (AMSR 2:0 = 120/64/32/16/
// 8/4/2/1 samples/s), 0x09 PDET, 0x0A PD. The pointer wraps from 0x0A to 0x00. Registers other
// than MODE can only be written in standby; XOUT..ZOUT are writable in test mode.
// Scale: 21.33 counts per g (32 counts = 1.5 g).

public final class MMA7660: RegisterMapDevice, SettableSensor {
    public static let countsPerG = 32.0 / 1.5
    private static let lastRegister: UInt8 = 0x0A
    private static let samplesPerSecond: [Double] = [120, 64, 32, 16, 8, 4, 2, 1]

    /// Acceleration being simulated, in g.
    public private(set) var x = 0.0, y = 0.0, z = 1.0
    /// AVDD: the pyboard powers the chip from pin PB5 (`MMA_AVDD`); off means no ACK and a
    /// register reset when power returns.
    public var powered = true {
        didSet { if powered && !oldValue { resetRegisters() } }
    }
    private var regs = [UInt8](repeating: 0, count: 11)
    /// Sampled outputs (what XOUT..ZOUT show); they change only when the chip samples.
    private var sampled: (UInt8, UInt8, UInt8) = (0, 0, 0)
    private var activatedAt = 0.0
    private var pendingAlerts = 0
    private var tapLatched = false
    private let clock: DeviceClock?

    public init(address: UInt8 = 0x4C, clock: DeviceClock? = nil) {
        self.clock = clock
        super.init(address: address)
    }

    private func resetRegisters() {
        regs = [UInt8](repeating: 0, count: 11)
        sampled = (0, 0, 0)
        pointer = 0
        tapLatched = false
    }

    public var active: Bool { regs[7] & 0x01 != 0 }
    private var testMode: Bool { regs[7] & 0x04 != 0 && !active }

    // MARK: values

    /// Raw 6-bit count for an acceleration in g, saturated to -32...31.
    public static func counts(_ g: Double) -> Int {
        guard g.isFinite else { return 0 }
        return max(-32, min(31, Int((g * countsPerG).rounded())))
    }

    /// Sets the acceleration directly in raw counts (-32...31).
    public func setRaw(x: Int, y: Int, z: Int) {
        self.x = Double(max(-32, min(31, x))) / Self.countsPerG
        self.y = Double(max(-32, min(31, y))) / Self.countsPerG
        self.z = Double(max(-32, min(31, z))) / Self.countsPerG
    }

    /// The next `count` reads of XOUT..TILT carry the Alert bit (as when a read races an update),
    /// so code's retry loops can be tested.
    public func injectAlerts(_ count: Int) { pendingAlerts = max(0, count) }

    /// A tap event: latched in TILT bit 5 until TILT is read.
    public func tap() { tapLatched = true }

    /// Samples the simulated acceleration if the chip is active and has had time for a sample.
    private func sampleIfDue() {
        guard active else { return }
        if let clock {
            let rate = Self.samplesPerSecond[Int(regs[8] & 0x07)]
            if clock() - activatedAt < 1.0 / rate { return }
        }
        sampled = (UInt8(Self.counts(x) & 0x3F), UInt8(Self.counts(y) & 0x3F), UInt8(Self.counts(z) & 0x3F))
    }

    private static func signed6(_ v: UInt8) -> Int { Int(Int8(bitPattern: v << 2) >> 2) }

    /// The TILT register computed from the sampled outputs: BaFro from Z, PoLa from the larger of
    /// X and Y once the board is tilted by more than about 15 degrees, Shake above 1.3 g.
    private func tiltRegister() -> UInt8 {
        let sx = Self.signed6(sampled.0), sy = Self.signed6(sampled.1), sz = Self.signed6(sampled.2)
        var t: UInt8 = 0
        if sz > 5 { t |= 0x01 } else if sz < -5 { t |= 0x02 }
        if max(abs(sx), abs(sy)) >= 6 {
            if abs(sx) >= abs(sy) {
                t |= (sx > 0 ? 0b001 : 0b010) << 2
            } else {
                t |= (sy < 0 ? 0b101 : 0b110) << 2
            }
        }
        if tapLatched { t |= 0x20 }
        let shakeLimit = Int((1.3 * Self.countsPerG).rounded())
        let intsu = regs[6]
        if (intsu & 0x80 != 0 && abs(sx) > shakeLimit) || (intsu & 0x40 != 0 && abs(sy) > shakeLimit)
            || (intsu & 0x20 != 0 && abs(sz) > shakeLimit) {
            t |= 0x80
        }
        return t
    }

    // MARK: register map

    public override var acknowledgesAddress: Bool { powered }

    public override func nextRegister(after reg: UInt8) -> UInt8 {
        reg >= Self.lastRegister ? 0 : reg + 1
    }

    public override func readRegister(_ reg: UInt8) -> UInt8 {
        var alert: UInt8 = 0
        if reg <= 3 && pendingAlerts > 0 {
            pendingAlerts -= 1
            alert = 0x40
        }
        switch reg {
        case 0: sampleIfDue(); return sampled.0 | alert
        case 1: sampleIfDue(); return sampled.1 | alert
        case 2: sampleIfDue(); return sampled.2 | alert
        case 3:
            sampleIfDue()
            let t = tiltRegister() | alert
            tapLatched = false
            return t
        case 4: return active ? 0x01 : 0x00
        case 5...Self.lastRegister: return regs[Int(reg)]
        default: return 0
        }
    }

    public override func writeRegister(_ reg: UInt8, _ value: UInt8) {
        switch reg {
        case 7:
            let wasActive = active
            regs[7] = value
            if active && !wasActive { activatedAt = clock?() ?? 0 }
        case 0...2 where testMode:
            let v = value & 0x3F
            if reg == 0 { sampled.0 = v } else if reg == 1 { sampled.1 = v } else { sampled.2 = v }
        case 5...10 where !active:  // MODE (7) is handled above
            regs[Int(reg)] = value
        default:
            break  // read-only, or written while active: the chip ignores it
        }
    }

    // MARK: SettableSensor

    public var settings: [String: ClosedRange<Double>] { ["x": -1.5...1.5, "y": -1.5...1.5, "z": -1.5...1.5] }

    public func set(_ name: String, _ value: Double) throws {
        let v = try validated(name, value)
        switch name {
        case "x": x = v
        case "y": y = v
        default: z = v
        }
    }

    public func get(_ name: String) -> Double? {
        switch name {
        case "x": return x
        case "y": return y
        case "z": return z
        default: return nil
        }
    }
}
