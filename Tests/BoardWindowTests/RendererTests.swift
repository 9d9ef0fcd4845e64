@testable import BoardWindow
import Foundation
import Testing

@Suite struct RendererTests {
    func ledCentre(_ r: BoardRenderer, _ id: Int) -> (Int, Int) {
        let led = r.geometry.layout.leds.first { $0.id == id }!
        let rect = r.geometry.rect(led.rect)
        return (Int(rect.midX), Int(rect.midY))
    }

    @Test func litLEDShowsItsColourAndOffLEDIsDim() throws {
        let layout = try pyboardLayout()
        let r = BoardRenderer(layout: layout)
        for led in layout.leds {
            let (x, y) = ledCentre(r, led.id)
            let lit = r.render(BoardSnapshot(leds: [led.id: 1])).colour(atX: x, y: y)
            #expect(lit == led.colour, "LED \(led.id) at full brightness")
            let off = r.render(BoardSnapshot(leds: [led.id: 0])).colour(atX: x, y: y)
            #expect(off == BoardRenderer.lensColour(led.colour, brightness: 0))
            // Dim: every channel well below the lit colour's brightest channel, but not black.
            let peak = Int(max(led.colour.r, led.colour.g, led.colour.b))
            for ch in [off.r, off.g, off.b] { #expect(Int(ch) * 100 < peak * 40) }
            #expect(Int(off.r) + Int(off.g) + Int(off.b) > 30)
            // The dim lens keeps a hint of its colour: its strongest channel is the lit one's.
            let litMax = [led.colour.r, led.colour.g, led.colour.b].firstIndex(of: UInt8(peak))!
            let offChannels = [off.r, off.g, off.b]
            #expect(offChannels[litMax] == offChannels.max())
        }
    }

    @Test func brightnessFollowsIntensity() throws {
        let layout = try pyboardLayout()
        let r = BoardRenderer(layout: layout)
        let (x, y) = ledCentre(r, 4)
        var last = -1
        for step in 0...8 {
            let c = r.render(BoardSnapshot(leds: [4: Double(step) / 8])).colour(atX: x, y: y)
            #expect(Int(c.b) > last)
            last = Int(c.b)
        }
    }

    @Test func litLEDGlowsAroundItsLens() throws {
        let layout = try pyboardLayout()
        let r = BoardRenderer(layout: layout)
        let led = layout.leds.first { $0.id == 2 }!
        let rect = r.geometry.rect(led.rect)
        // A point left of the LED, outside its lens and pads.
        let x = Int(rect.x - 10), y = Int(rect.midY)
        let off = r.render(BoardSnapshot(leds: [2: 0])).colour(atX: x, y: y)
        let on = r.render(BoardSnapshot(leds: [2: 1])).colour(atX: x, y: y)
        #expect(Int(on.g) > Int(off.g) + 40)
    }

    @Test func pressedButtonLooksPressed() throws {
        let layout = try pyboardLayout()
        let r = BoardRenderer(layout: layout)
        let rect = try #require(r.geometry.buttonRect("USR"))
        var ui = WindowUIState()
        let up = r.render(BoardSnapshot(), ui: ui)
        ui.pressedButtons = ["USR"]
        let down = r.render(BoardSnapshot(), ui: ui)
        #expect(up.colour(atX: Int(rect.midX), y: Int(rect.midY)) != down.colour(atX: Int(rect.midX), y: Int(rect.midY)))
        // Outside the USR button and its highlight nothing changed.
        let rst = try #require(r.geometry.buttonRect("RST"))
        #expect(up.colour(atX: Int(rst.midX), y: Int(rst.midY)) == down.colour(atX: Int(rst.midX), y: Int(rst.midY)))
    }

    @Test func displayPanelShowsTheFramebuffer() throws {
        var layout = try pyboardLayout()
        let green = Colour(0x20, 0xFF, 0x40)
        layout.panels.insert(.display(name: "oled", title: "SSD1306", width: 128, height: 64, pixelScale: 2, colour: green), at: 0)
        let r = BoardRenderer(layout: layout)
        let area = try #require(r.geometry.displayRect("oled"))
        var fb = MonoFramebuffer()
        fb.setPixel(0, 0, true)
        fb.setPixel(127, 63, true)
        fb.setPixel(5, 9, true)  // page 1, bit 1
        #expect(fb.bytes[0] == 1 && fb.bytes[128 + 5] == 2)
        func lit(_ c: PixelCanvas, _ x: Int, _ y: Int) -> Bool {
            c.colour(atX: Int(area.x) + x * 2 + 1, y: Int(area.y) + y * 2 + 1) == green
        }
        let canvas = r.render(BoardSnapshot(displays: ["oled": fb]))
        #expect(lit(canvas, 0, 0) && lit(canvas, 127, 63) && lit(canvas, 5, 9))
        #expect(!lit(canvas, 1, 0) && !lit(canvas, 5, 8) && !lit(canvas, 64, 32))
        var lits = 0
        for y in 0..<64 { for x in 0..<128 where lit(canvas, x, y) { lits += 1 } }
        #expect(lits == 3)

        fb.inverted = true
        let inverted = r.render(BoardSnapshot(displays: ["oled": fb]))
        #expect(!lit(inverted, 0, 0) && lit(inverted, 1, 0))
        fb.displayOn = false
        let dark = r.render(BoardSnapshot(displays: ["oled": fb]))
        #expect(!lit(dark, 1, 0) && !lit(dark, 0, 0))
        let absent = r.render(BoardSnapshot())
        #expect(!lit(absent, 0, 0))
    }

    @Test func statusLineShowsPaused() throws {
        let r = BoardRenderer(layout: try pyboardLayout())
        let s = r.geometry.statusRect
        func accentPixels(_ c: PixelCanvas) -> Int {
            var n = 0
            for y in Int(s.y)..<Int(s.y + s.h) { for x in 0..<c.width where c.colour(atX: x, y: y) == BoardRenderer.accent { n += 1 } }
            return n
        }
        #expect(accentPixels(r.render(BoardSnapshot(paused: false))) == 0)
        #expect(accentPixels(r.render(BoardSnapshot(paused: true))) > 100)
        // Different times draw different text.
        #expect(r.render(BoardSnapshot(virtualTime: 1.5)) != r.render(BoardSnapshot(virtualTime: 2.5)))
    }

    @Test func sliderKnobFollowsItsValue() throws {
        let r = BoardRenderer(layout: try pyboardLayout())
        let g = r.geometry
        #expect(g.sliderValue("accel.x", atX: -1000) == -1.5)
        #expect(g.sliderValue("accel.x", atX: 100_000) == 1.5)
        let track = try #require(g.sliderTrack("accel.x"))
        let mid = try #require(g.sliderValue("accel.x", atX: track.midX))
        #expect(abs(mid) < 1e-9)
        let x = try #require(g.sliderKnobX("accel.x", value: 0.75))
        #expect(abs(try #require(g.sliderValue("accel.x", atX: x)) - 0.75) < 1e-9)
        var ui = WindowUIState()
        ui.sliderValues["accel.x"] = -1.5
        let left = r.render(BoardSnapshot(), ui: ui).colour(atX: Int(track.x), y: Int(track.midY))
        ui.sliderValues["accel.x"] = 1.5
        let right = r.render(BoardSnapshot(), ui: ui).colour(atX: Int(track.x), y: Int(track.midY))
        #expect(left != right)
        // The board's own value wins over the window's remembered one when it reports it.
        let shown = r.render(BoardSnapshot(sliderValues: ["accel.x": -1.5]), ui: ui).colour(atX: Int(track.x), y: Int(track.midY))
        #expect(shown == left)
    }

    @Test func fontGlyphsAreDistinct() {
        var seen: [[UInt8]: Character] = [:]
        for code in 0x21..<0x7F {
            let ch = Character(Unicode.Scalar(UInt8(code)))
            let rows = BitmapFont.rows(for: ch)
            #expect(rows.count == BitmapFont.cellHeight)
            #expect(rows.contains { $0 != 0 }, "glyph \(ch) is empty")
            #expect(rows.allSatisfy { $0 < 32 }, "glyph \(ch) is wider than 5 columns")
            if let other = seen[rows] { Issue.record("glyphs \(other) and \(ch) are identical") }
            seen[rows] = ch
        }
        #expect(BitmapFont.rows(for: " ").allSatisfy { $0 == 0 })
        #expect(BitmapFont.rows(for: "é") == BitmapFont.rows(for: "\u{1}"))  // unknown: a box
    }

    @Test func windowFitsBoardAndPanels() throws {
        var layout = try pyboardLayout()
        layout.panels.insert(.display(name: "oled", title: "SSD1306", width: 128, height: 64, pixelScale: 2, colour: Colour(1, 1, 1)), at: 0)
        let g = WindowGeometry(layout: layout)
        let (right, bottom) = g.px(layout.widthMM, layout.heightMM)
        #expect(g.boardX > 0 && g.boardY > 0 && right < Double(g.width) && bottom < g.statusRect.y)
        for r in g.panelRects {
            #expect(r.x >= right && r.x + r.w <= Double(g.width) && r.y + r.h <= g.statusRect.y)
        }
        for (a, b) in zip(g.panelRects, g.panelRects.dropFirst()) { #expect(a.y + a.h <= b.y) }
    }
}
