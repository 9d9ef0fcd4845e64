// The array module (being written; registers nothing until then).

enum ModuleArray {
    static func register() {}
}
