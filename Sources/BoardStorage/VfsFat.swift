import Glibc
import MicroPythonCore

// vfs.VfsFat (also os.VfsFat): the FAT engine as a MicroPython filesystem object, mountable with
// vfs.mount, and its file objects (io.TextIOWrapper / io.FileIO as MicroPython names them).
// A VfsFat object is [type][volume id][block device object]; a file is [type][file id][VfsFat]
// [flags: 1 = binary]. The Swift side keeps the engine objects in tables keyed by those ids.

final class VolumeSlot {
    let device: BlockDevice
    var volume: FatVolume?
    /// On a Swift device (flash, SD, host image), not a Python object that may since have been
    /// collected: only these are flushed without a live VfsFat object in hand.
    var isNative: Bool { !(device is PythonBlockDevice) }
    init(device: BlockDevice, volume: FatVolume?) {
        self.device = device
        self.volume = volume
    }
}

public enum VfsFat {
    nonisolated(unsafe) static var type = Py.none
    nonisolated(unsafe) static var textFileType = Py.none
    nonisolated(unsafe) static var binaryFileType = Py.none
    nonisolated(unsafe) static var volumes: [Int: VolumeSlot] = [:]
    nonisolated(unsafe) static var files: [Int: FatFile] = [:]
    nonisolated(unsafe) static var nextID = 1

    /// Runs an engine operation, raising OSError(errno) for its errors.
    public static func fs<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FsError { throw Py.osError(e.code) }
    }

    // MARK: block devices

    /// The Swift device behind a Python block device object (native Flash/SDCard objects directly).
    static func device(for bdev: Obj) throws -> BlockDevice {
        if let d = try ObjFlash.device(bdev) { return d }
        if let d = try ObjSDCard.device(bdev) { return d }
        if let d = HostTools.image(bdev) { return d }
        return try PythonBlockDevice(bdev)
    }

    /// VfsFat(bdev): mounts when the device holds a FAT volume; a device without one is accepted
    /// (mount(mkfs=True) or mkfs() may format it), as MicroPython's VfsFat does.
    static func make(_ bdev: Obj) throws -> Obj {
        let dev = try device(for: bdev)
        var vol: FatVolume? = nil
        do { vol = try FatVolume(dev: dev) } catch let e as FsError where e.code == ENODEV {
            vol = nil
        } catch let e as FsError { throw Py.osError(e.code) }
        let o = try Py.newObject(type, words: 2)
        let id = nextID
        nextID += 1
        volumes[id] = VolumeSlot(device: dev, volume: vol)
        Py.setWord(o, 0, UInt32(id))
        Py.setSlot(o, 1, bdev)
        return o
    }

    static func slot(_ o: Obj) throws -> VolumeSlot {
        try Py.expect(o, type)
        guard let s = volumes[Int(Py.word(o, 0))] else { throw Py.osError(ENODEV) }
        return s
    }

    static func volume(_ o: Obj) throws -> FatVolume {
        guard let v = try slot(o).volume else { throw Py.osError(ENODEV) }
        return v
    }

    /// VfsFat.mkfs's layout: FAT12/16 without a partition table, else FAT32.
    static func format(_ dev: BlockDevice) throws {
        do {
            try FatFormat.mkfs(dev)
        } catch let e as FsError where e.code == EIO {
            var opt = FatFormat.Options()
            opt.allowFAT16 = false
            opt.allowFAT32 = true
            try FatFormat.mkfs(dev, opt)
        }
    }

    // MARK: the VfsFat type

    static func path(_ a: PyArgs, _ i: Int) throws -> String {
        guard let p = a.arg(i, "path") else { return "" }
        return try Py.toString(p)
    }

    static func statTuple(isDir: Bool, size: Int, time: UInt16, date: UInt16) throws -> Obj {
        let secs = fatSeconds(time: time, date: date)
        let t = try Py.int(secs)   // past 2034 a big int: kept rooted while the tuple is made
        return try Py.withRoots([t]) { try Py.tuple([try Py.int(isDir ? 0x4000 : 0x8000),
                             try Py.int(0), try Py.int(0), try Py.int(0), try Py.int(0), try Py.int(0),
                             try Py.int(size), t, t, t]) }
    }

    /// A Python list made item by item: Swift arrays are not GC roots, so each new item is
    /// appended (and so reachable) before the next one is allocated.
    static func buildList(_ count: Int, _ item: (Int) throws -> Obj) throws -> Obj {
        let l = try Py.list([])
        try Py.withRoots([l]) {
            for i in 0..<count {
                let x = try item(i)
                try Py.withRoots([x]) { _ = try Py.callMethod(l, "append", [x]) }
            }
        }
        return l
    }

    static func makeTypes() {
        type = Py.makeType("VfsFat", methods: [
            .staticMethod("mkfs", 1) { a in
                let dev = try device(for: a[0])
                try fs { try format(dev) }
                return Py.none
            },
            .method("mount", 3) { a in
                let s = try slot(a[0])
                let readonly = try Py.truthy(a[1]), mkfs = try Py.truthy(a[2])
                if s.volume == nil {
                    guard mkfs else { throw Py.osError(ENODEV) }
                    try fs {
                        try format(s.device)
                        s.volume = try FatVolume(dev: s.device)
                    }
                }
                s.volume?.readOnly = readonly || s.device.isReadOnly
                return Py.none
            },
            .method("umount", 1) { a in
                let s = try slot(a[0])
                try fs { try s.volume?.sync() }
                return Py.none
            },
            .method("open", 3) { a in try openFile(a[0], try Py.toString(a[1]), try Py.toString(a[2])) },
            .method("ilistdir", 1, 2) { a in
                let v = try volume(a[0])
                let p = try path(a, 1)
                let list = try fs { try v.listdir(p) }
                let wantBytes = a.count > 1 && !Py.isStr(a[1])
                let l = try buildList(list.count) { i in
                    let e = list[i]
                    let name = wantBytes ? try Py.bytes(Array(e.name.utf8)) : try Py.str(e.name)
                    return try Py.withRoots([name]) {
                        try Py.tuple([name, try Py.int(e.isDir ? 0x4000 : 0x8000), try Py.int(0), try Py.int(e.size)])
                    }
                }
                return try Py.withRoots([l]) { try Py.iter(l) }
            },
            .method("mkdir", 2) { a in let v = try volume(a[0]); let p = try path(a, 1); try fs { try v.mkdir(p) }; return Py.none },
            .method("rmdir", 2) { a in let v = try volume(a[0]); let p = try path(a, 1); try fs { try v.rmdir(p) }; return Py.none },
            .method("remove", 2) { a in let v = try volume(a[0]); let p = try path(a, 1); try fs { try v.remove(p) }; return Py.none },
            .method("rename", 3) { a in
                let v = try volume(a[0])
                let from = try Py.toString(a[1]), to = try Py.toString(a[2])
                try fs { try v.rename(from, to) }
                return Py.none
            },
            .method("chdir", 2) { a in let v = try volume(a[0]); let p = try path(a, 1); try fs { try v.chdir(p) }; return Py.none },
            .method("getcwd", 1) { a in try Py.str(try volume(a[0]).cwd) },
            .method("stat", 2) { a in
                let v = try volume(a[0])
                let p = try path(a, 1)
                let st = try fs { try v.stat(p) }
                return try statTuple(isDir: st.isDir, size: st.size, time: st.time, date: st.date)
            },
            .method("statvfs", 2) { a in
                let v = try volume(a[0])
                let values = try fs { try v.statvfs() }
                return try Py.tuple(try values.map { try Py.int($0) })
            },
        ], make: { a in
            guard a.count == 1 else { throw Py.error(.TypeError, "function takes 1 positional arguments but \(a.count) were given") }
            return try make(a[0])
        })
        let fileMethods = VfsFileObject.methods(VfsFileAccess(file: { try file($0) }, close: { try closeFile($0) }, strictWrite: true))
        textFileType = Py.makeType("TextIOWrapper", methods: fileMethods)
        binaryFileType = Py.makeType("FileIO", methods: fileMethods)
    }

    // MARK: files

    static func openFile(_ vfsObj: Obj, _ path: String, _ mode: String) throws -> Obj {
        let v = try volume(vfsObj)
        let parsed: (FatOpenMode, binary: Bool)
        do { parsed = try FatOpenMode.parse(mode) } catch { throw Py.error(.ValueError, "invalid mode") }
        let f = try fs { try FatFile.open(v, path, parsed.0) }
        let id = nextID
        let o: Obj
        do {
            o = try VfsFileObject.make(parsed.binary ? binaryFileType : textFileType, id: id, fs: vfsObj, binary: parsed.binary)
        } catch {
            try? f.close()
            throw error
        }
        nextID += 1
        files[id] = f
        return o
    }

    static func file(_ o: Obj) throws -> FatFile {
        guard Py.isInstance(o, textFileType) || Py.isInstance(o, binaryFileType) else { throw Py.error(.TypeError, "argument has wrong type") }
        guard let f = files[Int(Py.word(o, 0))], !f.closed else { throw Py.error(.ValueError, "I/O operation on closed file") }
        return f
    }

    static func closeFile(_ o: Obj) throws {
        guard Py.isInstance(o, textFileType) || Py.isInstance(o, binaryFileType) else { throw Py.error(.TypeError, "argument has wrong type") }
        let id = Int(Py.word(o, 0))
        guard let f = files[id] else { return }
        files[id] = nil
        try fs { try f.close() }
    }
}

/// Seconds since Storage.epochYear of a FAT date and time.
func fatSeconds(time: UInt16, date: UInt16) -> Int {
    let y = 1980 + Int(date >> 9), mo = max(1, min(12, Int((date >> 5) & 15))), d = max(1, Int(date & 31))
    let h = Int(time >> 11), mi = Int((time >> 5) & 63), s = Int(time & 31) * 2
    func days(_ y: Int, _ m: Int, _ d: Int) -> Int {   // days from 1970-01-01 (civil calendar)
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    return (days(y, mo, d) - days(Storage.epochYear, 1, 1)) * 86400 + h * 3600 + mi * 60 + s
}

/// A Python object with readblocks/writeblocks/ioctl (MicroPython's block-device protocol), or
/// the older readblocks/writeblocks/sync/count form.
final class PythonBlockDevice: BlockDevice {
    let obj: Obj
    let blockSize: Int
    let blockCount: Int
    let isReadOnly: Bool
    let hasIoctl: Bool

    init(_ obj: Obj) throws {
        self.obj = obj
        guard try Py.getAttrOpt(obj, "readblocks") != nil else {
            throw Py.error(.AttributeError, "'\(Py.typeName(obj))' object has no attribute 'readblocks'")
        }
        isReadOnly = try Py.getAttrOpt(obj, "writeblocks") == nil
        hasIoctl = try Py.getAttrOpt(obj, "ioctl") != nil
        if hasIoctl {
            let initResult = try Py.callMethod(obj, "ioctl", [try Py.int(1), try Py.int(0)])   // BLOCKDEV_IOCTL_INIT
            if Py.isInt(initResult), try Py.toInt(initResult) != 0 { throw Py.osError(EIO) }
            let size = try Py.callMethod(obj, "ioctl", [try Py.int(5), try Py.int(0)])
            blockSize = Py.isNone(size) ? 512 : try Py.toInt(size)
            let count = try Py.callMethod(obj, "ioctl", [try Py.int(4), try Py.int(0)])
            blockCount = Py.isNone(count) ? 0 : try Py.toInt(count)
        } else {
            blockSize = 512
            if try Py.getAttrOpt(obj, "count") != nil {
                blockCount = try Py.toInt(try Py.callMethod(obj, "count", []))
            } else {
                blockCount = 0
            }
        }
        guard blockSize >= 512 && blockSize <= 4096 && blockSize & (blockSize - 1) == 0 else { throw Py.osError(EINVAL) }
    }

    /// A readblocks/writeblocks result: None, True or 0 is success.
    private func check(_ r: Obj) throws {
        if Py.isNone(r) || r == Py.true { return }
        if r == Py.false { throw FsError.io }
        if Py.isInt(r), try Py.toInt(r) != 0 { throw FsError.io }
    }

    func read(_ block: Int, count: Int) throws -> [UInt8] {
        guard block >= 0, count >= 0, blockCount == 0 || block + count <= blockCount else { throw FsError.io }
        let buf = try Py.bytearray([UInt8](repeating: 0, count: count * blockSize))
        return try Py.withRoots([buf]) {
            try check(try Py.callMethod(obj, "readblocks", [try Py.int(block), buf]))
            return try Py.readBuffer(buf)
        }
    }

    func write(_ block: Int, _ data: [UInt8]) throws {
        if isReadOnly { throw FsError.readOnly }
        guard block >= 0, blockCount == 0 || block + data.count / blockSize <= blockCount else { throw FsError.io }
        let buf = try Py.bytearray(data)
        try Py.withRoots([buf]) {
            try check(try Py.callMethod(obj, "writeblocks", [try Py.int(block), buf]))
        }
    }

    func sync() throws {
        if hasIoctl {
            _ = try Py.callMethod(obj, "ioctl", [try Py.int(3), try Py.int(0)])
        } else if try Py.getAttrOpt(obj, "sync") != nil {
            _ = try Py.callMethod(obj, "sync", [])
        }
    }
}
