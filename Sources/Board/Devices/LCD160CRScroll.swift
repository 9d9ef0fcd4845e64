// The LCD160CR's scrolling windows, stepped at the display's frame rate on the board's clock.
//
// Nine windows, each with the parameters set_scroll_win takes, in its order: x, y, w, h, vec, pat,
// fill, color. A window is active while x >= 0 and w, h > 0 (x = -1, the default, switches it off).
// vec = 0bF.ddSSSSSSSSSSSS: dd is the direction (+x, +y, -x, -y); with F = 0 the window moves
// S % 256 pixels every frame, with F = 1 one pixel every S frames. Windows 0-7 rotate whatever is
// drawn in them (pixels leaving one edge come back at the other). Window 8 is the ticker: the
// string of set_scroll_buf in the 8x8 font, in `color`, on a background of `fill` where bit
// (row % 16) of `pat` is clear and `color` where it is set, followed by a window's width of
// background, running round. Only the part of a window on the screen takes part. Nothing moves
// unless set_scroll(1) is on. The frame rate (60 Hz),
// the wrap-around and the ticker's layout are this model's choices: the reference manual that
// documents the real firmware's is not available to us.

struct LCD160CRScroll {
    static let frameRate = 60.0
    static let windowCount = 9

    var params: [[Int]] = Array(repeating: [-1, 0, 0, 0, 0, 0, 0x07E0, 0], count: 9)
    var text: [UInt8] = []
    private(set) var enabled = false
    private var startedAt = 0.0
    private var framesApplied = 0

    static func shift(_ vec: Int, frames: Int) -> Int {
        let s = vec & 0xFFF
        if vec & 0x8000 == 0 { return frames &* (s & 0xFF) }
        return s == 0 ? 0 : frames / s
    }

    func active(_ w: Int) -> Bool {
        let p = params[w]
        return p[0] >= 0 && p[2] > 0 && p[3] > 0
    }

    /// Brings the windows up to time `now` (seconds).
    mutating func advance(to now: Double, screen: inout LCD160CRScreen) {
        guard enabled else { return }
        let frame = Int(min(1e12, max(0, now - startedAt) * Self.frameRate))
        let before = framesApplied
        guard frame > before else { return }
        framesApplied = frame
        for w in 0..<8 where active(w) {
            let p = params[w]
            let moved = Self.shift(p[4], frames: frame) - Self.shift(p[4], frames: before)
            if moved != 0 { rotate(&screen, p, by: moved) }
        }
        if active(8) { drawTicker(&screen, shift: Self.shift(params[8][4], frames: frame)) }
    }

    mutating func setEnabled(_ on: Bool, now: Double, screen: inout LCD160CRScreen) {
        advance(to: now, screen: &screen)
        if on && !enabled {
            startedAt = now
            framesApplied = 0
            if active(8) { drawTicker(&screen, shift: 0) }
        }
        enabled = on
    }

    /// The part of a window on the screen (x, y, w, h), or nil if none of it is.
    static func visible(_ p: [Int], _ s: LCD160CRScreen) -> (Int, Int, Int, Int)? {
        let x0 = max(0, p[0]), y0 = max(0, p[1])
        let x1 = min(s.width, p[0] + p[2]), y1 = min(s.height, p[1] + p[3])
        return x0 < x1 && y0 < y1 ? (x0, y0, x1 - x0, y1 - y0) : nil
    }

    private func rotate(_ s: inout LCD160CRScreen, _ p: [Int], by moved: Int) {
        // only the part on the screen moves (a window reaching past the edge wraps at the edge)
        guard let (x0, y0, w, h) = Self.visible(p, s) else { return }
        let dir = (p[4] >> 12) & 3
        let horizontal = dir & 1 == 0
        let n = horizontal ? w : h
        let k = ((dir >= 2 ? -moved : moved) % n + n) % n
        guard k != 0 else { return }
        var old = [UInt16](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w { old[y * w + x] = s.get(x0 + x, y0 + y) } }
        for y in 0..<h {
            for x in 0..<w {
                let sx = horizontal ? (x - k + w) % w : x
                let sy = horizontal ? y : (y - k + h) % h
                s.set(x0 + x, y0 + y, old[sy * w + sx])
            }
        }
    }

    private func drawTicker(_ s: inout LCD160CRScreen, shift: Int) {
        let p = params[8]
        guard let (x0, y0, w, h) = Self.visible(p, s) else { return }
        let dir = (p[4] >> 12) & 3
        let pat = p[5], fill = UInt16(truncatingIfNeeded: p[6]), color = UInt16(truncatingIfNeeded: p[7])
        let stripW = text.count * 8 + w, stripH = h + 8
        for y in 0..<h {
            for x in 0..<w {
                // text moving in +x appears from the left: the strip slides the other way
                var sx = x, sy = y
                switch dir {
                case 0: sx = x - shift
                case 1: sy = y - shift
                case 2: sx = x + shift
                default: sy = y + shift
                }
                sx = (sx % stripW + stripW) % stripW
                sy = (sy % stripH + stripH) % stripH
                var c = (pat >> (y % 16)) & 1 == 1 ? color : fill
                if sy < 8, sx < text.count * 8 {
                    let ch = Int(text[sx / 8])
                    let g = (ch < 32 || ch > 127 ? 127 : ch) - 32
                    if g * 8 + 8 <= s.font.count, (s.font[g * 8 + sx % 8] >> UInt8(sy)) & 1 == 1 { c = color }
                }
                s.set(x0 + x, y0 + y, c)
            }
        }
    }
}
