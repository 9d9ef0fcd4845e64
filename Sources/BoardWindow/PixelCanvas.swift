import Foundation

// A software raster: 0xAARRGGBB pixels (SDL_PIXELFORMAT_ARGB8888 order), row-major, opaque.
// Shapes take pixel coordinates as Double and cover the pixels whose centres fall inside, with a
// one-pixel soft edge on circles (LEDs, holes and glows look round at small sizes).

public struct PixelCanvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt32]

    public init(width: Int, height: Int, fill: Colour = Colour(0, 0, 0)) {
        precondition(width > 0 && height > 0)
        self.width = width
        self.height = height
        pixels = [UInt32](repeating: fill.argb, count: width * height)
    }

    public func colour(atX x: Int, y: Int) -> Colour {
        Colour(argb: pixels[y * width + x])
    }

    // MARK: blending

    @inline(__always)
    mutating func blend(_ x: Int, _ y: Int, _ c: Colour, _ alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let i = y * width + x
        if alpha >= 1 { pixels[i] = c.argb; return }
        let d = pixels[i]
        let a = UInt32(alpha * 256)
        let na = 256 - a
        let r = ((d >> 16 & 0xFF) * na + UInt32(c.r) * a) >> 8
        let g = ((d >> 8 & 0xFF) * na + UInt32(c.g) * a) >> 8
        let b = ((d & 0xFF) * na + UInt32(c.b) * a) >> 8
        pixels[i] = 0xFF00_0000 | r << 16 | g << 8 | b
    }

    // MARK: shapes

    public mutating func fillRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ c: Colour, alpha: Double = 1) {
        let x0 = max(0, Int((x).rounded())), y0 = max(0, Int((y).rounded()))
        let x1 = min(width, Int((x + w).rounded())), y1 = min(height, Int((y + h).rounded()))
        guard x0 < x1, y0 < y1 else { return }
        if alpha >= 1 {
            let v = c.argb
            for yy in y0..<y1 {
                let row = yy * width
                for xx in x0..<x1 { pixels[row + xx] = v }
            }
        } else {
            for yy in y0..<y1 { for xx in x0..<x1 { blend(xx, yy, c, alpha) } }
        }
    }

    /// A one-pixel (or `thickness`) outline just inside the rectangle.
    public mutating func strokeRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ c: Colour, thickness: Double = 1) {
        fillRect(x, y, w, thickness, c)
        fillRect(x, y + h - thickness, w, thickness, c)
        fillRect(x, y, thickness, h, c)
        fillRect(x + w - thickness, y, thickness, h, c)
    }

    /// A dashed outline (parts on the back of the board).
    public mutating func dashedRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ c: Colour, dash: Int = 6, thickness: Int = 2) {
        let x0 = Int(x.rounded()), y0 = Int(y.rounded()), x1 = Int((x + w).rounded()), y1 = Int((y + h).rounded())
        for xx in x0..<max(x0, x1) where ((xx - x0) / dash) % 2 == 0 {
            for t in 0..<thickness { blend(xx, y0 + t, c, 1); blend(xx, y1 - 1 - t, c, 1) }
        }
        for yy in y0..<max(y0, y1) where ((yy - y0) / dash) % 2 == 0 {
            for t in 0..<thickness { blend(x0 + t, yy, c, 1); blend(x1 - 1 - t, yy, c, 1) }
        }
    }

    public mutating func fillRoundedRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, radius: Double, _ c: Colour, alpha: Double = 1) {
        let r = max(0, min(radius, min(w, h) / 2))
        let x0 = max(0, Int(x.rounded(.down))), y0 = max(0, Int(y.rounded(.down)))
        let x1 = min(width, Int((x + w).rounded(.up))), y1 = min(height, Int((y + h).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            let py = Double(yy) + 0.5
            for xx in x0..<x1 {
                let px = Double(xx) + 0.5
                guard px >= x, px < x + w, py >= y, py < y + h else { continue }
                // Distance into the nearest corner's circle decides coverage at the corners.
                let cx = min(max(px, x + r), x + w - r), cy = min(max(py, y + r), y + h - r)
                let dx = px - cx, dy = py - cy
                let d = (dx * dx + dy * dy).squareRoot()
                let cover = max(0, min(1, r + 0.5 - d))
                if r == 0 || d <= r - 0.5 { blend(xx, yy, c, alpha) } else { blend(xx, yy, c, alpha * cover) }
            }
        }
    }

    public mutating func fillCircle(_ cx: Double, _ cy: Double, _ r: Double, _ c: Colour, alpha: Double = 1) {
        guard r > 0 else { return }
        let x0 = max(0, Int((cx - r - 1).rounded(.down))), x1 = min(width, Int((cx + r + 1).rounded(.up)))
        let y0 = max(0, Int((cy - r - 1).rounded(.down))), y1 = min(height, Int((cy + r + 1).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            let dy = Double(yy) + 0.5 - cy
            for xx in x0..<x1 {
                let dx = Double(xx) + 0.5 - cx
                let d = (dx * dx + dy * dy).squareRoot()
                let cover = max(0, min(1, r + 0.5 - d))
                if cover > 0 { blend(xx, yy, c, alpha * cover) }
            }
        }
    }

    /// Adds light through a precomputed mask (weights 0...65535, `w` columns, top-left at x0, y0),
    /// scaled by `intensity` 0...1, in integer arithmetic (LED glows, drawn every frame).
    public mutating func addMask(_ x0: Int, _ y0: Int, w: Int, weights: [UInt16], _ c: Colour, intensity: Double) {
        guard intensity > 0, w > 0 else { return }
        let k = UInt32(max(0, min(1, intensity)) * 65536)
        let cr = UInt32(c.r), cg = UInt32(c.g), cb = UInt32(c.b)
        let h = weights.count / w
        for yy in 0..<h {
            let py = y0 + yy
            guard py >= 0, py < height else { continue }
            for xx in 0..<w {
                let px = x0 + xx
                let m = UInt32(weights[yy * w + xx])
                guard px >= 0, px < width, m != 0 else { continue }
                let f = (m * k) >> 16  // 0...65535
                let i = py * width + px
                let d = pixels[i]
                let r = min(255, (d >> 16 & 0xFF) + (cr * f) >> 16)
                let g = min(255, (d >> 8 & 0xFF) + (cg * f) >> 16)
                let b = min(255, (d & 0xFF) + (cb * f) >> 16)
                pixels[i] = 0xFF00_0000 | r << 16 | g << 8 | b
            }
        }
    }

    /// The mask `addMask` needs for a glow of `radius` centred at (cx, cy) with peak weight
    /// `peak` 0...1: returns its top-left corner, width and weights.
    public static func glowMask(_ cx: Double, _ cy: Double, radius: Double, peak: Double) -> (x: Int, y: Int, w: Int, weights: [UInt16]) {
        let x0 = Int((cx - radius).rounded(.down)), x1 = Int((cx + radius).rounded(.up))
        let y0 = Int((cy - radius).rounded(.down)), y1 = Int((cy + radius).rounded(.up))
        let w = max(0, x1 - x0), h = max(0, y1 - y0)
        var weights = [UInt16](repeating: 0, count: w * h)
        for yy in 0..<h {
            let dy = Double(y0 + yy) + 0.5 - cy
            for xx in 0..<w {
                let dx = Double(x0 + xx) + 0.5 - cx
                let t = 1 - (dx * dx + dy * dy).squareRoot() / radius
                if t > 0 { weights[yy * w + xx] = UInt16(min(65535, (peak * t * t * 65535).rounded())) }
            }
        }
        return (x0, y0, w, weights)
    }

    /// A filled convex polygon (rotated chip bodies).
    public mutating func fillConvexPolygon(_ points: [(Double, Double)], _ c: Colour) {
        guard points.count >= 3 else { return }
        let xs = points.map { $0.0 }, ys = points.map { $0.1 }
        let x0 = max(0, Int(xs.min()!.rounded(.down))), x1 = min(width, Int(xs.max()!.rounded(.up)))
        let y0 = max(0, Int(ys.min()!.rounded(.down))), y1 = min(height, Int(ys.max()!.rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            let py = Double(yy) + 0.5
            for xx in x0..<x1 {
                let px = Double(xx) + 0.5
                var sign = 0.0
                var inside = true
                for i in 0..<points.count {
                    let (ax, ay) = points[i], (bx, by) = points[(i + 1) % points.count]
                    let cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
                    if cross != 0 {
                        if sign == 0 { sign = cross } else if (cross > 0) != (sign > 0) { inside = false; break }
                    }
                }
                if inside { blend(xx, yy, c, 1) }
            }
        }
    }

    /// A straight line `thickness` pixels wide (square pen).
    public mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ c: Colour, thickness: Double = 1) {
        let steps = max(1, Int(max(abs(x1 - x0), abs(y1 - y0)).rounded(.up)))
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t
            fillRect(x - thickness / 2, y - thickness / 2, thickness, thickness, c)
        }
    }

    // MARK: text

    /// Draws text with its top-left corner at (x, y); returns the width drawn.
    @discardableResult
    public mutating func text(_ s: String, _ x: Int, _ y: Int, _ c: Colour, scale: Int = 1) -> Int {
        var cx = x
        for ch in s {
            let rows = BitmapFont.rows(for: ch)
            for (ry, bits) in rows.enumerated() where bits != 0 {
                for col in 0..<5 where bits & (0b10000 >> UInt8(col)) != 0 {
                    for sy in 0..<scale {
                        for sx in 0..<scale { blend(cx + col * scale + sx, y + ry * scale + sy, c, 1) }
                    }
                }
            }
            cx += BitmapFont.advance * scale
        }
        return cx - x
    }

    /// Text centred on (cx, cy).
    public mutating func textCentred(_ s: String, _ cx: Double, _ cy: Double, _ c: Colour, scale: Int = 1) {
        let w = BitmapFont.width(of: s, scale: scale) - scale  // no trailing gap
        text(s, Int((cx - Double(w) / 2).rounded()), Int((cy - Double(7 * scale) / 2).rounded()), c, scale: scale)
    }

    /// Copies another canvas of the same size (the cached static background) into this one.
    public mutating func copy(from other: PixelCanvas) {
        precondition(other.width == width && other.height == height)
        pixels = other.pixels
    }

    /// RGB bytes, row by row (for the PNG encoder).
    public func rgbBytes() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        var j = 0
        for p in pixels {
            out[j] = UInt8(p >> 16 & 0xFF); out[j + 1] = UInt8(p >> 8 & 0xFF); out[j + 2] = UInt8(p & 0xFF)
            j += 3
        }
        return out
    }
}
