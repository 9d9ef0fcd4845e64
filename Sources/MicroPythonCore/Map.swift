// The ordered hash map behind dict, instance attributes, module globals and class namespaces.
// Three words, embedded in the owning object (so an empty dict or instance is one 16-byte block):
//   [0] number of live entries
//   [1] entries used (live + deleted) in the low 27 bits, log2(capacity) in the top 5
//   [2] address of the table: `capacity` (key, value) pairs in insertion order, then, above
//       eight entries, an index of 2*capacity slots (1, 2 or 4 bytes each) holding entry+1.
// Deleted entries keep their place with key = sentinel until the table is rebuilt.

struct MapRef {
    let addr: UInt32
    @inline(__always) init(_ addr: UInt32) { self.addr = addr }
    @inline(__always) private var w: UnsafeMutablePointer<UInt32> { hostPtr(addr).assumingMemoryBound(to: UInt32.self) }

    @inline(__always) var count: Int { Int(w[0]) }
    @inline(__always) var fill: Int { Int(w[1] & 0x07FF_FFFF) }
    @inline(__always) var capLog2: Int { Int(w[1] >> 27) }
    @inline(__always) var capacity: Int { w[2] == 0 ? 0 : 1 << capLog2 }
    @inline(__always) var table: UInt32 { w[2] }
    @inline(__always) var entries: UnsafeMutablePointer<Obj> { hostPtr(w[2]).assumingMemoryBound(to: Obj.self) }

    @inline(__always) func key(_ i: Int) -> Obj { entries[2 * i] }
    @inline(__always) func value(_ i: Int) -> Obj { entries[2 * i + 1] }
    @inline(__always) func setValue(_ i: Int, _ v: Obj) { entries[2 * i + 1] = v }

    @inline(__always) private func setFill(_ f: Int, capLog2 c: Int) { w[1] = UInt32(f) | (UInt32(c) << 27) }

    static func indexWidth(_ cap: Int) -> Int { cap <= 64 ? 1 : (cap <= 16384 ? 2 : 4) }
    static func tableBytes(_ cap: Int) -> Int { cap * 8 + (cap > 8 ? 2 * cap * indexWidth(cap) : 0) }

    @inline(__always) private func indexGet(_ slot: Int, _ cap: Int) -> Int {
        let base = hostPtr(w[2]) + cap * 8
        switch MapRef.indexWidth(cap) {
        case 1: return Int(base.load(fromByteOffset: slot, as: UInt8.self))
        case 2: return Int(base.load(fromByteOffset: slot * 2, as: UInt16.self))
        default: return Int(base.load(fromByteOffset: slot * 4, as: UInt32.self))
        }
    }
    @inline(__always) private func indexSet(_ slot: Int, _ cap: Int, _ v: Int) {
        let base = hostPtr(w[2]) + cap * 8
        switch MapRef.indexWidth(cap) {
        case 1: base.storeBytes(of: UInt8(v), toByteOffset: slot, as: UInt8.self)
        case 2: base.storeBytes(of: UInt16(v), toByteOffset: slot * 2, as: UInt16.self)
        default: base.storeBytes(of: UInt32(v), toByteOffset: slot * 4, as: UInt32.self)
        }
    }

    /// Fast path for attribute and global lookups: qstr keys compare by identity. Keys that are
    /// equal strings but not interned are found by the general lookup.
    @inline(__always) func findQstr(_ key: Obj) -> Int? {
        let cap = capacity
        if cap == 0 { return nil }
        let e = entries
        if cap <= 8 {
            for i in 0..<fill where e[2 * i] == key { return i }
            return nil
        }
        let mask = 2 * cap - 1
        var slot = Int(qstrs.hashOf(key.qstr)) & mask
        while true {
            let ix = indexGet(slot, cap)
            if ix == 0 { return nil }
            if e[2 * (ix - 1)] == key { return ix - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Index of the entry for `key`, or nil.
    func find(_ key: Obj) throws -> Int? {
        let cap = capacity
        if cap == 0 {
            if !(key.isQstr || key.isSmallInt) { _ = try pyHash(key) }
            return nil
        }
        let e = entries
        let simple = key.isQstr || key.isSmallInt
        if !simple && !isStr(key) { _ = try pyHash(key) }   // unhashable keys raise TypeError
        if cap <= 8 {
            for i in 0..<fill {
                let k = e[2 * i]
                if k == key { return i }
                if k == .sentinel || (simple && (k.isQstr || k.isSmallInt) && (k.isQstr == key.isQstr)) { continue }
                if try keysEqual(k, key) { return i }
            }
            return nil
        }
        let h = try pyHash(key)
        let mask = 2 * cap - 1
        var slot = h & mask
        while true {
            let ix = indexGet(slot, cap)
            if ix == 0 { return nil }
            let k = entries[2 * (ix - 1)]
            if k == key { return ix - 1 }
            if k != .sentinel && !(simple && (k.isQstr || k.isSmallInt) && (k.isQstr == key.isQstr)) {
                if try keysEqual(k, key) { return ix - 1 }
            }
            slot = (slot + 1) & mask
        }
    }

    func get(_ key: Obj) throws -> Obj? {
        if let i = try find(key) { return value(i) }
        return nil
    }

    /// Inserts or replaces.
    func set(_ key: Obj, _ value: Obj) throws {
        if let i = key.isQstr ? findQstr(key) : try find(key) {
            setValue(i, value)
            return
        }
        if key.isQstr && capacity > 0, let i = try find(key) {   // equal non-interned string key
            setValue(i, value)
            return
        }
        try append(key, value)
    }

    /// Appends a key known to be absent.
    func append(_ key: Obj, _ value: Obj) throws {
        if fill >= capacity { try rebuild(minCapacity: count + 1, key: key, value: value) }
        let i = fill
        let cap = capacity
        entries[2 * i] = key
        entries[2 * i + 1] = value
        setFill(i + 1, capLog2: capLog2)
        w[0] += 1
        if cap > 8 {
            let h = key.isQstr ? Int(qstrs.hashOf(key.qstr)) : try pyHash(key)
            let mask = 2 * cap - 1
            var slot = h & mask
            while indexGet(slot, cap) != 0 { slot = (slot + 1) & mask }
            indexSet(slot, cap, i + 1)
        }
    }

    /// Removes `key`; returns its value or nil when absent.
    func remove(_ key: Obj) throws -> Obj? {
        guard let i = try find(key) else { return nil }
        let v = value(i)
        removeAt(i)
        return v
    }

    func removeAt(_ i: Int) {
        entries[2 * i] = .sentinel
        entries[2 * i + 1] = .null
        w[0] -= 1
        if i == fill - 1 && capacity <= 8 { setFill(i, capLog2: capLog2) }
    }

    func clear() {
        w[0] = 0
        w[1] = 0
        w[2] = 0
    }

    /// Rebuilds the table with room for at least minCapacity live entries, dropping deleted ones.
    /// key/value are the pending insertion, kept alive through a collection by being arguments.
    private func rebuild(minCapacity: Int, key: Obj, value: Obj) throws {
        var c = 2
        while (1 << c) < minCapacity { c += 1 }
        if (1 << c) < 4 { c = 2 }
        // grow only when mostly live; otherwise compact at the same size
        let old = capacity
        if old > 0 && (1 << c) <= old && count * 4 >= old * 3 { c += 1 }
        if old > 0 && (1 << c) < old && count * 2 > (1 << c) { c += 1 }
        let newCap = 1 << c
        let oldTable = w[2]
        let oldFill = fill
        let keep = pushRoot(Obj(raw: oldTable))
        let nt = try tableAlloc(MapRef.tableBytes(newCap))
        popRoots(to: keep)
        let oldEntries = hostPtr(oldTable).assumingMemoryBound(to: Obj.self)
        w[2] = nt
        w[0] = 0
        setFill(0, capLog2: c)
        if oldTable != 0 {
            for i in 0..<oldFill {
                let k = oldEntries[2 * i]
                if k == .sentinel { continue }
                // cannot fail for keys that were already hashed
                let e = entries
                let j = fill
                e[2 * j] = k
                e[2 * j + 1] = oldEntries[2 * i + 1]
                setFill(j + 1, capLog2: c)
                w[0] += 1
                if newCap > 8 {
                    let h = k.isQstr ? Int(qstrs.hashOf(k.qstr)) : ((try? pyHash(k)) ?? 0)
                    let mask = 2 * newCap - 1
                    var slot = h & mask
                    while indexGet(slot, newCap) != 0 { slot = (slot + 1) & mask }
                    indexSet(slot, newCap, j + 1)
                }
            }
            if isHeapAddr(oldTable) && !buildingRom { gcFree(oldTable) }
        }
    }

    /// Next live entry at or after i.
    @inline(__always) func next(from i: Int) -> Int? {
        var j = i
        let f = fill
        while j < f {
            if entries[2 * j] != .sentinel { return j }
            j += 1
        }
        return nil
    }
}

/// Key equality for maps: identity first, then Python ==.
@inline(__always) func keysEqual(_ a: Obj, _ b: Obj) throws -> Bool {
    if a == b { return true }
    return try pyEqual(a, b)
}
