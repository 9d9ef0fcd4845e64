import Foundation

// The window art of one board: what is drawn where, in millimetres from the board's top-left
// corner (y grows downwards). It is data (boards/<board>/layout.json); the electrical facts live
// in the board's own board.json. Side panels (displays, sliders) sit to the right of the board.

public struct BoardLayout: Codable, Sendable, Equatable {
    /// Board id, e.g. "pyboard-v11".
    public var board: String
    /// Human name, e.g. "pyboard v1.1".
    public var name: String
    public var widthMM: Double
    public var heightMM: Double
    /// Pixels per millimetre in the window.
    public var scale: Double
    public var pcbColour: Colour
    public var silkColour: Colour
    public var cornerRadiusMM: Double
    public var leds: [LED]
    public var buttons: [Button]
    public var headers: [Header]
    public var parts: [Part]
    public var labels: [Label]
    public var panels: [Panel]

    private enum CodingKeys: String, CodingKey {
        // Raw values are what the snake_case key strategies turn "width_mm" into and out of.
        case board, name, widthMM = "widthMm", heightMM = "heightMm", scale, pcbColour, silkColour
        case cornerRadiusMM = "cornerRadiusMm", leds, buttons, headers, parts, labels, panels
    }

    public init(board: String, name: String, widthMM: Double, heightMM: Double, scale: Double,
                pcbColour: Colour = Colour(0x1F, 0x3A, 0x6B), silkColour: Colour = Colour(0xF2, 0xF2, 0xEA),
                cornerRadiusMM: Double = 1, leds: [LED] = [], buttons: [Button] = [], headers: [Header] = [],
                parts: [Part] = [], labels: [Label] = [], panels: [Panel] = []) {
        self.board = board; self.name = name; self.widthMM = widthMM; self.heightMM = heightMM
        self.scale = scale; self.pcbColour = pcbColour; self.silkColour = silkColour
        self.cornerRadiusMM = cornerRadiusMM; self.leds = leds; self.buttons = buttons
        self.headers = headers; self.parts = parts; self.labels = labels; self.panels = panels
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(board: try c.decode(String.self, forKey: .board),
                  name: try c.decode(String.self, forKey: .name),
                  widthMM: try c.decode(Double.self, forKey: .widthMM),
                  heightMM: try c.decode(Double.self, forKey: .heightMM),
                  scale: try c.decode(Double.self, forKey: .scale))
        pcbColour = try c.decodeIfPresent(Colour.self, forKey: .pcbColour) ?? pcbColour
        silkColour = try c.decodeIfPresent(Colour.self, forKey: .silkColour) ?? silkColour
        cornerRadiusMM = try c.decodeIfPresent(Double.self, forKey: .cornerRadiusMM) ?? cornerRadiusMM
        leds = try c.decodeIfPresent([LED].self, forKey: .leds) ?? []
        buttons = try c.decodeIfPresent([Button].self, forKey: .buttons) ?? []
        headers = try c.decodeIfPresent([Header].self, forKey: .headers) ?? []
        parts = try c.decodeIfPresent([Part].self, forKey: .parts) ?? []
        labels = try c.decodeIfPresent([Label].self, forKey: .labels) ?? []
        panels = try c.decodeIfPresent([Panel].self, forKey: .panels) ?? []
    }

    public struct Rect: Codable, Sendable, Equatable {
        public var x: Double, y: Double, w: Double, h: Double
        public init(x: Double, y: Double, w: Double, h: Double) { self.x = x; self.y = y; self.w = w; self.h = h }
        public var midX: Double { x + w / 2 }
        public var midY: Double { y + h / 2 }
    }

    public struct Point: Codable, Sendable, Equatable {
        public var x: Double, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public struct LED: Codable, Sendable, Equatable {
        /// The id `pyb.LED(n)` uses.
        public var id: Int
        public var name: String
        public var colour: Colour
        public var rect: Rect
    }

    public struct Button: Codable, Sendable, Equatable {
        /// The name events carry ("USR", "RST").
        public var name: String
        /// The keyboard key that holds the button (one character, e.g. "u").
        public var key: String?
        public var rect: Rect
    }

    /// A row of header holes: pin i sits at origin + i * step.
    public struct Header: Codable, Sendable, Equatable {
        public var name: String
        public var origin: Point
        public var step: Point
        public var pins: [Pin]
        /// Where the pin labels go: "left", "right", "above", "below" or "none".
        public var labelSide: String
    }

    /// A header pin: its name ("X13") and, if different, the label printed next to it ("RST").
    /// In JSON either "X1" or {"name": "X13", "label": "RST"}.
    public struct Pin: Codable, Sendable, Equatable {
        public var name: String
        public var label: String?
        public var text: String { label ?? name }

        public init(name: String, label: String? = nil) { self.name = name; self.label = label }

        public init(from decoder: Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
                self.init(name: name)
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(name: try c.decode(String.self, forKey: .name), label: try c.decodeIfPresent(String.self, forKey: .label))
        }
    }

    /// Anything else on the board: chips, connectors, the SD slot. `kind` picks the drawing:
    /// "chip" (package with leads), "usb", "sd", "crystal", "component".
    public struct Part: Codable, Sendable, Equatable {
        public var kind: String
        public var name: String
        public var label: String?
        public var rect: Rect
        /// Rotation about the centre in degrees (chips only; 0 or 45 on the pyboard).
        public var rotation: Double?
        /// Drawn as a dashed outline: the part is on the back of the board.
        public var back: Bool?
        /// Leads per side for a chip (0 = none drawn).
        public var leadsPerSide: Int?
    }

    /// Silkscreen text at a point (the text's top-left corner, or its centre if `centred`).
    public struct Label: Codable, Sendable, Equatable {
        public var text: String
        public var x: Double
        public var y: Double
        /// Font scale (1 = 8 px high glyph cell).
        public var size: Int?
        public var centred: Bool?
    }

    public struct Slider: Codable, Sendable, Equatable {
        /// The name `.slider` events carry, e.g. "accel.x".
        public var name: String
        public var label: String
        public var min: Double
        public var max: Double
        public var value: Double
        public var unit: String?
    }

    /// A side panel. In JSON: {"type": "oled", ...} or {"type": "sliders", ...}.
    public enum Panel: Codable, Sendable, Equatable {
        /// A 1-bit display, drawn from the snapshot's framebuffer of the same name.
        case display(name: String, title: String, width: Int, height: Int, pixelScale: Int, colour: Colour)
        case sliders(name: String, title: String, sliders: [Slider])

        private enum CodingKeys: String, CodingKey {
            case type, name, title, width, height, pixelScale, colour, sliders
        }

        public var name: String {
            switch self {
            case .display(let name, _, _, _, _, _), .sliders(let name, _, _): return name
            }
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let type = try c.decode(String.self, forKey: .type)
            let name = try c.decode(String.self, forKey: .name)
            let title = try c.decodeIfPresent(String.self, forKey: .title) ?? name
            switch type {
            case "oled", "display":
                self = .display(name: name, title: title,
                                width: try c.decodeIfPresent(Int.self, forKey: .width) ?? 128,
                                height: try c.decodeIfPresent(Int.self, forKey: .height) ?? 64,
                                pixelScale: try c.decodeIfPresent(Int.self, forKey: .pixelScale) ?? 2,
                                colour: try c.decodeIfPresent(Colour.self, forKey: .colour) ?? Colour(0x9F, 0xE8, 0xFF))
            case "sliders":
                self = .sliders(name: name, title: title, sliders: try c.decode([Slider].self, forKey: .sliders))
            default:
                throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown panel type '\(type)' (expected oled or sliders)")
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .display(let name, let title, let width, let height, let pixelScale, let colour):
                try c.encode("oled", forKey: .type)
                try c.encode(name, forKey: .name); try c.encode(title, forKey: .title)
                try c.encode(width, forKey: .width); try c.encode(height, forKey: .height)
                try c.encode(pixelScale, forKey: .pixelScale); try c.encode(colour, forKey: .colour)
            case .sliders(let name, let title, let sliders):
                try c.encode("sliders", forKey: .type)
                try c.encode(name, forKey: .name); try c.encode(title, forKey: .title)
                try c.encode(sliders, forKey: .sliders)
            }
        }
    }
}

public struct LayoutError: Error, CustomStringConvertible {
    public var description: String
}

extension BoardLayout {
    /// Parses layout JSON (snake_case keys) and checks it makes sense to draw.
    public static func decode(json: String) throws -> BoardLayout {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let layout: BoardLayout
        do {
            layout = try decoder.decode(BoardLayout.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw LayoutError(description: "board layout: \(Self.describe(error))")
        }
        try layout.validate()
        return layout
    }

    /// The layout as snake_case JSON (what `decode(json:)` reads).
    public func encodedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public func validate() throws {
        func fail(_ message: String) throws -> Never { throw LayoutError(description: "board layout \(board): \(message)") }
        if !(widthMM > 0 && heightMM > 0 && widthMM < 1000 && heightMM < 1000) { try fail("board size \(widthMM) x \(heightMM) mm is out of range") }
        if !(scale >= 1 && scale <= 100) { try fail("scale \(scale) px/mm is out of range 1...100") }
        if widthMM * scale > 4000 || heightMM * scale > 4000 { try fail("board is larger than 4000 px at this scale") }
        var ids = Set<Int>()
        for led in leds where !ids.insert(led.id).inserted { try fail("LED id \(led.id) appears twice") }
        for button in buttons {
            if let key = button.key, key.count != 1 { try fail("button \(button.name): key must be one character") }
        }
        for header in headers where header.pins.isEmpty { try fail("header \(header.name) has no pins") }
        for header in headers where !["left", "right", "above", "below", "none"].contains(header.labelSide) {
            try fail("header \(header.name): label_side must be left, right, above, below or none")
        }
        for panel in panels {
            switch panel {
            case .display(let name, _, let width, let height, let pixelScale, _):
                if width < 8 || height < 8 || width > 512 || height > 512 || height % 8 != 0 { try fail("display \(name): size \(width)x\(height) (height must be a multiple of 8)") }
                if pixelScale < 1 || pixelScale > 8 { try fail("display \(name): pixel_scale must be 1...8") }
            case .sliders(let name, _, let sliders):
                if sliders.isEmpty { try fail("slider panel \(name) has no sliders") }
                for s in sliders where !(s.min < s.max) || s.value < s.min || s.value > s.max {
                    try fail("slider \(s.name): needs min < max and min <= value <= max")
                }
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        // Name keys as the JSON spells them: "heightMm" is "height_mm".
        func snake(_ key: String) -> String {
            key.reduce(into: "") { out, ch in
                if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
            }
        }
        func path(_ keys: [CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\(snake($0.stringValue))" }.joined()
            return p.isEmpty ? "top level" : p
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing key '\(snake(key.stringValue))' at \(path(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx): return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
        case .dataCorrupted(let ctx): return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}

/// An sRGB colour; in JSON "#rrggbb".
public struct Colour: Codable, Sendable, Equatable, Hashable {
    public var r: UInt8, g: UInt8, b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    public init?(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        self.init(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let colour = Colour(hex: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "colour '\(text)' is not #rrggbb")
        }
        self = colour
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }

    public var hex: String {
        let digits = String((UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)) | 0x1000000, radix: 16)
        return "#" + digits.dropFirst()
    }

    /// 0xAARRGGBB, opaque.
    public var argb: UInt32 { 0xFF00_0000 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b) }

    public init(argb: UInt32) { self.init(UInt8((argb >> 16) & 0xFF), UInt8((argb >> 8) & 0xFF), UInt8(argb & 0xFF)) }

    /// Each channel times f (clamped).
    public func scaled(_ f: Double) -> Colour {
        func c(_ v: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(v) * f).rounded()))) }
        return Colour(c(r), c(g), c(b))
    }

    /// self * (1 - t) + other * t.
    public func mixed(with other: Colour, _ t: Double) -> Colour {
        let t = max(0, min(1, t))
        func c(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
        return Colour(c(r, other.r), c(g, other.g), c(b, other.b))
    }
}
