// The errno module: MicroPython's error codes (Linux numbering, as `errnoNames` in Errors.swift
// that OSError messages use) and `errorcode`, a dict from number to name, in flash.

enum ModuleErrno {
    static func register() {
        registerModule("errno") {
            let codes = errnoNames.sorted { $0.key < $1.key }
            var entries: [(String, ModuleEntry)] = codes.map { ($0.value, .value(Obj(small: $0.key))) }
            let wasBuilding = buildingRom
            buildingRom = true
            let d = romDict()
            for (n, name) in codes { try! dictMap(d).set(Obj(small: n), qobj(name)) }
            buildingRom = wasBuilding
            entries.append(("errorcode", .value(d)))
            return entries
        }
    }
}
