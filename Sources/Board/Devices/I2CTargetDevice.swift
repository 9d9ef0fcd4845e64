// The board's own I2C unit in target (slave) mode, seen from the bus as any other device: it
// acknowledges its own address and every byte (the STM32's ACK bit stays set in target mode),
// and reports each bus event to its owner, which runs extmod's machine.I2CTarget state machine
// and the Python IRQ handlers. The data register is the one byte in each direction: what the
// controller wrote last, and what the target will send on the next read clock.

public final class I2CTargetDevice: I2CDevice {
    public let address: UInt8
    /// Address match: true for a read transaction.
    var onAddressMatch: (Bool) -> Void = { _ in }
    /// A byte arrived in the data register (RXNE).
    var onByteReceived: () -> Void = {}
    /// The controller clocks a byte out (TXE): the handler loads the data register.
    var onByteRequested: () -> Void = {}
    /// STOP, or the controller's NACK that ends a read.
    var onEnd: () -> Void = {}

    /// DR as the target's readinto() reads it.
    var received: UInt8 = 0
    /// DR as the target's write() loads it (kept until the next write).
    var toSend: UInt8 = 0

    public init(address: UInt8) { self.address = address }

    public func start(read: Bool) -> Bool {
        onAddressMatch(read)
        return true
    }

    public func write(_ byte: UInt8) -> Bool {
        received = byte
        onByteReceived()
        return true
    }

    public func read(ack: Bool) -> UInt8 {
        onByteRequested()
        return toSend
    }

    public func stop() { onEnd() }
}
