import CSupport

// The board's heap: one arena of 16-byte blocks with an allocation table of 2 bits a block
// (free / head / tail / mark), first-fit allocation, as MicroPython's py/gc.c lays it out.

let blockBytes = 16
let atFree: UInt8 = 0, atHead: UInt8 = 1, atTail: UInt8 = 2, atMark: UInt8 = 3

func heapInit(base: UInt32, bytes: Int) {
    // The table comes first: bytes = atb + 64 * atb  (one table byte covers four 16-byte blocks).
    let atbBytes = bytes / (1 + 4 * blockBytes)
    let poolStart = (base + UInt32(atbBytes) + 15) & ~15
    let blocks = (Int(base) + bytes - Int(poolStart)) / blockBytes
    rt.pointee.atb = hostPtr(base).assumingMemoryBound(to: UInt8.self)
    rt.pointee.atb.initialize(repeating: 0, count: atbBytes)
    rt.pointee.poolStart = poolStart
    rt.pointee.blockCount = min(blocks, atbBytes * 4)
    rt.pointee.poolEnd = poolStart + UInt32(rt.pointee.blockCount * blockBytes)
    rt.pointee.lastFreeBlock = 0
    rt.pointee.bytesSinceCollect = 0
}

@inline(__always) func atbGet(_ b: Int) -> UInt8 {
    (rt.pointee.atb[b >> 2] >> UInt8((b & 3) << 1)) & 3
}

@inline(__always) func atbSet(_ b: Int, _ v: UInt8) {
    let shift = UInt8((b & 3) << 1)
    let p = rt.pointee.atb + (b >> 2)
    p.pointee = (p.pointee & ~(3 << shift)) | (v << shift)
}

@inline(__always) func blockAddr(_ b: Int) -> UInt32 { rt.pointee.poolStart &+ UInt32(b &* blockBytes) }

@inline(__always) func isHeapAddr(_ a: UInt32) -> Bool { a >= rt.pointee.poolStart && a < rt.pointee.poolEnd }

/// Allocates `bytes` (rounded up to whole blocks), zeroed. Collects and retries once before
/// raising MemoryError, as the board does.
/// No heap of a 32-bit board can hold more; sizes computed from huge Python ints stop here
/// before block arithmetic could overflow.
let maxAllocBytes = 1 << 31

@inline(__always)
func gcAlloc(_ bytes: Int) throws -> UInt32 {
    if _slowPath(bytes >= maxAllocBytes || bytes < 0) { throw memoryError(bytes, locked: false) }
    let n = (max(bytes, 1) + blockBytes - 1) / blockBytes
    if _slowPath(rt.pointee.heapLockDepth > 0) { throw memoryError(bytes, locked: true) }
    if _slowPath(rt.pointee.gcStress) && rt.pointee.gcEnabled { gcCollect() }
    if _fastPath(rt.pointee.threshold < 0 || rt.pointee.bytesSinceCollect < rt.pointee.threshold || !rt.pointee.gcEnabled),
       let a = findFree(n) {
        return a
    }
    return try gcAllocSlow(n, bytes: bytes)
}

@inline(never)
func gcAllocSlow(_ n: Int, bytes: Int) throws -> UInt32 {
    // with gc.disable() nothing is collected automatically: a full heap is a MemoryError
    if rt.pointee.gcEnabled {
        gcCollect()
        // a nearly full heap (or gc.threshold(0)) collects at every allocation, which can keep a
        // native loop busy for minutes: Ctrl-C is taken here rather than only between opcodes
        if _slowPath(mb_sigint_pending != 0) { try takeKeyboardInterrupt() }
        if let a = findFree(n) { return a }
    } else if let a = findFree(n) {
        return a
    }
    throw memoryError(bytes, locked: false)
}

/// Text built in host memory (repr, json.dumps, % and str.format) is bounded: a list of 100,000
/// references to one long str costs 400 KB of heap, but its repr would take gigabytes of the host.
/// Past the heap's size the text could never become a heap object anyway; print streams on the
/// board, so printed text may go on to 64 MB before MemoryError.
let hostTextLimit = 64 << 20

@inline(__always) func checkHostText(_ count: Int) throws {
    if _slowPath(count > hostTextLimit) && count > Int(rt.pointee.poolEnd &- rt.pointee.poolStart) {
        throw memoryError(count, locked: false)
    }
}

/// Single blocks: first fit from the lowest block that may be free (as MicroPython). Larger
/// allocations: next fit from where the last one ended, wrapping once, so a low hole does not
/// make every multi-block allocation rescan the heap.
@inline(__always)
func findFree(_ n: Int) -> UInt32? {
    if n == 1 {
        if let b = scanFree(1, from: rt.pointee.lastFreeBlock, to: rt.pointee.blockCount) {
            rt.pointee.lastFreeBlock = b + 1
            return claim(b, 1)
        }
        return nil
    }
    let hint = min(multiBlockHint, rt.pointee.blockCount)
    let from = max(hint, rt.pointee.lastFreeBlock)
    if let b = scanFree(n, from: from, to: rt.pointee.blockCount) ?? (from > rt.pointee.lastFreeBlock ?
            scanFree(n, from: rt.pointee.lastFreeBlock, to: min(from + n, rt.pointee.blockCount)) : nil) {
        multiBlockHint = b + n
        return claim(b, n)
    }
    return nil
}

/// Where the next multi-block search starts; reset by each collection.
nonisolated(unsafe) var multiBlockHint = 0

@inline(__always) private func claim(_ start: Int, _ n: Int) -> UInt32 {
    atbSet(start, atHead)
    var t = start + 1
    while t < start + n { atbSet(t, atTail); t += 1 }
    let addr = blockAddr(start)
    hostPtr(addr).initializeMemory(as: UInt8.self, repeating: 0, count: n * blockBytes)
    rt.pointee.bytesSinceCollect &+= n * blockBytes
    return addr
}

/// First run of n free blocks starting in [from, to).
@inline(__always) private func scanFree(_ n: Int, from: Int, to: Int) -> Int? {
    let atb = rt.pointee.atb
    let count = rt.pointee.blockCount
    var b = from
    var run = 0
    var start = 0
    while b < to || (run > 0 && b < count) {
        if b & 3 == 0 && b + 4 <= count {
            let byte = atb[b >> 2]
            if byte == 0 {
                if run == 0 { start = b }
                run += 4
                if run >= n { return start }
                b += 4
                continue
            }
            if byte & 0x03 != 0 && byte & 0x0C != 0 && byte & 0x30 != 0 && byte & 0xC0 != 0 {
                run = 0
                if b >= to { return nil }
                b += 4
                continue
            }
        }
        if atbGet(b) == atFree {
            if run == 0 { start = b }
            run += 1
            if run == n { return start }
        } else {
            run = 0
            if b >= to { return nil }
        }
        b += 1
    }
    return nil
}

/// Number of blocks of the allocation starting at head block `b`.
@inline(__always) func allocBlocks(_ b: Int) -> Int {
    var e = b + 1
    let count = rt.pointee.blockCount
    while e < count && atbGet(e) == atTail { e += 1 }
    return e - b
}

/// Size in bytes of a heap allocation given its address (0 if not a heap head).
func gcAllocSize(_ addr: UInt32) -> Int {
    guard isHeapAddr(addr) else { return 0 }
    let b = Int(addr - rt.pointee.poolStart) / blockBytes
    guard atbGet(b) == atHead else { return 0 }
    return allocBlocks(b) * blockBytes
}

/// Frees an allocation explicitly (used when a buffer is replaced by a bigger one).
func gcFree(_ addr: UInt32) {
    guard isHeapAddr(addr), !rt.pointee.collecting else { return }
    let b = Int(addr - rt.pointee.poolStart) / blockBytes
    guard atbGet(b) == atHead else { return }
    let n = allocBlocks(b)
    for i in b..<(b + n) { atbSet(i, atFree) }
    if rt.pointee.gcStress { poison(addr, n * blockBytes) }
    if b < rt.pointee.lastFreeBlock { rt.pointee.lastFreeBlock = b }
}

/// Grows or shrinks an allocation, in place when the following blocks are free.
func gcRealloc(_ addr: UInt32, _ newBytes: Int) throws -> UInt32 {
    if addr == 0 { return try gcAlloc(newBytes) }
    let oldBytes = gcAllocSize(addr)
    let newN = (max(newBytes, 1) + blockBytes - 1) / blockBytes
    if oldBytes > 0 {
        let b = Int(addr - rt.pointee.poolStart) / blockBytes
        let oldN = oldBytes / blockBytes
        if newN <= oldN {
            if newN < oldN && !rt.pointee.collecting {
                for i in (b + newN)..<(b + oldN) { atbSet(i, atFree) }
                if b + newN < rt.pointee.lastFreeBlock { rt.pointee.lastFreeBlock = b + newN }
            }
            return addr
        }
        // try to extend in place
        var ok = b + newN <= rt.pointee.blockCount
        if ok {
            for i in (b + oldN)..<(b + newN) where atbGet(i) != atFree { ok = false; break }
        }
        if ok && !rt.pointee.gcStress && rt.pointee.heapLockDepth == 0 {
            for i in (b + oldN)..<(b + newN) { atbSet(i, atTail) }
            hostPtr(blockAddr(b + oldN)).initializeMemory(as: UInt8.self, repeating: 0, count: (newN - oldN) * blockBytes)
            rt.pointee.bytesSinceCollect &+= (newN - oldN) * blockBytes
            return addr
        }
    }
    // The old block must survive a collection triggered by the new allocation.
    let keep = pushRoot(Obj(raw: addr))
    defer { popRoots(to: keep) }
    let n = try gcAlloc(newBytes)
    let copy = oldBytes > 0 ? min(oldBytes, newN * blockBytes) : 0
    if copy > 0 { hostPtr(n).copyMemory(from: hostPtr(addr), byteCount: copy) }
    gcFree(addr)
    return n
}

func poison(_ addr: UInt32, _ bytes: Int) {
    let p = hostPtr(addr).assumingMemoryBound(to: UInt32.self)
    for i in 0..<(bytes / 4) { p[i] = 0xA5A5_A5A5 }
}

// MARK: - roots pushed by native code

/// Pushes a value on the VM stack above the running frames so a collection keeps it alive.
/// Returns the mark to restore with popRoots(to:).
@inline(__always) func pushRoot(_ o: Obj) -> UnsafeMutablePointer<Obj> {
    let mark = rt.pointee.vmStackTop
    if mark < rt.pointee.vmStackLimit {
        mark.pointee = o
        rt.pointee.vmStackTop = mark + 1
    }
    return mark
}

@inline(__always) func popRoots(to mark: UnsafeMutablePointer<Obj>) { rt.pointee.vmStackTop = mark }

// MARK: - collection

private var markStack = UnsafeMutablePointer<Int>.allocate(capacity: markStackCapacity)
private let markStackCapacity = 8192
private var markStackLen = 0
private var markOverflow = false

@inline(__always) private func markBlock(_ b: Int) {
    if atbGet(b) != atHead { return }
    atbSet(b, atMark)
    if markStackLen < markStackCapacity {
        markStack[markStackLen] = b
        markStackLen += 1
    } else {
        markOverflow = true
    }
}

/// A word that may be a reference: marks its block if it is the head of an allocation.
@inline(__always) private func markCandidate(_ v: UInt32) {
    let start = rt.pointee.poolStart
    if v >= start && v < rt.pointee.poolEnd && (v - start) & 15 == 0 {
        markBlock(Int(v - start) >> 4)
    }
}

/// Like markCandidate, but also accepts pointers into the middle of an allocation
/// (native code may hold only a derived pointer).
private func markInterior(_ v: UInt32) {
    let start = rt.pointee.poolStart
    guard v >= start && v < rt.pointee.poolEnd else { return }
    var b = Int(v - start) >> 4
    while b > 0 && atbGet(b) == atTail { b -= 1 }
    markBlock(b)
}

private func scanRange(_ lo: UnsafeRawPointer, _ hi: UnsafeRawPointer) {
    var p = lo.assumingMemoryBound(to: UInt32.self)
    let e = hi.assumingMemoryBound(to: UInt32.self)
    while p < e {
        markCandidate(p.pointee)
        p += 1
    }
    drainMarkStack()
}

private func drainMarkStack() {
    while markStackLen > 0 {
        markStackLen -= 1
        let b = markStack[markStackLen]
        let n = allocBlocks(b)
        let p = hostPtr(blockAddr(b)).assumingMemoryBound(to: UInt32.self)
        for i in 0..<(n * blockBytes / 4) { markCandidate(p[i]) }
    }
}

private func scanNativeStack(_ ctx: UnsafeMutableRawPointer?, _ sp: UnsafeMutableRawPointer?) {
    guard let sp = sp, let top = rt.pointee.nativeStackTop else { return }
    scanConservatively(UnsafeRawPointer(sp), UnsafeRawPointer(top))
}

/// A native stack range: any word may be a pointer, even into the middle of an allocation.
private func scanConservatively(_ lo: UnsafeRawPointer, _ hi: UnsafeRawPointer) {
    var p = lo.alignedDown(for: UInt32.self).assumingMemoryBound(to: UInt32.self)
    let e = hi.assumingMemoryBound(to: UInt32.self)
    while p < e {
        markInterior(p.pointee)
        p += 1
    }
    drainMarkStack()
}

/// Hooks for roots outside the regions (e.g. Swift-held buffers of the compiler).
nonisolated(unsafe) var extraRootScanners: [() -> [Obj]] = []

func gcCollect() {
    if rt.pointee.collecting { return }
    rt.pointee.collecting = true
    markStackLen = 0
    markOverflow = false
    // flash: type objects, root slots, static tables that may point into the heap
    scanRange(hostPtr(Region.romBase), hostPtr(rt.pointee.romTop))
    // the runtime's root slots
    withUnsafeMutablePointer(to: &mb_roots) { p in
        scanRange(UnsafeRawPointer(p), UnsafeRawPointer(p) + 64 * 4)
    }
    // VM stack: frames and pushed roots
    scanRange(UnsafeRawPointer(rt.pointee.vmStackBase), UnsafeRawPointer(rt.pointee.vmStackTop))
    for scanner in extraRootScanners { for o in scanner() { markCandidate(o.raw) }; drainMarkStack() }
    // native stack, conservatively
    mb_with_registers_spilled(nil) { ctx, sp in scanNativeStack(ctx, sp) }
    // the other Python threads, suspended with their state saved (ThreadState.swift)
    if threadsActive {
        scanSuspendedThreads(precise: scanRange, conservative: scanConservatively,
                             value: { o in markCandidate(o.raw); drainMarkStack() })
    }
    while markOverflow {
        markOverflow = false
        for b in 0..<rt.pointee.blockCount where atbGet(b) == atMark {
            let n = allocBlocks(b)
            let p = hostPtr(blockAddr(b)).assumingMemoryBound(to: UInt32.self)
            for i in 0..<(n * blockBytes / 4) { markCandidate(p[i]) }
            drainMarkStack()
        }
    }
    sweep()
    rt.pointee.bytesSinceCollect = 0
    rt.pointee.collections += 1
    rt.pointee.collecting = false
}

private func sweep() {
    let count = rt.pointee.blockCount
    var b = 0
    var freeing = false
    var firstFree = -1
    let stress = rt.pointee.gcStress
    while b < count {
        switch atbGet(b) {
        case atHead:
            freeing = true
            atbSet(b, atFree)
            if stress { poison(blockAddr(b), blockBytes) }
            if firstFree < 0 { firstFree = b }
        case atTail:
            if freeing {
                atbSet(b, atFree)
                if stress { poison(blockAddr(b), blockBytes) }
            }
        case atMark:
            freeing = false
            atbSet(b, atHead)
        default:
            freeing = false
            if firstFree < 0 { firstFree = b }
        }
        b += 1
    }
    rt.pointee.lastFreeBlock = firstFree < 0 ? count : firstFree
    multiBlockHint = 0
}

// MARK: - statistics (gc.mem_free, micropython.mem_info)

struct HeapInfo {
    var total = 0, used = 0, free = 0
    var oneBlocks = 0, twoBlocks = 0, maxBlock = 0, maxFree = 0
}

func heapInfo() -> HeapInfo {
    var info = HeapInfo()
    let count = rt.pointee.blockCount
    info.total = count * blockBytes
    var b = 0
    var freeRun = 0
    while b < count {
        let k = atbGet(b)
        if k == atFree {
            freeRun += 1
            info.free += blockBytes
            b += 1
            continue
        }
        info.maxFree = max(info.maxFree, freeRun)
        freeRun = 0
        if k == atHead || k == atMark {
            let n = allocBlocks(b)
            info.used += n * blockBytes
            if n == 1 { info.oneBlocks += 1 } else if n == 2 { info.twoBlocks += 1 }
            info.maxBlock = max(info.maxBlock, n)
            b += n
        } else {
            info.used += blockBytes
            b += 1
        }
    }
    info.maxFree = max(info.maxFree, freeRun)
    return info
}
