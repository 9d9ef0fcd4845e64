// The bytecode: 32-bit words, opcode in the low 8 bits and its argument in the upper 24
// (EXTENDED_ARG is never needed: 24 bits cover every index and jump target we emit).
// Some instructions are followed by extra words (caches, second operands); `extraWords` says how many.

enum Op: UInt8 {
    /// Opcodes are numbered from 0 in declaration order, so the byte is the enum's representation.
    @inline(__always) static func from(_ w: UInt32) -> Op { unsafeBitCast(UInt8(truncatingIfNeeded: w), to: Op.self) }

    case nop = 0
    // constants and stack
    case loadConst, loadSmallInt, loadNone, loadTrue, loadFalse, loadQstr, loadNull
    case popTop, dupTop, dupTopTwo, rotTwo, rotThree, rotFour
    // variables
    case loadFast, storeFast, deleteFast, loadDeref, storeDeref, deleteDeref, loadClosure
    case loadGlobal, storeGlobal, deleteGlobal      // + 1 cache word
    case loadName, storeName, deleteName
    case loadClassDeref                               // class body reading an enclosing function's cell
    // attributes and items
    case loadAttr, storeAttr, deleteAttr             // + 1 cache word
    case loadMethod                                   // + 1 cache word; pushes [callable, self-or-null]
    case loadSuperMethod                              // [super-args...] arg = name; pushes [callable, self]
    case loadSubscr, storeSubscr, deleteSubscr, buildSlice
    // operators
    case binaryOp, unaryOp, compareOp, isOp, containsOp, not
    // control flow
    case jump, popJumpIfFalse, popJumpIfTrue, jumpIfFalseOrPop, jumpIfTrueOrPop
    case getIter, forIter
    // calls
    case call                                         // arg = npos | nkw << 8; if nkw, next word = kwnames const
    case callEx                                       // arg = 1 if a kwargs dict is on the stack
    case makeFunction                                 // arg = code const; next word = flags
    case returnValue
    // containers
    case buildTuple, buildList, buildSet, buildMap, buildString, formatValue
    case listAppend, setAdd, mapAdd, listExtend, setUpdate, dictUpdate, dictMerge, listToTuple
    case unpackSequence, unpackEx
    // imports
    case importName, importFrom, importStar
    // exceptions
    case raiseVarargs, reraise, pushExcInfo, popExcept, checkExcMatch, withExceptStart, beforeWith
    case setupAnnotations
    // generators and coroutines
    case yieldValue, getYieldFromIter, yieldFrom, getAwaitable, getAiter, getAnext, endAsyncFor, beforeAsyncWith
    case returnGenerator
    // classes
    case loadBuildClass
    // REPL
    case printExpr
    case storeFastLoadFast
    case loadFastLoadFast                             // arg = a | b << 12
    case forIterRange                                 // [start, stop] counter loop; + 1 word: step
    // code loaded from .mpy files (MpyVM.swift, MpyTranslator.swift)
    case mpLoadNull                                   // pushes the null placeholder
    case mpLoadMethod                                 // arg = name; like loadMethod, self slot never a raw null
    case mpCall                                       // arg = npos | nkw << 8 | method << 16 | varkw << 17
    case mpForIter                                    // arg = target when the 4-slot iterator is exhausted
    case mpStoreSubscr, mpStoreAttr                   // a null placeholder as the value deletes
    case mpStoreComp                                  // arg = distance << 2 | kind
    case mpStoreMap                                   // [dict, value, key]
    case mpMakeFunction                               // arg = code const; next word = flags
    case mpSetup                                      // arg = depth slot | back << 16: saves depth and handled exception
    case mpSetExc                                     // the handled exception becomes the top of the stack
    case mpRestoreExc                                 // arg = slot holding the handled exception to restore
    case mpPopTo                                      // arg = depth slot: drops the stack to the saved depth
    case mpWithCleanup                                // arg = depth slot
    case mpEndFinally                                 // arg = const index of its table
    case mpGetAwaitIter                               // GET_ITER before yield from: also takes __await__
}

enum BinOpCode: UInt32 {
    case add = 0, sub, mul, matmul, truediv, floordiv, mod, pow, lshift, rshift, and, or, xor
    case iadd, isub, imul, imatmul, itruediv, ifloordiv, imod, ipow, ilshift, irshift, iand, ior, ixor

    var isInplace: Bool { rawValue >= BinOpCode.iadd.rawValue }
    var base: BinOpCode { isInplace ? BinOpCode.from(rawValue - 13) : self }
    /// Cases are numbered from 0 in order, which is their in-memory representation.
    @inline(__always) static func from(_ v: UInt32) -> BinOpCode { unsafeBitCast(UInt8(truncatingIfNeeded: v), to: BinOpCode.self) }

    var dunder: QID {
        switch base {
        case .add: return .__add__; case .sub: return .__sub__; case .mul: return .__mul__
        case .matmul: return .__matmul__; case .truediv: return .__truediv__; case .floordiv: return .__floordiv__
        case .mod: return .__mod__; case .pow: return .__pow__; case .lshift: return .__lshift__
        case .rshift: return .__rshift__; case .and: return .__and__; case .or: return .__or__; case .xor: return .__xor__
        default: return .__add__
        }
    }
    var reflected: QID {
        switch base {
        case .add: return .__radd__; case .sub: return .__rsub__; case .mul: return .__rmul__
        case .matmul: return .__rmatmul__; case .truediv: return .__rtruediv__; case .floordiv: return .__rfloordiv__
        case .mod: return .__rmod__; case .pow: return .__rpow__; case .lshift: return .__rlshift__
        case .rshift: return .__rrshift__; case .and: return .__rand__; case .or: return .__ror__; case .xor: return .__rxor__
        default: return .__radd__
        }
    }
    var inplaceDunder: QID {
        switch base {
        case .add: return .__iadd__; case .sub: return .__isub__; case .mul: return .__imul__
        case .matmul: return .__imatmul__; case .truediv: return .__itruediv__; case .floordiv: return .__ifloordiv__
        case .mod: return .__imod__; case .pow: return .__ipow__; case .lshift: return .__ilshift__
        case .rshift: return .__irshift__; case .and: return .__iand__; case .or: return .__ior__; case .xor: return .__ixor__
        default: return .__iadd__
        }
    }
}

enum CmpOpCode: UInt32 {
    case lt = 0, le, eq, ne, gt, ge
    @inline(__always) static func from(_ v: Int) -> CmpOpCode { unsafeBitCast(UInt8(truncatingIfNeeded: v), to: CmpOpCode.self) }
}
enum UnaryOpCode: UInt32 {
    case neg = 0, pos, invert, not
    @inline(__always) static func from(_ v: Int) -> UnaryOpCode { unsafeBitCast(UInt8(truncatingIfNeeded: v), to: UnaryOpCode.self) }
}

/// Flags word of makeFunction: which optional parts are on the stack (pushed in this order).
enum MakeFunctionFlag {
    static let defaults: UInt32 = 1
    static let kwDefaults: UInt32 = 2
    static let closure: UInt32 = 4
}

/// Code object flags.
enum CodeFlag {
    static let generator: UInt32 = 1
    static let coroutine: UInt32 = 2
    static let varargs: UInt32 = 4
    static let varkw: UInt32 = 8
    static let classBody: UInt32 = 16
    static let asyncGenerator: UInt32 = 32
    static let module: UInt32 = 64
}

extension Op {
    /// Words following the instruction word.
    var extraWords: Int {
        switch self {
        case .loadGlobal, .storeGlobal, .deleteGlobal, .loadAttr, .storeAttr, .deleteAttr, .loadMethod, .makeFunction,
             .mpMakeFunction:
            return 1
        case .call: return 1
        case .forIterRange: return 1                  // the step
        default: return 0
        }
    }
}
