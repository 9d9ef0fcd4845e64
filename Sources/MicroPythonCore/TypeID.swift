// Every built-in type has a fixed address in the flash region: ROM base + id * 32 (one 32-byte
// type object each), so type checks compare against constants.

enum TypeID: UInt32, CaseIterable {
    case object = 0, type, noneType, bool, int, float, complex, str, bytes, bytearray, memoryview
    case list, tuple, dict, set, frozenset, range, slice, ellipsis, notImplementedType
    case function, builtinFunction, boundMethod, cell, generator, code, module
    case property, staticmethod, classmethod, `super`
    case enumerate, zip, map, filter, reversed
    case rangeIterator, seqIterator, strIterator, dictIterator, setIterator, callableIterator, getitemIterator
    case dictKeys, dictValues, dictItems
    case array
    // exceptions, in hierarchy order (parents first)
    case BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception
    case StopIteration, StopAsyncIteration, ArithmeticError, OverflowError, ZeroDivisionError
    case AssertionError, AttributeError, EOFError, ImportError, LookupError, IndexError, KeyError
    case MemoryError, NameError, OSError, RuntimeError, NotImplementedError
    case SyntaxError, IndentationError, TypeError, ValueError, UnicodeError, ViperTypeError

    static let romBase: UInt32 = 0x0800_0000
    static let slotBytes: UInt32 = 32
    static let capacity: UInt32 = 128

    @inline(__always) var addr: UInt32 { TypeID.romBase &+ rawValue &* TypeID.slotBytes }
    @inline(__always) var obj: Obj { Obj(raw: addr) }

    /// The builtin type at a type-object address, or nil for a user-defined class.
    @inline(__always) static func from(addr: UInt32) -> TypeID? {
        let off = addr &- romBase
        guard off < capacity * slotBytes, off % slotBytes == 0 else { return nil }
        let i = off / slotBytes
        // cases are numbered 0..<count, which is also their in-memory representation
        return i < UInt32(TypeID.allCases.count) ? unsafeBitCast(UInt8(i), to: TypeID.self) : nil
    }
}

/// Words of a type object.
enum TypeWord {
    static let flags = 1, name = 2, locals = 3, bases = 4, mro = 5, nativeBase = 6, extra = 7
}

/// Bits of a type object's flags word.
enum TypeFlag {
    static let user: UInt32 = 1          // class statement / type(): instances are `instance` objects
    static let exception: UInt32 = 2     // BaseException or a subclass
    static let getattr: UInt32 = 4       // defines __getattr__
    static let setattr: UInt32 = 8       // defines __setattr__
    static let delattr: UInt32 = 16      // defines __delattr__
    static let baseType: UInt32 = 32     // may be subclassed
    static let hasGetattribute: UInt32 = 64
}
