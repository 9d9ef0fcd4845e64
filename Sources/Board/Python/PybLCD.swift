import MicroPythonCore

// pyb.LCD: the LCD32MKv1.0 skin's 128x32 ST7565R display, driven as ports/stm32/lcd.c drives it.
// The constructor takes the skin position ('X' or 'Y', either case): SPI X or Y (set up as the
// C code does: controller, at most 16 MHz, polarity 1, phase 1, 8 bits, MSB first) and the pins
// of Skins.wiring("lcd32mk", ...) (CS1, RST, A0, backlight) as push-pull outputs; then a reset
// pulse, the init sequence and a cleared display RAM. Each byte goes out with CS1 low and A0 low
// (instruction) or high (data), as lcd_out does; an SPI unit de-initialised since makes the HAL
// refuse the byte, which the C code ignores.
//
// Two 128x32 buffers in MONO_VLSB order: pixel/text/fill draw into the hidden one, show() copies
// it to the visible one and sends that to the display (rows right to left: the glass is mounted
// mirrored), get() reads the visible one; fill() clears both. write() keeps a 16x4 character
// buffer and sends the changed cells straight to the display (not through the pixel buffers),
// scrolling up a line when the fourth is full. Text is the 8x8 font framebuf uses.
//
// Payload: word 0 = skin position (1 = X, 2 = Y), 1 = line, 2 = column, 3 = next_line flag,
// slot 4 = a bytearray: 64 characters, the visible pixel buffer (512), the hidden one (512).

enum PybLCD {
    static let charW = 16, charH = 4
    static let width = 128, height = 32
    static let pixBytes = width * height / 8
    static let charsAt = 0, visibleAt = 64, hiddenAt = 64 + 512
    static let instruction = 0

    struct Wiring {
        let unit: Int
        let cs: String, rst: String, a0: String, bl: String
    }

    static func wiring(_ o: Obj) throws -> Wiring {
        try Py.expect(o, type)
        let pos = Py.word(o, 0) == 1 ? "X" : "Y"
        let w = Skins.wiring("lcd32mk", pos)!
        return Wiring(unit: DeviceBuses.shared.spiNames[pos] ?? Int(Py.word(o, 0)), cs: w.pins["cs"]!, rst: w.pins["res"]!,
                      a0: w.pins["a0"]!, bl: w.pins["bl"]!)
    }

    // MARK: the wire

    static func setPin(_ name: String, _ level: Bool) {
        DeviceBuses.shared.writePin?(name, level)
    }

    /// lcd_out: one byte with CS1 low, A0 selecting instruction (0) or data.
    static func out(_ w: Wiring, _ instrData: Int, _ byte: UInt8) {
        setPin(w.cs, false)
        setPin(w.a0, instrData != instruction)
        let u = HardwareUnits.spi[w.unit] ?? SPIUnit()
        if u.ready && u.isController, let bus = DeviceBuses.shared.spi[w.unit] {
            _ = SPIWire.transfer(bus, [byte], baudrate: u.baudrate(sourceHz: MachineSPI.sourceHz(w.unit)))
        }
        setPin(w.cs, true)
    }

    /// spi_init with the LCD's settings: the smallest power-of-two prescaler from spi_clock/16 MHz.
    static func initSPI(_ unit: Int) {
        var u = HardwareUnits.spi[unit] ?? SPIUnit()
        let wanted = MachineSPI.sourceHz(unit) / 16_000_000
        var log = 1
        while log < 8 && wanted > 1 << log { log += 1 }
        u.mode = SPIUnit.masterMode
        u.prescalerLog = log
        u.polarity = 1
        u.phase = 1
        u.bits = 8
        u.firstBit = MachineSPI.msb
        u.ti = false
        u.crc = nil
        u.ready = true
        HardwareUnits.spi[unit] = u
    }

    // MARK: construction

    /// The bytes of a str or bytes argument (mp_obj_str_get_data).
    static func strData(_ o: Obj) throws -> [UInt8] {
        if Py.isStr(o) { return Array(try Py.toString(o).utf8) }
        if Py.typeName(o) == "bytes" { return try Py.readBuffer(o) }
        throw Py.error(.TypeError, "can't convert '\(Py.typeName(o))' object to str implicitly")
    }

    static func make(_ a: PyArgs) throws -> Obj {
        if !a.keywordNames.isEmpty { throw Py.error(.TypeError, "function doesn't take keyword arguments") }
        guard a.count == 1 else { throw Py.error(.TypeError, "function takes 1 positional arguments but \(a.count) were given") }
        // the C code reads it as a C string: it ends at the first NUL
        let id = try strData(a[0]).prefix { $0 != 0 }
        let pos: UInt32
        if id.count == 1 && id[0] | 0x20 == UInt8(ascii: "x") {
            pos = 1
        } else if id.count == 1 && id[0] | 0x20 == UInt8(ascii: "y") {
            pos = 2
        } else {
            throw Py.error(.ValueError, "LCD(\(String(decoding: id, as: UTF8.self))) doesn't exist")
        }
        let buffer = try Py.bytearray([UInt8](repeating: 0x20, count: charW * charH) + [UInt8](repeating: 0, count: 2 * pixBytes))
        let o = try Py.withRoots([buffer]) { try Py.newObject(type, words: 5) }
        Py.setWord(o, 0, pos)
        Py.setWord(o, 1, 0); Py.setWord(o, 2, 0); Py.setWord(o, 3, 0)
        Py.setSlot(o, 4, buffer)
        let w = try wiring(o)
        try Py.withRoots([o]) {
            initSPI(w.unit)
            let buses = DeviceBuses.shared
            for (pin, level) in [(w.cs, true), (w.rst, true), (w.a0, true), (w.bl, false)] { buses.drivePin?(pin, level) }
            try buses.delay(0.001)
            setPin(w.rst, false)
            try buses.delay(0.001)
            setPin(w.rst, true)
            try buses.delay(0.001)
            // ADC normal, COM normal, bias 1/9, booster+regulator+follower on, V0 ratio 1,
            // volume 0x28, start line 0, display on
            for c: UInt8 in [0xA0, 0xC0, 0xA2, 0x2F, 0x21, 0x81, 0x28, 0x40, 0xAF] { out(w, instruction, c) }
            for page: UInt8 in 0..<4 {
                out(w, instruction, 0xB0 | page)
                out(w, instruction, 0x10)
                out(w, instruction, 0x00)
                for _ in 0..<width { out(w, 1, 0) }
            }
        }
        return o
    }

    // MARK: buffers

    static func withBuffer<R>(_ o: Obj, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) throws -> R {
        try Py.expect(o, type)
        return try Py.withWritableBuffer(Py.slot(o, 4), body)
    }

    static func inScreen(_ x: Int, _ y: Int) -> Bool { x >= 0 && x < width && y >= 0 && y < height }

    static func bytePos(_ x: Int, _ y: Int) -> Int { x + width * (y >> 3) }

    /// lcd_write_strn: the character buffer, then the changed cells straight to the display.
    static func write(_ o: Obj, _ s: [UInt8]) throws {
        let w = try wiring(o)
        var line = Int(Py.word(o, 1)), column = Int(Py.word(o, 2)), nextLine = Py.word(o, 3) != 0
        var redrawMin = line * charW + column, redrawMax = redrawMin
        let cells: [UInt8] = try withBuffer(o) { buf in
            var i = 0
            while i < s.count {
                let ch = s[i]
                if nextLine {
                    if line + 1 < charH {
                        line += 1
                    } else {
                        line = charH - 1
                        for k in 0..<(charW * (charH - 1)) { buf[charsAt + k] = buf[charsAt + k + charW] }
                        for k in 0..<charW { buf[charsAt + charW * (charH - 1) + k] = 0x20 }
                        redrawMin = 0
                        redrawMax = charW * charH
                    }
                    nextLine = false
                    column = 0
                }
                if ch == 0x0A {
                    nextLine = true
                } else if ch == 0x0D {
                    column = 0
                } else if ch == 0x08 {
                    if column > 0 {
                        column -= 1
                        redrawMin = 0
                    }
                } else if column >= charW {
                    nextLine = true
                    continue  // this character again, on the next line
                } else {
                    buf[charsAt + line * charW + column] = ch
                    column += 1
                    redrawMax = max(redrawMax, line * charW + column)
                }
                i += 1
            }
            return Array(buf[charsAt..<(charsAt + charW * charH)])
        }
        Py.setWord(o, 1, UInt32(line)); Py.setWord(o, 2, UInt32(column)); Py.setWord(o, 3, nextLine ? 1 : 0)
        let font = Py.font8x8
        guard redrawMin < redrawMax else { return }
        for i in redrawMin..<redrawMax {
            // the glass is mounted mirrored: cells and their columns go right to left
            let page = i / charW
            let offset = 8 * (charW - 1 - (i - page * charW))
            out(w, instruction, 0xB0 | UInt8(page))
            out(w, instruction, 0x10 | UInt8((offset >> 4) & 0x0F))
            out(w, instruction, UInt8(offset & 0x0F))
            var ch = Int(cells[i])
            if ch < 32 || ch > 126 { ch = 127 }
            for j in stride(from: 7, through: 0, by: -1) { out(w, 1, font[(ch - 32) * 8 + j]) }
        }
    }

    /// The hidden buffer's glyphs: characters outside 32...127 draw as 127, clipped at the edges.
    static func text(_ o: Obj, _ s: [UInt8], _ x0: Int, _ y0: Int, _ colour: Int) throws {
        let font = Py.font8x8
        try withBuffer(o) { buf in
            var x = x0
            for var ch in s.map(Int.init) {
                if ch < 32 || ch > 127 { ch = 127 }
                for j in 0..<8 {
                    defer { x += 1 }
                    guard x >= 0 && x < width else { continue }
                    var column = font[(ch - 32) * 8 + j]
                    var y = y0
                    while column != 0 {
                        if column & 1 != 0 && y >= 0 && y < height {
                            let p = hiddenAt + bytePos(x, y)
                            if colour == 0 { buf[p] &= ~(1 << UInt8(y & 7)) } else { buf[p] |= 1 << UInt8(y & 7) }
                        }
                        column >>= 1
                        y += 1
                    }
                }
            }
        }
    }

    static func show(_ o: Obj) throws {
        let w = try wiring(o)
        let visible: [UInt8] = try withBuffer(o) { buf in
            for k in 0..<pixBytes { buf[visibleAt + k] = buf[hiddenAt + k] }
            return Array(buf[visibleAt..<(visibleAt + pixBytes)])
        }
        for page in 0..<4 {
            out(w, instruction, 0xB0 | UInt8(page))
            out(w, instruction, 0x10)
            out(w, instruction, 0x00)
            for i in 0..<width { out(w, 1, visible[width * page + width - 1 - i]) }
        }
    }

    // MARK: the type

    static let methods: [PyNative] = [
        .method("command", 3) { a in
            let w = try wiring(a[0])
            let instrData = try Py.toInt(a[1])
            for b in try PybBuffers.forSend(a[2]) { out(w, instrData, b) }
            return Py.none
        },
        .method("contrast", 2) { a in
            let w = try wiring(a[0])
            let c = max(0, min(0x2F, try Py.toInt(a[1])))
            out(w, instruction, 0x81)
            out(w, instruction, UInt8(c))
            return Py.none
        },
        .method("light", 2) { a in
            let w = try wiring(a[0])
            setPin(w.bl, try Py.truthy(a[1]))
            return Py.none
        },
        .method("write", 2) { a in
            try write(a[0], try strData(a[1]))
            return Py.none
        },
        .method("fill", 2) { a in
            let v: UInt8 = try Py.toInt(a[1]) != 0 ? 0xFF : 0
            try withBuffer(a[0]) { buf in
                for k in 0..<(2 * pixBytes) { buf[visibleAt + k] = v }
            }
            return Py.none
        },
        .method("get", 3) { a in
            let x = try Py.toInt(a[1]), y = try Py.toInt(a[2])
            let on = try withBuffer(a[0]) { buf in
                inScreen(x, y) && buf[visibleAt + bytePos(x, y)] & (1 << UInt8(y & 7)) != 0
            }
            return try Py.int(on ? 1 : 0)
        },
        .method("pixel", 4) { a in
            let x = try Py.toInt(a[1]), y = try Py.toInt(a[2])
            try Py.expect(a[0], type)
            guard inScreen(x, y) else { return Py.none }
            // the colour is only looked at for a pixel on the screen, as in the C code
            let clear = try Py.toInt(a[3]) == 0
            try withBuffer(a[0]) { buf in
                let p = hiddenAt + bytePos(x, y)
                if clear { buf[p] &= ~(1 << UInt8(y & 7)) } else { buf[p] |= 1 << UInt8(y & 7) }
            }
            return Py.none
        },
        .method("text", 5) { a in
            try Py.expect(a[0], type)
            let s = try strData(a[1])
            let x = try Py.toInt(a[2]), y = try Py.toInt(a[3]), c = try Py.toInt(a[4])
            try text(a[0], s, x, y, c)
            return Py.none
        },
        .method("show", 1) { a in
            try show(a[0])
            return Py.none
        },
    ]

    nonisolated(unsafe) private static var cachedType: Obj?
    static var type: Obj {
        if let t = cachedType { return t }
        let t = Py.makeType("LCD", methods: methods, make: make)
        cachedType = t
        return t
    }
}
