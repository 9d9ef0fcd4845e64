import MicroPythonCore

// machine.mem_backup(region=0): the STM32F405's 4 KiB backup SRAM (BKPSRAM at 0x40024000) as a
// writable memoryview. Its bytes live in the interpreter's flash image, outside the GC heap, so
// they survive soft and hard resets (on a pyboard the backup domain keeps them while VDD or
// VBAT is present); raw access through stm.mem8/16/32 at 0x40024000 reads and writes the same
// bytes. The chip has one backup region; any other region number is a ValueError.

enum MemBackup {
    static let base: UInt32 = 0x4002_4000
    static let size = 4096

    /// The storage, made when the runtime builds its flash image.
    nonisolated(unsafe) static var storage: Obj?

    static func register() {
        Py.addRegistration { storage = Py.staticBytearray(count: size) }
        Py.extendModule("machine") {
            [("mem_backup", .function(.function("mem_backup", 0, 1) { a in
                let region = a.count > 0 ? try Py.toInt(a[0]) : 0
                guard region == 0, let s = storage else { throw Py.error(.ValueError, "invalid region") }
                return try Py.memoryview(s)
            }))]
        }
    }

    static func contains(_ address: UInt32) -> Bool { address >= base && address < base + UInt32(size) }

    /// The little-endian word at a word-aligned BKPSRAM address.
    static func word(_ address: UInt32) -> UInt32 {
        guard let s = storage, let v = try? Py.withWritableBuffer(s, { b -> UInt32 in
            let o = Int(address - base)
            return (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[o + $1]) << UInt32(8 * $1) }
        }) else { return 0 }
        return v
    }

    static func setWord(_ address: UInt32, _ v: UInt32) {
        guard let s = storage else { return }
        _ = try? Py.withWritableBuffer(s) { b in
            let o = Int(address - base)
            for k in 0..<4 { b[o + k] = UInt8(truncatingIfNeeded: v >> UInt32(8 * k)) }
        }
    }
}
