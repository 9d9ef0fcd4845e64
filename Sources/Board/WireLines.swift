// The GPIO lines that carry single-wire devices (DHT, 1-Wire): each device hears the line's
// level changes at their virtual time, and the line reads low while any device pulls it low
// (else the module's pull-up holds it high). A Peripheral so device answers land at their
// virtual times: a controller waiting in time_pulse_us or dht_readinto sees each edge on time.

final class WireLines: Peripheral {
    final class Line {
        unowned let owner: WireLines
        let pin: Int
        var devices: [WireDevice] = []
        init(_ owner: WireLines, _ pin: Int) { self.owner = owner; self.pin = pin }

        func levelChanged(_ high: Bool) {
            // before the board runs (wiring at attach time) the interpreter's tick count is not there
            let b = owner.board
            let now = Board.current === b ? b.scheduler.now() : b.clock.nanos
            for d in devices { d.lineChanged(high, at: now) }
            owner.apply(self)
        }
    }

    unowned let board: Board
    private var lines: [Int: Line] = [:]

    init(_ board: Board) { self.board = board }

    /// Adds a device on `pin`; returns the line when it is new (the caller wires its watcher).
    func add(_ d: WireDevice, pin: Int) -> Line? {
        if let l = lines[pin] {
            l.devices.append(d)
            return nil
        }
        let l = Line(self, pin)
        lines[pin] = l
        l.devices.append(d)
        return l
    }

    func apply(_ l: Line) {
        let low = l.devices.contains { $0.pullingLow }
        if board.pins.state(l.pin).external != !low { board.pins.drive(l.pin, !low) }
    }

    var nextEventNanos: UInt64? {
        lines.values.flatMap { $0.devices.compactMap(\.nextChangeNanos) }.min()
    }

    func advance(to now: UInt64) {
        for l in lines.values {
            for d in l.devices { if let t = d.nextChangeNanos, t <= now { d.advance(to: now) } }
            apply(l)
        }
    }

    func reset(hard: Bool) {
        for l in lines.values { apply(l) }
    }
}
