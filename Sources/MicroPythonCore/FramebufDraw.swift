// Pixel formats and drawing primitives of framebuf, on a raw view of a frame buffer's bytes.
// Each format stores pixels as MicroPython's extmod/modframebuf.c documents them:
//   MONO_VLSB  one bit a pixel, a byte is a vertical run of 8 pixels, bit 0 at the top
//   MONO_HLSB  one bit a pixel, a byte is a horizontal run of 8, bit 7 leftmost
//   MONO_HMSB  one bit a pixel, a byte is a horizontal run of 8, bit 0 leftmost
//   RGB565     16 bits a pixel, little-endian
//   GS2_HMSB   2 bits a pixel, 4 a byte, leftmost in the low bits
//   GS4_HMSB   4 bits a pixel, 2 a byte, leftmost in the high nibble
//   GS8        one byte a pixel

enum FBFormat: Int {
    case monoVLSB = 0, rgb565 = 1, gs4HMSB = 2, monoHLSB = 3, monoHMSB = 4, gs2HMSB = 5, gs8 = 6
}

struct FBSurface {
    let buf: UnsafeMutablePointer<UInt8>
    let width: Int
    let height: Int
    let stride: Int
    let format: FBFormat

    /// Bytes the surface covers (for checking the buffer is large enough).
    static func bytesNeeded(width: Int, height: Int, stride: inout Int, format: FBFormat) -> Int {
        switch format {
        case .monoVLSB: return (height + 7) / 8 * stride
        case .monoHLSB, .monoHMSB:
            stride = (stride + 7) & ~7
            return height * stride / 8
        case .gs2HMSB:
            stride = (stride + 3) & ~3
            return height * stride / 4
        case .gs4HMSB:
            stride = (stride + 1) & ~1
            return height * stride / 2
        case .gs8: return height * stride
        case .rgb565: return height * stride * 2
        }
    }

    @inline(__always) func set(_ x: Int, _ y: Int, _ c: UInt32) {
        switch format {
        case .monoVLSB:
            let i = (y >> 3) * stride + x
            let bit = UInt8(1) << UInt8(y & 7)
            buf[i] = c & 1 != 0 ? buf[i] | bit : buf[i] & ~bit
        case .monoHLSB, .monoHMSB:
            let i = (x + y * stride) >> 3
            let bit = UInt8(1) << UInt8(format == .monoHLSB ? 7 - (x & 7) : x & 7)
            buf[i] = c & 1 != 0 ? buf[i] | bit : buf[i] & ~bit
        case .rgb565:
            let i = 2 * (x + y * stride)
            buf[i] = UInt8(truncatingIfNeeded: c)
            buf[i + 1] = UInt8(truncatingIfNeeded: c >> 8)
        case .gs2HMSB:
            let i = (x + y * stride) >> 2
            let shift = UInt8((x & 3) << 1)
            buf[i] = (buf[i] & ~(3 << shift)) | (UInt8(truncatingIfNeeded: c & 3) << shift)
        case .gs4HMSB:
            let i = (x + y * stride) >> 1
            if x & 1 != 0 {
                buf[i] = (buf[i] & 0xF0) | UInt8(truncatingIfNeeded: c & 0x0F)
            } else {
                buf[i] = (buf[i] & 0x0F) | (UInt8(truncatingIfNeeded: c & 0x0F) << 4)
            }
        case .gs8:
            buf[x + y * stride] = UInt8(truncatingIfNeeded: c)
        }
    }

    @inline(__always) func get(_ x: Int, _ y: Int) -> UInt32 {
        switch format {
        case .monoVLSB:
            return UInt32(buf[(y >> 3) * stride + x] >> UInt8(y & 7)) & 1
        case .monoHLSB:
            return UInt32(buf[(x + y * stride) >> 3] >> UInt8(7 - (x & 7))) & 1
        case .monoHMSB:
            return UInt32(buf[(x + y * stride) >> 3] >> UInt8(x & 7)) & 1
        case .rgb565:
            let i = 2 * (x + y * stride)
            return UInt32(buf[i]) | UInt32(buf[i + 1]) << 8
        case .gs2HMSB:
            return UInt32(buf[(x + y * stride) >> 2] >> UInt8((x & 3) << 1)) & 3
        case .gs4HMSB:
            let b = buf[(x + y * stride) >> 1]
            return UInt32(x & 1 != 0 ? b & 0x0F : b >> 4)
        case .gs8:
            return UInt32(buf[x + y * stride])
        }
    }

    @inline(__always) func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    @inline(__always) func setChecked(_ x: Int, _ y: Int, _ c: UInt32) {
        if contains(x, y) { set(x, y, c) }
    }

    /// A rectangle clipped to the surface.
    func fillRect(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ c: UInt32) {
        if h < 1 || w < 1 || x + w <= 0 || y + h <= 0 || y >= height || x >= width { return }
        let x0 = max(x, 0), y0 = max(y, 0)
        let x1 = min(x + w, width), y1 = min(y + h, height)
        if format == .gs8 {
            let v = UInt8(truncatingIfNeeded: c)
            for yy in y0..<y1 { (buf + yy * stride + x0).update(repeating: v, count: x1 - x0) }
            return
        }
        if format == .monoVLSB {
            // whole bytes where a run of 8 rows is covered
            for xx in x0..<x1 {
                var yy = y0
                while yy < y1 {
                    if yy & 7 == 0 && yy + 8 <= y1 {
                        buf[(yy >> 3) * stride + xx] = c & 1 != 0 ? 0xFF : 0
                        yy += 8
                    } else {
                        set(xx, yy, c)
                        yy += 1
                    }
                }
            }
            return
        }
        for yy in y0..<y1 { for xx in x0..<x1 { set(xx, yy, c) } }
    }

    /// Bresenham's line, both end points included. Far-off end points make long loops, so Ctrl-C
    /// is polled as in the VM.
    func line(_ xa: Int, _ ya: Int, _ xb: Int, _ yb: Int, _ c: UInt32) throws {
        var dx = xb - xa, dy = yb - ya
        var sx = 1, sy = 1
        if dx < 0 { dx = -dx; sx = -1 }
        if dy < 0 { dy = -dy; sy = -1 }
        var x = xa, y = ya
        // walk the major axis; `steep` means that axis is y
        let steep = dy > dx
        if steep { swap(&x, &y); swap(&dx, &dy); swap(&sx, &sy) }
        var e = 2 * dy - dx
        // both coordinates move monotonically: once past the far edge, nothing more is drawn
        let majorEnd = steep ? height : width, minorEnd = steep ? width : height
        // a start far before the near edge jumps ahead to step k, where the state of the walk is
        // known in closed form: after k steps the minor axis moved m(k) times
        var k0 = sx > 0 ? -x : x - (majorEnd - 1)
        if k0 > 0 && k0 < dx {
            k0 = min(k0, dx)
            let t = Int128(2 * dy - dx) + Int128(2 * dy) * Int128(k0 - 1)
            let m = t >= 0 ? Int(t / Int128(2 * dx)) + 1 : 0
            x += sx * k0
            y += sy * m
            e = Int(Int128(2 * dy - dx) + Int128(2 * dy) * Int128(k0) - Int128(2 * dx) * Int128(m))
        } else {
            k0 = 0
        }
        for i in k0..<dx {
            if i & 0xFFFF == 0xFFFF { try pollInterrupts() }
            if (sx > 0 ? x >= majorEnd : x < 0) || (sy > 0 ? y >= minorEnd : y < 0) { break }
            if steep { setChecked(y, x, c) } else { setChecked(x, y, c) }
            while e >= 0 { y += sy; e -= 2 * dx }
            x += sx
            e += 2 * dy
        }
        setChecked(xb, yb, c)
    }

    /// Ellipse by the midpoint method of J. Kennedy ("A fast Bresenham type algorithm for drawing
    /// ellipses"): two runs, one where x changes slowly and one where y does. `quadrants` bit 0 is
    /// the upper right, then counter-clockwise; `fill` draws spans instead of outline points.
    func ellipse(_ cx: Int, _ cy: Int, _ rx: Int, _ ry: Int, _ c: UInt32, fill: Bool, quadrants q: Int) throws {
        func plot(_ x: Int, _ y: Int) {
            if fill {
                if q & 1 != 0 { fillRect(cx, cy - y, x + 1, 1, c) }
                if q & 2 != 0 { fillRect(cx - x, cy - y, x + 1, 1, c) }
                if q & 4 != 0 { fillRect(cx - x, cy + y, x + 1, 1, c) }
                if q & 8 != 0 { fillRect(cx, cy + y, x + 1, 1, c) }
            } else {
                if q & 1 != 0 { setChecked(cx + x, cy - y, c) }
                if q & 2 != 0 { setChecked(cx - x, cy - y, c) }
                if q & 4 != 0 { setChecked(cx - x, cy + y, c) }
                if q & 8 != 0 { setChecked(cx + x, cy + y, c) }
            }
        }
        if rx == 0 && ry == 0 {
            if q != 0 { setChecked(cx, cy, c) }
            return
        }
        let a2 = 2 * rx * rx, b2 = 2 * ry * ry
        // run 1: from (rx, 0) while the slope is above -1
        var x = rx, y = 0
        var xChange = ry * ry * (1 - 2 * rx), yChange = rx * rx
        var err = 0
        var stopX = b2 * rx, stopY = 0
        var n = 0
        while stopX >= stopY {
            n += 1
            if n & 0xFFFF == 0 { try pollInterrupts() }
            plot(x, y)
            y += 1
            stopY += a2
            err += yChange
            yChange += a2
            if 2 * err + xChange > 0 {
                x -= 1
                stopX -= b2
                err += xChange
                xChange += b2
            }
        }
        // run 2: from (0, ry) while the slope is below -1
        x = 0; y = ry
        xChange = ry * ry; yChange = rx * rx * (1 - 2 * ry)
        err = 0
        stopX = 0; stopY = a2 * ry
        while stopX <= stopY {
            n += 1
            if n & 0xFFFF == 0 { try pollInterrupts() }
            plot(x, y)
            x += 1
            stopX += b2
            err += xChange
            xChange += b2
            if 2 * err + yChange > 0 {
                y -= 1
                stopY -= a2
                err += yChange
                yChange += a2
            }
        }
    }

    /// Polygon through `pts` (x, y pairs) offset by (x, y), outline or filled (even-odd rule).
    func poly(_ x: Int, _ y: Int, _ pts: [(Int, Int)], _ c: UInt32, fill: Bool) throws {
        let n = pts.count
        if n == 0 { return }
        if !fill {
            var prev = pts[0]
            for i in Swift.stride(from: n - 1, through: 0, by: -1) {
                let p = pts[i]
                try line(x + prev.0, y + prev.1, x + p.0, y + p.1, c)
                prev = p
            }
            return
        }
        let yMin = pts.map { $0.1 }.min()!, yMax = pts.map { $0.1 }.max()!
        var nodes: [Int] = []
        // rows off the surface draw nothing
        let firstRow = max(yMin, -y), lastRow = min(yMax, height - 1 - y)
        if firstRow > lastRow { return }
        for row in firstRow...lastRow {
            if row & 0xFFF == 0 { try pollInterrupts() }
            nodes.removeAll(keepingCapacity: true)
            var p1 = pts[0]
            for i in Swift.stride(from: n - 1, through: 0, by: -1) {
                let p2 = pts[i]
                // an edge's lower end point is left out so a vertex shared by two edges counts once
                if p1.1 != p2.1 && ((p1.1 > row && p2.1 <= row) || (p1.1 <= row && p2.1 > row)) {
                    // x where the edge crosses the row, in 1/32 pixel, rounded
                    // (far-off vertices may wrap; the result is clamped and then clipped)
                    let t = (32 &* (p2.0 - p1.0) &* (row - p1.1)) / (p2.1 - p1.1)
                    nodes.append(min(max((32 &* p1.0 &+ t &+ 16) / 32, -(1 << 40)), 1 << 40))
                } else if row == max(p1.1, p2.1) {
                    // the left-out end points of a local minimum, and horizontal edges
                    if p1.1 < p2.1 { setChecked(x + p2.0, y + p2.1, c) }
                    else if p2.1 < p1.1 { setChecked(x + p1.0, y + p1.1, c) }
                    else { try line(x + p1.0, y + p1.1, x + p2.0, y + p2.1, c) }
                }
                p1 = p2
            }
            if nodes.isEmpty { continue }
            nodes.sort()
            var i = 0
            while i + 1 < nodes.count {
                fillRect(x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, c)
                i += 2
            }
        }
    }

    /// Text in the 8x8 font; bytes outside 32..127 draw as glyph 127.
    func text(_ s: UnsafeBufferPointer<UInt8>, _ x: Int, _ y: Int, _ c: UInt32) {
        var x0 = x
        for ch in s {
            let code = ch < 32 || ch > 127 ? 127 : Int(ch)
            let base = (code - 32) * 8
            for j in 0..<8 {
                if x0 >= 0 && x0 < width {
                    var col = framebufFont[base + j]
                    var yy = y
                    while col != 0 {
                        if col & 1 != 0 && yy >= 0 && yy < height { set(x0, yy, c) }
                        col >>= 1
                        yy += 1
                    }
                }
                x0 += 1
            }
        }
    }

    /// Moves the contents by (dx, dy); the uncovered strip keeps its old pixels.
    func scroll(_ dx: Int, _ dy: Int) {
        let sx: Int, xEnd: Int, xStep: Int
        if dx < 0 {
            sx = 0; xEnd = width + dx; xStep = 1
            if xEnd <= 0 { return }
        } else {
            sx = width - 1; xEnd = dx - 1; xStep = -1
            if xEnd >= sx { return }
        }
        var yy: Int, yEnd: Int, yStep: Int
        if dy < 0 {
            yy = 0; yEnd = height + dy; yStep = 1
            if yEnd <= 0 { return }
        } else {
            yy = height - 1; yEnd = dy - 1; yStep = -1
            if yEnd >= yy { return }
        }
        while yy != yEnd {
            var xx = sx
            while xx != xEnd {
                set(xx, yy, get(xx - dx, yy - dy))
                xx += xStep
            }
            yy += yStep
        }
    }

    /// Copies `src` with its top-left at (x, y); pixels equal to `key` are skipped, and `palette`
    /// (a surface whose row 0 maps source colours) translates colours first.
    func blit(_ src: FBSurface, _ x: Int, _ y: Int, key: Int, palette: FBSurface?) {
        if x >= width || y >= height || -x >= src.width || -y >= src.height { return }
        let x0 = max(0, x), y0 = max(0, y)
        let sx0 = max(0, -x)
        var sy = max(0, -y)
        let x0End = min(width, x + src.width), y0End = min(height, y + src.height)
        for yy in y0..<y0End {
            var sx = sx0
            for xx in x0..<x0End {
                var col = src.get(sx, sy)
                if let p = palette { col = Int(col) < p.width ? p.get(Int(col), 0) : col }
                if Int(col) != key { set(xx, yy, col) }
                sx += 1
            }
            sy += 1
        }
    }
}
