import Glibc

// import: sys.modules, then built-in modules, then frozen modules, then .py files and packages
// along sys.path (or the parent package's __path__).

/// Built-in modules, created on first import.
nonisolated(unsafe) var builtinModuleMakers: [String: () throws -> Obj] = [:]
/// Frozen Python modules (from firmware/): name -> source.
nonisolated(unsafe) var frozenModules: [String: (source: [UInt8], isPackage: Bool)] = [:]
/// Aliases such as utime -> time.
nonisolated(unsafe) var moduleAliases: [String: String] = [
    // MicroPython still accepts the u-prefixed names of these modules
    "uasyncio": "asyncio", "uarray": "array", "uerrno": "errno", "uhashlib": "hashlib", "uheapq": "heapq",
    "urandom": "random", "usys": "sys", "umachine": "machine", "usocket": "socket",
]

/// Reads a host file for the runner's filesystem view; the board layer replaces it with its VFS.
nonisolated(unsafe) var readFileHook: (String) -> [UInt8]? = { path in
    switch try? vfsLookup(path) {
    case .mounted(let vfs, let sub)?: return vfsReadFile(vfs, sub)
    case .host?: return hostReadFile(path)
    default: return nil
    }
}
nonisolated(unsafe) var isDirHook: (String) -> Bool = { path in
    switch try? vfsLookup(path) {
    case .mounted(let vfs, let sub)?: return vfsIsDir(vfs, sub)
    case .host?: return hostIsDir(path)
    default: return false
    }
}

/// A whole file from a mounted filesystem object (open/read/close through its methods), nil on
/// any error: imports search sys.path entries such as /flash/lib on the board's VfsFat.
func vfsReadFile(_ vfs: Obj, _ sub: String) -> [UInt8]? {
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }
    do {
        let f = try callNamed(vfs, .openName, [try newStr(sub), qobj("rb")])
        _ = pushRoot(f)
        defer { _ = try? callMethodNamed(f, "close", []) }
        let data = try callMethodNamed(f, "read", [])
        guard isBytesLike(data) else { return nil }
        return Array(strBytes(data))
    } catch {
        return nil
    }
}

func vfsIsDir(_ vfs: Obj, _ sub: String) -> Bool {
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }
    guard let st = try? callNamed(vfs, .statName, [try newStr(sub)]), st.isType(.tuple), tupleLen(st) > 0 else { return false }
    let mode = tupleItems(st)[0]
    return mode.isSmallInt && mode.smallInt & 0xF000 == 0x4000
}

func readFileBytes(_ path: String) -> [UInt8]? { readFileHook(path) }

func hostReadFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    if fd < 0 { return nil }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 || (st.st_mode & S_IFMT) == S_IFDIR { return nil }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        if n < 0 { if errno == EINTR { continue }; return nil }
        if n == 0 { break }
        out.append(contentsOf: chunk[0..<n])
    }
    return out
}

func hostIsDir(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
}

func builtinModuleNames() -> [String] { Array(builtinModuleMakers.keys) }
func frozenModuleNames() -> [String] { Array(frozenModules.keys) }

func sysModulesMap() -> MapRef { dictMap(getRoot(.sysModules)) }

func importName(_ nameObj: Obj, fromlist: Obj, level: Int, globals: Obj) throws -> Obj {
    var name = swiftString(nameObj)
    if level > 0 {
        guard let pkgName = try packageName(globals) else { throw pyErr(.ImportError, "can't perform relative import") }
        var parts = pkgName.split(separator: ".").map(String.init)
        if level - 1 > parts.count || (parts.isEmpty) { throw pyErr(.ImportError, "can't perform relative import") }
        parts.removeLast(level - 1)
        let base = parts.joined(separator: ".")
        name = name.isEmpty ? base : base + "." + name
    }
    if name.isEmpty { throw valueError("Empty module name") }
    let parts = name.split(separator: ".").map(String.init)
    var top = Obj.null
    var leaf = Obj.null
    var parent = Obj.null
    var full = ""
    for (i, p) in parts.enumerated() {
        full = i == 0 ? p : full + "." + p
        let m = try importOne(full, shortName: p, parent: parent)
        if i == 0 { top = m }
        if !parent.isNull {
            try dictMap(moduleDict(parent)).set(qobj(p), m)
        }
        parent = m
        leaf = m
    }
    let hasFromlist = fromlist != .none && !fromlist.isNull && (!fromlist.isType(.tuple) || tupleLen(fromlist) > 0)
    if hasFromlist || level > 0 && parts.count == 0 { return leaf }
    return hasFromlist ? leaf : top
}

/// The package a module's relative imports start from.
func packageName(_ globals: Obj) throws -> String? {
    let m = dictMap(globals)
    if let p = try m.get(qobj(.__package__)), isStr(p) { return swiftString(p) }
    guard let n = try m.get(qobj(.__name__)), isStr(n) else { return nil }
    let name = swiftString(n)
    if try m.get(qobj(.__path__)) != nil { return name }
    guard let dot = name.lastIndex(of: ".") else { return "" }
    return String(name[..<dot])
}

func importOne(_ fullName: String, shortName: String, parent: Obj) throws -> Obj {
    let key = qobj(fullName)
    if let m = try sysModulesMap().get(key) { return m }
    var lookupName = fullName
    if let alias = moduleAliases[fullName] { lookupName = alias }
    if let make = builtinModuleMakers[lookupName] {
        let m = try make()
        try sysModulesMap().set(key, m)
        return m
    }
    if lookupName != fullName, frozenModules[fullName] == nil, frozenModules[lookupName] != nil {
        // `import uasyncio` is asyncio under another name: one module, so its relative imports work
        let m = try importOne(lookupName, shortName: lookupName, parent: .null)
        try sysModulesMap().set(key, m)
        return m
    }
    if let fz = frozenModules[fullName] ?? frozenModules[lookupName] {
        return try loadSourceModule(fullName, source: fz.source, file: ".frozen/" + fullName.replacingOccurrences(".", "/") + (fz.isPackage ? "/__init__.py" : ".py"),
                                    packageDir: fz.isPackage ? ".frozen/" + fullName : nil)
    }
    // search paths: the parent's __path__, else sys.path
    var dirs: [String] = []
    if !parent.isNull {
        if let p = try dictMap(moduleDict(parent)).get(qobj(.__path__)), isStr(p) { dirs = [swiftString(p)] }
    } else {
        let sp = getRoot(.sysPath)
        if sp.isType(.list) {
            for i in 0..<listLen(sp) where isStr(listItems(sp)[i]) { dirs.append(swiftString(listItems(sp)[i])) }
        }
    }
    for d in dirs {
        let base = d.isEmpty ? shortName : (d.hasSuffix("/") ? d + shortName : d + "/" + shortName)
        if d == ".frozen" { continue }
        if isDirHook(base) {
            let initPath = base + "/__init__.py"
            if readFileBytes(initPath) == nil, let mpy = readFileBytes(base + "/__init__.mpy") {
                return try loadMpy(fullName, data: mpy, file: base + "/__init__.mpy", packageDir: base)
            }
            let src = readFileBytes(initPath) ?? []
            return try loadSourceModule(fullName, source: src, file: initPath, packageDir: base)
        }
        if let src = readFileBytes(base + ".py") {
            return try loadSourceModule(fullName, source: src, file: base + ".py", packageDir: nil)
        }
        if let mpy = readFileBytes(base + ".mpy") {
            return try loadMpyModule(fullName, data: mpy, file: base + ".mpy")
        }
    }
    throw pyErr(.ImportError, "no module named '\(fullName)'")
}

func loadSourceModule(_ name: String, source: [UInt8], file: String, packageDir: String?) throws -> Obj {
    let m = try newModule(name: qobj(name))
    let keep = pushRoot(m)
    defer { popRoots(to: keep) }
    let d = dictMap(moduleDict(m))
    try d.set(qobj(.__file__), try newStr(file))
    if let pd = packageDir { try d.set(qobj(.__path__), try newStr(pd)) }
    try sysModulesMap().set(qobj(name), m)
    do {
        let code = try compileSource(source, filename: file, mode: .file)
        _ = pushRoot(code)
        _ = try runCode(code, globals: moduleDict(m))
    } catch {
        _ = try? sysModulesMap().remove(qobj(name))
        throw error
    }
    return m
}

/// .mpy files: MicroPython bytecode translated to ours (MpyTranslator.swift).
func loadMpyModule(_ name: String, data: [UInt8], file: String) throws -> Obj {
    try loadMpy(name, data: data, file: file)
}

func importFrom(_ module: Obj, _ name: Obj) throws -> Obj {
    let found: (Obj, Obj)?
    do {
        found = try findAttr(module, name)
    } catch {
        // a module __getattr__ saying "no such attribute" means the name cannot be imported
        if !isInstance(error.exc, .AttributeError) { throw error }
        found = nil
    }
    if let v = found {
        return v.1.isNull ? v.0 : try newBoundMethod(v.1, v.0)
    }
    if module.isType(.module), let mn = try dictMap(moduleDict(module)).get(qobj(.__name__)), isStr(mn),
       try dictMap(moduleDict(module)).get(qobj(.__path__)) != nil {
        let full = swiftString(mn) + "." + qstrString(name.qstr)
        let sub = try importOne(full, shortName: qstrString(name.qstr), parent: module)
        try dictMap(moduleDict(module)).set(name, sub)
        return sub
    }
    throw pyErr(.ImportError, "cannot import name \(qstrString(name.qstr))")
}

func importStar(_ module: Obj, into globals: Obj) throws {
    guard module.isType(.module) else { throw typeError("import * needs a module") }
    let d = moduleDict(module)
    let m = dictMap(d)
    if let all = try m.get(qobj(.__all__)) {
        let l = try iterateToList(all)
        let keep = pushRoot(l)
        defer { popRoots(to: keep) }
        for i in 0..<listLen(l) {
            let k = internStr(listItems(l)[i])
            try dictMap(globals).set(k, try loadAttr(module, k))
        }
        return
    }
    var i = 0
    while let j = m.next(from: i) {
        let k = m.key(j)
        if isStr(k), strBytes(k).first != UInt8(ascii: "_") { try dictMap(globals).set(k, m.value(j)) }
        i = j + 1
    }
}

extension String {
    func replacingOccurrences(_ a: Character, _ b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }
}

// MARK: defining built-in modules

enum ModuleEntry {
    case function(NativeSpec)
    case value(Obj)
    case type(TypeID)
}

/// Builds a module object in flash from a table of entries.
func makeRomModule(_ name: String, _ entries: [(String, ModuleEntry)]) -> Obj {
    let wasBuilding = buildingRom
    buildingRom = true
    defer { buildingRom = wasBuilding }
    let d = romDict()
    let a = romAllocRaw(bytes: 8)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = TypeID.module.addr
    w[1] = d.raw
    try! dictMap(d).set(qobj(.__name__), qobj(name))
    for (k, e) in entries {
        let v: Obj
        switch e {
        case .function(let spec): v = makeNative(spec)
        case .value(let o): v = o
        case .type(let t): v = t.obj
        }
        try! dictMap(d).set(qobj(k), v)
    }
    return Obj(raw: a)
}

/// Tables of modules built on first import, and the modules once built.
nonisolated(unsafe) var moduleTables: [String: () -> [(String, ModuleEntry)]] = [:]
nonisolated(unsafe) var romModuleCache: [String: Obj] = [:]

/// Entries other targets add to a module the core defines (os.VfsFat from the board layer).
nonisolated(unsafe) var moduleExtensions: [String: [() -> [(String, ModuleEntry)]]] = [:]

/// Registers a module built once, on first import, from a table.
func registerModule(_ name: String, _ entries: @escaping () -> [(String, ModuleEntry)]) {
    moduleTables[name] = entries
    builtinModuleMakers[name] = makeTableModule(name)
}

private func makeTableModule(_ name: String) -> () throws -> Obj {
    func make() throws -> Obj {
        if let m = romModuleCache[name] { return m }
        guard let table = moduleTables[name] else { throw pyErr(.ImportError, "no module named '\(name)'") }
        let m = makeRomModule(name, table() + (moduleExtensions[name] ?? []).flatMap { $0() })
        romModuleCache[name] = m
        return m
    }
    return make
}
