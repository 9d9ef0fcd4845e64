import Glibc

// An open file of a FAT volume: a position, the cluster under it (so sequential access does not
// walk the chain from the start), and a one-sector buffer as FatFs's FIL has. Whole sectors go
// straight to the device. The directory entry (size, first cluster, time) is rewritten on flush.

public struct FatOpenMode: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let read = FatOpenMode(rawValue: 1)
    public static let write = FatOpenMode(rawValue: 2)
    public static let createNew = FatOpenMode(rawValue: 4)      // 'x': EEXIST if it exists
    public static let createAlways = FatOpenMode(rawValue: 8)   // 'w': create or truncate
    public static let openAlways = FatOpenMode(rawValue: 16)    // 'a': create if missing
    public static let append = FatOpenMode(rawValue: 32)        // 'a': start at the end

    /// MicroPython's VfsFat reading of a mode string (r w x a + b t).
    public static func parse(_ mode: String) throws -> (FatOpenMode, binary: Bool) {
        var m: FatOpenMode = []
        var binary = false
        for c in mode {
            switch c {
            case "r": m.insert(.read)
            case "w": m.formUnion([.write, .createAlways])
            case "x": m.formUnion([.write, .createNew])
            case "a": m.formUnion([.write, .openAlways, .append])
            case "+": m.formUnion([.read, .write])
            case "b": binary = true
            case "t": binary = false
            default: throw FsError.invalid
            }
        }
        if m.isEmpty { m = .read }
        return (m, binary)
    }
}

public final class FatFile {
    public let vol: FatVolume
    let dir: UInt32
    let slot: Int
    var first: UInt32
    public private(set) var size: Int
    public private(set) var pos = 0
    public let readable: Bool
    public let writable: Bool
    public private(set) var closed = false
    private var modified = false
    private var curIndex = -1
    private var curCluster: UInt32 = 0
    private var buf: [UInt8] = []
    private var bufSector = -1
    private var bufDirty = false

    init(vol: FatVolume, dir: UInt32, slot: Int, first: UInt32, size: Int, mode: FatOpenMode) {
        self.vol = vol
        self.dir = dir
        self.slot = slot
        self.first = first
        self.size = size
        readable = mode.contains(.read)
        writable = mode.contains(.write)
        if mode.contains(.append) { pos = size }
    }

    /// Opens `path` as FatFs's f_open does for the given mode.
    public static func open(_ vol: FatVolume, _ path: String, _ mode: FatOpenMode) throws -> FatFile {
        if mode.contains(.write) { try vol.requireWritable() }
        let (dir, name, entry) = try vol.locate(path)
        guard let n = name else { throw mode.contains(.write) ? FsError.denied : FsError.noEntry }
        let creating = mode.contains(.createAlways) || mode.contains(.createNew) || mode.contains(.openAlways)
        let f: FatFile
        if let e = entry {
            if e.isDir { throw mode.contains(.write) ? FsError.denied : FsError.noEntry }
            if mode.contains(.write) && e.attr & Attr.readOnly != 0 { throw FsError.denied }
            if mode.contains(.createNew) { throw FsError.exists }
            f = FatFile(vol: vol, dir: dir, slot: e.slot, first: e.cluster, size: Int(e.size), mode: mode)
            if mode.contains(.createAlways) {
                let old = e.cluster
                let (t, d) = vol.fatTimestamp()
                try vol.updateEntry(dir, e.slot) { b in
                    vol.setEntryCluster(&b, 0)
                    putLE32(&b, 28, 0)
                    b[11] |= Attr.archive
                    putLE16(&b, 22, Int(t)); putLE16(&b, 24, Int(d))
                }
                try vol.freeChain(old)
                f.first = 0
                f.size = 0
                f.pos = 0
                try vol.flushMeta()
            }
        } else {
            guard creating else { throw FsError.noEntry }
            let s = try vol.createEntry(dir, n, attr: Attr.archive, cluster: 0, size: 0)
            try vol.flushMeta()
            f = FatFile(vol: vol, dir: dir, slot: s, first: 0, size: 0, mode: mode)
        }
        vol.register(f)
        return f
    }

    private func checkOpen() throws { if closed { throw FsError.invalid } }

    /// The cluster holding byte `pos`'s cluster index `k`, allocating when `grow` (nil: past the end).
    private func cluster(at k: Int, grow: Bool) throws -> UInt32? {
        if first == 0 {
            if !grow { return nil }
            first = try vol.allocate(after: nil)
            modified = true
            curIndex = -1
        }
        var idx = 0, c = first
        if curIndex >= 0 && curIndex <= k { idx = curIndex; c = curCluster }
        while idx < k {
            if let n = try vol.next(c) {
                c = n
            } else {
                if !grow { return nil }
                c = try vol.allocate(after: c)
                modified = true
            }
            idx += 1
        }
        curIndex = idx
        curCluster = c
        return c
    }

    /// The sector holding byte offset `p`.
    private func sector(at p: Int, grow: Bool) throws -> Int? {
        guard let c = try cluster(at: p / vol.clusterBytes, grow: grow) else { return nil }
        return vol.firstSector(ofCluster: c) + (p % vol.clusterBytes) / vol.sectorSize
    }

    private func flushBuffer() throws {
        if bufDirty {
            try vol.writeData(bufSector, buf)
            bufDirty = false
        }
    }

    private func load(_ s: Int, fresh: Bool) throws {
        if bufSector == s { return }
        try flushBuffer()
        buf = fresh ? [UInt8](repeating: 0, count: vol.sectorSize) : try vol.readData(s)
        bufSector = s
    }

    /// Up to `n` bytes from the position (fewer at the end of the file).
    public func read(_ n: Int) throws -> [UInt8] {
        try checkOpen()
        guard readable else { throw FsError.denied }
        var remaining = max(0, min(n, size - pos))
        var out: [UInt8] = []
        out.reserveCapacity(remaining)
        let ss = vol.sectorSize
        while remaining > 0 {
            guard let s = try sector(at: pos, grow: false) else { throw FsError.io }   // chain shorter than size
            let off = pos % ss
            if off == 0 && remaining >= ss && bufSector != s {
                // whole sectors straight from the device, up to the end of this cluster
                let inCluster = vol.sectorsPerCluster - (pos % vol.clusterBytes) / ss
                var count = min(remaining / ss, inCluster)
                if bufSector > s && bufSector < s + count { count = bufSector - s }
                out += try vol.readData(s, count: count)
                pos += count * ss
                remaining -= count * ss
                continue
            }
            try load(s, fresh: false)
            let k = min(ss - off, remaining)
            out += buf[off..<(off + k)]
            pos += k
            remaining -= k
        }
        return out
    }

    /// Writes `data` at the position; returns the bytes written (fewer when the volume is full).
    @discardableResult
    public func write(_ data: [UInt8]) throws -> Int {
        try checkOpen()
        guard writable else { throw FsError.denied }
        if pos > size {
            let gap = pos - size
            pos = size
            let z = try writeBytes([UInt8](repeating: 0, count: gap))
            if z < gap { return 0 }
        }
        return try writeBytes(data)
    }

    private func writeBytes(_ data: [UInt8]) throws -> Int {
        let ss = vol.sectorSize
        var done = 0
        while done < data.count {
            let s: Int
            do {
                guard let x = try sector(at: pos, grow: true) else { break }
                s = x
            } catch let e as FsError where e == FsError.noSpace {
                break
            }
            let off = pos % ss
            let remaining = data.count - done
            if off == 0 && remaining >= ss {
                let inCluster = vol.sectorsPerCluster - (pos % vol.clusterBytes) / ss
                let count = min(remaining / ss, inCluster)
                if bufSector >= s && bufSector < s + count { bufSector = -1; bufDirty = false }
                try vol.writeData(s, Array(data[done..<(done + count * ss)]))
                pos += count * ss
                done += count * ss
            } else {
                // a sector wholly past the old end holds nothing worth reading
                try load(s, fresh: pos - off >= size)
                let k = min(ss - off, remaining)
                buf.replaceSubrange(off..<(off + k), with: data[done..<(done + k)])
                bufDirty = true
                pos += k
                done += k
            }
            if pos > size { size = pos }
            modified = true
        }
        return done
    }

    /// Moves the position (whence 0 start, 1 current, 2 end). Reading files stop at the end; a
    /// writable file grows with zeros, as FatFs's f_lseek extends it.
    @discardableResult
    public func seek(_ offset: Int, whence: Int = 0) throws -> Int {
        try checkOpen()
        let base: Int
        switch whence {
        case 0: base = 0
        case 1: base = pos
        case 2: base = size
        default: throw FsError.invalid
        }
        let target = base + offset
        if target < 0 { throw FsError.invalid }
        if target > size {
            if writable {
                pos = size
                let gap = target - size
                if try writeBytes([UInt8](repeating: 0, count: gap)) < gap { throw FsError.noSpace }
            } else {
                pos = size
            }
        } else {
            pos = target
        }
        return pos
    }

    public func tell() -> Int { pos }

    /// Writes the buffer and the directory entry (and the device cache, unless told not to).
    public func flush(syncDevice: Bool = true) throws {
        if closed { return }
        try flushBuffer()
        if modified {
            let (t, d) = vol.fatTimestamp()
            let c = first, sz = UInt32(size)
            try vol.updateEntry(dir, slot) { b in
                vol.setEntryCluster(&b, c)
                putLE32(&b, 28, sz)
                b[11] |= Attr.archive
                putLE16(&b, 22, Int(t)); putLE16(&b, 24, Int(d))
                putLE16(&b, 18, Int(d))
            }
            modified = false
        }
        if syncDevice {
            try vol.flushMeta()
            try vol.dev.sync()
        }
    }

    public func close() throws {
        if closed { return }
        defer {
            closed = true
            vol.unregister(self)
        }
        try flush()
    }
}
