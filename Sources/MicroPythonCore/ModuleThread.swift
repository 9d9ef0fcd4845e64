import CSupport
import Glibc

// The _thread module, as MicroPython's py/modthread.c on the unix port: start_new_thread, exit,
// allocate_lock/LockType, get_ident, stack_size. Threads, the GIL and their GC roots are in
// ThreadState.swift. A lock is [type][locked]: its state changes only under the GIL, so a flag
// is enough; a thread that must wait releases the GIL and sleeps on the shared lock event
// (Threads.c), woken by every release. acquire's timeout (a TODO in MicroPython, which ignores
// it) is honoured as CPython does.

enum ModuleThread {
    nonisolated(unsafe) static var lockType = Obj.null
    /// stack_size()'s setting (0: the default).
    nonisolated(unsafe) static var stackSize = 0

    static func register() {
        guard portInfo.hasThreads else { return }
        registerModule("_thread") {
            makeType()
            return [
                ("LockType", .value(lockType)),
                ("allocate_lock", .function(fn("allocate_lock", 0) { _ in try allocObj(lockType.raw, words: 2) })),
                ("start_new_thread", .function(fn("start_new_thread", 2, 3) { a in try startNewThread(a) })),
                ("exit", .function(fn("exit", 0) { _ in throw pyErr(.SystemExit) })),
                ("get_ident", .function(fn("get_ident", 0) { _ in try newInt(Int(truncatingIfNeeded: mb_thread_self())) })),
                // as MicroPython: returns the old setting; without an argument it resets it to 0
                ("stack_size", .function(fn("stack_size", 0, 1) { a in
                    let old = stackSize
                    stackSize = a.count > 0 ? try intToInt(a[0]) : 0
                    return try newInt(old)
                })),
            ]
        }
    }

    static func startNewThread(_ a: Args) throws -> Obj {
        let f = a[0], given = a[1]
        let args: Obj
        if given.isType(.tuple) {
            args = given
        } else if given.isType(.list) {
            args = try newTuple(listItems(given), listLen(given))
        } else {
            throw typeError("object '\(typeName(given))' isn't a tuple or list")
        }
        let keep = pushRoot(args)
        defer { popRoots(to: keep) }
        var kwargs = Obj.null
        if a.count > 2 {
            guard a[2].isType(.dict) else { throw typeError("expecting a dict for keyword args") }
            // copied as MicroPython copies them: later changes to the caller's dict do not count
            kwargs = try dictCopy(a[2])
        }
        let ident = try startThread(f, args: args, kwargs: kwargs, stackSize: stackSize)
        return try newInt(Int(truncatingIfNeeded: ident))
    }

    static func makeType() {
        if !lockType.isNull { return }
        lockType = makeRomType("lock", [
            method("acquire", 1, 3) { a in
                let wait = a.count > 1 ? try intToInt(a[1]) != 0 : true
                let timeout = a.count > 2 ? try toDouble(a[2]) : -1
                return .bool(try acquire(a[0], wait: wait, timeout: timeout))
            },
            method("release", 1) { a in
                try release(a[0])
                return .none
            },
            method("locked", 1) { a in .bool(a[0].w(1) != 0) },
            method("__enter__", 1) { a in .bool(try acquire(a[0], wait: true, timeout: -1)) },
            method("__exit__", 1, 4) { a in
                try release(a[0])
                return .none
            },
        ])
    }

    /// Takes the lock, waiting (GIL released) while another thread holds it; false when not
    /// waiting or when `timeout` seconds (negative: forever) pass first.
    static func acquire(_ lock: Obj, wait: Bool, timeout: Double) throws -> Bool {
        if lock.w(1) == 0 {
            lock.setW(1, 1)
            return true
        }
        if !wait { return false }
        let deadline = timeout >= 0 ? monotonicNanos() &+ Int64(min(timeout, 1e9) * 1e9) : Int64.max
        while true {
            let now = monotonicNanos()
            if now >= deadline { return false }
            // in slices, so Ctrl-C reaches a main thread waiting on a lock no one will release
            let slice = min(deadline - now, 100_000_000)
            let gen = mb_event_prepare()
            allowThreads { _ = mb_event_wait(gen, slice) }
            if lock.w(1) == 0 {
                lock.setW(1, 1)
                return true
            }
            try pollInterrupts()
        }
    }

    static func release(_ lock: Obj) throws {
        // MicroPython raises a RuntimeError without a message
        if lock.w(1) == 0 { throw pyErr(.RuntimeError) }
        lock.setW(1, 0)
        if threadsActive { mb_event_signal() }
    }

    private static func monotonicNanos() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
