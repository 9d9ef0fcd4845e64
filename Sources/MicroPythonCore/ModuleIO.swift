// The io module (being written; registers nothing until then).

enum ModuleIO {
    static func register() {}
}
