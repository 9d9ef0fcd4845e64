import Foundation

// A Winbond W25Q-series serial NOR flash (W25Q32JV by default: 4 MiB, JEDEC id EF 40 16).
//
// Instructions (datasheet section 8): 06 write enable, 04 write disable, 05/35 read status 1/2
// (repeated while CS stays low), 01 write status (1 or 2 bytes), 03 read, 0B fast read (one dummy
// byte), 02 page program (256-byte page, the address wraps inside the page), 20 sector erase 4 KiB,
// 52 block erase 32 KiB, D8 block erase 64 KiB, C7/60 chip erase, 9F JEDEC id, 90 manufacturer/
// device id, AB release power-down (returns the device id), B9 power-down, 4B unique id, 66/99
// reset. Program/erase/write-status need WEL, execute when CS goes high, clear WEL at the end and
// keep BUSY set for the datasheet's typical time; while BUSY only the status reads are accepted.
// The block-protect bits (BP2-0, TB, SEC with CMP = 0) protect a top or bottom range; program
// and erase into it, and chip erase with any protection, are ignored.

public final class SPIFlash: SPIDevice {
    public let capacity: Int
    public let jedecID: [UInt8]
    public private(set) var memory: [UInt8]
    private let clock: DeviceClock

    public static let pageSize = 256
    // Typical times (W25Q32JV): page program 0.4 ms, sector 45 ms, 32 KiB 120 ms, 64 KiB 150 ms,
    // chip 10 s, write status 10 ms.
    public static let pageProgramTime = 0.0004, sectorEraseTime = 0.045, block32EraseTime = 0.12
    public static let block64EraseTime = 0.15, chipEraseTime = 10.0, writeStatusTime = 0.01

    private var status1: UInt8 = 0  // SRP0 SEC TB BP2 BP1 BP0 WEL BUSY
    private var status2: UInt8 = 0  // bit 1 QE, bit 6 CMP (stored, not interpreted)
    private var busyUntil = -Double.infinity
    private var poweredDown = false
    private var resetEnabled = false
    public let uniqueID: [UInt8]

    // The command in progress while CS is low.
    private var selected = false
    private var opcode: UInt8?
    private var index = 0        // bytes after the opcode
    private var addr = 0
    private var programData: [(Int, UInt8)] = []
    private var statusWrite: [UInt8] = []

    public init(capacity: Int = 4 << 20, jedecID: [UInt8] = [0xEF, 0x40, 0x16], clock: @escaping DeviceClock, contents: [UInt8]? = nil) {
        // Addresses wrap with a mask, so the array is a power of two.
        var size = 4096
        while size < capacity && size < 1 << 30 { size <<= 1 }
        self.capacity = size
        self.jedecID = jedecID
        self.clock = clock
        var m = contents ?? []
        if m.count < self.capacity { m += [UInt8](repeating: 0xFF, count: self.capacity - m.count) }
        memory = Array(m.prefix(self.capacity))
        uniqueID = (0..<8).map { UInt8(truncatingIfNeeded: 0xD1 &+ $0 &* 37) }
    }

    public var busy: Bool { clock() < busyUntil }
    public var writeEnabled: Bool { status1 & 0x02 != 0 }
    private var addressMask: Int { capacity - 1 }

    private func statusRegister1() -> UInt8 {
        var s = status1 & ~0x01
        if busy { s |= 0x01 } else if busyUntil > -Double.infinity {
            // The operation just finished: WEL drops with BUSY.
            status1 &= ~0x02
            s &= ~0x02
            busyUntil = -Double.infinity
        }
        return s
    }

    // MARK: protection

    /// Byte range protected by the status bits (CMP = 0 table), or nil.
    public var protectedRange: Range<Int>? {
        let bp = Int((status1 >> 2) & 0x07)
        guard bp != 0 else { return nil }
        if bp == 7 { return 0..<capacity }
        let top = status1 & 0x20 == 0
        let size: Int
        if status1 & 0x40 != 0 {
            size = min(32 * 1024, 4096 << (bp - 1))  // SEC: 4, 8, 16, 32, 32 KiB
        } else {
            size = min(capacity, (capacity / 64) << (bp - 1))  // 1/64 ... 1/2 of the array
        }
        return top ? (capacity - size)..<capacity : 0..<size
    }

    private func isProtected(_ range: Range<Int>) -> Bool {
        guard let p = protectedRange else { return false }
        return range.overlaps(p)
    }

    // MARK: SPIDevice

    public func select(_ on: Bool) {
        if on {
            selected = true
            opcode = nil
            index = 0
            programData = []
            statusWrite = []
        } else {
            if selected, let op = opcode { finish(op) }
            selected = false
            opcode = nil
        }
    }

    public func transfer(_ byte: UInt8) -> UInt8 {
        guard selected else { return 0xFF }
        guard let op = opcode else {
            begin(byte)
            return 0xFF
        }
        defer { index += 1 }
        switch op {
        case 0x05: return statusRegister1()
        case 0x35: return status2
        case 0x9F: return index < jedecID.count ? jedecID[index] : 0xFF
        case 0x90:
            // Three address bytes, then manufacturer and device id (alternating).
            if index < 3 { return 0xFF }
            let pair = [jedecID[0], jedecID.count > 2 ? jedecID[2] &- 1 : 0]
            return pair[(index - 3) % 2]
        case 0xAB:
            if index < 3 { return 0xFF }
            return jedecID.count > 2 ? jedecID[2] &- 1 : 0xFF
        case 0x4B:
            if index < 4 { return 0xFF }
            return index - 4 < uniqueID.count ? uniqueID[index - 4] : 0xFF
        case 0x03, 0x0B:
            if index < 3 {
                addr = (addr << 8 | Int(byte)) & addressMask
                return 0xFF
            }
            if op == 0x0B && index == 3 { return 0xFF }  // dummy byte
            let v = memory[addr]
            addr = (addr + 1) & addressMask  // reads run on through the whole array
            return v
        case 0x02:
            if index < 3 {
                addr = (addr << 8 | Int(byte)) & addressMask
            } else {
                programData.append((addr, byte))
                addr = (addr & ~(Self.pageSize - 1)) | ((addr + 1) & (Self.pageSize - 1))
            }
            return 0xFF
        case 0x20, 0x52, 0xD8:
            if index < 3 { addr = (addr << 8 | Int(byte)) & addressMask }
            return 0xFF
        case 0x01:
            statusWrite.append(byte)
            return 0xFF
        default:
            return 0xFF  // an ignored instruction: MISO stays high
        }
    }

    /// First byte after CS low.
    private func begin(_ op: UInt8) {
        index = 0
        addr = 0
        if poweredDown {
            opcode = op == 0xAB ? op : 0x00
            return
        }
        if busy {
            // Only the status reads are accepted during a program/erase cycle.
            opcode = (op == 0x05 || op == 0x35) ? op : 0x00
            return
        }
        _ = statusRegister1()  // retire a finished operation (clears WEL)
        opcode = op
        switch op {
        case 0x06: status1 |= 0x02
        case 0x04: status1 &= ~0x02
        case 0x66:
            resetEnabled = true
            return
        case 0x99 where resetEnabled:
            status1 &= ~0x02  // a reset clears the volatile WEL; protection bits are non-volatile
        default: break
        }
        resetEnabled = false  // Reset (99) must immediately follow Enable Reset (66)
    }

    /// CS high: the instruction executes.
    private func finish(_ op: UInt8) {
        switch op {
        case 0xB9:
            poweredDown = true
        case 0xAB:
            poweredDown = false
        case 0x02 where writeEnabled && index >= 4 && !programData.isEmpty:
            let start = programData[0].0
            let pageRange = (start & ~(Self.pageSize - 1))..<((start & ~(Self.pageSize - 1)) + Self.pageSize)
            if !isProtected(pageRange) {
                // Only the last 256 bytes clocked in count; programming can only clear bits.
                for (a, v) in programData.suffix(Self.pageSize) { memory[a] &= v }
            }
            startOperation(Self.pageProgramTime)
        case 0x20 where writeEnabled && index == 3: erase(4096, Self.sectorEraseTime)
        case 0x52 where writeEnabled && index == 3: erase(32768, Self.block32EraseTime)
        case 0xD8 where writeEnabled && index == 3: erase(65536, Self.block64EraseTime)
        case 0xC7, 0x60:
            guard writeEnabled && index == 0 else { return }
            if protectedRange == nil {
                for i in memory.indices { memory[i] = 0xFF }
            }
            startOperation(Self.chipEraseTime)
        case 0x01 where writeEnabled && !statusWrite.isEmpty:
            status1 = (statusWrite[0] & 0xFC) | (status1 & 0x03)
            if statusWrite.count > 1 { status2 = statusWrite[1] }
            startOperation(Self.writeStatusTime)
        default:
            break
        }
    }

    private func erase(_ size: Int, _ time: Double) {
        let base = addr & ~(size - 1)
        let range = base..<min(capacity, base + size)
        if !isProtected(range) {
            for i in range { memory[i] = 0xFF }
        }
        startOperation(time)
    }

    private func startOperation(_ duration: Double) {
        busyUntil = clock() + duration
        status1 |= 0x02  // WEL stays set until the operation ends
    }

    // MARK: host access

    public func load(_ bytes: [UInt8], at offset: Int = 0) {
        guard offset >= 0, offset < capacity else { return }
        for (i, b) in bytes.prefix(capacity - offset).enumerated() { memory[offset + i] = b }
    }

    public func save(to url: URL) throws { try Data(memory).write(to: url) }
}
