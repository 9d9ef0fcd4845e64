import Testing
@testable import MicroPythonCore

// Unit tests of Symtable.swift and Compiler.swift through compiled-and-run programs: scoping,
// constant folding, const(), exception tables, generators, and the SyntaxErrors (message and
// line) of bad programs. Expected outputs are CPython's where the languages agree and
// MicroPython v1.28's (py/compile.c, py/parse.c) for error messages.

/// Disassembly of a module, or "error: ..." (runs on the interpreter thread: the compiler interns).
private func disassembly(_ src: String) -> String {
    CoreHarness.run {
        do {
            let body = try parseModule(Array(src.utf8))
            let unit = try compileAST(body, ctx: CompileContext(filename: "<test>", mode: .file))
            return disassemble(unit)
        } catch {
            return "error: \(error)"
        }
    }
}

/// The opcodes of the module-level code (no nested code objects), one mnemonic + argument each.
private func moduleOps(_ src: String) -> [String] {
    let text = disassembly(src)
    var ops: [String] = []
    for line in text.split(separator: "\n").dropFirst() {
        // top-level instructions are indented by exactly two spaces: "  12: loadConst 0"
        guard line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") else { break }
        let rest = line[line.index(after: colon)...].split(separator: " ")
        ops.append(rest.prefix(2).joined(separator: " "))
    }
    return ops
}

extension InterpreterSuites {
@Suite struct CompilerTests {

    // MARK: - scoping

    @Test func closuresAndNonlocal() {
        let out = CoreHarness.py("""
            def make_counter():
                n = 0
                def inc(by=1):
                    nonlocal n
                    n += by
                    return n
                def get():
                    return n
                return inc, get
            inc, get = make_counter()
            inc(); inc(5)
            print(get(), inc(), get())
            fs = [lambda: i for i in range(3)]
            print([f() for f in fs])
            gs = [lambda i=i: i for i in range(3)]
            print([g() for g in gs])
            def outer():
                x = 'outer'
                def middle():
                    def inner():
                        return x
                    return inner
                f = middle()
                x = 'changed'
                return f()
            print(outer())
            def shadow():
                x = 1
                def f():
                    x = 2
                    return x
                return f(), x
            print(shadow())
            def cell_param(a):
                def g():
                    return a * 2
                a += 1
                return g()
            print(cell_param(10))
            def deep():
                v = 1
                def l1():
                    def l2():
                        def l3():
                            nonlocal v
                            v += 10
                            return v
                        return l3()
                    return l2()
                return l1(), v
            print(deep())
            """)
        #expect(out == """
            6 7 7
            [2, 2, 2]
            [0, 1, 2]
            changed
            (2, 1)
            22
            (11, 11)

            """)
    }

    @Test func globalDeclarations() {
        let out = CoreHarness.py("""
            g = 0
            def setg(v):
                global g
                g = v
            setg(5)
            print(g)
            def nested_global():
                def inner():
                    global g
                    g += 1
                inner()
                return g
            print(nested_global(), g)
            def reads_global():
                return g * 2
            print(reads_global())
            def local_shadows():
                g = 100
                return g
            print(local_shadows(), g)
            def unbound():
                try:
                    print(h)
                    h = 1
                except NameError as e:
                    return type(e).__name__
            print(unbound())
            def creates():
                global fresh
                fresh = 'made'
            creates()
            print(fresh, 'fresh' in globals())
            """)
        #expect(out == "5\n6 6\n12\n100 6\nNameError\nmade True\n")
    }

    @Test func classBodies() {
        let out = CoreHarness.py("""
            x = 'module'
            class C:
                x = 'class'
                y = x + '!'
                def m(self):
                    return x
                z = [x for _ in range(1)]
            print(C.y, C().m(), C.z)
            def f():
                a = 10
                class D:
                    b = a + 1
                    def get(self):
                        return a * 2
                return D.b, D().get()
            print(f())
            x = 1
            class E:
                x = x + 1
            print(x, E.x)
            class F:
                items = [1, 2, 3]
                doubled = [v * 2 for v in items]
            print(F.doubled)
            class G:
                def method(self):
                    return 'G.method'
                count = 0
                for k in range(3):
                    count += k
            print(G().method(), G.count, hasattr(G, 'k'))
            """)
        #expect(out == "class! module ['module']\n(11, 20)\n1 2\n[2, 4, 6]\nG.method 3 True\n")
    }

    @Test func comprehensionsHaveTheirOwnScope() {
        let out = CoreHarness.py("""
            print([i * j for i in range(3) for j in range(i)])
            i = 'kept'
            [i for i in range(5)]
            print(i)
            print({k: v for k, v in zip('ab', (1, 2))}, {c for c in 'aab'} == {'a', 'b'})
            g2 = (n * n for n in range(4))
            print(next(g2), list(g2))
            def comp_closure():
                base = 10
                return [base + k for k in range(3)], list(base * k for k in range(3))
            print(comp_closure())
            def late():
                fs = [lambda: n for n in range(3)]
                return [f() for f in fs]
            print(late())
            print([[y for y in range(x)] for x in range(3)])
            """)
        #expect(out == """
            [0, 0, 2]
            kept
            {'a': 1, 'b': 2} True
            0 [1, 4, 9]
            ([10, 11, 12], [0, 10, 20])
            [2, 2, 2]
            [[], [0], [0, 1]]

            """)
    }

    // MARK: - constants

    @Test func constantFoldingOfSmallIntArithmetic() {
        let ops = moduleOps("""
            a = 2 * 3 + 1
            b = -7 // 2
            c = -7 % 3
            d = (1 << 29) | 5
            e = 2 ** 10
            f = ~5 ^ 3
            """)
        #expect(!ops.contains { $0.hasPrefix("binaryOp") || $0.hasPrefix("unaryOp") }, "\(ops)")
        #expect(ops.filter { $0.hasPrefix("loadSmallInt") || $0.hasPrefix("loadConst") }.count == 6, "\(ops)")
        #expect(ops.first == "loadSmallInt 7")
        // results outside the 31-bit small int range are computed at run time (as MicroPython)
        let big = moduleOps("g = 1 << 30\nh = 2 ** 40\n")
        #expect(big.filter { $0.hasPrefix("binaryOp") }.count == 2, "\(big)")
        // the folded values are Python's
        let out = CoreHarness.py("""
            print(2 * 3 + 1, -7 // 2, -7 % 3, (1 << 29) | 5, 2 ** 10, ~5 ^ 3)
            print(1 << 30, 2 ** 40, -(2 ** 30), 7 % -3, -7 // -2, 0x3fffffff + 1)
            print(-2 ** 2, (-2) ** 2, 2 ** -1, 10 - 2 - 3, 2 ** 3 ** 2)
            try:
                x = 1 // 0
            except ZeroDivisionError:
                print('ZeroDivisionError at run time')
            """)
        #expect(out == """
            7 -4 2 536870917 1024 -7
            1073741824 1099511627776 -1073741824 -2 3 1073741824
            -4 4 0.5 5 512
            ZeroDivisionError at run time

            """)
    }

    @Test func constIsSubstitutedAndPrivateNamesAreNotStored() {
        let out = CoreHarness.py("""
            from micropython import const
            _A = const(10)
            B = const(_A * 2)
            _MASK = const((1 << 29) | 7)
            print(_A, B, hex(_MASK))
            print('_A' in globals(), 'B' in globals(), '_MASK' in globals())
            def f():
                return _A + B
            print(f())
            class C:
                _K = const(4)
                def m(self):
                    return _K
            print(C().m(), hasattr(C, '_K'))
            """)
        #expect(out == "10 20 0x20000007\nFalse True False\n30\n4 False\n")
        // _A never reaches the module's globals: no store, only the folded value
        let ops = moduleOps("from micropython import const\n_A = const(10)\nx = _A + 1\n")
        #expect(ops.contains("loadSmallInt 11"), "\(ops)")
        #expect(ops.filter { $0.hasPrefix("storeGlobal") || $0.hasPrefix("storeName") }.count == 2, "\(ops)")
    }

    @Test func constOfANonConstantIsASyntaxError() {
        // py/parse.c: `if (!mp_parse_node_is_const(pn_value)) -> SyntaxError "not a constant"`
        let err = CoreHarness.compileError("x = 5\nfrom micropython import const\nY = const(x)\nprint(Y)\n")
        #expect(err == .init(type: "SyntaxError", message: "not a constant", line: 3, lineSuffix: ""))
    }

    // MARK: - exception tables

    @Test func tryFinallyWithBreakContinueAndReturn() {
        let out = CoreHarness.py("""
            def loop_finally():
                for i in range(5):
                    try:
                        if i == 1:
                            continue
                        if i == 3:
                            break
                        print('body', i)
                    finally:
                        print('fin', i)
                return 'done'
            print(loop_finally())
            def ret_finally():
                try:
                    return 'try'
                finally:
                    print('cleanup')
            print(ret_finally())
            def override():
                try:
                    return 1
                finally:
                    return 2
            print(override())
            def swallow():
                try:
                    raise ValueError
                finally:
                    return 'swallowed'
            print(swallow())
            for i in range(3):
                try:
                    raise KeyError(i)
                finally:
                    break
            print('after break', i)
            def while_try():
                n = 0
                while True:
                    n += 1
                    try:
                        if n < 3:
                            continue
                        return n
                    finally:
                        print('w', n)
            print(while_try())
            """)
        #expect(out == """
            body 0
            fin 0
            fin 1
            body 2
            fin 2
            fin 3
            done
            cleanup
            try
            2
            swallowed
            after break 0
            w 1
            w 2
            w 3
            3

            """)
    }

    @Test func tryExceptElseFinallyAndNesting() {
        let out = CoreHarness.py("""
            def divide(x):
                try:
                    r = 10 // x
                except ZeroDivisionError as err:
                    print('zde', type(err).__name__)
                    return -1
                else:
                    print('else')
                    return r
                finally:
                    print('fin')
            print(divide(2), divide(0))
            def nested():
                out = []
                for i in range(3):
                    try:
                        try:
                            if i == 0:
                                raise ValueError(i)
                            if i == 1:
                                continue
                            out.append('inner' + str(i))
                        finally:
                            out.append('f1-' + str(i))
                    except ValueError:
                        out.append('caught' + str(i))
                    finally:
                        out.append('f2-' + str(i))
                return out
            print(nested())
            try:
                raise ValueError('outer')
            except ValueError:
                try:
                    raise KeyError('inner')
                except KeyError:
                    pass
                try:
                    raise
                except ValueError as e:
                    print('reraised', e)
            try:
                e
            except NameError:
                print('except name deleted')
            def handler_return():
                for i in range(3):
                    try:
                        raise IndexError
                    except IndexError:
                        if i == 1:
                            return 'returned from handler at ' + str(i)
                        continue
            print(handler_return())
            """)
        #expect(out == """
            else
            fin
            zde ZeroDivisionError
            fin
            5 -1
            ['f1-0', 'caught0', 'f2-0', 'f1-1', 'f2-1', 'inner2', 'f1-2', 'f2-2']
            reraised outer
            except name deleted
            returned from handler at 1

            """)
    }

    @Test func withStatementsUnwindOnBreakContinueReturnAndExceptions() {
        let out = CoreHarness.py("""
            class CM:
                def __init__(self, n):
                    self.n = n
                def __enter__(self):
                    print('enter', self.n)
                    return self
                def __exit__(self, t, v, tb):
                    print('exit', self.n, t.__name__ if t else None)
                    return self.n == 2
            for i in range(5):
                with CM(i):
                    if i == 0:
                        continue
                    if i == 2:
                        raise ValueError
                    if i == 3:
                        break
                print('after with', i)
            def w():
                with CM(9) as c:
                    return c.n
            print(w())
            def nested_with():
                with CM(10) as a, CM(11) as b:
                    return a.n + b.n
            print(nested_with())
            try:
                with CM(20):
                    raise KeyError('k')
            except KeyError as e:
                print('propagated', e)
            def with_in_try():
                try:
                    with CM(30):
                        return 'r'
                finally:
                    print('outer finally')
            print(with_in_try())
            def gen():
                with CM(40):
                    yield 1
                    yield 2
            print(list(gen()))
            """)
        #expect(out == """
            enter 0
            exit 0 None
            enter 1
            exit 1 None
            after with 1
            enter 2
            exit 2 ValueError
            after with 2
            enter 3
            exit 3 None
            enter 9
            exit 9 None
            9
            enter 10
            enter 11
            exit 11 None
            exit 10 None
            21
            enter 20
            exit 20 KeyError
            propagated k
            enter 30
            exit 30 None
            outer finally
            r
            enter 40
            exit 40 None
            [1, 2]

            """)
    }

    @Test func runtimeErrorsReportTheirLines() {
        let out = CoreHarness.py("""
            def f(x):
                y = x + 1

                return y // 0
            def g():
                a = 1
                return f(a)
            try:
                g()
            except ZeroDivisionError as e:
                import sys
                sys.print_exception(e)
            g()
            """)
        #expect(out == """
            Traceback (most recent call last):
              File "<string>", line 9, in <module>
              File "<string>", line 7, in g
              File "<string>", line 4, in f
            ZeroDivisionError: divide by zero
            Traceback (most recent call last):
              File "<string>", line 13, in <module>
              File "<string>", line 7, in g
              File "<string>", line 4, in f
            ZeroDivisionError: divide by zero

            """)
    }

    // MARK: - generators

    @Test func generatorsSendThrowCloseAndYieldFrom() {
        let out = CoreHarness.py("""
            def g():
                try:
                    x = yield 1
                    print('got', x)
                    yield x * 2
                except KeyError:
                    yield 'caught'
                finally:
                    print('gfin')
            it = g()
            print(next(it))
            print(it.send(5))
            print(it.throw(KeyError))
            try:
                next(it)
            except StopIteration:
                print('stop')
            def h():
                try:
                    yield 1
                    yield 2
                finally:
                    print('closing')
            it = h()
            next(it)
            it.close()
            print('closed')
            def inner():
                yield 1
                yield 2
                return 'ret'
            def outer():
                r = yield from inner()
                yield r
            print(list(outer()))
            def s():
                return 42
                yield
            try:
                next(s())
            except StopIteration as e:
                print('value', e.args[0] if e.args else None)
            def fib():
                a, b = 0, 1
                while True:
                    yield a
                    a, b = b, a + b
            f = fib()
            print([next(f) for _ in range(10)])
            def counter(n):
                i = 0
                while i < n:
                    cmd = yield i
                    if cmd == 'reset':
                        i = 0
                    else:
                        i += 1
            c = counter(5)
            print(next(c), next(c), c.send('reset'), next(c))
            def delegate():
                try:
                    yield from g()
                except Exception as e:
                    print('delegate saw', type(e).__name__)
            d = delegate()
            print(next(d), d.send(3), d.throw(KeyError))
            print(sum(x * x for x in range(10) if x % 2))
            def gen_ret_in_try():
                try:
                    yield 1
                    return 'early'
                finally:
                    print('gen fin')
            print(list(gen_ret_in_try()))
            def empty():
                return
                yield
            print(list(empty()), type(empty()).__name__)
            """)
        #expect(out == """
            1
            got 5
            10
            caught
            gfin
            stop
            closing
            closed
            [1, 2, 'ret']
            value 42
            [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
            0 1 0 1
            got 3
            1 6 caught
            165
            gen fin
            [1]
            [] generator

            """)
    }

    @Test func generatorRunningTwiceIsAnError() {
        let out = CoreHarness.py("""
            def g():
                yield me.send(None)
            me = g()
            try:
                next(me)
            except ValueError as e:
                print('ValueError', e)
            def stopped():
                yield 1
            s = stopped()
            print(list(s), list(s))
            """)
        #expect(out == "ValueError generator already executing\n[1] []\n")
    }

    // MARK: - syntax errors

    struct BadProgram: CustomStringConvertible, Sendable {
        var source: String
        var type = "SyntaxError"
        var message: String
        var line: Int?
        var description: String { source.debugDescription }
    }

    static let badPrograms: [BadProgram] = [
        .init(source: "x = 1\nreturn x\n", message: "'return' outside function", line: 2),
        .init(source: "class C:\n    def m(self):\n        pass\n    return 5\n", message: "'return' outside function", line: 4),
        .init(source: "x = 1\nyield x\n", message: "'yield' outside function", line: 2),
        .init(source: "x = 1\nawait x\n", message: "'await' outside function", line: 2),
        .init(source: "x = 1\n\nbreak\n", message: "'break'/'continue' outside loop", line: 3),
        .init(source: "for i in []:\n    pass\ncontinue\n", message: "'break'/'continue' outside loop", line: 3),
        .init(source: "for i in range(3):\n    class C:\n        break\n", message: "'break'/'continue' outside loop", line: 3),
        .init(source: "while True:\n    pass\nelse:\n    break\n", message: "'break'/'continue' outside loop", line: 4),
        .init(source: "if 1:\n    x = 1\n      y = 2\n", type: "IndentationError", message: "unexpected indent", line: 3),
        .init(source: "\n\n  x = 1\n", type: "IndentationError", message: "unexpected indent", line: 3),
        .init(source: "if 1:\n    x = 1\n  y = 2\n", type: "IndentationError",
              message: "unindent doesn't match any outer indent level", line: 3),
        .init(source: "x = 1\nx + = 2\n", message: "invalid syntax", line: 2),
        .init(source: "def f():\n    pass\n\ndef g(:\n    pass\n", message: "invalid syntax", line: 4),
        .init(source: "f() = 1\n", message: "can't assign to expression", line: 1),
        .init(source: "x = 1\ndel f()\n", message: "can't delete expression", line: 2),
        .init(source: "def f(a=1, b):\n    pass\n", message: "non-default argument follows default argument", line: 1),
        .init(source: "x = 0\nf(a=1, 2)\n", message: "positional arg after keyword arg", line: 2),
        .init(source: "a, *b, *c = 1, 2, 3\n", message: "multiple *x in assignment", line: 1),
        .init(source: "def f(a, a):\n    pass\n", message: "argument name reused", line: 1),
        .init(source: "def f():\n    nonlocal q\n", message: "no binding for nonlocal found", line: 2),
        .init(source: "def f():\n    x = 1\n    def g():\n        nonlocal y\n", message: "no binding for nonlocal found",
              line: 4),
        .init(source: "x = 1\nnonlocal x\n", message: "can't declare nonlocal in outer code", line: 2),
        .init(source: "def f():\n    x = 1\n    global x\n", message: "identifier redefined as global", line: 3),
        .init(source: "def f():\n    from sys import *\n", message: "import * not at module level", line: 2),
        .init(source: "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
              message: "default 'except' must be last", line: nil),
    ]

    @Test(arguments: CompilerTests.badPrograms)
    func syntaxErrorsReportMessageAndLine(_ bad: BadProgram) {
        let err = CoreHarness.compileError(bad.source)
        #expect(err != nil, "no error reported")
        guard let err else { return }
        #expect(err.type == bad.type)
        if let line = bad.line { #expect(err.line == line) }
        #expect(err.message == bad.message)
    }

    @Test func syntaxErrorStopsTheWholeModule() {
        // nothing runs: the error is raised at compile time, before the first print
        let out = CoreHarness.py("print('ran')\ndef f():\n    pass\nreturn 1\n")
        #expect(!out.contains("ran"))
        #expect(CoreHarness.parseError(out)?.line == 4)
        // exec() and compile-time errors inside a string are catchable SyntaxErrors
        let caught = CoreHarness.py("""
            try:
                exec('x = 1\\nbreak\\n')
            except SyntaxError:
                print('caught SyntaxError')
            try:
                exec('if 1:\\n  x = 1\\n    y = 2\\n')
            except SyntaxError as e:
                print('caught', type(e).__name__, isinstance(e, SyntaxError))
            """)
        #expect(caught == "caught SyntaxError\ncaught IndentationError True\n")
    }

    @Test func compileErrorTracebackNamesTheScope() {
        // py/compile.c adds the traceback entry with the scope's name (", in <module>", ", in f")
        // for errors found by the compiler; the parser's errors have no name.
        let moduleLevel = CoreHarness.compileError("x = 1\nreturn x\n")
        let inFunction = CoreHarness.compileError("def f():\n    nonlocal q\n")
        let parseError = CoreHarness.compileError("x = 1\nx + = 2\n")
        #expect(parseError?.lineSuffix == "")
        #expect(moduleLevel?.lineSuffix == ", in <module>")
        #expect(inFunction?.lineSuffix == ", in f")
    }
}
}
