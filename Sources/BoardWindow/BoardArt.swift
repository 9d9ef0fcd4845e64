import Foundation

// The board's unchanging picture: PCB, parts, header holes, silkscreen and pin labels, drawn
// once from the layout. LEDs and buttons are drawn per frame by BoardRenderer.

enum BoardArt {
    static let padColour = Colour(0xCF, 0xA8, 0x4E)
    static let holeColour = Colour(0x12, 0x13, 0x16)

    static func draw(on c: inout PixelCanvas, _ g: WindowGeometry) {
        let l = g.layout
        let (bx, by) = g.px(0, 0)
        let w = l.widthMM * g.scale, h = l.heightMM * g.scale
        let radius = l.cornerRadiusMM * g.scale
        // Shadow, edge, then the solder mask.
        c.fillRoundedRect(bx + 5, by + 6, w, h, radius: radius, Colour(0x0C, 0x0D, 0x0F))
        c.fillRoundedRect(bx, by, w, h, radius: radius, l.pcbColour.mixed(with: Colour(0, 0, 0), 0.35))
        c.fillRoundedRect(bx + 2, by + 2, w - 4, h - 4, radius: max(0, radius - 2), l.pcbColour)

        for part in l.parts where part.back == true { drawPart(part, on: &c, g) }
        for part in l.parts where part.back != true { drawPart(part, on: &c, g) }
        for header in l.headers { drawHeader(header, on: &c, g) }
        for label in l.labels {
            let (x, y) = g.px(label.x, label.y)
            let scale = max(1, min(4, label.size ?? 1))
            if label.centred == true {
                c.textCentred(label.text, x, y, l.silkColour, scale: scale)
            } else {
                c.text(label.text, Int(x), Int(y), l.silkColour, scale: scale)
            }
        }
        for button in l.buttons {
            let r = g.rect(button.rect)
            c.textCentred(button.name, r.midX, r.y - 8, l.silkColour)
        }
        for led in l.leds {
            // Silkscreen outline around each LED's footprint.
            let r = g.rect(led.rect)
            c.strokeRect(r.x - 4, r.y - 3, r.w + 8, r.h + 6, l.silkColour.mixed(with: l.pcbColour, 0.55))
        }
    }

    static func pinLabelColour(_ text: String) -> Colour {
        switch text {
        case "GND", "AGND": return Colour(0xA8, 0xAC, 0xB4)
        case "VIN", "3V3", "A3V3", "VBAT": return Colour(0xFF, 0x86, 0x78)
        case "RST", "BOOT0": return Colour(0xC0, 0xA8, 0xF0)
        default: return Colour(0xF0, 0xDC, 0x80)
        }
    }

    static func drawHeader(_ header: BoardLayout.Header, on c: inout PixelCanvas, _ g: WindowGeometry) {
        let padR = 0.85 * g.scale, holeR = 0.48 * g.scale
        let l = g.layout
        for (i, pin) in header.pins.enumerated() {
            let xMM = header.origin.x + Double(i) * header.step.x
            let yMM = header.origin.y + Double(i) * header.step.y
            let (x, y) = g.px(xMM, yMM)
            c.fillCircle(x, y, padR, padColour)
            c.fillCircle(x, y, holeR, holeColour)
            let colour = pinLabelColour(pin.text)
            let big = WindowGeometry.sideLabelScale
            switch header.labelSide {
            case "left":
                let tw = Double(BitmapFont.width(of: pin.text, scale: big) - big)
                c.text(pin.text, Int(g.boardX - 8 - tw), Int(y - 7), colour, scale: big)
            case "right":
                c.text(pin.text, Int(g.boardX + l.widthMM * g.scale + 8), Int(y - 7), colour, scale: big)
            case "below":
                c.textCentred(pin.text, x, g.boardY + l.heightMM * g.scale + 9, colour)
            case "above":
                c.textCentred(pin.text, x, y - padR - 7, colour)
            default:
                break
            }
        }
    }

    static func drawPart(_ part: BoardLayout.Part, on c: inout PixelCanvas, _ g: WindowGeometry) {
        let r = g.rect(part.rect)
        let silk = g.layout.silkColour
        switch part.kind {
        case "sd":
            c.dashedRect(r.x, r.y, r.w, r.h, silk.mixed(with: g.layout.pcbColour, 0.35))
            if let label = part.label { c.textCentred(label, r.midX, r.midY, silk.mixed(with: g.layout.pcbColour, 0.25)) }
        case "usb":
            c.fillRoundedRect(r.x, r.y, r.w, r.h, radius: 3, Colour(0xB4, 0xBA, 0xC2))
            c.fillRoundedRect(r.x + 3, r.y + 3, r.w - 6, r.h * 0.45, radius: 2, Colour(0x33, 0x36, 0x3C))
            c.strokeRect(r.x, r.y, r.w, r.h, Colour(0x7C, 0x82, 0x8A))
            if let label = part.label { c.textCentred(label, r.midX, r.y + r.h * 0.75, Colour(0x40, 0x44, 0x4A)) }
        case "chip":
            drawChip(part, r, on: &c)
        case "crystal":
            c.fillRoundedRect(r.x, r.y, r.w, r.h, radius: r.h / 2, Colour(0xC4, 0xC8, 0xCE))
            if let label = part.label { c.textCentred(label, r.midX, r.y + r.h + 7, silk) }
        default:
            c.fillRect(r.x - 2, r.y, r.w + 4, r.h, Colour(0xB8, 0xBC, 0xC4))
            c.fillRect(r.x, r.y, r.w, r.h, Colour(0x1A, 0x1A, 0x1C))
            if let label = part.label { c.textCentred(label, r.midX, r.y + r.h + 7, silk) }
        }
    }

    /// A chip body with leads along its four sides, optionally rotated about its centre.
    static func drawChip(_ part: BoardLayout.Part, _ r: PixelRect, on c: inout PixelCanvas) {
        let angle = (part.rotation ?? 0) * Double.pi / 180
        let cosA = cos(angle), sinA = sin(angle)
        func rotate(_ x: Double, _ y: Double) -> (Double, Double) {
            (r.midX + x * cosA - y * sinA, r.midY + x * sinA + y * cosA)
        }
        let hw = r.w / 2, hh = r.h / 2
        let leads = part.leadsPerSide ?? 0
        if leads > 0 {
            let lead = Colour(0xB8, 0xBC, 0xC4)
            let len = min(r.w, r.h) * 0.12
            for side in 0..<4 {
                for i in 0..<leads {
                    let t = (Double(i) + 0.5) / Double(leads) * 2 - 1  // -1...1 along the side
                    let (x0, y0, x1, y1): (Double, Double, Double, Double)
                    switch side {
                    case 0: (x0, y0, x1, y1) = (t * hw * 0.85, -hh, t * hw * 0.85, -hh - len)
                    case 1: (x0, y0, x1, y1) = (hw, t * hh * 0.85, hw + len, t * hh * 0.85)
                    case 2: (x0, y0, x1, y1) = (t * hw * 0.85, hh, t * hw * 0.85, hh + len)
                    default: (x0, y0, x1, y1) = (-hw, t * hh * 0.85, -hw - len, t * hh * 0.85)
                    }
                    let (ax, ay) = rotate(x0, y0), (bx, by) = rotate(x1, y1)
                    c.line(ax, ay, bx, by, lead, thickness: 2)
                }
            }
        }
        let corners = [rotate(-hw, -hh), rotate(hw, -hh), rotate(hw, hh), rotate(-hw, hh)]
        c.fillConvexPolygon(corners, Colour(0x1C, 0x1C, 0x20))
        // Pin-1 mark.
        let (dx, dy) = rotate(-hw * 0.7, -hh * 0.7)
        c.fillCircle(dx, dy, max(1.5, min(r.w, r.h) * 0.05), Colour(0x3C, 0x3C, 0x42))
        if let label = part.label, leads > 0 {
            c.textCentred(label, r.midX, r.midY, Colour(0x9C, 0x9E, 0xA6))
        }
    }
}
