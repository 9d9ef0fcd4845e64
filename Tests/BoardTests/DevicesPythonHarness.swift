import Foundation
@testable import Board
import MicroPythonCore

/// Runs Python programs against the device bindings. The runtime is a process-wide singleton
/// shared with the core's tests, so every run holds `Interpreter.withRuntimeLock` and runs on a
/// big-stack thread. The bindings are registered under test-only module names (`devices_machine`,
/// `devices_pyb`) so these tests do not depend on, or replace, the board's own modules.
enum DevicesPython {
    private static let registered: Void = {
        Py.registerModule("devices_machine") { DeviceBindings.machineEntries() }
        Py.registerModule("devices_pyb") { DeviceBindings.pybEntries() }
    }()

    private final class Box: @unchecked Sendable { var out = "" }

    /// Sets up `DeviceBuses.shared` with `setup`, runs `source` as __main__, returns its output.
    static func run(_ source: String, setup: (DeviceBuses) throws -> Void) rethrows -> String {
        try Interpreter.withRuntimeLock {
            _ = registered
            let buses = DeviceBuses.shared
            buses.clear()
            DeviceBindings.pinNameResolver = DeviceBindings.namesOnly
            HardwareUnits.reset()
            try setup(buses)
            let box = Box()
            Interpreter.runIsolated(stackBytes: 64 << 20) {
                var config = RuntimeConfig()
                config.heapBytes = 1 << 20
                config.nativeStackBytes = 64 << 20
                do { try Runtime.initialize(config) } catch { fatalError("runtime: \(error)") }
                Interpreter.setPath([])
                box.out = Interpreter.captureOutput {
                    _ = Interpreter.runMain(source: Array(source.utf8), filename: "<test>")
                }
                // Leave no roots behind (last exception, scheduled callbacks) for the next user.
                Interpreter.softReset()
            }
            return box.out
        }
    }

    /// A device clock that follows the host's monotonic clock, so `time.sleep_ms` in Python
    /// moves it (the host runner has no virtual clock).
    static func wallClock() -> DeviceClock {
        let start = ContinuousClock.now
        return {
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
    }
}
