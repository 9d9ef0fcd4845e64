import MicroPythonCore

// The STM32F405's address space as raw memory access sees it (machine.mem8/16/32 = stm.mem*).
// The interpreter's own flash and heap SRAM are read from the core (writes into the heap are
// refused: they would corrupt the interpreter, which the board must never let a program crash).
// The GPIO registers of every port are views of the PinModel, so a BSRR write drives a pin as
// Pin.value() does and IDR reads what the pin reads. Everything else that is mapped on the chip
// (CCM RAM, the stack above the heap, the peripheral buses, the Cortex-M system space) is plain
// word storage with reset values of a few identification registers; the backup domain (RTC
// backup registers, backup SRAM: machine.mem_backup's bytes) keeps its contents across resets, as with VBAT. An address the
// chip does not decode raises an OSError instead of the bus fault a real board takes.

final class EmulatedMemory: Peripheral {
    nonisolated(unsafe) static var attached: EmulatedMemory?

    static var current: EmulatedMemory {
        let board = Board.current!
        if let m = attached, m.owner === board { return m }
        let m = EmulatedMemory(board)
        board.attach(m)
        attached = m
        return m
    }

    enum Area { case flash, system, sram, plain, gpio }

    /// [start, end) of each decoded region (RM0090's memory map, STM32F405: 1 MiB flash, 128 KiB
    /// SRAM, 64 KiB CCM).
    static let regions: [(start: UInt32, end: UInt32, area: Area)] = [
        (0x0800_0000, 0x0810_0000, .flash),
        (0x1000_0000, 0x1001_0000, .plain),   // CCM data RAM
        (0x1FFF_0000, 0x1FFF_7A30, .system),  // system memory, OTP, unique ID, flash size
        (0x2000_0000, 0x2002_0000, .sram),
        (0x4000_0000, 0x4000_7800, .plain),   // APB1
        (0x4001_0000, 0x4001_5800, .plain),   // APB2
        (0x4002_0000, 0x4002_2400, .gpio),    // GPIOA…GPIOI
        (0x4002_2400, 0x4008_0000, .plain),   // CRC, RCC, flash interface, BKPSRAM, DMA, OTG HS
        (0x5000_0000, 0x5006_0C00, .plain),   // OTG FS, DCMI, RNG
        (0xE000_0000, 0xE010_0000, .plain),   // Cortex-M4 system space, DBGMCU
    ]

    static let gpioBase: UInt32 = 0x4002_0000
    static let uniqueIdAddress: UInt32 = 0x1FFF_7A10
    static let flashSizeAddress: UInt32 = 0x1FFF_7A22
    static let rngData: UInt32 = 0x5006_0808

    /// Registers whose reset value is not zero (the ones programs identify the chip by).
    static let resetValues: [UInt32: UInt32] = [
        0xE004_2000: 0x1007_6413,   // DBGMCU_IDCODE: DEV_ID 0x413 (F405/407), REV_ID 0x1007
        0xE000_ED00: 0x410F_C241,   // SCB CPUID: Cortex-M4 r0p1
    ]

    unowned let board: Board
    /// For the identity check only: a static may outlive its board (tests make many).
    weak var owner: Board?
    private var words: [UInt32: UInt32] = [:]

    init(_ board: Board) {
        self.board = board
        owner = board
    }

    static func isBackupDomain(_ a: UInt32) -> Bool {
        (a >= 0x4000_2850 && a < 0x4000_28A0) || (a >= 0x4002_4000 && a < 0x4002_5000)
    }

    // MARK: Peripheral (only for resets)

    var nextEventNanos: UInt64? { nil }
    func advance(to now: UInt64) {}
    func reset(hard: Bool) {
        guard hard else { return }
        words = words.filter { Self.isBackupDomain($0.key) }
    }

    // MARK: access

    static func area(_ a: UInt32, _ size: Int) -> Area? {
        for r in regions where a >= r.start && UInt64(a) + UInt64(size) <= UInt64(r.end) { return r.area }
        return nil
    }

    func read(_ address: UInt32, size: Int) throws -> UInt32 {
        guard let area = Self.area(address, size) else { throw unmapped(address) }
        let shift = (address & 3) * 8
        let mask: UInt32 = size == 4 ? 0xFFFF_FFFF : (1 << UInt32(size * 8)) - 1
        switch area {
        case .flash, .system, .sram:
            let bytes = try readBytes(address, size, area)
            var v: UInt32 = 0
            for (k, b) in bytes.enumerated() { v |= UInt32(b) << UInt32(8 * k) }
            return v
        case .plain:
            return (plainWord(address & ~3) >> shift) & mask
        case .gpio:
            return (gpioRead(address & ~3) >> shift) & mask
        }
    }

    func write(_ address: UInt32, size: Int, value: UInt32) throws {
        guard let area = Self.area(address, size) else { throw unmapped(address) }
        let shift = (address & 3) * 8
        let mask: UInt32 = size == 4 ? 0xFFFF_FFFF : (1 << UInt32(size * 8)) - 1
        let v = value & mask
        switch area {
        case .flash:
            throw Py.error(.OSError, "flash at 0x\(hex(address)) is read-only (the flash controller programs it; use pyb.Flash)")
        case .system:
            throw Py.error(.OSError, "system memory at 0x\(hex(address)) is read-only")
        case .sram:
            if address + UInt32(size) <= Py.heapMemoryEnd {
                throw Py.error(.OSError, "0x\(hex(address)) is in the MicroPython heap; the emulator does not let raw writes corrupt it")
            }
            let w = address & ~3
            words[w] = (plainWord(w) & ~(mask << shift)) | (v << shift)
        case .plain:
            let w = address & ~3
            let merged = (plainWord(w) & ~(mask << shift)) | (v << shift)
            if MemBackup.contains(w) { MemBackup.setWord(w, merged) } else { words[w] = merged }
        case .gpio:
            let w = address & ~3
            if w & 0x3FF == GPIOReg.bsrr {
                // write-only set/reset bits: a half-word write at +2 is BSRRH (reset bits)
                gpioWrite(w, v << shift)
            } else {
                gpioWrite(w, (gpioRead(w) & ~(mask << shift)) | (v << shift))
            }
        }
    }

    private func unmapped(_ a: UInt32) -> Error {
        Py.error(.OSError, "address 0x\(hex(a)) is not mapped on the \(board.definition.name) (a real board takes a bus fault)")
    }

    func hex(_ a: UInt32) -> String {
        let s = String(a, radix: 16)
        return String(repeating: "0", count: max(0, 8 - s.count)) + s
    }

    private func readBytes(_ a: UInt32, _ size: Int, _ area: Area) throws -> [UInt8] {
        switch area {
        case .flash:
            // beyond what the firmware image uses, flash reads erased (0xFF)
            return Py.readMemory(a, size) ?? (0..<size).map { k in Py.readMemory(a + UInt32(k), 1)?[0] ?? 0xFF }
        case .system:
            let id = board.definition.uniqueIdBytes
            let flashKiB = board.definition.memory.flash.size / 1024
            return (0..<size).map { k in
                let b = a + UInt32(k)
                if b >= Self.uniqueIdAddress && b < Self.uniqueIdAddress + 12 { return id[Int(b - Self.uniqueIdAddress)] }
                if b == Self.flashSizeAddress { return UInt8(flashKiB & 0xFF) }
                if b == Self.flashSizeAddress + 1 { return UInt8(flashKiB >> 8 & 0xFF) }
                return 0
            }
        default:
            if let bytes = Py.readMemory(a, size) { return bytes }
            // the stack above the heap: plain storage
            let w = plainWord(a & ~3)
            return (0..<size).map { k in UInt8(truncatingIfNeeded: w >> (8 * ((a & 3) + UInt32(k)))) }
        }
    }

    private func plainWord(_ w: UInt32) -> UInt32 {
        if w == Self.rngData { return UInt32(truncatingIfNeeded: board.nextRandom()) }
        if MemBackup.contains(w) { return MemBackup.word(w) }
        return words[w] ?? Self.resetValues[w] ?? 0
    }

    // MARK: GPIO views of the PinModel

    enum GPIOReg {
        static let moder: UInt32 = 0x00, otyper: UInt32 = 0x04, ospeedr: UInt32 = 0x08, pupdr: UInt32 = 0x0C
        static let idr: UInt32 = 0x10, odr: UInt32 = 0x14, bsrr: UInt32 = 0x18, lckr: UInt32 = 0x1C
        static let afr0: UInt32 = 0x20, afr1: UInt32 = 0x24
    }

    private lazy var pinAt: [[Int?]] = {
        var t = Array(repeating: Array(repeating: Int?.none, count: 16), count: 9)
        let model = board.pins
        for i in 0..<board.definition.pins.count where model.port[i] >= 0 && model.port[i] < 9 && model.number[i] < 16 {
            t[model.port[i]][model.number[i]] = i
        }
        return t
    }()

    private static func isOpenDrain(_ m: Int) -> Bool { m == PinMode.openDrain || m == PinMode.altOpenDrain }

    private func gpioRead(_ w: UInt32) -> UInt32 {
        let port = Int((w - Self.gpioBase) / 0x400)
        let reg = w & 0x3FF
        let pins = pinAt[port]
        let model = board.pins
        var v = words[w] ?? 0
        func put(_ n: Int, width: Int, _ field: Int) {
            let f = UInt32(width == 1 ? 1 : width == 2 ? 3 : 15) << UInt32(n * width)
            v = (v & ~f) | (UInt32(field) << UInt32(n * width)) & f
        }
        switch reg {
        case GPIOReg.moder, GPIOReg.otyper, GPIOReg.pupdr, GPIOReg.idr, GPIOReg.odr:
            for n in 0..<16 {
                guard let i = pins[n] else { continue }
                let s = model.state(i)
                switch reg {
                case GPIOReg.moder:
                    let m = s.mode == PinMode.output || s.mode == PinMode.openDrain ? 1
                        : s.mode == PinMode.alt || s.mode == PinMode.altOpenDrain ? 2 : s.mode == PinMode.analog ? 3 : 0
                    put(n, width: 2, m)
                case GPIOReg.otyper:
                    if s.mode != PinMode.input && s.mode != PinMode.analog { put(n, width: 1, Self.isOpenDrain(s.mode) ? 1 : 0) }
                case GPIOReg.pupdr: put(n, width: 2, s.pull == PinPull.up ? 1 : s.pull == PinPull.down ? 2 : 0)
                case GPIOReg.idr: put(n, width: 1, model.level(i) ? 1 : 0)
                default: put(n, width: 1, s.latch ? 1 : 0)
                }
            }
        case GPIOReg.bsrr:
            return 0
        case GPIOReg.afr0, GPIOReg.afr1:
            let first = reg == GPIOReg.afr0 ? 0 : 8
            for k in 0..<8 {
                guard let i = pins[first + k] else { continue }
                put(k, width: 4, max(0, model.state(i).af))
            }
        default:
            break
        }
        return v
    }

    private func gpioWrite(_ w: UInt32, _ v: UInt32) {
        let port = Int((w - Self.gpioBase) / 0x400)
        let reg = w & 0x3FF
        let pins = pinAt[port]
        let model = board.pins
        func field(_ n: Int, _ width: Int) -> Int { Int(v >> UInt32(n * width)) & (width == 1 ? 1 : width == 2 ? 3 : 15) }
        switch reg {
        case GPIOReg.bsrr:
            board.scheduler.charge(board.definition.cost("pin.write"))
            var odr = words[w - GPIOReg.bsrr + GPIOReg.odr] ?? 0
            for n in 0..<16 {
                let set = v >> UInt32(n) & 1 == 1, clear = v >> UInt32(n + 16) & 1 == 1
                guard set || clear else { continue }
                if let i = pins[n] { model.write(i, set) } else { odr = set ? odr | 1 << UInt32(n) : odr & ~(1 << UInt32(n)) }
            }
            words[w - GPIOReg.bsrr + GPIOReg.odr] = odr
            return
        case GPIOReg.idr:
            return
        default:
            break
        }
        words[w] = v
        guard reg <= GPIOReg.odr || reg == GPIOReg.afr0 || reg == GPIOReg.afr1 else { return }
        board.scheduler.charge(board.definition.cost("pin.write"))
        let otyper = gpioRead(w - reg + GPIOReg.otyper)
        for n in 0..<16 {
            guard let i = pins[n] else { continue }
            let s = model.state(i)
            switch reg {
            case GPIOReg.moder:
                let od = otyper >> UInt32(n) & 1 == 1
                let m = field(n, 2)
                let mode = m == 0 ? PinMode.input : m == 1 ? (od ? PinMode.openDrain : PinMode.output)
                    : m == 2 ? (od ? PinMode.altOpenDrain : PinMode.alt) : PinMode.analog
                if mode != s.mode { model.configure(i, mode: mode) }
            case GPIOReg.otyper:
                let od = field(n, 1) == 1
                var mode = s.mode
                if s.mode == PinMode.output || s.mode == PinMode.openDrain { mode = od ? PinMode.openDrain : PinMode.output }
                if s.mode == PinMode.alt || s.mode == PinMode.altOpenDrain { mode = od ? PinMode.altOpenDrain : PinMode.alt }
                if mode != s.mode { model.configure(i, mode: mode) }
            case GPIOReg.pupdr:
                let p = field(n, 2)
                let pull = p == 1 ? PinPull.up : p == 2 ? PinPull.down : PinPull.none
                if pull != s.pull { model.configure(i, pull: pull) }
            case GPIOReg.odr:
                let b = field(n, 1) == 1
                if b != s.latch { model.write(i, b) }
            case GPIOReg.afr0, GPIOReg.afr1:
                let k = n - (reg == GPIOReg.afr0 ? 0 : 8)
                guard k >= 0 && k < 8 else { continue }
                let af = field(k, 4)
                if af != max(0, s.af) { model.configure(i, af: af) }
            default:
                break
            }
        }
    }
}
