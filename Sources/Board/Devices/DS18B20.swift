// DS18B20 1-Wire thermometer (Maxim datasheet 19-7487): slot timing, ROM commands and the
// scratchpad.
//
// Line: a controller low of at least 480 µs is a reset; 30 µs after its release the device
// answers with a 120 µs presence pulse. Every later falling edge starts a time slot. Write
// slots: the controller's low lasting under 15 µs is a 1, longer a 0. Read slots: to send a 0 the
// device holds the line low for 30 µs from the falling edge; a 1 leaves it alone.
// ROM layer: READ ROM 33h, MATCH ROM 55h, SKIP ROM CCh, SEARCH ROM F0h (and ALARM SEARCH ECh,
// answered when the temperature is outside TL..TH). Functions: CONVERT T 44h (93.75-750 ms by
// resolution; read slots give 0 until done), WRITE SCRATCHPAD 4Eh (TH, TL, config), READ
// SCRATCHPAD BEh (9 bytes with CRC), COPY SCRATCHPAD 48h, RECALL E2 B8h, READ POWER SUPPLY B4h.
// The temperature register holds 85 °C (0x0550) from power-on until the first conversion.

public final class DS18B20: WireDevice, SettableSensor {
    public let rom: [UInt8]
    public private(set) var temperature: Double = 21.0
    private var scratch: [UInt8] = [0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0]
    private var eeprom: [UInt8] = [0x4B, 0x46, 0x7F]
    private var pull = PullSchedule()
    private var fellAt: UInt64?
    private var convertingUntil: UInt64?
    private var now: UInt64 = 0

    enum State { case idle, romCommand, matchRom, search, function, writeScratch, sending, busy }
    private var state = State.idle
    private var selected = false
    private var bitsIn: [Bool] = []
    private var bitsOut: [Bool] = []
    // SEARCH ROM: bit index and phase (0: send bit, 1: send complement, 2: read the choice)
    private var searchBit = 0, searchPhase = 0
    /// The slot in progress is one the device answered (its end is no write bit).
    private var readSlot = false

    static let us: UInt64 = 1000

    public init(serial: UInt64) {
        var r: [UInt8] = [0x28]
        for k in 0..<6 { r.append(UInt8(truncatingIfNeeded: serial >> UInt64(8 * k))) }
        r.append(DS18B20.crc8(r))
        rom = r
        scratch[8] = DS18B20.crc8(Array(scratch[0..<8]))
    }

    /// Dallas/Maxim CRC-8 (x^8 + x^5 + x^4 + 1, LSB first).
    public static func crc8(_ data: [UInt8]) -> UInt8 {
        var crc: UInt8 = 0
        for var b in data {
            for _ in 0..<8 {
                let mix = (crc ^ b) & 1
                crc >>= 1
                if mix != 0 { crc ^= 0x8C }
                b >>= 1
            }
        }
        return crc
    }

    // MARK: SettableSensor

    public var settings: [String: ClosedRange<Double>] { ["temperature": -55...125] }
    public func set(_ name: String, _ value: Double) throws { temperature = try validated(name, value) }
    public func get(_ name: String) -> Double? { name == "temperature" ? temperature : nil }

    // MARK: WireDevice

    public var pullingLow: Bool { pull.low }
    public var nextChangeNanos: UInt64? {
        [pull.next, convertingUntil].compactMap { $0 }.min()
    }

    public func advance(to nanos: UInt64) {
        now = nanos
        _ = pull.advance(to: nanos)
        if let c = convertingUntil, nanos >= c { finishConversion() }
    }

    public func lineChanged(_ high: Bool, at nanos: UInt64) {
        now = nanos
        // edges of our own presence pulse or of a 0 being sent
        if pull.low || pull.next != nil { return }
        if !high {
            fellAt = nanos
            readSlot = slotStarted(at: nanos)
            return
        }
        guard let f = fellAt else { return }
        fellAt = nil
        let low = nanos - f
        if low >= 480 * Self.us {
            reset(at: nanos)
        } else if !readSlot && expectsWrite {
            received(low < 15 * Self.us)
        }
    }

    private var expectsWrite: Bool {
        switch state {
        case .romCommand, .matchRom, .function, .writeScratch: return true
        case .search: return searchPhase == 2
        default: return false
        }
    }

    private func reset(at t: UInt64) {
        state = .romCommand
        selected = false
        bitsIn = []
        bitsOut = []
        pull.plan([(t + 30 * Self.us, true), (t + 150 * Self.us, false)])
    }

    /// A falling edge: in a read slot the device answers now (true: it was a read slot).
    private func slotStarted(at t: UInt64) -> Bool {
        var bit: Bool?
        switch state {
        case .sending:
            if bitsOut.isEmpty { state = .idle; return false }
            bit = bitsOut.removeFirst()
        case .busy:
            bit = convertingUntil == nil
        case .search where searchPhase < 2:
            let b = searchBitValue()
            bit = searchPhase == 0 ? b : !b
            searchPhase += 1
        default:
            return false
        }
        if bit == false { pull.plan([(t, true), (t + 30 * Self.us, false)]); _ = pull.advance(to: t) }
        return true
    }

    private func searchBitValue() -> Bool { rom[searchBit / 8] >> UInt8(searchBit % 8) & 1 == 1 }

    private func received(_ bit: Bool) {
        if state == .search {
            // the controller's chosen direction: devices whose bit differs drop out
            if bit != searchBitValue() { state = .idle; return }
            searchBit += 1
            searchPhase = 0
            if searchBit == 64 { selected = true; state = .function }
            return
        }
        bitsIn.append(bit)
        switch state {
        case .matchRom:
            guard bitsIn.count == 64 else { return }
            let match = (0..<64).allSatisfy { bitsIn[$0] == (rom[$0 / 8] >> UInt8($0 % 8) & 1 == 1) }
            bitsIn = []
            selected = match
            state = match ? .function : .idle
        case .writeScratch:
            guard bitsIn.count == 24 else { return }
            let b = byte(0), c = byte(1), d = byte(2)
            scratch[2] = b; scratch[3] = c; scratch[4] = (d & 0x60) | 0x1F
            scratch[8] = Self.crc8(Array(scratch[0..<8]))
            bitsIn = []
            state = .idle
        default:
            guard bitsIn.count == 8 else { return }
            let cmd = byte(0)
            bitsIn = []
            if state == .romCommand { romCommand(cmd) } else { function(cmd) }
        }
    }

    private func byte(_ k: Int) -> UInt8 {
        var v: UInt8 = 0
        for i in 0..<8 where bitsIn[8 * k + i] { v |= 1 << UInt8(i) }
        return v
    }

    private func send(_ bytes: [UInt8]) {
        bitsOut = bytes.flatMap { b in (0..<8).map { b >> UInt8($0) & 1 == 1 } }
        state = .sending
    }

    private func romCommand(_ cmd: UInt8) {
        switch cmd {
        case 0x33: send(rom); selected = true   // READ ROM (one device on the bus)
        case 0x55: state = .matchRom
        case 0xCC: selected = true; state = .function
        case 0xF0, 0xEC:
            if cmd == 0xEC && !alarm { state = .idle; return }
            searchBit = 0; searchPhase = 0; state = .search
        default: state = .idle
        }
    }

    private var alarm: Bool {
        let whole = Int(Int16(bitPattern: UInt16(scratch[1]) << 8 | UInt16(scratch[0])) >> 4)
        return whole >= Int(Int8(bitPattern: scratch[2])) || whole <= Int(Int8(bitPattern: scratch[3]))
    }

    private var resolutionBits: Int { 9 + Int(scratch[4] >> 5 & 3) }

    private func function(_ cmd: UInt8) {
        switch cmd {
        case 0x44:
            let ms = [93_750, 187_500, 375_000, 750_000][resolutionBits - 9]
            convertingUntil = now + UInt64(ms) * Self.us
            state = .busy
        case 0xBE: send(scratch)
        case 0x4E: state = .writeScratch
        case 0x48: eeprom = Array(scratch[2...4]); state = .idle
        case 0xB8:
            scratch[2] = eeprom[0]; scratch[3] = eeprom[1]; scratch[4] = eeprom[2]
            scratch[8] = Self.crc8(Array(scratch[0..<8]))
            state = .idle
        case 0xB4: bitsOut = [true]; state = .sending   // externally powered
        default: state = .idle
        }
    }

    private func finishConversion() {
        convertingUntil = nil
        let undefined = 12 - resolutionBits   // low bits left 0 at lower resolutions
        var raw = Int((temperature * 16).rounded())
        raw = (raw >> undefined) << undefined
        let v = UInt16(bitPattern: Int16(raw))
        scratch[0] = UInt8(v & 0xFF)
        scratch[1] = UInt8(v >> 8)
        scratch[8] = Self.crc8(Array(scratch[0..<8]))
    }
}
