// The STM32F4's I2C and SPI units as the Python classes share them. pyb.I2C, machine.I2C and
// pyb.Accel drive the same I2C1 registers; pyb.SPI and machine.SPI share one HAL handle per SPI
// unit. So configuration lives here, per unit, not in the Python objects: a machine.I2C(1,
// freq=100000) changes what pyb.I2C(1) prints, as on the board. Arithmetic follows the C code
// (32-bit unsigned, a division by zero gives 0 as the Cortex-M4's UDIV does), so odd arguments
// give the board's odd results instead of host traps.

func udiv(_ a: UInt32, _ b: UInt32) -> UInt32 { b == 0 ? 0 : a / b }

/// One I2C unit: the clock registers (CR2.FREQ, CCR) and the HAL handle pyb.I2C keeps.
struct I2CUnit {
    /// PE and a programmed clock: machine.I2C transfers can run.
    var enabled = false
    var freqMHz: UInt32 = 0
    var ccr: UInt32 = 0
    /// HAL handle: READY after HAL_I2C_Init, RESET after DeInit (pyb.I2C refuses transfers).
    var halReady = false
    /// Init.OwnAddress1: 0xFE marks controller mode; the zeroed handle after reset is neither.
    var ownAddress1: UInt32 = 0
    var generalCall = false
    var dma = false
    /// machine.I2C's timeout (i2c_init's timeout_ms).
    var timeoutMs = 50

    static let controllerAddress: UInt32 = 0xFE
    var isController: Bool { ownAddress1 == Self.controllerAddress }

    /// HAL_I2C_Init's clock programming (STM32CubeF4 I2C_SPEED macro, duty cycle 16/9): the
    /// period rounds up so SCL never runs faster than asked; 400 kHz at 42 MHz is 336 kHz.
    mutating func program(speed: UInt32, pclk1: UInt32) {
        freqMHz = pclk1 / 1_000_000
        func ccrCalc(_ coeff: UInt32) -> UInt32 { (udiv(pclk1 &- 1, speed &* coeff) &+ 1) & 0xFFF }
        if speed <= 100_000 {
            let c = ccrCalc(2)
            ccr = c < 4 ? 4 : c
        } else {
            let fast = ccrCalc(25) | 0x4000
            ccr = fast & 0xFFF == 0 ? 1 : fast | 0x8000
        }
        enabled = true
    }

    /// The SCL rate the registers give (pyb_i2c_get_baudrate / machine_hard_i2c_print).
    var baudrate: Int {
        let c = ccr & 0xFFF
        return Int(ccr & 0x8000 != 0 ? udiv(freqMHz &* 40_000, c) : udiv(freqMHz &* 500_000, c))
    }

    /// Seconds a transfer of `bits` SCL clocks takes.
    func seconds(bits: Int) -> Double {
        let hz = baudrate
        return hz > 0 ? Double(bits) / Double(hz) : 0
    }
}

/// One SPI unit's HAL handle (Init fields and State).
struct SPIUnit {
    var ready = false
    /// Init.Mode: SPI_MODE_MASTER (0x104) or 0 (slave); the zeroed handle is a slave.
    var mode = 0
    /// log2 of the baud rate prescaler (1 = /2 ... 8 = /256).
    var prescalerLog = 1
    var polarity = 0
    var phase = 0
    var bits = 8
    var firstBit = 0
    var ti = false
    var crc: Int? = nil

    static let masterMode = 0x104
    static let lsbFirst = 0x80
    var isController: Bool { mode == Self.masterMode }

    /// spi_set_params: a prescaler (when given) or the smallest one giving at most `baudrate`;
    /// -1 leaves a value unchanged.
    mutating func setParams(prescaler: UInt32 = 0xFFFF_FFFF, baudrate: Int, polarity: Int, phase: Int, bits: Int,
                            firstBit: Int, sourceHz: Int) {
        if prescaler != 0xFFFF_FFFF || baudrate != -1 {
            var p = prescaler
            if p == 0xFFFF_FFFF {
                let b = UInt32(truncatingIfNeeded: baudrate)
                p = udiv(UInt32(truncatingIfNeeded: sourceHz) &+ b &- 1, b)
            }
            var log = 1
            while log < 8 && p > UInt32(1) << log { log += 1 }
            prescalerLog = log
        }
        if polarity != -1 { self.polarity = polarity == 0 ? 0 : 1 }
        if phase != -1 { self.phase = phase == 0 ? 0 : 1 }
        if bits != -1 { self.bits = bits == 16 ? 16 : 8 }
        if firstBit != -1 { self.firstBit = firstBit }
    }

    func baudrate(sourceHz: Int) -> Int { sourceHz >> prescalerLog }

    /// spi_print: "SPI(1, SPI.CONTROLLER, baudrate=..., prescaler=..., polarity=0, phase=0, bits=8)"
    /// for pyb.SPI (legacy), without the mode and prescaler for machine.SPI.
    func repr(id: Int, legacy: Bool, sourceHz: Int) -> String {
        var s = "SPI(\(id)"
        if ready {
            if isController {
                if legacy { s += ", SPI.CONTROLLER" }
                s += ", baudrate=\(baudrate(sourceHz: sourceHz))"
                if legacy { s += ", prescaler=\(1 << prescalerLog)" }
            } else {
                s += ", SPI.PERIPHERAL"
            }
            s += ", polarity=\(polarity), phase=\(phase), bits=\(bits)"
            if let c = crc { s += ", crc=0x\(String(UInt32(truncatingIfNeeded: c), radix: 16))" }
        }
        return s + ")"
    }
}

enum HardwareUnits {
    nonisolated(unsafe) static var i2c: [Int: I2CUnit] = [:]
    nonisolated(unsafe) static var spi: [Int: SPIUnit] = [:]

    /// Soft reset: the firmware de-initialises the buses, so every unit starts over.
    static func reset() {
        i2c = [:]
        spi = [:]
    }

    static func pclk(_ kind: BusKind, _ id: Int) -> Int { DeviceBuses.shared.unitClockHz(kind, id) }

    /// i2c_init as machine.I2C and pyb.Accel call it: controller registers at `freq`.
    static func initI2CRegisters(_ id: Int, freq: Int, timeoutMs: Int) {
        var u = i2c[id] ?? I2CUnit()
        let f = UInt32(truncatingIfNeeded: min(freq, 400_000))
        u.program(speed: f, pclk1: UInt32(truncatingIfNeeded: pclk(.i2c, id)))
        u.timeoutMs = timeoutMs
        i2c[id] = u
    }
}
