import CSupport
import Glibc
import MicroPythonCore

// microboard-fuzz: runs many generated or mutated programs through the interpreter and checks that
// bad input never crashes or hangs the host. Python exceptions are normal outcomes; a signal, a Swift
// runtime trap, an unexpected process exit or a wall-clock timeout is a failure, and the offending
// input is saved to the crash directory.
//
// Design: a fork server. The parent initializes the runtime once (on a big-stack thread, as the VM
// requires) and never runs Python; it forks a child per batch of inputs. The child inherits the pristine
// heap, runs the batch in process, and keeps the current input in shared memory. The parent watches the
// child: it reads the child's output through a pipe (an end marker per input tells it the outcome), kills
// a child stuck on one input for longer than --timeout, and after a crash or hang saves the input from
// shared memory and checks whether it reproduces on its own in a fresh child. Re-forking per batch also
// undoes monkeypatching (`builtins.print = 0`, `sys.modules.clear()`, a held heap lock) by later inputs.
// --no-fork runs everything in one process instead (signal handlers and a watchdog thread save the input).

let usage = """
usage: microboard-fuzz [options]
Input sources (mixed in proportion to their counts; N = 0 means unlimited, use with --time):
  --random N               random bytes, token soup and random programs from a small grammar
  --mutate N DIR[:DIR...]  mutations of the .py files found under the directories (recursively)
  --seeds DIR              another seed directory for --mutate (repeatable)
  --replay FILE...         run the given files (each in a fresh child), print each outcome
  --print-input I          print input number I (for the given --seed and sources) and exit
  --range A B              run only inputs A...B (one batch, to reproduce a heap-state dependent crash)
Limits and settings:
  --seed S                 random seed (default 1)
  --time SECONDS           stop after this wall time
  --timeout SECONDS        per-input wall-clock limit before it counts as a hang (default 5)
  --budget N               per-input VM budget: backward jumps + calls (default 20000)
  --heap SIZE              heap size, e.g. 2M, 512K (default 2M)
  --gcstress               collect garbage before every allocation
  --batch N                inputs per forked child (default 2000)
  --no-fork                run all inputs in this process
  --save-current PATH      write each input to PATH before running it
  --crash-dir DIR          where failing inputs are saved (default Tests/fuzz/crashes)
  --stop-on-failure        stop at the first crash or hang
  --verbose                print the outcome of every input

"""

func fail(_ s: String) -> Never {
    errWrite("microboard-fuzz: \(s)\n")
    exit(2)
}

func outWrite(_ s: String) {
    var s = s
    s.withUTF8 { b in _ = write(1, b.baseAddress, b.count) }
}

func errWrite(_ s: String) {
    var s = s
    s.withUTF8 { b in _ = write(2, b.baseAddress, b.count) }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func parseSize(_ text: String) -> Int? {
    var t = Substring(text)
    var mult = 1
    if t.hasSuffix("K") || t.hasSuffix("k") { mult = 1024; t = t.dropLast() }
    else if t.hasSuffix("M") || t.hasSuffix("m") { mult = 1024 * 1024; t = t.dropLast() }
    guard let n = Int(t), n > 0 else { return nil }
    return n * mult
}

func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    if fd < 0 { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        if n <= 0 { break }
        out += chunk[0..<n]
    }
    return out
}

@discardableResult
func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd < 0 { return false }
    defer { close(fd) }
    var off = 0
    while off < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, bytes.count - off) }
        if n <= 0 { return false }
        off += n
    }
    return true
}

func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
}

/// All .py files under `dir`, sorted, so seed numbering is stable.
func findPyFiles(_ dir: String) -> [String] {
    guard let d = opendir(dir) else { return [] }
    var names: [String] = []
    while let ent = readdir(d) {
        let name = withUnsafePointer(to: &ent.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        if name == "." || name == ".." { continue }
        names.append(name)
    }
    closedir(d)
    var out: [String] = []
    for n in names.sorted() {
        let p = dir + "/" + n
        if isDirectory(p) { out += findPyFiles(p) } else if n.hasSuffix(".py") { out.append(p) }
    }
    return out
}

func fnv1a(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
    return h
}

func hex16(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}

let signalNames: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGFPE: "SIGFPE",
                                     SIGABRT: "SIGABRT", SIGTRAP: "SIGTRAP", SIGKILL: "SIGKILL", SIGPIPE: "SIGPIPE",
                                     SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGSYS: "SIGSYS"]
let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

// MARK: options

struct Options {
    var randomCount: Int? = nil
    var mutateCount: Int? = nil
    var seedDirs: [String] = []
    var replay: [String] = []
    var printInput: Int? = nil
    var range: (Int, Int)? = nil
    var seed: UInt64 = 1
    var time: Double? = nil
    var timeout: Double = 5
    var budget = 20_000
    var heap = 2 * 1024 * 1024
    var gcStress = false
    var batch = 2000
    var noFork = false
    var saveCurrent: String? = nil
    var crashDir = "Tests/fuzz/crashes"
    var stopOnFailure = false
    var verbose = false
}

var opt = Options()
do {
    let args = Array(CommandLine.arguments.dropFirst())
    var i = 0
    func value(_ k: Int = 1) -> String {
        guard i + k < args.count else { fail("option \(args[i]) needs a value") }
        return args[i + k]
    }
    func number(_ s: String) -> Int {
        guard let n = Int(String(s.filter { $0 != "_" })), n >= 0 else { fail("not a count: \(s)") }
        return n
    }
    while i < args.count {
        switch args[i] {
        case "--random": opt.randomCount = number(value()); i += 1
        case "--mutate":
            opt.mutateCount = number(value())
            opt.seedDirs += value(2).split(separator: ":").map(String.init)
            i += 2
        case "--seeds": opt.seedDirs.append(value()); i += 1
        case "--replay":
            opt.replay = Array(args[(i + 1)...])
            i = args.count
            continue
        case "--print-input": opt.printInput = number(value()); i += 1
        case "--range": opt.range = (number(value()), number(value(2))); i += 2
        case "--seed": guard let s = UInt64(value()) else { fail("bad seed") }; opt.seed = s; i += 1
        case "--time": guard let t = Double(value()) else { fail("bad time") }; opt.time = t; i += 1
        case "--timeout": guard let t = Double(value()), t > 0 else { fail("bad timeout") }; opt.timeout = t; i += 1
        case "--budget": opt.budget = number(value()); i += 1
        case "--heap": guard let n = parseSize(value()) else { fail("bad heap size") }; opt.heap = n; i += 1
        case "--gcstress": opt.gcStress = true
        case "--batch": opt.batch = max(1, number(value())); i += 1
        case "--no-fork": opt.noFork = true
        case "--save-current": opt.saveCurrent = value(); i += 1
        case "--crash-dir": opt.crashDir = value(); i += 1
        case "--stop-on-failure": opt.stopOnFailure = true
        case "--verbose", "-v": opt.verbose = true
        case "-h", "--help": outWrite(usage); exit(0)
        default: fail("unknown option \(args[i])\n\(usage)")
        }
        i += 1
    }
}
if opt.randomCount == nil && opt.mutateCount == nil && opt.replay.isEmpty {
    opt.randomCount = 0
    if opt.time == nil { opt.randomCount = 10_000 }
}

// MARK: seeds

var seedNames: [String] = []
var seeds: [[UInt8]] = []
for d in opt.seedDirs {
    let files = isDirectory(d) ? findPyFiles(d) : [d]
    for f in files {
        if let b = readFile(f) { seedNames.append(f); seeds.append(b) }
    }
}
if opt.mutateCount != nil && seeds.isEmpty { fail("no seed .py files found in \(opt.seedDirs)") }

let rc = opt.randomCount, mc = opt.mutateCount
let totalInputs: Int = {
    if !opt.replay.isEmpty { return opt.replay.count }
    if rc == 0 || mc == 0 { return Int.max }
    return (rc ?? 0) + (mc ?? 0)
}()
/// Probability that an input is random rather than a mutation.
let randomFraction: Double = {
    guard let r = rc else { return 0 }
    guard let m = mc else { return 1 }
    if r == 0 && m == 0 { return 0.3 }
    if r == 0 { return 0.3 }
    if m == 0 { return 0.7 }
    return Double(r) / Double(r + m)
}()

let kindNames = ["bytes", "soup", "program", "mutate", "file"]

/// Input number `idx`: a pure function of (seed, idx, seed corpus).
func generate(_ idx: Int) -> (bytes: [UInt8], kind: Int, seedIndex: Int) {
    if !opt.replay.isEmpty {
        return (readFile(opt.replay[idx]) ?? [], 4, -1)
    }
    var rng = RNG(seed: opt.seed, index: idx)
    if seeds.isEmpty || rng.chance(randomFraction) {
        switch rng.int(10) {
        case 0, 1, 2: return (Gen.randomBytes(&rng), 0, -1)
        case 3, 4, 5: return (Gen.tokenSoup(&rng), 1, -1)
        default:
            var p = ProgramGen(rng: rng)
            return (p.program(), 2, -1)
        }
    }
    let (b, si) = Gen.mutate(&rng, seeds: seeds)
    return (b, 3, si)
}

if let i = opt.printInput {
    let g = generate(i)
    g.bytes.withUnsafeBytes { _ = write(1, $0.baseAddress, $0.count) }
    exit(0)
}

// MARK: shared state (survives the child's death)

struct Shared {
    var nextIndex: Int
    var endIndex: Int
    var batchStart: Int
    var batchEnd: Int
    var currentIndex: Int
    var running: Int
    var crashSignal: Int
    var inputLen: Int
    var kind: Int
    var seedIndex: Int
    var stop: Int
    var outcomeCode: Int
}

let inputCap = 4 << 20
let sharedBytes = 4096 + inputCap
guard let sharedMem = mmap(nil, sharedBytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
      sharedMem != MAP_FAILED else { fail("cannot map shared memory") }
let shared = sharedMem.bindMemory(to: Shared.self, capacity: 1)
let inputBuf = (sharedMem + 4096).bindMemory(to: UInt8.self, capacity: inputCap)
shared.pointee = Shared(nextIndex: 0, endIndex: 0, batchStart: 0, batchEnd: 0, currentIndex: -1, running: 0,
                        crashSignal: 0, inputLen: 0, kind: 0, seedIndex: -1, stop: 0, outcomeCode: 0)

func currentInput() -> [UInt8] {
    Array(UnsafeBufferPointer(start: inputBuf, count: min(shared.pointee.inputLen, inputCap)))
}

// MARK: crash handling inside the process that runs Python

/// "<crash-dir>/crash-XXXXXXXXXXXXXXXX.py", prepared up front so the signal handler only fills in the hash.
let crashPathPrefix = Array((opt.crashDir + "/crash-").utf8)
let crashPathBuf: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: crashPathPrefix.count + 32)
    for (i, c) in crashPathPrefix.enumerated() { p[i] = c }
    return p
}()
var inProcessMode = false

func signalHandler(_ sig: Int32) {
    shared.pointee.crashSignal = Int(sig)
    if inProcessMode && shared.pointee.running != 0 {
        // async-signal-safe: only arithmetic, open, write, close
        let n = min(shared.pointee.inputLen, inputCap)
        let h = fnv1a(UnsafeBufferPointer(start: inputBuf, count: n))
        var p = crashPathPrefix.count
        let digits: StaticString = "0123456789abcdef"
        for k in 0..<16 { crashPathBuf[p] = digits.utf8Start[Int((h >> UInt64(60 - 4 * k)) & 15)]; p += 1 }
        for c in [UInt8(ascii: "."), UInt8(ascii: "p"), UInt8(ascii: "y"), 0] { crashPathBuf[p] = c; p += 1 }
        let fd = open(UnsafeRawPointer(crashPathBuf).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            _ = write(fd, inputBuf, n)
            close(fd)
        }
        let msg: StaticString = "\nmicroboard-fuzz: CRASH (fatal signal); input saved to "
        _ = write(2, msg.utf8Start, msg.utf8CodeUnitCount)
        _ = write(2, crashPathBuf, p - 1)
        _ = write(2, "\n", 1)
    }
    signal(sig, SIG_DFL)
    raise(sig)
}

func installCrashHandlers() {
    let altSize = 256 * 1024
    var ss = stack_t()
    ss.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: altSize, alignment: 16)
    ss.ss_size = altSize
    ss.ss_flags = 0
    sigaltstack(&ss, nil)
    for s in crashSignals {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { signalHandler($0) }
        sa.sa_flags = Int32(SA_ONSTACK)
        sigemptyset(&sa.sa_mask)
        sigaction(s, &sa, nil)
    }
    signal(SIGPIPE, SIG_IGN)
    var rl = rlimit(rlim_cur: 0, rlim_max: 0)
    setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &rl)
    // input() and sys.stdin must not wait for a terminal
    let devnull = open("/dev/null", O_RDONLY)
    if devnull >= 0 { dup2(devnull, 0); close(devnull) }
}

// MARK: outcome classification

struct Stats {
    var total = 0, ok = 0, raised = 0, exited = 0
    var crashes = 0, hangs = 0, unexpectedExits = 0
    var byException: [String: Int] = [:]
    var byKind = [Int](repeating: 0, count: 5)
    var syntaxWithoutLine = 0
    var nolineSamples = 0
    var savedFiles: [String] = []
}
var stats = Stats()

/// The exception name of a traceback's last line, and whether a SyntaxError names a line.
func classifyException(_ out: ArraySlice<UInt8>) -> (name: String, hasLine: Bool) {
    let text = String(decoding: out.suffix(8192), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    for (k, line) in lines.enumerated().reversed() {
        guard let f = line.utf8.first, f >= 65 && f <= 90 else { continue }
        let ident = line.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        let rest = line.dropFirst(ident.count)
        guard rest.isEmpty || rest.first == ":" || rest == "\r" else { continue }
        var name = String(ident)
        if name == "RuntimeError" && rest.contains("budget exhausted") { name = "RuntimeError(budget)" }
        if name == "RuntimeError" && rest.contains("recursion") { name = "RuntimeError(recursion)" }
        var hasLine = true
        if name == "SyntaxError" || name == "IndentationError" {
            hasLine = lines[..<k].contains { $0.contains(", line ") }
        }
        return (name, hasLine)
    }
    return ("<no traceback>", true)
}

func record(code: UInt8, output: ArraySlice<UInt8>, index: Int, kind: Int) {
    stats.total += 1
    if kind >= 0 && kind < stats.byKind.count { stats.byKind[kind] += 1 }
    var what = ""
    switch code {
    case UInt8(ascii: "o"): stats.ok += 1; what = "ok"
    case UInt8(ascii: "s"): stats.exited += 1; what = "SystemExit"
    default:
        stats.raised += 1
        let (name, hasLine) = classifyException(output)
        stats.byException[name, default: 0] += 1
        what = "raised " + name
        if !hasLine {
            stats.syntaxWithoutLine += 1
            if stats.nolineSamples < 5, index >= 0 {
                stats.nolineSamples += 1
                let b = generate(index).bytes
                let path = opt.crashDir + "/noline-" + b.withUnsafeBufferPointer { hex16(fnv1a($0)) } + ".py"
                writeFile(path, b)
                outWrite("fuzz: SyntaxError without a line number on input #\(index); saved to \(path)\n")
            }
        }
    }
    if opt.verbose {
        let label = opt.replay.isEmpty ? "input #\(index) (\(kindNames[max(0, min(kind, 4))]))" : opt.replay[max(0, index)]
        var last = String(decoding: output.suffix(300), as: UTF8.self)
        if let nl = last.dropLast().lastIndex(of: "\n") { last = String(last[last.index(after: nl)...]) }
        outWrite("\(label): \(what)\(code == UInt8(ascii: "e") ? " | " + last.trimmingCharacters() : "")\n")
    }
    if stats.total % 10_000 == 0 { progress() }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let l = s.last, l == "\n" || l == "\r" || l == " " { s = s.dropLast() }
        return String(s)
    }
}

let startTime = now()
var lastProgress = startTime

func progress() {
    lastProgress = now()
    let el = max(0.001, lastProgress - startTime)
    outWrite("fuzz: \(stats.total) inputs (\(Int(Double(stats.total) / el))/s, \(Int(el))s), \(stats.crashes) crashes, \(stats.hangs) hangs, \(stats.ok) ok, \(stats.raised) raised, \(stats.exited) SystemExit\n")
}

func summary() -> String {
    let ex = stats.byException.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    var s = "fuzz: \(stats.total + stats.crashes + stats.hangs + stats.unexpectedExits) inputs, \(stats.crashes + stats.unexpectedExits) crashes, \(stats.hangs) hangs, \(stats.ok) ran OK, \(stats.raised) raised (\(ex)), \(stats.exited) SystemExit"
    s += "\nfuzz: by source: " + kindNames.enumerated().filter { stats.byKind[$0.offset] > 0 }
        .map { "\($0.element) \(stats.byKind[$0.offset])" }.joined(separator: ", ")
    s += "; SyntaxError without a line: \(stats.syntaxWithoutLine); seed \(opt.seed); \(Int(now() - startTime)) s"
    return s
}

// MARK: running inputs (in the child, or in process with --no-fork)

let markerPrefix: [UInt8] = [1, 77, 66, 70, 90] // "\u{1}MBFZ"
var outputFD: Int32 = -1   // the pipe's write end in a forked child

func runInputs(captureLocally: Bool) {
    Interpreter.setArgv(["fuzz.py"])
    Interpreter.setPath(["", ".frozen"])
    let sp = shared
    while true {
        if sp.pointee.stop != 0 { break }
        if captureLocally, let limit = opt.time, now() - startTime >= limit { break }
        let idx = sp.pointee.nextIndex
        if idx >= sp.pointee.endIndex || idx > sp.pointee.batchEnd { break }
        sp.pointee.nextIndex = idx + 1
        let g = generate(idx)
        let n = min(g.bytes.count, inputCap)
        g.bytes.withUnsafeBufferPointer { inputBuf.update(from: $0.baseAddress!, count: n) }
        sp.pointee.inputLen = n
        sp.pointee.kind = g.kind
        sp.pointee.seedIndex = g.seedIndex
        sp.pointee.currentIndex = idx
        if let path = opt.saveCurrent { writeFile(path, g.bytes) }
        if outputFD >= 0 { dup2(outputFD, 1); dup2(outputFD, 2) }
        sp.pointee.running = 1
        Interpreter.setBudget(opt.budget)
        var outcome = RunOutcome.ok
        var captured = ""
        if captureLocally {
            captured = Interpreter.captureOutput { outcome = Interpreter.runMain(source: g.bytes, filename: "fuzz.py") }
        } else {
            outcome = Interpreter.runMain(source: g.bytes, filename: "fuzz.py")
        }
        Interpreter.setBudget(nil)
        sp.pointee.running = 0
        let code: UInt8
        switch outcome {
        case .ok: code = UInt8(ascii: "o")
        case .exception: code = UInt8(ascii: "e")
        case .systemExit: code = UInt8(ascii: "s")
        }
        if captureLocally {
            record(code: code, output: ArraySlice(captured.utf8), index: idx, kind: g.kind)
        } else {
            let m = markerPrefix + [code, UInt8(g.kind), 10]
            if m.withUnsafeBytes({ write(1, $0.baseAddress, $0.count) }) != m.count { _exit(0) }
        }
    }
}

// MARK: --no-fork: everything in this process

func watchdogLoop() {
    var lastIdx = -1
    var since = now()
    while true {
        usleep(100_000)
        let sp = shared
        if sp.pointee.running == 0 { lastIdx = -1; continue }
        let idx = sp.pointee.currentIndex
        if idx != lastIdx { lastIdx = idx; since = now(); continue }
        if now() - since > opt.timeout {
            let path = saveFailure(prefix: "hang", detail: "timeout after \(opt.timeout) s (in process)")
            errWrite("\nmicroboard-fuzz: HANG: input #\(idx) ran longer than \(opt.timeout) s; saved to \(path)\n")
            errWrite(summary() + "\n")
            _exit(3)
        }
    }
}

func runInProcess() {
    inProcessMode = true
    installCrashHandlers()
    var tid = pthread_t()
    pthread_create(&tid, nil, { _ in watchdogLoop(); return nil }, nil)
    shared.pointee.nextIndex = opt.range?.0 ?? 0
    shared.pointee.endIndex = totalInputs
    shared.pointee.batchStart = shared.pointee.nextIndex
    shared.pointee.batchEnd = opt.range?.1 ?? Int.max
    runInputs(captureLocally: true)
}

// MARK: fork server

enum ChildEnd {
    case finished
    case signaled(Int32)
    case exited(Int32)
    case hang(Double)
    case stall
}

var pipeR: Int32 = -1, pipeW: Int32 = -1
/// Output of the input currently running in the child (tail only), and a partial marker carried over.
var acc: [UInt8] = []
var carry: [UInt8] = []
var markerSink: ((UInt8, UInt8, ArraySlice<UInt8>) -> Void) = { _, _, _ in }
/// The index whose outcome the next end marker reports (a child finishes its inputs in order).
var resultIndex = 0

func appendAcc(_ s: ArraySlice<UInt8>) {
    acc += s
    if acc.count > 32768 { acc.removeFirst(acc.count - 16384) }
}

func feed(_ chunk: ArraySlice<UInt8>) {
    let buf = carry + chunk
    carry = []
    var segStart = 0
    var j = 0
    let n = buf.count
    while j < n {
        if buf[j] != 1 { j += 1; continue }
        if j + 8 > n {
            appendAcc(buf[segStart..<j])
            carry = Array(buf[j...])
            return
        }
        if buf[j + 1] == 77 && buf[j + 2] == 66 && buf[j + 3] == 70 && buf[j + 4] == 90 && buf[j + 7] == 10 {
            appendAcc(buf[segStart..<j])
            markerSink(buf[j + 5], buf[j + 6], acc[...])
            acc.removeAll(keepingCapacity: true)
            j += 8
            segStart = j
        } else {
            j += 1
        }
    }
    appendAcc(buf[segStart..<n])
}

func drain() {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(pipeR, $0.baseAddress, 65536) }
        if n <= 0 { break }
        feed(chunk[0..<n])
    }
}

/// Forks a child that runs inputs batchStart...batchEnd (fresh heap) and watches it.
func runChild() -> ChildEnd {
    shared.pointee.running = 0
    shared.pointee.crashSignal = 0
    shared.pointee.currentIndex = -1
    acc = []
    carry = []
    let pid = fork()
    if pid < 0 { fail("fork failed") }
    if pid == 0 {
        close(pipeR)
        outputFD = pipeW
        installCrashHandlers()
        runInputs(captureLocally: false)
        _exit(0)
    }
    var lastIdx = -1, lastNext = shared.pointee.nextIndex
    var since = now(), nextSince = now()
    while true {
        var pfd = pollfd(fd: pipeR, events: Int16(POLLIN), revents: 0)
        _ = poll(&pfd, 1, 20)
        drain()
        var st: Int32 = 0
        if waitpid(pid, &st, WNOHANG) == pid {
            drain()
            let sig = st & 0x7f
            if sig != 0 && sig != 0x7f { return .signaled(sig) }
            let code = (st >> 8) & 0xff
            if code != 0 || shared.pointee.running != 0 { return .exited(code) }
            return .finished
        }
        let t = now()
        if let limit = opt.time, t - startTime >= limit { shared.pointee.stop = 1 }
        if t - lastProgress >= 60 { progress() }
        if shared.pointee.running != 0 {
            let idx = shared.pointee.currentIndex
            if idx != lastIdx { lastIdx = idx; since = t }
            // a crashing child may take a while to die; give it longer before calling it a hang
            else if t - since > (shared.pointee.crashSignal != 0 ? 60 : opt.timeout) {
                kill(pid, SIGKILL)
                waitpid(pid, &st, 0)
                drain()
                return .hang(t - since)
            }
        } else {
            lastIdx = -1
        }
        let nx = shared.pointee.nextIndex
        if nx != lastNext { lastNext = nx; nextSince = t }
        else if shared.pointee.running == 0 && t - nextSince > max(30, 4 * opt.timeout) {
            kill(pid, SIGKILL)
            waitpid(pid, &st, 0)
            return .stall
        }
    }
}

/// Saves the current input (and a note) to the crash directory; returns the input's path.
@discardableResult
func saveFailure(prefix: String, detail: String, output: ArraySlice<UInt8> = [], extra: String = "") -> String {
    let input = currentInput()
    let h = input.withUnsafeBufferPointer { hex16(fnv1a($0)) }
    let path = opt.crashDir + "/\(prefix)-\(h).py"
    writeFile(path, input)
    let sp = shared.pointee
    var note = "\(prefix): \(detail)\n"
    note += "input #\(sp.currentIndex) (source: \(kindNames[max(0, min(sp.kind, 4))])"
    if sp.seedIndex >= 0 && sp.seedIndex < seedNames.count { note += ", seed file \(seedNames[sp.seedIndex])" }
    if sp.kind == 4 && sp.currentIndex >= 0 && sp.currentIndex < opt.replay.count { note += ", file \(opt.replay[sp.currentIndex])" }
    note += ")\nfuzz seed \(opt.seed), batch \(sp.batchStart)...\(sp.currentIndex), heap \(opt.heap), budget \(opt.budget)\(opt.gcStress ? ", gcstress" : "")\n"
    note += "reproduce the batch: microboard-fuzz --seed \(opt.seed) --range \(sp.batchStart) \(sp.currentIndex)\(opt.mutateCount != nil ? " --mutate 0 " + opt.seedDirs.joined(separator: ":") : "")\(opt.randomCount != nil ? " --random 0" : "")\n"
    note += extra
    if !output.isEmpty {
        note += "--- output tail ---\n" + String(decoding: output.suffix(3000), as: UTF8.self) + "\n"
    }
    writeFile(path.dropLast(3) + ".txt", Array(note.utf8))
    if !stats.savedFiles.contains(path) { stats.savedFiles.append(path) }
    return path
}

func describe(_ e: ChildEnd) -> String {
    switch e {
    case .finished: return "finished"
    case .signaled(let s): return "crash: fatal signal \(s) (\(signalNames[s] ?? "?"))"
    case .exited(let c): return "unexpected process exit with status \(c)"
    case .hang(let t): return "hang: no progress for \(Int(t)) s"
    case .stall: return "harness stall (not running Python)"
    }
}

/// Runs the saved input alone in a fresh child: does the failure reproduce without the batch before it?
func checkStandalone(_ input: [UInt8]) -> String {
    let saved = shared.pointee
    let savedReplay = opt.replay
    let savedVerbose = opt.verbose
    let tmp = opt.crashDir + "/.standalone.py"
    writeFile(tmp, input)
    opt.replay = [tmp]
    opt.verbose = false
    let savedStats = stats
    let savedResult = resultIndex
    resultIndex = 0
    shared.pointee.nextIndex = 0
    shared.pointee.endIndex = 1
    shared.pointee.batchStart = 0
    shared.pointee.batchEnd = 0
    shared.pointee.stop = 0
    let end = runChild()
    stats = savedStats
    resultIndex = savedResult
    opt.replay = savedReplay
    opt.verbose = savedVerbose
    unlink(tmp)
    shared.pointee = saved
    switch end {
    case .finished: return "does NOT reproduce standalone (depends on the heap state left by earlier inputs)"
    default: return "reproduces standalone (\(describe(end)))"
    }
}

func runForkServer() -> Int32 {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { fail("pipe failed") }
    pipeR = fds[0]; pipeW = fds[1]
    _ = fcntl(pipeR, F_SETFL, fcntl(pipeR, F_GETFL) | O_NONBLOCK)
    signal(SIGPIPE, SIG_IGN)
    markerSink = { code, kind, out in
        record(code: code, output: out, index: resultIndex, kind: Int(kind))
        resultIndex += 1
    }
    shared.pointee.nextIndex = opt.range?.0 ?? 0
    shared.pointee.endIndex = opt.range.map { $0.1 + 1 } ?? totalInputs
    var failures = 0
    while shared.pointee.nextIndex < shared.pointee.endIndex && shared.pointee.stop == 0 {
        if let limit = opt.time, now() - startTime >= limit { break }
        shared.pointee.batchStart = shared.pointee.nextIndex
        shared.pointee.batchEnd = opt.range != nil ? shared.pointee.endIndex - 1
            : (opt.replay.isEmpty ? shared.pointee.nextIndex + opt.batch - 1 : shared.pointee.nextIndex)
        resultIndex = shared.pointee.nextIndex
        let end = runChild()
        switch end {
        case .finished: continue
        case .stall:
            failures += 1
            stats.crashes += 1
            outWrite("fuzz: HARNESS STALL near input #\(shared.pointee.nextIndex - 1) (generator or bookkeeping bug)\n")
            shared.pointee.nextIndex += 1
        default:
            failures += 1
            if case .hang = end { stats.hangs += 1 }
            else if case .exited = end { stats.unexpectedExits += 1 }
            else { stats.crashes += 1 }
            let idx = shared.pointee.currentIndex
            if shared.pointee.running == 0 {
                outWrite("fuzz: \(describe(end)) outside an input (after #\(idx)); harness problem\n")
                continue
            }
            let input = currentInput()
            let out = acc[...]
            let prefix: String
            switch end { case .hang: prefix = "hang"; case .exited: prefix = "exit"; default: prefix = "crash" }
            let standalone = checkStandalone(input)
            let path = saveFailure(prefix: prefix, detail: describe(end), output: out, extra: "standalone: \(standalone)\n")
            outWrite("fuzz: \(describe(end).uppercased()) on input #\(idx) (\(kindNames[max(0, min(shared.pointee.kind, 4))]), \(input.count) bytes) saved to \(path); \(standalone)\n")
            if !out.isEmpty {
                let tail = String(decoding: out.suffix(400), as: UTF8.self)
                outWrite("fuzz:   output tail: \(tail.split(separator: "\n").suffix(4).joined(separator: " | "))\n")
            }
            if opt.stopOnFailure { shared.pointee.stop = 1 }
        }
    }
    return failures == 0 ? 0 : 1
}


// MARK: main

var config = RuntimeConfig()
config.heapBytes = opt.heap
config.gcStress = opt.gcStress
let stackBytes = 256 * 1024 * 1024
config.nativeStackBytes = stackBytes
if !isDirectory(opt.crashDir) {
    _ = mkdir(opt.crashDir, 0o755)
    if !isDirectory(opt.crashDir) { fail("cannot create crash directory \(opt.crashDir)") }
}

final class Job { var status: Int32 = 0 }
let job = Job()
Interpreter.runIsolated(stackBytes: stackBytes) {
    do {
        try Runtime.initialize(config)
    } catch {
        errWrite("microboard-fuzz: cannot set up the heap: \(error)\n")
        job.status = 2
        return
    }
    if opt.noFork {
        runInProcess()
        job.status = 0
    } else {
        job.status = runForkServer()
    }
}
if stats.total > 0 || stats.crashes + stats.hangs + stats.unexpectedExits > 0 || opt.replay.isEmpty {
    outWrite(summary() + "\n")
}
for f in stats.savedFiles { outWrite("fuzz: saved \(f)\n") }
exit(job.status)
