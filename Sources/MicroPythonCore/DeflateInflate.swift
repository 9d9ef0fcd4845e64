// DEFLATE decompression (RFC 1951) with zlib (RFC 1950) and gzip (RFC 1952) framing, resumable at
// any symbol so DeflateIO.read(n) returns as soon as n bytes are out. All state lives in two heap
// blocks, as on a board: a state block (below) and the window, a ring of the last 2^wbits output
// bytes that back-references copy from. Input is pulled one byte at a time from the source stream,
// so nothing after the compressed data is consumed.
//   state words: [bit buffer][bit count][phase][final block][stored bytes left][copy length]
//   [copy distance][window size][output count][checksum][format][window address][wbits asked]
//   then, from byte 64: literal/length code counts (16 x u16) and symbols (288 x u16), distance
//   code counts (16 x u16) and symbols (32 x u16).

enum InflateWord {
    static let bitBuf = 0, bitCount = 1, phase = 2, final = 3, storedLeft = 4, copyLen = 5, copyDist = 6
    static let windowSize = 7, outCount = 8, checksum = 9, format = 10, window = 11, wbits = 12
    static let stateBytes = 64 + 2 * (16 + 288 + 16 + 32)
}

enum InflatePhase { static let header = 0, blockHeader = 1, stored = 2, huffman = 3, trailer = 4, done = 5 }

enum DeflateFormat { static let auto = 0, raw = 1, zlib = 2, gzip = 3 }

let deflateLengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
let deflateLengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
let deflateDistBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                              2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
let deflateDistExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

func adler32Update(_ adler: UInt32, _ p: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var a = adler & 0xFFFF, b = adler >> 16
    for byte in p {
        a = (a + UInt32(byte)) % 65521
        b = (b + a) % 65521
    }
    return b << 16 | a
}

/// A decompressor working on its heap state block; `next` yields the next input byte.
struct Inflater {
    let st: UnsafeMutablePointer<UInt32>
    let next: () throws -> UInt8

    private var lenCount: UnsafeMutablePointer<UInt16> { (UnsafeMutableRawPointer(st) + 64).assumingMemoryBound(to: UInt16.self) }
    private var lenSym: UnsafeMutablePointer<UInt16> { lenCount + 16 }
    private var distCount: UnsafeMutablePointer<UInt16> { lenCount + 16 + 288 }
    private var distSym: UnsafeMutablePointer<UInt16> { lenCount + 16 + 288 + 16 }

    static func corrupt() -> PyErr { osError(EINVAL_CODE) }

    // MARK: bits

    private func bits(_ n: Int) throws -> Int {
        var buf = st[InflateWord.bitBuf], count = st[InflateWord.bitCount]
        while count < UInt32(n) {
            buf |= UInt32(try next()) << count
            count += 8
        }
        let v = Int(buf & ((1 << UInt32(n)) - 1))
        st[InflateWord.bitBuf] = n == 32 ? 0 : buf >> UInt32(n)
        st[InflateWord.bitCount] = count - UInt32(n)
        return v
    }

    private func alignToByte() {
        st[InflateWord.bitBuf] = 0
        st[InflateWord.bitCount] = 0
    }

    private func byte() throws -> UInt8 { UInt8(try bits(8)) }

    // MARK: Huffman codes (canonical, decoded a bit at a time)

    /// Builds counts/symbols from code lengths; false if the lengths are over-subscribed.
    private func build(_ count: UnsafeMutablePointer<UInt16>, _ sym: UnsafeMutablePointer<UInt16>, _ lengths: [Int]) -> Bool {
        for i in 0..<16 { count[i] = 0 }
        for l in lengths { count[l] += 1 }
        var left = 1
        for len in 1..<16 {
            left <<= 1
            left -= Int(count[len])
            if left < 0 { return false }
        }
        var offs = [Int](repeating: 0, count: 16)
        for len in 1..<15 { offs[len + 1] = offs[len] + Int(count[len]) }
        for (s, l) in lengths.enumerated() where l != 0 {
            sym[offs[l]] = UInt16(s)
            offs[l] += 1
        }
        return true
    }

    private func decode(_ count: UnsafeMutablePointer<UInt16>, _ sym: UnsafeMutablePointer<UInt16>) throws -> Int {
        var code = 0, first = 0, index = 0
        for len in 1..<16 {
            code |= try bits(1)
            let n = Int(count[len])
            if code - n < first { return Int(sym[index + (code - first)]) }
            index += n
            first = (first + n) << 1
            code <<= 1
        }
        throw Inflater.corrupt()
    }

    private func fixedTables() {
        var l = [Int](repeating: 8, count: 288)
        for i in 144..<256 { l[i] = 9 }
        for i in 256..<280 { l[i] = 7 }
        _ = build(lenCount, lenSym, l)
        _ = build(distCount, distSym, [Int](repeating: 5, count: 30))
    }

    private func dynamicTables() throws {
        let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
        if nlen > 286 || ndist > 30 { throw Inflater.corrupt() }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var cl = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { cl[order[i]] = try bits(3) }
        if !build(lenCount, lenSym, cl) { throw Inflater.corrupt() }
        var lengths: [Int] = []
        while lengths.count < nlen + ndist {
            let s = try decode(lenCount, lenSym)
            if s < 16 { lengths.append(s); continue }
            var rep = 0, len = 0
            if s == 16 {
                guard let last = lengths.last else { throw Inflater.corrupt() }
                len = last
                rep = 3 + (try bits(2))
            } else if s == 17 {
                rep = 3 + (try bits(3))
            } else {
                rep = 11 + (try bits(7))
            }
            if lengths.count + rep > nlen + ndist { throw Inflater.corrupt() }
            lengths += [Int](repeating: len, count: rep)
        }
        if lengths[256] == 0 { throw Inflater.corrupt() }
        if !build(lenCount, lenSym, Array(lengths[0..<nlen])) { throw Inflater.corrupt() }
        if !build(distCount, distSym, Array(lengths[nlen...])) { throw Inflater.corrupt() }
    }

    // MARK: stream header and trailer

    /// Reads a zlib or gzip header as the format allows; returns the window bits it implies.
    private func header() throws -> Int {
        let fmt = Int(st[InflateWord.format])
        let b0 = try byte(), b1 = try byte()
        if b0 == 0x1F && b1 == 0x8B {
            if fmt == DeflateFormat.zlib { throw Inflater.corrupt() }
            st[InflateWord.format] = UInt32(DeflateFormat.gzip)
            if try byte() != 8 { throw Inflater.corrupt() }
            let flags = try byte()
            for _ in 0..<6 { _ = try byte() }      // mtime, extra flags, OS
            if flags & 4 != 0 {
                let n = Int(try byte()) | Int(try byte()) << 8
                for _ in 0..<n { _ = try byte() }
            }
            if flags & 8 != 0 { while try byte() != 0 {} }
            if flags & 16 != 0 { while try byte() != 0 {} }
            if flags & 2 != 0 { _ = try byte(); _ = try byte() }
            st[InflateWord.checksum] = 0
            return 15
        }
        if fmt == DeflateFormat.gzip { throw Inflater.corrupt() }
        guard (Int(b0) << 8 | Int(b1)) % 31 == 0, b0 & 0x0F == 8, b0 >> 4 <= 7, b1 & 0x20 == 0 else { throw Inflater.corrupt() }
        st[InflateWord.format] = UInt32(DeflateFormat.zlib)
        st[InflateWord.checksum] = 1
        return Int(b0 >> 4) + 8
    }

    private func trailer() throws {
        alignToByte()
        let fmt = Int(st[InflateWord.format])
        if fmt == DeflateFormat.zlib {
            var v: UInt32 = 0
            for _ in 0..<4 { v = v << 8 | UInt32(try byte()) }
            if v != st[InflateWord.checksum] { throw Inflater.corrupt() }
        } else if fmt == DeflateFormat.gzip {
            var crc: UInt32 = 0, size: UInt32 = 0
            for k in 0..<4 { crc |= UInt32(try byte()) << UInt32(8 * k) }
            for k in 0..<4 { size |= UInt32(try byte()) << UInt32(8 * k) }
            if crc != st[InflateWord.checksum] || size != st[InflateWord.outCount] { throw Inflater.corrupt() }
        }
    }

    // MARK: output

    private var window: UnsafeMutablePointer<UInt8> { hostPtr(st[InflateWord.window]).assumingMemoryBound(to: UInt8.self) }

    private func emit(_ b: UInt8, _ out: inout [UInt8]) {
        let n = st[InflateWord.outCount]
        window[Int(n & (st[InflateWord.windowSize] - 1))] = b
        st[InflateWord.outCount] = n &+ 1
        out.append(b)
    }

    /// Decompresses until `want` more bytes are out (want < 0: to the end); returns them.
    /// `allocWindow` makes the window once the header fixed its size.
    func inflate(want: Int, allocWindow: (Int) throws -> UInt32) throws -> [UInt8] {
        var out: [UInt8] = []
        var summed = 0
        // adds the bytes output since the last call to the running adler32 / crc32
        func sum() {
            let fmt = Int(st[InflateWord.format])
            if summed < out.count && (fmt == DeflateFormat.zlib || fmt == DeflateFormat.gzip) {
                st[InflateWord.checksum] = out[summed...].withUnsafeBufferPointer {
                    fmt == DeflateFormat.zlib ? adler32Update(st[InflateWord.checksum], $0) : crc32Update(st[InflateWord.checksum], $0)
                }
            }
            summed = out.count
        }
        defer { sum() }
        while want < 0 || out.count < want {
            // read() to the end of a small input can unpack gigabytes (one byte per turn here)
            try checkHostText(out.count)
            switch Int(st[InflateWord.phase]) {
            case InflatePhase.header:
                var wbits = Int(st[InflateWord.wbits])
                if Int(st[InflateWord.format]) == DeflateFormat.raw {
                    if wbits == 0 { wbits = 8 }
                } else {
                    let hw = try header()
                    if wbits == 0 || hw < wbits { wbits = hw }
                }
                st[InflateWord.windowSize] = 1 << UInt32(wbits)
                st[InflateWord.window] = try allocWindow(1 << wbits)
                st[InflateWord.phase] = UInt32(InflatePhase.blockHeader)
            case InflatePhase.blockHeader:
                st[InflateWord.final] = UInt32(try bits(1))
                switch try bits(2) {
                case 0:
                    alignToByte()
                    let len = Int(try byte()) | Int(try byte()) << 8
                    let nlen = Int(try byte()) | Int(try byte()) << 8
                    if len != (~nlen & 0xFFFF) { throw Inflater.corrupt() }
                    st[InflateWord.storedLeft] = UInt32(len)
                    st[InflateWord.phase] = UInt32(InflatePhase.stored)
                case 1:
                    fixedTables()
                    st[InflateWord.phase] = UInt32(InflatePhase.huffman)
                case 2:
                    try dynamicTables()
                    st[InflateWord.phase] = UInt32(InflatePhase.huffman)
                default:
                    throw Inflater.corrupt()
                }
            case InflatePhase.stored:
                if st[InflateWord.storedLeft] == 0 {
                    st[InflateWord.phase] = UInt32(st[InflateWord.final] != 0 ? InflatePhase.trailer : InflatePhase.blockHeader)
                    continue
                }
                emit(try byte(), &out)
                st[InflateWord.storedLeft] -= 1
            case InflatePhase.huffman:
                if st[InflateWord.copyLen] > 0 {
                    let d = st[InflateWord.copyDist]
                    let n = st[InflateWord.outCount]
                    emit(window[Int((n &- d) & (st[InflateWord.windowSize] - 1))], &out)
                    st[InflateWord.copyLen] -= 1
                    continue
                }
                let s = try decode(lenCount, lenSym)
                if s < 256 {
                    emit(UInt8(s), &out)
                } else if s == 256 {
                    st[InflateWord.phase] = UInt32(st[InflateWord.final] != 0 ? InflatePhase.trailer : InflatePhase.blockHeader)
                } else {
                    let li = s - 257
                    if li >= 29 { throw Inflater.corrupt() }
                    let len = deflateLengthBase[li] + (try bits(deflateLengthExtra[li]))
                    let ds = try decode(distCount, distSym)
                    if ds >= 30 { throw Inflater.corrupt() }
                    let dist = deflateDistBase[ds] + (try bits(deflateDistExtra[ds]))
                    // a reference beyond the window (or before the start) cannot be served
                    if dist > Int(st[InflateWord.windowSize]) || UInt32(dist) > st[InflateWord.outCount] && st[InflateWord.outCount] < st[InflateWord.windowSize] {
                        throw Inflater.corrupt()
                    }
                    st[InflateWord.copyLen] = UInt32(len)
                    st[InflateWord.copyDist] = UInt32(dist)
                }
            case InflatePhase.trailer:
                sum()
                try trailer()
                st[InflateWord.phase] = UInt32(InflatePhase.done)
            default:
                return out
            }
        }
        return out
    }
}
