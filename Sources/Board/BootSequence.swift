import BoardStorage
import Glibc
import MicroPythonCore

// The pyboard's boot sequence (ports/stm32/main.c and boardctrl.c), run at the top of every
// soft-reset loop: sys.path defaults, /flash mounted (created with the factory files when it holds
// no filesystem, or reformatted in filesystem-reset mode) and made current, /sd mounted and made
// current when a card is in unless /flash/SKIPSD exists, sys.path gets /sd, /sd/lib, /flash,
// /flash/lib, then boot.py (not in safe mode; an error flashes 4 times and skips main.py), then
// main.py or the file pyb.main() named (an error flashes 3 times). Soft resets print
// "MPY: sync filesystems" before "MPY: soft reboot", having written every cache out.

public enum BootSequence {
    /// The flash image and the SD image (nil: no `--sd`) of this run.
    nonisolated(unsafe) public private(set) static var flashImage = ""
    nonisolated(unsafe) public private(set) static var sdImage: String?
    /// pyb.main(): the file to run after boot.py, for this boot only (pyb_config_main).
    nonisolated(unsafe) static var mainFile: String?
    nonisolated(unsafe) static var installed = false

    /// Wires the boot sequence into `board`; call before `board.run`. `sdInserted`: the card is
    /// in the slot at power-on (its image must exist; `Storage.openSD` creates one first).
    public static func install(on board: Board, flashImage: String, sdImage: String?, sdInserted: Bool) throws {
        Storage.register()
        PybBoot.register()
        Py.vfsRootIsVirtual = true
        self.flashImage = flashImage
        self.sdImage = sdImage
        installed = true
        try Storage.openFlash(imagePath: flashImage)
        if sdInserted, let sd = sdImage { try Storage.openSD(imagePath: sd) }
        Storage.onFlashDirtyChange = { [weak board] dirty in board?.setLED(1, dirty) }
        Storage.clock = { [weak board] in board?.rtcFields() ?? (2000, 1, 1, 0, 0, 0) }
        board.bootHooks.append { b in boot(b) }
        board.mainHook = { b in runMainPy(b) }
        board.beforeReset.append { b, hard in
            if !hard { b.writeStdout("MPY: sync filesystems\n") }
            Storage.softReset()
        }
        board.onSDCard = { b, inserted in setCard(b, inserted: inserted) }
    }

    // MARK: the steps

    static func boot(_ b: Board) -> RunOutcome {
        Interpreter.setPath(["", ".frozen"])     // mp_init's defaults
        mainFile = nil
        driveCardDetect(b)
        let flash = mountFlash(b)
        var sd = false
        if Storage.sdDevice != nil, let path = sdImage, !flash || !exists("SKIPSD") {
            do {
                try VfsFat.fs { try Storage.mountSD(imagePath: path) }
                try chdir("/sd")
                sd = true
            } catch {
                b.writeStdout("MPY: can't mount SD card\n")
            }
        }
        var path = ["", ".frozen"]
        if sd { path += ["/sd", "/sd/lib"] }
        if flash { path += ["/flash", "/flash/lib"] }
        Interpreter.setPath(path)
        guard b.bootMode != .safe else { return .ok }
        let outcome = runIfExists(b, "boot.py", errorFlashes: BootTiming.bootPyErrorFlashes)
        if outcome == .exception { b.bootMode = .safe }   // main.py is skipped after a boot.py error
        return outcome
    }

    /// init_flash_fs: mount /flash and chdir there; a filesystem reset (or a flash with no
    /// filesystem) formats it first with the factory files.
    static func mountFlash(_ b: Board) -> Bool {
        if b.bootMode == .factoryReset { _ = createFilesystem(b) }
        do {
            try VfsFat.fs { try Storage.mountFlash(imagePath: flashImage) }
        } catch {
            guard Storage.isNoFilesystem(error), b.bootMode != .factoryReset, createFilesystem(b) else {
                b.writeStdout("MPY: can't mount flash\n")
                return false
            }
            do { try VfsFat.fs { try Storage.mountFlash(imagePath: flashImage) } } catch {
                b.writeStdout("MPY: can't mount flash\n")
                return false
            }
        }
        do { try chdir("/flash") } catch { return false }
        return true
    }

    /// factory_reset_create_filesystem: the green LED stays on for at least 200 ms meanwhile.
    static func createFilesystem(_ b: Board) -> Bool {
        b.setLED(2, true)
        let start = b.clock.nanos
        var ok = true
        do { try Storage.factoryReset(flash: flashImage) } catch {
            b.writeStdout("MPY: can't create flash filesystem\n")
            ok = false
        }
        let end = start + UInt64(BootTiming.factoryResetLEDMillis * 1_000_000)
        if b.clock.nanos < end { b.bootDelay(Double(end - b.clock.nanos) / 1e6) }
        b.setLED(2, false)
        return ok
    }

    static func runMainPy(_ b: Board) -> RunOutcome {
        // boardctrl_run_main_py: not in safe mode, and only from the friendly REPL (a soft reset
        // from the raw REPL, as mpremote does, skips main.py)
        guard b.bootMode != .safe, Interpreter.replMode == .friendly else { return .ok }
        return runIfExists(b, mainFile ?? "main.py", errorFlashes: BootTiming.mainPyErrorFlashes)
    }

    /// pyexec_file_if_exists, relative to the current directory.
    static func runIfExists(_ b: Board, _ name: String, errorFlashes: Int) -> RunOutcome {
        guard let source = Py.readFile(name) else { return .ok }
        return b.runMainScript(source: source, filename: name, errorFlashes: errorFlashes)
    }

    // MARK: the SD card slot

    /// A card pushed in or pulled out at run time: pyb.SDCard().present() follows; a card is
    /// mounted at the next boot, as on the board.
    static func setCard(_ b: Board, inserted: Bool) {
        do {
            if inserted {
                guard let path = sdImage else {
                    b.hostNote("no SD card image to insert (start with --sd FILE)")
                    return
                }
                if Storage.sdDevice == nil { try Storage.openSD(imagePath: path) }
            } else {
                try Storage.ejectSD()
            }
        } catch {
            b.hostNote("SD card: \(error)")
        }
        driveCardDetect(b)
    }

    /// The card-detect switch (SD_SW, PA8): pulled up, low while a card is in.
    static func driveCardDetect(_ b: Board) {
        guard let p = b.pins.index(of: "SD_SW") ?? b.pins.index(of: "SD") else { return }
        b.pins.drive(p, Storage.sdDevice != nil ? false : nil)
    }

    // MARK: helpers

    static func chdir(_ path: String) throws {
        _ = try Py.call(try Py.getAttr(try Py.importModule("os"), "chdir"), [try Py.str(path)])
    }

    /// mp_vfs_import_stat: a file or directory of that name in the current directory.
    static func exists(_ name: String) -> Bool {
        do {
            _ = try Py.call(try Py.getAttr(try Py.importModule("os"), "stat"), [try Py.str(name)])
            return true
        } catch {
            return false
        }
    }
}

extension Board {
    /// Runs a board script in __main__ (boot.py, main.py, a `--run` file) with Ctrl-C live on the
    /// serial link; an uncaught exception flashes the red and green LEDs `errorFlashes` times.
    func runMainScript(source: [UInt8], filename: String, errorFlashes: Int = BootTiming.mainPyErrorFlashes) -> RunOutcome {
        setInterruptChar?(3)
        let outcome = Interpreter.runFileInMain(source: source, filename: filename)
        setInterruptChar?(-1)
        if outcome == .exception && BootSequence.installed && resetRequest == nil { flashError(errorFlashes) }
        return outcome
    }

    /// A note from the emulator itself (not the board's console): the host's stderr.
    func hostNote(_ s: String) {
        let line = "microboard: " + s + "\n"
        line.withCString { p in _ = Glibc.write(2, p, strlen(p)) }
    }

    /// The RTC as (year, month, day, hour, minute, second), for file timestamps.
    func rtcFields() -> (Int, Int, Int, Int, Int, Int) {
        var t = time_t((rtcBaseNanos &+ Int64(scheduler.now())) / 1_000_000_000)
        var tmv = tm()
        gmtime_r(&t, &tmv)
        return (Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1, Int(tmv.tm_mday), Int(tmv.tm_hour), Int(tmv.tm_min), Int(tmv.tm_sec))
    }
}
