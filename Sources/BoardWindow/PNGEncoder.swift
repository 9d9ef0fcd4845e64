import Foundation

// Writes 8-bit RGB PNG files (RFC 2083) with no library: the image data is a zlib stream
// (RFC 1950) holding one deflate block (RFC 1951) with the fixed Huffman codes and LZ77 matches
// found through a hash chain. Screenshots are mostly flat colour, so this compresses them well.

public enum PNGEncoder {
    public static func encode(_ canvas: PixelCanvas) -> [UInt8] {
        encode(rgb: canvas.rgbBytes(), width: canvas.width, height: canvas.height)
    }

    /// `rgb` holds width * height * 3 bytes, top row first.
    public static func encode(rgb: [UInt8], width: Int, height: Int) -> [UInt8] {
        precondition(width > 0 && height > 0 && rgb.count == width * height * 3)
        // Each scanline starts with its filter type; 0 = none.
        var raw = [UInt8]()
        raw.reserveCapacity(height * (width * 3 + 1))
        for y in 0..<height {
            raw.append(0)
            raw.append(contentsOf: rgb[(y * width * 3)..<((y + 1) * width * 3)])
        }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = [UInt8]()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits per channel, RGB, deflate, adaptive filtering, no interlace
        appendChunk(&out, "IHDR", header)
        appendChunk(&out, "IDAT", Zlib.compress(raw))
        appendChunk(&out, "IEND", [])
        return out
    }

    public static func write(_ canvas: PixelCanvas, to path: String) throws {
        try Data(encode(canvas)).write(to: URL(fileURLWithPath: path))
    }

    private static func appendChunk(_ out: inout [UInt8], _ type: String, _ data: [UInt8]) {
        out.appendBigEndian(UInt32(data.count))
        let typeAndData = Array(type.utf8) + data
        out += typeAndData
        out.appendBigEndian(CRC32.checksum(typeAndData))
    }
}

public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

public enum Adler32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < bytes.count {
            // 5552 bytes is the most that can be summed before the 32-bit sums could overflow.
            let end = min(bytes.count, i + 5552)
            while i < end { a += UInt32(bytes[i]); b += a; i += 1 }
            a %= 65521; b %= 65521
        }
        return b << 16 | a
    }
}

public enum Zlib {
    /// A complete zlib stream: header, one fixed-Huffman deflate block, Adler-32.
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary, fastest level
        out += Deflate.fixedHuffman(data)
        out.appendBigEndian(Adler32.checksum(data))
        return out
    }
}

enum Deflate {
    private static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static let window = 32768
    static let maxChain = 24

    /// One final deflate block with the fixed codes.
    static func fixedHuffman(_ data: [UInt8]) -> [UInt8] {
        var w = BitWriter()
        w.write(1, 1)  // BFINAL
        w.write(1, 2)  // BTYPE = 01, fixed Huffman
        let n = data.count
        let hashSize = 1 << 15
        var head = [Int32](repeating: -1, count: hashSize)
        var prev = [Int32](repeating: -1, count: window)
        @inline(__always) func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & (hashSize - 1)
        }
        @inline(__always) func insert(_ i: Int) {
            guard i + 2 < n else { return }
            let h = hash(i)
            prev[i & (window - 1)] = head[h]
            head[h] = Int32(i)
        }
        var i = 0
        while i < n {
            var bestLen = 0, bestDist = 0
            if i + 2 < n {
                var candidate = Int(head[hash(i)])
                var chain = maxChain
                let maxLen = min(258, n - i)
                while candidate >= 0, i - candidate <= window, chain > 0 {
                    if data[candidate + bestLen] == data[i + bestLen] || bestLen == 0 {
                        var len = 0
                        while len < maxLen, data[candidate + len] == data[i + len] { len += 1 }
                        if len > bestLen { bestLen = len; bestDist = i - candidate; if len == maxLen { break } }
                    }
                    let next = Int(prev[candidate & (window - 1)])
                    if next >= candidate { break }  // the slot was reused by a newer position
                    candidate = next
                    chain -= 1
                }
            }
            if bestLen >= 3 {
                writeLength(&w, bestLen)
                writeDistance(&w, bestDist)
                for k in 0..<bestLen { insert(i + k) }
                i += bestLen
            } else {
                writeLiteral(&w, Int(data[i]))
                insert(i)
                i += 1
            }
        }
        writeLiteral(&w, 256)  // end of block
        return w.finish()
    }

    /// Fixed literal/length code for a symbol 0...287 (RFC 1951 section 3.2.6).
    private static func writeLiteral(_ w: inout BitWriter, _ symbol: Int) {
        switch symbol {
        case 0...143: w.writeCode(0x30 + symbol, 8)
        case 144...255: w.writeCode(0x190 + symbol - 144, 9)
        case 256...279: w.writeCode(symbol - 256, 7)
        default: w.writeCode(0xC0 + symbol - 280, 8)
        }
    }

    private static func writeLength(_ w: inout BitWriter, _ length: Int) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        writeLiteral(&w, 257 + code)
        w.write(UInt32(length - lengthBase[code]), lengthExtra[code])
    }

    private static func writeDistance(_ w: inout BitWriter, _ distance: Int) {
        var code = distBase.count - 1
        while distBase[code] > distance { code -= 1 }
        w.writeCode(code, 5)
        w.write(UInt32(distance - distBase[code]), distExtra[code])
    }
}

/// Deflate's bit order: values go in least-significant bit first; Huffman codes go in most
/// significant bit first.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    mutating func write(_ value: UInt32, _ bits: Int) {
        guard bits > 0 else { return }
        buffer |= UInt64(value & ((1 << UInt32(bits)) - 1)) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func writeCode(_ code: Int, _ bits: Int) {
        var reversed: UInt32 = 0
        for k in 0..<bits where code & (1 << (bits - 1 - k)) != 0 { reversed |= 1 << UInt32(k) }
        write(reversed, bits)
    }

    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(buffer & 0xFF)); buffer = 0; count = 0 }
        return bytes
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8(v >> 16 & 0xFF)); append(UInt8(v >> 8 & 0xFF)); append(UInt8(v & 0xFF))
    }
}
