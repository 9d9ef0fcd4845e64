// Scope analysis: decides for every name in every scope whether it is a local slot, a cell,
// a free variable taken from the closure, a global, or (in class bodies) a namespace entry.

final class Scope {
    enum Kind { case module, classBody, function, comprehension }
    enum Binding { case local(Int), cell(Int), free(Int), global, name, classDeref(Int) }

    let kind: Kind
    let name: String
    weak var parent: Scope?
    var children: [Scope] = []
    var params: [String] = []
    var assigned: Set<String> = []
    var used: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    var nonlocalLines: [String: Int] = [:]   // where each nonlocal was declared, for errors
    var isGenerator = false
    var isCoroutine = false
    var usesSuper = false          // uses super() or __class__: needs the class cell
    var line: Int

    // results of analysis
    var slots: [String: Int] = [:]
    var slotNames: [String] = []
    var cellNames: Set<String> = []
    var freeNames: [String] = []       // in closure order
    var needsClassCell = false        // class scope: provides __class__
    var usesNameOps = false           // module scope of exec/eval code

    init(kind: Kind, name: String, parent: Scope?, line: Int) {
        self.kind = kind
        self.name = name
        self.parent = parent
        self.line = line
    }

    var isFunctionLike: Bool { kind == .function || kind == .comprehension }

    func slot(_ name: String) -> Int {
        if let s = slots[name] { return s }
        let s = slotNames.count
        slots[name] = s
        slotNames.append(name)
        return s
    }

    func binding(_ name: String) -> Binding {
        switch kind {
        case .module:
            return usesNameOps ? .name : .global
        case .classBody:
            if name == "__class__" && needsClassCell { return .cell(slots[name]!) }
            if globals.contains(name) { return .global }
            if nonlocals.contains(name), let s = slots[name] { return .free(s) }
            if !assigned.contains(name), freeNames.contains(name), let s = slots[name] { return .classDeref(s) }
            return .name
        case .function, .comprehension:
            if globals.contains(name) { return .global }
            if let s = slots[name] {
                if freeNames.contains(name) { return .free(s) }
                if cellNames.contains(name) { return .cell(s) }
                return .local(s)
            }
            return .global
        }
    }
}

/// Walks the AST once to build the scope tree, then resolves every name.
final class SymtableBuilder {
    var scopes: [ObjectIdentifier: Scope] = [:]
    private var current: Scope
    let root: Scope
    private var errors: [SyntaxErrorInfo] = []

    init() {
        root = Scope(kind: .module, name: "<module>", parent: nil, line: 1)
        current = root
    }

    func build(_ body: [Stmt]) throws -> Scope {
        do {
            for s in body { try visit(s) }
        } catch var e as SyntaxErrorInfo {
            // scopes are pushed and popped without defer, so `current` is where the error was
            if e.scope == nil { e.scope = current.name }
            throw e
        }
        try analyze(root, bound: [])
        return root
    }

    // MARK: collection

    private func push(_ s: Scope) {
        current.children.append(s)
        current = s
    }
    private func pop() { current = current.parent! }

    private func store(_ name: String) { current.assigned.insert(name) }
    private func use(_ name: String) {
        current.used.insert(name)
        if name == "super" || name == "__class__" { current.usesSuper = true }
    }

    private func visitTarget(_ e: Expr) throws {
        switch e.kind {
        case .name(let n): store(n)
        case .tuple(let items), .list(let items): for i in items { try visitTarget(i) }
        case .starred(let inner): try visitTarget(inner)
        case .attribute(let o, _): try visit(o)
        case .subscript(let o, let i): try visit(o); try visit(i)
        default: try visit(e)
        }
    }

    private func visitArgsDefaults(_ a: Arguments) throws {
        for d in a.defaults { try visit(d) }
        for d in a.kwDefaults { if let d = d { try visit(d) } }
        for p in a.posonly + a.args + a.kwonly { if let an = p.annotation { try visit(an) } }
        if let v = a.vararg?.annotation { try visit(v) }
        if let v = a.kwarg?.annotation { try visit(v) }
    }

    private func paramNames(_ a: Arguments) -> [String] {
        var names = (a.posonly + a.args).map { $0.name }
        names += a.kwonly.map { $0.name }
        if let v = a.vararg { names.append(v.name) }
        if let k = a.kwarg { names.append(k.name) }
        return names
    }

    private func visitFunction(_ node: AnyObject, name: String, args: Arguments, body: [Stmt]?, expr: Expr?, isAsync: Bool, line: Int) throws {
        try visitArgsDefaults(args)
        let s = Scope(kind: .function, name: name, parent: current, line: line)
        s.isCoroutine = isAsync
        scopes[ObjectIdentifier(node)] = s
        push(s)
        let names = paramNames(args)
        var seen = Set<String>()
        for n in names {
            if !seen.insert(n).inserted { throw SyntaxErrorInfo("argument name reused", line: line) }
        }
        s.params = names
        for n in names { store(n) }
        if let body = body { for st in body { try visit(st) } }
        if let e = expr { try visit(e) }
        pop()
    }

    private func visitComprehension(_ node: Expr, elts: [Expr], gens: [Comprehension], isGen: Bool) throws {
        // the first iterable is evaluated in the enclosing scope
        try visit(gens[0].iter)
        let s = Scope(kind: .comprehension, name: "<comp>", parent: current, line: node.line)
        s.isGenerator = isGen
        scopes[ObjectIdentifier(node)] = s
        push(s)
        s.params = [".0"]
        store(".0")
        for (i, g) in gens.enumerated() {
            if i > 0 { try visit(g.iter) }
            try visitTarget(g.target)
            for c in g.ifs { try visit(c) }
            if g.isAsync { s.isCoroutine = true }
        }
        for e in elts { try visit(e) }
        pop()
    }

    func visit(_ s: Stmt) throws {
        switch s.kind {
        case .expr(let e): try visit(e)
        case .assign(let targets, let value):
            try visit(value)
            for t in targets { try visitTarget(t) }
        case .augAssign(let t, _, let v):
            try visit(v)
            if case .name(let n) = t.kind { use(n); store(n) } else { try visitTarget(t) }
        case .annAssign(let t, _, let v, _):
            if let v = v { try visit(v); try visitTarget(t) } else if case .name(let n) = t.kind, current.kind != .module {
                // a bare annotation still makes the name local in a function
                if current.isFunctionLike { store(n) }
            }
        case .functionDef(let name, let args, let body, let decorators, let returns, let isAsync):
            for d in decorators { try visit(d) }
            if let r = returns { try visit(r) }
            try visitFunction(s, name: name, args: args, body: body, expr: nil, isAsync: isAsync, line: s.line)
            store(name)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            for d in decorators { try visit(d) }
            for b in bases { try visit(b) }
            for k in keywords { try visit(k.value) }
            let cs = Scope(kind: .classBody, name: name, parent: current, line: s.line)
            scopes[ObjectIdentifier(s)] = cs
            push(cs)
            for st in body { try visit(st) }
            pop()
            store(name)
        case .return(let v): if let v = v { try visit(v) }
        case .delete(let targets): for t in targets { try visitTarget(t) }
        case .pass, .break, .continue: break
        case .if(let t, let b, let o):
            try visit(t); for x in b { try visit(x) }; for x in o { try visit(x) }
        case .while(let t, let b, let o):
            try visit(t); for x in b { try visit(x) }; for x in o { try visit(x) }
        case .for(let target, let iter, let b, let o, _):
            try visit(iter); try visitTarget(target)
            for x in b { try visit(x) }; for x in o { try visit(x) }
        case .with(let items, let body, _):
            for it in items {
                try visit(it.context)
                if let t = it.target { try visitTarget(t) }
            }
            for x in body { try visit(x) }
        case .raise(let e, let c):
            if let e = e { try visit(e) }
            if let c = c { try visit(c) }
        case .try(let body, let handlers, let orelse, let fin):
            for x in body { try visit(x) }
            for h in handlers {
                if let t = h.type { try visit(t) }
                if let n = h.name { store(n) }
                for x in h.body { try visit(x) }
            }
            for x in orelse { try visit(x) }
            for x in fin { try visit(x) }
        case .assert(let t, let m):
            try visit(t); if let m = m { try visit(m) }
        case .import(let names):
            for a in names {
                if let asn = a.asName { store(asn) } else { store(String(a.name.split(separator: ".")[0])) }
            }
        case .importFrom(_, let names, _):
            for a in names where a.name != "*" { store(a.asName ?? a.name) }
        case .global(let names):
            for n in names {
                if current.kind == .module { continue }
                if current.assigned.contains(n) || current.used.contains(n) {
                    throw SyntaxErrorInfo("identifier redefined as global", line: s.line)
                }
                current.globals.insert(n)
            }
        case .nonlocal(let names):
            if current.kind == .module { throw SyntaxErrorInfo("can't declare nonlocal in outer code", line: s.line) }
            for n in names {
                current.nonlocals.insert(n)
                if current.nonlocalLines[n] == nil { current.nonlocalLines[n] = s.line }
            }
        }
    }

    func visit(_ e: Expr) throws {
        switch e.kind {
        case .name(let n): use(n)
        case .constant: break
        case .joinedStr(let parts): for p in parts { try visit(p) }
        case .formatted(let v, _, let spec):
            try visit(v); if let s = spec { try visit(s) }
        case .tuple(let items), .list(let items), .set(let items): for i in items { try visit(i) }
        case .dict(let keys, let values):
            for k in keys { if let k = k { try visit(k) } }
            for v in values { try visit(v) }
        case .starred(let v): try visit(v)
        case .attribute(let o, _): try visit(o)
        case .subscript(let o, let i): try visit(o); try visit(i)
        case .slice(let a, let b, let c):
            if let a = a { try visit(a) }; if let b = b { try visit(b) }; if let c = c { try visit(c) }
        case .call(let f, let args, let kws):
            try visit(f)
            for a in args { try visit(a) }
            for k in kws { try visit(k.value) }
        case .unary(_, let v): try visit(v)
        case .binary(let a, _, let b): try visit(a); try visit(b)
        case .boolOp(_, let vs): for v in vs { try visit(v) }
        case .compare(let l, _, let rs): try visit(l); for r in rs { try visit(r) }
        case .ifExp(let t, let b, let o): try visit(t); try visit(b); try visit(o)
        case .lambda(let args, let body):
            try visitFunction(e, name: "<lambda>", args: args, body: nil, expr: body, isAsync: false, line: e.line)
        case .namedExpr(let target, let value):
            try visit(value)
            // binds in the nearest enclosing non-comprehension scope
            var s = current
            while s.kind == .comprehension, let p = s.parent { s = p }
            if s !== current {
                s.assigned.insert(target)
                var c: Scope? = current
                while let cc = c, cc !== s { cc.nonlocals.insert(target); cc.used.insert(target); c = cc.parent }
                if s.kind == .module { var c2: Scope? = current; while let cc = c2, cc !== s { cc.nonlocals.remove(target); cc.globals.insert(target); c2 = cc.parent } }
            } else {
                store(target)
            }
        case .listComp(let elt, let gens): try visitComprehension(e, elts: [elt], gens: gens, isGen: false)
        case .setComp(let elt, let gens): try visitComprehension(e, elts: [elt], gens: gens, isGen: false)
        case .dictComp(let k, let v, let gens): try visitComprehension(e, elts: [k, v], gens: gens, isGen: false)
        case .generatorExp(let elt, let gens): try visitComprehension(e, elts: [elt], gens: gens, isGen: true)
        case .await(let v):
            // an await inside a comprehension makes the comprehension a coroutine
            if current.kind == .comprehension { current.isCoroutine = true }
            try visit(v)
        case .yield(let v):
            current.isGenerator = true
            if let v = v { try visit(v) }
        case .yieldFrom(let v):
            current.isGenerator = true
            try visit(v)
        }
    }

    // MARK: resolution

    /// `bound`: names bound in enclosing function scopes (visible as free variables).
    /// Returns the names this scope needs from its enclosing scopes.
    @discardableResult
    private func analyze(_ s: Scope, bound: Set<String>) throws -> Set<String> {
        var locals = Set<String>()
        if s.isFunctionLike {
            locals = s.assigned.subtracting(s.globals).subtracting(s.nonlocals)
        }
        // a class body's nonlocal names need an enclosing function's binding too
        let unbound = s.nonlocals.filter { !bound.contains($0) }
        if !unbound.isEmpty {
            let line = unbound.map { s.nonlocalLines[$0] ?? s.line }.min() ?? s.line
            var e = SyntaxErrorInfo("no binding for nonlocal found", line: line)
            e.scope = s.name
            throw e
        }
        var childBound = bound
        if s.isFunctionLike { childBound.formUnion(locals) }
        if s.kind == .classBody { childBound.insert("__class__") }
        var needed = Set<String>()       // free names this scope must receive
        for n in s.nonlocals { needed.insert(n) }
        if s.isFunctionLike {
            for n in s.used where !locals.contains(n) && !s.globals.contains(n) && bound.contains(n) { needed.insert(n) }
            if s.usesSuper && bound.contains("__class__") && !locals.contains("__class__") { needed.insert("__class__") }
        } else if s.kind == .classBody {
            for n in s.used where !s.assigned.contains(n) && !s.globals.contains(n) && bound.contains(n) { needed.insert(n) }
            for n in s.nonlocals { needed.insert(n) }
        }
        var cells = Set<String>()
        for c in s.children {
            let childNeeds = try analyze(c, bound: childBound)
            for n in childNeeds {
                if s.isFunctionLike && locals.contains(n) {
                    cells.insert(n)
                } else if s.kind == .classBody && n == "__class__" {
                    s.needsClassCell = true
                } else {
                    needed.insert(n)
                }
            }
        }
        // slots: parameters first, in order, then other locals, then free variables
        if s.isFunctionLike {
            for p in s.params { _ = s.slot(p) }
            for n in locals.sorted() { _ = s.slot(n) }
            s.cellNames = cells
        }
        if s.kind == .classBody && s.needsClassCell { _ = s.slot("__class__") }
        s.freeNames = needed.sorted()
        for n in s.freeNames { _ = s.slot(n) }
        return needed
    }
}
