// The struct module (being written; registers nothing until then).

enum ModuleStruct {
    static func register() {}
}
