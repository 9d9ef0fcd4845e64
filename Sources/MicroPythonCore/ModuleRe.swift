// The re module (being written; registers nothing until then).

enum ModuleRe {
    static func register() {}
}
