import CSupport

// The emulated address space: a flash region for static objects (built-in types, functions,
// module tables, frozen code) and an SRAM region holding the GC heap. Plain-data runtime state
// that the hot paths touch lives at a fixed address too, so reaching it needs no Swift global.

enum Region {
    static let romBase: UInt32 = 0x0800_0000
    static let romSize: UInt32 = 0x0080_0000       // 8 MiB reserved; pages are touched on demand
    static let stateBase: UInt32 = 0x0400_0000
    static let stateSize: UInt32 = 0x0001_0000
    static let ramBase: UInt32 = 0x2000_0000
    static let maxHeap: Int = 0xC000_0000 - 0x2000_0000
}

/// Named root slots in flash: anything stored here stays alive across collections.
enum Root: Int {
    case sysModules = 0, builtinsDict, mainModule, sysPath, sysArgv, handledException, raisedException
    case memoryErrorInstance, emptyTuple, emptyStr, emptyBytes, loadedModuleBeingImported
    case internedStrs, sysStdout, sysStderr, sysStdin, kbdInterruptInstance, schedQueue, atexit
    case reprStack, scratch0, scratch1, scratch2, scratch3, vfsMounts, vfsCurrent
    case boardObjects, dupterm
    static let count = 64
}

/// Plain-data state at a fixed address (Region.stateBase).
struct RuntimeState {
    // heap
    var atb: UnsafeMutablePointer<UInt8>          // allocation table, 2 bits a block
    var poolStart: UInt32                          // emulated address of block 0
    var poolEnd: UInt32
    var blockCount: Int
    var lastFreeBlock: Int                         // allocation search starts here
    var bytesSinceCollect: Int
    var threshold: Int                             // -1: none
    var gcEnabled: Bool
    var gcStress: Bool
    var collecting: Bool
    var heapLockDepth: Int
    var collections: Int
    // flash
    var romTop: UInt32                             // next free byte in flash
    var rootsAddr: UInt32
    // VM value stack: frames of running Python functions (precise roots)
    var vmStackBase: UnsafeMutablePointer<Obj>
    var vmStackTop: UnsafeMutablePointer<Obj>
    var vmStackLimit: UnsafeMutablePointer<Obj>
    // native stack bounds for the conservative scan and the recursion limit
    var nativeStackTop: UnsafeMutableRawPointer?
    var nativeStackLimit: UInt
    var callDepth: Int
    var maxCallDepth: Int
    var floatIsSingle: Bool
    var pendingInterrupt: Bool
    /// Counts down by the instructions run (charged at backward jumps, calls and frame exits); at
    /// zero the slow path runs (signals, scheduled callbacks, board hooks, instruction budget) and
    /// reloads it with `tickQuantum`.
    var ticksLeft: Int
    var tickQuantum: Int
    /// Remaining instruction units before RuntimeError (fuzzing, tests); -1 is unlimited.
    var budget: Int
}

@inline(__always) var rt: UnsafeMutablePointer<RuntimeState> {
    UnsafeMutablePointer<RuntimeState>(bitPattern: hostOffset &+ UInt(Region.stateBase)).unsafelyUnwrapped
}

/// The root table lives in a C array so its accesses are ordinary global-memory accesses.
@inline(__always) func rootSlot(_ r: Root) -> UnsafeMutablePointer<Obj> {
    withUnsafeMutablePointer(to: &mb_roots) { p in
        UnsafeMutableRawPointer(p).assumingMemoryBound(to: Obj.self) + r.rawValue
    }
}

@inline(__always) func getRoot(_ r: Root) -> Obj { rootSlot(r).pointee }
@inline(__always) func setRoot(_ r: Root, _ v: Obj) { rootSlot(r).pointee = v }

enum MemoryMapError: Error { case cannotMap(String) }

/// Maps the regions. Called once per process; a soft reset clears them instead.
func mapRegions(heapBytes: Int, vmStackSlots: Int) throws {
    guard mb_map_fixed(UInt(hostOffset) + UInt(Region.stateBase), Int(Region.stateSize)) != nil else {
        throw MemoryMapError.cannotMap("state")
    }
    guard mb_map_fixed(UInt(hostOffset) + UInt(Region.romBase), Int(Region.romSize)) != nil else {
        throw MemoryMapError.cannotMap("flash")
    }
    let ramBytes = (heapBytes + 4095) & ~4095
    guard mb_map_fixed(UInt(hostOffset) + UInt(Region.ramBase), ramBytes) != nil else {
        throw MemoryMapError.cannotMap("ram")
    }
    // mmap'd, not allocated and filled: its pages are already .null (zero) and only the depth a
    // program reaches costs memory, which keeps start-up fast and small
    guard let raw = mb_map_zeroed(vmStackSlots * MemoryLayout<Obj>.stride) else {
        throw MemoryMapError.cannotMap("vm stack")
    }
    let stack = raw.bindMemory(to: Obj.self, capacity: vmStackSlots)
    rt.pointee = RuntimeState(
        atb: UnsafeMutablePointer(bitPattern: 16)!, poolStart: 0, poolEnd: 0, blockCount: 0, lastFreeBlock: 0,
        bytesSinceCollect: 0, threshold: -1, gcEnabled: true, gcStress: false, collecting: false,
        heapLockDepth: 0, collections: 0,
        romTop: Region.romBase + TypeID.capacity * TypeID.slotBytes, rootsAddr: 0,
        vmStackBase: stack, vmStackTop: stack, vmStackLimit: stack + vmStackSlots,
        nativeStackTop: nil, nativeStackLimit: 0, callDepth: 0, maxCallDepth: 1_000,
        floatIsSingle: false, pendingInterrupt: false, ticksLeft: 100_000, tickQuantum: 100_000, budget: -1)
    rt.pointee.rootsAddr = romAllocRaw(bytes: Root.count * 4)
    heapInit(base: Region.ramBase, bytes: heapBytes)
}

/// Bump allocation in flash for objects that live for the whole session (types, builtins).
func romAllocRaw(bytes: Int) -> UInt32 {
    let size = UInt32((bytes + 15) & ~15)
    let addr = rt.pointee.romTop
    precondition(addr + size <= Region.romBase + Region.romSize, "flash region exhausted")
    rt.pointee.romTop = addr + size
    hostPtr(addr).initializeMemory(as: UInt8.self, repeating: 0, count: Int(size))
    return addr
}

@inline(__always) func isRomAddr(_ a: UInt32) -> Bool { a >= Region.romBase && a < Region.romBase + Region.romSize }
