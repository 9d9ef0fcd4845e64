import MicroPythonCore

// pyb.Pin, which is also machine.Pin on the stm32 port: one permanent object per pin (so
// `Pin('X1') is Pin('X1')`), payload word 0 = the pin's index in board.json. Pin.board and
// Pin.cpu are namespaces of those objects; the AF constants come from the board's pin table.

enum ObjPin {
    nonisolated(unsafe) static var objects: [Obj] = []
    nonisolated(unsafe) static var afObjects: [[Obj]] = []
    nonisolated(unsafe) static var built: Obj? = nil
    nonisolated(unsafe) static var afTypeObj = Py.none
    nonisolated(unsafe) static var irqTypeObj = Py.none
    // Pin.dict(), Pin.mapper(), Pin.debug(): Py.keep handles (cleared by soft reset)
    nonisolated(unsafe) static var dictHandle = -1
    nonisolated(unsafe) static var mapperHandle = -1
    nonisolated(unsafe) static var debug = false

    static var board: Board { Board.current! }

    static var type: Obj {
        if let t = built { return t }
        let def = board.definition
        afTypeObj = Py.makeType("PinAF", methods: [
            .method("__repr__", 1) { a in try Py.str("Pin.\(afOf(a[0]).name)") },
            .method("index", 1) { a in try Py.int(afOf(a[0]).index) },
            .method("name", 1) { a in Py.name(afOf(a[0]).signal.split(separator: "_").first.map(String.init) ?? "") },
            .method("reg", 1) { a in try Py.int(Int(gpioBase(Int(Py.word(a[0], 0)))) + 0x20) },
        ])
        irqTypeObj = Py.makeType("irq", methods: [
            .method("flags", 1) { a in
                let l = Int(Py.word(a[0], 0))
                return try Py.int(board.pins.lines[l]?.flags ?? 0)
            },
            .method("trigger", 1, 2) { a in
                let l = Int(Py.word(a[0], 0))
                guard var line = board.pins.lines[l] else { return try Py.int(0) }
                let current = (line.rising ? ExtiMode.irqRising : 0) | (line.falling ? ExtiMode.irqFalling : 0)
                if a.count > 1 {
                    guard let e = ExtiMode.edges(try Py.toInt(a[1])) else { throw Py.error(.ValueError, "invalid trigger") }
                    line.rising = e.rising
                    line.falling = e.falling
                    board.pins.lines[l] = line
                }
                return try Py.int(current)
            },
        ])
        var boardNames: [(String, PyEntry)] = []
        var cpuNames: [(String, PyEntry)] = []
        objects = []
        afObjects = []
        var afConstants: [String: Int] = [:]
        for (i, p) in def.pins.enumerated() {
            let o = Py.newStaticObject(Py.none, words: 1)
            Py.setWord(o, 0, UInt32(i))
            objects.append(o)
            cpuNames.append((p.cpu, .value(o)))
            for b in p.board { boardNames.append((b, .value(o))) }
            for af in p.af { afConstants[af.name] = af.index }
        }
        let boardNS = Py.makeType("board", methods: [], attrs: boardNames)
        let cpuNS = Py.makeType("cpu", methods: [], attrs: cpuNames)
        var attrs: [(String, PyEntry)] = [
            ("IN", .int(PinMode.input)), ("OUT", .int(PinMode.output)), ("OUT_PP", .int(PinMode.output)),
            ("OPEN_DRAIN", .int(PinMode.openDrain)), ("OUT_OD", .int(PinMode.openDrain)),
            ("ALT", .int(PinMode.alt)), ("AF_PP", .int(PinMode.alt)),
            ("ALT_OPEN_DRAIN", .int(PinMode.altOpenDrain)), ("AF_OD", .int(PinMode.altOpenDrain)),
            ("ANALOG", .int(PinMode.analog)),
            ("PULL_NONE", .int(PinPull.none)), ("PULL_UP", .int(PinPull.up)), ("PULL_DOWN", .int(PinPull.down)),
            ("IRQ_RISING", .int(ExtiMode.irqRising)), ("IRQ_FALLING", .int(ExtiMode.irqFalling)),
            ("board", .value(boardNS)), ("cpu", .value(cpuNS)),
        ]
        for (name, idx) in afConstants.sorted(by: { $0.key < $1.key }) { attrs.append((name, .int(idx))) }
        let t = Py.makeType("Pin", methods: methods, attrs: attrs, make: { a in try make(a) })
        for o in objects { Py.setStaticType(o, t) }
        for (i, p) in def.pins.enumerated() {
            afObjects.append(p.af.map { _ in
                let o = Py.newStaticObject(afTypeObj, words: 2)
                Py.setWord(o, 0, UInt32(i))
                return o
            })
            for (k, o) in afObjects[i].enumerated() { Py.setWord(o, 1, UInt32(k)) }
        }
        built = t
        return t
    }

    static func afOf(_ o: Obj) -> BoardDefinition.AltFunction {
        board.definition.pins[Int(Py.word(o, 0))].af[Int(Py.word(o, 1))]
    }

    static func gpioBase(_ i: Int) -> UInt32 { 0x4002_0000 + UInt32(board.pins.port[i]) * 0x400 }

    static func index(_ o: Obj) throws -> Int {
        try Py.expect(o, type)
        return Int(Py.word(o, 0))
    }

    /// A Pin object from a Pin, a name, or whatever Pin.mapper / Pin.dict map it to.
    static func find(_ id: Obj) throws -> Int {
        if Py.isInstance(id, type) { return Int(Py.word(id, 0)) }
        if mapperHandle >= 0 {
            let f = Py.kept(mapperHandle)
            if !Py.isNone(f) {
                let r = try Py.call(f, [id])
                if Py.isInstance(r, type) { return Int(Py.word(r, 0)) }
            }
        }
        if dictHandle >= 0 {
            let d = Py.kept(dictHandle)
            if !Py.isNone(d), let r = try? Py.callMethod(d, "get", [id]), Py.isInstance(r, type) {
                return Int(Py.word(r, 0))
            }
        }
        if Py.isStr(id), let i = board.pins.index(of: try Py.toString(id)) { return i }
        // the stm32 port formats the name with mp_obj_str_get_str: a non-str is a TypeError
        let text = try Py.toString(id)
        throw Py.error(.ValueError, "Pin(\(text)) doesn't exist")
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let i = try find(a[0])
        let o = objects[i]
        if a.count > 1 || a.kw("mode") != nil || a.kw("pull") != nil || a.kw("value") != nil || a.kw("af") != nil || a.kw("alt") != nil {
            try initPin(i, a, first: 1)
        }
        return o
    }

    /// Pin.init(mode, pull=PULL_NONE, *, value=None, alt/af=-1) with arguments from `first`.
    static func initPin(_ i: Int, _ a: PyArgs, first: Int) throws {
        let model = board.pins
        let s = model.state(i)
        var mode = s.mode
        if let m = a.argNotNone(first, "mode") {
            mode = try Py.toInt(m)
            guard PinMode.all.contains(mode) else { throw Py.error(.ValueError, "invalid pin mode: \(mode)") }
        }
        var pull = PinPull.none
        if let p = a.argNotNone(first + 1, "pull") {
            pull = try Py.toInt(p)
            guard pull >= 0 && pull <= 2 else { throw Py.error(.ValueError, "invalid pin pull: \(pull)") }
        }
        var af = -1
        if let f = a.argNotNone(first + 2, "af") ?? a.argNotNone(first + 2, "alt") {
            af = Py.isInstance(f, afTypeObj) ? afOf(f).index : try Py.toInt(f)
        }
        if mode == PinMode.alt || mode == PinMode.altOpenDrain {
            let known = board.definition.pins[i].af
            guard known.contains(where: { $0.index == af }) else { throw Py.error(.ValueError, "invalid pin af: \(af)") }
        } else {
            af = -1
        }
        if let v = a.kw("value"), !Py.isNone(v) { model.write(i, try Py.truthy(v)) }
        board.scheduler.charge(board.definition.cost("pin.init"))
        model.configure(i, mode: mode, pull: pull, af: af)
        if debug {
            board.writeStdout("pin \(board.definition.pins[i].cpu) mode=\(PinMode.name(mode)) pull=\(PinPull.name(pull)) af=\(af)\n")
        }
    }

    static func repr(_ i: Int) -> String {
        let s = board.pins.state(i)
        let cpu = board.definition.pins[i].cpu
        var out = "Pin(Pin.cpu.\(cpu), mode=Pin.\(PinMode.name(s.mode))"
        if s.pull != PinPull.none { out += ", pull=Pin.\(PinPull.name(s.pull))" }
        if s.mode == PinMode.alt || s.mode == PinMode.altOpenDrain {
            if let af = board.definition.pins[i].af.first(where: { $0.index == s.af }) {
                out += ", af=Pin.\(af.name)"
            } else {
                out += ", af=\(s.af)"
            }
        }
        return out + ")"
    }

    static func value(_ a: PyArgs) throws -> Obj {
        let i = try index(a[0])
        if a.count > 1 {
            board.scheduler.charge(board.definition.cost("pin.write"))
            board.pins.write(i, try Py.truthy(a[1]))
            return Py.none
        }
        board.scheduler.charge(board.definition.cost("pin.read"))
        return try Py.int(board.pins.level(i) ? 1 : 0)
    }

    static func set(_ o: Obj, _ v: Bool) throws -> Obj {
        let i = try index(o)
        board.scheduler.charge(board.definition.cost("pin.write"))
        board.pins.write(i, v)
        return Py.none
    }

    /// Pin.irq(handler=None, trigger=IRQ_FALLING|IRQ_RISING, hard=False)
    static func irq(_ a: PyArgs) throws -> Obj {
        let i = try index(a[0])
        let model = board.pins
        let n = model.number[i]
        let handlerGiven = a.arg(1, "handler") != nil || a.kw("trigger") != nil || a.kw("hard") != nil || a.count > 2
        if handlerGiven {
            let handler = a.arg(1, "handler") ?? Py.none
            let trigger = try a.arg(2, "trigger").map(Py.toInt) ?? (ExtiMode.irqRising | ExtiMode.irqFalling)
            let hard = try a.arg(3, "hard").map(Py.truthy) ?? false
            guard let edges = ExtiMode.edges(trigger) else { throw Py.error(.ValueError, "invalid trigger") }
            if Py.isNone(handler) {
                if let l = model.lines[n], l.pin == i { model.freeLine(n) }
            } else {
                let line = ExtiLine(pin: i, kind: .pinIrq, rising: edges.rising, falling: edges.falling, hard: hard,
                                    enabled: true, handler: try Py.keep(handler), argument: try Py.keep(objects[i]))
                try model.claim(line, replace: true)
            }
        }
        let o = try Py.newObject(irqTypeObj, words: 1)
        Py.setWord(o, 0, UInt32(n))
        return o
    }

    static var methods: [PyNative] {
        [
            .method("__repr__", 1) { a in try Py.str(repr(try index(a[0]))) },
            .method("__call__", 1, 2) { a in try value(a) },
            .method("init", 1, 4, kw: true) { a in try initPin(try index(a[0]), a, first: 1); return Py.none },
            .method("value", 1, 2) { a in try value(a) },
            .method("on", 1) { a in try set(a[0], true) },
            .method("off", 1) { a in try set(a[0], false) },
            .method("high", 1) { a in try set(a[0], true) },
            .method("low", 1) { a in try set(a[0], false) },
            .method("irq", 1, 4, kw: true) { a in try irq(a) },
            .method("mode", 1) { a in try Py.int(board.pins.state(try index(a[0])).mode) },
            .method("pull", 1) { a in try Py.int(board.pins.state(try index(a[0])).pull) },
            .method("af", 1) { a in
                let s = board.pins.state(try index(a[0]))
                return try Py.int(s.af < 0 ? 0 : s.af)
            },
            .method("af_list", 1) { a in try Py.list(afObjects[try index(a[0])]) },
            .method("name", 1) { a in Py.name(board.definition.pins[try index(a[0])].cpu) },
            .method("names", 1) { a in
                let p = board.definition.pins[try index(a[0])]
                return try Py.list(([p.cpu] + p.board).map(Py.name))
            },
            .method("port", 1) { a in try Py.int(board.pins.port[try index(a[0])]) },
            .method("pin", 1) { a in try Py.int(board.pins.number[try index(a[0])]) },
            .method("gpio", 1) { a in try Py.int(Int(gpioBase(try index(a[0])))) },
            .classMethod("debug", 1, 2) { a in
                if a.count > 1 { debug = try Py.truthy(a[1]); return Py.none }
                return Py.bool(debug)
            },
            .classMethod("dict", 1, 2) { a in
                if a.count > 1 {
                    if dictHandle >= 0 { Py.release(dictHandle) }
                    dictHandle = try Py.keep(a[1])
                    return Py.none
                }
                if dictHandle < 0 || Py.isNone(Py.kept(dictHandle)) {
                    dictHandle = try Py.keep(try Py.dict())
                }
                return Py.kept(dictHandle)
            },
            .classMethod("mapper", 1, 2) { a in
                if a.count > 1 {
                    if mapperHandle >= 0 { Py.release(mapperHandle) }
                    mapperHandle = try Py.keep(a[1])
                    return Py.none
                }
                return mapperHandle >= 0 ? Py.kept(mapperHandle) : Py.none
            },
        ]
    }

    /// Called at every soft reset: Pin.dict/mapper/debug start over (the kept list was cleared).
    static func softReset() {
        dictHandle = -1
        mapperHandle = -1
        debug = false
    }
}
