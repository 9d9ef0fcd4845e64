import Foundation

// Solomon SSD1306 OLED controller driving a 128x64 panel, on I2C (control byte: Co bit 7, D/C#
// bit 6) or 4-wire SPI (D/C# from a pin).
//
// The command decoder follows the datasheet's command table (section 9-10): fundamental
// (81 contrast, A4/A5 entire display on, A6/A7 inverse, AE/AF display off/on), scrolling (26/27
// horizontal, 29/2A vertical+horizontal, 2E/2F stop/start, A3 vertical area), addressing (00-0F/
// 10-1F page-mode column, 20 mode, 21 column window, 22 page window, B0-B7 page), hardware
// configuration (40-7F start line, A0/A1 segment remap, A8 multiplex, C0/C8 COM scan direction,
// D3 display offset, DA COM pins), timing (D5, D9, DB, E3 NOP) and 8D charge pump; AD (IREF,
// sent by micropython-lib's driver), D6 (zoom) and 23 (fade) take one argument. Argument bytes
// may arrive in separate transactions (the drivers send one command byte per transaction).
//
// The panel is wired as the common 128x64 modules are: with A1 and C8 (what the drivers send)
// GDDRAM column 0, row 0 is the top-left pixel. `pixels()` returns what the glass shows.

public final class SSD1306Controller {
    public static let width = 128, height = 64
    private let lock = NSLock()

    // GDDRAM: 8 pages x 128 columns, bit n of a byte = row 8·page + n.
    private var ram = [UInt8](repeating: 0, count: 1024)
    private var column = 0, page = 0
    private var addressingMode = 2
    private var columnStart = 0, columnEnd = 127, pageStart = 0, pageEnd = 7
    private var pageModeColumn = 0

    private(set) var contrast = 0x7F
    private(set) var displayOn = false
    private var entireOn = false
    private var inverse = false
    private var startLine = 0
    private var segmentRemap = false
    private var comReverse = false
    private var multiplex = 64
    private var displayOffset = 0
    private var comPins: UInt8 = 0x12
    private var chargePump = false
    /// A panel powered from an external VCC lights without the charge pump.
    public var externalVCC = false

    // Scrolling.
    private var scrollSetup: (vertical: Bool, left: Bool, startPage: Int, endPage: Int, interval: Int, verticalOffset: Int)?
    private var scrollActive = false
    private var scrollStartedAt = 0.0
    private var verticalAreaTop = 0, verticalAreaRows = 64
    private let clock: DeviceClock?

    // Command decoding.
    private var pending: [UInt8] = []
    private var pendingNeeded = 0

    /// Bumped at every change of what the panel shows (the window redraws when it moves).
    public private(set) var generation = 0

    public init(clock: DeviceClock? = nil) {
        self.clock = clock
    }

    // MARK: byte input

    public func command(_ byte: UInt8) {
        lock.lock(); defer { lock.unlock() }
        if pendingNeeded > 0 {
            pending.append(byte)
            pendingNeeded -= 1
            if pendingNeeded == 0 { execute(pending) }
            return
        }
        let n = Self.argumentCount(byte)
        if n == 0 {
            execute([byte])
        } else {
            pending = [byte]
            pendingNeeded = n
        }
    }

    public func data(_ byte: UInt8) {
        lock.lock(); defer { lock.unlock() }
        ram[page * 128 + column] = byte
        generation &+= 1
        switch addressingMode {
        case 0:  // horizontal
            column += 1
            if column > columnEnd {
                column = columnStart
                page = page >= pageEnd ? pageStart : page + 1
            }
        case 1:  // vertical
            page += 1
            if page > pageEnd {
                page = pageStart
                column = column >= columnEnd ? columnStart : column + 1
            }
        default:  // page: the column wraps inside the page
            column = column >= 127 ? pageModeColumn : column + 1
        }
    }

    /// RES# low: every register to its reset value (GDDRAM keeps its contents).
    public func reset() {
        lock.lock(); defer { lock.unlock() }
        column = 0; page = 0; addressingMode = 2
        columnStart = 0; columnEnd = 127; pageStart = 0; pageEnd = 7; pageModeColumn = 0
        contrast = 0x7F; displayOn = false; entireOn = false; inverse = false
        startLine = 0; segmentRemap = false; comReverse = false; multiplex = 64; displayOffset = 0
        comPins = 0x12; chargePump = false
        scrollSetup = nil; scrollActive = false; verticalAreaTop = 0; verticalAreaRows = 64
        pending = []; pendingNeeded = 0
        generation &+= 1
    }

    static func argumentCount(_ cmd: UInt8) -> Int {
        switch cmd {
        case 0x81, 0x20, 0xA8, 0xD3, 0xDA, 0xD5, 0xD9, 0xDB, 0x8D, 0xAD, 0xD6, 0x23: return 1
        case 0x21, 0x22, 0xA3: return 2
        case 0x26, 0x27: return 6
        case 0x29, 0x2A: return 5
        default: return 0
        }
    }

    private func execute(_ c: [UInt8]) {
        generation &+= 1
        let op = c[0]
        switch op {
        case 0x00...0x0F:
            pageModeColumn = (pageModeColumn & 0xF0) | Int(op & 0x0F)
            column = pageModeColumn
        case 0x10...0x1F:
            pageModeColumn = (pageModeColumn & 0x0F) | (Int(op & 0x07) << 4)
            column = pageModeColumn
        case 0x20:
            if c[1] & 0x03 != 3 { addressingMode = Int(c[1] & 0x03) }
        case 0x21:
            columnStart = Int(c[1] & 0x7F); columnEnd = Int(c[2] & 0x7F)
            column = columnStart
        case 0x22:
            pageStart = Int(c[1] & 0x07); pageEnd = Int(c[2] & 0x07)
            page = pageStart
        case 0x26, 0x27:
            stopScroll()
            scrollSetup = (false, op == 0x27, Int(c[2] & 7), Int(c[4] & 7), Int(c[3] & 7), 0)
        case 0x29, 0x2A:
            stopScroll()
            scrollSetup = (true, op == 0x2A, Int(c[2] & 7), Int(c[4] & 7), Int(c[3] & 7), Int(c[5] & 0x3F))
        case 0x2E: stopScroll()
        case 0x2F:
            if scrollSetup != nil && !scrollActive {
                scrollActive = true
                scrollStartedAt = clock?() ?? 0
            }
        case 0xA3:
            verticalAreaTop = Int(c[1] & 0x3F); verticalAreaRows = Int(c[2] & 0x7F)
        case 0x40...0x7F: startLine = Int(op & 0x3F)
        case 0x81: contrast = Int(c[1])
        case 0x8D: chargePump = c[1] & 0x04 != 0
        case 0xA0, 0xA1: segmentRemap = op == 0xA1
        case 0xA4, 0xA5: entireOn = op == 0xA5
        case 0xA6, 0xA7: inverse = op == 0xA7
        case 0xA8:
            // MUX values 0-14 are invalid and leave the ratio unchanged.
            let m = Int(c[1] & 0x3F)
            if m >= 15 { multiplex = m + 1 }
        case 0xAE, 0xAF: displayOn = op == 0xAF
        case 0xB0...0xB7: page = Int(op & 0x07)
        case 0xC0...0xCF: comReverse = op & 0x08 != 0
        case 0xD3: displayOffset = Int(c[1] & 0x3F)
        case 0xDA: comPins = c[1] & 0x32
        default: break  // timing, IREF, zoom, fade, NOP: no visible effect on the model
        }
    }

    // MARK: scrolling

    /// Scroll steps per frame interval code (datasheet: 5, 64, 128, 256, 3, 4, 25, 2 frames).
    private static let intervalFrames: [Double] = [5, 64, 128, 256, 3, 4, 25, 2]
    /// Frame rate with the reset oscillator settings and a 64-row multiplex (about 100 Hz).
    private static let frameRate = 100.0

    private func scrollSteps() -> Int {
        guard scrollActive, let s = scrollSetup, let clock else { return 0 }
        let frames = max(0, clock() - scrollStartedAt) * Self.frameRate
        return Int(min(1e9, (frames / Self.intervalFrames[s.interval]).rounded(.down)))
    }

    /// Applies the scrolled view to GDDRAM (the datasheet asks to rewrite RAM after 2E because
    /// the chip moves the data itself while scrolling).
    private func stopScroll() {
        if scrollActive { ram = scrolledRAM() }
        scrollActive = false
    }

    private func scrolledRAM() -> [UInt8] {
        let steps = scrollSteps()
        guard steps > 0, let s = scrollSetup else { return ram }
        var out = ram
        let shift = (s.left ? -steps : steps) % 128
        let pages = s.startPage <= s.endPage ? Array(s.startPage...s.endPage) : Array(s.startPage...7) + Array(0...s.endPage)
        for p in pages {
            for col in 0..<128 {
                out[p * 128 + ((col + shift) % 128 + 128) % 128] = ram[p * 128 + col]
            }
        }
        if s.vertical && s.verticalOffset > 0 {
            // Vertical scrolling moves rows up inside the vertical scroll area.
            let rows = max(1, min(64 - verticalAreaTop, verticalAreaRows))
            let up = (steps * s.verticalOffset) % rows
            let horizontal = out
            for col in 0..<128 {
                for r in 0..<rows {
                    let src = verticalAreaTop + (r + up) % rows
                    let dst = verticalAreaTop + r
                    let bit = (horizontal[(src / 8) * 128 + col] >> UInt8(src % 8)) & 1
                    let idx = (dst / 8) * 128 + col
                    out[idx] = (out[idx] & ~(1 << UInt8(dst % 8))) | (bit << UInt8(dst % 8))
                }
            }
        }
        return out
    }

    // MARK: the panel

    /// Whether the glass lights at all (display on, and powered: charge pump or external VCC).
    public var lit: Bool {
        lock.lock(); defer { lock.unlock() }
        return displayOn && (chargePump || externalVCC)
    }

    /// Brightness of a lit pixel for the current contrast (a dark OLED pixel is 0).
    public var brightness: UInt8 {
        lock.lock(); defer { lock.unlock() }
        return UInt8(64 + contrast * 191 / 255)
    }

    /// The panel as shown: 128x64 bytes row by row, 1 for a lit pixel and 0 for a dark one
    /// (all 0 when the display is off or unpowered). Segment remap, COM scan direction, COM pin
    /// configuration, start line, display offset, multiplex ratio, inverse, entire-display-on
    /// and active scrolling are applied. `brightness` gives the level of lit pixels.
    public func pixels() -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        var out = [UInt8](repeating: 0, count: Self.width * Self.height)
        guard displayOn && (chargePump || externalVCC) else { return out }
        let view = scrollActive ? scrolledRAM() : ram
        for y in 0..<Self.height {
            guard let ramRow = ramRow(forPanelRow: y) else { continue }
            let pageBase = (ramRow / 8) * 128, bit = UInt8(ramRow % 8)
            for x in 0..<Self.width {
                // The glass is mounted with SEG127 on the left: A1 maps column 0 there.
                let seg = 127 - x
                let col = segmentRemap ? 127 - seg : seg
                var on = entireOn || (view[pageBase + col] >> bit) & 1 == 1
                if inverse { on.toggle() }
                out[y * Self.width + x] = on ? 1 : 0
            }
        }
        return out
    }

    /// The GDDRAM row driven onto panel row `y`, or nil if that row is outside the multiplex.
    private func ramRow(forPanelRow y: Int) -> Int? {
        // Panel rows are wired to COM pins bottom-up (COM63 at the top), in the alternative
        // (interleaved) pin order a 64-row glass needs; other DA settings scramble rows as on a
        // real module.
        let comPin = 63 - y
        var scanRow: Int  // position of this pin in the COM scan sequence
        if comPins & 0x10 != 0 {
            scanRow = comPin  // alternative configuration matches the glass
        } else {
            // Sequential configuration on interleaved glass: even pins take the first half.
            scanRow = comPin % 2 == 0 ? comPin / 2 : 32 + comPin / 2
        }
        if comPins & 0x20 != 0 { scanRow = (scanRow + 32) % 64 }  // left/right remap
        // Only COM0...COM[N-1] are driven; C8 scans them from COM[N-1] down to COM0.
        guard scanRow < multiplex else { return nil }
        let comIndex = comReverse ? (multiplex - 1 - scanRow) : scanRow
        let row = (comIndex + displayOffset) % 64
        guard row < multiplex else { return nil }
        return (row + startLine) % 64
    }

    /// A copy of GDDRAM (8 pages of 128 bytes), for tests and snapshots.
    public func gddram() -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        return ram
    }

    /// The status byte a read returns: bit 6 set while the display is off.
    public var statusByte: UInt8 {
        lock.lock(); defer { lock.unlock() }
        return displayOn ? 0x00 : 0x40
    }
}

/// The SSD1306 behind its I2C interface (address 0x3C or 0x3D).
public final class SSD1306I2C: I2CDevice {
    public let address: UInt8
    public let controller: SSD1306Controller
    private enum Phase { case control, single(data: Bool), stream(data: Bool) }
    private var phase = Phase.control

    public init(address: UInt8 = 0x3C, controller: SSD1306Controller = SSD1306Controller()) {
        self.address = address
        self.controller = controller
    }

    public func start(read: Bool) -> Bool {
        phase = .control
        return true
    }

    public func write(_ byte: UInt8) -> Bool {
        switch phase {
        case .control:
            // Co = 0: the rest of the transaction is data (D/C# = 1) or commands; Co = 1: one byte,
            // then another control byte.
            let isData = byte & 0x40 != 0
            phase = byte & 0x80 != 0 ? .single(data: isData) : .stream(data: isData)
        case .single(let isData):
            if isData { controller.data(byte) } else { controller.command(byte) }
            phase = .control
        case .stream(let isData):
            if isData { controller.data(byte) } else { controller.command(byte) }
        }
        return true
    }

    public func read(ack: Bool) -> UInt8 { controller.statusByte }

    public func stop() { phase = .control }
}

/// The SSD1306 on 4-wire SPI: D/C# and RES# come from pins the board wires to `dataMode` and
/// `resetLine`.
public final class SSD1306SPI: SPIDevice {
    public let controller: SSD1306Controller
    /// D/C# pin level: true = data.
    public var dataMode = false
    private var selected = false
    /// RES# pin level: low resets the controller.
    public var resetLine = true {
        didSet { if !resetLine && oldValue { controller.reset() } }
    }

    public init(controller: SSD1306Controller = SSD1306Controller()) {
        self.controller = controller
    }

    public func select(_ on: Bool) { selected = on }

    public func transfer(_ byte: UInt8) -> UInt8 {
        guard selected, resetLine else { return 0xFF }
        if dataMode { controller.data(byte) } else { controller.command(byte) }
        return 0xFF  // write-only in 4-wire mode: nothing drives MISO
    }
}
