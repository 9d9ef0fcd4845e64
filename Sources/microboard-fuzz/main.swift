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
  --random N               random bytes, token soup, random programs from a small grammar, and
                           programs calling builtins/methods/operators with arguments of random types
  --mutate N DIR[:DIR...]  mutations of the .py files found under the directories (recursively)
  --seeds DIR              another seed directory for --mutate (repeatable)
  --lib DIR                copy DIR into the scratch working directory before each batch, so programs
                           can import its modules with sys.path.insert(0, 'DIR-basename') (repeatable)
  --replay FILE...         run the given files (each in a fresh child), print each outcome
  --minimize FILE          shrink FILE while it still fails the same way; writes FILE.min.py
  --print-input I          print input number I (for the given --seed and sources) and exit
  --range A B              run only inputs A...B (one batch, to reproduce a heap-state dependent crash)
Limits and settings:
  --seed S                 random seed (default 1)
  --time SECONDS           stop after this wall time
  --timeout SECONDS        per-input wall-clock limit before it counts as a hang (default 5)
  --budget N               per-input VM budget in instructions (default 200000)
  --heap SIZE              heap size, e.g. 2M, 512K (default 2M)
  --host-mem MB            host memory (address space) a child may add beyond its start-up size before
                           an allocation fails and counts as a crash; 0: unlimited (default 512)
  --gcstress               collect garbage before every allocation
  --batch N                inputs per forked child (default 2000)
  --no-fork                run all inputs in this process
  --save-current PATH      write each input to PATH before running it
  --crash-dir DIR          where failing inputs are saved (default Tests/fuzz/crashes)
  --stop-on-failure        stop at the first crash or hang
  --max-per-signature N    save at most N inputs per failure kind (signal + fatal error text) (default 3)
  --verbose                print the outcome of every input
  --heap-report            after each input, collect and report when the live heap grows (leak hunting)

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
    var budget = 200_000
    var heap = 2 * 1024 * 1024
    var gcStress = false
    var batch = 2000
    var noFork = false
    var saveCurrent: String? = nil
    var crashDir = "Tests/fuzz/crashes"
    var stopOnFailure = false
    var verbose = false
    var heapReport = false
    var hostMemMB = 512
    var libs: [String] = []
    var minimize: String? = nil
    var maxPerSignature = 3
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
        case "--heap-report": opt.heapReport = true
        case "--lib": opt.libs.append(value()); i += 1
        case "--minimize": opt.minimize = value(); i += 1
        case "--max-per-signature": opt.maxPerSignature = max(1, number(value())); i += 1
        case "--host-mem": opt.hostMemMB = number(value()); i += 1
        case "-h", "--help": outWrite(usage); exit(0)
        default: fail("unknown option \(args[i])\n\(usage)")
        }
        i += 1
    }
}
if opt.randomCount == nil && opt.mutateCount == nil && opt.replay.isEmpty && opt.minimize == nil {
    opt.randomCount = 0
    if opt.time == nil { opt.randomCount = 10_000 }
}

// MARK: seeds

/// Files of the --lib trees: (path relative to the scratch directory, contents).
var libFiles: [(String, [UInt8])] = []
var libDirs: [String] = []
for l in opt.libs {
    let base = String(l.split(separator: "/").last ?? "lib")
    func walk(_ dir: String, _ rel: String) {
        libDirs.append(rel)
        guard let d = opendir(dir) else { return }
        var names: [String] = []
        while let ent = readdir(d) {
            let n = withUnsafePointer(to: &ent.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if n != "." && n != ".." { names.append(n) }
        }
        closedir(d)
        for n in names.sorted() {
            if isDirectory(dir + "/" + n) { walk(dir + "/" + n, rel + "/" + n) }
            else if let b = readFile(dir + "/" + n) { libFiles.append((rel + "/" + n, b)) }
        }
    }
    walk(l, base)
}

/// Restores the --lib copies in the scratch directory (a fuzzed program may have changed them).
func syncLibs() {
    for d in libDirs { _ = mkdir(d, 0o755) }
    for (p, b) in libFiles { writeFile(p, b) }
}

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

let kindNames = ["bytes", "soup", "program", "mutate", "file", "api"]
func kindName(_ k: Int) -> String { k >= 0 && k < kindNames.count ? kindNames[k] : "?" }

/// Input number `idx`: a pure function of (seed, idx, seed corpus).
func generate(_ idx: Int) -> (bytes: [UInt8], kind: Int, seedIndex: Int) {
    if !opt.replay.isEmpty {
        return (readFile(opt.replay[idx]) ?? [], 4, -1)
    }
    var rng = RNG(seed: opt.seed, index: idx)
    if seeds.isEmpty || rng.chance(randomFraction) {
        switch rng.int(10) {
        case 0, 1: return (Gen.randomBytes(&rng), 0, -1)
        case 2, 3: return (Gen.tokenSoup(&rng), 1, -1)
        case 4, 5, 6:
            var p = ProgramGen(rng: rng)
            return (p.program(), 2, -1)
        default:
            var p = APIGen(rng: rng)
            return (p.program(), 5, -1)
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

if !isDirectory(opt.crashDir) {
    _ = mkdir(opt.crashDir, 0o755)
    if !isDirectory(opt.crashDir) { fail("cannot create crash directory \(opt.crashDir)") }
}
// Paths are made absolute: the fuzzer runs in a scratch directory (see below).
func absolutePath(_ p: String) -> String {
    guard let r = realpath(p, nil) else { return p }
    defer { free(r) }
    return String(cString: r)
}
opt.crashDir = absolutePath(opt.crashDir)
opt.replay = opt.replay.map(absolutePath)
opt.minimize = opt.minimize.map(absolutePath)
if let p = opt.saveCurrent {
    if !p.hasPrefix("/") { opt.saveCurrent = absolutePath(".") + "/" + p }
}
// Run inside a scratch directory: fuzzed programs may create or delete files (os, open).
var workTemplate = Array("/tmp/microboard-fuzz-XXXXXX".utf8CString)
let workDir: String? = workTemplate.withUnsafeMutableBufferPointer { b in
    mkdtemp(b.baseAddress!) != nil ? String(cString: b.baseAddress!) : nil
}
if let w = workDir { _ = chdir(w) }
func removeWorkDir() {
    guard let w = workDir else { return }
    _ = chdir("/")
    // remove what fuzzed programs left behind (a shallow tree at most)
    func rmTree(_ p: String) {
        var st = stat()
        guard lstat(p, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR, let d = opendir(p) {
            var names: [String] = []
            while let ent = readdir(d) {
                let n = withUnsafePointer(to: &ent.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if n != "." && n != ".." { names.append(n) }
            }
            closedir(d)
            for n in names { rmTree(p + "/" + n) }
            rmdir(p)
        } else {
            unlink(p)
        }
    }
    rmTree(w)
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
    var frameCount: Int
    var frames: (UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt)
}

let inputCap = 4 << 20
let sharedBytes = 4096 + inputCap
guard let sharedMem = mmap(nil, sharedBytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
      sharedMem != MAP_FAILED else { fail("cannot map shared memory") }
let shared = sharedMem.bindMemory(to: Shared.self, capacity: 1)
let inputBuf = (sharedMem + 4096).bindMemory(to: UInt8.self, capacity: inputCap)
shared.pointee = Shared(nextIndex: 0, endIndex: 0, batchStart: 0, batchEnd: 0, currentIndex: -1, running: 0,
                        crashSignal: 0, inputLen: 0, kind: 0, seedIndex: -1, stop: 0, outcomeCode: 0,
                        frameCount: 0, frames: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

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
nonisolated(unsafe) var alarmFired: Int32 = 0

func setAlarm(_ seconds: Double) {
    var it = itimerval()
    it.it_value.tv_sec = Int(seconds)
    it.it_value.tv_usec = Int((seconds - Double(Int(seconds))) * 1e6)
    setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &it, nil)
}

/// The executable's mapped address range, to tell its frames from libc's and the Swift runtime's.
let exeRange: (lo: UInt, hi: UInt, path: String) = {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, 4095)
    let exe = n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    var lo = UInt.max, hi: UInt = 0
    if let maps = readFile("/proc/self/maps") {
        for line in String(decoding: maps, as: UTF8.self).split(separator: "\n") where !exe.isEmpty && line.hasSuffix(exe) {
            let range = line.prefix(while: { $0 != " " }).split(separator: "-")
            if range.count == 2, let a = UInt(range[0], radix: 16), let b = UInt(range[1], radix: 16) {
                lo = min(lo, a); hi = max(hi, b)
            }
        }
    }
    return (lo, hi, exe)
}()

/// glibc's backtrace(3) (execinfo.h is not part of the Glibc module).
typealias BacktraceFn = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32) -> Int32
let backtraceFn: BacktraceFn? = dlsym(nil, "backtrace").map { unsafeBitCast($0, to: BacktraceFn.self) }

/// Records the faulting PC and the return addresses along the frame-pointer chain (signal-safe:
/// only loads and stores; a bad frame pointer faults again and, with SA_RESETHAND, just kills the child).
func recordFrames(_ ctx: UnsafeMutableRawPointer?) {
    guard let ctx else { return }
    let uc = ctx.assumingMemoryBound(to: ucontext_t.self)
    #if arch(x86_64)
    // glibc's gregs indices: REG_RBP 10, REG_RSP 15, REG_RIP 16
    let (pc, fp0, sp) = withUnsafeBytes(of: uc.pointee.uc_mcontext.gregs) { g in
        (g.load(fromByteOffset: 16 * 8, as: UInt.self), g.load(fromByteOffset: 10 * 8, as: UInt.self),
         g.load(fromByteOffset: 15 * 8, as: UInt.self))
    }
    #elseif arch(arm64)
    let pc = UInt(uc.pointee.uc_mcontext.pc), sp = UInt(uc.pointee.uc_mcontext.sp)
    let fp0 = withUnsafeBytes(of: uc.pointee.uc_mcontext.regs) { $0.load(fromByteOffset: 29 * 8, as: UInt.self) }
    #else
    let pc: UInt = 0, fp0: UInt = 0, sp: UInt = 0
    #endif
    withUnsafeMutableBytes(of: &shared.pointee.frames) { f in
        var n = 0
        f.storeBytes(of: pc, toByteOffset: 0, as: UInt.self); n = 1
        var fp = fp0
        while n < 16 && fp != 0 && fp & 7 == 0 && fp >= sp && fp - sp < 512 << 20 {
            let ret = UnsafePointer<UInt>(bitPattern: fp + 8)!.pointee
            let next = UnsafePointer<UInt>(bitPattern: fp)!.pointee
            f.storeBytes(of: ret, toByteOffset: n * 8, as: UInt.self); n += 1
            if next <= fp { break }
            fp = next
        }
        shared.pointee.frameCount = n
    }
}

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
    _ = exeRange
    var prime = [UnsafeMutableRawPointer?](repeating: nil, count: 4)
    _ = backtraceFn?(&prime, 4)   // loads the unwinder now, not inside the signal handler
    for s in crashSignals {
        var sa = sigaction()
        sa.__sigaction_handler.sa_sigaction = { sig, _, ctx in
            shared.pointee.frameCount = 0
            if sig == SIGABRT {
                // raised by abort() in the Swift runtime or libc (no frame pointers there): unwind tables
                withUnsafeMutableBytes(of: &shared.pointee.frames) { f in
                    let p = f.baseAddress!.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
                    if let bt = backtraceFn { shared.pointee.frameCount = Int(bt(p, 16)) }
                }
            } else {
                recordFrames(ctx)
            }
            signalHandler(sig)
        }
        sa.sa_flags = Int32(SA_ONSTACK | SA_SIGINFO) | Int32(bitPattern: UInt32(SA_RESETHAND))
        sigemptyset(&sa.sa_mask)
        sigaction(s, &sa, nil)
    }
    signal(SIGPIPE, SIG_IGN)
    // an input still running after --timeout gets a KeyboardInterrupt (the VM polls mb_sigint_pending
    // on backward jumps and calls); one that does not respond within another --timeout is a hang
    var sa = sigaction()
    sa.__sigaction_handler.sa_handler = { _ in alarmFired = 1; mb_sigint_pending = 1 }
    sa.sa_flags = Int32(SA_ONSTACK | SA_RESTART)
    sigemptyset(&sa.sa_mask)
    sigaction(SIGALRM, &sa, nil)
    var rl = rlimit(rlim_cur: 0, rlim_max: 0)
    setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &rl)
    // A 2 MB Python heap needs little host memory: an input that makes the interpreter allocate
    // gigabytes on the host (a Swift array sized by a Python integer) must fail here, not swap the machine.
    // The limit is on address space: glibc would give each _thread thread its own malloc arena,
    // reserving 64 MB of address space apiece for good (little of it ever used), and a batch with
    // a threads program would then fail an honest allocation later. One arena: the GIL serialises
    // the threads anyway.
    mb_malloc_single_arena()
    if opt.hostMemMB > 0, let statm = readFile("/proc/self/statm"),
       let pages = Int(String(decoding: statm.prefix(while: { $0 != 32 }), as: UTF8.self)) {
        let limit = rlim_t(pages * Int(getpagesize()) + opt.hostMemMB << 20)
        var as_ = rlimit(rlim_cur: limit, rlim_max: limit)
        setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &as_)
    }
    // input() and sys.stdin must not wait for a terminal
    let devnull = open("/dev/null", O_RDONLY)
    if devnull >= 0 { dup2(devnull, 0); close(devnull) }
}

// MARK: outcome classification

struct Stats {
    var total = 0, ok = 0, raised = 0, exited = 0
    var crashes = 0, hangs = 0, unexpectedExits = 0, slow = 0
    var byException: [String: Int] = [:]
    var byKind = [Int](repeating: 0, count: 6)
    var syntaxWithoutLine = 0
    var nolineSamples = 0
    var savedFiles: [String] = []
    var signatures: [String: Int] = [:]
    var signatureExample: [String: String] = [:]
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
    case UInt8(ascii: "t"):
        stats.slow += 1
        what = "slow: interrupted after \(opt.timeout) s"
        if stats.slow <= 20 {
            outWrite("fuzz: slow input #\(index) (\(kindName(kind))) interrupted after \(opt.timeout) s\(stats.slow == 20 ? " (not reporting more)" : "")\n")
        }
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
        let label = opt.replay.isEmpty ? "input #\(index) (\(kindName(kind)))" : opt.replay[max(0, index)]
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
    var s = "fuzz: \(stats.total + stats.crashes + stats.hangs + stats.unexpectedExits) inputs, \(stats.crashes + stats.unexpectedExits) crashes, \(stats.hangs) hangs, \(stats.ok) ran OK, \(stats.raised) raised (\(ex)), \(stats.exited) SystemExit, \(stats.slow) slow (interrupted after \(opt.timeout) s)"
    s += "\nfuzz: by source: " + kindNames.enumerated().filter { stats.byKind[$0.offset] > 0 }
        .map { "\($0.element) \(stats.byKind[$0.offset])" }.joined(separator: ", ")
    s += "; SyntaxError without a line: \(stats.syntaxWithoutLine); seed \(opt.seed); \(Int(now() - startTime)) s"
    for (sig, n) in stats.signatures.sorted(by: { $0.value > $1.value }) {
        s += "\nfuzz: failure \(n)x [\(sig)] e.g. \(stats.signatureExample[sig] ?? "-")"
    }
    return s
}

// MARK: running inputs (in the child, or in process with --no-fork)

let markerPrefix: [UInt8] = [1, 77, 66, 70, 90] // "\u{1}MBFZ"
var outputFD: Int32 = -1   // the pipe's write end in a forked child
var maxLive = 0

let resetSource = Array("""
try:
    import gc
    gc.threshold(-1)
    gc.enable()
except:
    pass
try:
    import micropython
    micropython.opt_level(0)
except:
    pass

""".utf8)

func containsBytes(_ hay: [UInt8], _ needle: StaticString) -> Bool {
    let n = needle.utf8CodeUnitCount
    let p = needle.utf8Start
    if hay.count < n { return false }
    return hay.withUnsafeBufferPointer { h in
        var i = 0
        while i + n <= h.count {
            if h[i] == p[0] {
                var k = 1
                while k < n && h[i + k] == p[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}

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
        if let w = workDir { _ = chdir(w) }   // undo os.chdir by the previous input
        alarmFired = 0
        mb_sigint_pending = 0
        setAlarm(opt.timeout)
        sp.pointee.running = 1
        let t0 = opt.verbose ? now() : 0
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
        setAlarm(0)
        if opt.verbose, now() - t0 > 0.05 { errWrite("fuzz: input #\(idx) took \(Int((now() - t0) * 1000)) ms\n") }
        var code: UInt8
        switch outcome {
        case .ok: code = UInt8(ascii: "o")
        case .exception: code = UInt8(ascii: "e")
        case .systemExit: code = UInt8(ascii: "s")
        }
        if alarmFired != 0 { code = UInt8(ascii: "t") }
        mb_sigint_pending = 0
        // undo GC and compiler settings that would slow down or break the rest of the batch
        if g.bytes.count >= 2 && (containsBytes(g.bytes, "gc") || containsBytes(g.bytes, "micropython")) {
            setAlarm(opt.timeout)
            if Interpreter.runMain(source: resetSource, filename: "<string>") != .ok {
                _ = Interpreter.runMain(source: resetSource, filename: "<string>")   // a held heap lock was released by the first failure
            }
            setAlarm(0)
        }
        if opt.heapReport {
            var live = 0
            let text = Interpreter.captureOutput {
                _ = Interpreter.runMain(source: Array("import gc\ngc.collect()\nprint(gc.mem_alloc())".utf8), filename: "<string>")
            }
            live = Int(text.trimmingCharacters()) ?? -1
            if live > maxLive {
                maxLive = live
                errWrite("fuzz: live heap after input #\(idx) (\(kindName(g.kind))): \(live) bytes\n")
            }
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
        if now() - since > 2 * opt.timeout + 1 {
            let path = saveFailure(prefix: "hang", detail: "no progress for \(2 * opt.timeout + 1) s, KeyboardInterrupt ignored (in process)")
            errWrite("\nmicroboard-fuzz: HANG: input #\(idx) ran longer than \(2 * opt.timeout + 1) s; saved to \(path)\n")
            errWrite(summary() + "\n")
            _exit(3)
        }
    }
}

func runInProcess() {
    inProcessMode = true
    syncLibs()
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
    shared.pointee.frameCount = 0
    shared.pointee.currentIndex = -1
    acc = []
    carry = []
    let pid = fork()
    if pid < 0 { fail("fork failed") }
    if pid == 0 {
        close(pipeR)
        // keep the output channel on a high descriptor, out of reach of open(4).close() and the like
        outputFD = dup2(pipeW, 201) == 201 ? 201 : pipeW
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
            else if t - since > (shared.pointee.crashSignal != 0 ? 60 : 2 * opt.timeout + 1) {
                // SIGABRT first: the child's handler records where it is stuck (see signature())
                let crashed = shared.pointee.crashSignal != 0
                kill(pid, crashed ? SIGKILL : SIGABRT)
                let killAt = now() + 3
                while waitpid(pid, &st, WNOHANG) != pid {
                    if now() > killAt { kill(pid, SIGKILL); waitpid(pid, &st, 0); break }
                    usleep(10_000)
                }
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

/// The command line that reruns inputs a...b as one batch (same seed, sources and settings).
func reproCommand(_ a: Int, _ b: Int) -> String {
    var args = Array(CommandLine.arguments.dropFirst())
    var out: [String] = []
    var i = 0
    while i < args.count {
        switch args[i] {
        case "--time", "--max-per-signature": i += 2
        case "--range": i += 3
        case "--stop-on-failure", "--verbose", "-v": i += 1
        default: out.append(args[i]); i += 1
        }
    }
    args = out
    if !args.contains("--seed") { args += ["--seed", String(opt.seed)] }
    return "microboard-fuzz " + args.joined(separator: " ") + " --range \(a) \(b)"
}

/// Saves the current input (and a note) to the crash directory; returns the input's path.
@discardableResult
func saveFailure(prefix: String, detail: String, output: ArraySlice<UInt8> = [], extra: String = "") -> String {
    let input = currentInput()
    let h = input.withUnsafeBufferPointer { hex16(fnv1a($0)) }
    let path = opt.crashDir + "/\(prefix)-\(h).py"
    writeFile(path, input)
    let sp = shared.pointee
    var note = "\(detail)\n"
    note += "input #\(sp.currentIndex) (source: \(kindName(sp.kind))"
    if sp.seedIndex >= 0 && sp.seedIndex < seedNames.count { note += ", seed file \(seedNames[sp.seedIndex])" }
    if sp.kind == 4 && sp.currentIndex >= 0 && sp.currentIndex < opt.replay.count { note += ", file \(opt.replay[sp.currentIndex])" }
    note += ")\nfuzz seed \(opt.seed), batch \(sp.batchStart)...\(sp.currentIndex), heap \(opt.heap), budget \(opt.budget)\(opt.gcStress ? ", gcstress" : "")\n"
    note += "reproduce the batch: \(reproCommand(sp.batchStart, sp.currentIndex))\n"
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

/// Runs one input alone in a fresh child (pristine heap); returns how the child ended, its output
/// and the failure signature (computed before the caller's shared state is restored).
func runStandalone(_ input: [UInt8]) -> (ChildEnd, [UInt8], String) {
    let saved = shared.pointee
    let savedReplay = opt.replay
    let savedVerbose = opt.verbose
    let tmp = opt.crashDir + "/.standalone-\(getpid()).py"
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
    var out: [UInt8] = []
    let savedSink = markerSink
    markerSink = { _, _, o in out = Array(o) }
    syncLibs()
    let end = runChild()
    if case .finished = end {} else { out = acc }
    let sig = signature(end, out[...])
    markerSink = savedSink
    stats = savedStats
    resultIndex = savedResult
    opt.replay = savedReplay
    opt.verbose = savedVerbose
    unlink(tmp)
    shared.pointee = saved
    return (end, out, sig)
}

/// What kind of failure this is: the signal (or hang/exit) plus the Swift runtime's fatal error text
/// with numbers blanked, so one bug's many inputs are counted together.
func signature(_ end: ChildEnd, _ out: ArraySlice<UInt8>) -> String {
    switch end {
    case .finished: return "ok"
    case .hang:
        let fr = crashFrames()
        return fr.isEmpty ? "hang" : "hang in " + fr.prefix(4).joined(separator: " < ")
    case .stall: return "stall"
    case .exited(let c): return "exit \(c)"
    case .signaled(let sig):
        var s = signalNames[sig] ?? "signal \(sig)"
        let fr = crashFrames()
        if !fr.isEmpty { s += " in " + fr.prefix(3).joined(separator: " < ") }
        let text = String(decoding: out.suffix(4000), as: UTF8.self)
        if let line = text.split(separator: "\n").last(where: { $0.contains("Fatal error") }) {
            var norm = ""
            var lastDigit = false
            for ch in line.prefix(200) {
                if ch.isNumber { if !lastDigit { norm += "N" }; lastDigit = true } else { norm.append(ch); lastDigit = false }
            }
            s += ": " + norm
        }
        return s
    }
}

var symbolCache: [UInt: String] = [:]

/// The crashed child's frames inside this executable, as function names when addr2line and
/// swift-demangle are installed, else as offsets into the executable.
func crashFrames() -> [String] {
    let n = min(shared.pointee.frameCount, 16)
    var addrs: [UInt] = []
    withUnsafeBytes(of: shared.pointee.frames) { f in
        for k in 0..<n {
            let a = f.load(fromByteOffset: k * 8, as: UInt.self)
            // return addresses point after the call: look up the call instruction itself
            if a >= exeRange.lo && a < exeRange.hi { addrs.append(k == 0 ? a : a - 1) }
        }
    }
    let missing = addrs.filter { symbolCache[$0] == nil }
    if !missing.isEmpty {
        // PIE: addr2line wants offsets from the load address of the first mapping
        let offs = missing.map { "0x" + String($0 - exeRange.lo, radix: 16) }.joined(separator: " ")
        let cmd = "addr2line -f -e '\(exeRange.path)' \(offs) 2>/dev/null | swift-demangle --simplified 2>/dev/null"
        var lines: [String] = []
        if let fp = popen(cmd, "r") {
            var buf = [CChar](repeating: 0, count: 8192)
            while fgets(&buf, 8192, fp) != nil {
                lines.append(String(cString: buf).trimmingCharacters())
            }
            pclose(fp)
        }
        for (k, a) in missing.enumerated() {
            var name = "exe+0x" + String(a - exeRange.lo, radix: 16)
            if lines.count == 2 * missing.count, !lines[2 * k].hasPrefix("??") {
                name = lines[2 * k]
                if name.count > 90 { name = String(name.prefix(90)) + "…" }
                let loc = lines[2 * k + 1].split(separator: "/").last.map(String.init) ?? ""
                if !loc.hasPrefix("??") { name += " (\(loc))" }
            }
            symbolCache[a] = name
        }
    }
    // keep the interpreter's own frames: drop thunks, this harness's signal handler and standard
    // library specializations without line information
    let all = addrs.map { symbolCache[$0]! }
    let kept = all.filter {
        !$0.hasPrefix("thunk for") && !$0.hasPrefix("partial apply") && !$0.hasPrefix("reabstraction thunk")
            && !$0.contains("installCrashHandlers") && !$0.hasSuffix(":?)")
    }
    return kept.isEmpty ? all : kept
}

func checkStandalone(_ input: [UInt8], _ sig: String) -> String {
    let (end, _, s2) = runStandalone(input)
    switch end {
    case .finished: return "does NOT reproduce standalone (depends on the heap state left by earlier inputs)"
    default: return s2 == sig ? "reproduces standalone" : "standalone it fails differently: \(s2)"
    }
}

/// Delta debugging: the smallest input (lines, then bytes) that still fails with the same signature.
func minimize(_ path: String) -> Int32 {
    guard let original = readFile(path) else { fail("cannot read \(path)") }
    let (end0, _, target) = runStandalone(original)
    if case .finished = end0 {
        outWrite("minimize: \(path) does not fail standalone; nothing to do\n")
        return 1
    }
    outWrite("minimize: \(path): \(original.count) bytes, failure: \(target)\n")
    var tests = 0
    let deadline = now() + 600
    func fails(_ b: [UInt8]) -> Bool {
        tests += 1
        let (e, _, sig) = runStandalone(b)
        if case .finished = e { return false }
        return sig == target
    }
    func ddmin(_ units: [[UInt8]], sep: [UInt8]) -> [[UInt8]] {
        func join(_ u: ArraySlice<[UInt8]>) -> [UInt8] {
            var r: [UInt8] = []
            for (k, x) in u.enumerated() { if k > 0 { r += sep }; r += x }
            return r
        }
        var cur = units
        var n = 2
        while cur.count >= 2 && now() < deadline {
            let chunk = (cur.count + n - 1) / n
            var reduced = false
            var i = 0
            while i < cur.count {
                let cand = Array(cur[0..<i] + cur[min(i + chunk, cur.count)...])
                if fails(join(cand[...])) {
                    cur = cand
                    n = max(n - 1, 2)
                    reduced = true
                    break
                }
                i += chunk
            }
            if !reduced {
                if n >= cur.count { break }
                n = min(n * 2, cur.count)
            }
        }
        return cur
    }
    var best = original
    let ls = ddmin(Gen.lines(best).map { Array($0) }, sep: [10])
    best = []
    for (k, l) in ls.enumerated() { if k > 0 { best.append(10) }; best += l }
    if best.count <= 4000 && now() < deadline {
        let ls = ddmin(best.map { [$0] }, sep: [])
        best = ls.flatMap { $0 }
    }
    if !fails(best) { best = original }
    let outPath = (path.hasSuffix(".py") ? String(path.dropLast(3)) : path) + ".min.py"
    writeFile(outPath, best)
    outWrite("minimize: \(best.count) bytes after \(tests) runs, written to \(outPath)\n")
    best.withUnsafeBytes { _ = write(1, $0.baseAddress, $0.count) }
    outWrite("\n")
    return 0
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
        syncLibs()
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
            let sig = signature(end, out)
            stats.signatures[sig, default: 0] += 1
            let seen = stats.signatures[sig]!
            if seen > opt.maxPerSignature {
                if opt.verbose || seen == opt.maxPerSignature + 1 {
                    outWrite("fuzz: \(describe(end)) on input #\(idx) [\(sig)] again (\(seen) times; not saving more of this kind)\n")
                }
            } else {
                let standalone = checkStandalone(input, sig)
                let path = saveFailure(prefix: prefix, detail: describe(end) + "\nsignature: " + sig, output: out, extra: "standalone: \(standalone)\n")
                if stats.signatureExample[sig] == nil { stats.signatureExample[sig] = path }
                outWrite("fuzz: \(describe(end).uppercased()) on input #\(idx) (\(kindName(shared.pointee.kind)), \(input.count) bytes) saved to \(path); \(standalone)\n")
                if !out.isEmpty {
                    let tail = String(decoding: out.suffix(400), as: UTF8.self)
                    outWrite("fuzz:   output tail: \(tail.split(separator: "\n").suffix(4).joined(separator: " | "))\n")
                }
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
    if let m = opt.minimize {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { fail("pipe failed") }
        pipeR = fds[0]; pipeW = fds[1]
        _ = fcntl(pipeR, F_SETFL, fcntl(pipeR, F_GETFL) | O_NONBLOCK)
        signal(SIGPIPE, SIG_IGN)
        job.status = minimize(m)
    } else if opt.noFork {
        runInProcess()
        job.status = 0
    } else {
        job.status = runForkServer()
    }
}
if opt.minimize == nil && (stats.total > 0 || stats.crashes + stats.hangs + stats.unexpectedExits > 0 || opt.replay.isEmpty) {
    outWrite(summary() + "\n")
}
for f in stats.savedFiles { outWrite("fuzz: saved \(f)\n") }
removeWorkDir()
exit(job.status)
