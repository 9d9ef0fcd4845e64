import MicroPythonCore

// mp_arg_parse_all for the board's classes: named parameters, some positional, some keyword-only,
// with MicroPython's error messages ("extra positional arguments given", "unexpected keyword
// argument 'x'", "'x' argument required").

struct ArgSpec {
    let name: String
    var required = false
    var kwOnly = false
    init(_ name: String, required: Bool = false, kwOnly: Bool = false) {
        self.name = name
        self.required = required
        self.kwOnly = kwOnly
    }
}

struct ParsedArgs {
    private var values: [String: Obj] = [:]
    init(_ v: [String: Obj]) { values = v }
    /// The argument, or nil when not given.
    subscript(_ name: String) -> Obj? { values[name] }
    /// The argument unless absent or None.
    func notNone(_ name: String) -> Obj? {
        if let v = values[name], !Py.isNone(v) { return v }
        return nil
    }
    func int(_ name: String, _ def: Int) throws -> Int { try values[name].map(Py.toInt) ?? def }
    func bool(_ name: String, _ def: Bool) throws -> Bool { try values[name].map(Py.truthy) ?? def }
    var isEmpty: Bool { values.isEmpty }
}

/// Parses a[first...] and the keywords against `spec`.
func parseArgs(_ a: PyArgs, from first: Int, _ spec: [ArgSpec]) throws -> ParsedArgs {
    var out: [String: Obj] = [:]
    let positional = spec.filter { !$0.kwOnly }
    let nPos = a.count - first
    if nPos > positional.count { throw Py.error(.TypeError, "extra positional arguments given") }
    for i in 0..<max(0, nPos) { out[positional[i].name] = a[first + i] }
    for k in a.keywordNames {
        guard spec.contains(where: { $0.name == k }) else { throw Py.error(.TypeError, "unexpected keyword argument '\(k)'") }
        if out[k] != nil { throw Py.error(.TypeError, "function got multiple values for argument '\(k)'") }
        out[k] = a.kw(k)
    }
    for s in spec where s.required && out[s.name] == nil {
        throw Py.error(.TypeError, "'\(s.name)' argument required")
    }
    return ParsedArgs(out)
}

/// True when a call passes anything after its first `first` positional arguments.
func hasMoreArgs(_ a: PyArgs, after first: Int) -> Bool { a.count > first || !a.keywordNames.isEmpty }

/// "12.5" for floats, as MicroPython formats a float argument in messages.
func formatNumber(_ o: Obj) -> String { (try? Py.strOf(o)) ?? "?" }

/// mp_obj_get_int: an int (or bool), else TypeError "can't convert str to int".
func intArg(_ o: Obj) throws -> Int {
    guard Py.isInt(o) || o == Py.true || o == Py.false else {
        throw Py.error(.TypeError, "can't convert \(Py.typeName(o)) to int")
    }
    return try Py.toInt(o)
}
