// What the window needs from a board, and what it sends back. The window never sees the board
// itself: the board side adapts to this protocol. Every method is called from the window's
// thread at display rate, so implementations must be cheap and never wait for the board thread
// (copy a few atomically published values; queue events).

public protocol BoardWindowModel: AnyObject {
    /// Window title, e.g. "microboard — pyboard v1.1".
    var title: String { get }
    /// The board's art (parsed from boards/<board>/layout.json) plus any side panels.
    var layout: BoardLayout { get }
    /// The board's visible state now.
    func snapshot() -> BoardSnapshot
    /// A user action. Must not block.
    func post(_ event: BoardWindowEvent)
    /// Called once, before the window starts waiting, when a screenshot at virtual time `atMs`
    /// is wanted: a board whose clock can outrun the window's frames (fast or deterministic
    /// mode) should pause itself when its clock reaches `atMs`, so the picture shows exactly
    /// that moment. The default does nothing (the shot is then taken at the first frame at or
    /// after `atMs`).
    func prepareScreenshot(atMs: Int)
    /// True once the board has stopped for good (its run ended): the window closes.
    var isFinished: Bool { get }
}

extension BoardWindowModel {
    public func prepareScreenshot(atMs: Int) {}
    public var isFinished: Bool { false }
}

/// A 1-bit display's framebuffer as the SSD1306 holds it (and as MicroPython's
/// `framebuf.MONO_VLSB` lays it out): `height / 8` pages of `width` bytes, each byte a column of
/// 8 pixels with bit 0 at the top.
public struct MonoFramebuffer: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var bytes: [UInt8]
    /// False while the display is switched off (SSD1306 command 0xAE): the panel shows dark.
    public var displayOn: Bool
    /// Pixels drawn inverted (SSD1306 command 0xA7).
    public var inverted: Bool
    /// nil for a display that lights its own pixels (OLED). For a backlit LCD (the pyboard's
    /// LCD skin): the backlight's level 0...1; set pixels are then drawn dark on the glass.
    public var backlight: Double?
    /// How dark an LCD's set pixels are, 0...1 (its contrast setting).
    public var contrast: Double

    public init(width: Int = 128, height: Int = 64, bytes: [UInt8]? = nil, displayOn: Bool = true, inverted: Bool = false,
                backlight: Double? = nil, contrast: Double = 1) {
        self.width = width
        self.height = height
        self.bytes = bytes ?? [UInt8](repeating: 0, count: width * ((height + 7) / 8))
        self.displayOn = displayOn
        self.inverted = inverted
        self.backlight = backlight
        self.contrast = contrast
    }

    /// The pixel at (x, y); false outside the buffer or past the end of a short byte array.
    public func pixel(_ x: Int, _ y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < height else { return false }
        let index = (y >> 3) * width + x
        guard index < bytes.count else { return false }
        return (bytes[index] >> UInt8(y & 7)) & 1 == 1
    }

    public mutating func setPixel(_ x: Int, _ y: Int, _ on: Bool) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = (y >> 3) * width + x
        guard index < bytes.count else { return }
        let bit = UInt8(1) << UInt8(y & 7)
        if on { bytes[index] |= bit } else { bytes[index] &= ~bit }
    }
}

/// A colour display's picture (the LCD160CR): RGB565 words row by row, as the glass shows them.
public struct ColourFramebuffer: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var rgb565: [UInt16]
    /// The backlight's level 0...1 (0 also while the display is dark).
    public var brightness: Double
    /// False while the display is unpowered or booting: the panel shows dark.
    public var displayOn: Bool

    public init(width: Int, height: Int, rgb565: [UInt16]? = nil, brightness: Double = 1, displayOn: Bool = true) {
        self.width = width
        self.height = height
        self.rgb565 = rgb565 ?? [UInt16](repeating: 0, count: width * height)
        self.brightness = brightness
        self.displayOn = displayOn
    }

    /// The colour at (x, y) as 8-bit channels (the 5/6-bit fields widened); black outside.
    public func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        guard x >= 0, y >= 0, x < width, y < height, y * width + x < rgb565.count else { return (0, 0, 0) }
        let c = rgb565[y * width + x]
        let r = UInt8(c >> 11), g = UInt8((c >> 5) & 0x3F), b = UInt8(c & 0x1F)
        return (r << 3 | r >> 2, g << 2 | g >> 4, b << 3 | b >> 2)
    }
}

/// The board's visible state at one moment.
public struct BoardSnapshot: Equatable, Sendable {
    /// LED brightness 0...1 by LED id (1 = red, 2 = green, 3 = yellow, 4 = blue on the pyboard).
    public var leds: [Int: Double]
    /// Virtual time since power-on, in seconds.
    public var virtualTime: Double
    /// Virtual time gained per wall-clock time, as a percentage (100 = real time).
    public var speedPercent: Double
    public var heapUsed: Int
    public var heapTotal: Int
    /// The clock mode's name: "realtime", "fast" or "deterministic".
    public var clockMode: String
    public var paused: Bool
    /// Framebuffers of attached 1-bit displays, by the name of their panel in the layout.
    public var displays: [String: MonoFramebuffer]
    /// Pictures of attached colour displays, by the name of their panel.
    public var colourDisplays: [String: ColourFramebuffer]
    /// The board's value for a slider (by slider name), when the board wants to show it; the
    /// window otherwise shows the value the user last set.
    public var sliderValues: [String: Double]

    public init(leds: [Int: Double] = [:], virtualTime: Double = 0, speedPercent: Double = 100,
                heapUsed: Int = 0, heapTotal: Int = 0, clockMode: String = "realtime", paused: Bool = false,
                displays: [String: MonoFramebuffer] = [:], colourDisplays: [String: ColourFramebuffer] = [:],
                sliderValues: [String: Double] = [:]) {
        self.leds = leds
        self.virtualTime = virtualTime
        self.speedPercent = speedPercent
        self.heapUsed = heapUsed
        self.heapTotal = heapTotal
        self.clockMode = clockMode
        self.paused = paused
        self.displays = displays
        self.colourDisplays = colourDisplays
        self.sliderValues = sliderValues
    }
}

/// A user action in the window.
public enum BoardWindowEvent: Equatable, Sendable {
    /// A board button (by its layout name, "USR" or "RST") pressed or released. Buttons are held
    /// for as long as the mouse button or key is down; RST resets the board on release, as the
    /// real reset line does (so "hold USR, press and release RST" selects a boot mode).
    case button(String, pressed: Bool)
    /// A reset pulse without holding (key F5).
    case reset
    /// Pause or resume the board's clock (space bar).
    case pauseToggle
    /// While paused: run one scheduler step (key n).
    case step
    /// A slider (by its layout name, e.g. "accel.x") moved to a value in its range.
    case slider(String, Double)
    /// Push in or pull out the SD card (key s).
    case sdCardToggle
    /// The mouse on a display panel (by its layout name), at a pixel of that display: pressed
    /// while the button is down and moving, released where it let go (touch screens).
    case touch(String, x: Int, y: Int, pressed: Bool)
    /// The window was closed (or Escape pressed).
    case quit
}
