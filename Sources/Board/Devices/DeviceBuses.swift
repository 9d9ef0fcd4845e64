// The buses of the running board and the hooks the Python classes (machine.I2C, pyb.Accel, ...)
// need from the rest of the board. The board fills this in at start-up from its board data and
// `--attach`; the device models themselves never look here.

public final class DeviceBuses {
    public static let shared = DeviceBuses()

    /// Hardware buses by number (pyboard: I2C 1-2, SPI 1-2; Pico: 0-1).
    public var i2c: [Int: I2CBus] = [:]
    public var spi: [Int: SPIBus] = [:]
    /// Bus names accepted in place of numbers (pyboard: "X" -> 1, "Y" -> 2).
    public var i2cNames: [String: Int] = [:]
    public var spiNames: [String: Int] = [:]

    /// The bus a bit-banged SoftI2C/SoftSPI on these pins reaches (nil: nothing attached there;
    /// the class then talks to an empty bus). Keyed by pin names as the board names them.
    public var softI2CBus: (_ scl: String, _ sda: String) -> I2CBus? = { _, _ in nil }
    public var softSPIBus: (_ sck: String, _ mosi: String, _ miso: String) -> SPIBus? = { _, _, _ in nil }

    /// The board's virtual clock in seconds, and a wait on it (pyb.Accel's 30 ms power-up waits).
    public var clock: DeviceClock = { 0 }
    public var delay: (Double) -> Void = { _ in }

    private var softBuses: [String: I2CBus] = [:]

    /// A private, empty bus for SoftI2C pins that lead nowhere (scan() finds nothing there).
    func softI2C(scl: String, sda: String) -> I2CBus {
        if let b = softI2CBus(scl, sda) { return b }
        let key = scl + "," + sda
        if let b = softBuses[key] { return b }
        let b = I2CBus(name: "soft(\(key))")
        softBuses[key] = b
        return b
    }

    public init() {}
}
