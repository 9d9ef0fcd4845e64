import Foundation
import Testing
@testable import MicroPythonCore

// Shared driver for tests that run the interpreter (HeapTests, CompilerTests, QstrMapTests).
//
// The runtime is a process-wide singleton at fixed addresses, and the GC scans the native stack
// of the one thread that runs Python code. So every test body goes through `CoreHarness.run`,
// which takes the process-wide runtime lock (shared with other targets' tests), runs the body on a fresh big-stack thread
// (`Interpreter.runIsolated`), and resets the Python state first. The suites that use it are
// also nested in the `.serialized` suite `InterpreterSuites`.

@Suite(.serialized) struct InterpreterSuites {}

enum CoreHarness {
    /// Heap size fixed at the first initialisation. Small so that gcstress and heap exhaustion
    /// stay fast in debug builds; tests never assume this exact figure.
    static let heapBytes = 1 << 20
    static let stackBytes = 64 * 1024 * 1024

    private final class Box<T>: @unchecked Sendable { var value: T? }

    /// Runs `body` on the interpreter thread with a fresh Python world (new sys.modules etc.).
    static func run<T>(gcStress: Bool = false, _ body: @escaping () -> T) -> T {
        Interpreter.withRuntimeLock { runLocked(gcStress: gcStress, body) }
    }

    private static func runLocked<T>(gcStress: Bool, _ body: @escaping () -> T) -> T {
        let box = Box<T>()
        Interpreter.runIsolated(stackBytes: stackBytes) {
            var config = RuntimeConfig()
            config.heapBytes = heapBytes
            config.gcStress = gcStress
            config.nativeStackBytes = stackBytes
            do {
                try Runtime.initialize(config)
            } catch {
                fatalError("cannot initialise the runtime: \(error)")
            }
            rt.pointee.threshold = -1
            rt.pointee.gcEnabled = true
            rt.pointee.heapLockDepth = 0
            Interpreter.setPath([])
            Interpreter.setArgv([""])
            box.value = body()
            rt.pointee.gcStress = false
            rt.pointee.heapLockDepth = 0
            rt.pointee.gcEnabled = true
            rt.pointee.threshold = -1
        }
        return box.value!
    }

    /// Runs a program as __main__ and returns everything it printed (stdout and stderr,
    /// including the traceback of an uncaught exception).
    static func py(_ source: String, gcStress: Bool = false) -> String {
        run(gcStress: gcStress) { runSource(source) }
    }

    /// Runs a program as __main__; must already be on the interpreter thread (inside `run`).
    static func runSource(_ source: String, filename: String = "<string>") -> String {
        Interpreter.captureOutput {
            _ = Interpreter.runMain(source: Array(source.utf8), filename: filename)
        }
    }

    /// The three parts of a compile error report: exception type, message, and the line of the
    /// traceback's `File "...", line N` entry (with whatever follows the number, e.g. ", in f").
    struct CompileError: Equatable, CustomStringConvertible {
        var type: String
        var message: String
        var line: Int?
        var lineSuffix: String
        var description: String { "\(type): \(message) @\(line.map(String.init) ?? "?")\(lineSuffix)" }
    }

    /// Compiles and runs `source`; returns the reported error, or nil if it ran.
    static func compileError(_ source: String) -> CompileError? {
        let out = py(source)
        return parseError(out)
    }

    static func parseError(_ out: String) -> CompileError? {
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let tbIndex = lines.firstIndex(of: "Traceback (most recent call last):") else { return nil }
        var lineNo: Int? = nil
        var suffix = ""
        var i = tbIndex + 1
        while i < lines.count, lines[i].hasPrefix("  File ") {
            if let r = lines[i].range(of: ", line ") {
                let rest = lines[i][r.upperBound...]
                let digits = rest.prefix(while: { $0.isNumber })
                lineNo = Int(digits)
                suffix = String(rest.dropFirst(digits.count))
            }
            i += 1
        }
        guard i < lines.count else { return nil }
        let last = lines[i]
        if let c = last.range(of: ": ") {
            return CompileError(type: String(last[..<c.lowerBound]), message: String(last[c.upperBound...]),
                                line: lineNo, lineSuffix: suffix)
        }
        return CompileError(type: last, message: "", line: lineNo, lineSuffix: suffix)
    }
}
