// The common shape of I2C register-map chips: the first byte written after a START sets the
// register pointer, further bytes are written at the pointer, reads return the register at the
// pointer, and the pointer moves on after every byte. Subclasses decide what a register holds
// and where the pointer goes next.

open class RegisterMapDevice: I2CDevice {
    public let address: UInt8
    /// The register pointer.
    public var pointer: UInt8 = 0
    /// True while the next written byte is a register address (right after a write START).
    private var expectingPointer = false
    /// Registers written in this transaction (chips that act on STOP look at it).
    public private(set) var writtenInTransaction = 0

    public init(address: UInt8) { self.address = address }

    // MARK: what subclasses provide

    /// Whether the device answers its address now (a powered-off or busy chip does not).
    open var acknowledgesAddress: Bool { true }
    open func readRegister(_ reg: UInt8) -> UInt8 { 0 }
    open func writeRegister(_ reg: UInt8, _ value: UInt8) {}
    /// Chips whose multi-byte writes are (register, value) pairs, as Bosch sensors, say true:
    /// every data byte is followed by a register address instead of moving the pointer on.
    open var writesAlternateAddressAndData: Bool { false }
    /// The register after `reg` (default: +1, wrapping at 0xFF).
    open func nextRegister(after reg: UInt8) -> UInt8 { reg &+ 1 }
    /// Called at START (before any byte) so a chip can latch its outputs for a burst read.
    open func transactionStarted(read: Bool) {}
    open func transactionStopped() {}

    // MARK: I2CDevice

    public func start(read: Bool) -> Bool {
        guard acknowledgesAddress else { return false }
        expectingPointer = !read
        writtenInTransaction = 0
        transactionStarted(read: read)
        return true
    }

    public func write(_ byte: UInt8) -> Bool {
        if expectingPointer {
            pointer = byte
            expectingPointer = false
            return true
        }
        writeRegister(pointer, byte)
        writtenInTransaction += 1
        if writesAlternateAddressAndData {
            expectingPointer = true
        } else {
            pointer = nextRegister(after: pointer)
        }
        return true
    }

    public func read(ack: Bool) -> UInt8 {
        let v = readRegister(pointer)
        pointer = nextRegister(after: pointer)
        return v
    }

    public func stop() {
        expectingPointer = false
        transactionStopped()
    }
}
