// An open file of a littlefs volume. Small files live inline in their metadata entry; larger ones
// in a CTZ skip-list. Writes are kept in memory from the first changed block on (the blocks
// before it stay as they are: their pointers only reach back) and go to new blocks when the file
// is synced (flush, close), in one commit of the entry's struct and, with mtime on, its 't'
// attribute. Until then the old contents stay intact on the device (copy on write).

/// littlefs's open flags, as MicroPython sets them from a mode string.
struct LfsOpenFlags {
    var read = false
    var write = false
    var create = false
    var exclusive = false
    var truncate = false
    var append = false
}

final class LfsFile {
    let vol: LfsVolume
    /// The entry, found again by directory and name at each sync.
    var dirHead: LfsBlockPair
    var name: [UInt8]
    /// The entry was removed: syncing has nowhere to go.
    var orphaned = false
    let readable: Bool
    let writable: Bool
    let appending: Bool
    private(set) var pos = 0
    private(set) var size = 0
    private(set) var closed = false

    // what the entry holds: inline data, or a CTZ list (its blocks read on first need)
    private var inlineData: [UInt8]? = []
    private var ctzHead = Lfs.null
    private var ctzSize = 0
    private var blocks: [UInt32]? = nil
    // changes not synced yet: the file from block `keep` on; whether the entry needs a commit
    private var keep = 0
    private var pending: [UInt8]? = nil
    private var dirty = false
    private var isInline = true
    /// The 't' attribute to write (mtime on): set at open, on each write, or read from the entry.
    private var mtime: [UInt8]? = nil
    /// A write or sync failed: syncs do nothing until a write succeeds (littlefs's LFS_F_ERRED:
    /// the file's state may be half-written).
    private var errored = false

    /// Blocks set aside for the pending data as writes grow it, so a full filesystem fails the
    /// write (ENOSPC) as littlefs's, which programs blocks as it goes, does.
    private var reserved: [UInt32] = []

    private var pendingStart: Int { LfsCTZ.start(ofBlock: keep, blockSize: vol.blockSize) }
    /// Blocks the allocator must not hand out: the stored list and the reserved blocks.
    var heldBlocks: [UInt32] { (blocks ?? []) + reserved }

    private init(_ vol: LfsVolume, _ head: LfsBlockPair, _ name: [UInt8], _ flags: LfsOpenFlags) {
        self.vol = vol
        dirHead = head
        self.name = name
        readable = flags.read
        writable = flags.write
        appending = flags.append
        if vol.mtime { mtime = LfsFile.timestamp(vol.clock()) }
    }

    static func timestamp(_ ns: Int64) -> [UInt8] {
        var b: [UInt8] = []
        let v = UInt64(bitPattern: ns)
        for i in 0..<8 { b.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) }
        return b
    }

    /// Opens as littlefs's file_opencfg: a missing file is created (an empty inline entry) with
    /// `create`; `truncate` empties it when synced; the stored 't' is kept for readable opens.
    static func open(_ vol: LfsVolume, _ path: [UInt8], _ flags: LfsOpenFlags) throws -> LfsFile {
        if flags.write { try vol.prepareWrite() }
        let f: LfsFile
        switch try vol.lookup(path) {
        case .root:
            throw Lfs.isDir
        case .found(let loc):
            if loc.entry.isDir { throw Lfs.isDir }
            if flags.create && flags.exclusive { throw Lfs.exists }
            f = LfsFile(vol, loc.dirHead, loc.entry.name, flags)
            try f.load(loc.entry)
            if flags.read, f.mtime != nil, let t = loc.entry.attr(Lfs.mtimeAttr) {
                f.mtime = Array((t + [UInt8](repeating: 0, count: 8))[0..<8])
            }
            if flags.truncate {
                f.keep = 0
                f.pending = []
                f.size = 0
                f.isInline = true
                f.dirty = true
            }
        case .missing(var loc, let name):
            guard flags.create else { throw Lfs.noEntry }
            try vol.checkName(name)
            let id = loc.id
            try vol.commit(&loc.dir, [.create(id), .name(id, type: LfsType.reg, name),
                                      .structure(id, type: LfsType.inlineStruct, [])])
            f = LfsFile(vol, loc.dirHead, name, flags)
            f.dirty = true
        }
        vol.register(f)
        return f
    }

    private func load(_ e: LfsEntry) throws {
        switch e.structType {
        case LfsType.ctzStruct:
            (ctzHead, ctzSize) = try vol.ctzStruct(e)
            inlineData = nil
            isInline = false
            size = ctzSize
        case LfsType.inlineStruct:
            inlineData = e.structData
            size = e.structData.count
        default:
            inlineData = []
        }
    }

    private func loadBlocks() throws -> [UInt32] {
        if let b = blocks { return b }
        let b = try vol.ctzBlocks(ctzHead, ctzSize)
        blocks = b
        return b
    }

    /// Bytes `from..<to` of the stored CTZ contents.
    private func readStored(_ from: Int, _ to: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(0, to - from))
        var p = from
        let bl = try loadBlocks()
        while p < to {
            let (i, off) = LfsCTZ.locate(p, blockSize: vol.blockSize)
            guard i < bl.count else { throw Lfs.corrupt }
            let k = min(to - p, vol.blockSize - off)
            out += try vol.dev.read(Int(bl[i]), off, k)
            p += k
        }
        return out
    }

    func read(_ n: Int) throws -> [UInt8] {
        guard readable else { throw Lfs.badFile }
        guard n > 0, pos < size else { return [] }
        let end = pos + min(n, size - pos)
        var out: [UInt8] = []
        out.reserveCapacity(end - pos)
        if pending != nil && pos < pendingStart {
            let upto = min(end, pendingStart)
            out += try readStored(pos, upto)
            pos = upto
        }
        if pos < end {
            if let p = pending {
                let base = pendingStart
                out += p[(pos - base)..<(end - base)]
            } else if let d = inlineData {
                guard end <= d.count else { throw Lfs.corrupt }
                out += d[pos..<end]
            } else {
                out += try readStored(pos, end)
            }
            pos = end
        }
        return out
    }

    /// Starts (or widens) the in-memory copy so it covers byte `q` on.
    private func startPending(at q: Int) throws {
        let bs = vol.blockSize
        if pending != nil {
            guard q < pendingStart else { return }
            let k = LfsCTZ.locate(q, blockSize: bs).index
            let prefix = try readStored(LfsCTZ.start(ofBlock: k, blockSize: bs), pendingStart)
            pending = prefix + pending!
            keep = k
            return
        }
        if let d = inlineData {
            keep = 0
            pending = d
        } else {
            keep = LfsCTZ.locate(min(q, ctzSize), blockSize: bs).index
            pending = try readStored(LfsCTZ.start(ofBlock: keep, blockSize: bs), ctzSize)
        }
    }

    @discardableResult
    func write(_ data: [UInt8]) throws -> Int {
        guard writable else { throw Lfs.badFile }
        if let _ = mtime { mtime = LfsFile.timestamp(vol.clock()) }
        if appending { pos = size }
        if data.isEmpty { return 0 }
        guard pos + data.count <= vol.fileMax else { throw Lfs.tooBig }
        do {
            try startPending(at: min(pos, size))
            let newSize = max(size, pos + data.count)
            if !isInline || newSize > vol.inlineMax {
                let need = LfsCTZ.blockCount(newSize, blockSize: vol.blockSize) - keep
                if reserved.count < need {
                    try vol.operation { while reserved.count < need { reserved.append(try vol.alloc()) } }
                }
            }
        } catch {
            errored = true
            throw error
        }
        let base = pendingStart
        let rel = pos - base
        // bytes between the old end and the position read as zeros
        if rel + data.count > pending!.count {
            pending!.append(contentsOf: [UInt8](repeating: 0, count: rel + data.count - pending!.count))
        }
        pending!.replaceSubrange(rel..<(rel + data.count), with: data)
        pos += data.count
        size = max(size, pos)
        dirty = true
        errored = false
        if isInline && size > vol.inlineMax { isInline = false }
        return data.count
    }

    func seek(_ offset: Int, whence: Int) throws -> Int {
        let base: Int
        switch whence {
        case 0: base = 0
        case 1: base = pos
        case 2: base = size
        default: throw Lfs.invalid
        }
        let p = base + offset
        guard p >= 0, p <= vol.fileMax else { throw Lfs.invalid }
        pos = p
        return pos
    }

    func tell() -> Int { pos }
    var remaining: Int { max(0, size - pos) }

    /// Writes pending data to new blocks and commits the entry (littlefs's file sync).
    func sync() throws {
        if closed || !dirty || errored { return }
        if orphaned { dirty = false; return }
        do { try commitChanges() } catch { errored = true; throw error }
        try vol.dev.sync()
    }

    private func commitChanges() throws {
        try vol.operation {
            var structure: (type: Int, data: [UInt8])
            var newBlocks: [UInt32]? = nil
            var head = Lfs.null
            let data = pending ?? inlineData ?? []
            if isInline {
                structure = (LfsType.inlineStruct, data)
            } else {
                (head, newBlocks) = try writeBlocks(data)
                var d: [UInt8] = []
                appendLE32(&d, head)
                appendLE32(&d, UInt32(size))
                structure = (LfsType.ctzStruct, d)
            }
            guard let found = try vol.locate(dirHead, name) else {
                orphaned = true
                dirty = false
                return
            }
            var dir = found.0
            let id = found.1
            var ops: [LfsOp] = [.structure(id, type: structure.type, structure.data)]
            if let t = mtime { ops.append(.attr(id, type: Lfs.mtimeAttr, t)) }
            try vol.commit(&dir, ops)
            if isInline {
                inlineData = data
                blocks = nil
                ctzHead = Lfs.null
                ctzSize = 0
            } else {
                inlineData = nil
                blocks = newBlocks
                ctzHead = head
                ctzSize = size
            }
            pending = nil
            keep = 0
            dirty = false
            reserved = []
        }
    }

    /// New blocks for the file from block `keep` on, each starting with its skip-list pointers.
    private func writeBlocks(_ data: [UInt8]) throws -> (UInt32, [UInt32]) {
        let bs = vol.blockSize
        var bl = keep > 0 ? Array(try loadBlocks()[0..<keep]) : []
        var idx = keep
        var off = 0
        while off < data.count {
            let ptrs = LfsCTZ.pointerCount(idx)
            let chunk = min(bs - 4 * ptrs, data.count - off)
            var b: [UInt8] = []
            b.reserveCapacity(bs)
            for j in 0..<ptrs { appendLE32(&b, bl[idx - (1 << j)]) }
            b += data[off..<(off + chunk)]
            while b.count % vol.progSize != 0 { b.append(0xFF) }
            let blk = idx - keep < reserved.count ? reserved[idx - keep] : try vol.alloc()
            try vol.dev.erase(Int(blk))
            try vol.dev.prog(Int(blk), 0, b)
            bl.append(blk)
            idx += 1
            off += chunk
        }
        return (bl.last ?? Lfs.null, bl)
    }

    func close() throws {
        if closed { return }
        defer {
            closed = true
            vol.unregister(self, releasing: !reserved.isEmpty)
            reserved = []
        }
        try sync()
    }
}
