import CSupport
import Glibc
import MicroPythonCore
import BoardStorage
import SerialLink

// The host runner: MicroPython's unix-port command line (see shared/notes/run-tests-contract.md).
// Options are parsed by hand because the contract fixes their exact spelling, order and errors.

let usage = """
usage: microboard [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]
Options:
-h : print this help message
-i : enable inspection via REPL after running command/module/file
-v : verbose (trace various operations); can be multiple
-O[N] : apply bytecode optimizations of level N

Implementation specific options (-X):
  compile-only                 -- parse and compile only
  emit=bytecode                -- set the default code emitter
  heapsize=<n>[w][K|M]         -- set the heap size for the GC (default 2M)
  gcstress                     -- collect garbage before every allocation (testing)

"""

func invalidArgs() -> Never {
    writeErr("Invalid command line arguments. Use -h option for help.\n")
    exit(1)
}

func parseSize(_ text: String) -> Int? {
    var t = Substring(text)
    var mult = 1
    if t.hasSuffix("K") || t.hasSuffix("k") { mult = 1024; t = t.dropLast() }
    else if t.hasSuffix("M") || t.hasSuffix("m") { mult = 1024 * 1024; t = t.dropLast() }
    var wordMult = 1
    if t.hasSuffix("w") { wordMult = MemoryLayout<Int>.size; t = t.dropLast() }
    guard let n = Int(t), n > 0 else { return nil }
    return n * mult * wordMult
}

if boardModeRequested(CommandLine.arguments) { execBoard(CommandLine.arguments) }

var config = RuntimeConfig()
var command: String? = nil
var module: String? = nil
var script: String? = nil
var scriptArgs: [String] = []
var inspect = false
var compileOnly = false
var disassembleOnly = false

var args = Array(CommandLine.arguments.dropFirst())
var i = 0
while i < args.count {
    let a = args[i]
    if a == "-c" {
        guard i + 1 < args.count else { invalidArgs() }
        command = args[i + 1]
        scriptArgs = Array(args[(i + 2)...])
        break
    } else if a == "-m" {
        guard i + 1 < args.count else { invalidArgs() }
        module = args[i + 1]
        scriptArgs = Array(args[(i + 2)...])
        break
    } else if a == "-X" {
        guard i + 1 < args.count else { invalidArgs() }
        let opt = args[i + 1]
        if opt.hasPrefix("heapsize=") {
            guard let n = parseSize(String(opt.dropFirst(9))) else { invalidArgs() }
            config.heapBytes = n
        } else if opt == "emit=bytecode" || opt == "emit=native" || opt == "realtime" {
            // one emitter only: bytecode
        } else if opt == "gcstress" {
            config.gcStress = true
        } else if opt == "dis" {
            disassembleOnly = true
        } else if opt == "compile-only" {
            compileOnly = true
        } else {
            invalidArgs()
        }
        i += 2
        continue
    } else if takeHostREPLOption(args, &i) {
        continue
    } else if a == "-i" {
        inspect = true
    } else if a == "-h" {
        print(usage, terminator: "")
        exit(0)
    } else if a == "-v" || a.hasPrefix("-O") {
        // accepted for compatibility
    } else if a.hasPrefix("-") && a != "-" {
        invalidArgs()
    } else {
        script = a
        scriptArgs = Array(args[(i + 1)...])
        break
    }
    i += 1
}

final class Job {
    var status: Int32 = 0
}
let job = Job()
let stackBytes = 256 * 1024 * 1024
config.nativeStackBytes = stackBytes

func micropyPath(first: String) -> [String] {
    var path = [first]
    if let env = getenv("MICROPYPATH") {
        path += String(cString: env).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    } else {
        path += [".frozen", "~/.micropython/lib", "/usr/lib/micropython"]
    }
    return path
}

func status(_ o: RunOutcome) -> Int32 {
    switch o {
    case .ok: return 0
    case .exception: return 1
    case .systemExit(let n): return n
    }
}

func runJob() {
    Storage.registerHostTools()
    do {
        try Runtime.initialize(config)
    } catch {
        writeErr("microboard: cannot set up the heap: \(error)\n")
        job.status = 1
        return
    }
    mb_install_sigint()
    defer { mb_restore_sigint() }
    if let c = command {
        Interpreter.setArgv(["-c"] + scriptArgs)
        Interpreter.setPath(micropyPath(first: ""))
        job.status = status(Interpreter.runMain(source: Array(c.utf8), filename: "<stdin>"))
    } else if let m = module {
        Interpreter.setArgv([m] + scriptArgs)
        Interpreter.setPath(micropyPath(first: ""))
        job.status = status(Interpreter.runModuleAsMain(m))
    } else if let s = script {
        Interpreter.setArgv([s] + scriptArgs)
        var dir = ""
        if let slash = s.lastIndex(of: "/") { dir = String(s[..<slash]); if dir.isEmpty { dir = "/" } }
        Interpreter.setPath(micropyPath(first: dir))
        guard let fd = Optional(open(s, O_RDONLY)), fd >= 0 else {
            writeErr("microboard: can't open file '\(s)': [Errno 2] No such file or directory\n")
            job.status = 2
            return
        }
        var src: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n <= 0 { break }
            src += chunk[0..<n]
        }
        close(fd)
        if disassembleOnly {
            writeOut(disassembleSource(src, filename: s))
            return
        }
        if compileOnly {
            job.status = status(Interpreter.runMain(source: Array("pass".utf8), filename: s))
            return
        }
        job.status = status(Interpreter.runMain(source: src, filename: s))
    } else if isatty(0) != 0 || hostREPLOnSerialLink {
        Interpreter.setArgv([""])
        Interpreter.setPath(micropyPath(first: ""))
        job.status = runHostREPL()
        return
    } else {
        Interpreter.setArgv([""])
        Interpreter.setPath(micropyPath(first: ""))
        var src: [UInt8] = []
        while let line = readLine(strippingNewline: false) { src += Array(line.utf8) }
        job.status = status(Interpreter.runMain(source: src, filename: "<stdin>"))
    }
    if inspect && job.status == 0 {
        job.status = runHostREPL()
    }
    if case .systemExit(let n) = Interpreter.runAtExit() { job.status = n }
}

mb_run_on_big_stack(stackBytes, Unmanaged.passUnretained(job).toOpaque()) { _ in runJob() }
exit(job.status)
