import Glibc
import MicroPythonCore

// The storage layer's entry points for the board and the host runner: registration of the Python
// types (vfs.VfsFat / os.VfsFat, vfs.VfsLfs2 / os.VfsLfs2, pyb.Flash, pyb.SDCard, machine.SDCard),
// the flash and SD images,
// mounting them, the factory filesystem, flushing, the dirty-cache indicator and the clock used
// for file timestamps.

public enum Storage {
    /// The internal flash filesystem area of the pyboard v1.1: 112 KiB in 512-byte blocks.
    public static let flashBlockSize = 512
    public static let flashBlockCount = 224
    public static let flashLabel = "pybflash"
    /// Where the legacy `pyb.Flash()` view puts the filesystem partition (stm32 storage.c).
    public static let flashPartitionStart = 0x100

    /// The flash image (nil until `openFlash`/`mountFlash`).
    public internal(set) static var flashDevice: FileBlockDevice?
    /// The SD card image (nil: no card inserted).
    public internal(set) static var sdDevice: FileBlockDevice?

    /// Called when the flash cache turns dirty or clean: the board lights LED 1 (red) meanwhile.
    public static var onFlashDirtyChange: ((Bool) -> Void)?
    public static var flashIsDirty: Bool { flashDevice?.isDirty ?? false }

    /// (year, month, day, hour, minute, second) for file timestamps; the board sets its RTC here.
    public static var clock: (() -> (Int, Int, Int, Int, Int, Int))?
    /// The epoch of os.stat times: 2000 on the pyboard (MicroPython's stm32 port).
    public static var epochYear = 2000

    static func now() -> (Int, Int, Int, Int, Int, Int) {
        if let c = clock { return c() }
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return (Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1, Int(tmv.tm_mday), Int(tmv.tm_hour), Int(tmv.tm_min), Int(tmv.tm_sec))
    }

    // MARK: registration

    nonisolated(unsafe) private static var registered = false

    /// Registers VfsFat and VfsLfs2 in `os` and `vfs`, Flash and SDCard in `pyb`, SDCard in
    /// `machine`, the block-device auto-detection of `vfs.mount` (littlefs, else FAT) and the
    /// os.sync() hook. Call once before `Runtime.initialize`.
    public static func register() {
        if registered { return }
        registered = true
        Py.addRegistration {
            VfsFat.makeTypes()
            VfsLfs2.makeTypes()
            ObjFlash.makeType()
            ObjSDCard.makeType()
        }
        Py.extendModule("os") { [("VfsFat", .value(VfsFat.type)), ("VfsLfs2", .value(VfsLfs2.type))] }
        Py.extendModule("vfs") { [("VfsFat", .value(VfsFat.type)), ("VfsLfs2", .value(VfsLfs2.type))] }
        Py.extendModule("pyb") {
            [("Flash", .value(ObjFlash.type)), ("SDCard", .value(ObjSDCard.type)), ("SD", .value(ObjSDCard.newObject()))]
        }
        Py.extendModule("machine") { [("SDCard", .value(ObjSDCard.type))] }
        Py.blockDeviceMounter = { bdev in try VfsLfs2.detect(bdev) ?? VfsFat.make(bdev) }
        Py.syncHook = { mounted in
            // os.sync(): mounted VfsFat and VfsLfs2 objects (Python block devices too), then
            // every image cache
            for o in mounted where Py.isInstance(o, VfsFat.type) {
                try VfsFat.fs { try VfsFat.volumes[Int(Py.word(o, 0))]?.volume?.sync() }
            }
            for o in mounted where Py.isInstance(o, VfsLfs2.type) {
                if let s = VfsLfs2.volumes[Int(Py.word(o, 0))] { try VfsLfs2.run(s) { try $0.sync() } }
            }
            try VfsFat.fs { try flushAll() }
        }
    }

    /// The host runner's `microboard_storage` module (image files as block devices); see HostTools.swift.
    public static func registerHostTools() {
        register()
        HostTools.register()
    }

    // MARK: images

    /// The per-board state folder for images: $XDG_DATA_HOME/microboard/<board> (default
    /// ~/.local/share/microboard/<board>).
    public static func stateFolder(board: String) -> String {
        var base: String
        if let x = getenv("XDG_DATA_HOME"), x.pointee != 0 {
            base = String(cString: x)
        } else {
            base = (getenv("HOME").map { String(cString: $0) } ?? ".") + "/.local/share"
        }
        base += "/microboard/" + board
        var path = ""
        for part in base.split(separator: "/") {
            path += "/" + part
            mkdir(path, 0o755)
        }
        return base
    }

    public static func defaultFlashPath(board: String = "pyboard-v11") -> String {
        stateFolder(board: board) + "/flash.img"
    }

    /// Opens (creating if missing, 112 KiB of zeros) the flash image. The image stays open for
    /// the life of the process; soft resets keep it.
    @discardableResult
    public static func openFlash(imagePath: String) throws -> FileBlockDevice {
        if let d = flashDevice, d.path == imagePath { return d }
        try flashDevice?.sync()
        let d = try FileBlockDevice(path: imagePath, blockSize: flashBlockSize, createSize: flashBlockSize * flashBlockCount)
        guard d.blockCount >= 128 else { throw FsError.invalid }
        d.onDirtyChange = { dirty in onFlashDirtyChange?(dirty) }
        flashDevice = d
        return d
    }

    /// Opens the SD card image; with `createSize` a missing image is created and formatted as
    /// `VfsFat.mkfs` would (FAT12/16, FAT32 when too big).
    @discardableResult
    public static func openSD(imagePath: String, createSize: Int? = nil) throws -> FileBlockDevice {
        try sdDevice?.sync()
        let existed = access(imagePath, F_OK) == 0
        let d = try FileBlockDevice(path: imagePath, blockSize: 512, createSize: createSize)
        if !existed && createSize != nil { try VfsFat.format(d) }
        sdDevice = d
        return d
    }

    /// Removes the SD card (flushing it first).
    public static func ejectSD() throws {
        try sdDevice?.sync()
        sdDevice = nil
    }

    // MARK: mounting (needs the interpreter initialised)

    /// Opens the flash image and mounts it at /flash, as stm32's init_flash_fs: a littlefs
    /// superblock in block 0 or 1 of the flash area mounts pyb.Flash(len=its size) (vfs.mount
    /// detects littlefs), else vfs.mount(VfsFat(pyb.Flash()), '/flash'). ENODEV (as OSError) when
    /// the image holds no filesystem: the board then runs `factoryReset` and mounts again.
    public static func mountFlash(imagePath: String, at path: String = "/flash") throws {
        let dev = try openFlash(imagePath: imagePath)
        if let len = littlefsLength(dev) {
            let bdev = try ObjFlash.newRange(start: 0, len: len)
            try Py.withRoots([bdev]) {
                let mount = try Py.getAttr(try Py.importModule("vfs"), "mount")
                _ = try Py.call(mount, [bdev, try Py.str(path)])
            }
            return
        }
        try mountFat(try ObjFlash.newLegacy(), at: path)
    }

    /// Bytes of the littlefs whose superblock starts flash block 0 or 1 ("littlefs" at offset 8,
    /// block size and count at 24 and 28), nil when there is none.
    static func littlefsLength(_ dev: BlockDevice) -> Int? {
        for block in 0...1 {
            guard let b = try? dev.readBytes(at: block * flashBlockSize, count: 64) else { continue }
            if Array(b[8..<16]) == Lfs.magic { return Int(le32(b, 24)) * Int(le32(b, 28)) }
        }
        return nil
    }

    /// vfs.mount(VfsFat(bdev), path), keeping the new objects rooted while Swift holds them.
    static func mountFat(_ bdev: Obj, at path: String) throws {
        try Py.withRoots([bdev]) {
            let vfs = try VfsFat.make(bdev)
            try Py.withRoots([vfs]) {
                let mount = try Py.getAttr(try Py.importModule("vfs"), "mount")
                _ = try Py.call(mount, [vfs, try Py.str(path)])
            }
        }
    }

    /// True for the error mountFlash/mountSD throw when the image holds no FAT filesystem
    /// (OSError ENODEV): the board formats the flash then (factoryReset) and mounts again.
    public static func isNoFilesystem(_ error: Error) -> Bool {
        if let e = error as? FsError { return e.code == ENODEV }
        guard Py.isException(error, .OSError), let n = try? Py.getAttr(Py.exception(of: error), "errno"),
              Py.isInt(n), let v = try? Py.toInt(n) else { return false }
        return v == Int(ENODEV)
    }

    /// Opens the SD image and mounts it at /sd.
    public static func mountSD(imagePath: String, at path: String = "/sd") throws {
        try openSD(imagePath: imagePath)
        try mountFat(ObjSDCard.newObject(), at: path)
    }

    /// The pyboard's filesystem reset: FAT on the flash (as f_mkfs inside the flash partition,
    /// 256 hidden sectors), label "pybflash", then the factory files. Works without the
    /// interpreter; unmount /flash first if it is mounted.
    public static func factoryReset(flash imagePath: String) throws {
        let dev = try openFlash(imagePath: imagePath)
        var opt = FatFormat.Options()
        opt.hiddenSectors = flashPartitionStart
        try FatFormat.mkfs(dev, opt)
        let vol = try FatVolume(dev: dev)
        try FatFormat.setLabel(vol, flashLabel)
        for (name, text) in FactoryFiles.all {
            let f = try FatFile.open(vol, name, [.write, .createAlways])
            try f.write(Array(text.utf8))
            try f.close()
        }
        try vol.sync()
    }

    // MARK: flushing

    /// Writes every cache (open files, FAT metadata, image caches) to the host files. Volumes on
    /// Python block devices are left to os.sync() and umount, which hold their objects.
    public static func flushAll() throws {
        var firstError: Error? = nil
        for (_, v) in VfsFat.volumes where v.isNative {
            do { try v.volume?.sync() } catch { if firstError == nil { firstError = error } }
        }
        for (_, s) in VfsLfs2.volumes where s.isNative {
            do { try s.volume.operation { try s.volume.sync() } } catch { if firstError == nil { firstError = error } }
        }
        do { try flashDevice?.sync() } catch { if firstError == nil { firstError = error } }
        do { try sdDevice?.sync() } catch { if firstError == nil { firstError = error } }
        if let e = firstError { throw e }
    }

    /// Before the interpreter's soft reset: flushes everything and forgets the Python-side
    /// filesystem objects (the heap they live in is about to be cleared). Images stay open.
    public static func softReset() {
        try? flushAll()
        VfsFat.volumes.removeAll()
        VfsFat.files.removeAll()
        VfsLfs2.volumes.removeAll()
        VfsLfs2.files.removeAll()
        HostTools.images.removeAll()
    }
}

/// The files a filesystem reset writes, as MicroPython v1.28's ports/stm32/factoryreset.c builds
/// them for PYBV11 (USB on, no network module): boot.py with the "run on boot to configure USB and
/// filesystem" header (the v1.10-era text was "run on boot-up / can run arbitrary Python..."; the
/// pyb.country line of 2019–2022 became network.country under MICROPY_PY_NETWORK, off for PYBV11),
/// README.txt ending with the docs link, and pybcdc.inf from pybcdc.inf_template with the IDs as
/// mpconfigboard_common.h spells them (tools/insert-usb-ids.py copies the hex digits: "f055").
/// CRLF line endings throughout, as the build's file2h step generates them.
public enum FactoryFiles {
    public static let bootPy =
        "# boot.py -- run on boot to configure USB and filesystem\r\n" +
        "# Put app code in main.py\r\n" +
        "\r\n" +
        "import machine\r\n" +
        "import pyb\r\n" +
        "#pyb.main('main.py') # main script to run after this one\r\n" +
        "#pyb.usb_mode('VCP+MSC') # act as a serial and a storage device\r\n" +
        "#pyb.usb_mode('VCP+HID') # act as a serial device and a mouse\r\n"

    public static let mainPy = "# main.py -- put your code here!\r\n"

    public static let readmeTxt =
        "This is a MicroPython board\r\n" +
        "\r\n" +
        "You can get started right away by writing your Python code in 'main.py'.\r\n" +
        "\r\n" +
        "For a serial prompt:\r\n" +
        " - Windows: you need to go to 'Device manager', right click on the unknown device,\r\n" +
        "   then update the driver software, using the 'pybcdc.inf' file found on this drive.\r\n" +
        "   Then use a terminal program like Hyperterminal or putty.\r\n" +
        " - Mac OS X: use the command: screen /dev/tty.usbmodem*\r\n" +
        " - Linux: use the command: screen /dev/ttyACM0\r\n" +
        "\r\n" +
        "For online docs please visit http://docs.micropython.org/\r\n"

    static let usbVID = "f055", pidCdcMsc = "9800", pidCdcHid = "9801", pidCdc = "9802"

    public static var pybcdcInf: String {
        let ids = "USB\\VID_\(usbVID)&PID_\(pidCdcMsc)&MI_00, USB\\VID_\(usbVID)&PID_\(pidCdcMsc)&MI_01, "
            + "USB\\VID_\(usbVID)&PID_\(pidCdcHid)&MI_00, USB\\VID_\(usbVID)&PID_\(pidCdcHid)&MI_01, "
            + "USB\\VID_\(usbVID)&PID_\(pidCdc)"
        let lines = [
            "; Windows USB CDC ACM Setup File",
            "; Based on INF files which were:",
            ";     Copyright (c) 2000 Microsoft Corporation",
            ";     Copyright (C) 2007 Microchip Technology Inc.",
            "; Likely to be covered by the MLPL as found at:",
            ";    <http://msdn.microsoft.com/en-us/cc300389.aspx#MLPL>.",
            "",
            "[Version]",
            "Signature=\"$Windows NT$\"",
            "Class=Ports",
            "ClassGuid={4D36E978-E325-11CE-BFC1-08002BE10318}",
            "Provider=%MFGNAME%",
            "LayoutFile=layout.inf",
            "DriverVer=03/11/2010,5.1.2600.3",
            "",
            "[Manufacturer]",
            "%MFGNAME%=DeviceList, NTamd64",
            "",
            "[DestinationDirs]",
            "DefaultDestDir=12",
            "",
            ";---------------------------------------------------------------------",
            "; Windows 2000/XP/Server2003/Vista/Server2008/7 - 32bit Sections",
            "",
            "[DriverInstall.nt]",
            "include=mdmcpq.inf",
            "CopyFiles=DriverCopyFiles.nt",
            "AddReg=DriverInstall.nt.AddReg",
            "",
            "[DriverCopyFiles.nt]",
            "usbser.sys,,,0x20",
            "",
            "[DriverInstall.nt.AddReg]",
            "HKR,,DevLoader,,*ntkern",
            "HKR,,NTMPDriver,,usbser.sys",
            "HKR,,EnumPropPages32,,\"MsPorts.dll,SerialPortPropPageProvider\"",
            "",
            "[DriverInstall.nt.Services]",
            "AddService=usbser, 0x00000002, DriverService.nt",
            "",
            "[DriverService.nt]",
            "DisplayName=%SERVICE%",
            "ServiceType=1",
            "StartType=3",
            "ErrorControl=1",
            "ServiceBinary=%12%\\usbser.sys",
            "",
            ";---------------------------------------------------------------------",
            ";  Windows XP/Server2003/Vista/Server2008/7 - 64bit Sections",
            "",
            "[DriverInstall.NTamd64]",
            "include=mdmcpq.inf",
            "CopyFiles=DriverCopyFiles.NTamd64",
            "AddReg=DriverInstall.NTamd64.AddReg",
            "",
            "[DriverCopyFiles.NTamd64]",
            "usbser.sys,,,0x20",
            "",
            "[DriverInstall.NTamd64.AddReg]",
            "HKR,,DevLoader,,*ntkern",
            "HKR,,NTMPDriver,,usbser.sys",
            "HKR,,EnumPropPages32,,\"MsPorts.dll,SerialPortPropPageProvider\"",
            "",
            "[DriverInstall.NTamd64.Services]",
            "AddService=usbser, 0x00000002, DriverService.NTamd64",
            "",
            "[DriverService.NTamd64]",
            "DisplayName=%SERVICE%",
            "ServiceType=1",
            "StartType=3",
            "ErrorControl=1",
            "ServiceBinary=%12%\\usbser.sys",
            "",
            ";---------------------------------------------------------------------",
            ";  Vendor and Product ID Definitions",
            "",
            "[SourceDisksFiles]",
            "[SourceDisksNames]",
            "[DeviceList]",
            "%DESCRIPTION%=DriverInstall, " + ids,
            "",
            "[DeviceList.NTamd64]",
            "%DESCRIPTION%=DriverInstall, " + ids,
            "",
            ";---------------------------------------------------------------------",
            ";  String Definitions",
            "",
            "[Strings]",
            "MFGFILENAME=\"pybcdc\"",
            "MFGNAME=\"MicroPython\"",
            "DESCRIPTION=\"Pyboard USB Comm Port\"",
            "SERVICE=\"USB Serial Driver\"",
        ]
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// In the order factoryreset.c writes them.
    public static var all: [(String, String)] {
        [("boot.py", bootPy), ("main.py", mainPy), ("pybcdc.inf", pybcdcInf), ("README.txt", readmeTxt)]
    }
}
