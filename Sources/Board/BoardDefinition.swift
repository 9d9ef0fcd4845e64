import Foundation

// The board as data: boards/<id>/board.json, embedded into the binary at build time by the
// EmbedBoards plugin (`embeddedBoards`). Adding a board means adding a JSON file; the code below
// only reads what the file says (clock, memory, pins, LEDs, switches, buses, cycle costs).

public struct BoardDefinition: Codable, Sendable {
    public struct Clock: Codable, Sendable {
        public var sysclkHz: Int
        public var hclkHz: Int
        public var pclk1Hz: Int
        public var pclk2Hz: Int
        public var allowedSysclkMHz: [Int]
        public var source: String?
    }
    public struct Region: Codable, Sendable {
        public var base: UInt32
        public var size: Int
    }
    public struct Memory: Codable, Sendable {
        public var flash: Region
        public var sram: Region
        public var ccm: Region?
        public var stackBytes: Int
        public var heapEnd: UInt32
    }
    public struct Heap: Codable, Sendable {
        /// Bytes given to the core's heap (allocation table + blocks).
        public var bytes: Int
        /// Size of the VM stack ("stack: N out of M" in mem_info).
        public var vmStackBytes: Int
        public var why: String
    }
    public struct FlashArea: Codable, Sendable {
        public var offset: Int
        public var size: Int
        public var blockSize: Int?
        public var label: String?
    }
    public struct FlashLayout: Codable, Sendable {
        public var isr: FlashArea
        public var filesystem: FlashArea
        public var text: FlashArea
    }
    public struct AltFunction: Codable, Sendable {
        public var index: Int
        public var name: String      // the Pin class constant, e.g. "AF1_TIM2"
        public var signal: String    // the datasheet signal, e.g. "TIM2_CH1"
    }
    public struct Pin: Codable, Sendable {
        public var cpu: String       // "A0"
        public var board: [String]   // ["X1"]
        public var af: [AltFunction]
    }
    public struct PWM: Codable, Sendable {
        public var timer: Int
        public var channel: Int
        public var af: Int
    }
    public struct LED: Codable, Sendable {
        public var id: Int
        public var color: String
        public var pin: String
        public var activeHigh: Bool
        public var pwm: PWM?
    }
    public struct Switch: Codable, Sendable {
        public var name: String
        public var pin: String
        public var activeLow: Bool
        public var pull: String
        public var extiEdge: String
    }
    public struct Button: Codable, Sendable {
        public var name: String
        public var kind: String      // "switch" (a pin) or "reset"
    }
    public struct Bus: Codable, Sendable {
        public var id: Int
        public var name: String?
        public var tx: String?, rx: String?, rts: String?, cts: String?
        public var scl: String?, sda: String?
        public var nss: String?, sck: String?, miso: String?, mosi: String?
        /// The peripheral clock feeding the unit ("pclk1" when absent, "pclk2").
        public var clock: String?
    }
    public struct Buses: Codable, Sendable {
        public var uart: [Bus]
        public var i2c: [Bus]
        public var spi: [Bus]
        public var can: [Bus]?
    }
    public struct Device: Codable, Sendable {
        /// What front ends call it ("accel": the window's sliders "accel.x" set it).
        public var name: String?
        public var kind: String
        public var bus: String
        public var busId: Int
        public var address: Int?
        public var power: String?
        public var interrupt: String?
    }
    public struct Costs: Codable, Sendable {
        /// Cycles charged per VM instruction.
        public var cyclesPerOp: Int
        /// Extra instruction units a call costs (frame set-up, argument binding, lookups).
        public var callOps: Int
        public var calibration: String
        /// Extra cycles of native operations the board layer performs.
        public var native: [String: Int]
    }
    /// Timers, ADC, DAC and servo wiring of the MCU (the timing peripherals; issue 7).
    public struct Peripherals: Codable, Sendable {
        public struct Timers: Codable, Sendable {
            public var ids: [Int]
            /// Timers with a 32-bit counter (the others count to 0xffff).
            public var wide: [Int]
            /// Timers clocked from APB2 (the others from APB1).
            public var apb2: [Int]
            /// Advanced timers (dead time, break input, complementary outputs).
            public var advanced: [Int]
        }
        public struct ADC: Codable, Sendable {
            public var vref: Double
            public var bits: Int
            /// Pin (cpu name) -> ADC channel.
            public var channels: [String: Int]
            public var tempChannel: Int
            public var vrefintChannel: Int
            public var vbatChannel: Int
            /// Temperature sensor: volts at 25 °C and volts per °C (datasheet typicals).
            public var tempV25: Double
            public var tempSlope: Double
            public var vrefint: Double
            /// The VBAT input's voltage and the divider in front of its channel.
            public var vbat: Double
            public var vbatDivider: Double
            public var coreTempC: Double
        }
        public struct DAC: Codable, Sendable {
            public var id: Int
            public var pin: String
        }
        public struct Servo: Codable, Sendable {
            public var timer: Int
            public var pins: [String]
        }
        public var timers: Timers
        public var uartApb2: [Int]
        public var adc: ADC
        public var dac: [DAC]
        public var servo: Servo
    }
    public struct Reset: Codable, Sendable {
        /// Wall-clock seconds since 1970 the RTC shows at power-on in deterministic mode.
        public var wallClockEpoch: Int64
    }

    public var id: String
    public var name: String
    public var mcu: String
    public var machine: String
    public var sysname: String
    public var platform: String
    public var mpyArch: String
    public var mpyValue: Int
    public var maxsize: Int
    public var clock: Clock
    public var memory: Memory
    public var heap: Heap
    public var float: String
    public var flashLayout: FlashLayout
    public var uniqueId: String
    public var pins: [Pin]
    public var leds: [LED]
    public var switches: [Switch]
    public var buttons: [Button]
    public var buses: Buses
    public var devices: [Device]
    public var costs: Costs
    public var reset: Reset
    public var peripherals: Peripherals?

    public var singlePrecisionFloat: Bool { float == "single" }

    /// The 12 (or more) bytes of the unique ID.
    public var uniqueIdBytes: [UInt8] {
        var out: [UInt8] = []
        var it = uniqueId.makeIterator()
        while let h = it.next(), let l = it.next() {
            guard let b = UInt8(String([h, l]), radix: 16) else { break }
            out.append(b)
        }
        return out
    }

    /// Cycles of a native operation named in the cost table (0 when absent).
    public func cost(_ name: String) -> Int { costs.native[name] ?? 0 }
}

public enum BoardError: Error, CustomStringConvertible {
    case unknownBoard(String, known: [String])
    case badDefinition(String, String)

    public var description: String {
        switch self {
        case .unknownBoard(let id, let known): return "unknown board '\(id)' (known: \(known.joined(separator: ", ")))"
        case .badDefinition(let id, let why): return "board '\(id)': \(why)"
        }
    }
}

extension BoardDefinition {
    /// Ids of the boards compiled into the binary.
    public static var availableIds: [String] { embeddedBoards.map(\.id) }

    /// The embedded definition of board `id`.
    public static func named(_ id: String) throws -> BoardDefinition {
        guard let entry = embeddedBoards.first(where: { $0.id == id }) else {
            throw BoardError.unknownBoard(id, known: availableIds)
        }
        let text = entry.json.withUTF8Buffer { Data($0) }
        return try decode(text, id: id)
    }

    /// The window art of board `id` (boards/<id>/layout.json), if it has one.
    public static func layoutJSON(_ id: String) -> String? {
        guard let entry = embeddedLayouts.first(where: { $0.id == id }) else { return nil }
        return entry.json.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    /// Parses and checks a board file's text.
    public static func decode(_ data: Data, id: String) throws -> BoardDefinition {
        let def: BoardDefinition
        do {
            def = try JSONDecoder().decode(BoardDefinition.self, from: data)
        } catch {
            throw BoardError.badDefinition(id, "\(error)")
        }
        try def.validate()
        return def
    }

    func validate() throws {
        func bad(_ why: String) -> BoardError { .badDefinition(id, why) }
        if clock.sysclkHz <= 0 { throw bad("clock.sysclkHz must be positive") }
        if heap.bytes < 16 * 1024 { throw bad("heap.bytes below 16 KiB") }
        if costs.cyclesPerOp <= 0 { throw bad("costs.cyclesPerOp must be positive") }
        if costs.callOps < 0 { throw bad("costs.callOps must not be negative") }
        var names = Set<String>()
        for p in pins {
            for n in [p.cpu] + p.board where !names.insert(n).inserted { throw bad("pin name \(n) appears twice") }
        }
        for l in leds where !names.contains(l.pin) { throw bad("LED \(l.id) on unknown pin \(l.pin)") }
        for s in switches where !names.contains(s.pin) { throw bad("switch \(s.name) on unknown pin \(s.pin)") }
        if uniqueIdBytes.count < 12 { throw bad("uniqueId needs 12 bytes of hex") }
    }
}
