import MicroPythonCore

// The analog side of the pins: voltages applied from outside (a scenario, the control channel:
// `BoardEvent.analog`), the DAC outputs on their pins (levels, triangle and noise waves, timed
// sample buffers, all as functions of virtual time), and what the ADC converts: a DAC output,
// else an applied voltage, else the pin's digital level (a PWM output reads as its average).

final class AnalogModel: Peripheral {
    enum Wave {
        case off
        case level(UInt16)                                   // 12-bit DOR
        case triangle(freq: Double, start: UInt64)
        case noise(freq: Double, start: UInt64)
        case timed(samples: [UInt16], freq: Double, start: UInt64, circular: Bool)
    }
    struct DAC {
        var pin: Int
        var bits = 8
        var wave = Wave.off
    }

    unowned let board: Board
    let spec: BoardDefinition.Peripherals
    /// Voltages applied to pins from outside, by pin index.
    private(set) var external: [Int: Double] = [:]
    var dacs: [Int: DAC] = [:]

    init(_ b: Board, _ spec: BoardDefinition.Peripherals) {
        board = b
        self.spec = spec
    }

    var vref: Double { spec.adc.vref }
    var fullScale: Double { Double((1 << spec.adc.bits) - 1) }

    func setExternal(pin i: Int, volts: Double?) {
        external[i] = volts.map { max(0, min(vref, $0)) }
    }

    /// The voltage on pin `i` now.
    func volts(pin i: Int) -> Double {
        if let d = dacs.values.first(where: { $0.pin == i }), let v = dacVolts(d) { return v }
        if let v = external[i] { return v }
        let s = board.pins.state(i)
        if let duty = s.pwm { return duty * vref }
        return board.pins.level(i) ? vref : 0
    }

    /// A 12-bit conversion of `volts` (the ADC's transfer function, rounded to nearest).
    func convert(_ volts: Double) -> Int {
        Int((max(0, min(vref, volts)) / vref * fullScale).rounded())
    }

    // MARK: DAC

    func dacVolts(_ d: DAC) -> Double? {
        guard let dor = dacValue(d) else { return nil }
        return Double(dor) / 4095 * vref
    }

    /// The 12-bit output register of a DAC now (nil: disabled).
    func dacValue(_ d: DAC) -> UInt16? {
        let now = board.scheduler.now()
        func steps(_ freq: Double, _ start: UInt64) -> UInt64 {
            UInt64(Double(now > start ? now - start : 0) * freq / 1e9)
        }
        switch d.wave {
        case .off: return nil
        case .level(let v): return v
        case .triangle(let f, let s):
            // the DAC's triangle generator counts up to 4095 and back at each trigger
            let k = steps(f, s) % 8190
            return UInt16(k < 4096 ? k : 8190 - k)
        case .noise(let f, let s):
            return AnalogModel.lfsr(steps: steps(f, s))
        case .timed(let samples, let f, let s, let circular):
            guard !samples.isEmpty else { return 0 }
            let k = steps(f, s)
            if circular { return samples[Int(k % UInt64(samples.count))] }
            return samples[Int(min(k, UInt64(samples.count - 1)))]
        }
    }

    /// The DAC noise generator: a 12-bit LFSR (x^12 + x^6 + x^4 + x + 1) seeded with 0xAAA, stepped
    /// once per trigger; computed from the step count so reading it costs O(steps mod period).
    static func lfsr(steps: UInt64) -> UInt16 {
        var r: UInt16 = 0xAAA
        for _ in 0..<(steps % 4095) {
            let bit = ((r >> 11) ^ (r >> 5) ^ (r >> 3) ^ r) & 1
            r = ((r << 1) | bit) & 0xFFF
        }
        return r
    }

    // MARK: Peripheral (no events: every wave is a function of time)

    var nextEventNanos: UInt64? { nil }
    func advance(to now: UInt64) {}

    func reset(hard: Bool) {
        if hard {
            dacs = [:]
        } else {
            // write_timed's buffer belonged to the heap that was just cleared
            for (k, d) in dacs { if case .timed = d.wave { dacs[k]!.wave = .off } }
        }
    }
}

extension Board {
    /// Applies `volts` to pin `name` from outside (nil removes it); thread-safe through the mailbox.
    public func setAnalog(pin name: String, volts: Double?) {
        post(.analog(name, volts: volts))
    }

    /// The mailbox's analog event, applied on the interpreter thread.
    func applyAnalog(_ name: String, _ volts: Double?) {
        guard let i = pins.index(of: name) else { return }
        timing.analog.setExternal(pin: i, volts: volts)
    }
}
