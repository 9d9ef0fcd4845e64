import MicroPythonCore

// mp_arg_parse_all for the bus classes: named parameters, positional or keyword-only, with the
// TypeErrors MicroPython raises for missing, extra and unknown arguments.

struct ArgParser {
    struct Param {
        let name: String
        let keywordOnly: Bool
        let required: Bool
    }
    let params: [Param]

    init(_ params: [(String, kwOnly: Bool, required: Bool)]) {
        self.params = params.map { Param(name: $0.0, keywordOnly: $0.kwOnly, required: $0.required) }
    }

    /// Parses `a` from positional index `first` (past self and anything the caller takes).
    func parse(_ a: PyArgs, first: Int) throws -> [String: Obj] {
        var out: [String: Obj] = [:]
        let positional = params.filter { !$0.keywordOnly }
        let given = a.count - first
        if given > positional.count { throw Py.error(.TypeError, "extra positional arguments given") }
        for i in 0..<max(0, given) { out[positional[i].name] = a[first + i] }
        for k in a.keywordNames {
            guard params.contains(where: { $0.name == k }) else {
                throw Py.error(.TypeError, "unexpected keyword argument '\(k)'")
            }
            if out[k] == nil, let v = a.kw(k) { out[k] = v }
        }
        for p in params where p.required && out[p.name] == nil {
            throw Py.error(.TypeError, "'\(p.name)' argument required")
        }
        return out
    }
}

extension Dictionary where Key == String, Value == Obj {
    func int(_ k: String, _ d: Int) throws -> Int { try self[k].map(Py.toInt) ?? d }
    func bool(_ k: String, _ d: Bool) throws -> Bool { try self[k].map(Py.truthy) ?? d }
}
