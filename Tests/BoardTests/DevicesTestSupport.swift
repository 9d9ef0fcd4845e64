@testable import Board

/// A clock the test moves by hand.
final class ManualClock {
    var t = 0.0
    var closure: DeviceClock { { self.t } }
}

/// SplitMix64: a seeded generator so fuzz runs are reproducible.
struct SeededRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A minimal register device for bus tests: 16 registers, pointer wraps at 16.
final class ScratchRegisters: RegisterMapDevice {
    var regs = [UInt8](repeating: 0, count: 16)
    var nackData = false
    override func readRegister(_ reg: UInt8) -> UInt8 { regs[Int(reg & 0x0F)] }
    override func writeRegister(_ reg: UInt8, _ value: UInt8) { regs[Int(reg & 0x0F)] = value }
    override func nextRegister(after reg: UInt8) -> UInt8 { (reg + 1) & 0x0F }
}
