import MicroPythonCore

// What the littlefs engine asks of a block device: byte ranges inside a block, erase, sync (the
// extended block protocol: readblocks(n, buf, offset), writeblocks(n, buf, offset), ioctl 6
// erase, 3 sync). Swift devices (host images, pyb.Flash ranges) are reached directly; any other
// object through its Python methods, called as MicroPython's vfs_lfs calls them.

protocol LfsDevice: AnyObject {
    var blockSize: Int { get }
    var blockCount: Int { get }
    /// Set by a read-only mount: programs and erases fail with EROFS.
    var readOnly: Bool { get set }
    func read(_ block: Int, _ off: Int, _ count: Int) throws -> [UInt8]
    func prog(_ block: Int, _ off: Int, _ data: [UInt8]) throws
    func erase(_ block: Int) throws
    func sync() throws
}

extension LfsDevice {
    func check(_ block: Int, _ off: Int, _ count: Int) throws {
        guard block >= 0, block < blockCount, off >= 0, count >= 0, off + count <= blockSize else { throw Lfs.corrupt }
    }
}

/// A Swift block device (host image, flash range); erased blocks read 0xff as on flash.
final class NativeLfsDevice: LfsDevice {
    let inner: BlockDevice
    var readOnly = false
    var blockSize: Int { inner.blockSize }
    var blockCount: Int { inner.blockCount }
    init(_ inner: BlockDevice) { self.inner = inner }

    func read(_ block: Int, _ off: Int, _ count: Int) throws -> [UInt8] {
        try check(block, off, count)
        return try inner.readBytes(at: block * blockSize + off, count: count)
    }
    func prog(_ block: Int, _ off: Int, _ data: [UInt8]) throws {
        if readOnly || inner.isReadOnly { throw Lfs.readOnly }
        try check(block, off, data.count)
        try inner.writeBytes(at: block * blockSize + off, data)
    }
    func erase(_ block: Int) throws {
        if readOnly || inner.isReadOnly { throw Lfs.readOnly }
        try check(block, 0, blockSize)
        try inner.write(block, [UInt8](repeating: 0xFF, count: blockSize))
    }
    func sync() throws { try inner.sync() }
}

/// A Python object with readblocks(n, buf, offset), writeblocks(n, buf, offset) and ioctl.
final class PythonLfsDevice: LfsDevice {
    let obj: Obj
    let blockSize: Int
    let blockCount: Int
    var readOnly = false

    /// ioctl 1 (init, argument 1), then 5 (block size) and 4 (block count), which must be ints.
    init(_ obj: Obj) throws {
        self.obj = obj
        _ = try Py.callMethod(obj, "ioctl", [try Py.int(1), try Py.int(1)])
        blockSize = try Py.toInt(try Py.callMethod(obj, "ioctl", [try Py.int(5), try Py.int(0)]))
        blockCount = try Py.toInt(try Py.callMethod(obj, "ioctl", [try Py.int(4), try Py.int(0)]))
    }

    /// A method's result as littlefs takes it: None (or 0, True) succeeds, a negative int is -errno.
    private func check(result r: Obj) throws {
        if Py.isNone(r) || r == Py.true { return }
        guard Py.isInt(r), let v = try? Py.toInt(r) else { throw Lfs.io }
        if v == 0 { return }
        throw v < 0 && v > -1000 ? FsError(Int32(-v)) : Lfs.io
    }

    func read(_ block: Int, _ off: Int, _ count: Int) throws -> [UInt8] {
        try check(block, off, count)
        let buf = try Py.bytearray([UInt8](repeating: 0, count: count))
        return try Py.withRoots([buf]) {
            try check(result: try Py.callMethod(obj, "readblocks", [try Py.int(block), buf, try Py.int(off)]))
            return try Py.readBuffer(buf)
        }
    }

    func prog(_ block: Int, _ off: Int, _ data: [UInt8]) throws {
        if readOnly { throw Lfs.readOnly }
        try check(block, off, data.count)
        let buf = try Py.bytearray(data)
        try Py.withRoots([buf]) {
            try check(result: try Py.callMethod(obj, "writeblocks", [try Py.int(block), buf, try Py.int(off)]))
        }
    }

    func erase(_ block: Int) throws {
        if readOnly { throw Lfs.readOnly }
        try check(block, 0, blockSize)
        let r = try Py.toInt(try Py.callMethod(obj, "ioctl", [try Py.int(6), try Py.int(block)]))
        if r != 0 { throw r < 0 && r > -1000 ? FsError(Int32(-r)) : Lfs.io }
    }

    func sync() throws {
        let r = try Py.callMethod(obj, "ioctl", [try Py.int(3), try Py.int(0)])
        if Py.isInt(r), let v = try? Py.toInt(r), v < 0 { throw v > -1000 ? FsError(Int32(-v)) : Lfs.io }
    }
}
