import Board
import Glibc
import SerialLink

// The board's wiring options: --uart N:pty|tcp:PORT|loopback|uart:M attaches a UART to a host
// serial link, to itself or to another UART; --analog PIN:VOLTS[@MS] applies a voltage to a pin
// (at a virtual time), which pyb.ADC / machine.ADC then read.

/// A SerialLink transport as the host end of a board UART.
final class SerialUARTLink: UARTHostLink {
    let port: SerialPort
    init(_ p: SerialPort, board: Board) {
        port = p
        p.interruptChar = -1              // a UART carries data, not the REPL's Ctrl-C
        p.onReceive = { [unowned board] in board.wake() }
    }
    func send(_ bytes: [UInt8]) { port.write(bytes) }
    func takeInput() -> [UInt8] {
        var out: [UInt8] = []
        while let b = port.readByte(timeout: 0) { out.append(b) }
        return out
    }
    var hasInput: Bool { port.input.count > 0 }
}

struct PeripheralOptions {
    var uarts: [(Int, String)] = []
    var analog: [(String, Double, Double)] = []
    var i2cLinks: [(Int, Int)] = []

    /// --i2c-link N:M: the SCL and SDA lines of I2C buses N and M wired together.
    mutating func parseI2CLink(_ v: String) {
        let parts = v.split(separator: ":").map { Int($0) }
        guard parts.count == 2, let a = parts[0], let b = parts[1], a != b else { boardUsageError("--i2c-link needs N:M (two I2C bus numbers)") }
        i2cLinks.append((a, b))
    }

    mutating func parseUART(_ v: String) {
        let parts = v.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = Int(parts[0]) else { boardUsageError("--uart needs N:pty, N:tcp:PORT, N:loopback or N:uart:M") }
        let spec = parts[1]
        guard spec == "pty" || spec == "loopback" || (spec.hasPrefix("tcp:") && UInt16(spec.dropFirst(4)) != nil)
              || (spec.hasPrefix("uart:") && Int(spec.dropFirst(5)) != nil) else {
            boardUsageError("--uart needs N:pty, N:tcp:PORT, N:loopback or N:uart:M")
        }
        uarts.append((id, spec))
    }

    mutating func parseAnalog(_ v: String) {
        let at = v.split(separator: "@", maxSplits: 1).map(String.init)
        let parts = at[0].split(separator: ":").map(String.init)
        guard parts.count == 2, let volts = Double(parts[1]), volts.isFinite,
              let ms = at.count == 2 ? Double(at[1]) : 0, ms >= 0 else {
            boardUsageError("--analog needs PIN:VOLTS[@MS]")
        }
        analog.append((parts[0], volts, ms))
    }

    /// Wires the board before it runs; transports stay open for the process's life.
    func apply(to board: Board) {
        for (id, spec) in uarts {
            let c: UARTConnection
            do {
                switch spec {
                case "loopback": c = .loopback
                case "pty":
                    let p = try PtyTransport()
                    c = .host(SerialUARTLink(p, board: board))
                    writeErr("microboard: UART(\(id)) on \(p.endpoint)\n")
                default:
                    if spec.hasPrefix("uart:"), let other = Int(spec.dropFirst(5)) {
                        c = .uart(other)
                    } else {
                        let p = try TcpTransport(port: UInt16(spec.dropFirst(4))!)
                        c = .host(SerialUARTLink(p, board: board))
                        writeErr("microboard: UART(\(id)) on \(p.endpoint)\n")
                    }
                }
                try board.connectUART(id, c)
            } catch {
                boardUsageError("--uart \(id):\(spec): \(error)")
            }
        }
        for (a, b) in i2cLinks {
            do { try board.linkI2C(a, b) } catch { boardUsageError("--i2c-link \(a):\(b): \(error)") }
        }
        for (pin, volts, ms) in analog {
            guard board.definition.pins.contains(where: { $0.cpu == pin || $0.board.contains(pin) }) else {
                boardUsageError("--analog: no pin '\(pin)' on this board")
            }
            board.schedule(.analog(pin, volts: volts), atMillis: ms)
        }
    }
}
