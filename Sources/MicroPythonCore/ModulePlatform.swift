// The platform module (being written; registers nothing until then).

enum ModulePlatform {
    static func register() {}
}
