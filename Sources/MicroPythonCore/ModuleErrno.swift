// The errno module (being written; registers nothing until then).

enum ModuleErrno {
    static func register() {}
}
