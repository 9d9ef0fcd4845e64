import MicroPythonCore

// Wiring the board into the interpreter: identity (sys, os.uname, platform), the heap and float
// precision from the board file, the virtual clock as the time source, the board modules, and
// the scheduler hook.

enum BoardRuntime {
    nonisolated(unsafe) static var registered = false
    nonisolated(unsafe) static var initializedHeap: Int? = nil

    static func start(_ board: Board) throws {
        let def = board.definition
        portInfo.platform = def.platform
        portInfo.machine = def.machine
        portInfo.sysname = def.sysname
        portInfo.helpText = embeddedHelpTexts.first(where: { $0.id == def.id })?.text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        portInfo.maxsize = def.maxsize
        portInfo.mpyValue = def.mpyValue
        portInfo.hasThreads = false      // the pyboard firmware is built without MICROPY_PY_THREAD
        platformInfo.system = "MicroPython"
        platformInfo.arch = def.mpyArch
        platformInfo.platformVersion = ""
        platformInfo.libcLib = ""
        platformInfo.libcVersion = ""
        if !registered {
            registered = true
            ModulePyb.register()
            ModuleMachine.register()
            DeviceBindings.register()
            TimingBindings.register()
            ModuleStm.register()
            WireProtocols.register()
            ObjUSB.register()
            PybRepl.register()
            MemBackup.register()
            AudioBindings.register()
        }
        var config = RuntimeConfig()
        config.heapBytes = def.heap.bytes
        config.vmStackSlots = def.heap.vmStackBytes / 4
        config.singlePrecisionFloat = def.singlePrecisionFloat
        config.gcStress = board.options.gcStress
        config.nativeStackBytes = 64 * 1024 * 1024
        try Runtime.initialize(config)
        initializedHeap = initializedHeap ?? def.heap.bytes
        timeSource = BoardTime(board)
        Py.randomBytes = { [weak board] n in
            var out: [UInt8] = []
            var host = SystemRandomNumberGenerator()
            while out.count < n {
                let r = board?.nextRandom() ?? UInt32(truncatingIfNeeded: host.next())
                out += [UInt8(r & 255), UInt8(r >> 8 & 255), UInt8(r >> 16 & 255), UInt8(r >> 24)]
            }
            return Array(out.prefix(n))
        }
    }
}

/// time.* on the virtual clock: ticks count from the last reset, the wall clock is the RTC.
final class BoardTime: TimeSource {
    unowned let board: Board
    init(_ b: Board) { board = b }

    func monotonicMicros() -> UInt64 {
        board.scheduler.charge(board.definition.cost("clock.read"))
        return board.sinceBoot() / 1000
    }

    func wallClockNanos() -> Int64 {
        board.rtcNanos()
    }

    func sleep(micros: UInt64) throws {
        try board.sleep(nanos: micros &* 1000)
    }
}
