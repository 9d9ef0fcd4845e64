import MicroPythonCore

// Adds the bus and device classes to the board's modules: machine.I2C, machine.SoftI2C,
// machine.I2CTarget, machine.SPI, machine.SoftSPI, pyb.I2C, pyb.SPI, pyb.Accel and pyb.LCD. The
// modules themselves are the board's; this only
// extends them, so `register()` must run before their first import.

public enum DeviceBindings {
    /// Turns a pin argument (a Pin object or a pin name) into the board's pin name. The board
    /// installs the real resolver; the default accepts names given as strings.
    nonisolated(unsafe) public static var pinNameResolver: (Obj) throws -> String = namesOnly

    /// The resolver without a board: pin names given as strings.
    public static let namesOnly: (Obj) throws -> String = { o in
        guard Py.isStr(o) else { throw Py.error(.TypeError, "pin name expected (no Pin resolver installed)") }
        return try Py.toString(o)
    }

    static func pinName(_ o: Obj) throws -> String { try pinNameResolver(o) }

    /// The entries this file adds to `machine`.
    public static func machineEntries() -> [(String, PyEntry)] {
        [("I2C", .value(MachineI2C.i2cType)), ("SoftI2C", .value(MachineI2C.softI2CType)),
         ("SPI", .value(MachineSPI.spiType)), ("SoftSPI", .value(MachineSPI.softSPIType)),
         ("I2CTarget", .value(MachineI2CTarget.type))]
    }

    /// The entries this file adds to `pyb`.
    public static func pybEntries() -> [(String, PyEntry)] {
        [("Accel", .value(PybAccel.type)), ("I2C", .value(PybI2C.type)), ("SPI", .value(PybSPI.type)),
         ("LCD", .value(PybLCD.type))]
    }

    public static func register() {
        Py.extendModule("machine", machineEntries)
        Py.extendModule("pyb", pybEntries)
    }
}
