// The LCD32MKv1.0 skin's display: a Newhaven NHD-C12832A1Z (128x32 monochrome STN glass) driven by
// a Sitronix ST7565R on 4-wire SPI (CS1 active low, A0 high = display data, RST low = reset),
// plus the skin's LED backlight on its own pin.
//
// The command decoder follows the ST7565R's instruction table: AE/AF display off/on, 40-7F start
// line, B0-B8 page, 10-1F/00-0F column upper/lower nibble, A0/A1 ADC (segment) direction, A6/A7
// normal/reverse, A4/A5 all points, A2/A3 bias, C0-CF common output direction (bit 3), 28-2F power
// control, 20-27 V0 regulator ratio, 81+n electronic volume, AC/AD+n static indicator, F8+n booster
// ratio, E0/EE read-modify-write, E2 internal reset, E3 NOP. Display data writes go to the page's
// column and move the column on; the column stops at the last one (131), as the chip's does.
//
// The glass: the skin mounts it so that, with ADC normal (A0), RAM column c shows at x = 127 - c
// (pyb.LCD sends its rows right to left for that reason), and with COM normal (C0) glass row y
// shows display line (start line + y) mod 64. The glass only shows anything with the display on
// and the booster, regulator and follower all on (28|7), as the LCD needs its driving voltage.

public final class ST7565Controller {
    public static let width = 128, height = 32
    static let columns = 132, pages = 9

    /// Display RAM: 9 pages (the ninth is the icon row) of 132 columns, bit n = line 8·page + n.
    private var ram = [UInt8](repeating: 0, count: 9 * 132)
    private var page = 0, column = 0
    private(set) var displayOn = false
    private var startLine = 0
    private var adcReverse = false
    private var reverse = false
    private var allPoints = false
    private var comReverse = false
    /// Booster, regulator, follower bits of the power control set (28-2F).
    private(set) var power = 0
    /// Electronic volume 0...63 (contrast).
    public private(set) var volume = 0x20
    private var pendingArgumentOf: UInt8?
    private var readModifyWrite: Int?

    /// Bumped at every change of what the glass shows.
    public private(set) var generation = 0

    public init() {}

    // MARK: byte input

    public func command(_ byte: UInt8) {
        generation &+= 1
        if let op = pendingArgumentOf {
            pendingArgumentOf = nil
            if op == 0x81 { volume = Int(byte & 0x3F) }
            return  // AC/AD static indicator and F8 booster ratio: no effect on the glass model
        }
        switch byte {
        case 0xAE, 0xAF: displayOn = byte == 0xAF
        case 0x40...0x7F: startLine = Int(byte & 0x3F)
        case 0xB0...0xBF: page = min(Int(byte & 0x0F), Self.pages - 1)
        case 0x10...0x1F: column = (column & 0x0F) | (Int(byte & 0x0F) << 4)
        case 0x00...0x0F: column = (column & 0xF0) | Int(byte & 0x0F)
        case 0xA0, 0xA1: adcReverse = byte == 0xA1
        case 0xA6, 0xA7: reverse = byte == 0xA7
        case 0xA4, 0xA5: allPoints = byte == 0xA5
        case 0xC0...0xCF: comReverse = byte & 0x08 != 0
        case 0x28...0x2F: power = Int(byte & 0x07)
        case 0x81, 0xAC, 0xAD, 0xF8: pendingArgumentOf = byte
        case 0xE0: readModifyWrite = column
        case 0xEE:
            if let c = readModifyWrite { column = c }
            readModifyWrite = nil
        case 0xE2: internalReset()
        default: break  // bias, V0 ratio, NOP, test commands: nothing the glass model shows
        }
    }

    public func data(_ byte: UInt8) {
        generation &+= 1
        if column < Self.columns { ram[page * Self.columns + column] = byte }
        // the column counter stops at the last column; read-modify-write mode moves it on writes only
        if column < Self.columns - 1 { column += 1 }
    }

    /// E2: start line, column, page, COM direction, volume and read-modify-write to their defaults
    /// (display on/off, ADC, power and RAM keep their state).
    private func internalReset() {
        startLine = 0; column = 0; page = 0; comReverse = false; volume = 0x20
        readModifyWrite = nil; pendingArgumentOf = nil
    }

    /// RST low: every register to its reset value; the display RAM keeps its contents.
    public func reset() {
        internalReset()
        displayOn = false; adcReverse = false; reverse = false; allPoints = false; power = 0
        generation &+= 1
    }

    // MARK: the glass

    /// The glass shows pixels: display on and its LCD voltage generated.
    public var lit: Bool { displayOn && power == 7 }

    /// Contrast as a fraction of the electronic volume's range.
    public var contrast: Double { Double(volume) / 63 }

    /// The glass as shown: 128x32 bytes row by row, 1 for a dark (set) pixel; all 0 when the
    /// display is off or unpowered.
    public func pixels() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.width * Self.height)
        guard lit else { return out }
        for y in 0..<Self.height {
            let line = (startLine + (comReverse ? 63 - y : y)) & 63
            let base = (line >> 3) * Self.columns, bit = UInt8(line & 7)
            for x in 0..<Self.width {
                let segment = 127 - x
                let col = adcReverse ? Self.columns - 1 - segment : segment
                var on = allPoints || (ram[base + col] >> bit) & 1 == 1
                if reverse { on.toggle() }
                out[y * Self.width + x] = on ? 1 : 0
            }
        }
        return out
    }

    /// A copy of the display RAM (9 pages of 132 columns), for tests.
    public func displayRAM() -> [UInt8] { ram }
}

/// The LCD32MK skin on SPI: CS1, A0 and RST come from pins the board wires, the backlight from
/// another. The ST7565R's serial interface is write-only, so MISO is never driven.
public final class LCD32MKSkin: SPIDevice {
    public let controller: ST7565Controller
    /// A0 pin level: true = display data.
    public var dataMode = false
    /// The backlight LED's pin level.
    public var backlight = false
    private var selected = false
    /// RST pin level: low resets the controller.
    public var resetLine = true {
        didSet { if !resetLine && oldValue { controller.reset() } }
    }

    public init(controller: ST7565Controller = ST7565Controller()) {
        self.controller = controller
    }

    public func select(_ on: Bool) { selected = on }

    public func transfer(_ byte: UInt8) -> UInt8 {
        guard selected, resetLine else { return 0xFF }
        if dataMode { controller.data(byte) } else { controller.command(byte) }
        return 0xFF
    }
}
