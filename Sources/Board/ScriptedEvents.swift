// Front-end events at fixed virtual times (a scenario: "press USR at 100 ms for 50 ms"), applied
// by the scheduler exactly when due, so switch and reset tests are deterministic.

final class ScriptedEvents: Peripheral {
    unowned let board: Board
    /// (virtual ns since power-on, event), sorted by time.
    private var queue: [(UInt64, BoardEvent)] = []

    init(_ b: Board) { board = b }

    func add(_ e: BoardEvent, at t: UInt64) {
        queue.append((t, e))
        queue.sort { $0.0 < $1.0 }
    }

    var nextEventNanos: UInt64? { queue.first?.0 }

    func advance(to now: UInt64) {
        while let (t, e) = queue.first, t <= now {
            queue.removeFirst()
            board.apply(e)
        }
    }

    /// The scenario belongs to the session, not to one boot: resets keep the remaining events.
    func reset(hard: Bool) {}
}

extension Board {
    /// Queues `event` at `millis` ms of virtual time after power-on (deterministic scenarios).
    public func schedule(_ event: BoardEvent, atMillis millis: Double) {
        if scripted == nil {
            let s = ScriptedEvents(self)
            scripted = s
            attach(s)
        }
        scripted!.add(event, at: UInt64(max(0, millis) * 1_000_000))
    }
}
