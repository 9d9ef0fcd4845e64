// The random module (being written; registers nothing until then).

enum ModuleRandom {
    static func register() {}
}
