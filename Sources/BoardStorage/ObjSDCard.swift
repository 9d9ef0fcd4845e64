import Glibc
import MicroPythonCore

// pyb.SDCard (also machine.SDCard): the SD card image as a block device, with the pyboard's
// present/power/info/read/write methods. No image given = no card inserted. There is one card
// slot, so the constructor returns one permanent object, which is also the legacy pyb.SD (as
// stm32's pyb_sdcard_obj).

enum ObjSDCard {
    nonisolated(unsafe) static var type = Py.none

    static func card() throws -> FileBlockDevice {
        guard let d = Storage.sdDevice else { throw Py.osError(ENODEV) }
        return d
    }

    nonisolated(unsafe) static var slot: Obj?

    static func newObject() -> Obj {
        if let o = slot { return o }
        let o = Py.newStaticObject(type, words: 0)
        slot = o
        return o
    }

    /// The Swift device of an SDCard object, nil for other objects.
    static func device(_ o: Obj) throws -> BlockDevice? {
        guard Py.isInstance(o, type) else { return nil }
        return try card()
    }

    static func copy(_ data: [UInt8], into buf: Obj) throws {
        try Py.withWritableBuffer(buf) { b in for i in 0..<min(data.count, b.count) { b[i] = data[i] } }
    }

    static func makeType() {
        slot = nil
        type = Py.makeType("SDCard", methods: [
            .method("present", 1) { _ in Py.bool(Storage.sdDevice != nil) },
            .method("power", 2) { a in
                _ = try Py.truthy(a[1])
                return Py.bool(Storage.sdDevice != nil)
            },
            .method("info", 1) { _ in
                guard let d = Storage.sdDevice else { return Py.none }
                let bytes = d.blockCount * d.blockSize
                // card type as the HAL reports it: 0 standard capacity, 1 SDHC/SDXC (over 2 GB)
                let capacity = try Py.int(bytes)
                return try Py.withRoots([capacity]) {
                    try Py.tuple([capacity, try Py.int(d.blockSize), try Py.int(bytes > 2 << 30 ? 1 : 0)])
                }
            },
            .method("read", 2) { a in
                let d = try card()
                let block = try Py.toInt(a[1])
                return try Py.bytearray(try VfsFat.fs { try d.read(block, count: 1) })
            },
            .method("write", 3) { a in
                let d = try card()
                let bytes = try Py.readBuffer(a[2])
                guard bytes.count % d.blockSize == 0 else {
                    throw Py.error(.ValueError, "writes must be a multiple of \(d.blockSize) bytes")
                }
                let block = try Py.toInt(a[1])
                try VfsFat.fs { try d.write(block, bytes) }
                return Py.none
            },
            .method("readblocks", 3) { a in
                let d = try card()
                let block = try Py.toInt(a[1])
                let n = try Py.bufferLength(a[2]) / d.blockSize
                do { try copy(try d.read(block, count: n), into: a[2]) } catch is FsError { return Py.false }
                return Py.true
            },
            .method("writeblocks", 3) { a in
                let d = try card()
                let bytes = try Py.readBuffer(a[2])
                let whole = bytes.count / d.blockSize * d.blockSize
                let block = try Py.toInt(a[1])
                do { try d.write(block, Array(bytes[0..<whole])) } catch is FsError { return Py.false }
                return Py.true
            },
            .method("ioctl", 3) { a in
                switch try Py.toInt(a[1]) {
                case 1: return try Py.int(Storage.sdDevice == nil ? -1 : 0)      // init: power the card up
                case 2: return try Py.int(0)
                case 3: try VfsFat.fs { try Storage.sdDevice?.sync() }; return try Py.int(0)
                case 4: return try Py.int(try card().blockCount)
                case 5: return try Py.int(try card().blockSize)
                default: return Py.none
                }
            },
        ], make: { _ in newObject() })
    }
}
