// A readable listing of compiled code, for debugging the compiler (microboard -X dis FILE).

func disassemble(_ u: CodeUnit, indent: String = "") -> String {
    var out = "\(indent)code \(u.name) args=\(u.argcount) locals=\(u.nlocals) stack=\(u.stackSize) flags=\(u.flags) cells=\(u.cellSlots) free=\(u.nfree)\n"
    var ip = 0
    while ip < u.words.count {
        let w = u.words[ip]
        let op = Op(rawValue: UInt8(truncatingIfNeeded: w))
        let arg = Int(w >> 8)
        var line = "\(indent)  \(ip): \(op.map { "\($0)" } ?? "?\(w & 0xFF)") \(arg)"
        let extra = op?.extraWords ?? 0
        for k in 0..<extra where ip + 1 + k < u.words.count { line += " [\(u.words[ip + 1 + k])]" }
        out += line + "\n"
        ip += 1 + extra
    }
    for e in u.excTable { out += "\(indent)  handler [\(e.0), \(e.1)) -> \(e.2) depth \(e.3)\n" }
    for c in u.consts { if case .code(let child) = c { out += disassemble(child, indent: indent + "  ") } }
    return out
}

public func disassembleSource(_ src: [UInt8], filename: String) -> String {
    do {
        let body = try parseModule(src)
        let u = try compileAST(body, ctx: CompileContext(filename: filename, mode: .file))
        return disassemble(u)
    } catch {
        return "error: \(error)\n"
    }
}
