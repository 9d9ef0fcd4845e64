import Glibc
import MicroPythonCore

// pyb.Flash: the internal flash filesystem area as a block device. `pyb.Flash()` is the legacy
// view with a virtual MBR whose partition starts at block 0x100 (stm32 storage.c);
// `pyb.Flash(start=, len=)` is a byte range of the area with the extended block protocol
// (readblocks/writeblocks with an offset, ioctl 6 erase). Object: [type][kind][start][count]
// (kind 0 legacy, 1 range; start and count in blocks).

enum ObjFlash {
    nonisolated(unsafe) static var type = Py.none

    static func flash() throws -> FileBlockDevice {
        guard let d = Storage.flashDevice else { throw Py.osError(ENODEV) }
        return d
    }

    static func newLegacy() throws -> Obj {
        let o = try Py.newObject(type, words: 3)
        Py.setWord(o, 0, 0)
        return o
    }

    /// pyb.Flash(start=, len=): a byte range of the flash area (-1: from 0, to the end).
    static func newRange(start: Int, len: Int) throws -> Obj {
        let f = try flash()
        let total = f.blockCount * f.blockSize
        let s = start == -1 ? 0 : start
        let l = len == -1 ? total - s : len
        guard s >= 0, l >= 0, s % Storage.flashBlockSize == 0, l % Storage.flashBlockSize == 0, s + l <= total else {
            throw Py.error(.ValueError, "invalid start/len")
        }
        let o = try Py.newObject(type, words: 3)
        Py.setWord(o, 0, 1)
        Py.setWord(o, 1, UInt32(s / Storage.flashBlockSize))
        Py.setWord(o, 2, UInt32(l / Storage.flashBlockSize))
        return o
    }

    /// The Swift device of a Flash object, nil for other objects.
    static func device(_ o: Obj) throws -> BlockDevice? {
        guard Py.isInstance(o, type) else { return nil }
        let f = try flash()
        if Py.word(o, 0) == 0 { return VirtualMBRDevice(inner: f, start: Storage.flashPartitionStart) }
        return RangeBlockDevice(inner: f, start: Int(Py.word(o, 1)), count: Int(Py.word(o, 2)))
    }

    static func makeType() {
        type = Py.makeType("Flash", methods: [
            .method("readblocks", 3, 4) { a in
                // the legacy object has no extended protocol: stm32 answers -EIO
                if a.count > 3 && Py.word(a[0], 0) == 0 { return try Py.int(-Int(EIO)) }
                let dev = try device(a[0])!
                let block = try Py.toInt(a[1])
                let n = try Py.bufferLength(a[2])
                let data: [UInt8]
                if a.count > 3 && Py.word(a[0], 0) == 1 {
                    data = try VfsFat.fs { try dev.readBytes(at: block * dev.blockSize + (try Py.toInt(a[3])), count: n) }
                } else {
                    data = try VfsFat.fs { try dev.read(block, count: n / dev.blockSize) }
                }
                try Py.withWritableBuffer(a[2]) { b in for i in 0..<data.count { b[i] = data[i] } }
                return try Py.int(0)
            },
            .method("writeblocks", 3, 4) { a in
                if a.count > 3 && Py.word(a[0], 0) == 0 { return try Py.int(-Int(EIO)) }
                let dev = try device(a[0])!
                let block = try Py.toInt(a[1])
                let bytes = try Py.readBuffer(a[2])
                if a.count > 3 && Py.word(a[0], 0) == 1 {
                    let off = try Py.toInt(a[3])
                    try VfsFat.fs { try dev.writeBytes(at: block * dev.blockSize + off, bytes) }
                } else {
                    let whole = bytes.count / dev.blockSize * dev.blockSize
                    try VfsFat.fs { try dev.write(block, Array(bytes[0..<whole])) }
                }
                return try Py.int(0)
            },
            .method("ioctl", 3) { a in
                let dev = try device(a[0])!
                switch try Py.toInt(a[1]) {
                case 1: return try Py.int(0)                                          // init
                case 2, 3: try VfsFat.fs { try dev.sync() }; return try Py.int(0)     // deinit, sync
                case 4: return try Py.int(dev.blockCount)
                case 5: return try Py.int(dev.blockSize)
                case 6: return try Py.int(0)                                          // erase: flash is rewritten in place
                default: return Py.none
                }
            },
        ], make: { a in
            guard a.count == 0 else { throw Py.error(.TypeError, "function doesn't take positional arguments") }
            let start = try a.kw("start").map { try Py.toInt($0) } ?? -1
            let len = try a.kw("len").map { try Py.toInt($0) } ?? -1
            for k in a.keywordNames where k != "start" && k != "len" {
                throw Py.error(.TypeError, "unexpected keyword argument '\(k)'")
            }
            _ = try flash()
            if start == -1 && len == -1 { return try newLegacy() }
            return try newRange(start: start, len: len)
        })
    }
}
