import MicroPythonCore

// What an SPI transfer puts on the wire: frames of 8 or 16 bits (16-bit frames are the buffer's
// little-endian words, as the HAL reads them from memory), MSB or LSB first, optionally followed
// by the hardware CRC frame. Devices are byte-level, so every frame goes out as bytes in wire
// order. The CPU is busy for the time the bits take at the bus clock.

enum SPIWire {
    static func reverse(_ v: UInt32, bits: Int) -> UInt32 {
        var r: UInt32 = 0, x = v
        for _ in 0..<bits { r = (r << 1) | (x & 1); x >>= 1 }
        return r
    }

    /// STM32 SPI CRC: polynomial `poly` (the CRCPR register), initial value 0, no reflection,
    /// over the frames in the order their bits went over the wire.
    static func crc(_ frames: [UInt32], bits: Int, poly: UInt32) -> UInt32 {
        let mask: UInt32 = bits == 16 ? 0xFFFF : 0xFF
        var c: UInt32 = 0
        for f in frames {
            for i in stride(from: bits - 1, through: 0, by: -1) {
                let inBit = (f >> UInt32(i)) & 1
                let top = (c >> UInt32(bits - 1)) & 1
                c = (c << 1) & mask
                if top ^ inBit == 1 { c ^= poly & mask }
            }
        }
        return c
    }

    struct Result {
        var data: [UInt8]
        /// False when a CRC was expected and the received one did not match.
        var crcOK = true
    }

    /// Shifts `out` through `bus`; returns the bytes read back, in the buffer's layout.
    static func transfer(_ bus: SPIBus, _ out: [UInt8], bits: Int = 8, lsbFirst: Bool = false, crcPoly: Int? = nil,
                         baudrate: Int) -> Result {
        let wide = bits == 16
        let n = wide ? out.count / 2 : out.count
        var frames: [UInt32] = []
        frames.reserveCapacity(n)
        for i in 0..<n {
            var v = wide ? UInt32(out[2 * i]) | UInt32(out[2 * i + 1]) << 8 : UInt32(out[i])
            if lsbFirst { v = reverse(v, bits: bits) }
            frames.append(v)
        }
        var wireOut = frames
        if let p = crcPoly { wireOut.append(crc(frames, bits: bits, poly: UInt32(truncatingIfNeeded: p))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(wireOut.count * (wide ? 2 : 1))
        for f in wireOut {
            if wide { bytes.append(UInt8(f >> 8)) }
            bytes.append(UInt8(f & 0xFF))
        }
        if baudrate > 0 { DeviceBuses.shared.busy(Double(bytes.count * 8) / Double(baudrate)) }
        let back = bus.transfer(bytes)
        var inFrames: [UInt32] = []
        var k = 0
        for _ in wireOut {
            var v = UInt32(back[k]); k += 1
            if wide { v = v << 8 | UInt32(back[k]); k += 1 }
            inFrames.append(v)
        }
        var result = Result(data: [])
        if let p = crcPoly {
            let got = inFrames.removeLast()
            result.crcOK = got == crc(inFrames, bits: bits, poly: UInt32(truncatingIfNeeded: p))
        }
        var data = [UInt8](repeating: 0, count: out.count)
        for (i, f) in inFrames.enumerated() {
            let v = lsbFirst ? reverse(f, bits: bits) : f
            if wide {
                data[2 * i] = UInt8(v & 0xFF)
                data[2 * i + 1] = UInt8(v >> 8)
            } else {
                data[i] = UInt8(v)
            }
        }
        result.data = data
        return result
    }
}

/// Buffer helpers shared by the legacy pyb classes (bufhelper.c).
enum PybBuffers {
    /// pyb_buf_get_for_send: an int is one byte, anything else must have the buffer protocol.
    static func forSend(_ o: Obj) throws -> [UInt8] {
        if Py.isInt(o) { return [UInt8(truncatingIfNeeded: try Py.toInt(o))] }
        return try Py.readBuffer(o)
    }

    /// pyb_buf_get_for_recv: an int is a length (a new bytes is returned), otherwise a writable
    /// buffer that is filled and returned.
    static func recvLength(_ o: Obj) throws -> (length: Int, into: Obj?) {
        if Py.isInt(o) {
            let n = try Py.toInt(o)
            guard n >= 0 else { throw Py.error(.MemoryError, "memory allocation failed, allocating \(UInt32(truncatingIfNeeded: n)) bytes") }
            return (n, nil)
        }
        let n = try Py.withWritableBuffer(o) { $0.count }
        return (n, o)
    }

    static func result(_ bytes: [UInt8], into: Obj?) throws -> Obj {
        guard let o = into else { return try Py.bytes(bytes) }
        try MachineI2C.fill(o, bytes)
        return o
    }
}
