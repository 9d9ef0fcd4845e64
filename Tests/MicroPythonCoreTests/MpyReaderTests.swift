import Testing
@testable import MicroPythonCore

// The .mpy reader on hand-made files: header checks, tables, preludes, line tables, operands.

private func header(version: UInt8 = 6, flags: UInt8 = 0, bits: UInt8 = 31) -> [UInt8] {
    [UInt8(ascii: "M"), version, flags, bits]
}

/// A module "m.py" whose code is `LOAD_CONST_NONE; RETURN_VALUE`.
private func minimalModule() -> [UInt8] {
    var b = header()
    b += [2, 0]                                        // 2 qstrs, 0 constants
    b += [4 << 1] + Array("m.py".utf8) + [0]           // qstr 0: the source file
    b += [7 << 1 | 1]                                  // qstr 1: static qstr 7, "<module>"
    let code: [UInt8] = [0x00, 0x02, 0x01, 0x51, 0x63] // prelude sig, sizes (1 info byte), name, code
    b += [UInt8(code.count << 3)] + code
    return b
}

private func message(_ bytes: [UInt8]) -> String {
    do {
        _ = try readMpyFile(bytes)
        return "ok"
    } catch let e as MpyError {
        return e.message
    } catch {
        return "\(error)"
    }
}

@Test func mpyHeaderChecks() {
    #expect(message(minimalModule()) == "ok")
    var v = minimalModule(); v[1] = 5
    #expect(message(v) == "incompatible .mpy file")
    var bits = minimalModule(); bits[3] = 63
    #expect(message(bits) == "incompatible .mpy file")
    var arch = minimalModule(); arch[2] = 2 << 2 | 3
    #expect(message(arch) == "incompatible .mpy arch")
    #expect(message(Array(minimalModule().prefix(3))) == "incompatible .mpy file")
    for n in 4..<minimalModule().count {
        #expect(message(Array(minimalModule().prefix(n))) != "ok")
    }
}

@Test func mpyTablesAndPrelude() throws {
    let f = try readMpyFile(minimalModule())
    #expect(f.qstrs == ["m.py", "<module>"])
    let p = try readMpyPrelude(f.root.data, qstrCount: f.qstrs.count)
    #expect(p.nState == 1 && p.nPosArgs == 0 && p.names == [1])
    let insns = try decodeMpyCode(f.root.data, from: p.codeStart)
    #expect(insns.map { $0.op } == [MpyOp.loadConstNone, MpyOp.returnValue])
}

@Test func mpyLineTable() {
    // each entry skips B bytes, then adds L lines: (3, 0), (4, 2) in 0b0LLBBBBB, (1, 300) in two bytes
    let info: [UInt8] = [0x03, 0x44, 0x80 | 0x10 | 1, 0x2C]
    #expect(mpyLine(info[...], offset: 0) == 1)
    #expect(mpyLine(info[...], offset: 6) == 1)
    #expect(mpyLine(info[...], offset: 7) == 3)
    #expect(mpyLine(info[...], offset: 8) == 303)
}

@Test func mpyOperands() throws {
    // LOAD_CONST_SMALL_INT -1 (one byte, sign bit 0x40); JUMP back to 0 (signed 1-byte offset)
    let code: [UInt8] = [0x22, 0x7F, 0x42, 0x40 - 4]
    let insns = try decodeMpyCode(code, from: 0)
    #expect(insns[0].arg == -1)
    #expect(insns[1].arg == 0)
    #expect(throws: MpyError.self) { try decodeMpyCode([0x22, 0x80], from: 0) }
}
