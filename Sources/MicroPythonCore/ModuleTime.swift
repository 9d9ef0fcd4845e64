// The time module (being written; registers nothing until then).

enum ModuleTime {
    static func register() {}
}
