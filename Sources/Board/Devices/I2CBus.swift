// An I2C bus with device models attached at 7-bit addresses.
//
// Devices speak at the byte level (START with the R/W bit, one byte written or read at a time,
// STOP), so the controller operations of `machine.I2C` (whole transfers), its primitives
// (`start`/`stop`/`readinto`/`write`) and a bit-banged `SoftI2C` can all be built on the same
// device code. Everything runs on the board thread; the bus holds no lock.

/// A device model on an I2C bus.
public protocol I2CDevice: AnyObject {
    /// 7-bit address the device answers at.
    var address: UInt8 { get }
    /// A START (or repeated START) addressed to this device. Returns true to ACK the address.
    func start(read: Bool) -> Bool
    /// A byte written by the controller. Returns true to ACK it.
    func write(_ byte: UInt8) -> Bool
    /// A byte read by the controller; `ack` is the controller's ACK after it (false on the last byte).
    func read(ack: Bool) -> UInt8
    /// A STOP condition ending a transaction with this device.
    func stop()
}

/// Why a transfer failed. The Python layer maps `addressNACK` to `OSError(ENODEV)` (MicroPython's
/// `machine.I2C`/`SoftI2C` raise errno 19 when nobody acknowledges the address) and `dataNACK` to
/// `OSError(EIO)` (errno 5, what `pyb.I2C` and the stm32 hardware I2C raise for a NACKed data byte).
public enum I2CBusError: Error, Equatable, CustomStringConvertible {
    case addressNACK(UInt8)
    /// A data byte was not acknowledged; `acked` bytes before it were.
    case dataNACK(address: UInt8, acked: Int)

    public var errno: Int32 {
        switch self {
        case .addressNACK: return 19  // ENODEV
        case .dataNACK: return 5      // EIO
        }
    }

    public var description: String {
        switch self {
        case .addressNACK(let a): return "no device acknowledged address 0x\(String(a, radix: 16))"
        case .dataNACK(let a, let n): return "device 0x\(String(a, radix: 16)) did not acknowledge byte \(n)"
        }
    }
}

public enum I2CAttachError: Error, Equatable, CustomStringConvertible {
    case addressInUse(UInt8)
    case badAddress(UInt8)
    public var description: String {
        switch self {
        case .addressInUse(let a): return "I2C address 0x\(String(a, radix: 16)) already has a device"
        case .badAddress(let a): return "I2C address 0x\(String(a, radix: 16)) is not a 7-bit address"
        }
    }
}

public final class I2CBus {
    public let name: String
    private var devices: [UInt8: I2CDevice] = [:]
    /// The device addressed by the last START, until STOP.
    private var current: I2CDevice?
    private var currentIsRead = false
    /// True between a START and a STOP (a transfer that ended with stop=false keeps the bus).
    public private(set) var busy = false

    public init(name: String) { self.name = name }

    // MARK: attaching

    public func attach(_ device: I2CDevice) throws {
        guard device.address < 0x80 else { throw I2CAttachError.badAddress(device.address) }
        guard devices[device.address] == nil else { throw I2CAttachError.addressInUse(device.address) }
        devices[device.address] = device
    }

    public func detach(address: UInt8) {
        if let d = devices.removeValue(forKey: address), d === current { current = nil }
    }

    public func device(at address: UInt8) -> I2CDevice? { devices[address] }

    /// Re-files the device at `from` under `to` (a chip whose address is set by a command);
    /// false when `to` is taken or not a 7-bit address.
    public func move(from: UInt8, to: UInt8) -> Bool {
        guard to < 0x80, devices[to] == nil, let d = devices.removeValue(forKey: from) else { return false }
        devices[to] = d
        return true
    }

    public var attached: [I2CDevice] { devices.keys.sorted().compactMap { devices[$0] } }

    // MARK: byte-level primitives (controller side)

    /// START or repeated START followed by the address byte. Returns whether it was ACKed.
    @discardableResult
    public func start(address: UInt8, read: Bool) -> Bool {
        busy = true
        current = nil
        guard let d = devices[address & 0x7F], d.start(read: read) else { return false }
        current = d
        currentIsRead = read
        return true
    }

    /// A raw START: the next written byte is the address byte (bit 0 = read), as `I2C.start()` then
    /// `I2C.write()` do in MicroPython's primitive API.
    public func rawStart() {
        busy = true
        current = nil
        awaitingAddressByte = true
    }
    private var awaitingAddressByte = false

    /// Writes one byte: to the addressed device, or as the address byte after `rawStart()`.
    public func writeByte(_ byte: UInt8) -> Bool {
        if awaitingAddressByte {
            awaitingAddressByte = false
            return start(address: byte >> 1, read: byte & 1 == 1)
        }
        guard let d = current, !currentIsRead else { return false }
        return d.write(byte)
    }

    /// Reads one byte; with nobody driving SDA the pull-ups read as 0xFF.
    public func readByte(ack: Bool) -> UInt8 {
        awaitingAddressByte = false
        guard let d = current, currentIsRead else { return 0xFF }
        return d.read(ack: ack)
    }

    public func stop() {
        awaitingAddressByte = false
        current?.stop()
        current = nil
        busy = false
    }

    // MARK: controller transfers (what I2C.writeto/readfrom/... do)

    /// Addresses the device with a write and sends `bytes`. A NACKed data byte ends the write early
    /// (the rest is not sent) and the number of ACKed bytes is returned, as `machine.I2C.writeto`
    /// does; with `requireAllACKs` a data NACK throws `.dataNACK` instead.
    @discardableResult
    public func writeTo(_ address: UInt8, _ bytes: [UInt8], stop: Bool = true, requireAllACKs: Bool = false) throws -> Int {
        guard start(address: address, read: false) else {
            self.stop()
            throw I2CBusError.addressNACK(address)
        }
        var acked = 0
        for b in bytes {
            if !writeByte(b) {
                self.stop()
                if requireAllACKs { throw I2CBusError.dataNACK(address: address, acked: acked) }
                return acked
            }
            acked += 1
        }
        if stop { self.stop() }
        return acked
    }

    /// Several buffers in one transaction, as `machine.I2C.writevto`.
    @discardableResult
    public func writeVTo(_ address: UInt8, _ buffers: [[UInt8]], stop: Bool = true, requireAllACKs: Bool = false) throws -> Int {
        try writeTo(address, Array(buffers.joined()), stop: stop, requireAllACKs: requireAllACKs)
    }

    /// Addresses the device with a read and reads `count` bytes, NACKing the last one.
    public func readFrom(_ address: UInt8, _ count: Int, stop: Bool = true) throws -> [UInt8] {
        guard start(address: address, read: true) else {
            self.stop()
            throw I2CBusError.addressNACK(address)
        }
        var out = [UInt8]()
        out.reserveCapacity(max(0, count))
        var i = 0
        while i < count {
            out.append(readByte(ack: i < count - 1))
            i += 1
        }
        if stop { self.stop() }
        return out
    }

    /// Memory-address bytes of `addrsize` bits, most significant first (MicroPython's order).
    public static func memoryAddressBytes(_ memaddr: Int, addrsize: Int) -> [UInt8] {
        let n = max(1, min(4, addrsize / 8))
        return (0..<n).map { UInt8(truncatingIfNeeded: memaddr >> (8 * (n - 1 - $0))) }
    }

    /// `writeto_mem`: address bytes then data, one transaction. Any NACK is an error here, as in
    /// `pyb.I2C.mem_write`.
    public func writeToMem(_ address: UInt8, _ memaddr: Int, _ bytes: [UInt8], addrsize: Int = 8) throws {
        try writeTo(address, Self.memoryAddressBytes(memaddr, addrsize: addrsize) + bytes, stop: true, requireAllACKs: true)
    }

    /// `readfrom_mem`: write the memory address, repeated START, read `count` bytes.
    public func readFromMem(_ address: UInt8, _ memaddr: Int, _ count: Int, addrsize: Int = 8) throws -> [UInt8] {
        try writeTo(address, Self.memoryAddressBytes(memaddr, addrsize: addrsize), stop: false, requireAllACKs: true)
        return try readFrom(address, count, stop: true)
    }

    /// Addresses that acknowledge a write START. `machine.I2C.scan()` probes 0x08...0x77;
    /// `pyb.I2C.scan()` probes 0x01...0x7F.
    public func scan(_ range: ClosedRange<UInt8> = 0x08...0x77) -> [UInt8] {
        var found: [UInt8] = []
        for a in range where a < 0x80 {
            if start(address: a, read: false) { found.append(a) }
            stop()
        }
        return found
    }
}
