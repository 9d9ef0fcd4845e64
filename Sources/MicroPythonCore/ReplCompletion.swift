// Tab completion for the REPL, as MicroPython's mp_repl_autocomplete: the "a.b.c" chain before
// the cursor is looked up from __main__ (globals, then builtins); the last part is completed
// against the attributes of the object found. One match or a longer common prefix is inserted;
// several matches are listed in 16-column slots, at most 64 columns a line. Names starting with
// "_" are left out unless the typed part is non-empty. After "import " the built-in modules are
// the candidates.

func replComplete(_ text: [UInt8]) -> ReplCompletion {
    // the start of the dotted name chain
    var start = text.count
    while start > 0 {
        let c = text[start - 1]
        let ident = c == 95 || c == 46 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c >= 0x80
        if !ident { break }
        start -= 1
    }
    let parts = text[start...].split(separator: 46, omittingEmptySubsequences: false).map { Array($0) }
    let prefix = parts.last ?? []
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }

    var candidates: [String]
    if text.starts(with: Array("import ".utf8)) {
        candidates = builtinModuleNames()
    } else {
        var obj = Obj.null              // null: the top level (__main__ globals and builtins)
        for word in parts.dropLast() {
            let name = String(decoding: word, as: UTF8.self)
            guard let next = lookUp(obj, name) else { return .none }
            obj = next
            _ = pushRoot(obj)
        }
        candidates = names(of: obj)
    }
    let p = String(decoding: prefix, as: UTF8.self)
    var matches = Set(candidates.filter { $0.utf8.starts(with: prefix) && (!prefix.isEmpty || !$0.hasPrefix("_")) })
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    if matches.isEmpty {
        // nothing better: the first word of the line may be the start of "import"
        if start == 0 && parts.count == 1 && !prefix.isEmpty && "import ".hasPrefix(p) && p.count < 7 {
            return .insert(Array("import ".utf8.dropFirst(prefix.count)))
        }
        return .none
    }
    var common = Array(matches[0].utf8)
    for m in matches.dropFirst() {
        let b = Array(m.utf8)
        var n = 0
        while n < common.count && n < b.count && common[n] == b[n] { n += 1 }
        common = Array(common[0..<n])
    }
    if matches.count == 1 || common.count > prefix.count {
        return .insert(Array(common[prefix.count...]))
    }
    matches = matches.filter { !$0.isEmpty }
    let slot = 16, maxLine = 64
    var out: [UInt8] = []
    var lineLen = maxLine                  // forces a newline before the first word
    for m in matches {
        let len = m.utf8.count
        var gap = (lineLen + slot - 1) / slot * slot - lineLen
        if gap < 2 { gap += slot }
        if lineLen + gap + len <= maxLine {
            out += [UInt8](repeating: 32, count: gap) + Array(m.utf8)
            lineLen += gap + len
        } else {
            out += [10] + Array(m.utf8)
            lineLen = len
        }
    }
    out.append(10)
    return .list(out)
}

/// Attribute `name` of `obj` (null: a global or builtin name), or nil; errors count as absent.
private func lookUp(_ obj: Obj, _ name: String) -> Obj? {
    let q = qobj(name)
    if obj.isNull {
        guard let main = try? Interpreter.mainModule() else { return nil }
        if let v = try? dictMap(moduleDict(main)).get(q) { return v }
        let b = dictMap(getRoot(.builtinsDict))
        if let i = b.findQstr(q) { return b.value(i) }
        return nil
    }
    do { return try loadAttrOpt(obj, q) } catch { return nil }
}

/// The names completion offers for `obj` (null: globals and builtins).
private func names(of obj: Obj) -> [String] {
    var out: [String] = []
    func addKeys(_ m: MapRef) {
        var i = 0
        while let j = m.next(from: i) {
            let k = m.key(j)
            if k.isQstr { out.append(qstrString(k.qstr)) } else if isStr(k) { out.append(swiftString(k)) }
            i = j + 1
        }
    }
    if obj.isNull {
        if let main = try? Interpreter.mainModule() { addKeys(dictMap(moduleDict(main))) }
        addKeys(dictMap(getRoot(.builtinsDict)))
        return out
    }
    guard let l = try? builtinDir(obj) else { return [] }
    _ = pushRoot(l)
    for i in 0..<listLen(l) {
        let k = listItems(l)[i]
        let name = k.isQstr ? qstrString(k.qstr) : (isStr(k) ? swiftString(k) : "")
        // only names that really resolve, as MicroPython tests each with a protected load
        if !name.isEmpty && lookUp(obj, name) != nil { out.append(name) }
    }
    return out
}
