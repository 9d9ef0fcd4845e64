// The collections module (being written; registers nothing until then).

enum ModuleCollections {
    static func register() {}
}
