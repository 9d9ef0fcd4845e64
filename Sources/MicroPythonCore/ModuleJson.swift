// The json module (being written; registers nothing until then).

enum ModuleJson {
    static func register() {}
}
