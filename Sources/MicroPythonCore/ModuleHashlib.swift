// The hashlib module (being written; registers nothing until then).

enum ModuleHashlib {
    static func register() {}
}
