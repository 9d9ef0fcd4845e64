// The os module (being written; registers nothing until then).

enum ModuleOS {
    static func register() {}
}
