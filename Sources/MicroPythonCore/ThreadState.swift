import CSupport
import Glibc

// Python threads (_thread, ModuleThread.swift) run on host pthreads under a global interpreter
// lock, as MicroPython's unix port does. Only the thread holding the GIL touches the heap, `rt`
// and the interpreter's globals; its per-thread state (VM stack, native stack bounds, call
// depth, handled/raised exception, current frame, ...) is live in `rt` and those globals. A
// thread gives up the GIL only through `allowThreads`, which first saves that state into its
// `PyThread` record (with its stack pointer, registers spilled) and restores it after
// re-acquiring, so every other thread is always either not started yet or suspended there with
// its roots in its record, where the collector finds them (`scanSuspendedThreads`).
//
// Until the first start_new_thread nothing of this runs: `threadsActive` is false, the GIL is
// never taken, and the VM's only hook is in its tick slow path (`handlePendingInterrupt`).

/// One Python thread's state while it does not hold the GIL.
final class PyThread {
    var vmStackBase: UnsafeMutablePointer<Obj>
    var vmStackTop: UnsafeMutablePointer<Obj>
    var vmStackLimit: UnsafeMutablePointer<Obj>
    /// Bytes of VM stack this record mapped (unmapped when the thread ends); 0 for the main thread.
    var vmStackBytes = 0
    var nativeStackTop: UnsafeMutableRawPointer?
    var nativeStackLimit: UInt = 0
    /// While suspended: the lowest live address of its native stack (conservatively scanned up to
    /// nativeStackTop).
    var savedSP: UnsafeRawPointer?
    var callDepth = 0
    var handledException = Obj.none
    var raisedException = Obj.none
    var lastStopValue = Obj.none
    var currentFrame: UnsafeMutablePointer<Obj>? = nil
    var reraising = false
    var reprActive: [Obj] = []
    /// Until the thread runs: what it calls (rooted through this record).
    var function = Obj.null, args = Obj.null, kwargs = Obj.null
    var started = false
    var hostStackBytes = 0

    init(vmStack: UnsafeMutablePointer<Obj>, slots: Int) {
        vmStackBase = vmStack
        vmStackTop = vmStack
        vmStackLimit = vmStack + slots
    }
}

/// Set by the first start_new_thread; from then on the GIL is in use.
nonisolated(unsafe) var threadsActive = false
/// The thread holding the GIL (nil before threads start).
nonisolated(unsafe) var currentThread: PyThread? = nil
/// The thread that ran Python code before any other started (SIGINT goes to it).
nonisolated(unsafe) var mainThread: PyThread? = nil
/// Every thread not yet finished, the running one included.
nonisolated(unsafe) var allThreads: [PyThread] = []

/// Copies the running thread's state out of `rt` and the interpreter globals.
private func saveThreadState(_ t: PyThread) {
    t.vmStackBase = rt.pointee.vmStackBase
    t.vmStackTop = rt.pointee.vmStackTop
    t.vmStackLimit = rt.pointee.vmStackLimit
    t.nativeStackTop = rt.pointee.nativeStackTop
    t.nativeStackLimit = rt.pointee.nativeStackLimit
    t.callDepth = rt.pointee.callDepth
    t.handledException = getRoot(.handledException)
    t.raisedException = getRoot(.raisedException)
    t.lastStopValue = lastStopValue
    t.currentFrame = currentFrame
    t.reraising = reraising
    t.reprActive = reprActive
}

/// Makes `t` the running thread: its state goes back into `rt` and the interpreter globals.
private func restoreThreadState(_ t: PyThread) {
    currentThread = t
    rt.pointee.vmStackBase = t.vmStackBase
    rt.pointee.vmStackTop = t.vmStackTop
    rt.pointee.vmStackLimit = t.vmStackLimit
    rt.pointee.nativeStackTop = t.nativeStackTop
    rt.pointee.nativeStackLimit = t.nativeStackLimit
    rt.pointee.callDepth = t.callDepth
    setRoot(.handledException, t.handledException)
    setRoot(.raisedException, t.raisedException)
    lastStopValue = t.lastStopValue
    currentFrame = t.currentFrame
    reraising = t.reraising
    reprActive = t.reprActive
    t.savedSP = nil
    t.reprActive = []
}

/// Called by the first start_new_thread: the running code becomes the main thread, holding the GIL.
func activateThreads() {
    if threadsActive { return }
    mb_gil_acquire()
    let main = PyThread(vmStack: rt.pointee.vmStackBase, slots: 0)
    main.started = true
    saveThreadState(main)
    allThreads.append(main)
    mainThread = main
    currentThread = main
    threadsActive = true
}

private struct ReleasedCall { let body: () -> Void }

/// Runs `body` (host code that blocks: sleeping, waiting on a lock, reading stdin) with the GIL
/// released, so other Python threads run meanwhile. `body` must not touch the heap or `rt`.
func allowThreads(_ body: () -> Void) {
    guard threadsActive else { body(); return }
    withoutActuallyEscaping(body) { b in
        var call = ReleasedCall(body: b)
        withUnsafeMutablePointer(to: &call) { p in
            // Callee-saved registers are spilled in mb_with_registers_spilled's frame, above sp:
            // the conservative scan of this thread's stack from sp sees every value it holds.
            mb_with_registers_spilled(p) { ctx, sp in
                let me = currentThread!
                saveThreadState(me)
                me.savedSP = UnsafeRawPointer(sp)
                mb_gil_release()
                ctx!.assumingMemoryBound(to: ReleasedCall.self).pointee.body()
                mb_gil_acquire()
                restoreThreadState(me)
            }
        }
    }
}

/// Lets waiting threads run (the periodic switch, and time.sleep(0)).
@inline(__always) func yieldToOtherThreads() {
    if threadsActive && mb_gil_has_waiters() != 0 { allowThreads {} }
}

/// Whether KeyboardInterrupt may be raised here: Ctrl-C goes to the main thread, as on the unix port.
@inline(__always) func mayTakeInterrupt() -> Bool { !threadsActive || currentThread === mainThread }

/// GC roots of every thread but the running one: VM stacks precisely, native stacks (from the
/// saved stack pointer) conservatively, and the saved roots and not-yet-started calls.
func scanSuspendedThreads(precise: (UnsafeRawPointer, UnsafeRawPointer) -> Void,
                          conservative: (UnsafeRawPointer, UnsafeRawPointer) -> Void,
                          value: (Obj) -> Void) {
    for t in allThreads where t !== currentThread {
        value(t.function)
        value(t.args)
        value(t.kwargs)
        guard t.started else { continue }
        precise(UnsafeRawPointer(t.vmStackBase), UnsafeRawPointer(t.vmStackTop))
        if let sp = t.savedSP, let top = t.nativeStackTop { conservative(sp, UnsafeRawPointer(top)) }
        value(t.handledException)
        value(t.raisedException)
        value(t.lastStopValue)
        for o in t.reprActive { value(o) }
    }
}

/// VM stack slots of a new thread (mapped lazily: only the depth reached costs memory).
let threadVMStackSlots = 1 << 18
/// Host stack of a new thread unless stack_size() asks for more: the VM recurses on the host
/// stack with frames far bigger than a C port's, so MicroPython's small default would not do.
let threadMinHostStack = 8 << 20
/// Headroom below the recursion check, as for the main thread.
private let nativeStackMargin = 256 * 1024

/// Starts a thread that calls fn(*args, **kwargs); returns its ident.
func startThread(_ fn: Obj, args: Obj, kwargs: Obj, stackSize: Int) throws -> UInt64 {
    activateThreads()
    let bytes = threadVMStackSlots * MemoryLayout<Obj>.stride
    guard let raw = mb_map_zeroed(bytes) else { throw pyErr(.OSError, "can't create thread") }
    let t = PyThread(vmStack: raw.bindMemory(to: Obj.self, capacity: threadVMStackSlots), slots: threadVMStackSlots)
    t.vmStackBytes = bytes
    t.function = fn
    t.args = args
    t.kwargs = kwargs
    // a negative size is a huge one, which the host refuses: "can't create thread", as the unix port
    t.hostStackBytes = stackSize <= threadMinHostStack && stackSize >= 0 ? threadMinHostStack : stackSize
    allThreads.append(t)
    var ident: UInt64 = 0
    let ctx = Unmanaged.passRetained(t).toOpaque()
    let rc = mb_thread_start(Int(bitPattern: UInt(bitPattern: t.hostStackBytes)), ctx, { ctx in threadMain(ctx!) }, &ident)
    if rc != 0 {
        Unmanaged<PyThread>.fromOpaque(ctx).release()
        allThreads.removeAll { $0 === t }
        _ = mb_unmap(raw, bytes)
        throw pyErr(.OSError, "can't create thread")
    }
    return ident
}

/// The body of every new host thread: waits for the GIL, runs the call, reports an uncaught
/// exception as MicroPython's thread_entry does (SystemExit ends the thread quietly), and leaves.
private func threadMain(_ ctx: UnsafeMutableRawPointer) {
    let t = Unmanaged<PyThread>.fromOpaque(ctx).takeRetainedValue()
    mb_gil_acquire()
    t.nativeStackTop = mb_stack_top()
    if let top = t.nativeStackTop {
        t.nativeStackLimit = UInt(bitPattern: top) - UInt(t.hostStackBytes) + UInt(nativeStackMargin)
    }
    t.started = true
    restoreThreadState(t)
    let fn = t.function, args = t.args, kwargs = t.kwargs
    // from here the thread's own VM stack keeps the call alive
    _ = pushRoot(fn)
    _ = pushRoot(args)
    _ = pushRoot(kwargs)
    t.function = .null
    t.args = .null
    t.kwargs = .null
    do {
        _ = try callWithTupleAndDict(fn, .null, args, kwargs, stackTop: rt.pointee.vmStackTop)
    } catch {
        let exc = error.exc
        if !isInstance(exc, .SystemExit) {
            var buf = Array("Unhandled exception in thread started by ".utf8)
            if (try? appendRepr(fn, &buf)) == nil { buf += Array("<object>".utf8) }
            buf.append(10)
            emitStderr(buf)
            printException(exc)
        }
    }
    allThreads.removeAll { $0 === t }
    currentThread = nil
    _ = mb_unmap(UnsafeMutableRawPointer(t.vmStackBase), t.vmStackBytes)
    mb_gil_release()
}
