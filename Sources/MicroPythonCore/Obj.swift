// A Python value is one tagged 32-bit word, as on 32-bit MicroPython (object representation A):
//   xxxx...xxx1  small int (31-bit, signed)
//   xxxx...x010  qstr (interned string), index in the upper 29 bits
//   xxxx...x110  immediate object (None, False, True, Ellipsis, NotImplemented, sentinels)
//   xxxx...xx00  address of an object in the emulated address space (0 is MP_OBJ_NULL)
// Addresses are the board's: the heap sits at 0x20000000 (SRAM), static objects at 0x08000000
// (flash). The emulated address space is mapped at a constant host offset, so turning an address
// into a host pointer is a single add.

@frozen public struct Obj: Equatable, Hashable {
    public var raw: UInt32
    @inline(__always) public init(raw: UInt32) { self.raw = raw }
}

/// Host address of emulated address 0. 64 GiB keeps the low 32 bits of host pointers equal to the
/// emulated address, which lets the conservative native-stack scan recognise derived pointers.
let hostOffset: UInt = 0x10_0000_0000

@inline(__always) func hostPtr(_ addr: UInt32) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer(bitPattern: hostOffset &+ UInt(addr)).unsafelyUnwrapped
}

@inline(__always) func emuAddr(_ p: UnsafeRawPointer) -> UInt32 {
    UInt32(truncatingIfNeeded: UInt(bitPattern: p) &- hostOffset)
}

extension Obj {
    static let null = Obj(raw: 0)
    static let none = Obj(raw: (0 << 3) | 6)
    static let `false` = Obj(raw: (1 << 3) | 6)
    static let `true` = Obj(raw: (2 << 3) | 6)
    static let ellipsis = Obj(raw: (3 << 3) | 6)
    static let notImplemented = Obj(raw: (4 << 3) | 6)
    /// Marks deleted map entries and "no value" in internal protocols; never visible to Python.
    static let sentinel = Obj(raw: (5 << 3) | 6)
    /// Returned by an iterator's next to say it is exhausted, without raising StopIteration.
    static let stopIteration = Obj(raw: (6 << 3) | 6)

    @inline(__always) static func bool(_ b: Bool) -> Obj { b ? .true : .false }

    static let smallIntMin = -0x4000_0000
    static let smallIntMax = 0x3FFF_FFFF

    @inline(__always) var isSmallInt: Bool { raw & 1 != 0 }
    @inline(__always) var smallInt: Int { Int(Int32(bitPattern: raw) >> 1) }
    @inline(__always) init(small v: Int) { raw = (UInt32(truncatingIfNeeded: v) << 1) | 1 }
    @inline(__always) static func fitsSmall(_ v: Int) -> Bool { v >= smallIntMin && v <= smallIntMax }

    @inline(__always) var isQstr: Bool { raw & 7 == 2 }
    @inline(__always) var qstr: UInt32 { raw >> 3 }
    @inline(__always) init(qstr q: UInt32) { raw = (q << 3) | 2 }

    @inline(__always) var isImmediate: Bool { raw & 7 == 6 }
    @inline(__always) var isPtr: Bool { raw & 3 == 0 && raw != 0 }
    @inline(__always) var isNull: Bool { raw == 0 }

    @inline(__always) var ptr: UnsafeMutableRawPointer { hostPtr(raw) }
    @inline(__always) var words: UnsafeMutablePointer<UInt32> { hostPtr(raw).assumingMemoryBound(to: UInt32.self) }
    @inline(__always) var slots: UnsafeMutablePointer<Obj> { hostPtr(raw).assumingMemoryBound(to: Obj.self) }

    /// Word i of a pointer object.
    @inline(__always) func w(_ i: Int) -> UInt32 { words[i] }
    @inline(__always) func setW(_ i: Int, _ v: UInt32) { words[i] = v }
    /// Word i of a pointer object, as a value.
    @inline(__always) func o(_ i: Int) -> Obj { slots[i] }
    @inline(__always) func setO(_ i: Int, _ v: Obj) { slots[i] = v }

    /// The type object's address for any value.
    @inline(__always) var typeAddr: UInt32 {
        if raw & 3 == 0 { return words[0] }
        if raw & 1 != 0 { return TypeID.int.addr }
        if raw & 7 == 2 { return TypeID.str.addr }
        switch raw {
        case Obj.none.raw: return TypeID.noneType.addr
        case Obj.true.raw, Obj.false.raw: return TypeID.bool.addr
        case Obj.ellipsis.raw: return TypeID.ellipsis.addr
        case Obj.notImplemented.raw: return TypeID.notImplementedType.addr
        default: return TypeID.object.addr
        }
    }
    @inline(__always) var type: Obj { Obj(raw: typeAddr) }
    @inline(__always) func isType(_ t: TypeID) -> Bool { raw & 3 == 0 && raw != 0 && words[0] == t.addr }
}
