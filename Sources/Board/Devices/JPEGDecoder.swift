import Foundation

// A baseline JPEG decoder (ITU-T T.81 sequential DCT, Huffman coding, 8-bit samples) for display
// models that take JPEG data (the LCD160CR). Handles greyscale and YCbCr (JFIF) images with any
// sampling factors up to 4, restart intervals, and 8- and 16-bit quantisation tables. Progressive,
// lossless, arithmetic-coded and 12-bit images are refused with an error, as are damaged files:
// every length and index read from the data is checked.

public struct JPEGImage {
    public let width: Int
    public let height: Int
    /// RGB888 pixels, row by row.
    public let rgb: [UInt8]
}

public enum JPEGError: Error, Equatable {
    case truncated
    case notJPEG
    case unsupported(String)
    case corrupt(String)
}

public enum JPEGDecoder {
    /// Zig-zag order: position k of the coded coefficients -> index in the 8x8 block.
    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]

    /// The largest image accepted (width x height), so a bogus header cannot ask for much memory.
    static let maxPixels = 1024 * 1024

    struct Huffman {
        /// (code length, code) -> symbol.
        var lookup: [Int: UInt8] = [:]
        var maxLength = 0
        static func key(_ len: Int, _ code: Int) -> Int { len << 16 | code }
    }

    struct Component {
        let id: UInt8, h: Int, v: Int, tq: Int
        var td = 0, ta = 0
        var pred = 0
        var plane: [UInt8] = []
        var planeWidth = 0
    }

    final class BitReader {
        let data: [UInt8]
        var pos: Int
        var bits = 0, count = 0
        init(_ d: [UInt8], _ p: Int) { data = d; pos = p }

        func bit() throws -> Int {
            if count == 0 {
                guard pos < data.count else { throw JPEGError.truncated }
                let b = Int(data[pos])
                if b == 0xFF {
                    let next = pos + 1 < data.count ? data[pos + 1] : 0
                    // a marker where coded data should be: the scan was cut short
                    guard next == 0x00 else { throw JPEGError.truncated }
                    pos += 2
                } else {
                    pos += 1
                }
                bits = b
                count = 8
            }
            count -= 1
            return (bits >> count) & 1
        }

        func receive(_ n: Int) throws -> Int {
            var v = 0
            for _ in 0..<n { v = (v << 1) | (try bit()) }
            return v
        }

        /// Skips to the next byte boundary and past an RSTn marker.
        func restart() throws {
            count = 0
            while pos + 1 < data.count, !(data[pos] == 0xFF && (0xD0...0xD7).contains(data[pos + 1])) { pos += 1 }
            guard pos + 1 < data.count else { throw JPEGError.truncated }
            pos += 2
        }
    }

    static func decodeSymbol(_ r: BitReader, _ t: Huffman) throws -> UInt8 {
        var code = 0
        for len in 1...16 {
            code = (code << 1) | (try r.bit())
            if let s = t.lookup[Huffman.key(len, code)] { return s }
            if len >= t.maxLength { break }
        }
        throw JPEGError.corrupt("bad Huffman code")
    }

    static func extend(_ v: Int, _ n: Int) -> Int { n == 0 ? 0 : (v < 1 << (n - 1) ? v - (1 << n) + 1 : v) }

    public static func decode(_ d: [UInt8]) throws -> JPEGImage {
        guard d.count >= 4, d[0] == 0xFF, d[1] == 0xD8 else { throw JPEGError.notJPEG }
        var pos = 2
        var qt = [[Int]](repeating: [], count: 4)
        var dc = [Huffman](repeating: Huffman(), count: 4), ac = [Huffman](repeating: Huffman(), count: 4)
        var comps: [Component] = []
        var width = 0, height = 0, restartInterval = 0
        var hmax = 1, vmax = 1

        func u16(_ p: Int) throws -> Int {
            guard p + 1 < d.count else { throw JPEGError.truncated }
            return Int(d[p]) << 8 | Int(d[p + 1])
        }

        while true {
            // find the next marker (fill bytes 0xFF may repeat)
            guard pos + 1 < d.count else { throw JPEGError.truncated }
            guard d[pos] == 0xFF else { throw JPEGError.corrupt("marker expected") }
            var m = d[pos + 1]
            pos += 2
            while m == 0xFF {
                guard pos < d.count else { throw JPEGError.truncated }
                m = d[pos]; pos += 1
            }
            if m == 0xD9 { throw JPEGError.corrupt("no image data") }
            if (0xD0...0xD7).contains(m) || m == 0x01 { continue }
            let len = try u16(pos)
            guard len >= 2, pos + len <= d.count else { throw JPEGError.truncated }
            let seg = Array(d[(pos + 2)..<(pos + len)])
            pos += len
            switch m {
            case 0xDB:
                var i = 0
                while i < seg.count {
                    let pq = Int(seg[i] >> 4), tq = Int(seg[i] & 15)
                    guard tq < 4, pq <= 1 else { throw JPEGError.corrupt("bad quantisation table") }
                    let n = pq == 0 ? 64 : 128
                    guard i + 1 + n <= seg.count else { throw JPEGError.truncated }
                    var t = [Int](repeating: 0, count: 64)
                    for k in 0..<64 {
                        t[zigzag[k]] = pq == 0 ? Int(seg[i + 1 + k]) : Int(seg[i + 1 + 2 * k]) << 8 | Int(seg[i + 2 + 2 * k])
                    }
                    qt[tq] = t
                    i += 1 + n
                }
            case 0xC4:
                var i = 0
                while i < seg.count {
                    guard i + 17 <= seg.count else { throw JPEGError.truncated }
                    let tc = Int(seg[i] >> 4), th = Int(seg[i] & 15)
                    guard tc <= 1, th < 4 else { throw JPEGError.corrupt("bad Huffman table") }
                    let counts = seg[(i + 1)..<(i + 17)].map(Int.init)
                    let total = counts.reduce(0, +)
                    guard i + 17 + total <= seg.count else { throw JPEGError.truncated }
                    var t = Huffman()
                    var code = 0, k = i + 17
                    for len in 1...16 {
                        for _ in 0..<counts[len - 1] {
                            t.lookup[Huffman.key(len, code)] = seg[k]
                            k += 1; code += 1
                            t.maxLength = len
                        }
                        code <<= 1
                    }
                    if tc == 0 { dc[th] = t } else { ac[th] = t }
                    i = k
                }
            case 0xC0, 0xC1:
                guard seg.count >= 6, seg[0] == 8 else { throw JPEGError.unsupported("only 8-bit samples") }
                height = Int(seg[1]) << 8 | Int(seg[2])
                width = Int(seg[3]) << 8 | Int(seg[4])
                let n = Int(seg[5])
                guard width > 0, height > 0, width * height <= maxPixels else { throw JPEGError.unsupported("image size \(width)x\(height)") }
                guard n == 1 || n == 3, seg.count >= 6 + 3 * n else { throw JPEGError.unsupported("\(n) components") }
                for c in 0..<n {
                    let h = Int(seg[7 + 3 * c] >> 4), v = Int(seg[7 + 3 * c] & 15), tq = Int(seg[8 + 3 * c])
                    guard (1...4).contains(h), (1...4).contains(v), tq < 4 else { throw JPEGError.corrupt("bad component") }
                    comps.append(Component(id: seg[6 + 3 * c], h: h, v: v, tq: tq))
                }
                hmax = comps.map(\.h).max()!
                vmax = comps.map(\.v).max()!
            case 0xC2, 0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                throw JPEGError.unsupported(m == 0xC2 ? "progressive JPEG" : "JPEG process SOF\(m & 15)")
            case 0xDD:
                guard seg.count >= 2 else { throw JPEGError.truncated }
                restartInterval = Int(seg[0]) << 8 | Int(seg[1])
            case 0xDA:
                guard !comps.isEmpty else { throw JPEGError.corrupt("scan before frame header") }
                guard let ns = seg.first.map(Int.init), seg.count >= 1 + 2 * ns + 3 else { throw JPEGError.truncated }
                guard ns == comps.count else { throw JPEGError.unsupported("non-interleaved scans") }
                for s in 0..<ns {
                    guard let ci = comps.firstIndex(where: { $0.id == seg[1 + 2 * s] }) else { throw JPEGError.corrupt("unknown component") }
                    comps[ci].td = Int(seg[2 + 2 * s] >> 4)
                    comps[ci].ta = Int(seg[2 + 2 * s] & 15)
                    guard comps[ci].td < 4, comps[ci].ta < 4 else { throw JPEGError.corrupt("bad table") }
                }
                for c in comps where qt[c.tq].isEmpty { throw JPEGError.corrupt("missing quantisation table \(c.tq)") }
                try decodeScan(d, pos, &comps, qt: qt, dc: dc, ac: ac, width: width, height: height, hmax: hmax, vmax: vmax,
                               restartInterval: restartInterval)
                return convert(comps, width: width, height: height, hmax: hmax, vmax: vmax)
            default:
                break  // APPn, COM, DNL and others: skipped
            }
        }
    }

    static func decodeScan(_ d: [UInt8], _ start: Int, _ comps: inout [Component], qt: [[Int]], dc: [Huffman], ac: [Huffman],
                           width: Int, height: Int, hmax: Int, vmax: Int, restartInterval: Int) throws {
        let mcuW = 8 * hmax, mcuH = 8 * vmax
        let mcusX = (width + mcuW - 1) / mcuW, mcusY = (height + mcuH - 1) / mcuH
        for i in comps.indices {
            comps[i].planeWidth = mcusX * comps[i].h * 8
            comps[i].plane = [UInt8](repeating: 0, count: comps[i].planeWidth * mcusY * comps[i].v * 8)
        }
        let r = BitReader(d, start)
        var block = [Int](repeating: 0, count: 64)
        var mcu = 0
        for my in 0..<mcusY {
            for mx in 0..<mcusX {
                if restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0 {
                    try r.restart()
                    for i in comps.indices { comps[i].pred = 0 }
                }
                mcu += 1
                for i in comps.indices {
                    for by in 0..<comps[i].v {
                        for bx in 0..<comps[i].h {
                            for k in 0..<64 { block[k] = 0 }
                            let t = try decodeSymbol(r, dc[comps[i].td])
                            let n = Int(t)
                            guard n <= 11 else { throw JPEGError.corrupt("bad DC size") }
                            comps[i].pred += extend(try r.receive(n), n)
                            let q = qt[comps[i].tq]
                            block[0] = comps[i].pred * q[0]
                            var k = 1
                            while k < 64 {
                                let rs = Int(try decodeSymbol(r, ac[comps[i].ta]))
                                let run = rs >> 4, size = rs & 15
                                if size == 0 {
                                    if run == 15 { k += 16; continue }
                                    break
                                }
                                k += run
                                guard k < 64 else { throw JPEGError.corrupt("coefficient index") }
                                block[zigzag[k]] = extend(try r.receive(size), size) * q[zigzag[k]]
                                k += 1
                            }
                            idct(&block)
                            let px = (mx * comps[i].h + bx) * 8, py = (my * comps[i].v + by) * 8
                            let pw = comps[i].planeWidth
                            for y in 0..<8 {
                                for x in 0..<8 { comps[i].plane[(py + y) * pw + px + x] = UInt8(max(0, min(255, block[y * 8 + x] + 128))) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The separable floating-point inverse DCT of T.81 A.3.3, rounded to integers.
    static func idct(_ b: inout [Int]) {
        var tmp = [Double](repeating: 0, count: 64)
        for u in 0..<8 {
            for x in 0..<8 {
                var s = 0.0
                for v in 0..<8 { s += (v == 0 ? 1 / 2.0.squareRoot() : 1) * Double(b[v * 8 + u]) * cosTable[x * 8 + v] }
                tmp[x * 8 + u] = s / 2
            }
        }
        for y in 0..<8 {
            for x in 0..<8 {
                var s = 0.0
                for u in 0..<8 { s += (u == 0 ? 1 / 2.0.squareRoot() : 1) * tmp[y * 8 + u] * cosTable[x * 8 + u] }
                b[y * 8 + x] = Int((s / 2).rounded())
            }
        }
    }

    /// cos((2x + 1)uπ / 16) at [x * 8 + u].
    static let cosTable: [Double] = (0..<64).map { i in
        let x = Double(i / 8), u = Double(i % 8)
        return cos((2 * x + 1) * u * Double.pi / 16)
    }

    static func convert(_ comps: [Component], width: Int, height: Int, hmax: Int, vmax: Int) -> JPEGImage {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        func sample(_ c: Component, _ x: Int, _ y: Int) -> Double {
            Double(c.plane[(y * c.v / vmax) * c.planeWidth + x * c.h / hmax])
        }
        for y in 0..<height {
            for x in 0..<width {
                let o = (y * width + x) * 3
                if comps.count == 1 {
                    let g = UInt8(sample(comps[0], x, y))
                    rgb[o] = g; rgb[o + 1] = g; rgb[o + 2] = g
                } else {
                    let yy = sample(comps[0], x, y), cb = sample(comps[1], x, y) - 128, cr = sample(comps[2], x, y) - 128
                    func clamp(_ v: Double) -> UInt8 { UInt8(max(0, min(255, v.rounded()))) }
                    rgb[o] = clamp(yy + 1.402 * cr)
                    rgb[o + 1] = clamp(yy - 0.344136 * cb - 0.714136 * cr)
                    rgb[o + 2] = clamp(yy + 1.772 * cb)
                }
            }
        }
        return JPEGImage(width: width, height: height, rgb: rgb)
    }
}
