// A classic CAN (2.0A/2.0B) frame as it goes over the wire: its length in bits comes from the
// real bit stream (SOF, arbitration and control fields, data, the CRC-15 the frame carries, and
// the stuff bits a transmitter inserts after five equal bits), so a frame takes on the virtual
// clock exactly the time it takes on a bus. The arbitration key orders frames as the bus does
// (dominant 0 bits win), and the identifier words are the forms the bxCAN filter banks compare.

struct CANFrame: Equatable {
    var id: UInt32          // 11 bits (standard) or 29 bits (extended)
    var extended: Bool
    var rtr: Bool
    var dlc: Int            // 0...8
    var data: [UInt8]       // dlc bytes; a remote frame carries none on the wire

    /// Fields that follow the stuffed part: CRC delimiter, ACK slot, ACK delimiter, 7 EOF bits.
    static let trailerBits = 10
    /// Bus idle between frames.
    static let intermissionBits = 3
    /// Error flag (6) and error delimiter (8) after an error.
    static let errorFrameBits = 14
    /// An error-passive transmitter's extra wait before it may start again.
    static let suspendBits = 8

    /// SOF through the last data bit, before stuffing.
    func unstuffedBits() -> [Bool] {
        var b: [Bool] = [false]                                // SOF (dominant)
        func put(_ v: UInt32, _ n: Int) { for i in stride(from: n - 1, through: 0, by: -1) { b.append(v >> UInt32(i) & 1 == 1) } }
        if extended {
            put(id >> 18, 11)
            b.append(true)                                     // SRR (recessive)
            b.append(true)                                     // IDE
            put(id & 0x3FFFF, 18)
            b.append(rtr)
            b += [false, false]                                // r1, r0
        } else {
            put(id, 11)
            b.append(rtr)
            b += [false, false]                                // IDE, r0
        }
        put(UInt32(dlc), 4)
        if !rtr { for byte in data.prefix(dlc) { put(UInt32(byte), 8) } }
        return b
    }

    /// The CRC-15 of ISO 11898-1 (generator x^15+x^14+x^10+x^8+x^7+x^4+x^3+1) over SOF..data.
    static func crc15(_ bits: [Bool]) -> UInt16 {
        var crc: UInt16 = 0
        for bit in bits {
            let next = bit != (crc >> 14 & 1 == 1)
            crc = (crc << 1) & 0x7FFF
            if next { crc ^= 0x4599 }
        }
        return crc
    }

    /// SOF through the CRC sequence as transmitted: after five equal bits a complement is inserted
    /// (and counts towards the next run).
    var stuffedBits: Int {
        var bits = unstuffedBits()
        let crc = CANFrame.crc15(bits)
        for i in stride(from: 14, through: 0, by: -1) { bits.append(crc >> UInt16(i) & 1 == 1) }
        var n = 0, run = 0
        var last: Bool? = nil
        for bit in bits {
            n += 1
            if bit == last { run += 1 } else { run = 1; last = bit }
            if run == 5 {
                n += 1
                last = !bit
                run = 1
            }
        }
        return n
    }

    /// Bits on the wire from SOF to the end of EOF.
    var totalBits: Int { stuffedBits + CANFrame.trailerBits }
    /// Bits up to and including the ACK slot, where a transmitter sees whether anyone acknowledged.
    var bitsThroughAck: Int { stuffedBits + 2 }

    /// The arbitration field as a number: the smaller one wins the bus. A standard frame beats an
    /// extended one with the same base identifier (its RTR/IDE bits are dominant where the
    /// extended frame sends SRR and IDE recessive).
    var arbitrationKey: UInt64 {
        if extended {
            return UInt64(id >> 18) << 32 | 1 << 31 | 1 << 30 | UInt64(id & 0x3FFFF) << 12 | (rtr ? 1 << 11 : 0)
        }
        return UInt64(id) << 32 | (rtr ? 1 << 31 : 0)
    }

    /// The identifier register layout 32-bit filters compare: STID/EXID, IDE (bit 2), RTR (bit 1).
    var word32: UInt32 {
        (extended ? id << 3 | 4 : id << 21) | (rtr ? 2 : 0)
    }

    /// The 16-bit filter layout: STID[10:0], RTR, IDE, EXID[17:15].
    var word16: UInt32 {
        if extended {
            return (id >> 18) << 5 | (rtr ? 0x10 : 0) | 0x08 | (id >> 15 & 7)
        }
        return id << 5 | (rtr ? 0x10 : 0)
    }
}
