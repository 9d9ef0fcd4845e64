import MicroPythonCore

// The MicroPython LCD160CR display (160x128 colour, resistive touch) as a device: commands over
// I2C (default address 98), pixel data over SPI, power from a pin.
//
// The wire protocol is this project's own: the display's reference manual, which documents the
// real one, is not available to us, so firmware/lcd160cr.py and this model share the protocol
// below and nothing else speaks it.
//
// I2C writes are a byte stream. 0x02 starts a command: an opcode, then its arguments (little-endian;
// i16 = signed 16-bit, u8/u16/u32 unsigned). Every other byte is text, drawn at the text position
// with the current font (\n, \r and \b move the position; other control bytes are ignored). A
// command must end in the transaction that started it: a STOP abandons a partial one, and an
// unknown opcode makes the display ignore the rest of that transaction. Queries leave their answer
// in the read buffer; an I2C read returns its bytes in order, then 0x00.
//
//   01 INFO                   -> u8 orient, u8 brightness, u8 i2c address, u8 decoration, u32 uart baud
//   03 OUTPUT SPACE           -> u8 free bytes in the command queue (this model works at once: 255)
//   04 DROP ANSWER            discards what is left in the read buffer
//   10 ORIENT u8              11 BRIGHTNESS u8 (0-31)        12 I2C ADDRESS u8 (7-bit, even)
//   13 UART BAUD u32          14 STARTUP DECORATION u8       15 SAVE SETTINGS TO FLASH
//   16 RESET                  17 FEED WATCHDOG (the first one starts it; 30 s)
//   20 SET PIXEL i16 x, i16 y, u16 colour
//   21 GET PIXEL i16 x, i16 y -> u16          22 GET LINE i16 x, i16 y, u16 n -> n x u16
//   23 SCREEN DUMP -> w*h x u16 (row by row)  24 SCREEN LOAD u16 byte offset, u8 n, n bytes
//   30 TEXT POSITION i16 x, i16 y   31 TEXT COLOURS u16 fg, u16 bg
//   32 FONT u8 family, u8 scale, u8 bold, u8 transparent, u8 scroll
//   40 PEN u16 line, u16 fill       41 ERASE
//   42 DOT i16 x, y                 43/44/45 RECT / OUTLINE / INTERIOR i16 x, y, w, h
//   47 DOT u8 x, y                  48/49/4A RECT / OUTLINE / INTERIOR u8 x, y, w, h
//   4B LINE u8 x1, y1, x2, y2 (the driver clips lines itself: clip_line)
//   4C POLY DOT u8 n, n x (u8 x, u8 y)        4D POLY LINE (same; one point draws a dot)
//   50 TOUCH CONFIG u8 flags (1 calibrate, 2 save, 4 change irq, 8 irq on)
//   51 TOUCH -> u8 active, u16 x, u16 y       52 TOUCHED -> u8
//   60 SPI WINDOW i16 x, y, w, h    61 SPI START (next SPI pixel goes to the window's top-left)
//   62 SCROLL u8 on                 63 SCROLL WINDOW u8 win, i16 x, y, u16 w, h, vec, pat, fill, colour
//   64 SCROLL PARAMETER u8 win, u8 param, u16 value      65 SCROLL TEXT u8 n, n bytes
//   70 JPEG START u32 length        71 JPEG DATA u8 n, n bytes (drawn at the text position when
//                                      `length` bytes have come; baseline JPEG only)
//
// SPI: the display's chip select is tied active on the skin, so it sees every byte on its SPI
// bus: RGB565 pixels, little-endian (as framebuf.RGB565 stores them), into the SPI window from
// its top-left, row by row, wrapping at its end. MISO is not driven.
//
// Power: the pwr pin high powers the display; it answers its address 20 ms later (booting), with
// the saved settings, a cleared screen and the saved start-up decoration (MLOGO: "MicroPython" in
// a frame, INFO: "LCD160CR" and the I2C address at the bottom — this model's drawings). Settings
// (orientation, brightness, I2C address, UART baud rate, decoration, touch irq) survive power-off
// only through SAVE. The UART interface and the touch IRQ line are not modelled (the setting is
// kept); the emulated touch panel is ideal, so calibration finishes at once.
//
// Touch is a settable sensor: "touch" (0/1), "x" 0-127 and "y" 0-159 on the glass (portrait).

public final class LCD160CR: I2CDevice, SettableSensor {
    public static let defaultAddress: UInt8 = 98
    static let bootSeconds = 0.020
    static let watchdogSeconds = 30.0
    static let maxJPEG = 1 << 20

    struct Settings: Equatable {
        var orient = 0
        var brightness = 31
        var address = LCD160CR.defaultAddress
        var uartBaud: UInt32 = 115_200
        var decoration = 3
        var touchIRQ = false
    }

    public private(set) var address: UInt8
    /// Asked to move the device to a new address on its bus; returns false if it cannot.
    public var moveAddress: ((_ from: UInt8, _ to: UInt8) -> Bool)?

    private let clock: DeviceClock
    private var screen: LCD160CRScreen
    private var scroll = LCD160CRScroll()
    private var saved: Settings
    private var current: Settings

    private var powered = false
    private var poweredAt = 0.0
    private var booted = false

    // command parsing
    private var command: [UInt8] = []
    private var inCommand = false
    private var discarding = false
    private var answer: [UInt8] = []
    private var answerPos = 0

    // SPI pixel window
    private var spiWin = (x: 0, y: 0, w: 128, h: 160)
    private var spiPos = 0
    private var spiLow: UInt8?

    private var watchdogDeadline: Double?
    private var jpegExpected = 0
    private var jpegData: [UInt8] = []

    private var touchActive = false
    private var touchX = 0, touchY = 0

    /// Bumped at every change of what the glass shows.
    public private(set) var generation = 0

    public init(address: UInt8 = LCD160CR.defaultAddress, clock: @escaping DeviceClock, font: [UInt8] = Py.font8x8) {
        self.address = address
        self.clock = clock
        screen = LCD160CRScreen(font: font)
        saved = Settings(address: address)
        current = saved
    }

    // MARK: power

    /// The pwr pin's level.
    public var powerLine: Bool {
        get { powered }
        set {
            guard newValue != powered else { return }
            powered = newValue
            booted = false
            if newValue { poweredAt = clock() } else { powerDown() }
            generation &+= 1
        }
    }

    private func powerDown() {
        screen = LCD160CRScreen(font: screen.font)
        scroll = LCD160CRScroll()
        command = []; inCommand = false; discarding = false
        answer = []; answerPos = 0
        watchdogDeadline = nil
        jpegExpected = 0; jpegData = []
        spiLow = nil
    }

    /// Power-on or reset: the saved settings, a clear screen, the decoration.
    private func boot() {
        powerDown()
        let old = address
        current = saved
        if current.address != old && !(moveAddress?(old, current.address) ?? true) { current.address = old }
        address = current.address
        screen.orient = current.orient
        spiWin = (0, 0, screen.width, screen.height)
        spiPos = 0
        drawDecoration()
        booted = true
        generation &+= 1
    }

    private func drawDecoration() {
        let deco = current.decoration
        guard deco & 3 != 0 else { return }
        var s = screen
        if deco & 1 != 0 {
            let text = Array("MicroPython".utf8)
            let x = (s.width - text.count * 8) / 2, y = s.height / 2 - 4
            s.penLine = 0xFFFF; s.penFill = 0
            s.rect(x - 6, y - 6, text.count * 8 + 12, 20, outline: true, interior: false)
            s.textFG = 0xFFFF; s.textBG = 0; s.textX = x; s.textY = y
            for b in text { s.text(b) }
        }
        if deco & 2 != 0 {
            s.textFG = 0x8410; s.textBG = 0
            let lines = ["LCD160CR", "i2c 0x" + String(current.address, radix: 16)]
            for (i, l) in lines.enumerated() {
                s.textX = 0; s.textY = s.height - 16 + 8 * i
                for b in l.utf8 { s.text(b) }
            }
        }
        s.textX = 0; s.textY = 0
        s.textFG = 0xFFFF; s.textBG = 0; s.penLine = 0xFFFF; s.penFill = 0
        screen = s
    }

    /// Applies what time has done: the end of booting, the watchdog, scrolling.
    private func sync() {
        guard powered else { return }
        let now = clock()
        if booted, let d = watchdogDeadline, now > d {
            // the watchdog restarts the display: it boots again from that moment
            powerDown()
            booted = false
            poweredAt = d
            generation &+= 1
        }
        if !booted {
            guard now - poweredAt >= Self.bootSeconds else { return }
            boot()
        }
        if scroll.enabled {
            scroll.advance(to: now, screen: &screen)
            generation &+= 1
        }
    }

    /// Powered and booted: it answers on I2C and takes SPI pixels.
    public var ready: Bool {
        sync()
        return powered && booted
    }

    // MARK: I2C

    public func start(read: Bool) -> Bool {
        guard ready else { return false }
        if !read { command = []; inCommand = false; discarding = false }
        return true
    }

    public func write(_ byte: UInt8) -> Bool {
        guard powered && booted else { return false }
        if discarding { return true }
        if inCommand {
            command.append(byte)
            if let n = Self.payloadLength(command), command.count - 1 >= n {
                inCommand = false
                execute(command[0], Array(command[1...]))
                command = []
            } else if Self.payloadLength(command) == nil && !Self.knownOpcode(command[0]) {
                discarding = true
            }
            return true
        }
        if byte == 0x02 {
            inCommand = true
            command = []
        } else {
            screen.text(byte)
            generation &+= 1
        }
        return true
    }

    public func read(ack: Bool) -> UInt8 {
        guard answerPos < answer.count else { return 0 }
        answerPos += 1
        return answer[answerPos - 1]
    }

    public func stop() {
        command = []; inCommand = false; discarding = false
    }

    static let fixedLengths: [UInt8: Int] = [
        0x01: 0, 0x03: 0, 0x04: 0, 0x10: 1, 0x11: 1, 0x12: 1, 0x13: 4, 0x14: 1, 0x15: 0, 0x16: 0, 0x17: 0,
        0x20: 6, 0x21: 4, 0x22: 6, 0x23: 0, 0x30: 4, 0x31: 4, 0x32: 5,
        0x40: 4, 0x41: 0, 0x42: 4, 0x43: 8, 0x44: 8, 0x45: 8, 0x47: 2, 0x48: 4, 0x49: 4, 0x4A: 4, 0x4B: 4,
        0x50: 1, 0x51: 0, 0x52: 0, 0x60: 8, 0x61: 0, 0x62: 1, 0x63: 17, 0x64: 4, 0x70: 4,
    ]

    static func knownOpcode(_ op: UInt8) -> Bool {
        fixedLengths[op] != nil || [0x24, 0x4C, 0x4D, 0x65, 0x71].contains(op)
    }

    /// The payload length of the command in `c` (opcode first), once it can be known.
    static func payloadLength(_ c: [UInt8]) -> Int? {
        guard let op = c.first else { return nil }
        if let n = fixedLengths[op] { return n }
        switch op {
        case 0x24: return c.count > 3 ? 3 + Int(c[3]) : nil
        case 0x4C, 0x4D: return c.count > 1 ? 1 + 2 * Int(c[1]) : nil
        case 0x65, 0x71: return c.count > 1 ? 1 + Int(c[1]) : nil
        default: return nil
        }
    }

    // MARK: commands

    private func setAnswer(_ bytes: [UInt8]) {
        answer = bytes
        answerPos = 0
    }

    private static func u16(_ v: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }

    private func execute(_ op: UInt8, _ p: [UInt8]) {
        func u16(_ i: Int) -> Int { Int(p[i]) | Int(p[i + 1]) << 8 }
        func i16(_ i: Int) -> Int { Int(Int16(bitPattern: UInt16(u16(i)))) }
        func u8(_ i: Int) -> Int { Int(p[i]) }
        let now = clock()
        if scroll.enabled { scroll.advance(to: now, screen: &screen) }
        generation &+= 1
        switch op {
        case 0x01:
            let b = current.uartBaud
            setAnswer([UInt8(current.orient), UInt8(current.brightness), current.address, UInt8(current.decoration),
                       UInt8(b & 0xFF), UInt8(b >> 8 & 0xFF), UInt8(b >> 16 & 0xFF), UInt8(b >> 24)])
        case 0x03: setAnswer([255])
        case 0x04: setAnswer([])
        case 0x10:
            if u8(0) <= 3 { current.orient = u8(0); screen.orient = u8(0) }
        case 0x11: current.brightness = min(31, u8(0))
        case 0x12:
            let a = p[0]
            if a & 1 == 0, a >= 0x08, a <= 0x77, a != address, moveAddress?(address, a) ?? true {
                address = a
                current.address = a
            }
        case 0x13: current.uartBaud = UInt32(u16(0)) | UInt32(u16(2)) << 16
        case 0x14: current.decoration = u8(0) & 3
        case 0x15: saved = current
        case 0x16:
            // a reset reboots: unanswered for the boot time, as after power-on
            powerDown()
            booted = false
            poweredAt = now
        case 0x17: watchdogDeadline = now + Self.watchdogSeconds
        case 0x20: screen.set(i16(0), i16(2), UInt16(u16(4)))
        case 0x21: setAnswer(Self.u16(Int(screen.get(i16(0), i16(2)))))
        case 0x22:
            let x = i16(0), y = i16(2)
            setAnswer((0..<u16(4)).flatMap { Self.u16(Int(screen.get(x + $0, y))) })
        case 0x23:
            var out: [UInt8] = []
            out.reserveCapacity(screen.width * screen.height * 2)
            for y in 0..<screen.height { for x in 0..<screen.width { out += Self.u16(Int(screen.get(x, y))) } }
            setAnswer(out)
        case 0x24:
            var offset = u16(0)
            for b in p[3...] { loadScreenByte(offset, b); offset += 1 }
        case 0x30: screen.textX = i16(0); screen.textY = i16(2)
        case 0x31: screen.textFG = UInt16(u16(0)); screen.textBG = UInt16(u16(2))
        case 0x32:
            screen.fontFamily = u8(0) & 3
            screen.fontScale = min(63, u8(1))
            screen.fontBold = u8(2) & 15
            screen.fontTrans = u8(3) != 0
            screen.fontScroll = u8(4) != 0
        case 0x40: screen.penLine = UInt16(u16(0)); screen.penFill = UInt16(u16(2))
        case 0x41: screen.erase()
        case 0x42: screen.set(i16(0), i16(2), screen.penLine)
        case 0x43, 0x44, 0x45:
            screen.rect(i16(0), i16(2), i16(4), i16(6), outline: op != 0x45, interior: op != 0x44)
        case 0x47: screen.set(u8(0), u8(1), screen.penLine)
        case 0x48, 0x49, 0x4A:
            screen.rect(u8(0), u8(1), u8(2), u8(3), outline: op != 0x4A, interior: op != 0x49)
        case 0x4B: screen.line(u8(0), u8(1), u8(2), u8(3))
        case 0x4C:
            for k in 0..<u8(0) { screen.set(u8(1 + 2 * k), u8(2 + 2 * k), screen.penLine) }
        case 0x4D:
            let n = u8(0)
            if n == 1 { screen.set(u8(1), u8(2), screen.penLine) }
            for k in 0..<max(0, n - 1) { screen.line(u8(1 + 2 * k), u8(2 + 2 * k), u8(3 + 2 * k), u8(4 + 2 * k)) }
        case 0x50:
            let f = u8(0)
            if f & 4 != 0 { current.touchIRQ = f & 8 != 0 }
            if f & 2 != 0 { saved.touchIRQ = current.touchIRQ }
        case 0x51:
            let (x, y) = screen.logical(glassX: touchX, glassY: touchY)
            setAnswer([touchActive ? 1 : 0] + Self.u16(x) + Self.u16(y))
        case 0x52: setAnswer([touchActive ? 1 : 0])
        case 0x60:
            spiWin = (i16(0), i16(2), max(0, i16(4)), max(0, i16(6)))
            spiPos = 0; spiLow = nil
        case 0x61: spiPos = 0; spiLow = nil
        case 0x62: scroll.setEnabled(u8(0) != 0, now: now, screen: &screen)
        case 0x63:
            let w = u8(0)
            if w < LCD160CRScroll.windowCount {
                scroll.params[w] = [i16(1), i16(3)] + (0..<6).map { u16(5 + 2 * $0) }
            }
        case 0x64:
            let w = u8(0), k = u8(1)
            if w < LCD160CRScroll.windowCount, k < 8 { scroll.params[w][k] = k < 2 ? i16(2) : u16(2) }
        case 0x65: scroll.text = Array(p[1...])
        case 0x70:
            let n = u16(0) | u16(2) << 16
            jpegExpected = n <= Self.maxJPEG ? n : 0
            jpegData = []
        case 0x71:
            guard jpegExpected > 0 else { break }
            jpegData += p[1...].prefix(jpegExpected - jpegData.count)
            if jpegData.count >= jpegExpected {
                drawJPEG(jpegData)
                jpegExpected = 0; jpegData = []
            }
        default: break
        }
    }

    private func loadScreenByte(_ offset: Int, _ b: UInt8) {
        let pixel = offset / 2
        let x = pixel % screen.width, y = pixel / screen.width
        guard y < screen.height else { return }
        var c = screen.get(x, y)
        c = offset & 1 == 0 ? (c & 0xFF00) | UInt16(b) : (c & 0x00FF) | UInt16(b) << 8
        screen.set(x, y, c)
    }

    /// A decodable JPEG is drawn with its top-left corner at the text position (clipped); others
    /// leave the screen as it is.
    private func drawJPEG(_ data: [UInt8]) {
        guard let img = try? JPEGDecoder.decode(data) else { return }
        let x0 = screen.textX, y0 = screen.textY
        for y in 0..<img.height {
            for x in 0..<img.width {
                let o = (y * img.width + x) * 3
                screen.set(x0 + x, y0 + y, Self.rgb565(img.rgb[o], img.rgb[o + 1], img.rgb[o + 2]))
            }
        }
    }

    static func rgb565(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt16 {
        UInt16(r >> 3) << 11 | UInt16(g >> 2) << 5 | UInt16(b >> 3)
    }

    // MARK: SPI pixels

    func spiByte(_ b: UInt8) {
        guard ready else { return }
        guard let low = spiLow else { spiLow = b; return }
        spiLow = nil
        let w = spiWin
        guard w.w > 0, w.h > 0 else { return }
        screen.set(w.x + spiPos % w.w, w.y + spiPos / w.w, UInt16(low) | UInt16(b) << 8)
        spiPos = (spiPos + 1) % (w.w * w.h)
        generation &+= 1
    }

    // MARK: touch (SettableSensor)

    public var settings: [String: ClosedRange<Double>] {
        ["touch": 0...1, "x": 0...Double(LCD160CRScreen.glassWidth - 1), "y": 0...Double(LCD160CRScreen.glassHeight - 1)]
    }

    public func set(_ name: String, _ value: Double) throws {
        let v = try validated(name, value)
        switch name {
        case "touch": touchActive = v >= 0.5
        case "x": touchX = Int(v.rounded())
        default: touchY = Int(v.rounded())
        }
    }

    public func get(_ name: String) -> Double? {
        switch name {
        case "touch": return touchActive ? 1 : 0
        case "x": return Double(touchX)
        case "y": return Double(touchY)
        default: return nil
        }
    }

    // MARK: the glass

    /// Lit: powered and booted (a display that is booting shows nothing yet).
    public var lit: Bool { ready }

    /// Backlight level 0...1 from the brightness setting.
    public var backlightLevel: Double { lit ? Double(current.brightness) / 31 : 0 }

    /// The glass as shown: 128x160 RGB565 words in portrait order, row by row (black when dark).
    public func glassPixels() -> [UInt16] {
        guard ready else { return [UInt16](repeating: 0, count: LCD160CRScreen.glassWidth * LCD160CRScreen.glassHeight) }
        return screen.glassPixels
    }
}

/// The LCD160CR's SPI side: its chip select is tied active, so every byte on the bus reaches it.
public final class LCD160CRSPIPort: SPIDevice {
    public let display: LCD160CR
    public init(_ display: LCD160CR) { self.display = display }
    public func select(_ on: Bool) {}
    public func transfer(_ byte: UInt8) -> UInt8 {
        display.spiByte(byte)
        return 0xFF
    }
}
