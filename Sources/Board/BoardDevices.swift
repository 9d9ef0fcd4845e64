import Glibc
import MicroPythonCore

// The devices wired to the running board: its I2C/SPI buses from board.json (DeviceBuses), the
// onboard chips (the pyboard's MMA7660, powered from its AVDD pin), devices added with
// `--attach`/scenarios, and the wires between pins and chips: an SPI device's chip select
// (active low, with the pull-up breakout boards carry), an SSD1306's D/C and RES lines, the
// accelerometer's power pin. It also turns device state into what front ends show (display
// frames, sensor values) and applies sensor settings from them. Runs on the interpreter thread,
// except `attach`, which front ends call before the board runs.

/// A display as front ends draw it.
public struct DisplayFrame: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Lights its own pixels (SSD1306 OLED).
        case oled
        /// Dark pixels on a backlit glass (the LCD skin's ST7565R panel).
        case lcd
        /// RGB565 pixels (LCD160CR).
        case colour
    }
    public var name: String
    public var title: String
    public var width: Int
    public var height: Int
    public var kind: Kind = .oled
    /// Mono kinds: MONO_VLSB pages, height/8 pages of `width` bytes, bit 0 the top pixel of its
    /// column; what the glass shows (remap, scrolling, inverse and display-off already applied).
    public var pages: [UInt8] = []
    /// Colour kind: RGB565 words row by row.
    public var rgb565: [UInt16] = []
    /// The glass shows anything at all (powered, display on).
    public var lit = true
    /// LCD backlight / colour display brightness, 0...1.
    public var backlight = 1.0
    /// LCD contrast, 0...1.
    public var contrast = 1.0
}

/// A display panel the window should show for an attached device.
public struct DisplayPanel: Sendable, Equatable {
    public var name: String
    public var title: String
    public var width: Int
    public var height: Int
    public var kind: DisplayFrame.Kind
}

public enum BoardDeviceError: Error, CustomStringConvertible {
    case noPin(device: String, pin: String)
    case unknownDevice(String, known: [String])
    case setting(String, String)

    public var description: String {
        switch self {
        case .noPin(let d, let p): return "\(d): this board has no pin '\(p)'"
        case .unknownDevice(let d, let known): return "no device '\(d)' (devices: \(known.joined(separator: ", ")))"
        case .setting(let d, let why): return "\(d): \(why)"
        }
    }
}

final class BoardDevices: Peripheral {
    struct Attached {
        let name: String
        let created: CreatedDevice
    }

    unowned let board: Board
    private(set) var attached: [Attached] = []
    /// Pin index -> what follows its level.
    private var watchers: [Int: [(Bool) -> Void]] = [:]
    /// Pins with a pull-up on the device side (chip selects, reset lines).
    private var pulledUp: Set<Int> = []
    private var accelPowerPin: Int?
    /// Single-wire devices (DHT, 1-Wire) by pin; attached to the scheduler with the first one.
    private lazy var wireLines: WireLines = {
        let w = WireLines(board)
        board.attach(w)
        return w
    }()

    init(_ board: Board) {
        self.board = board
        let def = board.definition
        let buses = DeviceBuses.shared
        buses.clear()
        func cpu(_ name: String?) -> String { name.flatMap { board.pins.index(of: $0) }.map { def.pins[$0].cpu } ?? "?" }
        for b in def.buses.i2c {
            buses.i2c[b.id] = I2CBus(name: "i2c\(b.id)")
            if let n = b.name { buses.i2cNames[n] = b.id }
            buses.i2cPins[b.id] = (cpu(b.scl), cpu(b.sda))
        }
        for b in def.buses.spi {
            buses.spi[b.id] = SPIBus(name: "spi\(b.id)")
            if let n = b.name { buses.spiNames[n] = b.id }
            buses.spiPins[b.id] = (cpu(b.sck), cpu(b.miso), cpu(b.mosi))
        }
        buses.softI2CBus = { scl, sda in
            buses.i2cPins.first { $0.value.scl == scl && $0.value.sda == sda }.flatMap { buses.i2c[$0.key] }
        }
        buses.softSPIBus = { sck, mosi, miso in
            buses.spiPins.first { $0.value.sck == sck && $0.value.mosi == mosi && $0.value.miso == miso }.flatMap { buses.spi[$0.key] }
        }
        buses.clock = { [weak board] in board.map { Double($0.scheduler.now()) / 1e9 } ?? 0 }
        buses.delay = { [weak board] s in try board?.sleep(nanos: UInt64(max(0, min(s, 1e6)) * 1e9)) }
        buses.busy = { [weak board] s in board?.scheduler.charge(Int(max(0, min(s, 1e6)) * Double(board?.sysclkHz ?? 0))) }
        buses.unitClockHz = { [weak board] kind, id in
            let clocks = ModulePyb.busClocks(board?.sysclkHz ?? def.clock.sysclkHz, def)
            let bus = (kind == .i2c ? def.buses.i2c : def.buses.spi).first { $0.id == id }
            return bus?.clock == "pclk2" ? clocks[3] : clocks[2]
        }
        buses.drivePin = { [weak board] name, level in
            guard let board, let i = board.pins.index(of: name) else { return }
            board.pins.write(i, level)
            board.pins.configure(i, mode: PinMode.output, pull: PinPull.none, af: -1)
        }
        buses.writePin = { [weak board] name, level in
            guard let board, let i = board.pins.index(of: name) else { return }
            board.pins.write(i, level)
        }
        DeviceBindings.pinNameResolver = { [weak board] o in
            guard let board else { throw Py.error(.RuntimeError, "the board is gone") }
            return board.definition.pins[try ObjPin.find(o)].cpu
        }

        for d in def.devices {
            var text = "\(d.kind.lowercased())@\(d.bus)\(d.busId)"
            if let a = d.address { text += ":\(a)" }
            do {
                let a = try attach(DeviceCatalog.parse(text), name: d.name)
                if let p = d.power, let i = board.pins.index(of: p), let chip = a.created.i2c as? MMA7660 {
                    accelPowerPin = i
                    buses.accelPowerPin = p
                    watch(i) { chip.powered = $0 }
                }
            } catch {
                board.writeHostError("board.json device \(text): \(error)")
            }
        }
    }

    // MARK: attaching

    @discardableResult
    func attach(_ spec: DeviceSpec, name: String? = nil) throws -> Attached {
        let pins = board.pins
        var wires: [(String, Int)] = []
        var roles: [(String, String?)] = [(spec.bus.kind == .pin ? "wire" : "cs", spec.chipSelect)]
            + spec.options.filter { $0.key == "dc" || $0.key == "res" }.map { ($0.key, Optional($0.value)) }
        var csBus = spec.bus.kind == .spi ? spec.bus.id : nil
        if spec.bus.kind == .skin {
            let w = Skins.wiring(spec.kind, spec.chipSelect ?? "")
            roles = (w?.pins ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, Optional($0.value)) }
            csBus = w?.spi.flatMap { DeviceBuses.shared.spiNames[$0] }
        }
        for (role, pin) in roles {
            guard let pin else { continue }
            guard let i = pins.index(of: pin) else { throw BoardDeviceError.noPin(device: spec.description, pin: pin) }
            wires.append((role, i))
        }
        let buses = DeviceBuses.shared
        let created = try DeviceCatalog.attach(spec, i2cBuses: buses.i2c, spiBuses: buses.spi, clock: buses.clock,
                                               i2cNames: buses.i2cNames, spiNames: buses.spiNames)
        var unique = name ?? spec.kind
        var k = 2
        while attached.contains(where: { $0.name == unique }) {
            unique = (name ?? spec.kind) + "\(k)"
            k += 1
        }
        let a = Attached(name: unique, created: created)
        attached.append(a)
        for (role, i) in wires {
            switch role {
            case "wire":
                guard let d = created.wire else { continue }
                pulledUp.insert(i)
                applyPullUps()
                if let line = wireLines.add(d, pin: i) { watch(i) { line.levelChanged($0) } }
            case "cs":
                guard let id = csBus, let bus = buses.spi[id] else { continue }
                let cs = spec.bus.kind == .skin ? Skins.wiring(spec.kind, spec.chipSelect ?? "")?.pins["cs"] ?? "" : spec.chipSelect ?? ""
                pulledUp.insert(i)
                applyPullUps()
                watch(i) { bus.setChipSelect(cs, level: $0) }
            case "dc", "a0":
                if let d = created.spi as? SSD1306SPI { watch(i) { d.dataMode = $0 } }
                if let d = created.lcd32 { watch(i) { d.dataMode = $0 } }
            case "res":
                pulledUp.insert(i)
                applyPullUps()
                if let d = created.spi as? SSD1306SPI { watch(i) { d.resetLine = $0 } }
                if let d = created.lcd32 { watch(i) { d.resetLine = $0 } }
            case "bl":
                guard let d = created.lcd32 else { continue }
                watch(i) { d.backlight = $0 }
            case "pwr":
                guard let d = created.lcd160 else { continue }
                watch(i) { d.powerLine = $0 }
            default:
                continue
            }
        }
        return a
    }

    private func watch(_ i: Int, _ f: @escaping (Bool) -> Void) {
        watchers[i, default: []].append(f)
        f(board.pins.level(i))
    }

    private func applyPullUps() {
        for i in pulledUp where board.pins.state(i).external == nil { board.pins.drive(i, true) }
    }

    func pinLevelChanged(_ i: Int, _ level: Bool) {
        guard let ws = watchers[i] else { return }
        for w in ws { w(level) }
    }

    // MARK: Peripheral: resets

    var nextEventNanos: UInt64? { nil }
    func advance(to now: UInt64) {}

    /// Every boot: the buses are de-initialised and accel_init switches the accelerometer off.
    /// A power cycle also dropped the pull-ups and changed pin levels without edges: resync.
    func reset(hard: Bool) {
        HardwareUnits.reset()
        MachineI2CTarget.reset()
        applyPullUps()
        if let p = accelPowerPin {
            board.pins.write(p, false)
            board.pins.configure(p, mode: PinMode.output, pull: PinPull.none, af: -1)
        }
        for (i, ws) in watchers {
            for w in ws { w(board.pins.level(i)) }
        }
    }

    // MARK: sensors and displays

    func device(_ name: String) throws -> Attached {
        if let a = attached.first(where: { $0.name == name || $0.created.spec.description == name }) { return a }
        throw BoardDeviceError.unknownDevice(name, known: attached.map(\.name))
    }

    func setSensor(_ device: String, _ setting: String, _ value: Double) throws {
        let a = try self.device(device)
        guard let s = a.created.sensor else { throw BoardDeviceError.setting(a.name, "has no settable values") }
        do { try s.set(setting, value) } catch { throw BoardDeviceError.setting(a.name, "\(error)") }
    }

    /// "device.setting" -> value, for every sensor.
    func sensorValues() -> [String: Double] {
        var out: [String: Double] = [:]
        for a in attached {
            guard let s = a.created.sensor else { continue }
            for k in s.settings.keys { if let v = s.get(k) { out[a.name + "." + k] = v } }
        }
        return out
    }

    var displays: [DisplayPanel] {
        attached.compactMap { a in
            let c = a.created
            if c.display != nil {
                return DisplayPanel(name: a.name, title: "SSD1306 \(c.spec)", width: SSD1306Controller.width,
                                    height: SSD1306Controller.height, kind: .oled)
            }
            if c.lcd32 != nil {
                return DisplayPanel(name: a.name, title: "LCD32MK skin (pyb.LCD) \(c.spec)", width: ST7565Controller.width,
                                    height: ST7565Controller.height, kind: .lcd)
            }
            if c.lcd160 != nil {
                return DisplayPanel(name: a.name, title: "LCD160CR \(c.spec)", width: LCD160CRScreen.glassWidth,
                                    height: LCD160CRScreen.glassHeight, kind: .colour)
            }
            return nil
        }
    }

    /// 1-byte-per-pixel rows (non-zero = set) as MONO_VLSB pages.
    static func pages(_ px: [UInt8], _ w: Int, _ h: Int) -> [UInt8] {
        var pages = [UInt8](repeating: 0, count: w * h / 8)
        for y in 0..<h {
            for x in 0..<w where px[y * w + x] != 0 { pages[(y >> 3) * w + x] |= 1 << UInt8(y & 7) }
        }
        return pages
    }

    func displayFrames() -> [DisplayFrame] {
        let panels = displays
        return attached.compactMap { a in
            guard let p = panels.first(where: { $0.name == a.name }) else { return nil }
            var f = DisplayFrame(name: a.name, title: p.title, width: p.width, height: p.height, kind: p.kind)
            if let c = a.created.display {
                f.pages = Self.pages(c.pixels(), p.width, p.height)
            } else if let d = a.created.lcd32 {
                f.pages = Self.pages(d.controller.pixels(), p.width, p.height)
                f.lit = d.controller.lit
                f.backlight = d.backlight ? 1 : 0
                f.contrast = d.controller.contrast
            } else if let d = a.created.lcd160 {
                f.rgb565 = d.glassPixels()
                f.lit = d.lit
                f.backlight = d.backlightLevel
            }
            return f
        }
    }
}

extension Board {
    /// Attaches a device described as DeviceCatalog reads it ("bme280@i2c2:0x76"). Call before
    /// `run` (front ends' --attach and scenario files).
    public func attachDevice(_ description: String, name: String? = nil) throws {
        try devices.attach(DeviceCatalog.parse(description), name: name)
    }

    public func attachDevice(_ spec: DeviceSpec, name: String? = nil) throws {
        try devices.attach(spec, name: name)
    }

    /// Wires I2C bus `b` to bus `a` (SCL to SCL, SDA to SDA): from then on both unit numbers
    /// reach one bus with the devices of both. Call before `run`.
    public func linkI2C(_ a: Int, _ b: Int) throws {
        let buses = DeviceBuses.shared
        guard let ba = buses.i2c[a], let bb = buses.i2c[b] else {
            throw BoardDeviceError.setting("I2C(\(a))/I2C(\(b))", "no such I2C bus on this board")
        }
        guard ba !== bb else { return }
        for d in bb.attached {
            bb.detach(address: d.address)
            try ba.attach(d)
        }
        for (k, bus) in buses.i2c where bus === bb { buses.i2c[k] = ba }
    }

    /// Names of the attached devices (for sensor events: "accel", "bme280", ...).
    public var deviceNames: [String] { devices.attached.map(\.name) }

    /// The attached displays, for window panels.
    public var displayPanels: [DisplayPanel] { devices.displays }

    /// Checks a sensor setting before it is scheduled (scenario files).
    public func validateSensor(_ device: String, _ setting: String, _ value: Double) throws {
        let a = try devices.device(device)
        guard let s = a.created.sensor else { throw BoardDeviceError.setting(a.name, "has no settable values") }
        do { _ = try s.validated(setting, value) } catch { throw BoardDeviceError.setting(a.name, "\(error)") }
    }

    /// A message for the person running the board, on the host's stderr (never the board's console).
    func writeHostError(_ s: String) {
        fputs("microboard: \(s)\n", Glibc.stderr)
    }
}
