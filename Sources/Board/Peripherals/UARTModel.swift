import MicroPythonCore

// A USART on virtual time. Characters take their frame time (start + data + parity + stop bits at
// the baud rate the BRR register really gives) on the wire: a write blocks while its bytes pass
// through the data register as on the stm32 (uart_tx_data), and every character reaches the
// other end (this UART in loopback, another UART wired to it, or a host link: PTY/TCP) when its
// stop bit ends. The receiver keeps the stm32 driver's ring buffer of `rxbuf` characters plus the
// data register: when both are full, further characters are lost (overrun), as on hardware.

/// Where a UART's TX/RX lines lead.
public enum UARTConnection {
    case none
    /// TX wired to its own RX.
    case loopback
    /// TX/RX crossed with another UART of the board.
    case uart(Int)
    /// A host serial link (PTY, TCP).
    case host(UARTHostLink)
}

/// A host end of a UART (the front end adapts a SerialLink transport to it).
public protocol UARTHostLink: AnyObject {
    /// Characters the board sent, at their virtual time.
    func send(_ bytes: [UInt8])
    /// Characters the host sent so far (non-blocking; empty when none).
    func takeInput() -> [UInt8]
    /// True when input is waiting (any thread may ask).
    var hasInput: Bool { get }
}

/// UART IRQ flags (stm32 UART_FLAG_*).
enum UARTFlag {
    static let rxIdle = 0x10, rx = 0x20
    static let allowed = rxIdle | rx
}

final class UARTModel: Peripheral {
    unowned let board: Board
    let id: Int
    let apb2: Bool
    var connection = UARTConnection.none

    // configuration
    var enabled = false
    var baud = 9600            // what BRR gives
    var dataBits = 8           // as given by the user (without parity)
    var parity: Int? = nil     // nil, 0 even, 1 odd
    var stop = 1
    var flow = 0
    var timeout = 0
    var timeoutChar = 0
    var rxbuf = 64
    var charWidth: Int { dataBits + (parity == nil ? 0 : 1) == 9 ? 2 : 1 }

    // Python side (kept handles)
    var object = -1
    var irqObject = -1
    var irqHandler = -1
    var irqTrigger = 0
    var irqHard = false
    var irqFlags = 0
    /// pyb.repl_uart: the REPL is repeated on this UART.
    var attachedToRepl = false

    // wire state
    private(set) var txLineFree: UInt64 = 0
    private var arrivals: [(value: UInt16, at: UInt64)] = []
    private var hostOut: [(value: UInt8, at: UInt64)] = []
    private var hostLineFree: UInt64 = 0
    private var ring: [UInt16] = []
    private var dataRegister: UInt16? = nil
    private var idleAt: UInt64? = nil
    private(set) var overruns = 0

    init(_ b: Board, id: Int, apb2: Bool) {
        board = b
        self.id = id
        self.apb2 = apb2
    }

    /// Bits per character on the wire.
    var frameBits: Int { 1 + dataBits + (parity == nil ? 0 : 1) + stop }

    var charNanos: UInt64 { mulDiv(UInt64(frameBits), 1_000_000_000, UInt64(max(1, baud)), roundUp: true) }

    func sourceClock() -> Int {
        let c = board.timing.busClocks()
        return apb2 ? c.apb2 : c.apb1
    }

    /// The baud rate the 16-bit BRR gives for `requested` (HAL's UART_BRR_SAMPLING16 rounding).
    func actualBaud(for requested: Int) -> Int {
        guard requested > 0 else { return 0 }
        let pclk = sourceClock()
        let div = pclk * 25 / (4 * requested)
        let mant = div / 100
        let frac = ((div - mant * 100) * 16 + 50) / 100
        let brr = ((mant << 4) + frac) & 0xffff
        return brr == 0 ? 0 : pclk / brr
    }

    // MARK: receive side

    /// Characters ready to read (uart_rx_any: the ring, else the data register).
    func available() -> Int {
        if !ring.isEmpty { return ring.count }
        return dataRegister == nil ? 0 : 1
    }

    func takeChar() -> UInt16? {
        var v: UInt16? = nil
        if !ring.isEmpty { v = ring.removeFirst() } else if let d = dataRegister { v = d; dataRegister = nil }
        // reading re-enables RXNE: the waiting data register moves into the ring
        if let d = dataRegister, ring.count < rxbuf {
            ring.append(d)
            dataRegister = nil
        }
        return v
    }

    /// A character whose stop bit ends at virtual time `at` (from the wire).
    func incoming(_ v: UInt16, at t: UInt64) {
        guard enabled else { return }
        if let last = arrivals.last, last.at > t {
            arrivals.append((v, t))
            arrivals.sort { $0.at < $1.at }
        } else {
            arrivals.append((v, t))
        }
        board.scheduler.planQuantum()
    }

    private func store(_ v: UInt16) {
        // the REPL's UART: the interrupt character stops running code instead of being stored
        if attachedToRepl && Py.interruptChar >= 0 && Int(v) == Py.interruptChar {
            Py.interrupt()
            return
        }
        if ring.count < rxbuf {
            ring.append(v)
        } else if dataRegister == nil {
            dataRegister = v
        } else {
            overruns += 1          // ORE: the character is lost
        }
    }

    // MARK: transmit side

    /// Queues characters on TX; returns the virtual time at which the last one has entered the
    /// shift register's holding register (when uart_tx_data returns).
    func transmit(_ chars: [UInt16]) -> UInt64 {
        let now = board.scheduler.now()
        guard enabled, !chars.isEmpty else { return now }
        let c = charNanos
        let start = max(now, txLineFree)
        for (i, v) in chars.enumerated() { deliver(v, at: start + UInt64(i + 1) * c) }
        txLineFree = start + UInt64(chars.count) * c
        board.scheduler.planQuantum()
        let n = UInt64(chars.count)
        return n >= 2 ? max(now, start + (n - 2) * c) : max(now, start > c ? start - c : now)
    }

    /// A break: a zero character with a framing error at the receiver, after pending output.
    func sendBreak() {
        let now = board.scheduler.now()
        guard enabled else { return }
        let start = max(now, txLineFree)
        let breakNanos = mulDiv(UInt64(frameBits + 3), 1_000_000_000, UInt64(max(1, baud)), roundUp: true)
        txLineFree = start + breakNanos
        deliver(0, at: txLineFree, isBreak: true)
    }

    private func deliver(_ v: UInt16, at t: UInt64, isBreak: Bool = false) {
        switch connection {
        case .none: break
        case .loopback: incoming(v, at: t)
        case .uart(let other):
            guard let peer = board.timing.uarts[other], peer.enabled else { break }
            // mismatched settings: the peer sees framing errors and keeps nothing
            if isBreak || (peer.baud == baud && peer.frameBits == frameBits && peer.parity == parity) {
                peer.incoming(v, at: t)
            }
        case .host:
            if !isBreak { hostOut.append((UInt8(truncatingIfNeeded: v), t)) }
        }
    }

    var txDone: Bool { board.scheduler.now() >= txLineFree }

    // MARK: Peripheral

    var nextEventNanos: UInt64? {
        var best: UInt64? = arrivals.first?.at
        if let h = hostOut.first { best = min(best ?? h.at, h.at) }
        if let i = idleAt, irqTrigger & UARTFlag.rxIdle != 0 { best = min(best ?? i, i) }
        if case .host(let link) = connection, enabled, link.hasInput {
            let now = board.clock.nanos
            best = min(best ?? now, now)
        }
        return best
    }

    func advance(to now: UInt64) {
        if case .host(let link) = connection {
            let out = hostOut.prefix { $0.at <= now }
            if !out.isEmpty {
                link.send(out.map(\.value))
                hostOut.removeFirst(out.count)
            }
            let input = link.takeInput()
            if enabled && !input.isEmpty {
                let c = charNanos
                var t = max(now, hostLineFree)
                for b in input {
                    t += c
                    arrivals.append((UInt16(b), t))
                }
                hostLineFree = t
            }
        }
        var received = 0
        while let a = arrivals.first, a.at <= now {
            arrivals.removeFirst()
            store(a.value)
            received += 1
            idleAt = a.at + charNanos
        }
        if received > 0 && irqTrigger & UARTFlag.rx != 0 { raise(UARTFlag.rx) }
        if let i = idleAt, i <= now, arrivals.first.map({ $0.at > i }) ?? true {
            idleAt = nil
            if irqTrigger & UARTFlag.rxIdle != 0 { raise(UARTFlag.rxIdle) }
        }
    }

    private func raise(_ flag: Int) {
        let b = board
        b.raiseIRQ { [weak self] in
            guard let self = self, self.irqHandler >= 0 else { return }
            self.irqFlags = flag
            if !b.runHandler(Py.kept(self.irqHandler), keptOrNone(self.object), hard: self.irqHard,
                             errorHeader: "Uncaught exception in IRQ callback handler") {
                self.irqHandler = -1
            }
        }
    }

    /// Soft reset deinitialises every UART (the REPL has none on this board); power-on also
    /// empties the wires. The connection is the board's wiring and survives both.
    func reset(hard: Bool) {
        if attachedToRepl { attachToRepl(false) }
        enabled = false
        object = -1
        irqObject = -1
        irqHandler = -1
        irqTrigger = 0
        irqFlags = 0
        arrivals = []
        hostOut = []
        ring = []
        dataRegister = nil
        idleAt = nil
        if hard { txLineFree = 0; hostLineFree = 0 }
    }

    /// init(): the peripheral restarts with empty buffers.
    func configure() {
        enabled = true
        ring = []
        dataRegister = nil
        arrivals = []
        idleAt = nil
        overruns = 0
    }

    func disable() {
        enabled = false
        arrivals = []
        idleAt = nil
    }
}

extension Board {
    /// Wires UART `id` (before or while the board runs; the interpreter thread owns the model,
    /// so front ends call this before `run`).
    public func connectUART(_ id: Int, _ c: UARTConnection) throws {
        guard let u = timing.uarts[id] else { throw BoardError.badDefinition(definition.id, "UART(\(id)) doesn't exist") }
        if case .uart(let other) = c {
            guard let peer = timing.uarts[other], other != id else {
                throw BoardError.badDefinition(definition.id, "UART(\(other)) can't be wired to UART(\(id))")
            }
            peer.connection = .uart(id)
        }
        u.connection = c
    }
}
