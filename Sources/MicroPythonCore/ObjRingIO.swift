// micropython.RingIO: a fixed-size byte ring buffer with a stream interface.
// [type][buffer bytearray][read index][write index]; one slot stays empty to tell full from empty.

enum ObjRingIO {
    nonisolated(unsafe) static var type = Obj.null

    static func register() {
        type = makeRomType("RingIO", methods, make: { a in
            guard a.count == 1 else { throw typeError("RingIO takes 1 argument") }
            let buf: Obj
            if isIntObj(a[0]) {
                let n = try intToInt(a[0])
                if n < 1 { throw valueError("invalid size") }
                buf = try newBytearray(count: n + 1)
            } else if a[0].isType(.bytearray) {
                buf = a[0]
            } else {
                throw typeError("object with buffer protocol required")
            }
            let keep = pushRoot(buf)
            defer { popRoots(to: keep) }
            let o = try allocObj(type.raw, words: 4)
            o.setO(1, buf)
            return o
        })
    }

    private static func parts(_ o: Obj) -> (UnsafeMutablePointer<UInt8>, Int, Int, Int) {
        let b = o.o(1)
        return (hostPtr(b.w(3)).assumingMemoryBound(to: UInt8.self), Int(b.w(2)), Int(o.w(2)), Int(o.w(3)))
    }

    private static func available(_ o: Obj) -> Int {
        let (_, n, r, w) = parts(o)
        return (w - r + n) % n
    }

    private static func take(_ o: Obj, _ limit: Int, untilNewline: Bool) -> [UInt8] {
        let (p, n, r0, w) = parts(o)
        var r = r0
        var out: [UInt8] = []
        while r != w && out.count < limit {
            let c = p[r]
            out.append(c)
            r = (r + 1) % n
            if untilNewline && c == 10 { break }
        }
        o.setW(2, UInt32(r))
        return out
    }

    static let methods: [NativeSpec] = [
        method("any", 1) { a in Obj(small: available(a[0])) },
        method("read", 1, 2) { a in
            let limit = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : Int.max
            return try newBytes(take(a[0], limit, untilNewline: false))
        },
        method("readline", 1, 2) { a in
            let limit = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : Int.max
            return try newBytes(take(a[0], limit, untilNewline: true))
        },
        method("readinto", 2, 3) { a in
            let dst = a[1]
            guard dst.isType(.bytearray) else { throw typeError("object with buffer protocol required") }
            let cap = Int(dst.w(2))
            let limit = a.count > 2 ? min(try intToInt(a[2]), cap) : cap
            let bytes = take(a[0], limit, untilNewline: false)
            let d = hostPtr(dst.w(3)).assumingMemoryBound(to: UInt8.self)
            for (i, b) in bytes.enumerated() { d[i] = b }
            return Obj(small: bytes.count)
        },
        method("write", 2) { a in
            let o = a[0]
            let src = Array(strBytes(a[1]))
            let (p, n, r, w0) = parts(o)
            var w = w0
            var written = 0
            for c in src {
                let next = (w + 1) % n
                if next == r { break }
                p[w] = c
                w = next
                written += 1
            }
            o.setW(3, UInt32(w))
            return Obj(small: written)
        },
        method("close", 1) { _ in .none },
    ]
}
