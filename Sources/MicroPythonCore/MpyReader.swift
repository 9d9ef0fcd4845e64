// Reading .mpy files (MicroPython's precompiled modules, format version 6): the header, the
// qstr and constant tables, the tree of raw codes, each bytecode prelude and the instructions.
// Everything read is bounds-checked: a damaged file ends in ValueError, never a bad read.

struct MpyError: Error {
    let message: String
    init(_ m: String) { message = m }
}

/// What `sys.implementation._mpy` promises: version 6, 31-bit small ints, no native code.
enum MpyFormat {
    static let version: UInt8 = 6
    static let smallIntBits: UInt8 = 31
    static let maxNesting = 64          // raw codes inside raw codes
    static let maxRawCodes = 100_000
}

struct MpyCursor {
    let bytes: [UInt8]
    var pos: Int
    let end: Int

    init(_ b: [UInt8], from: Int = 0, to: Int? = nil) {
        bytes = b
        pos = from
        end = to ?? b.count
    }

    var atEnd: Bool { pos >= end }

    mutating func byte() throws -> UInt8 {
        guard pos < end else { throw MpyError("truncated .mpy file") }
        pos += 1
        return bytes[pos - 1]
    }

    /// A variable-length unsigned int: 7 bits a byte, most significant group first.
    mutating func uint() throws -> Int {
        var v = 0
        for _ in 0..<5 {
            let c = try byte()
            v = v << 7 | Int(c & 0x7F)
            if c & 0x80 == 0 {
                guard v <= Int(Int32.max) else { break }
                return v
            }
        }
        throw MpyError("corrupt .mpy file: number too large")
    }

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= end - pos else { throw MpyError("truncated .mpy file") }
        pos += n
        return bytes[(pos - n)..<pos]
    }
}

struct MpyRawCode {
    var data: [UInt8]
    var children: [MpyRawCode]
}

struct MpyFile {
    var qstrs: [String]
    var consts: [ConstValue]
    var root: MpyRawCode
}

func readMpyFile(_ bytes: [UInt8]) throws -> MpyFile {
    var r = MpyCursor(bytes)
    guard bytes.count >= 4 else { throw MpyError("incompatible .mpy file") }
    let header = Array(try r.take(4))
    let arch = header[2] >> 2
    if header[0] != UInt8(ascii: "M") || header[1] != MpyFormat.version || header[3] > MpyFormat.smallIntBits {
        throw MpyError("incompatible .mpy file")
    }
    if arch != 0 { throw MpyError("incompatible .mpy arch") }
    let nq = try r.uint(), no = try r.uint()
    guard nq <= bytes.count, no <= bytes.count else { throw MpyError("truncated .mpy file") }
    var qstrs: [String] = []
    for _ in 0..<nq { qstrs.append(try readQstr(&r)) }
    guard !qstrs.isEmpty else { throw MpyError("corrupt .mpy file: no source file name") }
    var consts: [ConstValue] = []
    for _ in 0..<no { consts.append(try readConst(&r, nesting: 0)) }
    var count = 0
    let root = try readRawCode(&r, nesting: 0, count: &count)
    return MpyFile(qstrs: qstrs, consts: consts, root: root)
}

private func readQstr(_ r: inout MpyCursor) throws -> String {
    let n = try r.uint()
    if n & 1 != 0 {
        let i = n >> 1
        guard i >= 1 && i <= mpyStaticQstrs.count else { throw MpyError("corrupt .mpy file: bad static qstr") }
        return mpyStaticQstrs[i - 1]
    }
    let s = try r.take(n >> 1)
    _ = try r.byte()   // the terminating NUL
    return String(decoding: s, as: UTF8.self)
}

private func readConst(_ r: inout MpyCursor, nesting: Int) throws -> ConstValue {
    let kind = try r.byte()
    switch kind {
    case 1: return .none
    case 2: return .false
    case 3: return .true
    case 4: return .ellipsis
    case 10:
        guard nesting < MpyFormat.maxNesting else { throw MpyError("corrupt .mpy file: constants nested too deeply") }
        let n = try r.uint()
        guard n <= r.end - r.pos else { throw MpyError("truncated .mpy file") }
        var items: [ConstValue] = []
        for _ in 0..<n { items.append(try readConst(&r, nesting: nesting + 1)) }
        return .tuple(items)
    case 5, 6, 7, 8, 9:
        let n = try r.uint()
        let data = Array(try r.take(n))
        if kind == 5 || kind == 6 { _ = try r.byte() }
        let text = String(decoding: data, as: UTF8.self)
        switch kind {
        case 5: return .str(data)
        case 6: return .bytes(data)
        case 7:
            let digits = data.first == UInt8(ascii: "-") ? data.dropFirst() : data[...]
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw MpyError("corrupt .mpy file: bad int constant")
            }
            if let v = Int64(text) { return .int(v) }
            return .bigInt(text)
        case 8:
            guard let d = Double(text) else { throw MpyError("corrupt .mpy file: bad float constant") }
            return .float(d)
        default:
            guard let c = parseComplexConst(text) else { throw MpyError("corrupt .mpy file: bad complex constant") }
            return .complex(c.0, c.1)
        }
    default:
        throw MpyError("corrupt .mpy file: bad constant kind \(kind)")
    }
}

/// The text repr() gives a complex: "2j", "(1+2j)", "(-0-1.5j)", "(nan+infj)".
private func parseComplexConst(_ s: String) -> (Double, Double)? {
    var t = Substring(s)
    if t.hasPrefix("(") && t.hasSuffix(")") { t = t.dropFirst().dropLast() }
    guard t.hasSuffix("j") else { return nil }
    t = t.dropLast()
    // the sign between the parts is the last + or - not at the start and not after an 'e'
    let chars = Array(t)
    var split = -1
    for i in stride(from: chars.count - 1, to: 0, by: -1) where chars[i] == "+" || chars[i] == "-" {
        if chars[i - 1] == "e" || chars[i - 1] == "E" { continue }
        split = i
        break
    }
    if split < 0 {
        guard let im = Double(String(t)) else { return nil }
        return (0, im)
    }
    guard let re = Double(String(chars[0..<split])), let im = Double(String(chars[split...])) else { return nil }
    return (re, im)
}

private func readRawCode(_ r: inout MpyCursor, nesting: Int, count: inout Int) throws -> MpyRawCode {
    guard nesting < MpyFormat.maxNesting else { throw MpyError("corrupt .mpy file: code nested too deeply") }
    count += 1
    guard count <= MpyFormat.maxRawCodes else { throw MpyError("corrupt .mpy file: too many functions") }
    let kindLen = try r.uint()
    guard kindLen & 3 == 0 else { throw MpyError("incompatible .mpy arch") }   // native, viper or asm code
    let data = Array(try r.take(kindLen >> 3))
    var children: [MpyRawCode] = []
    if kindLen & 4 != 0 {
        let n = try r.uint()
        guard n <= r.end - r.pos else { throw MpyError("truncated .mpy file") }
        for _ in 0..<n { children.append(try readRawCode(&r, nesting: nesting + 1, count: &count)) }
    }
    return MpyRawCode(data: data, children: children)
}

// MARK: - the bytecode prelude

struct MpyPrelude {
    var nState = 0, nExcStack = 0, scopeFlags = 0, nPosArgs = 0, nKwonlyArgs = 0, nDefPosArgs = 0
    var names: [Int] = []          // qstr-table indices: the function's name, then its arguments
    var lineInfo: ArraySlice<UInt8> = []
    var cells: [Int] = []
    var codeStart = 0
}

enum MpyScopeFlag {
    static let generator = 0x01, varKeywords = 0x02, varArgs = 0x04
}

func readMpyPrelude(_ data: [UInt8], qstrCount: Int) throws -> MpyPrelude {
    var r = MpyCursor(data)
    var p = MpyPrelude()
    // signature: xSSSSEAA then xFSSKAED bytes while the top bit is set
    var z = Int(try r.byte())
    var s = (z >> 3) & 0xF, e = (z >> 2) & 1, f = 0, a = z & 3, k = 0, d = 0
    var n = 0
    while z & 0x80 != 0 {
        guard n < 6 else { throw MpyError("corrupt .mpy file: bad prelude") }
        z = Int(try r.byte())
        s |= (z & 0x30) << (2 * n)
        e |= (z & 0x02) << n
        f |= ((z & 0x40) >> 6) << n
        a |= (z & 0x4) << n
        k |= ((z & 0x08) >> 3) << n
        d |= (z & 0x1) << n
        n += 1
    }
    p.nState = s + 1; p.nExcStack = e; p.scopeFlags = f; p.nPosArgs = a; p.nKwonlyArgs = k; p.nDefPosArgs = d
    // sizes: xIIIIIIC bytes
    var info = 0, cell = 0
    n = 0
    while true {
        guard n < 6 else { throw MpyError("corrupt .mpy file: bad prelude") }
        let c = Int(try r.byte())
        info |= ((c & 0x7E) >> 1) << (6 * n)
        cell |= (c & 1) << n
        n += 1
        if c & 0x80 == 0 { break }
    }
    let infoStart = r.pos
    guard info <= data.count - infoStart, cell <= data.count - infoStart - info else {
        throw MpyError("truncated .mpy file")
    }
    var nr = MpyCursor(data, from: infoStart, to: infoStart + info)
    for _ in 0..<(1 + p.nPosArgs + p.nKwonlyArgs) {
        let q = try nr.uint()
        guard q < qstrCount else { throw MpyError("corrupt .mpy file: bad qstr index") }
        p.names.append(q)
    }
    p.lineInfo = data[nr.pos..<(infoStart + info)]
    p.cells = data[(infoStart + info)..<(infoStart + info + cell)].map { Int($0) }
    p.codeStart = infoStart + info + cell
    return p
}

/// Source line of the instruction at bytecode offset `offset` (from the prelude's line table).
func mpyLine(_ info: ArraySlice<UInt8>, offset: Int) -> Int {
    var line = 1, bc = offset
    var i = info.startIndex
    while i < info.endIndex {
        let c = Int(info[i])
        let b: Int, l: Int
        if c & 0x80 == 0 {
            b = c & 0x1F; l = c >> 5; i += 1
        } else {
            guard i + 1 < info.endIndex else { break }
            b = c & 0xF; l = ((c << 4) & 0x700) | Int(info[i + 1]); i += 2
        }
        if bc < b { break }
        bc -= b
        line += l
    }
    return line
}

// MARK: - instructions

/// MicroPython opcodes (py/bc0.h), the ones with names; the "multi" ranges are decoded separately.
enum MpyOp {
    static let loadConstString: UInt8 = 0x10, loadName: UInt8 = 0x11, loadGlobal: UInt8 = 0x12, loadAttr: UInt8 = 0x13
    static let loadMethod: UInt8 = 0x14, loadSuperMethod: UInt8 = 0x15, storeName: UInt8 = 0x16, storeGlobal: UInt8 = 0x17
    static let storeAttr: UInt8 = 0x18, deleteName: UInt8 = 0x19, deleteGlobal: UInt8 = 0x1A, importName: UInt8 = 0x1B
    static let importFrom: UInt8 = 0x1C
    static let makeClosure: UInt8 = 0x20, makeClosureDefargs: UInt8 = 0x21, loadConstSmallInt: UInt8 = 0x22
    static let loadConstObj: UInt8 = 0x23, loadFastN: UInt8 = 0x24, loadDeref: UInt8 = 0x25, storeFastN: UInt8 = 0x26
    static let storeDeref: UInt8 = 0x27, deleteFast: UInt8 = 0x28, deleteDeref: UInt8 = 0x29, buildTuple: UInt8 = 0x2A
    static let buildList: UInt8 = 0x2B, buildMap: UInt8 = 0x2C, buildSet: UInt8 = 0x2D, buildSlice: UInt8 = 0x2E
    static let storeComp: UInt8 = 0x2F, unpackSequence: UInt8 = 0x30, unpackEx: UInt8 = 0x31, makeFunction: UInt8 = 0x32
    static let makeFunctionDefargs: UInt8 = 0x33, callFunction: UInt8 = 0x34, callFunctionVarKw: UInt8 = 0x35
    static let callMethod: UInt8 = 0x36, callMethodVarKw: UInt8 = 0x37
    static let unwindJump: UInt8 = 0x40, jump: UInt8 = 0x42, popJumpIfTrue: UInt8 = 0x43, popJumpIfFalse: UInt8 = 0x44
    static let jumpIfTrueOrPop: UInt8 = 0x45, jumpIfFalseOrPop: UInt8 = 0x46, setupWith: UInt8 = 0x47
    static let setupExcept: UInt8 = 0x48, setupFinally: UInt8 = 0x49, popExceptJump: UInt8 = 0x4A, forIter: UInt8 = 0x4B
    static let loadConstFalse: UInt8 = 0x50, loadConstNone: UInt8 = 0x51, loadConstTrue: UInt8 = 0x52, loadNull: UInt8 = 0x53
    static let loadBuildClass: UInt8 = 0x54, loadSubscr: UInt8 = 0x55, storeSubscr: UInt8 = 0x56, dupTop: UInt8 = 0x57
    static let dupTopTwo: UInt8 = 0x58, popTop: UInt8 = 0x59, rotTwo: UInt8 = 0x5A, rotThree: UInt8 = 0x5B
    static let withCleanup: UInt8 = 0x5C, endFinally: UInt8 = 0x5D, getIter: UInt8 = 0x5E, getIterStack: UInt8 = 0x5F
    static let storeMap: UInt8 = 0x62, returnValue: UInt8 = 0x63, raiseLast: UInt8 = 0x64, raiseObj: UInt8 = 0x65
    static let raiseFrom: UInt8 = 0x66, yieldValue: UInt8 = 0x67, yieldFrom: UInt8 = 0x68, importStar: UInt8 = 0x69
    static let smallIntMulti: UInt8 = 0x70, loadFastMulti: UInt8 = 0xB0, storeFastMulti: UInt8 = 0xC0
    static let unaryMulti: UInt8 = 0xD0, binaryMulti: UInt8 = 0xD7
    static let binaryCount = 35
}

struct MpyInsn {
    var offset: Int          // from the start of the opcodes
    var length: Int
    var op: UInt8
    var arg: Int             // operand; for jumps the absolute target offset
    var extra: Int           // the byte after some operands (closures' cell count, unwind count)
}

/// Decodes every instruction; jump targets must be instruction starts.
func decodeMpyCode(_ data: [UInt8], from start: Int) throws -> [MpyInsn] {
    var out: [MpyInsn] = []
    var ip = start
    let n = data.count
    func need(_ k: Int) throws { if ip + k > n { throw MpyError("truncated .mpy file: bytecode") } }
    while ip < n {
        let at = ip
        let op = data[ip]
        ip += 1
        var arg = 0, extra = 0
        switch (0x3A4 >> (2 * Int(op >> 4))) & 3 {
        case 1, 2:   // qstr index or variable-length uint (small ints are signed)
            try need(1)
            arg = Int(data[ip] & 0x7F)
            if op == MpyOp.loadConstSmallInt && arg & 0x40 != 0 { arg -= 0x80 }
            var count = 0
            while data[ip] & 0x80 != 0 {
                ip += 1
                count += 1
                guard count < 5 else { throw MpyError("corrupt .mpy file: bad operand") }
                try need(1)
                arg = arg << 7 | Int(data[ip] & 0x7F)
            }
            ip += 1
        case 3:      // jump offset: 1 or 2 bytes, signed for some jumps
            try need(1)
            let signed = op == MpyOp.unwindJump || op == MpyOp.jump || op == MpyOp.popJumpIfTrue || op == MpyOp.popJumpIfFalse
            if data[ip] & 0x80 == 0 {
                arg = Int(data[ip]) - (signed ? 0x40 : 0)
                ip += 1
            } else {
                try need(2)
                arg = (Int(data[ip] & 0x7F) | Int(data[ip + 1]) << 7) - (signed ? 0x4000 : 0)
                ip += 2
            }
            arg += ip - start
        default:
            break
        }
        if op & 0x9E == 0 {
            try need(1)
            extra = Int(data[ip])
            ip += 1
        }
        out.append(MpyInsn(offset: at - start, length: ip - at, op: op, arg: arg, extra: extra))
    }
    return out
}
