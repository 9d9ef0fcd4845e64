import Glibc
import MicroPythonCore

// What every transport shares: received bytes go to a queue, except the keyboard-interrupt byte
// while code runs, which becomes Py.interrupt() at once (as a board's USB/UART receive interrupt
// does: it is never queued, so Ctrl-C stops a busy loop that reads nothing).

open class SerialPort {
    public let input = ByteQueue()
    private let lock = Lock()
    private var intrChar = -1
    /// Called from a reader thread when the interrupt byte arrives (default: `Py.interrupt()`).
    public var onInterrupt: () -> Void = { Py.interrupt() }
    /// Called from a reader thread after bytes were queued (a board wakes its idle loop here).
    public var onReceive: (() -> Void)? = nil

    public init() {}

    /// The byte that raises KeyboardInterrupt (-1: none, e.g. while the REPL waits for a line).
    public var interruptChar: Int {
        get { lock.with { intrChar } }
        set { lock.with { intrChar = newValue } }
    }

    /// Reader threads hand received bytes here.
    public func received(_ bytes: [UInt8]) {
        let ic = interruptChar
        defer { onReceive?() }
        guard ic >= 0, bytes.contains(UInt8(truncatingIfNeeded: ic)) else { input.push(bytes); return }
        var keep: [UInt8] = []
        for b in bytes {
            if Int(b) == ic { input.push(keep); keep = []; onInterrupt() } else { keep.append(b) }
        }
        input.push(keep)
    }

    /// A received byte within `timeout` seconds (nil: wait indefinitely); nil on timeout or close.
    public func readByte(timeout: Double? = nil) -> UInt8? { input.pop(timeout: timeout) }

    /// True once the input has ended and every byte was read.
    public var isClosed: Bool { input.isClosed }

    /// Sends bytes to the peer (transports override; bytes are dropped when no peer is attached).
    open func write(_ bytes: [UInt8]) {}

    open func close() { input.close() }

    /// A line naming where a client attaches (a PTY path, a TCP address), for the user.
    open var endpoint: String { "" }
}
