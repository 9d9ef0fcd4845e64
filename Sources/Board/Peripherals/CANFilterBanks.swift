// The 28 filter banks the STM32F405's two bxCAN controllers share (RM0090 "Identifier
// filtering"): banks below the split (CAN2SB, 14 after reset) filter for CAN1, the rest for CAN2.
// Each bank is two 32-bit registers used as one 32-bit id/mask pair, two 32-bit ids, two 16-bit
// id/mask pairs or four 16-bit ids, and feeds FIFO 0 or 1. A received frame is stored when any
// active bank of its controller accepts it; its filter match index (FMI) numbers the filters of
// all the controller's banks that feed the same FIFO, in bank order, active or not.

struct CANFilterBank: Equatable {
    var active = false
    var scale32 = false
    var list = false
    var fifo = 0
    var fr1: UInt32 = 0
    var fr2: UInt32 = 0

    /// Filters this bank contributes to its FIFO's numbering.
    var filterCount: Int { scale32 ? (list ? 2 : 1) : (list ? 4 : 2) }

    /// Index within the bank of the first filter that accepts `f`, or nil.
    func match(_ f: CANFrame) -> Int? {
        if scale32 {
            let w = f.word32
            if list {
                if w == fr1 & ~1 { return 0 }
                if w == fr2 & ~1 { return 1 }
                return nil
            }
            return (w ^ fr1) & fr2 & ~1 == 0 ? 0 : nil
        }
        let w = f.word16
        let lo1 = fr1 & 0xFFFF, hi1 = fr1 >> 16, lo2 = fr2 & 0xFFFF, hi2 = fr2 >> 16
        if list {
            for (i, v) in [lo1, hi1, lo2, hi2].enumerated() where v == w { return i }
            return nil
        }
        if (w ^ lo1) & hi1 == 0 { return 0 }
        if (w ^ lo2) & hi2 == 0 { return 1 }
        return nil
    }

    /// What a bank reads after it is cleared (can_clearfilter): inactive, 16-bit mask, FIFO 0.
    static let cleared = CANFilterBank()
}

struct CANFilterBanks {
    static let count = 28
    var banks = [CANFilterBank](repeating: .cleared, count: CANFilterBanks.count)
    /// can2_start_bank as pyb.CAN keeps it (a byte); CAN_FMR.CAN2SB takes its low 6 bits.
    var start = 14
    /// First bank of CAN2.
    var split: Int { min(CANFilterBanks.count, start & 0x3F) }

    func range(for controller: Int) -> Range<Int> {
        controller == 1 ? 0..<split : split..<CANFilterBanks.count
    }

    mutating func clear(_ r: Range<Int>) {
        for i in r { banks[i] = .cleared }
    }

    /// Where `f` goes for `controller`: (FIFO, FMI), or nil when no active filter accepts it.
    /// When several filters match, the hardware's priority applies: 32-bit before 16-bit, list
    /// before mask, then the lower filter number.
    func accept(_ f: CANFrame, controller: Int) -> (fifo: Int, fmi: Int)? {
        var numbers = [0, 0]
        var best: (rank: Int, fifo: Int, fmi: Int)? = nil
        for i in range(for: controller) {
            let b = banks[i]
            let first = numbers[b.fifo]
            numbers[b.fifo] += b.filterCount
            guard b.active, let k = b.match(f) else { continue }
            let rank = (b.scale32 ? 0 : 2) + (b.list ? 0 : 1)
            if best == nil || rank < best!.rank { best = (rank, b.fifo, first + k) }
        }
        return best.map { ($0.fifo, $0.fmi) }
    }
}
