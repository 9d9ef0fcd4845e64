import Foundation

// Microchip 24LC256: 32 KiB serial EEPROM at 0x50-0x57 (A2..A0).
//
// Datasheet behaviour: a write sends two address bytes (the top bit is don't-care) then data;
// data bytes fill a 64-byte page buffer, and the low six address bits wrap inside the page, so a
// write longer than a page overwrites its own start. STOP after at least one data byte starts
// the internal write cycle (5 ms), during which the chip NACKs its address (so code polls for the
// ACK). Reads continue from the internal address counter and roll over from 0x7FFF to 0x0000.
// With WP high the chip acknowledges but does not write.

public final class EEPROM24LC256: I2CDevice {
    public let address: UInt8
    public let capacity: Int
    public let pageSize: Int
    public static let writeCycleTime = 0.005
    public private(set) var memory: [UInt8]
    /// The WP pin.
    public var writeProtected = false

    private let clock: DeviceClock
    private var busyUntil = -Double.infinity
    private var counter = 0
    private enum Phase { case idle, addressHigh, addressLow, data, reading }
    private var phase = Phase.idle
    private var pendingHigh = 0
    /// Bytes latched into the page buffer this transaction (offset in page -> value).
    private var pageBuffer: [Int: UInt8] = [:]
    private var pageBase = 0

    public init(address: UInt8 = 0x50, capacity: Int = 32768, pageSize: Int = 64, clock: @escaping DeviceClock, contents: [UInt8]? = nil) {
        self.address = address
        self.capacity = max(1, capacity)
        self.pageSize = max(1, pageSize)
        self.clock = clock
        var m = contents ?? []
        if m.count < self.capacity { m += [UInt8](repeating: 0xFF, count: self.capacity - m.count) }
        memory = Array(m.prefix(self.capacity))
    }

    /// True during an internal write cycle.
    public var busy: Bool { clock() < busyUntil }

    public func start(read: Bool) -> Bool {
        if busy { return false }
        // A START in the middle of a write abandons the page buffer, as the chip does without STOP.
        pageBuffer = [:]
        phase = read ? .reading : .addressHigh
        return true
    }

    public func write(_ byte: UInt8) -> Bool {
        switch phase {
        case .addressHigh:
            pendingHigh = Int(byte)
            phase = .addressLow
        case .addressLow:
            counter = ((pendingHigh << 8) | Int(byte)) % capacity
            pageBase = counter - counter % pageSize
            phase = .data
        case .data:
            pageBuffer[counter - pageBase] = byte
            counter = min(capacity - 1, pageBase + (counter - pageBase + 1) % pageSize)
        case .idle, .reading:
            return false
        }
        return true
    }

    public func read(ack: Bool) -> UInt8 {
        guard phase == .reading else { return 0xFF }
        let v = memory[counter]
        counter = (counter + 1) % capacity
        return v
    }

    public func stop() {
        if phase == .data && !pageBuffer.isEmpty {
            // With WP high no write cycle starts, so an ACK poll succeeds at once.
            if !writeProtected {
                for (offset, v) in pageBuffer where pageBase + offset < capacity { memory[pageBase + offset] = v }
                busyUntil = clock() + Self.writeCycleTime
            }
        }
        pageBuffer = [:]
        phase = .idle
    }

    // MARK: host access (image files, tests)

    public func load(_ bytes: [UInt8], at offset: Int = 0) {
        guard offset >= 0, offset < capacity else { return }
        for (i, b) in bytes.prefix(capacity - offset).enumerated() { memory[offset + i] = b }
    }

    public func save(to url: URL) throws { try Data(memory).write(to: url) }

    public static func contents(of url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}
