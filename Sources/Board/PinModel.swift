import MicroPythonCore

// The GPIO and EXTI model: each pin has a mode, a pull, an alternate function, an output latch
// (ODR) and possibly an external driver (a button, a wire from a scenario). The level a pin reads
// follows from those as on the STM32: push-pull outputs read their latch, open-drain outputs read
// low when driving low and otherwise whatever pulls them, inputs read the external driver or their
// pull (a floating input reads low). Every level change goes through `update`, which detects
// edges for the 16 EXTI lines (line n serves pin n of one port at a time).

/// Pin mode constants as the stm32 port defines them (GPIO_MODE_*).
enum PinMode {
    static let input = 0, output = 1, alt = 2, analog = 3, openDrain = 0x11, altOpenDrain = 0x12
    static let all = [input, output, alt, analog, openDrain, altOpenDrain]
    static func name(_ m: Int) -> String {
        switch m {
        case output: return "OUT"
        case alt: return "ALT"
        case analog: return "ANALOG"
        case openDrain: return "OPEN_DRAIN"
        case altOpenDrain: return "ALT_OPEN_DRAIN"
        default: return "IN"
        }
    }
}

enum PinPull {
    static let none = 0, up = 1, down = 2
    static func name(_ p: Int) -> String { p == up ? "PULL_UP" : p == down ? "PULL_DOWN" : "PULL_NONE" }
}

/// EXTI trigger bits as the stm32 port's IRQ_RISING/IRQ_FALLING (GPIO_MODE_IT_*) and EVT_*.
enum ExtiMode {
    static let irqRising = 0x10110000, irqFalling = 0x10210000, irqBoth = 0x10310000
    static let evtRising = 0x10120000, evtFalling = 0x10220000, evtBoth = 0x10320000
    static func edges(_ m: Int) -> (rising: Bool, falling: Bool)? {
        switch m {
        case irqRising, evtRising: return (true, false)
        case irqFalling, evtFalling: return (false, true)
        case irqBoth, evtBoth: return (true, true)
        default:
            // machine.Pin.irq trigger: IRQ_RISING | IRQ_FALLING as bit flags
            let r = m & 0x00100000 != 0 && m & 0x10000000 != 0
            let f = m & 0x00200000 != 0 && m & 0x10000000 != 0
            return r || f ? (r, f) : nil
        }
    }
}

struct PinState {
    var mode = PinMode.input
    var pull = PinPull.none
    var af = -1
    var latch = false
    var external: Bool? = nil
    /// Duty 0…1 while a timer drives the pin (LED intensity); nil: plain GPIO.
    var pwm: Double? = nil
    var level = false
}

/// Who owns an EXTI line and what runs when it fires.
struct ExtiLine {
    enum Kind { case extInt, pinIrq, switchCallback }
    var pin: Int
    var kind: Kind
    var rising: Bool
    var falling: Bool
    var hard: Bool
    var enabled: Bool
    /// Py.keep handle of the callback (-1: none).
    var handler: Int
    /// Py.keep handle of the argument passed to the callback (-1: none, e.g. the switch).
    var argument: Int
    /// Which edge fired last (Pin.irq().flags()).
    var flags = 0
}

final class PinModel {
    let def: BoardDefinition
    private(set) var pins: [PinState]
    let names: [String: Int]
    let port: [Int]
    let number: [Int]
    var lines: [ExtiLine?] = Array(repeating: nil, count: 16)
    /// EXTI lines with an edge waiting for delivery, in order.
    var pending: [Int] = []
    /// Called when a line becomes pending (the board asks the VM for attention).
    var onPending: () -> Void = {}
    /// Called on every level change: (pin, new level).
    var onLevel: (Int, Bool) -> Void = { _, _ in }

    init(_ def: BoardDefinition) {
        self.def = def
        pins = Array(repeating: PinState(), count: def.pins.count)
        var n: [String: Int] = [:]
        var p: [Int] = [], num: [Int] = []
        for (i, pin) in def.pins.enumerated() {
            n[pin.cpu] = i
            for b in pin.board { n[b] = i }
            let letter = pin.cpu.unicodeScalars.first!.value
            p.append(Int(letter) - 65)
            num.append(Int(pin.cpu.dropFirst()) ?? 0)
        }
        names = n
        port = p
        number = num
    }

    func index(of name: String) -> Int? { names[name] }

    /// Power-on state: every pin a floating input, no EXTI lines.
    func reset() {
        for i in pins.indices { pins[i] = PinState() }
        for l in lines.compactMap({ $0 }) { release(l) }
        lines = Array(repeating: nil, count: 16)
        pending.removeAll()
    }

    private func release(_ l: ExtiLine) {
        if l.handler >= 0 { Py.release(l.handler) }
        if l.argument >= 0 { Py.release(l.argument) }
    }

    func state(_ i: Int) -> PinState { pins[i] }

    /// The level the pin reads (IDR).
    func computeLevel(_ s: PinState) -> Bool {
        let pulled: Bool = s.external ?? (s.pull == PinPull.up)
        switch s.mode {
        case PinMode.output, PinMode.alt: return s.pwm.map { $0 > 0 } ?? s.latch
        case PinMode.openDrain, PinMode.altOpenDrain: return s.latch ? pulled : false
        default: return pulled
        }
    }

    private func update(_ i: Int) {
        let new = computeLevel(pins[i])
        guard new != pins[i].level else { return }
        pins[i].level = new
        onLevel(i, new)
        let n = number[i]
        if var l = lines[n], l.pin == i, l.enabled, new ? l.rising : l.falling {
            l.flags = new ? 1 : 2
            lines[n] = l
            if !pending.contains(n) { pending.append(n) }
            onPending()
        }
    }

    func configure(_ i: Int, mode: Int? = nil, pull: Int? = nil, af: Int? = nil) {
        if let m = mode { pins[i].mode = m }
        if let p = pull { pins[i].pull = p }
        if let a = af { pins[i].af = a }
        if pins[i].mode != PinMode.alt && pins[i].mode != PinMode.altOpenDrain { pins[i].pwm = nil }
        update(i)
    }

    func write(_ i: Int, _ v: Bool) {
        pins[i].latch = v
        update(i)
    }

    func drive(_ i: Int, _ v: Bool?) {
        pins[i].external = v
        update(i)
    }

    func setPWM(_ i: Int, _ duty: Double?) {
        pins[i].pwm = duty
        update(i)
    }

    func level(_ i: Int) -> Bool { pins[i].level }

    // MARK: EXTI

    /// Claims line `pin number` for `pin`; throws ValueError when another pin holds it.
    func claim(_ l: ExtiLine, replace: Bool) throws {
        let n = number[l.pin]
        if let old = lines[n] {
            if old.pin != l.pin || (!replace && old.kind == .extInt) {
                release(l)
                if old.kind == .extInt && l.kind == .extInt { throw Py.error(.ValueError, "ExtInt vector \(n) is already in use") }
                throw Py.error(.ValueError, "IRQ resource already taken by Pin('\(def.pins[old.pin].cpu)')")
            }
            release(old)
        }
        lines[n] = l
        pending.removeAll { $0 == n }
    }

    func freeLine(_ n: Int) {
        if let l = lines[n] { release(l) }
        lines[n] = nil
        pending.removeAll { $0 == n }
    }

    /// A software interrupt on line n (ExtInt.swint).
    func trigger(_ n: Int) {
        guard lines[n] != nil else { return }
        if !pending.contains(n) { pending.append(n) }
        onPending()
    }
}
