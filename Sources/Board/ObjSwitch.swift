import MicroPythonCore

// pyb.Switch(): the USR switch of board.json (the pyboard's is on PB3, active low with the
// pull-up the firmware enables). value() is True while pressed; callback(f) runs f() as a hard
// interrupt handler on the press edge (EXTI), heap locked.

enum ObjSwitch {
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var object = Py.none

    static var board: Board { Board.current! }

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("Switch", methods: [
            .method("__repr__", 1) { _ in try Py.str("Switch()") },
            .method("__call__", 1) { _ in try value() },
            .method("value", 1) { _ in try value() },
            .method("callback", 2) { a in try callback(a[1]) },
        ], make: { a in
            guard board.definition.switches.first != nil else { throw Py.error(.ValueError, "this board has no switch") }
            guard a.count == 0 else { throw Py.error(.TypeError, "function takes 0 positional arguments but \(a.count) were given") }
            return object
        })
        object = Py.newStaticObject(t, words: 0)
        built = t
        return t
    }

    static var pin: (index: Int, def: BoardDefinition.Switch) {
        let s = board.definition.switches[0]
        return (board.pins.index(of: s.pin)!, s)
    }

    static func value() throws -> Obj {
        let p = pin
        board.scheduler.charge(board.definition.cost("pin.read"))
        return Py.bool(board.pins.level(p.index) != p.def.activeLow)
    }

    static func callback(_ f: Obj) throws -> Obj {
        let p = pin
        let n = board.pins.number[p.index]
        if Py.isNone(f) {
            if board.pins.lines[n]?.pin == p.index { board.pins.freeLine(n) }
            return Py.none
        }
        let pressEdge = p.def.activeLow
        let line = ExtiLine(pin: p.index, kind: .switchCallback, rising: !pressEdge, falling: pressEdge, hard: true,
                            enabled: true, handler: try Py.keep(f), argument: -1)
        try board.pins.claim(line, replace: true)
        return Py.none
    }
}
