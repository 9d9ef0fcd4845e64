// Strips telnet protocol bytes from a TCP byte stream, so a telnet client can talk to the REPL:
// IAC WILL/WONT/DO/DONT <option>, IAC SB ... IAC SE, and other two-byte IAC commands are
// dropped; IAC IAC is a literal 0xFF; the NUL a telnet client sends after CR is dropped.

struct TelnetFilter {
    private enum State { case data, iac, option, sub, subIac }
    private var state = State.data
    private var lastCR = false

    mutating func reset() { state = .data; lastCR = false }

    mutating func filter(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            switch state {
            case .data:
                if b == 255 { state = .iac; continue }
                if b == 0 && lastCR { lastCR = false; continue }
                lastCR = b == 13
                out.append(b)
            case .iac:
                switch b {
                case 251...254: state = .option
                case 250: state = .sub
                case 255: out.append(255); state = .data
                default: state = .data
                }
            case .option:
                state = .data
            case .sub:
                if b == 255 { state = .subIac }
            case .subIac:
                state = b == 240 ? .data : .sub
            }
        }
        return out
    }
}
