// The gc module: the board heap's collector, as MicroPython's.

enum ModuleGC {
    static func register() {
        registerModule("gc") {
            [
                ("collect", .function(fn("collect", 0) { _ throws in
                    gcCollect()
                    return .none
                })),
                ("mem_free", .function(fn("mem_free", 0) { _ throws in try newInt(heapInfo().free) })),
                ("mem_alloc", .function(fn("mem_alloc", 0) { _ throws in try newInt(heapInfo().used) })),
                ("enable", .function(fn("enable", 0) { _ throws in rt.pointee.gcEnabled = true; return .none })),
                ("disable", .function(fn("disable", 0) { _ throws in rt.pointee.gcEnabled = false; return .none })),
                ("isenabled", .function(fn("isenabled", 0) { _ throws in .bool(rt.pointee.gcEnabled) })),
                ("threshold", .function(fn("threshold", 0, 1) { a throws in
                    if a.count == 0 { return try newInt(rt.pointee.threshold) }
                    let v = try intToInt(a[0])
                    rt.pointee.threshold = v < 0 ? -1 : v
                    return .none
                })),
            ]
        }
    }
}
