// The buses of the running board and the hooks the Python classes (machine.I2C, pyb.Accel, ...)
// need from the rest of the board. The board fills this in at start-up from its board data and
// `--attach`; the device models themselves never look here. The defaults describe a bare
// pyboard with nothing wired, so the bindings also run without a board (unit tests).

public final class DeviceBuses {
    public static let shared = DeviceBuses()

    /// Hardware buses by number (pyboard: I2C 1-2, SPI 1-2; Pico: 0-1).
    public var i2c: [Int: I2CBus] = [:]
    public var spi: [Int: SPIBus] = [:]
    /// Bus names accepted in place of numbers (pyboard: "X" -> 1, "Y" -> 2).
    public var i2cNames: [String: Int] = [:]
    public var spiNames: [String: Int] = [:]
    /// The pins of each hardware bus as the board's CPU names them (repr, and SoftI2C/SoftSPI on
    /// the same wires reaching the same devices).
    public var i2cPins: [Int: (scl: String, sda: String)] = [:]
    public var spiPins: [Int: (sck: String, miso: String, mosi: String)] = [:]

    /// The bus a bit-banged SoftI2C/SoftSPI on these pins reaches (nil: nothing attached there;
    /// the class then talks to an empty bus). Keyed by pin names as the resolver returns them.
    public var softI2CBus: (_ scl: String, _ sda: String) -> I2CBus? = { _, _ in nil }
    public var softSPIBus: (_ sck: String, _ mosi: String, _ miso: String) -> SPIBus? = { _, _, _ in nil }

    /// The board's virtual clock in seconds.
    public var clock: DeviceClock = { 0 }
    /// An idle wait on that clock (pyb.Accel's 30 ms power-up waits): interrupts keep running.
    public var delay: (Double) throws -> Void = { _ in }
    /// The CPU is busy for this many seconds (a polled bus transfer at the bus's clock rate).
    public var busy: (Double) -> Void = { _ in }
    /// Clock feeding a bus unit in Hz (STM32: I2C and SPI2 on APB1, SPI1 on APB2).
    public var unitClockHz: (_ kind: BusKind, _ id: Int) -> Int = DeviceBuses.defaultUnitClockHz
    static func defaultUnitClockHz(_ kind: BusKind, _ id: Int) -> Int {
        kind == .spi && id == 1 ? 84_000_000 : 42_000_000
    }
    /// Drives a pin as a push-pull output (pyb.Accel powers the MMA7660 through one); nil: no
    /// pins to drive, the power switch acts on the chip directly.
    public var drivePin: ((_ pin: String, _ level: Bool) -> Void)?
    /// Sets a pin's output latch without touching its mode (mp_hal_pin_high/low: drivers that
    /// configured their pins once, such as pyb.LCD, toggle them this way).
    public var writePin: ((_ pin: String, _ level: Bool) -> Void)?
    /// The pin that powers the onboard accelerometer (pyboard: B5, MMA_AVDD).
    public var accelPowerPin: String?

    private var softBuses: [String: I2CBus] = [:]
    private var softSPIBuses: [String: SPIBus] = [:]

    /// A private, empty bus for SoftI2C pins that lead nowhere (scan() finds nothing there).
    func softI2C(scl: String, sda: String) -> I2CBus {
        if let b = softI2CBus(scl, sda) { return b }
        let key = scl + "," + sda
        if let b = softBuses[key] { return b }
        let b = I2CBus(name: "soft(\(key))")
        softBuses[key] = b
        return b
    }

    func softSPI(sck: String, mosi: String, miso: String) -> SPIBus {
        if let b = softSPIBus(sck, mosi, miso) { return b }
        let key = sck + "," + mosi + "," + miso
        if let b = softSPIBuses[key] { return b }
        let b = SPIBus(name: "soft(\(key))")
        softSPIBuses[key] = b
        return b
    }

    /// Forgets everything wired (a new board, or a test setting up its own buses).
    public func clear() {
        i2c = [:]; spi = [:]; i2cNames = [:]; spiNames = [:]; i2cPins = [:]; spiPins = [:]
        softI2CBus = { _, _ in nil }
        softSPIBus = { _, _, _ in nil }
        clock = { 0 }
        delay = { _ in }
        busy = { _ in }
        // a board's closures must not outlive it (tests make many boards and bus setups)
        unitClockHz = DeviceBuses.defaultUnitClockHz
        drivePin = nil
        writePin = nil
        accelPowerPin = nil
        softBuses = [:]
        softSPIBuses = [:]
    }

    public init() {}
}
