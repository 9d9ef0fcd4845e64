import Glibc

// The host terminal (or whatever stdin/stdout are) as a serial port. When stdin is a terminal it
// is put in raw mode for the REPL and restored on close, at exit and on crash signals.

public final class StdioTransport: SerialPort {
    public let inFd: Int32, outFd: Int32
    public private(set) var rawMode = false

    public init(inFd: Int32 = 0, outFd: Int32 = 1, raw: Bool = true) {
        self.inFd = inFd
        self.outFd = outFd
        super.init()
        if raw && isatty(inFd) != 0 { rawMode = TerminalMode.enterRaw(inFd) }
        let fd = inFd
        startThread { [weak self] in
            var buf = [UInt8](repeating: 0, count: 512)
            while true {
                let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, 512) }
                if n < 0 && errno == EINTR { continue }
                guard let self = self else { return }
                if n <= 0 { self.input.close(); return }
                self.received(Array(buf[0..<n]))
            }
        }
    }

    public override func write(_ bytes: [UInt8]) { writeAll(outFd, bytes) }

    public override func close() {
        if rawMode { TerminalMode.restore(); rawMode = false }
        super.close()
    }

    public override var endpoint: String { "stdio" }
}

/// Writes every byte to a blocking descriptor (retrying partial writes and EINTR).
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { p in
        var off = 0
        while off < p.count {
            let r = Glibc.write(fd, p.baseAddress! + off, p.count - off)
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { return }
            off += r
        }
    }
}
