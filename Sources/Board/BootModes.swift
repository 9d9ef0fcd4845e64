import Glibc
import MicroPythonCore

// The pyboard's boot modes (ports/stm32/boardctrl.c, update_reset_mode and flash_error): holding
// USR at a reset shows the modes on LED 2 (bit 0, green), LED 3 (bit 1, orange) and LED 4 (bit 2,
// blue), 600 ms each, cycling normal → safe → filesystem reset; releasing USR picks the one shown,
// which then flashes 6 times (50 ms off, 50 ms on) before a 400 ms pause. All on virtual time, so
// a scripted `--press USR` held across a reset selects a mode deterministically.

/// The reset modes of the stm32 port (BOARDCTRL_RESET_MODE_*).
public enum BootMode: Int, Sendable {
    case normal = 1
    /// boot.py and main.py are skipped.
    case safe = 2
    /// /flash is reformatted with the factory files before booting.
    case factoryReset = 3

    /// `--boot-mode` names.
    public init?(name: String) {
        switch name {
        case "standard", "normal": self = .normal
        case "safe": self = .safe
        case "reset", "factory", "filesystem-reset": self = .factoryReset
        default: return nil
        }
    }

    /// How long USR must be held from a reset for this mode to be shown when it is released: the
    /// middle of the mode's 600 ms slot (`--boot-mode` scripts a press of this length).
    public var holdMillis: Double { Double(rawValue - 1) * BootTiming.modeMillis + BootTiming.modeMillis / 2 }
}

/// The firmware's delays, in milliseconds.
public enum BootTiming {
    /// update_reset_mode: 30 polls of the switch, 20 ms apart, per mode.
    public static let pollMillis = 20.0
    public static let pollsPerMode = 30
    public static var modeMillis: Double { pollMillis * Double(pollsPerMode) }
    /// The selected mode flashes 6 times: LEDs off 50 ms, on 50 ms; then a 400 ms pause.
    public static let confirmFlashes = 6
    public static let confirmHalfMillis = 50.0
    public static let confirmPauseMillis = 400.0
    /// flash_error: red on/green off, then red off/green on, 250 ms each, n times.
    public static let errorHalfMillis = 250.0
    /// A boot.py that raised flashes 4 times, a main.py 3 times.
    public static let bootPyErrorFlashes = 4
    public static let mainPyErrorFlashes = 3
    /// factory_reset_create_filesystem keeps the green LED on for at least this long.
    public static let factoryResetLEDMillis = 200.0
}

extension Board {
    /// Whether the USR switch is pressed now (its pin read through the pin model).
    func userSwitchPressed() -> Bool {
        guard let s = definition.switches.first, let p = pins.index(of: s.pin) else { return false }
        return pins.level(p) != s.activeLow
    }

    /// Waits `ms` of virtual time with nothing of Python running (HAL_Delay before MicroPython is
    /// initialised); front-end events (USR released, RST, quit) are still taken. False when the
    /// board must stop waiting (a reset or quit was requested).
    @discardableResult
    func bootDelay(_ ms: Double) -> Bool {
        guard resetRequest == nil else { return false }
        let deadline = clock.nanos + UInt64(ms * 1_000_000)
        do { try idle(until: deadline) } catch { return false }
        return resetRequest == nil
    }

    /// LEDs 2–4 show a mode number in binary.
    func showMode(_ m: Int) {
        setLED(2, m & 1 != 0)
        setLED(3, m & 2 != 0)
        setLED(4, m & 4 != 0)
    }

    /// update_reset_mode: run after a power-on or hard reset, before the soft-reset loop.
    func selectBootMode() -> BootMode {
        scheduler.stepPeripherals()          // scripted presses due at the reset instant
        for e in mailbox.drain() { apply(e) }
        guard definition.leds.count >= 4, userSwitchPressed() else { return .normal }
        var mode = BootMode.normal.rawValue
        var released = false
        for _ in 0..<100 where !released {
            showMode(mode)
            for _ in 0..<BootTiming.pollsPerMode {
                guard bootDelay(BootTiming.pollMillis) else { return .normal }
                if !userSwitchPressed() { released = true; break }
            }
            if !released { mode = mode == BootMode.factoryReset.rawValue ? BootMode.normal.rawValue : mode + 1 }
        }
        for _ in 0..<BootTiming.confirmFlashes {
            showMode(0)
            guard bootDelay(BootTiming.confirmHalfMillis) else { return .normal }
            showMode(mode)
            guard bootDelay(BootTiming.confirmHalfMillis) else { return .normal }
        }
        guard bootDelay(BootTiming.confirmPauseMillis) else { return .normal }
        return BootMode(rawValue: mode) ?? .normal
    }

    /// flash_error(n): a script raised; red and green alternate n times, then green is left off.
    func flashError(_ n: Int) {
        for _ in 0..<n {
            setLED(1, true); setLED(2, false)
            guard bootDelay(BootTiming.errorHalfMillis) else { return }
            setLED(1, false); setLED(2, true)
            guard bootDelay(BootTiming.errorHalfMillis) else { return }
        }
        setLED(2, false)
    }
}
