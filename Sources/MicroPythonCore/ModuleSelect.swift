import Glibc

// The select module, as MicroPython's extmod/modselect.c: poll() objects (register, unregister,
// modify, poll, ipoll) and select.select, over any stream. A stream answers "which of these events
// are ready" through the poll ioctl, MicroPython's MP_STREAM_POLL convention: an object with an
// `ioctl(request, arg)` method (Python classes, io.IOBase subclasses, board types such as a UART)
// is called with request 3 and the event mask and returns the ready events. Built-in streams
// answer directly: StringIO/BytesIO raise OSError(EINVAL) as their ioctl does, host files and sys.stdin/stdout ask the host
// (or `stdinPollHook` when the board feeds stdin). Waiting sleeps on `timeSource` in 1 ms steps,
// so a board's virtual clock advances and Ctrl-C stays responsive.
//   poll object: [type][dict: object -> event mask]

enum PollEvent {
    static let input = 1, output = 4, error = 8, hangup = 16
    static let streamPollRequest = 3
}

/// Whether sys.stdin has input, when the board (not the host's fd 0) supplies it.
nonisolated(unsafe) var stdinPollHook: (() -> Bool)? = nil

enum ModuleSelect {
    nonisolated(unsafe) static var pollType = Obj.null

    static func register() {
        moduleAliases["uselect"] = "select"
        registerModule("select") {
            ModuleSelect.makeType()
            return [
                ("poll", .function(fn("poll", 0) { _ in
                    let o = try allocObj(ModuleSelect.pollType.raw, words: 2)
                    let keep = pushRoot(o)
                    defer { popRoots(to: keep) }
                    o.setO(1, try newDict())
                    return o
                })),
                ("select", .function(fn("select", 3, 4) { a in try select(a) })),
                ("POLLIN", .value(Obj(small: PollEvent.input))),
                ("POLLOUT", .value(Obj(small: PollEvent.output))),
                ("POLLERR", .value(Obj(small: PollEvent.error))),
                ("POLLHUP", .value(Obj(small: PollEvent.hangup))),
            ]
        }
    }

    /// The events of `mask` (plus error and hang-up, always reported) ready on `o` now.
    static func ready(_ o: Obj, _ mask: Int) throws -> Int {
        let always = PollEvent.error | PollEvent.hangup
        // StringIO and BytesIO are streams whose ioctl knows no poll request: MicroPython's poll
        // raises the EINVAL it answers
        for cls in [ModuleIO.stringIOClassObj, ModuleIO.bytesIOClassObj] where !cls.isNull && isNativeInstance(o, cls) {
            throw osError(EINVAL_CODE)
        }
        let t = o.isPtr ? o.typeAddr : 0
        if t != 0 && (t == ObjFile.textType.raw || t == ObjFile.binaryType.raw) {
            if o.w(2) & FileFlag.closed != 0 { throw valueError("I/O operation on closed file") }
            return hostPoll(Int32(o.w(1)), mask) & (mask | always)
        }
        if t != 0 && t == ObjStream.streamType.raw {
            let fd = Int32(o.w(1))
            if fd == 0, let hook = stdinPollHook { return hook() ? mask & PollEvent.input : 0 }
            if fd == 1 || fd == 2 { return mask & PollEvent.output }
            return hostPoll(fd, mask) & (mask | always)
        }
        let r = try callMethodNamed(o, "ioctl", [Obj(small: PollEvent.streamPollRequest), Obj(small: mask)])
        if r == .none { return 0 }
        return try intToInt(r) & (mask | always)
    }

    static func hostPoll(_ fd: Int32, _ mask: Int) -> Int {
        var p = pollfd(fd: fd, events: 0, revents: 0)
        if mask & PollEvent.input != 0 { p.events |= Int16(POLLIN) }
        if mask & PollEvent.output != 0 { p.events |= Int16(POLLOUT) }
        if Glibc.poll(&p, 1, 0) <= 0 { return 0 }
        var r = 0
        if p.revents & Int16(POLLIN) != 0 { r |= PollEvent.input }
        if p.revents & Int16(POLLOUT) != 0 { r |= PollEvent.output }
        if p.revents & Int16(POLLERR) != 0 { r |= PollEvent.error }
        if p.revents & Int16(POLLHUP) != 0 { r |= PollEvent.hangup }
        if p.revents & Int16(POLLNVAL) != 0 { r |= PollEvent.error }
        return r
    }

    /// Polls (object, mask) pairs until some are ready or `timeoutMs` passes (-1: no limit).
    static func wait(_ entries: () throws -> [(Obj, Int)], timeoutMs: Int) throws -> [(Obj, Int)] {
        let start = timeSource.monotonicMicros()
        while true {
            var out: [(Obj, Int)] = []
            for (o, mask) in try entries() {
                let r = try ready(o, mask)
                if r != 0 { out.append((o, r)) }
            }
            if !out.isEmpty || timeoutMs == 0 { return out }
            let elapsed = Int(timeSource.monotonicMicros() &- start)
            if timeoutMs > 0 && elapsed >= timeoutMs * 1000 { return [] }
            let left = timeoutMs > 0 ? timeoutMs * 1000 - elapsed : 1000
            try timeSource.sleep(micros: UInt64(max(1, min(1000, left))))
        }
    }

    static func timeoutMs(_ o: Obj?) throws -> Int {
        guard let t = o, t != .none else { return -1 }
        // (capped at about 24 days, beyond which "forever" is the same)
        if t.isType(.float) {
            let d = try toDouble(t) * 1000
            if d.isNaN { throw valueError("invalid timeout") }
            return d < 0 ? -1 : Int(min(d, Double(Int32.max)))
        }
        let v = try intToInt(t)
        return v < 0 ? -1 : min(v, Int(Int32.max))
    }

    static func selfPoll(_ o: Obj) throws -> Obj {
        guard o.isPtr && o.typeAddr == pollType.raw else { throw typeError("expected a poll object") }
        return o
    }

    /// The (object, mask) pairs of a registration dict, in registration order.
    static func registered(_ d: Obj) -> [(Obj, Int)] {
        let m = dictMap(d)
        var out: [(Obj, Int)] = []
        for i in 0..<m.fill {
            let k = m.key(i)
            if k.isNull || k == .sentinel { continue }
            out.append((k, m.value(i).smallInt))
        }
        return out
    }

    static func checkStream(_ o: Obj) throws {
        let sc = try ModuleIO.stringIOClass(), bc = try ModuleIO.bytesIOClass()
        if isNativeInstance(o, sc) || isNativeInstance(o, bc) { return }
        let t = o.isPtr ? o.typeAddr : 0
        if t != 0 && (t == ObjFile.textType.raw || t == ObjFile.binaryType.raw || t == ObjStream.streamType.raw) { return }
        if try findAttr(o, qobj("ioctl")) == nil { throw osError(EINVAL_CODE, "stream operation not supported") }
    }

    static func doPoll(_ a: Args, oneShotAllowed: Bool) throws -> Obj {
        let p = try selfPoll(a[0])
        let timeout = try timeoutMs(a.count > 1 ? a[1] : nil)
        let flags = a.count > 2 ? try intToInt(a[2]) : 0
        let hits = try wait({ registered(p.o(1)) }, timeoutMs: timeout)
        let l = try newList(count: 0)
        let keep = pushRoot(l)
        defer { popRoots(to: keep) }
        for (o, r) in hits {
            try listAppend(l, try newTuple([o, Obj(small: r)]))
            // one-shot: the object stays registered but waits for nothing until modify()
            if oneShotAllowed && flags & 1 != 0 { try dictMap(p.o(1)).set(o, Obj(small: 0)) }
        }
        return l
    }

    static func makeType() {
        if !pollType.isNull { return }
        pollType = makeRomType("poll", [
            method("register", 2, 3) { a in
                let p = try selfPoll(a[0])
                try checkStream(a[1])
                let mask = a.count > 2 ? try intToInt(a[2]) : PollEvent.input | PollEvent.output
                try dictMap(p.o(1)).set(a[1], Obj(small: mask & 0xFFFF))
                return .none
            },
            method("unregister", 2) { a in
                let p = try selfPoll(a[0])
                _ = try dictMap(p.o(1)).remove(a[1])
                return .none
            },
            method("modify", 3) { a in
                let p = try selfPoll(a[0])
                guard try dictMap(p.o(1)).get(a[1]) != nil else { throw osError(2) }
                try dictMap(p.o(1)).set(a[1], Obj(small: try intToInt(a[2]) & 0xFFFF))
                return .none
            },
            method("poll", 1, 2) { a in try doPoll(a, oneShotAllowed: false) },
            method("ipoll", 1, 3) { a in try getIter(try doPoll(a, oneShotAllowed: true)) },
        ])
    }

    /// select.select(rlist, wlist, xlist[, timeout]) -> (ready to read, to write, in error).
    static func select(_ a: Args) throws -> Obj {
        let timeout = try timeoutMs(a.count > 3 ? a[3] : nil)
        let d = try newDict()
        let keep = pushRoot(d)
        defer { popRoots(to: keep) }
        for (k, ev) in [(0, PollEvent.input), (1, PollEvent.output), (2, 0)] {
            for o in try Py.items(a[k]) {
                try checkStream(o)
                let old = try dictMap(d).get(o)?.smallInt ?? 0
                try dictMap(d).set(o, Obj(small: old | ev))
            }
        }
        let hits = try wait({ registered(d) }, timeoutMs: timeout)
        let lists = [try newList(count: 0), try newList(count: 0), try newList(count: 0)]
        for l in lists { _ = pushRoot(l) }
        for (o, r) in hits {
            if r & PollEvent.input != 0 { try listAppend(lists[0], o) }
            if r & PollEvent.output != 0 { try listAppend(lists[1], o) }
            if r & ~(PollEvent.input | PollEvent.output) != 0 { try listAppend(lists[2], o) }
        }
        return try newTuple(lists)
    }
}
