// The math module (being written; registers nothing until then).

enum ModuleMath {
    static func register() {}
}
