import Glibc

// A thread-safe FIFO of received bytes: reader threads push, the interpreter thread pops with an
// optional timeout. Closing wakes every waiter; bytes already queued can still be read.

public final class ByteQueue {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var buffer: [UInt8] = []
    private var head = 0
    private var closed = false

    public init() {
        pthread_mutex_init(mutex, nil)
        var attr = pthread_condattr_t()
        pthread_condattr_init(&attr)
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
        pthread_cond_init(cond, &attr)
        pthread_condattr_destroy(&attr)
    }

    deinit {
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        cond.deallocate()
    }

    public func push(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        pthread_mutex_lock(mutex)
        buffer += bytes
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
    }

    /// The next byte; waits up to `timeout` seconds (nil: until a byte arrives or the queue closes).
    /// nil on timeout or when closed and empty.
    public func pop(timeout: Double? = nil) -> UInt8? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if head == buffer.count && !closed {
            if let t = timeout {
                guard t > 0 else { return nil }
                var deadline = timespec()
                clock_gettime(CLOCK_MONOTONIC, &deadline)
                let ns = Int(t * 1e9) + deadline.tv_nsec
                deadline.tv_sec += ns / 1_000_000_000
                deadline.tv_nsec = ns % 1_000_000_000
                while head == buffer.count && !closed {
                    if pthread_cond_timedwait(cond, mutex, &deadline) == ETIMEDOUT { break }
                }
            } else {
                while head == buffer.count && !closed { pthread_cond_wait(cond, mutex) }
            }
        }
        guard head < buffer.count else { return nil }
        let b = buffer[head]
        head += 1
        if head == buffer.count { buffer.removeAll(keepingCapacity: true); head = 0 }
        return b
    }

    public var count: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return buffer.count - head
    }

    public var isClosed: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return closed && head == buffer.count
    }

    /// Drops queued bytes (a client re-attached).
    public func clear() {
        pthread_mutex_lock(mutex)
        buffer.removeAll(keepingCapacity: true)
        head = 0
        pthread_mutex_unlock(mutex)
    }

    public func close() {
        pthread_mutex_lock(mutex)
        closed = true
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
    }
}

/// A plain mutex for small critical sections.
final class Lock {
    private let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    init() { pthread_mutex_init(m, nil) }
    deinit { pthread_mutex_destroy(m); m.deallocate() }
    func with<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(m)
        defer { pthread_mutex_unlock(m) }
        return try body()
    }
}

/// Starts a detached thread running `body` (transport readers and acceptors).
func startThread(_ body: @escaping () -> Void) {
    final class Box { let body: () -> Void; init(_ b: @escaping () -> Void) { body = b } }
    let ctx = Unmanaged.passRetained(Box(body)).toOpaque()
    var tid = pthread_t()
    pthread_create(&tid, nil, { p in
        let box = Unmanaged<Box>.fromOpaque(p!).takeRetainedValue()
        box.body()
        return nil
    }, ctx)
    pthread_detach(tid)
}
