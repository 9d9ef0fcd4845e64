import MicroPythonCore

// machine.Signal(pin_obj, *, invert=False) or Signal(pin_arguments..., *, invert=False): a pin
// seen as active or inactive. Payload: slot 0 the wrapped object (a Pin, or any object with a
// value() method, as the pin protocol allows), word 1 the invert flag.

enum MachineSignal {
    nonisolated(unsafe) static var built: Obj? = nil

    static var type: Obj {
        if let t = built { return t }
        let t = Py.makeType("Signal", methods: [
            .method("value", 1, 2) { a in try value(a[0], a.count > 1 ? a[1] : nil) },
            .method("on", 1) { a in try value(a[0], Py.int(1)) },
            .method("off", 1) { a in try value(a[0], Py.int(0)) },
            .method("__call__", 1, 2) { a in try value(a[0], a.count > 1 ? a[1] : nil) },
        ], make: { a in try make(a) })
        built = t
        return t
    }

    static func make(_ a: PyArgs) throws -> Obj {
        guard a.count >= 1 else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        let invert = try a.kw("invert").map(Py.truthy) ?? false
        let first = a[0]
        var wrapsObject = Py.isInstance(first, ObjPin.type)
        if !wrapsObject && a.count == 1 && !Py.isStr(first) && !Py.isInt(first) {
            wrapsObject = try Py.getAttrOpt(first, "value") != nil
        }
        let pin = wrapsObject ? first : try ObjPin.make(a)
        let o = try Py.newObject(type, words: 2)
        Py.setSlot(o, 0, pin)
        Py.setWord(o, 1, invert ? 1 : 0)
        return o
    }

    static func value(_ s: Obj, _ v: Obj?) throws -> Obj {
        let pin = Py.slot(s, 0)
        let invert = Py.word(s, 1) != 0
        if let v {
            let on = try Py.truthy(v)
            _ = try Py.callMethod(pin, "value", [Py.int(on != invert ? 1 : 0)])
            return Py.none
        }
        let level = try Py.truthy(Py.callMethod(pin, "value", []))
        return try Py.int(level != invert ? 1 : 0)
    }
}
