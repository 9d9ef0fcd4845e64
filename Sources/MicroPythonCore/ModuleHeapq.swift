// The heapq module (being written; registers nothing until then).

enum ModuleHeapq {
    static func register() {}
}
