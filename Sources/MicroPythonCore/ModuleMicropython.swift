// The micropython module: compile-time const, heap locking, memory reports and scheduling.

/// Callbacks queued by micropython.schedule, run between opcodes.
nonisolated(unsafe) var scheduledCallbacks: [(Obj, Obj)] = []
nonisolated(unsafe) var optLevel = 0
nonisolated(unsafe) var kbdIntrChar = 3
/// Told when kbd_intr changes the interrupt character while a REPL console runs code.
nonisolated(unsafe) var kbdIntrChanged: ((Int) -> Void)? = nil

enum ModuleMicropython {
    static func register() {
        ObjRingIO.register()
        registerModule("micropython") {
            [
                ("RingIO", .value(ObjRingIO.type)),
                ("const", .function(fn("const", 1) { a throws in a[0] })),
                ("opt_level", .function(fn("opt_level", 0, 1) { a throws in
                    if a.count == 0 { return Obj(small: optLevel) }
                    optLevel = try intToInt(a[0])
                    return .none
                })),
                ("mem_info", .function(fn("mem_info", 0, 1) { a throws in
                    let verbose = a.count > 0 ? try pyTruthy(a[0]) : false
                    memInfo(verbose: verbose)
                    return .none
                })),
                ("qstr_info", .function(fn("qstr_info", 0, 1) { a throws in
                    let n = qstrs.count
                    emitStdout(Array("qstr pool: n_pool=1, n_qstr=\(n), n_str_data_bytes=\(qstrs.bytesUsed), n_total_bytes=\(qstrs.bytesUsed + n * 16)\n".utf8))
                    if a.count > 0, try pyTruthy(a[0]) {
                        for q in UInt32(QID.allCases.count)..<UInt32(n) { emitStdout(Array("Q(\(qstrString(q)))\n".utf8)) }
                    }
                    return .none
                })),
                ("stack_use", .function(fn("stack_use", 0) { _ throws in
                    try newInt(rt.pointee.vmStackTop - rt.pointee.vmStackBase)
                })),
                ("heap_lock", .function(fn("heap_lock", 0) { _ throws in
                    rt.pointee.heapLockDepth += 1
                    return .none
                })),
                ("heap_unlock", .function(fn("heap_unlock", 0) { _ throws in
                    if rt.pointee.heapLockDepth > 0 { rt.pointee.heapLockDepth -= 1 }
                    return Obj(small: rt.pointee.heapLockDepth)
                })),
                ("heap_locked", .function(fn("heap_locked", 0) { _ throws in Obj(small: rt.pointee.heapLockDepth) })),
                ("alloc_emergency_exception_buf", .function(fn("alloc_emergency_exception_buf", 1) { _ throws in .none })),
                ("schedule", .function(fn("schedule", 2) { a throws in
                    if scheduledCallbacks.count >= 8 { throw runtimeError("schedule queue full") }
                    scheduledCallbacks.append((a[0], a[1]))
                    // keep both alive in a root list
                    let q = getRoot(.schedQueue)
                    if q.isType(.list) { try listAppend(q, a[0]); try listAppend(q, a[1]) }
                    rt.pointee.pendingInterrupt = true
                    requestAttention()
                    return .none
                })),
                ("kbd_intr", .function(fn("kbd_intr", 1) { a throws in
                    kbdIntrChar = try intToInt(a[0])
                    kbdIntrChanged?(kbdIntrChar)
                    return .none
                })),
            ]
        }
    }
}

/// Runs callbacks queued by micropython.schedule (called between opcodes).
func runScheduled() throws {
    while !scheduledCallbacks.isEmpty {
        let (f, arg) = scheduledCallbacks.removeFirst()
        let q = getRoot(.schedQueue)
        if q.isType(.list) && listLen(q) >= 2 { listRemoveAt(q, 0); listRemoveAt(q, 0) }
        _ = try callObjectArgs(f, [arg], stackTop: rt.pointee.vmStackTop)
    }
}

/// micropython.mem_info(): the heap summary and, verbose, the block map with MicroPython's letters.
func memInfo(verbose: Bool) {
    let info = heapInfo()
    var out = "stack: \((rt.pointee.vmStackTop - rt.pointee.vmStackBase) * 4) out of \((rt.pointee.vmStackLimit - rt.pointee.vmStackBase) * 4)\n"
    out += "GC: total: \(info.total), used: \(info.used), free: \(info.free)\n"
    out += " No. of 1-blocks: \(info.oneBlocks), 2-blocks: \(info.twoBlocks), max blk sz: \(info.maxBlock), max free sz: \(info.maxFree)\n"
    if verbose {
        out += "GC memory layout; from \(String(rt.pointee.poolStart, radix: 16)):"
        let count = rt.pointee.blockCount
        var b = 0
        var line = 0
        while b < count {
            if b % 64 == 0 {
                // MicroPython elides long runs of free lines
                var allFree = true
                var k = b
                while k < min(b + 64, count) { if atbGet(k) != atFree { allFree = false; break }; k += 1 }
                if allFree {
                    var e = b
                    while e < count && atbGet(e) == atFree { e += 1 }
                    let lines = (e - b) / 64
                    if lines > 1 {
                        out += "\n       (\(lines) lines all free)"
                        b += lines * 64
                        continue
                    }
                }
                out += "\n\(String(format6hex(b * blockBytes))): "
                line += 1
            }
            out.append(blockLetter(b))
            b += 1
        }
        out += "\n"
    }
    emitStdout(Array(out.utf8))
}

private func format6hex(_ v: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, 8 - s.count)) + s
}

/// MicroPython's letters: . free, = tail, h head; known types by letter.
private func blockLetter(_ b: Int) -> Character {
    switch atbGet(b) {
    case atFree: return "."
    case atTail: return "="
    default:
        let addr = blockAddr(b)
        let t = hostPtr(addr).load(as: UInt32.self)
        switch TypeID.from(addr: t) {
        case .tuple?: return "T"
        case .list?: return "L"
        case .dict?: return "D"
        case .str?, .bytes?: return "S"
        case .float?: return "F"
        case .function?, .builtinFunction?: return "B"
        case .module?: return "M"
        case .bytearray?, .array?: return "A"
        case .code?: return "C"
        default:
            if isHeapAddr(t) && isUserClass(Obj(raw: t)) { return "I" }
            return "h"
        }
    }
}
