// The framebuf module, as MicroPython's extmod/modframebuf.c: FrameBuffer draws into any writable
// buffer (bytearray, array, memoryview) in one of seven pixel formats (FramebufDraw.swift), and
// exposes that buffer through the buffer protocol. FrameBuffer is a class in the heap so drivers
// subclass it (`class SSD1306(framebuf.FrameBuffer)` calling `super().__init__(buf, w, h, fmt)`):
// __new__ only allocates, __init__ attaches the buffer.
//   instance: [type][map: 3 words][buffer object][width][height][stride][format + 1, 0: no buffer]

private enum FBWord {
    static let buffer = NativeClassWord.first, width = buffer + 1, height = buffer + 2
    static let stride = buffer + 3, format = buffer + 4, count = 5
}

enum ModuleFramebuf {
    nonisolated(unsafe) static var classObj = Obj.null

    static func frameBufferClass() throws -> Obj {
        if classObj.isNull {
            classObj = try makeNativeClass("FrameBuffer", methods: methods)
            bufferForwarders.append { o in
                guard !classObj.isNull, isNativeInstance(o, classObj), o.w(FBWord.format) != 0 else { return nil }
                return o.o(FBWord.buffer)
            }
        }
        return classObj
    }

    static func register() {
        registerModule("framebuf") {
            [
                ("FrameBuffer", .value((try? frameBufferClass()) ?? .none)),
                ("FrameBuffer1", .function(fn("FrameBuffer1", 3, 4) { a in
                    let cls = try frameBufferClass()
                    var argv = [a[0], a[1], a[2], Obj(small: FBFormat.monoVLSB.rawValue)]
                    if a.count > 3 { argv.append(a[3]) }
                    return try callObjectArgs(cls, argv, stackTop: rt.pointee.vmStackTop)
                })),
                ("MONO_VLSB", .value(Obj(small: FBFormat.monoVLSB.rawValue))),
                ("MVLSB", .value(Obj(small: FBFormat.monoVLSB.rawValue))),
                ("RGB565", .value(Obj(small: FBFormat.rgb565.rawValue))),
                ("GS2_HMSB", .value(Obj(small: FBFormat.gs2HMSB.rawValue))),
                ("GS4_HMSB", .value(Obj(small: FBFormat.gs4HMSB.rawValue))),
                ("GS8", .value(Obj(small: FBFormat.gs8.rawValue))),
                ("MONO_HLSB", .value(Obj(small: FBFormat.monoHLSB.rawValue))),
                ("MONO_HMSB", .value(Obj(small: FBFormat.monoHMSB.rawValue))),
            ]
        }
    }

    /// The drawing surface of a FrameBuffer (self of a method).
    static func surface(_ o: Obj) throws -> FBSurface {
        guard isNativeInstance(o, try frameBufferClass()) else { throw typeError("expected a FrameBuffer") }
        guard o.w(FBWord.format) != 0, let format = FBFormat(rawValue: Int(o.w(FBWord.format)) - 1) else {
            throw valueError("FrameBuffer has no buffer")
        }
        let buf = try stdWritableBuffer(o.o(FBWord.buffer))
        return try makeSurface(buf, Int(o.w(FBWord.width)), Int(o.w(FBWord.height)), format, Int(o.w(FBWord.stride)))
    }

    static func makeSurface(_ buf: UnsafeMutableBufferPointer<UInt8>, _ w: Int, _ h: Int, _ format: FBFormat, _ stride: Int) throws -> FBSurface {
        var s = stride
        let need = FBSurface.bytesNeeded(width: w, height: h, stride: &s, format: format)
        if need > buf.count { throw valueError("buffer too small") }
        return FBSurface(buf: buf.baseAddress ?? UnsafeMutablePointer(bitPattern: 16)!, width: w, height: h, stride: s, format: format)
    }

    /// A blit source: a FrameBuffer, or a tuple (buffer, width, height, format[, stride]).
    static func sourceSurface(_ o: Obj) throws -> FBSurface {
        if o.isType(.tuple) {
            let n = tupleLen(o)
            guard n == 4 || n == 5 else { throw valueError("expected a FrameBuffer or a tuple of 4 or 5 items") }
            let it = tupleItems(o)
            guard let b = stdBufferPointer(it[0]) else { throw typeError("object with buffer protocol required") }
            let w = try intToInt(it[1]), h = try intToInt(it[2])
            guard let f = FBFormat(rawValue: try intToInt(it[3])) else { throw valueError("invalid format") }
            let stride = n == 5 ? try intToInt(it[4]) : w
            try checkDimensions(w, h, stride)
            let mb = UnsafeMutableBufferPointer(start: UnsafeMutablePointer(mutating: b.baseAddress), count: b.count)
            return try makeSurface(mb, w, h, f, stride)
        }
        return try surface(o)
    }

    static func checkDimensions(_ w: Int, _ h: Int, _ stride: Int) throws {
        if w < 1 || h < 1 || w > 0xFFFF || h > 0xFFFF || stride > 0xFFFF || stride < w {
            throw valueError("invalid dimensions")
        }
    }

    /// An int argument as the board's machine word (32 bits), as mp_obj_get_int takes it.
    @inline(__always) static func int(_ o: Obj) throws -> Int {
        if o.isSmallInt { return o.smallInt }
        let v = try intToInt(o)
        if v < Int(Int32.min) || v > Int(UInt32.max) { throw pyErr(.OverflowError, "overflow converting long int to machine word") }
        return v
    }
    @inline(__always) static func color(_ o: Obj) throws -> UInt32 { UInt32(truncatingIfNeeded: try int(o)) }

    static let methods: [NativeSpec] = [
        fn("__new__", 1, NativeSpec.varArgs, kw: true) { a in
            try allocNativeInstance(a[0], of: try frameBufferClass(), extra: FBWord.count)
        },
        method("__init__", 5, 6) { a in
            let o = a[0]
            guard isNativeInstance(o, try frameBufferClass()) else { throw typeError("expected a FrameBuffer") }
            let w = try int(a[2]), h = try int(a[3])
            guard let f = FBFormat(rawValue: try int(a[4])) else { throw valueError("invalid format") }
            let stride = a.count > 5 ? try int(a[5]) : w
            try checkDimensions(w, h, stride)
            let buf = try stdWritableBuffer(a[1])
            var s = stride
            if FBSurface.bytesNeeded(width: w, height: h, stride: &s, format: f) > buf.count {
                throw valueError("buffer too small")
            }
            o.setO(FBWord.buffer, a[1])
            o.setW(FBWord.width, UInt32(w))
            o.setW(FBWord.height, UInt32(h))
            o.setW(FBWord.stride, UInt32(s))
            o.setW(FBWord.format, UInt32(f.rawValue + 1))
            return .none
        },
        method("fill", 2) { a in
            let s = try surface(a[0])
            s.fillRect(0, 0, s.width, s.height, try color(a[1]))
            return .none
        },
        method("fill_rect", 6) { a in
            try surface(a[0]).fillRect(try int(a[1]), try int(a[2]), try int(a[3]), try int(a[4]), try color(a[5]))
            return .none
        },
        method("pixel", 3, 4) { a in
            let s = try surface(a[0])
            let x = try int(a[1]), y = try int(a[2])
            guard s.contains(x, y) else { return .none }
            if a.count > 3 {
                s.set(x, y, try color(a[3]))
                return .none
            }
            return try newInt(Int(s.get(x, y)))
        },
        method("hline", 5) { a in
            try surface(a[0]).fillRect(try int(a[1]), try int(a[2]), try int(a[3]), 1, try color(a[4]))
            return .none
        },
        method("vline", 5) { a in
            try surface(a[0]).fillRect(try int(a[1]), try int(a[2]), 1, try int(a[3]), try color(a[4]))
            return .none
        },
        method("rect", 6, 7) { a in
            let s = try surface(a[0])
            let x = try int(a[1]), y = try int(a[2]), w = try int(a[3]), h = try int(a[4])
            let c = try color(a[5])
            if a.count > 6, try pyTruthy(a[6]) {
                s.fillRect(x, y, w, h, c)
            } else {
                s.fillRect(x, y, w, 1, c)
                s.fillRect(x, y + h - 1, w, 1, c)
                s.fillRect(x, y, 1, h, c)
                s.fillRect(x + w - 1, y, 1, h, c)
            }
            return .none
        },
        method("line", 6) { a in
            try surface(a[0]).line(try int(a[1]), try int(a[2]), try int(a[3]), try int(a[4]), try color(a[5]))
            return .none
        },
        method("ellipse", 6, 8) { a in
            let s = try surface(a[0])
            let fill = a.count > 6 ? try pyTruthy(a[6]) : false
            let q = a.count > 7 ? try int(a[7]) & 0x0F : 0x0F
            // keeps the algorithm's error terms (radius^3) within 64 bits
            let rx = try int(a[3]), ry = try int(a[4])
            if abs(rx) > 1 << 20 || abs(ry) > 1 << 20 { throw valueError("radius too large") }
            try s.ellipse(try int(a[1]), try int(a[2]), try int(a[3]), try int(a[4]), try color(a[5]), fill: fill, quadrants: q)
            return .none
        },
        method("poly", 5, 6) { a in
            let s = try surface(a[0])
            let x = try int(a[1]), y = try int(a[2])
            let c = try color(a[4])
            let fill = a.count > 5 ? try pyTruthy(a[5]) : false
            guard stdBufferPointer(a[3]) != nil || a[3].isType(.list) || a[3].isType(.tuple) else {
                throw typeError("object with buffer protocol required")
            }
            let items = try Py.items(a[3])
            var pts: [(Int, Int)] = []
            var i = 0
            while i + 1 < items.count {
                pts.append((try int(items[i]), try int(items[i + 1])))
                i += 2
            }
            try s.poly(x, y, pts, c, fill: fill)
            return .none
        },
        method("text", 4, 5) { a in
            let s = try surface(a[0])
            guard isStr(a[1]) || isBytesLike(a[1]) else { throw typeError("can't convert '\(typeName(a[1]))' object to str implicitly") }
            let c = a.count > 4 ? try color(a[4]) : 1
            let x = try int(a[2]), y = try int(a[3])
            let text = Array(strBytes(a[1]))
            text.withUnsafeBufferPointer { s.text($0, x, y, c) }
            return .none
        },
        method("scroll", 3) { a in
            try surface(a[0]).scroll(try int(a[1]), try int(a[2]))
            return .none
        },
        method("blit", 4, 6) { a in
            let s = try surface(a[0])
            let src = try sourceSurface(a[1])
            let key = a.count > 4 ? try int(a[4]) : -1
            var palette: FBSurface? = nil
            if a.count > 5 && a[5] != .none { palette = try sourceSurface(a[5]) }
            s.blit(src, try int(a[2]), try int(a[3]), key: key, palette: palette)
            return .none
        },
    ]
}
