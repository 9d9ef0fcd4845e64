// Devices on one GPIO line with a pull-up, talking a single-wire protocol timed in
// microseconds (DHT11/DHT22, 1-Wire). The board tells the device each level change of the line
// with its virtual time; the device says when it pulls the line low. Times are nanoseconds of
// the board's virtual clock.

public protocol WireDevice: AnyObject {
    /// The line's level changed (true: high) at `nanos`. The device's own pulls are reported too.
    func lineChanged(_ high: Bool, at nanos: UInt64)
    /// Whether the device holds the line low now.
    var pullingLow: Bool { get }
    /// When the device next changes its pull, if it will.
    var nextChangeNanos: UInt64? { get }
    /// Does what is due up to `nanos`.
    func advance(to nanos: UInt64)
}

/// A device's planned pulls: (time, pull low?) steps in time order.
struct PullSchedule {
    private(set) var steps: [(at: UInt64, low: Bool)] = []
    private(set) var low = false
    var next: UInt64? { steps.first?.at }

    mutating func plan(_ s: [(at: UInt64, low: Bool)]) { steps = s }
    mutating func clear() { steps = []; low = false }

    /// Applies the steps due by `nanos`; true if the pull changed.
    mutating func advance(to nanos: UInt64) -> Bool {
        let was = low
        while let s = steps.first, s.at <= nanos {
            low = s.low
            steps.removeFirst()
        }
        return was != low
    }
}
