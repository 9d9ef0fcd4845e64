// Where everything goes in the window, in pixels: the board (with room around it for the pin
// labels and parts that overhang its edge), the side panels stacked in a column to its right,
// and the status line across the bottom. Both drawing and hit-testing use these numbers.

public struct PixelRect: Equatable, Sendable {
    public var x: Double, y: Double, w: Double, h: Double
    public init(x: Double, y: Double, w: Double, h: Double) { self.x = x; self.y = y; self.w = w; self.h = h }
    public var midX: Double { x + w / 2 }
    public var midY: Double { y + h / 2 }
    public func contains(_ px: Double, _ py: Double) -> Bool { px >= x && px < x + w && py >= y && py < y + h }
    public func insetBy(_ d: Double) -> PixelRect { PixelRect(x: x + d, y: y + d, w: w - 2 * d, h: h - 2 * d) }
}

public struct WindowGeometry: Sendable {
    public let layout: BoardLayout
    public let width: Int
    public let height: Int
    /// Pixel position of the board's (0, 0) mm corner.
    public let boardX: Double
    public let boardY: Double
    public let scale: Double
    public let panelRects: [PixelRect]
    public let statusRect: PixelRect
    /// Where the mouse and key help goes (below the panels, or below the board without panels).
    public let helpOrigin: (x: Double, y: Double)

    public static let helpLines = [
        "Mouse: hold USR or RST, drag sliders, touch the LCD160CR",
        "Keys:  u / r hold USR / RST    F5 reset",
        "       space pause  n step  s SD card  Esc quit",
    ]

    static let sideLabelScale = 2
    static let smallLabelScale = 1
    static let statusHeight = 30.0
    static let margin = 16.0
    static let panelWidthMin = 300.0
    static let panelTitleHeight = 22.0
    static let sliderRowHeight = 40.0

    public init(layout: BoardLayout) {
        self.layout = layout
        scale = layout.scale
        func labelWidth(_ side: String) -> Double {
            let widths = layout.headers.filter { $0.labelSide == side }.flatMap { $0.pins }.map {
                Double(BitmapFont.width(of: $0.text, scale: Self.sideLabelScale))
            }
            return (widths.max() ?? 0) + (widths.isEmpty ? 0 : 10)
        }
        // Parts may overhang the board (the USB connector does).
        let minX = min(0, layout.parts.map { $0.rect.x }.min() ?? 0)
        let minY = min(0, layout.parts.map { $0.rect.y }.min() ?? 0)
        let maxX = max(layout.widthMM, layout.parts.map { $0.rect.x + $0.rect.w }.max() ?? 0)
        let maxY = max(layout.heightMM, layout.parts.map { $0.rect.y + $0.rect.h }.max() ?? 0)
        let below = layout.headers.contains { $0.labelSide == "below" } ? 14.0 : 0
        boardX = Self.margin + labelWidth("left") - minX * scale
        boardY = Self.margin + 8 - minY * scale
        let boardAreaRight = boardX + maxX * scale + labelWidth("right") + Self.margin
        let boardAreaBottom = boardY + maxY * scale + below + Self.margin

        var rects: [PixelRect] = []
        var y = Self.margin
        let panelX = boardAreaRight + 8
        var panelWidth = Self.panelWidthMin
        for panel in layout.panels {
            if case .display(_, _, let w, _, let s, _) = panel { panelWidth = max(panelWidth, Double(w * s) + 32) }
        }
        for panel in layout.panels {
            let h: Double
            switch panel {
            case .display(_, _, _, let dh, let s, _): h = Self.panelTitleHeight + Double(dh * s) + 32
            case .sliders(_, _, let sliders): h = Self.panelTitleHeight + Double(sliders.count) * Self.sliderRowHeight + 12
            }
            rects.append(PixelRect(x: panelX, y: y, w: panelWidth, h: h))
            y += h + Self.margin
        }
        panelRects = rects
        let helpHeight = Double(Self.helpLines.count * 12)
        let contentRight: Double
        let contentBottom: Double
        if layout.panels.isEmpty {
            helpOrigin = (Self.margin, boardAreaBottom)
            contentRight = max(boardAreaRight, Self.margin * 2 + Double(Self.helpLines.map { BitmapFont.width(of: $0) }.max() ?? 0))
            contentBottom = boardAreaBottom + helpHeight + Self.margin
        } else {
            helpOrigin = (panelX + 4, y)
            contentRight = panelX + panelWidth + Self.margin
            contentBottom = max(boardAreaBottom, y + helpHeight + Self.margin)
        }
        width = Int(contentRight.rounded(.up))
        height = Int((contentBottom + Self.statusHeight).rounded(.up))
        statusRect = PixelRect(x: 0, y: Double(height) - Self.statusHeight, w: Double(width), h: Self.statusHeight)
    }

    /// Millimetres on the board to window pixels.
    public func px(_ xMM: Double, _ yMM: Double) -> (Double, Double) { (boardX + xMM * scale, boardY + yMM * scale) }

    public func rect(_ r: BoardLayout.Rect) -> PixelRect {
        PixelRect(x: boardX + r.x * scale, y: boardY + r.y * scale, w: r.w * scale, h: r.h * scale)
    }

    public func buttonRect(_ name: String) -> PixelRect? {
        layout.buttons.first { $0.name == name }.map { rect($0.rect) }
    }

    /// The track of a slider (the knob's centre moves along its middle row).
    public func sliderTrack(_ name: String) -> PixelRect? {
        for (panel, r) in zip(layout.panels, panelRects) {
            guard case .sliders(_, _, let sliders) = panel else { continue }
            for (i, s) in sliders.enumerated() where s.name == name {
                let rowY = r.y + Self.panelTitleHeight + Double(i) * Self.sliderRowHeight
                return PixelRect(x: r.x + 40, y: rowY + 14, w: r.w - 40 - 110, h: 8)
            }
        }
        return nil
    }

    public func slider(_ name: String) -> BoardLayout.Slider? {
        for panel in layout.panels {
            if case .sliders(_, _, let sliders) = panel, let s = sliders.first(where: { $0.name == name }) { return s }
        }
        return nil
    }

    public var allSliders: [BoardLayout.Slider] {
        layout.panels.flatMap { panel -> [BoardLayout.Slider] in
            if case .sliders(_, _, let s) = panel { return s } else { return [] }
        }
    }

    /// The pixel rectangle of a display panel's pixels.
    public func displayRect(_ name: String) -> PixelRect? {
        for (panel, r) in zip(layout.panels, panelRects) {
            if case .display(let n, _, let w, let h, let s, _) = panel, n == name {
                let dw = Double(w * s), dh = Double(h * s)
                return PixelRect(x: r.x + (r.w - dw) / 2, y: r.y + Self.panelTitleHeight + 16, w: dw, h: dh)
            }
        }
        return nil
    }

    public enum Hit: Equatable, Sendable {
        case button(String)
        case slider(String)
        /// A display panel's pixel area, at that display pixel.
        case display(String, x: Int, y: Int)
    }

    /// What a click at (x, y) lands on. Buttons get a few pixels of slack around their body.
    public func hit(_ x: Double, _ y: Double) -> Hit? {
        for b in layout.buttons where rect(b.rect).insetBy(-4).contains(x, y) { return .button(b.name) }
        for s in allSliders {
            if let t = sliderTrack(s.name), PixelRect(x: t.x - 10, y: t.y - 12, w: t.w + 20, h: t.h + 24).contains(x, y) {
                return .slider(s.name)
            }
        }
        for panel in layout.panels {
            if case .display(let name, _, _, _, let s, _) = panel, let p = displayPixel(name, x, y, scale: s) {
                return .display(name, x: p.x, y: p.y)
            }
        }
        return nil
    }

    /// The display pixel under (x, y), or nil outside the display's area.
    func displayPixel(_ name: String, _ x: Double, _ y: Double, scale s: Int) -> (x: Int, y: Int)? {
        guard let a = displayRect(name), a.contains(x, y), s > 0 else { return nil }
        return (Int((x - a.x) / Double(s)), Int((y - a.y) / Double(s)))
    }

    /// The display pixel nearest to (x, y) (a touch dragged off the edge stays on it).
    public func clampedDisplayPixel(_ name: String, _ x: Double, _ y: Double) -> (x: Int, y: Int)? {
        for panel in layout.panels {
            guard case .display(let n, _, let w, let h, let s, _) = panel, n == name, let a = displayRect(name), s > 0 else { continue }
            let px = Int(((x - a.x) / Double(s)).rounded(.down)), py = Int(((y - a.y) / Double(s)).rounded(.down))
            return (max(0, min(w - 1, px)), max(0, min(h - 1, py)))
        }
        return nil
    }

    /// The slider value for a pointer at x along a slider's track (clamped to its range).
    public func sliderValue(_ name: String, atX x: Double) -> Double? {
        guard let s = slider(name), let t = sliderTrack(name) else { return nil }
        let f = max(0, min(1, (x - t.x) / t.w))
        return s.min + f * (s.max - s.min)
    }

    public func sliderKnobX(_ name: String, value: Double) -> Double? {
        guard let s = slider(name), let t = sliderTrack(name) else { return nil }
        return t.x + max(0, min(1, (value - s.min) / (s.max - s.min))) * t.w
    }
}
