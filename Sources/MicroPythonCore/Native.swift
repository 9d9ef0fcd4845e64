// Functions written in Swift that Python calls: builtin functions, methods of builtin types and
// functions of builtin modules. Each is a flash object [type][table index][arity][name] whose
// index selects a Swift closure from `natives`.

/// Arguments as they lie on the VM stack: positional values, then keyword values named by kwnames.
struct Args {
    let base: UnsafeMutablePointer<Obj>
    let count: Int          // positional (including self for methods)
    let kwnames: Obj        // tuple of qstrs, or null

    @inline(__always) subscript(_ i: Int) -> Obj { base[i] }
    @inline(__always) var kwCount: Int { kwnames.isNull ? 0 : tupleLen(kwnames) }

    /// The keyword argument `name`, if given.
    func kw(_ name: QID) -> Obj? {
        if kwnames.isNull { return nil }
        let n = tupleLen(kwnames)
        let names = tupleItems(kwnames)
        let key = Obj(qstr: name.rawValue)
        for i in 0..<n where names[i] == key { return base[count + i] }
        return nil
    }
    func kw(_ name: String) -> Obj? {
        if kwnames.isNull { return nil }
        let key = qobj(name)
        let names = tupleItems(kwnames)
        for i in 0..<tupleLen(kwnames) where names[i] == key { return base[count + i] }
        return nil
    }
    /// Positional argument i, else keyword `name`, else nil.
    func arg(_ i: Int, _ name: QID) -> Obj? { i < count ? base[i] : kw(name) }
    func arg(_ i: Int, _ name: String) -> Obj? { i < count ? base[i] : kw(name) }
    /// Positional argument i or nil.
    @inline(__always) func opt(_ i: Int) -> Obj? { i < count ? base[i] : nil }
    /// Positional argument i, treating None as absent.
    @inline(__always) func optNotNone(_ i: Int) -> Obj? {
        if i < count, base[i] != .none { return base[i] }
        return nil
    }
}

typealias NativeFn = (Args) throws -> Obj

enum NativeKind: UInt32 { case function = 0, method = 1, classMethod = 2, staticMethod = 3 }

struct NativeSpec {
    let name: String
    let minArgs: Int
    let maxArgs: Int        // varArgs for no limit
    let takesKw: Bool
    let kind: NativeKind
    let fn: NativeFn
    static let varArgs = 255
}

/// A builtin function taking min...max positional arguments.
func fn(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping NativeFn) -> NativeSpec {
    NativeSpec(name: name, minArgs: minArgs, maxArgs: maxArgs < 0 ? minArgs : maxArgs, takesKw: kw, kind: .function, fn: f)
}
/// A method of a builtin type; args[0] is self and counts in min/max.
func method(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping NativeFn) -> NativeSpec {
    NativeSpec(name: name, minArgs: minArgs, maxArgs: maxArgs < 0 ? minArgs : maxArgs, takesKw: kw, kind: .method, fn: f)
}
/// A classmethod of a builtin type; args[0] is the class.
func classMethod(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping NativeFn) -> NativeSpec {
    NativeSpec(name: name, minArgs: minArgs, maxArgs: maxArgs < 0 ? minArgs : maxArgs, takesKw: kw, kind: .classMethod, fn: f)
}
func staticMethod(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping NativeFn) -> NativeSpec {
    NativeSpec(name: name, minArgs: minArgs, maxArgs: maxArgs < 0 ? minArgs : maxArgs, takesKw: kw, kind: .staticMethod, fn: f)
}

nonisolated(unsafe) var natives: [NativeFn] = []

enum NativeWord { static let index = 1, arity = 2, name = 3 }

/// Creates the flash object for a native function.
func makeNative(_ spec: NativeSpec) -> Obj {
    natives.append(spec.fn)
    let a = romAllocRaw(bytes: 16)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = TypeID.builtinFunction.addr
    w[1] = UInt32(natives.count - 1)
    w[2] = UInt32(spec.minArgs) | UInt32(spec.maxArgs) << 8 | (spec.takesKw ? 1 << 16 : 0) | spec.kind.rawValue << 24
    w[3] = qobj(spec.name).raw
    return Obj(raw: a)
}

@inline(__always) func nativeKind(_ f: Obj) -> NativeKind { NativeKind(rawValue: f.w(2) >> 24) ?? .function }

/// Calls a native function object with arguments on the stack.
@inline(__always)
func callNative(_ f: Obj, _ args: Args) throws -> Obj {
    let arity = f.w(NativeWord.arity)
    let minA = Int(arity & 0xFF), maxA = Int((arity >> 8) & 0xFF)
    if _slowPath(args.count < minA || (maxA != NativeSpec.varArgs && args.count > maxA)) {
        throw argCountError(f, args.count)
    }
    if _slowPath(!args.kwnames.isNull && arity & (1 << 16) == 0) {
        throw typeError("function doesn't take keyword arguments")
    }
    return try natives[Int(f.w(NativeWord.index))](args)
}

@inline(never) func argCountError(_ f: Obj, _ given: Int) -> PyErr {
    let arity = f.w(NativeWord.arity)
    let minA = Int(arity & 0xFF), maxA = Int((arity >> 8) & 0xFF)
    let isMethod = nativeKind(f) == .method
    let adj = isMethod ? 1 : 0
    if minA == maxA {
        return typeError("function takes \(minA - adj) positional arguments but \(given - adj) were given")
    }
    if given < minA {
        return typeError("function missing \(minA - given) required positional arguments")
    }
    return typeError("function expected at most \(maxA - adj) arguments, got \(given - adj)")
}

/// Calls a native with a Swift array of positional arguments (kept on the VM stack meanwhile).
func callNative(_ f: Obj, _ argv: [Obj]) throws -> Obj {
    let mark = rt.pointee.vmStackTop
    guard mark + argv.count < rt.pointee.vmStackLimit else { throw runtimeError("maximum recursion depth exceeded") }
    for (i, v) in argv.enumerated() { mark[i] = v }
    rt.pointee.vmStackTop = mark + argv.count
    defer { rt.pointee.vmStackTop = mark }
    return try callNative(f, Args(base: mark, count: argv.count, kwnames: .null))
}

/// Calls `body` with one positional argument held on the VM stack (a GC root that stays valid for
/// the call, unlike a pointer into a temporary Swift array).
func withOneArg<R>(_ v: Obj, _ body: (Args) throws -> R) throws -> R {
    let slot = pushRoot(v)
    defer { popRoots(to: slot) }
    if rt.pointee.vmStackTop == slot { throw runtimeError("maximum recursion depth exceeded") }
    return try body(Args(base: slot, count: 1, kwnames: .null))
}
