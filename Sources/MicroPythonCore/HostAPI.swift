import CSupport

// What front ends call: run a file, a string, a module as __main__, or a REPL line, and get an
// exit status the way MicroPython's unix port reports it.

public enum RunOutcome: Equatable {
    case ok
    case exception           // uncaught exception, already printed
    case systemExit(Int32)
}

public enum Interpreter {
    /// Sets sys.argv and sys.path.
    public static func setArgv(_ argv: [String]) {
        let l = getRoot(.sysArgv)
        listSetLen(l, 0)
        for a in argv { if let s = try? newStr(a) { try? listAppend(l, s) } }
    }

    public static func setPath(_ path: [String]) {
        let l = getRoot(.sysPath)
        listSetLen(l, 0)
        for p in path { if let s = try? newStr(p) { try? listAppend(l, s) } }
    }

    /// Compiles and runs source as the __main__ module.
    public static func runMain(source: [UInt8], filename: String) -> RunOutcome {
        guardedRun { () throws in
            let m = try newModule(name: qobj(.__main__))
            let keep = pushRoot(m)
            defer { popRoots(to: keep) }
            try sysModulesMap().set(qobj(.__main__), m)
            if filename != "<stdin>" && filename != "<string>" {
                try dictMap(moduleDict(m)).set(qobj(.__file__), try newStr(filename))
            }
            let code = try compileSource(source, filename: filename, mode: .file)
            _ = pushRoot(code)
            _ = try runCode(code, globals: moduleDict(m))
        }
    }

    /// Runs a file in the existing __main__ module, as pyexec_file does for boot.py and main.py on
    /// a board (their globals stay for the REPL); `__file__` is set to `filename`.
    public static func runFileInMain(source: [UInt8], filename: String) -> RunOutcome {
        guardedRun { () throws in
            let m = try mainModule()
            let keep = pushRoot(m)
            defer { popRoots(to: keep) }
            try dictMap(moduleDict(m)).set(qobj(.__file__), try newStr(filename))
            let code = try compileSource(source, filename: filename, mode: .file)
            _ = pushRoot(code)
            _ = try runCode(code, globals: moduleDict(m))
        }
    }

    /// Imports a module with __name__ == "__main__" (the -m option).
    public static func runModuleAsMain(_ name: String) -> RunOutcome {
        guardedRun { () throws in
            let prev = frozenModules
            _ = prev
            // find the file the normal way, then run it as __main__
            let sp = getRoot(.sysPath)
            var found: (String, [UInt8])? = nil
            for i in 0..<listLen(sp) where isStr(listItems(sp)[i]) {
                let d = swiftString(listItems(sp)[i])
                let base = (d.isEmpty ? "" : d + "/") + name.replacingOccurrences(".", "/")
                if let s = readFileBytes(base + ".py") { found = (base + ".py", s); break }
                if let s = readFileBytes(base + "/__main__.py") { found = (base + "/__main__.py", s); break }
                if let s = readFileBytes(base + ".mpy") {
                    let m = try loadMpyModule("__main__", data: s, file: base + ".mpy")
                    _ = m
                    return
                }
            }
            if let fz = frozenModules[name] { found = (name + ".py", fz.source) }
            guard let (file, src) = found else { throw pyErr(.ImportError, "no module named '\(name)'") }
            let m = try newModule(name: qobj(.__main__))
            let keep = pushRoot(m)
            defer { popRoots(to: keep) }
            try sysModulesMap().set(qobj(.__main__), m)
            try dictMap(moduleDict(m)).set(qobj(.__file__), try newStr(file))
            let code = try compileSource(src, filename: file, mode: .file)
            _ = pushRoot(code)
            _ = try runCode(code, globals: moduleDict(m))
        }
    }

    /// Runs one REPL input in __main__; expression results are printed.
    public static func runREPLInput(_ source: [UInt8]) -> RunOutcome {
        guardedRun { () throws in
            let m = try mainModule()
            let code = try compileSource(source, filename: "<stdin>", mode: .single)
            let keep = pushRoot(code)
            defer { popRoots(to: keep) }
            _ = try runCode(code, globals: moduleDict(m))
        }
    }

    /// True when the text is an incomplete statement that needs more lines.
    public static func needsMoreInput(_ source: [UInt8]) -> Bool {
        do {
            _ = try parseModule(source)
            // a compound statement header continues until a blank line
            if let last = source.split(separator: 10).last(where: { !$0.allSatisfy { $0 == 32 || $0 == 9 } }) {
                let trimmed = last.reversed().drop(while: { $0 == 32 || $0 == 9 })
                if trimmed.first == UInt8(ascii: ":") { return true }
                if last.first == 32 || last.first == 9 { return !source.isEmpty && source.last != 10 || source.suffix(2) != [10, 10] }
            }
            return false
        } catch let e as SyntaxErrorInfo {
            return e.message.hasSubstring("EOF") || e.message.hasSubstring("expected an indented block") || unbalanced(source)
        } catch {
            return false
        }
    }

    static func unbalanced(_ s: [UInt8]) -> Bool {
        var depth = 0
        var quote: UInt8 = 0
        var triple = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if quote != 0 {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == quote {
                    if triple {
                        if i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote { quote = 0; i += 3; continue }
                    } else { quote = 0 }
                }
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                quote = c
                triple = i + 2 < s.count && s[i + 1] == c && s[i + 2] == c
                if triple { i += 3; continue }
            } else if c == UInt8(ascii: "#") {
                while i < s.count && s[i] != 10 { i += 1 }
            } else if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1 }
            else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { depth -= 1 }
            i += 1
        }
        return depth > 0 || quote != 0 || s.last == UInt8(ascii: "\\")
    }

    static func mainModule() throws -> Obj {
        if let m = try sysModulesMap().get(qobj(.__main__)) { return m }
        let m = try newModule(name: qobj(.__main__))
        try sysModulesMap().set(qobj(.__main__), m)
        return m
    }

    /// Runs `body`, printing an uncaught exception and mapping SystemExit to an exit status.
    static func guardedRun(_ body: () throws -> Void) -> RunOutcome {
        let mark = rt.pointee.vmStackTop
        defer { rt.pointee.vmStackTop = mark }
        do {
            try body()
            return .ok
        } catch {
            rt.pointee.vmStackTop = mark
            rt.pointee.heapLockDepth = 0
            schedLockDepth = 0
            let exc = error.exc
            setRoot(.handledException, .none)
            if isInstance(exc, .SystemExit) {
                let a = excArgs(exc)
                if tupleLen(a) == 0 || tupleItems(a)[0] == .none { return .systemExit(0) }
                let v = tupleItems(a)[0]
                if let n = smallOrBool(v) { return .systemExit(Int32(truncatingIfNeeded: n)) }
                var buf: [UInt8] = []
                try? appendStr(v, &buf)
                buf.append(10)
                emitStderr(buf)
                return .systemExit(1)
            }
            printException(exc)
            return .exception
        }
    }

    /// Runs the sys.atexit callback, if any.
    public static func runAtExit() -> RunOutcome {
        let cb = atexitCallback
        if cb.isNull { return .ok }
        atexitCallback = .null
        return guardedRun { () throws in _ = try callObjectArgs(cb, [], stackTop: rt.pointee.vmStackTop) }
    }

    /// MicroPython's soft reset: a fresh Python world (modules, sys.path/argv, mounts, scheduled
    /// callbacks, kept board objects) on the same flash image; everything else becomes garbage and
    /// is collected. The board layer then resets its peripherals and runs the boot scripts again.
    public static func softReset() {
        scheduledCallbacks.removeAll()
        atexitCallback = .null
        mb_sigint_pending = 0
        rt.pointee.heapLockDepth = 0
        schedLockDepth = 0
        rt.pointee.callDepth = 0
        setRoot(.vfsMounts, .none)
        setRoot(.vfsCurrent, .none)
        setRoot(.handledException, .none)
        setRoot(.raisedException, .none)
        ReplLineEditor.history.removeAll()    // as readline_init0 on a board's soft reset
        try? Runtime.resetHeapState()
        gcCollect()
    }

    /// Limits the program to about `n` instructions (nil: unlimited), for fuzzing.
    public static func setBudget(_ n: Int?) {
        rt.pointee.budget = n ?? -1
        setTicksLeft(n.map { min($0, rt.pointee.tickQuantum) } ?? rt.pointee.tickQuantum)
    }

    /// Runs `body` on a fresh thread with a big stack, as the VM must: its conservative stack
    /// scan and recursion limit are measured on the thread that runs Python code.
    public static func runIsolated(stackBytes: Int = 64 * 1024 * 1024, _ body: @escaping () -> Void) {
        final class Box {
            let body: () -> Void
            let stackBytes: Int
            init(_ b: @escaping () -> Void, _ n: Int) { body = b; stackBytes = n }
        }
        let box = Box(body, stackBytes)
        mb_run_on_big_stack(stackBytes, Unmanaged.passUnretained(box).toOpaque()) { ctx in
            let b = Unmanaged<Box>.fromOpaque(ctx!).takeUnretainedValue()
            Runtime.adoptCurrentThread(stackBytes: b.stackBytes)
            b.body()
        }
    }

    /// Output written by print() goes here instead of stdout while `capture` runs (tests).
    public static func captureOutput(_ body: () -> Void) -> String {
        var out: [UInt8] = []
        let savedOut = stdoutWrite, savedErr = stderrWrite
        stdoutWrite = { out += $0 }
        stderrWrite = { out += $0 }
        body()
        stdoutWrite = savedOut
        stderrWrite = savedErr
        return String(decoding: out, as: UTF8.self)
    }

    public static var banner: String {
        "MicroPython \(portInfo.versionString)-microboard on \(portInfo.buildDate); \(portInfo.machine)\nType \"help()\" for more information.\n"
    }
}
