import MicroPythonCore

// The pyb module (board part): time on the virtual clock, clocks, sleep modes, resets, board
// information, interrupts on/off, and the Pin/LED/Switch/ExtInt classes. Storage (Flash, SDCard,
// mount, sync, main, usb_mode) is added by the storage layer with Py.extendModule("pyb", ...);
// UART/I2C/SPI/Timer/RTC/ADC come with the peripheral issue.

enum ModulePyb {
    static var board: Board { Board.current! }

    /// MP_SMALL_INT_POSITIVE_MASK: pyb.millis()/micros() wrap at 2**30.
    static let smallMask = (1 << 30) - 1

    static func register() {
        Py.registerModule("pyb") {
            [
                ("Pin", .value(ObjPin.type)),
                ("LED", .value(ObjLED.type)),
                ("Switch", .value(ObjSwitch.type)),
                ("ExtInt", .value(ObjExtInt.type)),
                ("delay", .function(.function("delay", 1) { a in try delay(ms: a[0]) })),
                ("udelay", .function(.function("udelay", 1) { a in try delay(us: a[0]) })),
                ("millis", .function(.function("millis", 0) { _ in try Py.int(millis()) })),
                ("micros", .function(.function("micros", 0) { _ in try Py.int(micros()) })),
                ("elapsed_millis", .function(.function("elapsed_millis", 1) { a in
                    try Py.int((millis() - (try Py.toInt(a[0]))) & smallMask)
                })),
                ("elapsed_micros", .function(.function("elapsed_micros", 1) { a in
                    try Py.int((micros() - (try Py.toInt(a[0]))) & smallMask)
                })),
                ("freq", .function(.function("freq", 0, 4) { a in try freq(a) })),
                ("wfi", .function(.function("wfi", 0) { _ in try wfi() })),
                ("stop", .function(.function("stop", 0) { _ in try stop(timeoutMs: nil) })),
                ("standby", .function(.function("standby", 0) { _ in try standby(timeoutMs: nil) })),
                ("hard_reset", .function(.function("hard_reset", 0) { _ in throw board.requestReset(.hard) })),
                ("bootloader", .function(.function("bootloader", 0) { _ in throw bootloader() })),
                ("info", .function(.function("info", 0, 1) { a in try info(a.count > 0 ? a[0] : nil) })),
                ("unique_id", .function(.function("unique_id", 0) { _ in try Py.bytes(board.definition.uniqueIdBytes) })),
                ("disable_irq", .function(.function("disable_irq", 0) { _ in disableIRQ() })),
                ("enable_irq", .function(.function("enable_irq", 0, 1) { a in
                    try enableIRQ(a.count > 0 ? try Py.truthy(a[0]) : true)
                })),
                ("rng", .function(.function("rng", 0) { _ in try Py.int(Int(board.nextRandom() >> 2)) })),
                ("fault_debug", .function(.function("fault_debug", 1) { _ in Py.none })),
                ("have_cdc", .function(.function("have_cdc", 0) { _ in Py.bool(board.canBeWoken) })),
            ]
        }
    }

    // MARK: time

    static func millis() -> Int { Int(board.sinceBoot() / 1_000_000) & smallMask }
    static func micros() -> Int { Int(board.sinceBoot() / 1_000) & smallMask }

    static func delay(ms: Obj) throws -> Obj {
        let n = try Py.toInt(ms)
        if n > 0 { try board.sleep(nanos: UInt64(n) * 1_000_000) } else { try Py.poll() }
        return Py.none
    }

    static func delay(us: Obj) throws -> Obj {
        let n = try Py.toInt(us)
        if n > 0 { try board.sleep(nanos: UInt64(n) * 1_000) }
        return Py.none
    }

    // MARK: clocks

    /// (sysclk, hclk, pclk1, pclk2) for a SYSCLK, with the bus dividers keeping APB1 ≤ 42 MHz
    /// and APB2 ≤ 84 MHz as the stm32 port chooses them.
    static func busClocks(_ sysclk: Int, _ def: BoardDefinition? = nil) -> [Int] {
        if let d = (def ?? Board.current?.definition)?.clock, sysclk == d.sysclkHz {
            return [d.sysclkHz, d.hclkHz, d.pclk1Hz, d.pclk2Hz]
        }
        let apb1 = sysclk > 84_000_000 ? 4 : sysclk > 42_000_000 ? 2 : 1
        let apb2 = sysclk > 84_000_000 ? 2 : 1
        return [sysclk, sysclk, sysclk / apb1, sysclk / apb2]
    }

    static func freq(_ a: PyArgs) throws -> Obj {
        if a.count == 0 {
            return try Py.tuple(busClocks(board.sysclkHz).map { try Py.int($0) })
        }
        let hz = try Py.toInt(a[0])
        guard board.definition.clock.allowedSysclkMHz.contains(where: { $0 * 1_000_000 == hz }) else {
            throw Py.error(.ValueError, "can't set SYSCLK to \(hz) Hz (allowed MHz: \(board.definition.clock.allowedSysclkMHz.map(String.init).joined(separator: ", ")))")
        }
        board.scheduler.sync()
        board.sysclkHz = hz
        board.clock.setFrequency(hz)
        return Py.none
    }

    // MARK: sleep modes

    /// Sleeps until the next interrupt; SysTick interrupts every millisecond, so at most until
    /// the next millisecond boundary.
    static func wfi() throws -> Obj {
        let now = board.sinceBoot()
        let next = (now / 1_000_000 + 1) * 1_000_000 + board.bootNanos
        try board.idle(until: next, wakeOnInterrupt: true)
        return Py.none
    }

    /// Stop mode: clocks halted (no SysTick) until an EXTI interrupt (or the timeout, for
    /// machine.lightsleep(ms), which uses the RTC wake-up timer).
    static func stop(timeoutMs: Int?) throws -> Obj {
        let deadline = timeoutMs.map { board.scheduler.now() + UInt64(max(0, $0)) * 1_000_000 }
        try board.idle(until: deadline, wakeOnInterrupt: true)
        return Py.none
    }

    /// Standby: only a reset (RST, or the RTC wake-up after `timeoutMs`) ends it, and the board
    /// then boots with reset cause DEEPSLEEP_RESET.
    static func standby(timeoutMs: Int?) throws -> Obj {
        board.pins.pending.removeAll()
        let deadline = timeoutMs.map { board.scheduler.now() + UInt64(max(0, $0)) * 1_000_000 }
        let mask = board.irqDisabled
        board.irqDisabled = true
        defer { board.irqDisabled = mask }
        try board.idle(until: deadline)
        throw board.requestReset(.deepSleep)
    }

    static func bootloader() -> Error {
        Py.error(.NotImplementedError, "the emulated \(board.definition.name) has no DFU bootloader; to change the firmware, rebuild microboard")
    }

    // MARK: interrupts

    static func disableIRQ() -> Obj {
        let was = !board.irqDisabled
        board.irqDisabled = true
        return Py.bool(was)
    }

    static func enableIRQ(_ on: Bool) throws -> Obj {
        board.irqDisabled = !on
        if on && !board.pins.pending.isEmpty { Py.requestAttention() }
        return Py.none
    }

    // MARK: pyb.info

    static func hex(_ v: UInt32) -> String { String(v, radix: 16) }

    /// The firmware's information dump: ID, clocks, linker symbols, heap.
    static func info(_ dump: Obj?) throws -> Obj {
        let def = board.definition
        let id = def.uniqueIdBytes
        func word(_ k: Int) -> String {
            let v = UInt32(id[4 * k]) | UInt32(id[4 * k + 1]) << 8 | UInt32(id[4 * k + 2]) << 16 | UInt32(id[4 * k + 3]) << 24
            let s = hex(v)
            return String(repeating: "0", count: 8 - s.count) + s
        }
        let clocks = busClocks(board.sysclkHz)
        let heapEnd = def.memory.heapEnd
        let heapStart = heapEnd - UInt32(def.heap.bytes)
        let sram = def.memory.sram
        let ramEnd = sram.base + UInt32(sram.size)
        var out = "ID=\(word(0)):\(word(1)):\(word(2))\n"
        out += "S=\(clocks[0])\nH=\(clocks[1])\nP1=\(clocks[2])\nP2=\(clocks[3])\n"
        out += "_sdata=\(hex(sram.base))\n_ebss=\(hex(heapStart))\n_sstack=\(hex(heapEnd))\n_estack=\(hex(ramEnd))\n"
        out += "_ram_start=\(hex(sram.base))\n_heap_start=\(hex(heapStart))\n_heap_end=\(hex(heapEnd))\n_ram_end=\(hex(ramEnd))\n"
        let heap = Py.heapUsage
        out += "GC:\n  \(heap.total) total\n  \(heap.used) : \(heap.total - heap.used)\n"
        board.writeStdout(out)
        if let d = dump, try Py.truthy(d) { Py.memInfo(verbose: true) }
        return Py.none
    }
}
