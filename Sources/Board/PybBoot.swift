import BoardStorage
import MicroPythonCore

// The pyb functions of the boot sequence: pyb.main() (the file run after boot.py), pyb.usb_mode()
// (accepted and reported: the emulator's "USB" is the serial link carrying the REPL, so there is
// no mass storage or HID to re-enumerate), pyb.sync() and pyb.mount(), and pyb.hid(), which has no
// host equivalent.

enum PybBoot {
    nonisolated(unsafe) static var registered = false
    /// The USB configuration boot.py asked for (the firmware default: VCP+MSC); nil: disabled.
    nonisolated(unsafe) static var usbMode: String? = "VCP+MSC"

    /// Mode names of pyb.usb_mode and the PIDs the firmware would use (mpconfigboard_common.h).
    /// (nil: a PID not pinned here; the report leaves it out.)
    static let usbModes: [String: (canonical: String, pid: Int?)] = [
        "VCP+MSC": ("VCP+MSC", 0x9800), "CDC+MSC": ("VCP+MSC", 0x9800),
        "VCP+MSC+HID": ("VCP+MSC+HID", nil),
        "VCP+HID": ("VCP+HID", 0x9801), "CDC+HID": ("VCP+HID", 0x9801),
        "VCP": ("VCP", 0x9802), "CDC": ("VCP", 0x9802),
        "MSC": ("MSC", 0x9803),
    ]

    static func register() {
        if registered { return }
        registered = true
        Py.extendModule("pyb") {
            [
                ("main", .function(.function("main", 1, 2, kw: true) { a in try main(a) })),
                ("usb_mode", .function(.function("usb_mode", 0, 1, kw: true) { a in try usb(a) })),
                ("sync", .function(.function("sync", 0) { _ in
                    try VfsFat.fs { try Storage.flushAll() }
                    return Py.none
                })),
                ("mount", .function(.function("mount", 2, 2, kw: true) { a in
                    let m = try Py.getAttr(try Py.importModule("vfs"), "mount")
                    return try Py.call(m, [a[0], a[1]])
                })),
                ("hid", .function(.function("hid", 1) { _ in
                    throw Py.error(.NotImplementedError, "the emulated board has no USB HID device: its USB is the serial link carrying the REPL")
                })),
            ]
        }
    }

    /// pyb.main(filename, *, opt=0): the file to run after boot.py, for this boot. A non-string
    /// is ignored, as the firmware does.
    static func main(_ a: PyArgs) throws -> Obj {
        if Py.isStr(a[0]) { BootSequence.mainFile = try Py.toString(a[0]) }
        if let o = a.arg(1, "opt") { _ = try Py.toInt(o) }
        return Py.none
    }

    /// pyb.usb_mode([modestr], port=-1, vid=0xf055, pid=-1, msc=(), hid=..., high_speed=False).
    static func usb(_ a: PyArgs) throws -> Obj {
        guard let m = a.arg(0, "mode") else {
            return try usbMode.map { try Py.str($0) } ?? Py.none
        }
        let board = Board.current
        if Py.isNone(m) {
            usbMode = nil
            board?.hostNote("pyb.usb_mode(None): a pyboard would switch its USB off (and its REPL with it); the emulated board keeps the REPL on its serial link")
            return Py.none
        }
        let name = try Py.toString(m)
        guard let mode = usbModes[name] else { throw Py.error(.ValueError, "bad USB mode") }
        let vid = try a.kw("vid").map { try Py.toInt($0) } ?? 0xf055
        var pid = try a.kw("pid").map { try Py.toInt($0) }
        if pid == -1 { pid = nil }
        let ids = "VID 0x\(hex4(vid))" + ((pid ?? mode.pid).map { ", PID 0x\(hex4($0))" } ?? "")
        usbMode = mode.canonical
        board?.hostNote("pyb.usb_mode('\(name)'): a pyboard would enumerate as \(mode.canonical) (\(ids)); the emulated board has no USB mass storage or HID and keeps its REPL on the serial link")
        return Py.none
    }

    static func hex4(_ v: Int) -> String {
        let s = String(v & 0xFFFF, radix: 16)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}
