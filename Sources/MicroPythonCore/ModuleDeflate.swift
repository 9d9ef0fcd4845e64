// The deflate module, as MicroPython's extmod/moddeflate.c: DeflateIO(stream, format=AUTO, wbits=0,
// close=False) wraps a stream, decompressing what read/readinto/readline take from it and
// compressing what write puts to it (RAW, ZLIB or GZIP framing; AUTO detects zlib or gzip when
// reading and writes raw). Corrupt data, a bad checksum or a back-reference beyond the window
// raise OSError(EINVAL); input ending early raises EOFError. close() finishes the compressed
// stream (end of block, checksum trailer) and closes the wrapped stream only if close=True.
//   DeflateIO: [type][stream (null once closed)][format][wbits][close][read state][write state]

private enum DIOWord { static let stream = 1, format = 2, wbits = 3, close = 4, read = 5, write = 6, total = 7 }

enum ModuleDeflate {
    nonisolated(unsafe) static var type = Obj.null

    static func register() {
        registerModule("deflate") {
            ModuleDeflate.makeType()
            return [
                ("DeflateIO", .value(ModuleDeflate.type)),
                ("AUTO", .value(Obj(small: DeflateFormat.auto))),
                ("RAW", .value(Obj(small: DeflateFormat.raw))),
                ("ZLIB", .value(Obj(small: DeflateFormat.zlib))),
                ("GZIP", .value(Obj(small: DeflateFormat.gzip))),
            ]
        }
    }

    static func make(_ a: Args) throws -> Obj {
        guard a.count >= 1 && a.count <= 4 else { throw typeError("function takes 1 to 4 positional arguments") }
        let format = a.count > 1 ? try intToInt(a[1]) : DeflateFormat.auto
        let wbits = a.count > 2 ? try intToInt(a[2]) : 0
        if format < DeflateFormat.auto || format > DeflateFormat.gzip { throw valueError("format") }
        if wbits != 0 && (wbits < 5 || wbits > 15) { throw valueError("wbits") }
        let o = try allocObj(type.raw, words: DIOWord.total)
        o.setO(DIOWord.stream, a[0])
        o.setW(DIOWord.format, UInt32(format))
        o.setW(DIOWord.wbits, UInt32(wbits))
        var closeStream = false
        if a.count > 3 { closeStream = try pyTruthy(a[3]) }
        o.setW(DIOWord.close, closeStream ? 1 : 0)
        return o
    }

    static func selfIO(_ o: Obj) throws -> Obj {
        guard o.isPtr && o.words[0] == type.raw else { throw typeError("expected a DeflateIO") }
        return o
    }

    /// Decompresses up to `want` bytes (-1: all).
    static func read(_ o: Obj, _ want: Int) throws -> [UInt8] {
        let stream = o.o(DIOWord.stream)
        if stream.isNull { throw osError(EINVAL_CODE) }
        if o.w(DIOWord.read) == 0 {
            let blk = try gcAlloc(InflateWord.stateBytes)
            o.setW(DIOWord.read, blk)
            let st = hostPtr(blk).assumingMemoryBound(to: UInt32.self)
            st[InflateWord.format] = o.w(DIOWord.format)
            st[InflateWord.wbits] = o.w(DIOWord.wbits)
        }
        let st = hostPtr(o.w(DIOWord.read)).assumingMemoryBound(to: UInt32.self)
        if st[InflateWord.phase] == UInt32(InflatePhase.done) || want == 0 { return [] }
        let inflater = Inflater(st: st, next: {
            guard let b = try streamReadByte(stream) else { throw pyErr(.EOFError) }
            return b
        })
        return try inflater.inflate(want: want, allocWindow: { n in try gcAlloc(n) })
    }

    static func write(_ o: Obj, _ data: [UInt8]) throws {
        let stream = o.o(DIOWord.stream)
        if stream.isNull { throw osError(EINVAL_CODE) }
        var out: [UInt8] = []
        let format = Int(o.w(DIOWord.format))
        if o.w(DIOWord.write) == 0 {
            let blk = try gcAlloc(DeflateWord.stateBytes)
            o.setW(DIOWord.write, blk)
            let wbits = o.w(DIOWord.wbits) == 0 ? 8 : Int(o.w(DIOWord.wbits))
            let window = try gcAlloc(1 << wbits)
            let st = hostPtr(blk).assumingMemoryBound(to: UInt32.self)
            st[DeflateWord.window] = window
            st[DeflateWord.windowSize] = UInt32(1 << wbits)
            if format == DeflateFormat.zlib {
                let cmf = 0x08 | UInt8(max(wbits - 8, 1)) << 4
                var flg: UInt8 = 0x80
                flg |= UInt8(31 - (Int(cmf) * 256 + Int(flg)) % 31)
                out += [cmf, flg]
                st[DeflateWord.checksum] = 1
            } else if format == DeflateFormat.gzip {
                out += [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x04, 0x03]
                st[DeflateWord.checksum] = 0
            }
            Deflater(st: st).startBlock(&out)
        }
        let st = hostPtr(o.w(DIOWord.write)).assumingMemoryBound(to: UInt32.self)
        st[DeflateWord.inputLen] = st[DeflateWord.inputLen] &+ UInt32(truncatingIfNeeded: data.count)
        data.withUnsafeBufferPointer { p in
            if format == DeflateFormat.zlib { st[DeflateWord.checksum] = adler32Update(st[DeflateWord.checksum], p) }
            if format == DeflateFormat.gzip { st[DeflateWord.checksum] = crc32Update(st[DeflateWord.checksum], p) }
            Deflater(st: st).compress(p, &out)
        }
        try streamWrite(stream, out)
    }

    static func close(_ o: Obj) throws {
        let stream = o.o(DIOWord.stream)
        if stream.isNull { return }
        o.setO(DIOWord.stream, .null)
        if o.w(DIOWord.write) != 0 {
            let st = hostPtr(o.w(DIOWord.write)).assumingMemoryBound(to: UInt32.self)
            var out: [UInt8] = []
            Deflater(st: st).finish(&out)
            let sum = st[DeflateWord.checksum]
            switch Int(o.w(DIOWord.format)) {
            case DeflateFormat.zlib:
                out += [UInt8(sum >> 24), UInt8(sum >> 16 & 0xFF), UInt8(sum >> 8 & 0xFF), UInt8(sum & 0xFF)]
            case DeflateFormat.gzip:
                let n = st[DeflateWord.inputLen]
                for v in [sum, n] { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> UInt32(8 * k))) } }
            default: break
            }
            let keep = pushRoot(stream)
            defer { popRoots(to: keep) }
            try streamWrite(stream, out)
        }
        if o.w(DIOWord.close) != 0 { _ = try callMethodNamed(stream, "close", []) }
    }

    static func makeType() {
        if !type.isNull { return }
        type = makeRomType("DeflateIO", [
            method("read", 1, 2) { a in
                let o = try selfIO(a[0])
                let n = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
                return try newBytes(try read(o, n < 0 ? -1 : n))
            },
            method("readinto", 2, 3) { a in
                let o = try selfIO(a[0])
                var room = try stdWritableBuffer(a[1]).count
                if a.count > 2 { room = min(room, max(0, try intToInt(a[2]))) }
                let data = try read(o, room)
                let dst = try stdWritableBuffer(a[1])
                for (i, b) in data.enumerated() { dst[i] = b }
                return Obj(small: data.count)
            },
            method("readline", 1, 2) { a in
                let o = try selfIO(a[0])
                let limit = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
                var line: [UInt8] = []
                while limit < 0 || line.count < limit {
                    let b = try read(o, 1)
                    guard let c = b.first else { break }
                    line.append(c)
                    if c == 10 { break }
                }
                return try newBytes(line)
            },
            method("write", 2) { a in
                let o = try selfIO(a[0])
                let data = try readableBytes(a[1])
                try write(o, data)
                return Obj(small: data.count)
            },
            method("close", 1) { a in try close(try selfIO(a[0])); return .none },
            method("__enter__", 1) { a in a[0] },
            method("__exit__", 1, 4) { a in try close(try selfIO(a[0])); return .none },
        ], make: { a in try make(a) })
    }
}
