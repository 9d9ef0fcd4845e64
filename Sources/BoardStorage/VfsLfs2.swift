import MicroPythonCore

// vfs.VfsLfs2 (also os.VfsLfs2): littlefs v2 as a MicroPython filesystem object, as
// extmod/vfs_lfs.c has it: VfsLfs2(block_dev, readsize=32, progsize=32, lookahead=32, *,
// mtime=True) mounts at construction (OSError when there is no filesystem), the static
// mkfs(block_dev, readsize=32, progsize=32, lookahead=32) formats, and the VFS methods. Paths are
// taken relative to the object's current directory. The object is [type][volume id][block
// device]; the Swift side keeps the volume and the current directory in a table keyed by the id.

final class LfsSlot {
    let volume: LfsVolume
    /// The current directory, always ending with "/" ("/" at the root).
    var cwd = "/"
    init(_ v: LfsVolume) { volume = v }
    var isNative: Bool { volume.dev is NativeLfsDevice }
}

public enum VfsLfs2 {
    nonisolated(unsafe) static var type = Py.none
    nonisolated(unsafe) static var textFileType = Py.none
    nonisolated(unsafe) static var binaryFileType = Py.none
    nonisolated(unsafe) static var volumes: [Int: LfsSlot] = [:]
    nonisolated(unsafe) static var files: [Int: LfsFile] = [:]

    /// The engine's device for a block device object: host images and pyb.Flash ranges directly,
    /// anything else through its Python methods.
    static func device(for bdev: Obj) throws -> LfsDevice {
        if let d = HostTools.image(bdev) { return NativeLfsDevice(d) }
        if Py.isInstance(bdev, ObjFlash.type), Py.word(bdev, 0) == 1, let d = try ObjFlash.device(bdev) {
            return NativeLfsDevice(d)
        }
        return try PythonLfsDevice(bdev)
    }

    /// (block_dev, readsize=32, progsize=32, lookahead=32, *, mtime=True), as mp_arg_parse_all.
    static func arguments(_ a: PyArgs) throws -> (bdev: Obj, cfg: LfsConfig, mtime: Bool) {
        let names = ["readsize", "progsize", "lookahead"]
        guard a.count <= 4 else { throw Py.error(.TypeError, "function takes 4 positional arguments but \(a.count) were given") }
        guard let bdev = a.arg(0, "block_dev") else { throw Py.error(.TypeError, "function missing 1 required positional arguments") }
        for k in a.keywordNames where !names.contains(k) && k != "mtime" {
            throw Py.error(.TypeError, "unexpected keyword argument '\(k)'")
        }
        var values = [32, 32, 32]
        for i in 0..<3 { if let v = a.arg(i + 1, names[i]) { values[i] = try Py.toInt(v) } }
        let mtime = try a.kw("mtime").map { try Py.truthy($0) } ?? true
        return (bdev, LfsConfig(readSize: values[0], progSize: values[1], lookahead: values[2]), mtime)
    }

    static func make(_ a: PyArgs) throws -> Obj {
        let (bdev, cfg, mtime) = try arguments(a)
        let dev = try device(for: bdev)
        let vol = try VfsFat.fs { try LfsVolume(dev: dev, cfg: cfg) }
        vol.mtime = mtime
        let o = try Py.newObject(type, words: 2)
        let id = VfsFat.nextID
        VfsFat.nextID += 1
        volumes[id] = LfsSlot(vol)
        Py.setWord(o, 0, UInt32(id))
        Py.setSlot(o, 1, bdev)
        return o
    }

    /// vfs.mount's auto-detection of a block device (extmod/vfs.c): "littlefs" at byte 8 of
    /// block 0, read with the extended protocol, makes a VfsLfs2; nil (try FAT) otherwise or when
    /// anything fails on the way.
    static func detect(_ bdev: Obj) -> Obj? {
        do {
            let dev = try device(for: bdev)
            guard try dev.read(0, 8, 8) == Lfs.magic else { return nil }
            return try Py.withRoots([bdev]) { try Py.call(type, [bdev]) }
        } catch {
            return nil
        }
    }

    static func slot(_ o: Obj) throws -> LfsSlot {
        try Py.expect(o, type)
        guard let s = volumes[Int(Py.word(o, 0))] else { throw Py.osError(19) }
        return s
    }

    /// A path argument's bytes (str or bytes).
    static func pathBytes(_ o: Obj) throws -> [UInt8] {
        if Py.isStr(o) { return Array(try Py.toString(o).utf8) }
        guard Py.typeName(o) == "bytes" else { throw Py.error(.TypeError, "can't convert '\(Py.typeName(o))' object to str implicitly") }
        return try Py.readBuffer(o)
    }

    /// MicroPython's make_path: absolute paths as they are, others after the current directory.
    static func makePath(_ s: LfsSlot, _ o: Obj) throws -> [UInt8] {
        let p = try pathBytes(o)
        return p.first == UInt8(ascii: "/") ? p : Array(s.cwd.utf8) + p
    }

    /// Runs a volume operation, raising OSError for its errors.
    static func run<T>(_ s: LfsSlot, _ body: (LfsVolume) throws -> T) throws -> T {
        try VfsFat.fs { try s.volume.operation { try body(s.volume) } }
    }

    /// Seconds since Storage.epochYear of an 8-byte 't' attribute (ns since 1970), 0 without one.
    static func mtimeSeconds(_ t: [UInt8]?) -> Int {
        guard let t = t, t.count == 8 else { return 0 }
        var ns: UInt64 = 0
        for b in t.reversed() { ns = ns << 8 | UInt64(b) }
        var offset = 0
        for y in 1970..<Storage.epochYear {
            offset += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 366 : 365) * 86400
        }
        return Int(ns / 1_000_000_000) - offset
    }

    static func makeTypes() {
        type = Py.makeType("VfsLfs2", methods: [
            .staticMethod("mkfs", 1, 4, kw: true) { a in
                let (bdev, cfg, _) = try arguments(a)
                let dev = try device(for: bdev)
                try VfsFat.fs { try LfsVolume.format(dev, cfg) }
                return Py.none
            },
            .method("mount", 3) { a in
                let s = try slot(a[0])
                if try Py.truthy(a[1]) { s.volume.dev.readOnly = true }
                return Py.none
            },
            .method("umount", 1) { a in
                let s = try slot(a[0])
                try VfsFat.fs { try s.volume.dev.sync() }
                return Py.none
            },
            .method("open", 3) { a in try openFile(a[0], a[1], try Py.toString(a[2])) },
            .method("ilistdir", 1, 2) { a in
                let s = try slot(a[0])
                let path = a.count > 1 ? try makePath(s, a[1]) : Array(s.cwd.utf8)
                let wantBytes = a.count > 1 && !Py.isStr(a[1])
                let list = try run(s) { try $0.list(path) }
                let l = try VfsFat.buildList(list.count) { i in
                    let e = list[i]
                    let name = wantBytes ? try Py.bytes(e.name) : try Py.str(String(decoding: e.name, as: UTF8.self))
                    return try Py.withRoots([name]) {
                        try Py.tuple([name, try Py.int(e.isDir ? 0x4000 : 0x8000), try Py.int(0), try Py.int(e.size)])
                    }
                }
                return try Py.withRoots([l]) { try Py.iter(l) }
            },
            .method("mkdir", 2) { a in
                let s = try slot(a[0]); let p = try makePath(s, a[1])
                try run(s) { try $0.mkdir(p) }
                return Py.none
            },
            .method("rmdir", 2) { a in
                let s = try slot(a[0]); let p = try makePath(s, a[1])
                try run(s) { try $0.remove(p) }
                return Py.none
            },
            .method("remove", 2) { a in
                let s = try slot(a[0]); let p = try makePath(s, a[1])
                try run(s) { try $0.remove(p) }
                return Py.none
            },
            .method("rename", 3) { a in
                let s = try slot(a[0])
                let from = try makePath(s, a[1])
                let to = try makePath(s, a[2])
                try run(s) { try $0.rename(from, to) }
                return Py.none
            },
            .method("chdir", 2) { a in try chdir(try slot(a[0]), a[1]); return Py.none },
            .method("getcwd", 1) { a in
                let s = try slot(a[0])
                return try Py.str(s.cwd == "/" ? "/" : String(s.cwd.dropLast()))
            },
            .method("stat", 2) { a in
                let s = try slot(a[0])
                let p = try makePath(s, a[1])
                let st = try run(s) { try $0.stat(p) }
                let t = try Py.int(mtimeSeconds(st.mtime))
                let size = try Py.int(st.size)
                return try Py.withRoots([t, size]) {
                    try Py.tuple([try Py.int(st.isDir ? 0x4000 : 0x8000), try Py.int(0), try Py.int(0), try Py.int(0),
                                  try Py.int(0), try Py.int(0), size, t, t, t])
                }
            },
            .method("statvfs", 2) { a in
                let s = try slot(a[0])
                let used = try run(s) { try $0.usedBlocks() }
                let v = s.volume
                // directories count twice, so a tree of many directories on few blocks could
                // count more than there are (MicroPython's unsigned subtraction would wrap)
                let free = max(0, v.blockCount - used)
                return try Py.tuple([try Py.int(v.blockSize), try Py.int(v.blockSize), try Py.int(v.blockCount),
                                     try Py.int(free), try Py.int(free), try Py.int(0), try Py.int(0), try Py.int(0),
                                     try Py.int(0), try Py.int(Lfs.nameMax)])
            },
        ], make: { a in try make(a) })
        var fileMethods = VfsFileObject.methods(VfsFileAccess(file: { try file($0) }, close: { try closeFile($0) }, strictWrite: false))
        fileMethods.append(.method("__repr__", 1) { a in
            try Py.str("<io.\(VfsFileObject.isBinary(a[0]) ? "FileIO" : "TextIOWrapper")>")
        })
        textFileType = Py.makeType("TextIOWrapper", methods: fileMethods)
        binaryFileType = Py.makeType("FileIO", methods: fileMethods)
    }

    /// chdir as vfs_lfs's: the target must be a directory (ENOENT otherwise); the new current
    /// directory has its "." and ".." resolved and repeated slashes squeezed.
    static func chdir(_ s: LfsSlot, _ pathObj: Obj) throws {
        let p = try makePath(s, pathObj)
        if p.count > 1 {
            let st = try? run(s) { try $0.stat(p) }
            guard let isDir = st?.isDir, isDir else { throw Py.osError(2) }
        }
        var parts: [String] = []
        for c in LfsVolume.components(p) { parts.append(String(decoding: c, as: UTF8.self)) }
        s.cwd = parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    // MARK: files

    /// open(path, mode) with MicroPython's reading of the mode: one of r w x a, '+' for both
    /// directions, 'b'/'t'; two of r w x a is ValueError, other letters are ignored.
    static func openFile(_ vfsObj: Obj, _ pathObj: Obj, _ mode: String) throws -> Obj {
        let s = try slot(vfsObj)
        var flags = LfsOpenFlags()
        var chosen = false
        var plus = false
        var binary = false
        for c in mode {
            var f: LfsOpenFlags? = nil
            switch c {
            case "r": f = LfsOpenFlags(read: true)
            case "w": f = LfsOpenFlags(write: true, create: true, truncate: true)
            case "x": f = LfsOpenFlags(write: true, create: true, exclusive: true)
            case "a": f = LfsOpenFlags(write: true, create: true, append: true)
            case "+": plus = true
            case "b": binary = true
            case "t": binary = false
            default: break
            }
            if let f = f {
                if chosen || plus { throw Py.error(.ValueError) }
                flags = f
                chosen = true
            }
        }
        if !chosen { flags.read = true }
        if plus { flags.read = true; flags.write = true }
        let path = try makePath(s, pathObj)
        let f = try run(s) { try LfsFile.open($0, path, flags) }
        let id = VfsFat.nextID
        let o: Obj
        do {
            o = try VfsFileObject.make(binary ? binaryFileType : textFileType, id: id, fs: vfsObj, binary: binary)
        } catch {
            try? f.close()
            throw error
        }
        VfsFat.nextID += 1
        files[id] = f
        return o
    }

    static func file(_ o: Obj) throws -> LfsFile {
        guard Py.isInstance(o, textFileType) || Py.isInstance(o, binaryFileType) else { throw Py.error(.TypeError, "argument has wrong type") }
        guard let f = files[Int(Py.word(o, 0))], !f.closed else { throw Py.error(.ValueError) }
        return f
    }

    static func closeFile(_ o: Obj) throws {
        guard Py.isInstance(o, textFileType) || Py.isInstance(o, binaryFileType) else { throw Py.error(.TypeError, "argument has wrong type") }
        let id = Int(Py.word(o, 0))
        guard let f = files[id] else { return }
        files[id] = nil
        try VfsFat.fs { try f.vol.operation { try f.close() } }
    }
}
