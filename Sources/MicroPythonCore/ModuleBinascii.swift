// The binascii module (being written; registers nothing until then).

enum ModuleBinascii {
    static func register() {}
}
