// Frozen Python modules: the sources under firmware/ are compiled into the binary by the
// FreezeFirmware build-tool plugin (as `frozenFirmware`, see Sources/freeze-tool) and made
// importable here. They live in the executable's constant data, and cost heap only once imported.

/// Fills `frozenModules` (Import.swift) from the generated `frozenFirmware` table.
func registerFrozenFirmware() {
    for m in frozenFirmware {
        let source = m.source.withUTF8Buffer { Array($0) }
        frozenModules[m.name] = (source: source, isPackage: m.isPackage)
    }
}
