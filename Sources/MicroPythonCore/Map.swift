// The ordered hash map behind dict, instance attributes, module globals and class namespaces.
// Three words, embedded in the owning object (so an empty dict or instance is one 16-byte block):
//   [0] number of live entries
//   [1] entries used (live + deleted) in the low 24 bits, the capacity's step in the top 8
//   [2] address of the table: `capacity` (key, value) pairs in insertion order, then, above
//       twelve entries, a hash index (a power of two >= 2*capacity slots of 1, 2 or 4 bytes
//       each) holding entry+1. Capacities grow in about 1.3x steps as MicroPython's maps do,
//       so a dict costs about what it costs on a board.
// Deleted entries keep their place with key = sentinel until the table is rebuilt.

struct MapRef {
    let addr: UInt32
    @inline(__always) init(_ addr: UInt32) { self.addr = addr }
    @inline(__always) private var w: UnsafeMutablePointer<UInt32> { hostPtr(addr).assumingMemoryBound(to: UInt32.self) }

    @inline(__always) var count: Int { Int(w[0]) }
    @inline(__always) var fill: Int { Int(w[1] & 0x00FF_FFFF) }
    @inline(__always) var capStep: Int { Int(w[1] >> 24) }
    @inline(__always) var capacity: Int { w[2] == 0 ? 0 : MapRef.capacities[capStep] }
    @inline(__always) var table: UInt32 { w[2] }
    @inline(__always) var entries: UnsafeMutablePointer<Obj> { hostPtr(w[2]).assumingMemoryBound(to: Obj.self) }

    @inline(__always) func key(_ i: Int) -> Obj { entries[2 * i] }
    @inline(__always) func value(_ i: Int) -> Obj { entries[2 * i + 1] }
    @inline(__always) func setValue(_ i: Int, _ v: Obj) { entries[2 * i + 1] = v }

    @inline(__always) private func setFill(_ f: Int, capStep c: Int) { w[1] = UInt32(f) | (UInt32(c) << 24) }

    static let capacities: [Int] = [4, 8, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919,
        1223, 1627, 2161, 2867, 3803, 5041, 6679, 8841, 11701, 15487, 20507, 27197, 36083, 47881, 63521, 84271, 111781,
        148291, 196751, 261017, 346391, 459541, 609613, 808793, 1073001, 1423559, 1888601, 2505607, 3324181,
        4410361, 5851427, 7763293, 10299931, 13665403, 16777215]
    /// Up to this many entries a lookup scans the entries; above, it uses the hash index.
    static let linearMax = 12
    @inline(__always) static func indexSlots(_ cap: Int) -> Int {
        var n = 32
        while n < 2 * cap { n <<= 1 }
        return n
    }
    static func indexWidth(_ cap: Int) -> Int { cap <= 127 ? 1 : (cap <= 32767 ? 2 : 4) }
    static func tableBytes(_ cap: Int) -> Int { cap * 8 + (cap > linearMax ? indexSlots(cap) * indexWidth(cap) : 0) }

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
        if cap <= MapRef.linearMax {
            for i in 0..<fill where e[2 * i] == key { return i }
            return nil
        }
        let mask = MapRef.indexSlots(cap) - 1
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
        if cap <= MapRef.linearMax {
            for i in 0..<fill {
                let k = e[2 * i]
                if k == key { return i }
                if k == .sentinel || (simple && (k.isQstr || k.isSmallInt) && (k.isQstr == key.isQstr)) { continue }
                if try keysEqual(k, key) { return i }
            }
            return nil
        }
        let h = try pyHash(key)
        let mask = MapRef.indexSlots(cap) - 1
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
        setFill(i + 1, capStep: capStep)
        w[0] += 1
        if cap > MapRef.linearMax {
            let h = key.isQstr ? Int(qstrs.hashOf(key.qstr)) : try pyHash(key)
            let mask = MapRef.indexSlots(cap) - 1
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
        if i == fill - 1 && capacity <= MapRef.linearMax { setFill(i, capStep: capStep) }
    }

    func clear() {
        w[0] = 0
        w[1] = 0
        w[2] = 0
    }

    /// Rebuilds the table with room for at least minCapacity live entries, dropping deleted ones.
    /// key/value are the pending insertion, kept alive through a collection by being arguments.
    private func rebuild(minCapacity: Int, key: Obj, value: Obj) throws {
        // the smallest step holding the live entries plus the new one; grow one more step when
        // the table is mostly live, so deleted entries are compacted rather than grown over
        let old = capacity
        var c = 0
        while MapRef.capacities[c] < minCapacity { c += 1 }
        if old > 0 && MapRef.capacities[c] <= old && count * 4 >= old * 3 { c += 1 }
        let newCap = MapRef.capacities[c]
        let oldTable = w[2]
        let oldFill = fill
        let keep = pushRoot(Obj(raw: oldTable))
        let nt = try tableAlloc(MapRef.tableBytes(newCap))
        popRoots(to: keep)
        let oldEntries = hostPtr(oldTable).assumingMemoryBound(to: Obj.self)
        w[2] = nt
        w[0] = 0
        setFill(0, capStep: c)
        if oldTable != 0 {
            for i in 0..<oldFill {
                let k = oldEntries[2 * i]
                if k == .sentinel { continue }
                // cannot fail for keys that were already hashed
                let e = entries
                let j = fill
                e[2 * j] = k
                e[2 * j + 1] = oldEntries[2 * i + 1]
                setFill(j + 1, capStep: c)
                w[0] += 1
                if newCap > MapRef.linearMax {
                    let h = k.isQstr ? Int(qstrs.hashOf(k.qstr)) : ((try? pyHash(k)) ?? 0)
                    let mask = MapRef.indexSlots(newCap) - 1
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
