import Foundation

// Audio devices on an I2S bus, pure Swift: what the controller's DMA puts on the wire (frames of
// a left and a right sample) and what it clocks in. Samples are the slot's bits as signed
// integers: 16-bit frames carry Int16 values, 32-bit frames Int32 values.

/// A device that listens to SD (a DAC or amplifier).
public protocol I2SSink: AnyObject {
    /// Frames that went over the wire, `bits` per slot.
    func receive(_ frames: [(left: Int32, right: Int32)], bits: Int)
    /// Frames of silence (the DMA's zero-filled buffer when the ring ran dry).
    func silence(frames: Int, bits: Int)
}

/// A device that drives SD (a microphone or ADC), sampled by the controller's clocks.
public protocol I2SSource: AnyObject {
    /// Frames `index ..< index + count` at `rate` frames per second, in 32-bit slots.
    func frames(from index: Int, count: Int, rate: Int) -> [(left: Int32, right: Int32)]
}

/// An I2S class-D amplifier with its speaker, such as a MAX98357A (no control port): it plays
/// (left + right) / 2. The model records what it was sent: frame counts, the CRC-32 of the
/// sample bytes as they arrived (little-endian, left then right, at the slot width), the peak
/// amplitude and the most recent frames, for tests and front ends.
public final class I2SAmplifier: I2SSink {
    public private(set) var frames = 0
    public private(set) var silentFrames = 0
    public private(set) var peak: Int32 = 0
    public private(set) var crc: UInt32 = 0
    /// The last frames received (at most `keep`), oldest first.
    public private(set) var recent: [(left: Int32, right: Int32)] = []
    public let keep: Int

    public init(keep: Int = 256) { self.keep = keep }

    public func receive(_ fs: [(left: Int32, right: Int32)], bits: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fs.count * bits / 4)
        for f in fs {
            for v in [f.left, f.right] {
                for k in 0..<(bits / 8) { bytes.append(UInt8(truncatingIfNeeded: v >> Int32(8 * k))) }
                peak = max(peak, v == Int32.min ? Int32.max : abs(v))
            }
        }
        crc = CRC32.update(crc, bytes)
        frames += fs.count
        recent.append(contentsOf: fs)
        if recent.count > keep { recent.removeFirst(recent.count - keep) }
    }

    public func silence(frames n: Int, bits: Int) {
        silentFrames += n
        // silence is part of the stream: zero bytes in the CRC (in bounded chunks)
        var left = n * 2 * (bits / 8)
        let zeros = [UInt8](repeating: 0, count: 4096)
        while left > 0 {
            let k = min(left, zeros.count)
            crc = CRC32.update(crc, Array(zeros[0..<k]))
            left -= k
        }
        frames += n
        recent.append(contentsOf: repeatElement((left: Int32(0), right: Int32(0)), count: min(n, keep)))
        if recent.count > keep { recent.removeFirst(recent.count - keep) }
    }

    public func clear() {
        frames = 0; silentFrames = 0; peak = 0; crc = 0; recent = []
    }
}

/// An I2S MEMS microphone such as an INMP441 with L/R tied low: it drives the left slot with
/// 24-bit samples, MSB first in the 32-bit slot (the low 8 bits zero), and leaves the right slot
/// undriven (read as 0 through the bus's pull-down). What it hears is a pure tone of
/// `frequency` Hz at `level` of full scale, from the first frame it is clocked.
public final class I2SMicrophone: I2SSource {
    public var frequency: Double
    public var level: Double

    public init(frequency: Double = 1000, level: Double = 0.5) {
        self.frequency = frequency
        self.level = level
    }

    /// The 24-bit sample of frame `n`.
    public func sample24(_ n: Int, rate: Int) -> Int32 {
        let x = level * sin(2 * Double.pi * frequency * Double(n) / Double(max(1, rate)))
        return Int32((x * 8_388_607).rounded())
    }

    public func frames(from index: Int, count: Int, rate: Int) -> [(left: Int32, right: Int32)] {
        (index..<(index + count)).map { (left: sample24($0, rate: rate) << 8, right: 0) }
    }
}

/// CRC-32 (IEEE 802.3, as zlib's crc32 and binascii.crc32).
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func update(_ crc: UInt32, _ bytes: [UInt8]) -> UInt32 {
        var c = ~crc
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }
}
