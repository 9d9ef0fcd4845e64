// The LCD160CR's glass and its drawing engine: 128x160 RGB565 pixels held in glass order
// (portrait, row by row), seen through the current orientation, with the pen and text state the
// drawing commands use. Coordinates outside the screen are clipped here for every command, so a
// "no clip" command with stray coordinates draws nothing where the real display might scribble.
//
// Orientations turn the logical screen over the glass: PORTRAIT (0) is the glass itself
// (128 wide, 160 high); LANDSCAPE (1) is it turned a quarter clockwise (160x128, logical (0, 0) at
// the glass's top-right corner); PORTRAIT_UPSIDEDOWN (2) and LANDSCAPE_UPSIDEDOWN (3) are those
// turned half round. Changing the orientation leaves the glass as it is.
//
// Text: the model has one glyph set, the 8x8 font framebuf draws (passed in as `font`). The four
// font families differ in cell shape: 0 = 8x8, 1 = 8x8 glyphs in 8x10 cells (line spacing),
// 2 = glyphs doubled in height (8x16), 3 = doubled both ways (16x16). `scale` draws each glyph
// pixel as a (scale+1)-sided square; `bold` overdraws (bold & 3) pixels to the right and
// (bold >> 2 & 3) down; `trans` leaves the background undrawn; `scroll` makes text that runs off
// the bottom scroll the whole screen up by one line (else it continues at the top).

struct LCD160CRScreen {
    static let glassWidth = 128, glassHeight = 160

    var glass = [UInt16](repeating: 0, count: 128 * 160)
    var orient = 0
    var penLine: UInt16 = 0xFFFF, penFill: UInt16 = 0
    var textFG: UInt16 = 0xFFFF, textBG: UInt16 = 0
    var textX = 0, textY = 0
    var fontFamily = 0, fontScale = 0, fontBold = 0, fontTrans = false, fontScroll = false
    let font: [UInt8]

    init(font: [UInt8]) { self.font = font }

    var width: Int { orient & 1 == 0 ? Self.glassWidth : Self.glassHeight }
    var height: Int { orient & 1 == 0 ? Self.glassHeight : Self.glassWidth }

    /// Glass index of logical (x, y), or nil off the screen.
    func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let gx: Int, gy: Int
        switch orient {
        case 1: gx = Self.glassWidth - 1 - y; gy = x
        case 2: gx = Self.glassWidth - 1 - x; gy = Self.glassHeight - 1 - y
        case 3: gx = y; gy = Self.glassHeight - 1 - x
        default: gx = x; gy = y
        }
        return gy * Self.glassWidth + gx
    }

    /// Logical coordinates of a glass pixel in the current orientation (touch positions).
    func logical(glassX gx: Int, glassY gy: Int) -> (Int, Int) {
        switch orient {
        case 1: return (gy, Self.glassWidth - 1 - gx)
        case 2: return (Self.glassWidth - 1 - gx, Self.glassHeight - 1 - gy)
        case 3: return (Self.glassHeight - 1 - gy, gx)
        default: return (gx, gy)
        }
    }

    func get(_ x: Int, _ y: Int) -> UInt16 { index(x, y).map { glass[$0] } ?? 0 }

    mutating func set(_ x: Int, _ y: Int, _ c: UInt16) {
        if let i = index(x, y) { glass[i] = c }
    }

    /// A filled rectangle, clipped to the screen.
    mutating func fill(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ c: UInt16) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x &+ max(0, w)), y1 = min(height, y &+ max(0, h))
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 { for xx in x0..<x1 { set(xx, yy, c) } }
    }

    mutating func erase() { glass = [UInt16](repeating: penFill, count: glass.count) }

    mutating func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int, outline: Bool, interior: Bool) {
        guard w > 0, h > 0 else { return }
        if interior { fill(x + 1, y + 1, w - 2, h - 2, penFill) }
        if outline {
            fill(x, y, w, 1, penLine)
            fill(x, y + h - 1, w, 1, penLine)
            fill(x, y, 1, h, penLine)
            fill(x + w - 1, y, 1, h, penLine)
        }
    }

    /// Bresenham's line, both ends included, in the pen's line colour.
    mutating func line(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int) {
        var x = x1, y = y1
        let dx = abs(x2 - x1), dy = -abs(y2 - y1)
        let sx = x1 < x2 ? 1 : -1, sy = y1 < y2 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, penLine)
            if x == x2 && y == y2 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    // MARK: text

    /// Glyph pixel size in x and y for the family (before scaling), and the cell's advance.
    var cell: (gx: Int, gy: Int, w: Int, h: Int) {
        let k = fontScale + 1
        switch fontFamily {
        case 1: return (k, k, 8 * k, 10 * k)
        case 2: return (k, 2 * k, 8 * k, 16 * k)
        case 3: return (2 * k, 2 * k, 16 * k, 16 * k)
        default: return (k, k, 8 * k, 8 * k)
        }
    }

    /// One byte of text: printable characters draw and advance; \n, \r and \b move the position.
    mutating func text(_ byte: UInt8) {
        let c = cell
        switch byte {
        case 0x0A: newline()
        case 0x0D: textX = 0
        case 0x08: textX = max(0, textX - c.w)
        case 0x20...0xFF:
            if textX + c.w > width && textX > 0 { newline() }
            glyph(byte > 0x7F ? 0x7F : byte)
            textX += c.w
        default: break  // other control characters are ignored
        }
    }

    private mutating func newline() {
        let h = cell.h
        textX = 0
        textY += h
        guard textY + h > height else { return }
        if fontScroll {
            // move the screen up so the new line is the last whole one, its area in the background
            let shift = textY + h - height
            for y in 0..<height { for x in 0..<width { set(x, y, y + shift < height ? get(x, y + shift) : textBG) } }
            textY -= shift
        } else {
            textY = 0
        }
    }

    private mutating func glyph(_ ch: UInt8) {
        let c = cell
        let base = (Int(ch) - 32) * 8
        let boldX = fontBold & 3, boldY = (fontBold >> 2) & 3
        if !fontTrans { fill(textX, textY, c.w, c.h, textBG) }
        guard base + 8 <= font.count else { return }
        for col in 0..<8 {
            let bits = font[base + col]
            for row in 0..<8 where (bits >> UInt8(row)) & 1 == 1 {
                fill(textX + col * c.gx, textY + row * c.gy, c.gx + boldX, c.gy + boldY, textFG)
            }
        }
    }

    /// The glass as RGB565 words, row by row (what the window shows).
    var glassPixels: [UInt16] { glass }
}
