import Foundation

// Device models by name, so board files, `--attach` and scenario files can say what sits where:
//
//   mma7660@i2c1:0x4c          ssd1306@i2c1:0x3c           bme280@i2c2:0x76     bmp280@i2c2
//   24lc256@i2c1:0x50,wp=1     ds3231@i2c1                 spiflash@spi1:X5,size=8M
//   ssd1306-spi@spi2:Y5,dc=Y4,res=Y3
//   dht22@X1   dht11@Y2   ds18b20@X2,serial=0x1234   (single-wire devices: the pin instead of a bus)
//   lcd32mk@X  lcd160cr@Y  lcd160cr@XY:0x64   (skins: the position instead of a bus; see Skins.swift)
//
// i.e. KIND@BUS[:FIRST[,key=value...]], where FIRST is the I2C address (decimal or 0x hex;
// optional where the chip has a usual one) or the SPI chip-select pin. JSON takes the same
// strings, or objects such as {"device": "bme280", "bus": "i2c2", "address": "0x77"}, or a list.

public enum BusKind: String, Equatable { case i2c, spi, pin, skin }

public struct BusRef: Equatable, Hashable, CustomStringConvertible {
    public var kind: BusKind
    public var id: Int
    public var description: String { "\(kind.rawValue)\(id)" }

    public init(kind: BusKind, id: Int) { self.kind = kind; self.id = id }

    public init(parsing text: String) throws {
        let t = text.lowercased()
        for k in [BusKind.i2c, .spi] where t.hasPrefix(k.rawValue) {
            if let n = Int(t.dropFirst(k.rawValue.count)), n >= 0, n < 16 {
                self.init(kind: k, id: n)
                return
            }
        }
        throw DeviceCatalogError.badBus(text)
    }
}

public struct DeviceSpec: Equatable, CustomStringConvertible {
    public var kind: String
    public var bus: BusRef
    public var address: UInt8?
    public var chipSelect: String?
    public var options: [String: String]

    public var description: String {
        if bus.kind == .skin {
            return "\(kind)@\(chipSelect ?? "?")" + (address.map { ":0x" + String($0, radix: 16) } ?? "")
        }
        if bus.kind == .pin {
            let opts = options.keys.sorted().map { ",\($0)=\(options[$0]!)" }.joined()
            return "\(kind)@\(chipSelect ?? "?")\(opts)"
        }
        var s = "\(kind)@\(bus)"
        var parts: [String] = []
        if let a = address { parts.append("0x" + String(a, radix: 16)) }
        if let c = chipSelect { parts.append(c) }
        parts += options.keys.sorted().map { "\($0)=\(options[$0]!)" }
        if !parts.isEmpty { s += ":" + parts.joined(separator: ",") }
        return s
    }
}

public enum DeviceCatalogError: Error, Equatable, CustomStringConvertible {
    case syntax(String)
    case unknownDevice(String, known: [String])
    case badBus(String)
    case wrongBus(device: String, bus: BusRef, wants: BusKind)
    case badAddress(String)
    case missing(device: String, what: String)
    case badOption(device: String, option: String, value: String, why: String)

    public var description: String {
        switch self {
        case .syntax(let s): return "cannot read device description '\(s)' (expected KIND@BUS[:ADDRESS|CS][,key=value...], e.g. bme280@i2c1:0x76)"
        case .unknownDevice(let k, let known): return "unknown device '\(k)' (known: \(known.joined(separator: ", ")))"
        case .badBus(let b): return "bad bus '\(b)' (expected i2cN or spiN)"
        case .wrongBus(let d, let b, let w): return "\(d) is an \(w.rawValue.uppercased()) device, not for bus \(b)"
        case .badAddress(let a): return "bad I2C address '\(a)' (expected 0x08...0x77)"
        case .missing(let d, let w): return "\(d) needs \(w)"
        case .badOption(let d, let o, let v, let why): return "\(d): \(o)=\(v): \(why)"
        }
    }
}

/// A device model built from a spec, with the handles the board and the window need.
public struct CreatedDevice {
    public let spec: DeviceSpec
    public let i2c: I2CDevice?
    public let spi: SPIDevice?
    public let sensor: SettableSensor?
    public let display: SSD1306Controller?
    /// The LCD32MK skin (pyb.LCD's display) and the LCD160CR.
    public var lcd32: LCD32MKSkin? = nil
    public var lcd160: LCD160CR? = nil
    /// Extra pins the board must wire (SSD1306 on SPI: "dc", "res").
    public let pins: [String: String]
    /// A single-wire device (DHT, 1-Wire) on the pin `spec.chipSelect`.
    public var wire: WireDevice? = nil
    public var object: AnyObject { (i2c as AnyObject?) ?? (spi as AnyObject?) ?? wire! }
    /// A skin's buses and pins in its position.
    public var skin: SkinWiring? = nil
}

public enum DeviceCatalog {
    struct Entry {
        let bus: BusKind
        let defaultAddress: UInt8?
        let options: Set<String>
    }

    static let entries: [String: Entry] = [
        "mma7660": Entry(bus: .i2c, defaultAddress: 0x4C, options: []),
        "24lc256": Entry(bus: .i2c, defaultAddress: 0x50, options: ["wp"]),
        "bme280": Entry(bus: .i2c, defaultAddress: 0x76, options: []),
        "bmp280": Entry(bus: .i2c, defaultAddress: 0x76, options: []),
        "ds3231": Entry(bus: .i2c, defaultAddress: 0x68, options: []),
        "ssd1306": Entry(bus: .i2c, defaultAddress: 0x3C, options: ["external_vcc"]),
        "ssd1306-spi": Entry(bus: .spi, defaultAddress: nil, options: ["dc", "res", "external_vcc"]),
        "spiflash": Entry(bus: .spi, defaultAddress: nil, options: ["size"]),
        "dht11": Entry(bus: .pin, defaultAddress: nil, options: []),
        "dht22": Entry(bus: .pin, defaultAddress: nil, options: []),
        "ds18b20": Entry(bus: .pin, defaultAddress: nil, options: ["serial"]),
        "lcd32mk": Entry(bus: .skin, defaultAddress: nil, options: []),
        "lcd160cr": Entry(bus: .skin, defaultAddress: LCD160CR.defaultAddress, options: []),
    ]

    nonisolated(unsafe) static var ds18b20Made = 0

    public static var knownDevices: [String] { entries.keys.sorted() }

    // MARK: parsing

    public static func parse(_ text: String) throws -> DeviceSpec {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let at = t.firstIndex(of: "@") else { throw DeviceCatalogError.syntax(text) }
        let kind = t[..<at].lowercased()
        let rest = t[t.index(after: at)...]
        let busText: Substring, paramText: Substring?
        if let colon = rest.firstIndex(of: ":") {
            busText = rest[..<colon]
            paramText = rest[rest.index(after: colon)...]
        } else {
            busText = rest
            paramText = nil
        }
        guard !kind.isEmpty, !busText.isEmpty else { throw DeviceCatalogError.syntax(text) }
        if entries[kind]?.bus == .skin {
            // KIND@POSITION[:ADDRESS]
            return try validate(kind: kind, bus: BusRef(kind: .skin, id: 0), first: paramText.map(String.init),
                                options: [:], position: String(busText))
        }
        if entries[kind]?.bus == .pin {
            // KIND@PIN[,key=value...]
            let items = rest.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var options: [String: String] = [:]
            for item in items.dropFirst() {
                guard let eq = item.firstIndex(of: "="), eq != item.startIndex else { throw DeviceCatalogError.syntax(text) }
                options[item[..<eq].lowercased()] = String(item[item.index(after: eq)...])
            }
            return try validate(kind: kind, bus: BusRef(kind: .pin, id: 0), first: items[0], options: options)
        }
        var first: String?
        var options: [String: String] = [:]
        if let p = paramText {
            let items = p.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for (i, item) in items.enumerated() {
                if let eq = item.firstIndex(of: "=") {
                    let key = item[..<eq].lowercased()
                    guard !key.isEmpty else { throw DeviceCatalogError.syntax(text) }
                    options[key] = String(item[item.index(after: eq)...])
                } else if i == 0 && !item.isEmpty {
                    first = item
                } else {
                    throw DeviceCatalogError.syntax(text)
                }
            }
        }
        return try validate(kind: kind, bus: BusRef(parsing: String(busText)), first: first, options: options)
    }

    static func parseAddress(_ s: String) throws -> UInt8 {
        let t = s.lowercased()
        let v = t.hasPrefix("0x") ? Int(t.dropFirst(2), radix: 16) : Int(t)
        guard let v, (0x08...0x77).contains(v) else { throw DeviceCatalogError.badAddress(s) }
        return UInt8(v)
    }

    static func validate(kind: String, bus: BusRef, first: String?, options: [String: String], position: String? = nil) throws -> DeviceSpec {
        guard let entry = entries[kind] else { throw DeviceCatalogError.unknownDevice(kind, known: knownDevices) }
        guard bus.kind == entry.bus else { throw DeviceCatalogError.wrongBus(device: kind, bus: bus, wants: entry.bus) }
        for key in options.keys where !entry.options.contains(key) {
            let valid = entry.options.isEmpty ? "it takes no options" : "options: \(entry.options.sorted().joined(separator: ", "))"
            throw DeviceCatalogError.badOption(device: kind, option: key, value: options[key]!, why: "unknown option (\(valid))")
        }
        var spec = DeviceSpec(kind: kind, bus: bus, address: nil, chipSelect: nil, options: options)
        switch entry.bus {
        case .i2c:
            if let f = first { spec.address = try parseAddress(f) } else if let d = entry.defaultAddress { spec.address = d }
        case .spi:
            guard let cs = first, isPinName(cs) else { throw DeviceCatalogError.missing(device: kind, what: "a chip-select pin (e.g. \(kind)@\(bus):X5)") }
            spec.chipSelect = cs
        case .pin:
            guard let p = first, isPinName(p) else { throw DeviceCatalogError.missing(device: kind, what: "a pin (e.g. \(kind)@X1)") }
            spec.chipSelect = p
        case .skin:
            let valid = Skins.positions[kind] ?? []
            guard let pos = position?.uppercased(), valid.contains(pos) else {
                throw DeviceCatalogError.missing(device: kind, what: "a skin position (\(valid.joined(separator: ", ")), e.g. \(kind)@X)")
            }
            spec.chipSelect = pos
            if let f = first { spec.address = try parseAddress(f) } else { spec.address = entry.defaultAddress }
        }
        if let s = options["serial"] { _ = try serialNumber(kind, s) }
        for key in ["dc", "res"] where options[key] != nil && !isPinName(options[key]!) {
            throw DeviceCatalogError.badOption(device: kind, option: key, value: options[key]!, why: "not a pin name")
        }
        if kind == "ssd1306-spi" && options["dc"] == nil {
            throw DeviceCatalogError.missing(device: kind, what: "a D/C pin (dc=PIN)")
        }
        for key in ["wp", "external_vcc"] where options[key] != nil {
            _ = try flag(kind, key, options[key]!)
        }
        if let s = options["size"] { _ = try flashSize(kind, s) }
        return spec
    }

    /// A 1-Wire serial number: 48 bits, decimal or 0x hex.
    static func serialNumber(_ kind: String, _ v: String) throws -> UInt64 {
        let t = v.lowercased()
        let n = t.hasPrefix("0x") ? UInt64(t.dropFirst(2), radix: 16) : UInt64(t)
        guard let n, n < 1 << 48 else { throw DeviceCatalogError.badOption(device: kind, option: "serial", value: v, why: "expected a 48-bit number") }
        return n
    }

    static func isPinName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 16 && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    static func flag(_ kind: String, _ key: String, _ v: String) throws -> Bool {
        switch v.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw DeviceCatalogError.badOption(device: kind, option: key, value: v, why: "expected 0 or 1")
        }
    }

    /// Flash sizes: bytes, or with a K/M suffix; a power of two from 64 KiB to 16 MiB (the
    /// largest 3-byte-address part).
    static func flashSize(_ kind: String, _ v: String) throws -> Int {
        var t = v.uppercased()
        var scale = 1
        if t.hasSuffix("M") || t.hasSuffix("K") {
            scale = t.hasSuffix("M") ? 1 << 20 : 1 << 10
            t.removeLast()
        }
        guard let n = Int(t), n > 0, n <= (16 << 20) / scale else {
            throw DeviceCatalogError.badOption(device: kind, option: "size", value: v, why: "expected a size such as 4M")
        }
        let size = n * scale
        guard size >= 65536, size & (size - 1) == 0 else {
            throw DeviceCatalogError.badOption(device: kind, option: "size", value: v, why: "must be a power of two from 64K to 16M")
        }
        return size
    }

    /// Device descriptions from JSON: a string, an object, or a list of them.
    public static func parseJSON(_ data: Data) throws -> [DeviceSpec] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw DeviceCatalogError.syntax("invalid JSON: \(error.localizedDescription)")
        }
        let items = (root as? [Any]) ?? [root]
        return try items.map { item in
            if let s = item as? String { return try parse(s) }
            guard let o = item as? [String: Any] else { throw DeviceCatalogError.syntax("\(item)") }
            guard let kind = (o["device"] ?? o["kind"]) as? String, let bus = o["bus"] as? String else {
                throw DeviceCatalogError.syntax("object needs \"device\" and \"bus\": \(o)")
            }
            var first: String?
            if let a = o["address"] { first = (a as? String) ?? (a as? NSNumber).map { "\($0.intValue)" } }
            if let cs = o["cs"] as? String { first = cs }
            var options: [String: String] = [:]
            for (k, v) in o where !["device", "kind", "bus", "address", "cs"].contains(k) {
                if let s = v as? String { options[k.lowercased()] = s }
                else if let n = v as? NSNumber { options[k.lowercased()] = n.stringValue }
                else { throw DeviceCatalogError.badOption(device: kind, option: k, value: "\(v)", why: "expected a string or number") }
            }
            if entries[kind.lowercased()]?.bus == .skin {
                return try validate(kind: kind.lowercased(), bus: BusRef(kind: .skin, id: 0), first: first, options: options, position: bus)
            }
            if entries[kind.lowercased()]?.bus == .pin {
                return try validate(kind: kind.lowercased(), bus: BusRef(kind: .pin, id: 0), first: bus, options: options)
            }
            return try validate(kind: kind.lowercased(), bus: BusRef(parsing: bus), first: first, options: options)
        }
    }

    // MARK: building

    public static func make(_ spec: DeviceSpec, clock: @escaping DeviceClock) throws -> CreatedDevice {
        let addr = spec.address ?? 0
        let o = spec.options
        switch spec.kind {
        case "mma7660":
            let d = MMA7660(address: addr, clock: clock)
            return CreatedDevice(spec: spec, i2c: d, spi: nil, sensor: d, display: nil, pins: [:])
        case "24lc256":
            let d = EEPROM24LC256(address: addr, clock: clock)
            if let wp = o["wp"] { d.writeProtected = try flag(spec.kind, "wp", wp) }
            return CreatedDevice(spec: spec, i2c: d, spi: nil, sensor: nil, display: nil, pins: [:])
        case "bme280", "bmp280":
            let d = BME280(address: addr, variant: spec.kind == "bme280" ? .bme280 : .bmp280, clock: clock)
            return CreatedDevice(spec: spec, i2c: d, spi: nil, sensor: d, display: nil, pins: [:])
        case "ds3231":
            let d = DS3231(address: addr, clock: clock)
            return CreatedDevice(spec: spec, i2c: d, spi: nil, sensor: d, display: nil, pins: [:])
        case "ssd1306":
            let c = SSD1306Controller(clock: clock)
            if let e = o["external_vcc"] { c.externalVCC = try flag(spec.kind, "external_vcc", e) }
            return CreatedDevice(spec: spec, i2c: SSD1306I2C(address: addr, controller: c), spi: nil, sensor: nil, display: c, pins: [:])
        case "ssd1306-spi":
            let c = SSD1306Controller(clock: clock)
            if let e = o["external_vcc"] { c.externalVCC = try flag(spec.kind, "external_vcc", e) }
            var pins: [String: String] = [:]
            pins["dc"] = o["dc"]
            pins["res"] = o["res"]
            return CreatedDevice(spec: spec, i2c: nil, spi: SSD1306SPI(controller: c), sensor: nil, display: c, pins: pins)
        case "spiflash":
            let size = try o["size"].map { try flashSize(spec.kind, $0) } ?? (4 << 20)
            // JEDEC capacity byte = log2(size) (W25Q32 = 0x16).
            let d = SPIFlash(capacity: size, jedecID: [0xEF, 0x40, UInt8(size.trailingZeroBitCount)], clock: clock)
            return CreatedDevice(spec: spec, i2c: nil, spi: d, sensor: nil, display: nil, pins: [:])
        case "dht11", "dht22":
            let d = DHTSensor(model: spec.kind == "dht11" ? .dht11 : .dht22)
            return CreatedDevice(spec: spec, i2c: nil, spi: nil, sensor: d, display: nil, pins: [:], wire: d)
        case "ds18b20":
            // default serial numbers count up, so several sensors on one bus differ
            ds18b20Made += 1
            let serial = try o["serial"].map { try serialNumber(spec.kind, $0) } ?? (0x0000_5EED_0000 + UInt64(ds18b20Made))
            let d = DS18B20(serial: serial)
            return CreatedDevice(spec: spec, i2c: nil, spi: nil, sensor: d, display: nil, pins: [:], wire: d)
        case "lcd32mk":
            let d = LCD32MKSkin()
            var c = CreatedDevice(spec: spec, i2c: nil, spi: d, sensor: nil, display: nil, pins: skinPins(spec))
            c.lcd32 = d
            c.skin = Skins.wiring(spec.kind, spec.chipSelect ?? "")
            return c
        case "lcd160cr":
            let d = LCD160CR(address: addr, clock: clock)
            var c = CreatedDevice(spec: spec, i2c: d, spi: LCD160CRSPIPort(d), sensor: d, display: nil, pins: skinPins(spec))
            c.lcd160 = d
            c.skin = Skins.wiring(spec.kind, spec.chipSelect ?? "")
            return c
        default:
            throw DeviceCatalogError.unknownDevice(spec.kind, known: knownDevices)
        }
    }

    static func skinPins(_ spec: DeviceSpec) -> [String: String] {
        Skins.wiring(spec.kind, spec.chipSelect ?? "")?.pins ?? [:]
    }

    /// Parses and builds, attaching to the matching bus from `i2cBuses`/`spiBuses`.
    @discardableResult
    public static func attach(_ spec: DeviceSpec, i2cBuses: [Int: I2CBus], spiBuses: [Int: SPIBus], clock: @escaping DeviceClock,
                              i2cNames: [String: Int] = [:], spiNames: [String: Int] = [:]) throws -> CreatedDevice {
        let created = try make(spec, clock: clock)
        switch spec.bus.kind {
        case .skin:
            guard let w = created.skin else { throw DeviceCatalogError.missing(device: spec.kind, what: "a skin position") }
            var i2cBus: I2CBus?, spiBus: SPIBus?
            if let name = w.i2c {
                guard let b = i2cNames[name].flatMap({ i2cBuses[$0] }) else { throw DeviceCatalogError.badBus("I2C \(name) (this board has no such bus)") }
                i2cBus = b
            }
            if let name = w.spi {
                guard let b = spiNames[name].flatMap({ spiBuses[$0] }) else { throw DeviceCatalogError.badBus("SPI \(name) (this board has no such bus)") }
                spiBus = b
            }
            if let d = created.i2c, let b = i2cBus {
                try b.attach(d)
                created.lcd160?.moveAddress = { [unowned b] from, to in b.move(from: from, to: to) }
            }
            if let d = created.spi, let b = spiBus {
                if let cs = w.pins["cs"] {
                    try b.attach(d, chipSelect: cs)
                } else {
                    // chip select tied active on the skin: selected for good
                    let tied = "\(spec.kind)@\(spec.chipSelect ?? "")"
                    try b.attach(d, chipSelect: tied)
                    b.setChipSelect(tied, level: false)
                }
            }
        case .i2c:
            guard let bus = i2cBuses[spec.bus.id] else { throw DeviceCatalogError.badBus("\(spec.bus) (this board has \(i2cBuses.keys.sorted().map { "i2c\($0)" }.joined(separator: ", ")))") }
            try bus.attach(created.i2c!)
        case .spi:
            guard let bus = spiBuses[spec.bus.id] else { throw DeviceCatalogError.badBus("\(spec.bus) (this board has \(spiBuses.keys.sorted().map { "spi\($0)" }.joined(separator: ", ")))") }
            try bus.attach(created.spi!, chipSelect: spec.chipSelect!)
        case .pin:
            break   // the board wires the pin (BoardDevices)
        }
        return created
    }
}
