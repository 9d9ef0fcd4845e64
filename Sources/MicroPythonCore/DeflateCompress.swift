// DEFLATE compression for DeflateIO.write: LZ77 over a window of 2^wbits bytes (256 by default),
// coded with the fixed Huffman tables in one final block that close() ends, as MicroPython's small
// compressor does. The window (the last bytes written) and the pending bits live in heap blocks.
//   state words: [bit buffer][bit count][checksum][input length][window address][window size]
//   [bytes in window][next window slot]

enum DeflateWord {
    static let bitBuf = 0, bitCount = 1, checksum = 2, inputLen = 3, window = 4, windowSize = 5, filled = 6, slot = 7
    static let stateBytes = 32
}

struct Deflater {
    let st: UnsafeMutablePointer<UInt32>

    private func put(_ value: Int, _ n: Int, _ out: inout [UInt8]) {
        var buf = UInt64(st[DeflateWord.bitBuf]) | UInt64(value) << UInt64(st[DeflateWord.bitCount])
        var count = Int(st[DeflateWord.bitCount]) + n
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: buf))
            buf >>= 8
            count -= 8
        }
        st[DeflateWord.bitBuf] = UInt32(truncatingIfNeeded: buf)
        st[DeflateWord.bitCount] = UInt32(count)
    }

    /// A Huffman code goes out most significant bit first.
    private func putCode(_ code: Int, _ n: Int, _ out: inout [UInt8]) {
        var r = 0
        for i in 0..<n { r |= ((code >> i) & 1) << (n - 1 - i) }
        put(r, n, &out)
    }

    private func literal(_ s: Int, _ out: inout [UInt8]) {
        switch s {
        case 0..<144: putCode(0x30 + s, 8, &out)
        case 144..<256: putCode(0x190 + s - 144, 9, &out)
        case 256..<280: putCode(s - 256, 7, &out)
        default: putCode(0xC0 + s - 280, 8, &out)
        }
    }

    private func match(_ len: Int, _ dist: Int, _ out: inout [UInt8]) {
        var li = 28
        while deflateLengthBase[li] > len { li -= 1 }
        literal(257 + li, &out)
        put(len - deflateLengthBase[li], deflateLengthExtra[li], &out)
        var di = 29
        while deflateDistBase[di] > dist { di -= 1 }
        putCode(di, 5, &out)
        put(dist - deflateDistBase[di], deflateDistExtra[di], &out)
    }

    func startBlock(_ out: inout [UInt8]) { put(1, 1, &out); put(1, 2, &out) }   // final, fixed codes

    func finish(_ out: inout [UInt8]) {
        literal(256, &out)
        if st[DeflateWord.bitCount] > 0 { put(0, 8 - Int(st[DeflateWord.bitCount]), &out) }
    }

    /// Compresses `data`, which follows the window's contents; returns the finished bytes.
    func compress(_ data: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
        let wsize = Int(st[DeflateWord.windowSize])
        let window = hostPtr(st[DeflateWord.window]).assumingMemoryBound(to: UInt8.self)
        let filled = Int(st[DeflateWord.filled]), slot = Int(st[DeflateWord.slot])
        // history (oldest first) then the new data, so matches may start in either
        var all = [UInt8]()
        all.reserveCapacity(filled + data.count)
        for i in 0..<filled { all.append(window[(slot - filled + i + wsize) % wsize]) }
        let start = all.count
        all.append(contentsOf: data)
        // hash chains over 3-byte prefixes
        let hashSize = 1 << 12
        var head = [Int](repeating: -1, count: hashSize)
        var prev = [Int](repeating: -1, count: all.count)
        @inline(__always) func hash(_ i: Int) -> Int {
            (Int(all[i]) << 8 ^ Int(all[i + 1]) << 4 ^ Int(all[i + 2])) & (hashSize - 1)
        }
        func insert(_ i: Int) {
            if i + 2 < all.count {
                let h = hash(i)
                prev[i] = head[h]
                head[h] = i
            }
        }
        for i in 0..<start { insert(i) }
        var i = start
        while i < all.count {
            var bestLen = 0, bestDist = 0
            if i + 2 < all.count {
                var cand = head[hash(i)]
                var chain = 128
                let maxLen = min(258, all.count - i)
                while cand >= 0 && i - cand <= wsize && chain > 0 {
                    var l = 0
                    while l < maxLen && all[cand + l] == all[i + l] { l += 1 }
                    if l > bestLen {
                        bestLen = l
                        bestDist = i - cand
                        if l == maxLen { break }
                    }
                    cand = prev[cand]
                    chain -= 1
                }
            }
            if bestLen >= 3 {
                match(bestLen, bestDist, &out)
                for k in i..<(i + bestLen) { insert(k) }
                i += bestLen
            } else {
                literal(Int(all[i]), &out)
                insert(i)
                i += 1
            }
        }
        // keep the last window's worth of input
        var s = slot
        for b in data {
            window[s] = b
            s = (s + 1) % wsize
        }
        st[DeflateWord.slot] = UInt32(s)
        st[DeflateWord.filled] = UInt32(min(wsize, filled + data.count))
    }
}
