// An SPI bus: devices share SCK/MOSI/MISO and each has its own chip-select pin, named as the
// board names pins ("X5", "Y5", "GP17"). Chip selects are active low; the board calls
// `setChipSelect` when a CS pin's level changes. A transfer shifts each byte out to every selected
// device; with nobody selected MISO floats high and reads 0xFF. Several devices selected at once
// drive MISO together (the result is their wired AND, a bus fight the program caused).

public protocol SPIDevice: AnyObject {
    /// CS asserted (true) or released (false). Commands start at assertion and end at release.
    func select(_ on: Bool)
    /// One byte shifted in from MOSI; returns the byte shifted out on MISO.
    func transfer(_ byte: UInt8) -> UInt8
}

public enum SPIAttachError: Error, Equatable, CustomStringConvertible {
    case chipSelectInUse(String)
    public var description: String {
        switch self {
        case .chipSelectInUse(let p): return "SPI chip select \(p) already has a device"
        }
    }
}

public final class SPIBus {
    public let name: String
    private var devices: [String: SPIDevice] = [:]
    private var selected: Set<String> = []

    public init(name: String) { self.name = name }

    public func attach(_ device: SPIDevice, chipSelect pin: String) throws {
        guard devices[pin] == nil else { throw SPIAttachError.chipSelectInUse(pin) }
        devices[pin] = device
    }

    public func detach(chipSelect pin: String) {
        if selected.remove(pin) != nil { devices[pin]?.select(false) }
        devices.removeValue(forKey: pin)
    }

    public func device(chipSelect pin: String) -> SPIDevice? { devices[pin] }

    public var chipSelects: [String] { devices.keys.sorted() }

    /// The CS pin's level changed: low selects its device.
    public func setChipSelect(_ pin: String, level: Bool) {
        guard let d = devices[pin] else { return }
        if !level {
            if selected.insert(pin).inserted { d.select(true) }
        } else if selected.remove(pin) != nil {
            d.select(false)
        }
    }

    public func isSelected(_ pin: String) -> Bool { selected.contains(pin) }

    /// Full-duplex transfer to whatever is selected now.
    public func transfer(_ bytes: [UInt8]) -> [UInt8] {
        let targets = selected.sorted().compactMap { devices[$0] }
        return bytes.map { b in
            var miso: UInt8 = 0xFF
            for d in targets { miso &= d.transfer(b) }
            return miso
        }
    }

    /// Selects `cs`, transfers, releases: one complete command to one device.
    public func transfer(cs pin: String, bytes: [UInt8]) -> [UInt8] {
        setChipSelect(pin, level: false)
        let out = transfer(bytes)
        setChipSelect(pin, level: true)
        return out
    }
}
