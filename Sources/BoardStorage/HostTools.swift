import Glibc
import MicroPythonCore

// Module `microboard_storage`, registered by the host runner only: opens host image files so
// scripts and tests can reach the storage layer without a board.
//   ImageBlockDevice(path, block_size=512, size=None): a host file as a block device (created
//     with `size` zero bytes if missing); readblocks/writeblocks/ioctl as MicroPython's protocol.
//   flash(path) / sd(path, size=None): open the flash / SD image behind Flash() and SDCard().
//   Flash, SDCard: the same types as pyb.Flash and pyb.SDCard.
//   factory_reset(path): the pyboard's filesystem reset on a flash image.
//   mount_flash(path, mountpoint='/flash') / mount_sd(path, mountpoint='/sd').
//   dirty(): whether the flash cache holds unwritten blocks (the red LED).

enum HostTools {
    nonisolated(unsafe) static var imageType = Py.none
    nonisolated(unsafe) static var images: [Int: FileBlockDevice] = [:]

    static func image(_ o: Obj) -> FileBlockDevice? {
        guard Py.isInstance(o, imageType) else { return nil }
        return images[Int(Py.word(o, 0))]
    }

    static func register() {
        Py.addRegistration {
            imageType = Py.makeType("ImageBlockDevice", methods: [
                .method("readblocks", 3, 4) { a in
                    guard let d = image(a[0]) else { throw Py.osError(EBADF) }
                    let block = try Py.toInt(a[1])
                    let off = a.count > 3 ? try Py.toInt(a[3]) : 0
                    let data = try VfsFat.fs { try d.readBytes(at: block * d.blockSize + off, count: try Py.bufferLength(a[2])) }
                    try ObjSDCard.copy(data, into: a[2])
                    return Py.none
                },
                .method("writeblocks", 3, 4) { a in
                    guard let d = image(a[0]) else { throw Py.osError(EBADF) }
                    let block = try Py.toInt(a[1])
                    let off = a.count > 3 ? try Py.toInt(a[3]) : 0
                    let bytes = try Py.readBuffer(a[2])
                    try VfsFat.fs { try d.writeBytes(at: block * d.blockSize + off, bytes) }
                    return Py.none
                },
                .method("ioctl", 3) { a in
                    guard let d = image(a[0]) else { throw Py.osError(EBADF) }
                    switch try Py.toInt(a[1]) {
                    case 1, 2, 6: return try Py.int(0)
                    case 3: try VfsFat.fs { try d.sync() }; return try Py.int(0)
                    case 4: return try Py.int(d.blockCount)
                    case 5: return try Py.int(d.blockSize)
                    default: return Py.none
                    }
                },
            ], make: { a in
                guard let p = a.arg(0, "path") else { throw Py.error(.TypeError, "path required") }
                let path = try Py.toString(p)
                let bs = try a.argNotNone(1, "block_size").map { try Py.toInt($0) } ?? 512
                let size = try a.argNotNone(2, "size").map { try Py.toInt($0) }
                let d = try VfsFat.fs { try FileBlockDevice(path: path, blockSize: bs, createSize: size) }
                let o = try Py.newObject(imageType, words: 1)
                let id = VfsFat.nextID
                VfsFat.nextID += 1
                images[id] = d
                Py.setWord(o, 0, UInt32(id))
                return o
            })
        }
        Py.registerModule("microboard_storage") {
            [
                ("ImageBlockDevice", .value(imageType)),
                ("Flash", .value(ObjFlash.type)),
                ("SDCard", .value(ObjSDCard.type)),
                ("flash", .function(.function("flash", 1) { a in
                    let p = try Py.toString(a[0])
                    try VfsFat.fs { _ = try Storage.openFlash(imagePath: p) }
                    return Py.none
                })),
                ("sd", .function(.function("sd", 1, 2) { a in
                    let p = try Py.toString(a[0])
                    let size = try a.argNotNone(1, "size").map { try Py.toInt($0) }
                    try VfsFat.fs { _ = try Storage.openSD(imagePath: p, createSize: size) }
                    return Py.none
                })),
                ("factory_reset", .function(.function("factory_reset", 1) { a in
                    let p = try Py.toString(a[0])
                    try VfsFat.fs { try Storage.factoryReset(flash: p) }
                    return Py.none
                })),
                ("mount_flash", .function(.function("mount_flash", 1, 2) { a in
                    let p = try Py.toString(a[0])
                    let at = a.count > 1 ? try Py.toString(a[1]) : "/flash"
                    try VfsFat.fs { try Storage.mountFlash(imagePath: p, at: at) }
                    return Py.none
                })),
                ("mount_sd", .function(.function("mount_sd", 1, 2) { a in
                    let p = try Py.toString(a[0])
                    let at = a.count > 1 ? try Py.toString(a[1]) : "/sd"
                    try VfsFat.fs { try Storage.mountSD(imagePath: p, at: at) }
                    return Py.none
                })),
                ("dirty", .function(.function("dirty", 0) { _ in Py.bool(Storage.flashIsDirty) })),
            ]
        }
    }
}
