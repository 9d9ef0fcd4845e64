import Foundation

/// What the window itself remembers between frames: which buttons it holds down and where the
/// user left the sliders.
public struct WindowUIState: Equatable, Sendable {
    public var pressedButtons: Set<String> = []
    public var sliderValues: [String: Double] = [:]
    public var draggingSlider: String?
    public init() {}
}

/// Draws the window into a pixel buffer with no SDL and no display: the SDL window shows these
/// pixels, and `--headless --screenshot` writes them. Everything that never changes (the board,
/// its parts, labels, panel frames) is drawn once into a cached background.
public final class BoardRenderer {
    public let geometry: WindowGeometry
    private let background: PixelCanvas
    private var frame: PixelCanvas
    /// Each LED's glow at full brightness, computed once; a frame scales it.
    private var glowMasks: [Int: (x: Int, y: Int, w: Int, weights: [UInt16])] = [:]

    static let windowColour = Colour(0x1E, 0x20, 0x24)
    static let panelColour = Colour(0x2A, 0x2D, 0x33)
    static let textColour = Colour(0xD8, 0xDA, 0xDE)
    static let dimText = Colour(0x8A, 0x8E, 0x96)
    static let accent = Colour(0xFF, 0xD0, 0x4A)

    public init(layout: BoardLayout) {
        geometry = WindowGeometry(layout: layout)
        var canvas = PixelCanvas(width: geometry.width, height: geometry.height, fill: Self.windowColour)
        BoardArt.draw(on: &canvas, geometry)
        Self.drawPanelFrames(on: &canvas, geometry)
        background = canvas
        frame = canvas
        for led in layout.leds {
            let r = geometry.rect(led.rect)
            glowMasks[led.id] = PixelCanvas.glowMask(r.midX, r.midY, radius: max(r.w, r.h) * 2.6, peak: 0.9)
        }
    }

    public var width: Int { geometry.width }
    public var height: Int { geometry.height }

    /// The whole window for one snapshot.
    public func render(_ snapshot: BoardSnapshot, ui: WindowUIState = WindowUIState()) -> PixelCanvas {
        frame.copy(from: background)
        let g = geometry
        for led in g.layout.leds { drawLED(led, brightness: snapshot.leds[led.id] ?? 0) }
        for button in g.layout.buttons { drawButton(button, pressed: ui.pressedButtons.contains(button.name)) }
        for (panel, rect) in zip(g.layout.panels, g.panelRects) {
            switch panel {
            case .display(let name, _, _, _, let s, let colour):
                if let picture = snapshot.colourDisplays[name] {
                    drawColourDisplay(name: name, pixelScale: s, picture: picture)
                } else {
                    drawDisplay(name: name, pixelScale: s, colour: colour, frame: snapshot.displays[name], panel: rect)
                }
            case .sliders(_, _, let sliders):
                for s in sliders {
                    let value = ui.draggingSlider == s.name ? ui.sliderValues[s.name] :
                        (snapshot.sliderValues[s.name] ?? ui.sliderValues[s.name])
                    drawSlider(s, value: value ?? s.value, active: ui.draggingSlider == s.name)
                }
            }
        }
        drawStatus(snapshot)
        return frame
    }

    /// The colour an LED's lens shows at a brightness (exactly its colour at 1).
    public static func lensColour(_ colour: Colour, brightness: Double) -> Colour {
        let off = colour.scaled(0.25).mixed(with: Colour(0x3A, 0x3A, 0x3A), 0.5)
        return off.mixed(with: colour, max(0, min(1, brightness)))
    }

    private func drawLED(_ led: BoardLayout.LED, brightness: Double) {
        let r = geometry.rect(led.rect)
        let b = brightness.isFinite ? max(0, min(1, brightness)) : 0
        if b > 0, let m = glowMasks[led.id] {
            frame.addMask(m.x, m.y, w: m.w, weights: m.weights, led.colour, intensity: b)
        }
        // Solder pads at the ends, then the lens.
        let pad = Colour(0xC9, 0xCC, 0xD1)
        frame.fillRect(r.x - 2, r.y, 3, r.h, pad)
        frame.fillRect(r.x + r.w - 1, r.y, 3, r.h, pad)
        frame.fillRoundedRect(r.x + 1, r.y, r.w - 2, r.h, radius: 2, Self.lensColour(led.colour, brightness: b))
    }

    private func drawButton(_ button: BoardLayout.Button, pressed: Bool) {
        let r = geometry.rect(button.rect)
        frame.fillRoundedRect(r.x, r.y, r.w, r.h, radius: 3, Colour(0x9A, 0x9E, 0xA4))
        frame.fillRoundedRect(r.x + 3, r.y + 3, r.w - 6, r.h - 6, radius: 2, Colour(0x3A, 0x3C, 0x40))
        let cap = min(r.w, r.h) * (pressed ? 0.30 : 0.34)
        frame.fillCircle(r.midX, r.midY + (pressed ? 1 : 0), cap + 1.5, Colour(0x18, 0x18, 0x1A))
        frame.fillCircle(r.midX, r.midY + (pressed ? 1 : 0), cap, pressed ? Colour(0x9C, 0x98, 0x8C) : Colour(0xEE, 0xEA, 0xDE))
        if pressed {
            frame.strokeRect(r.x - 3, r.y - 3, r.w + 6, r.h + 6, Self.accent, thickness: 2)
        }
    }

    /// An unlit LCD glass, a backlit one, and its darkest ink (the pyboard LCD skin's FSTN glass
    /// with its white backlight).
    static let lcdGlassUnlit = Colour(0x9C, 0xA3, 0x98)
    static let lcdGlassLit = Colour(0xE4, 0xEC, 0xF6)
    static let lcdInk = Colour(0x10, 0x16, 0x2A)

    private func drawDisplay(name: String, pixelScale s: Int, colour: Colour, frame fb: MonoFramebuffer?, panel: PixelRect) {
        guard let area = geometry.displayRect(name) else { return }
        if let fb, let backlight = fb.backlight {
            drawLCD(area, pixelScale: s, frame: fb, backlight: backlight)
            return
        }
        guard let fb, fb.displayOn else {
            let note = fb == nil ? "no display attached" : "display off"
            frame.textCentred(note, area.midX, area.midY, Self.dimText, scale: 1)
            return
        }
        let cols = Int(area.w) / s, rows = Int(area.h) / s
        let gap = s >= 3 ? 1.0 : 0.0  // visible pixel grid when pixels are large
        for y in 0..<min(rows, fb.height) {
            for x in 0..<min(cols, fb.width) where fb.pixel(x, y) != fb.inverted {
                frame.fillRect(area.x + Double(x * s), area.y + Double(y * s), Double(s) - gap, Double(s) - gap, colour)
            }
        }
    }

    /// A backlit LCD: the glass shows through where pixels are clear, so the backlight sets the
    /// background; set pixels are dark, more so with more contrast.
    private func drawLCD(_ area: PixelRect, pixelScale s: Int, frame fb: MonoFramebuffer, backlight: Double) {
        let glass = Self.lcdGlassUnlit.mixed(with: Self.lcdGlassLit, max(0, min(1, backlight)))
        frame.fillRect(area.x, area.y, area.w, area.h, glass)
        guard fb.displayOn else { return }
        let ink = glass.mixed(with: Self.lcdInk, 0.35 + 0.65 * max(0, min(1, fb.contrast)))
        let cols = Int(area.w) / s, rows = Int(area.h) / s
        let gap = s >= 3 ? 1.0 : 0.0
        for y in 0..<min(rows, fb.height) {
            for x in 0..<min(cols, fb.width) where fb.pixel(x, y) != fb.inverted {
                frame.fillRect(area.x + Double(x * s), area.y + Double(y * s), Double(s) - gap, Double(s) - gap, ink)
            }
        }
    }

    /// A colour display: each pixel a square of its colour, dimmed by the backlight.
    private func drawColourDisplay(name: String, pixelScale s: Int, picture p: ColourFramebuffer) {
        guard let area = geometry.displayRect(name) else { return }
        guard p.displayOn else {
            frame.textCentred("display off", area.midX, area.midY, Self.dimText, scale: 1)
            return
        }
        let level = max(0, min(1, p.brightness))
        frame.fillRect(area.x, area.y, area.w, area.h, Colour(0, 0, 0))
        let cols = Int(area.w) / s, rows = Int(area.h) / s
        for y in 0..<min(rows, p.height) {
            for x in 0..<min(cols, p.width) {
                let (r, g, b) = p.rgb(x, y)
                guard r | g | b != 0 else { continue }
                frame.fillRect(area.x + Double(x * s), area.y + Double(y * s), Double(s), Double(s),
                               Colour(r, g, b).scaled(level))
            }
        }
    }

    private func drawSlider(_ s: BoardLayout.Slider, value: Double, active: Bool) {
        guard let t = geometry.sliderTrack(s.name), let knobX = geometry.sliderKnobX(s.name, value: value) else { return }
        let zero = geometry.sliderKnobX(s.name, value: max(s.min, min(s.max, 0))) ?? t.x
        frame.fillRect(min(zero, knobX), t.y + 2, abs(knobX - zero), t.h - 4, active ? Self.accent : Colour(0x6C, 0x9E, 0xE0))
        frame.fillCircle(knobX, t.midY, 9, Colour(0x12, 0x12, 0x14))
        frame.fillCircle(knobX, t.midY, 7.5, active ? Self.accent : Colour(0xE6, 0xE8, 0xEC))
        let text = String(format: "%+.2f", value) + (s.unit.map { " " + $0 } ?? "")
        frame.text(text, Int(t.x + t.w + 22), Int(t.midY - 7), Self.textColour, scale: 2)
    }

    private func drawStatus(_ snap: BoardSnapshot) {
        let r = geometry.statusRect
        frame.fillRect(r.x, r.y, r.w, r.h, Colour(0x14, 0x15, 0x18))
        frame.fillRect(r.x, r.y, r.w, 1, Colour(0x3A, 0x3D, 0x44))
        var parts = [
            String(format: "t %.3f s", snap.virtualTime.isFinite ? snap.virtualTime : 0),
            "speed " + Self.percent(snap.speedPercent),
            "heap " + Self.kib(snap.heapUsed) + "/" + Self.kib(snap.heapTotal) + " KiB",
            snap.clockMode,
        ]
        if snap.paused { parts.append("PAUSED") }
        let text = parts.joined(separator: "  |  ")
        frame.text(text, 10, Int(r.y + 8), snap.paused ? Self.accent : Self.textColour, scale: 2)
    }

    static func percent(_ p: Double) -> String {
        guard p.isFinite, p >= 0 else { return "-" }
        return p >= 10 ? String(format: "%.0f%%", p) : String(format: "%.1f%%", p)
    }

    static func kib(_ bytes: Int) -> String { String(format: "%.1f", Double(max(0, bytes)) / 1024) }

    private static func drawPanelFrames(on canvas: inout PixelCanvas, _ g: WindowGeometry) {
        for (i, line) in WindowGeometry.helpLines.enumerated() {
            canvas.text(line, Int(g.helpOrigin.x), Int(g.helpOrigin.y) + i * 12, dimText)
        }
        for (panel, r) in zip(g.layout.panels, g.panelRects) {
            canvas.fillRoundedRect(r.x, r.y, r.w, r.h, radius: 6, panelColour)
            let title: String
            switch panel {
            case .display(_, let t, _, _, _, _): title = t
            case .sliders(_, let t, _): title = t
            }
            canvas.text(title, Int(r.x + 10), Int(r.y + 7), textColour, scale: 1)
            switch panel {
            case .display(let name, _, _, _, _, _):
                if let a = g.displayRect(name) {
                    // Glass and bezel around the pixel area.
                    canvas.fillRoundedRect(a.x - 8, a.y - 8, a.w + 16, a.h + 16, radius: 4, Colour(0x05, 0x05, 0x06))
                    canvas.fillRect(a.x - 1, a.y - 1, a.w + 2, a.h + 2, Colour(0x08, 0x10, 0x18))
                }
            case .sliders(_, _, let sliders):
                for s in sliders {
                    guard let t = g.sliderTrack(s.name) else { continue }
                    canvas.text(s.label, Int(r.x + 14), Int(t.midY - 7), textColour, scale: 2)
                    canvas.fillRoundedRect(t.x, t.y, t.w, t.h, radius: 4, Colour(0x4A, 0x4E, 0x56))
                    if let zero = g.sliderKnobX(s.name, value: 0), s.min < 0, s.max > 0 {
                        canvas.fillRect(zero - 1, t.y - 5, 2, t.h + 10, dimText)
                    }
                }
            }
        }
    }
}
