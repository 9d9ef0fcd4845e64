// Interned strings. Identifiers, attribute names and short constant strings are qstrs: a value
// carries the qstr's index, equality is index equality, and the bytes live in host memory that
// never moves (chunks are never reallocated).

struct QstrPool {
    private var ptrs: UnsafeMutablePointer<UnsafePointer<UInt8>>
    private var lens: UnsafeMutablePointer<Int32>
    private var hashes: UnsafeMutablePointer<UInt32>
    private(set) var count = 0
    private var capacity = 0
    // open-addressing index: slot -> qstr index + 1 (0 = empty)
    private var table: UnsafeMutablePointer<UInt32>
    private var tableMask = 0
    private var chunk: UnsafeMutablePointer<UInt8>
    private var chunkUsed = 0
    private var chunkSize = 0
    private(set) var bytesUsed = 0

    init() {
        capacity = 1024
        ptrs = .allocate(capacity: capacity)
        lens = .allocate(capacity: capacity)
        hashes = .allocate(capacity: capacity)
        tableMask = 2047
        table = .allocate(capacity: tableMask + 1)
        table.initialize(repeating: 0, count: tableMask + 1)
        chunkSize = 16384
        chunk = .allocate(capacity: chunkSize)
    }

    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt32 = 5381
        for i in 0..<n { h = (h &* 33) ^ UInt32(p[i]) }
        h &= 0x3FFF_FFFF
        return h == 0 ? 1 : h
    }

    @inline(__always) func bytes(_ q: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: ptrs[Int(q)], count: Int(lens[Int(q)]))
    }
    @inline(__always) func length(_ q: UInt32) -> Int { Int(lens[Int(q)]) }
    @inline(__always) func hashOf(_ q: UInt32) -> UInt32 { hashes[Int(q)] }

    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32? { find(p, n, hash: QstrPool.hash(p, n)) }

    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt32) -> UInt32? {
        var i = Int(h) & tableMask
        while true {
            let e = table[i]
            if e == 0 { return nil }
            let q = Int(e - 1)
            if hashes[q] == h && Int(lens[q]) == n && memEqual(ptrs[q], p, n) { return UInt32(q) }
            i = (i + 1) & tableMask
        }
    }

    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        if let q = find(p, n) { return q }
        return add(p, n)
    }

    mutating func intern(_ s: String) -> UInt32 {
        var s = s
        return s.withUTF8 { b in intern(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count) }
    }

    private mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        if count == capacity { grow() }
        if chunkUsed + n + 1 > chunkSize {
            chunkSize = max(16384, n + 1)
            chunk = .allocate(capacity: chunkSize)
            chunkUsed = 0
        }
        let dst = chunk + chunkUsed
        if n > 0 { dst.update(from: p, count: n) }
        dst[n] = 0
        chunkUsed += n + 1
        bytesUsed += n + 1
        let q = count
        ptrs[q] = UnsafePointer(dst)
        lens[q] = Int32(n)
        hashes[q] = QstrPool.hash(p, n)
        count += 1
        if count * 2 > tableMask { rehash() } else { insertIndex(q) }
        return UInt32(q)
    }

    private mutating func insertIndex(_ q: Int) {
        var i = Int(hashes[q]) & tableMask
        while table[i] != 0 { i = (i + 1) & tableMask }
        table[i] = UInt32(q + 1)
    }

    private mutating func grow() {
        let nc = capacity * 2
        let np = UnsafeMutablePointer<UnsafePointer<UInt8>>.allocate(capacity: nc)
        np.moveInitialize(from: ptrs, count: count)
        ptrs.deallocate(); ptrs = np
        let nl = UnsafeMutablePointer<Int32>.allocate(capacity: nc)
        nl.moveInitialize(from: lens, count: count)
        lens.deallocate(); lens = nl
        let nh = UnsafeMutablePointer<UInt32>.allocate(capacity: nc)
        nh.moveInitialize(from: hashes, count: count)
        hashes.deallocate(); hashes = nh
        capacity = nc
    }

    private mutating func rehash() {
        table.deallocate()
        tableMask = (tableMask + 1) * 2 - 1
        table = .allocate(capacity: tableMask + 1)
        table.initialize(repeating: 0, count: tableMask + 1)
        for q in 0..<count { insertIndex(q) }
    }
}

@inline(__always) func memEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    if a == b { return true }
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}

nonisolated(unsafe) var qstrs = QstrPool()

@inline(__always) func qstrBytes(_ q: UInt32) -> UnsafeBufferPointer<UInt8> { qstrs.bytes(q) }
func qstrString(_ q: UInt32) -> String { String(decoding: qstrs.bytes(q), as: UTF8.self) }
func intern(_ s: String) -> UInt32 { qstrs.intern(s) }
@inline(__always) func qobj(_ s: String) -> Obj { Obj(qstr: qstrs.intern(s)) }
@inline(__always) func qobj(_ q: QID) -> Obj { Obj(qstr: q.rawValue) }

/// Interns all static qstrs in QID order so that each case's raw value is its index.
func internStaticQstrs() {
    for q in QID.allCases {
        let idx = qstrs.intern(q.text)
        precondition(idx == q.rawValue, "qstr table out of order at \(q)")
    }
}
