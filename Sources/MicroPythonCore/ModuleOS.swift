import Glibc

// os and vfs: a mount table of filesystem objects, as MicroPython's extmod/vfs.c.
// A filesystem is any object with the VFS methods (open, ilistdir, stat, statvfs, mkdir, rmdir,
// remove, rename, chdir, getcwd, mount, umount), so Python-defined filesystems mount too.
// Paths under no mount point go to the host (the host runner's view, like the unix port);
// a board turns that fallback off (`vfsHostFallback`): then its root is virtual, as
// extmod/vfs.c's: "/" lists the mount points, other paths under no mount point are ENODEV.
//
// Mount table: a list of (path, vfs) tuples in the vfsMounts root; the current mount in vfsCurrent.

enum ModuleOS {
    static func register() {
        VfsPosix.register()
        let table: () -> [(String, ModuleEntry)] = {
            [
                ("sep", .value(qobj("/"))),
                ("listdir", .function(fn("listdir", 0, 1) { a in try osListdir(a.count > 0 ? a[0] : qobj(".")) })),
                ("ilistdir", .function(fn("ilistdir", 0, 1) { a in try vfsCall(a.count > 0 ? a[0] : qobj("."), .ilistdirName) })),
                ("stat", .function(fn("stat", 1) { a in try vfsCall(a[0], .statName) })),
                ("statvfs", .function(fn("statvfs", 1) { a in try vfsCall(a[0], .statvfsName) })),
                ("mkdir", .function(fn("mkdir", 1) { a in try vfsCall(a[0], .mkdirName) })),
                ("rmdir", .function(fn("rmdir", 1) { a in try vfsCall(a[0], .rmdirName) })),
                ("remove", .function(fn("remove", 1) { a in try vfsCall(a[0], .removeName) })),
                ("unlink", .function(fn("unlink", 1) { a in try vfsCall(a[0], .removeName) })),
                ("rename", .function(fn("rename", 2) { a in try osRename(a[0], a[1]) })),
                ("chdir", .function(fn("chdir", 1) { a in try osChdir(a[0]) })),
                ("getcwd", .function(fn("getcwd", 0) { _ in try osGetcwd() })),
                ("sync", .function(fn("sync", 0) { _ in try osSync(); return .none })),
                ("urandom", .function(fn("urandom", 1) { a in try newBytes(randomBytes(try intToInt(a[0]))) })),
                ("uname", .function(fn("uname", 0) { _ in try osUname() })),
                ("mount", .function(fn("mount", 2, 2, kw: true) { a in try vfsMount(a[0], a[1], readonly: a.kw("readonly")) })),
                ("umount", .function(fn("umount", 1) { a in try vfsUmount(a[0]) })),
                ("getenv", .function(fn("getenv", 1, 2) { a in
                    if let v = Glibc.getenv(swiftString(try strArg(a[0]))) { return try newStr(String(cString: v)) }
                    return a.count > 1 ? a[1] : .none
                })),
                ("VfsPosix", .value(VfsPosix.type)),
                ("dupterm", .function(fn("dupterm", 0, 2) { a in try Dupterm.set(a) })),
                ("dupterm_notify", .function(fn("dupterm_notify", 1) { _ in Dupterm.notify(); return .none })),
            ]
        }
        registerModule("os", table)
        moduleAliases["uos"] = "os"
        registerModule("vfs") {
            [
                ("mount", .function(fn("mount", 2, 2, kw: true) { a in try vfsMount(a[0], a[1], readonly: a.kw("readonly")) })),
                ("umount", .function(fn("umount", 1) { a in try vfsUmount(a[0]) })),
                ("VfsPosix", .value(VfsPosix.type)),
            ]
        }
    }
}

/// VFS method names.
enum VfsMethod: String {
    case ilistdirName = "ilistdir", statName = "stat", statvfsName = "statvfs", mkdirName = "mkdir"
    case rmdirName = "rmdir", removeName = "remove", renameName = "rename", chdirName = "chdir", getcwdName = "getcwd"
    case openName = "open"
}

/// obj.name(*argv) by method name.
func callNamed(_ o: Obj, _ name: VfsMethod, _ argv: [Obj]) throws -> Obj {
    let n = qobj(name.rawValue)
    guard let found = try findAttr(o, n) else { throw attrError(o, n) }
    let v = found.0, s = found.1
    if !s.isNull { return try callObjectArgs(v, [s] + argv, stackTop: rt.pointee.vmStackTop) }
    return try callObjectArgs(v, argv, stackTop: rt.pointee.vmStackTop)
}

// MARK: mount table

func mountList() throws -> Obj {
    var l = getRoot(.vfsMounts)
    if !l.isType(.list) {
        l = try newList(count: 0)
        setRoot(.vfsMounts, l)
    }
    return l
}

/// The filesystem serving `path` and the path inside it; nil: the host fallback.
func vfsResolve(_ path: String) throws -> (Obj, String)? {
    let l = try mountList()
    var abs = path
    if !abs.hasPrefix("/") {
        guard getRoot(.vfsCurrent).isType(.tuple) else { return nil }   // relative path on the host
        let base = swiftString(try osGetcwd())
        abs = VfsPosix.normalise((base == "/" ? "" : base) + "/" + path)
    }
    var best: (Obj, String, Int)? = nil
    for i in 0..<listLen(l) {
        let entry = listItems(l)[i]
        let mp = swiftString(tupleItems(entry)[0])
        if abs == mp || abs.hasPrefix(mp == "/" ? "/" : mp + "/") {
            if best == nil || mp.count > best!.2 {
                let rest = mp == "/" ? abs : String(abs.dropFirst(mp.count))
                best = (tupleItems(entry)[1], rest.isEmpty ? "/" : rest, mp.count)
            }
        }
    }
    if let b = best { return (b.0, b.1) }
    return nil
}

/// False on a board: no host filesystem behind the mount table (see the top of this file).
nonisolated(unsafe) var vfsHostFallback = true

/// Where a path leads: a mounted filesystem, the board's virtual root, nowhere, or the host.
enum VfsTarget {
    case mounted(Obj, String)
    case root
    case none
    case host
}

/// mp_vfs_lookup_path: on a board, "/" (and, while the current directory is the root, relative
/// paths) is the virtual root; relative paths there are looked up as absolute ones first.
func vfsLookup(_ path: String) throws -> VfsTarget {
    if let (vfs, sub) = try vfsResolve(path) { return .mounted(vfs, sub) }
    if vfsHostFallback { return .host }
    if path.hasPrefix("/") { return path == "/" ? .root : .none }
    if path.isEmpty { return .root }
    if let (vfs, sub) = try vfsResolve("/" + path) { return .mounted(vfs, sub) }
    return .root
}

/// The errors of extmod/vfs.c's proxy call: no mount point (ENODEV), the virtual root (EPERM).
func vfsTargetError(_ t: VfsTarget) -> Error {
    if case .root = t { return osError(EPERM) }
    return osError(ENODEV)
}

/// Calls method `name` of the filesystem serving `pathObj` with the path inside it.
func vfsCall(_ pathObj: Obj, _ name: VfsMethod, _ extra: [Obj] = []) throws -> Obj {
    let path = swiftString(try strArg(pathObj))
    switch try vfsLookup(path) {
    case .mounted(let vfs, let sub): return try callNamed(vfs, name, [try newStr(sub)] + extra)
    case .host: return try callNamed(VfsPosix.host, name, [pathObj] + extra)
    case .root where name == .ilistdirName: return try vfsRootListing()
    case .root where name == .statName:
        return try newTuple([Obj(small: 0x4000)] + Array(repeating: Obj(small: 0), count: 9))
    case let t: throw vfsTargetError(t)
    }
}

/// ilistdir("/") of the virtual root: (name, S_IFDIR, 0) for each mount point, in mount order.
func vfsRootListing() throws -> Obj {
    let l = try mountList()
    let out = try newList(count: 0)
    let keep = pushRoot(out)
    defer { popRoots(to: keep) }
    for i in 0..<listLen(l) {
        let mp = swiftString(tupleItems(listItems(l)[i])[0])
        if mp == "/" { continue }
        try listAppend(out, try newTuple([try newStr(String(mp.dropFirst())), Obj(small: 0x4000), Obj(small: 0)]))
    }
    return try getIter(out)
}

/// Makes a filesystem object of a block device given to mount (the board's FAT auto-detection).
nonisolated(unsafe) var vfsAutodetectHook: ((Obj) throws -> Obj)? = nil
/// Extra work for os.sync() (the board's block-device caches).
nonisolated(unsafe) var osSyncHook: (([Obj]) throws -> Void)? = nil

func vfsMount(_ vfsIn: Obj, _ pathObj: Obj, readonly: Obj?) throws -> Obj {
    var vfs = vfsIn
    if try loadAttrOpt(vfs, qobj("mount")) == nil, let detect = vfsAutodetectHook {
        vfs = try detect(vfs)
    }
    let keepVfs = pushRoot(vfs)
    defer { popRoots(to: keepVfs) }
    var path = swiftString(try strArg(pathObj))
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    let l = try mountList()
    for i in 0..<listLen(l) where swiftString(tupleItems(listItems(l)[i])[0]) == path {
        throw osError(EPERM)
    }
    let ro = try readonly.map { x in try pyTruthy(x) } ?? false
    if let m = try loadAttrOpt(vfs, qobj("mount")) {
        _ = try callObjectArgs(m, [.bool(ro), .false], stackTop: rt.pointee.vmStackTop)
    }
    let entry = try newTuple([try newStr(path), vfs])
    try listAppend(l, entry)
    if path == "/" && !getRoot(.vfsCurrent).isType(.tuple) { setRoot(.vfsCurrent, try newTuple([qobj("/"), vfs])) }
    return .none
}

func vfsUmount(_ target: Obj) throws -> Obj {
    let l = try mountList()
    for i in 0..<listLen(l) {
        let entry = listItems(l)[i]
        let matches = isStr(target) ? swiftString(tupleItems(entry)[0]) == swiftString(target) : tupleItems(entry)[1] == target
        if matches {
            if let u = try loadAttrOpt(tupleItems(entry)[1], qobj("umount")) {
                _ = try callObjectArgs(u, [], stackTop: rt.pointee.vmStackTop)
            }
            listRemoveAt(l, i)
            let cur = getRoot(.vfsCurrent)
            if cur.isType(.tuple) && tupleItems(cur)[1] == tupleItems(entry)[1] { setRoot(.vfsCurrent, .none) }
            return .none
        }
    }
    throw osError(EINVAL)
}

func osListdir(_ path: Obj) throws -> Obj {
    let it = try vfsCall(path, .ilistdirName)
    let l = try newList(count: 0)
    let keep = pushRoot(l)
    _ = pushRoot(it)
    defer { popRoots(to: keep) }
    let iter = try getIter(it)
    _ = pushRoot(iter)
    while true {
        let e = try iterNext(iter)
        if e == .stopIteration { return l }
        try listAppend(l, e.isType(.tuple) ? tupleItems(e)[0] : e)
    }
}

func osRename(_ a: Obj, _ b: Obj) throws -> Obj {
    let pa = swiftString(try strArg(a)), pb = swiftString(try strArg(b))
    switch (try vfsLookup(pa), try vfsLookup(pb)) {
    case (.mounted(let va, let sa), .mounted(let vb, let sb)):
        guard va == vb else { throw osError(EXDEV) }
        return try callNamed(va, .renameName, [try newStr(sa), try newStr(sb)])
    case (.host, .host): return try callNamed(VfsPosix.host, .renameName, [a, b])
    case (.mounted, .host), (.host, .mounted): throw osError(EXDEV)
    case (.mounted, let t), (let t, _): throw vfsTargetError(t)
    }
}

func osChdir(_ p: Obj) throws -> Obj {
    let path = swiftString(try strArg(p))
    switch try vfsLookup(path) {
    case .mounted(let vfs, let sub):
        _ = try callNamed(vfs, .chdirName, [try newStr(sub)])
        // remember the mount point of the new current filesystem
        let l = try mountList()
        for i in 0..<listLen(l) where tupleItems(listItems(l)[i])[1] == vfs {
            setRoot(.vfsCurrent, try newTuple([tupleItems(listItems(l)[i])[0], vfs]))
        }
        return .none
    case .host:
        setRoot(.vfsCurrent, .none)
        return try callNamed(VfsPosix.host, .chdirName, [p])
    case .root:
        // the board's root: relative paths now start there
        setRoot(.vfsCurrent, .none)
        return .none
    case .none: throw osError(ENODEV)
    }
}

func osGetcwd() throws -> Obj {
    let cur = getRoot(.vfsCurrent)
    if cur.isType(.tuple) {
        let mp = swiftString(tupleItems(cur)[0])
        let sub = swiftString(try callNamed(tupleItems(cur)[1], .getcwdName, []))
        if mp == "/" { return try newStr(sub) }
        return try newStr(sub == "/" ? mp : mp + sub)
    }
    if !vfsHostFallback { return qobj("/") }
    return try callNamed(VfsPosix.host, .getcwdName, [])
}

func osSync() throws {
    let l = try mountList()
    var mounted: [Obj] = []
    for i in 0..<listLen(l) {
        let vfs = tupleItems(listItems(l)[i])[1]
        mounted.append(vfs)
        if let s = try loadAttrOpt(vfs, qobj("sync")) { _ = try callObjectArgs(s, [], stackTop: rt.pointee.vmStackTop) }
    }
    try osSyncHook?(mounted)
    Glibc.sync()
}

func osUname() throws -> Obj {
    var u = utsname()
    Glibc.uname(&u)
    func field<T>(_ t: T) -> String {
        withUnsafeBytes(of: t) { b in String(decoding: b.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
    let version = "\(portInfo.versionString) on \(portInfo.buildDate)"
    var values = [field(u.sysname), field(u.nodename), field(u.release), version, field(u.machine)]
    // a board names itself: ('pyboard', 'pyboard', '1.28.0', version, 'PYBv1.1 with STM32F405RG')
    if let sys = portInfo.sysname {
        let release = portInfo.versionString.hasPrefix("v") ? String(portInfo.versionString.dropFirst()) : portInfo.versionString
        values = [sys, sys, release, version, portInfo.machine]
    }
    return try newAttrTuple(["sysname", "nodename", "release", "version", "machine"], values.map { s in (try? newStr(s)) ?? .none })
}

/// Random bytes from the host (the board's deterministic mode replaces this).
nonisolated(unsafe) var randomBytesHook: ((Int) -> [UInt8])? = nil

func randomBytes(_ n: Int) throws -> [UInt8] {
    if n < 0 { throw valueError("negative count") }
    // the result must fit the Python heap: refuse before allocating it on the host
    if n > rt.pointee.blockCount * blockBytes { throw pyErr(.MemoryError) }
    if let h = randomBytesHook { return h(n) }
    var out = [UInt8](repeating: 0, count: n)
    let fd = Glibc.open("/dev/urandom", O_RDONLY)
    if fd >= 0 {
        _ = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, n) }
        Glibc.close(fd)
    }
    return out
}

/// A tuple whose items are also reachable by name (os.uname(), sys.implementation-like results).
func newAttrTuple(_ names: [String], _ values: [Obj]) throws -> Obj {
    let mark = rt.pointee.vmStackTop
    defer { popRoots(to: mark) }
    for v in values { _ = pushRoot(v) }
    let t = try newTuple(values)
    _ = pushRoot(t)
    let d = try newDict()
    _ = pushRoot(d)
    for (n, v) in zip(names, values) { try dictMap(d).set(qobj(n), v) }
    let cls = try newClass(name: qobj("uname_result"), bases: [TypeID.tuple.obj], dict: d)
    _ = pushRoot(cls)
    let o = try allocObj(cls.raw, words: 5)
    o.setO(4, t)
    return o
}
