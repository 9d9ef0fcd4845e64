// Physical quantities a device model measures, settable from the window (sliders) and the
// control channel. Names and units are part of the control protocol, so keep them stable.

public protocol SettableSensor: AnyObject {
    /// Setting names with their valid ranges (in the unit the name documents).
    var settings: [String: ClosedRange<Double>] { get }
    func set(_ name: String, _ value: Double) throws
    func get(_ name: String) -> Double?
}

public enum SensorSettingError: Error, Equatable, CustomStringConvertible {
    case unknown(String, valid: [String])
    case outOfRange(String, Double, ClosedRange<Double>)

    public var description: String {
        switch self {
        case .unknown(let n, let valid): return "no setting '\(n)' (settings: \(valid.joined(separator: ", ")))"
        case .outOfRange(let n, let v, let r): return "\(n) = \(v) is outside \(r.lowerBound)...\(r.upperBound)"
        }
    }
}

extension SettableSensor {
    /// Checks a value against `settings`; returns it when valid.
    public func validated(_ name: String, _ value: Double) throws -> Double {
        guard let range = settings[name] else { throw SensorSettingError.unknown(name, valid: settings.keys.sorted()) }
        guard value.isFinite, range.contains(value) else { throw SensorSettingError.outOfRange(name, value, range) }
        return value
    }
}

/// A clock in seconds (the board's virtual clock); device timing reads it.
public typealias DeviceClock = () -> Double
