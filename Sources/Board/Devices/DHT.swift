// DHT11 and DHT22 (AM2302) humidity/temperature sensors on one open-drain line with a pull-up.
// The controller's start signal is the line held low (DHT22: at least 1 ms, DHT11: at least
// 18 ms) then released; 20-40 µs later the sensor answers: low 80 µs, high 80 µs, then 40 bits,
// each low 50 µs then high 26-28 µs for a 0 or 70 µs for a 1, MSB first, then low 50 µs and
// release. Data: DHT22 humidity and temperature in tenths (temperature sign-magnitude, bit 15
// the sign), DHT11 integer and tenths bytes; the fifth byte is the sum of the four. A sensor
// polled again sooner than its sampling period (DHT22 2 s, DHT11 1 s) still answers, with the
// previous reading, as the parts do.

public final class DHTSensor: WireDevice, SettableSensor {
    public enum Model { case dht11, dht22 }
    public let model: Model
    public private(set) var temperature: Double
    public private(set) var humidity: Double
    private var pull = PullSchedule()
    private var fellAt: UInt64?
    /// Readings answered so far (tests).
    public private(set) var answers = 0
    private var lastSample: UInt64?
    private var sampled: (t: Double, h: Double)

    static let us: UInt64 = 1000

    public init(model: Model) {
        self.model = model
        temperature = 21.5
        humidity = 45.0
        sampled = (21.5, 45.0)
    }

    public var settings: [String: ClosedRange<Double>] {
        model == .dht22 ? ["temperature": -40...80, "humidity": 0...99.9] : ["temperature": 0...50, "humidity": 20...90]
    }

    public func set(_ name: String, _ value: Double) throws {
        let v = try validated(name, value)
        if name == "temperature" { temperature = v } else { humidity = v }
    }

    public func get(_ name: String) -> Double? {
        name == "temperature" ? temperature : name == "humidity" ? humidity : nil
    }

    var startLowNanos: UInt64 { model == .dht22 ? 1_000_000 : 18_000_000 }
    var samplePeriod: UInt64 { model == .dht22 ? 2_000_000_000 : 1_000_000_000 }

    /// The five bytes the sensor sends for the current values.
    public func frame() -> [UInt8] {
        var b: [UInt8]
        switch model {
        case .dht22:
            let h = Int((sampled.h * 10).rounded())
            let t = Int((abs(sampled.t) * 10).rounded())
            b = [UInt8(h >> 8), UInt8(h & 0xFF), UInt8(t >> 8 & 0x7F) | (sampled.t < 0 ? 0x80 : 0), UInt8(t & 0xFF)]
        case .dht11:
            let h = Int((sampled.h * 10).rounded()), t = Int((sampled.t * 10).rounded())
            b = [UInt8(h / 10), UInt8(h % 10), UInt8(t / 10), UInt8(t % 10)]
        }
        b.append(UInt8((Int(b[0]) + Int(b[1]) + Int(b[2]) + Int(b[3])) & 0xFF))
        return b
    }

    public var pullingLow: Bool { pull.low }
    public var nextChangeNanos: UInt64? { pull.next }

    public func advance(to nanos: UInt64) { _ = pull.advance(to: nanos) }

    public func lineChanged(_ high: Bool, at nanos: UInt64) {
        guard pull.next == nil && !pull.low else { return }   // answering: its own edges
        if !high { fellAt = nanos; return }
        guard let f = fellAt else { return }
        fellAt = nil
        guard nanos - f >= startLowNanos else { return }
        respond(from: nanos)
    }

    private func respond(from t0: UInt64) {
        if lastSample.map({ t0 - $0 >= samplePeriod }) ?? true {
            sampled = (temperature, humidity)
            lastSample = t0
        }
        answers += 1
        var t = t0 + 30 * Self.us
        var steps: [(at: UInt64, low: Bool)] = [(t, true)]
        t += 80 * Self.us
        steps.append((t, false))
        t += 80 * Self.us
        for byte in frame() {
            for k in (0..<8).reversed() {
                steps.append((t, true))
                t += 50 * Self.us
                steps.append((t, false))
                t += (byte >> UInt8(k) & 1 == 1 ? 70 : 27) * Self.us
            }
        }
        steps.append((t, true))
        steps.append((t + 50 * Self.us, false))
        pull.plan(steps)
    }
}
