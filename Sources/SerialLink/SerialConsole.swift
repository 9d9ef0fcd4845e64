import Glibc
import MicroPythonCore

// A ReplConsole over any SerialPort. While waiting for a byte it runs `idle` (the board's
// scheduler and peripherals) in slices, and, while code runs (e.g. input()), raises a pending
// Ctrl-C as KeyboardInterrupt and runs scheduled callbacks.

public final class SerialConsole: ReplConsole {
    public let port: SerialPort
    /// false for a terminal that adds "\r" itself (ONLCR on the host's stdout).
    public let cookOutput: Bool
    /// Called while no byte is waiting, with the time (seconds, CLOCK_MONOTONIC) by which it should return.
    public let idle: ((Double) -> Void)?
    private var executing = false

    public init(port: SerialPort, cookOutput: Bool = true, idle: ((Double) -> Void)? = nil) {
        self.port = port
        self.cookOutput = cookOutput
        self.idle = idle
    }

    public func readByte() throws -> UInt8? {
        while true {
            if executing { try Py.poll() }
            // without a board to run meanwhile, other Python threads run while the console waits
            var b: UInt8? = nil
            if idle == nil { Py.allowThreads { b = port.readByte(timeout: 0.05) } } else { b = port.readByte(timeout: 0) }
            if let b = b { return b }
            if port.isClosed { return nil }
            if let idle = idle {
                idle(monotonicSeconds() + 0.01)
            }
        }
    }

    public func write(_ bytes: [UInt8]) { port.write(bytes) }

    public func inputAvailable() -> Bool { port.input.count > 0 || port.isClosed }

    public func writeOutput(_ bytes: [UInt8]) { port.write(cookOutput ? cookNewlines(bytes) : bytes) }

    public func setInterruptChar(_ char: Int) {
        executing = char >= 0
        port.interruptChar = char
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
