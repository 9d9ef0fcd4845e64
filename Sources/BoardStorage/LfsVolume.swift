import MicroPythonCore

// A mounted littlefs v2 volume: the superblock chain, fetching metadata pairs (the newer valid
// block of the two), committing changes (appended to the log, or the pair compacted into its
// other block and split in two when over half a block), the global state (pending moves and the
// orphan flag, fixed before the first write), block allocation by scanning what the filesystem
// uses, and traversal (statvfs). Nothing is cached between operations except the allocator's
// map: every operation reads the metadata it needs from the device, as littlefs does.
// Directory operations are in LfsDirectory.swift, open files in LfsFile.swift.

struct LfsConfig {
    var readSize = 32
    var progSize = 32
    var lookahead = 32
}

/// A fetched metadata pair: `pair.a` holds the current log.
struct LfsDir {
    var pair: LfsBlockPair
    var rev: UInt32
    var state: LfsPairState
    var off: Int
    var ptag: UInt32
    var erased: Bool
}

final class WeakLfsFile {
    weak var file: LfsFile?
    init(_ f: LfsFile) { file = f }
}

final class LfsVolume {
    let dev: LfsDevice
    let blockSize: Int
    let blockCount: Int
    let progSize: Int
    /// Files up to this size live in their metadata entry (littlefs's inline_max with
    /// MicroPython's cache size, 4 * max(readsize, progsize) capped at the block size).
    let inlineMax: Int
    private(set) var version = Lfs.version21
    private(set) var nameMax = Lfs.nameMax
    private(set) var fileMax = Lfs.fileMax
    /// The root directory's first pair: the last pair of the superblock chain holding a superblock.
    private(set) var root = LfsBlockPair(a: 0, b: 1)
    /// The XOR of every pair's delta: [tag][pair a][pair b], little-endian. A tag with a type is a
    /// pending move (the entry at pair/id is to be deleted); bit 31 flags possible orphans.
    private(set) var gstate = [UInt8](repeating: 0, count: 12)
    /// Store modification times (user attribute 't') when files are written.
    var mtime = true
    /// Nanoseconds since 1970 for modification times.
    var clock: () -> Int64 = { timeSource.wallClockNanos() }
    private var consistent = false
    var openFiles: [ObjectIdentifier: WeakLfsFile] = [:]

    // the allocator: blocks known in use (nil: not scanned yet), where the next search starts,
    // and blocks handed out by the current operation before any metadata refers to them
    private var used: [Bool]? = nil
    private var usedFresh = false
    private var cursor = 0
    private var inflight = Set<UInt32>()
    private var depth = 0

    static func validate(_ dev: LfsDevice, _ cfg: LfsConfig) throws {
        let bs = dev.blockSize
        // the allocator keeps a map of every block: 16M blocks at most
        guard cfg.readSize > 0, cfg.progSize > 0, cfg.lookahead > 0, bs >= 128, bs <= 1 << 20,
              bs % cfg.readSize == 0, bs % cfg.progSize == 0,
              dev.blockCount >= 0, dev.blockCount <= 1 << 24 else { throw Lfs.invalid }
        let cache = min(bs, 4 * max(cfg.readSize, cfg.progSize))
        guard cache % cfg.readSize == 0, cache % cfg.progSize == 0 else { throw Lfs.invalid }
    }

    private init(dev: LfsDevice, cfg: LfsConfig, mounting: Bool) throws {
        try LfsVolume.validate(dev, cfg)
        self.dev = dev
        blockSize = dev.blockSize
        blockCount = dev.blockCount
        progSize = cfg.progSize
        inlineMax = min(0x3FE, min(blockSize, 4 * max(cfg.readSize, cfg.progSize)), blockSize / 8)
        if mounting { try mount() }
    }

    /// Mounts the littlefs on `dev` (EILSEQ for no valid superblock, EINVAL for another
    /// version or geometry).
    convenience init(dev: LfsDevice, cfg: LfsConfig) throws {
        try self.init(dev: dev, cfg: cfg, mounting: true)
    }

    /// Formats `dev`: the root directory in blocks 0 and 1 holding the superblock entry, written
    /// to both blocks so either holds the magic at offset 8.
    static func format(_ dev: LfsDevice, _ cfg: LfsConfig) throws {
        let v = try LfsVolume(dev: dev, cfg: cfg, mounting: false)
        guard dev.blockCount >= 2 else { throw Lfs.noSpace }
        var state = LfsPairState()
        let sb = LfsSuperblock(version: Lfs.version21, blockSize: dev.blockSize, blockCount: dev.blockCount)
        state.apply(.name(0, type: LfsType.superblock, Lfs.magic))
        state.apply(.structure(0, type: LfsType.inlineStruct, sb.bytes))
        _ = try v.writeLog(block: 1, other: 0, rev: 1, state)
        _ = try v.writeLog(block: 0, other: 1, rev: 2, state)
        try dev.sync()
    }

    private func mount() throws {
        var pair = LfsBlockPair(a: 0, b: 1)
        var seen = Set<LfsBlockPair>()
        var found = false
        var g = [UInt8](repeating: 0, count: 12)
        while !pair.isNull {
            guard seen.insert(pair.key).inserted, seen.count <= blockCount else { throw Lfs.corrupt }
            let d = try fetch(pair)
            if let e = d.state.entries.first, e.type == LfsType.superblock, e.name == Lfs.magic {
                guard e.structType == LfsType.inlineStruct else { throw Lfs.corrupt }
                let sb = LfsSuperblock(e.structData)
                guard sb.version >> 16 == 2, sb.version & 0xFFFF <= 1 else { throw Lfs.invalid }
                guard Int(sb.blockSize) == blockSize, Int(sb.blockCount) == blockCount else { throw Lfs.invalid }
                if sb.nameMax != 0 {
                    guard Int(sb.nameMax) <= Lfs.nameMax else { throw Lfs.invalid }
                    nameMax = Int(sb.nameMax)
                }
                if sb.fileMax != 0 {
                    guard Int(sb.fileMax) <= Lfs.fileMax else { throw Lfs.invalid }
                    fileMax = Int(sb.fileMax)
                }
                guard sb.attrMax == 0 || Int(sb.attrMax) <= Lfs.attrMax else { throw Lfs.invalid }
                version = sb.version
                root = pair
                found = true
            }
            for i in 0..<12 { g[i] ^= d.state.gdelta[i] }
            pair = d.state.tail
        }
        guard found else { throw Lfs.invalid }
        gstate = g
    }

    // MARK: reading pairs

    /// The pair's current state: the valid block with the newer revision (sequence comparison).
    func fetch(_ pair: LfsBlockPair) throws -> LfsDir {
        guard !pair.isNull, Int(pair.a) < blockCount, Int(pair.b) < blockCount else { throw Lfs.corrupt }
        let revA = le32(try dev.read(Int(pair.a), 0, 4), 0)
        let revB = le32(try dev.read(Int(pair.b), 0, 4), 0)
        let order = Int32(bitPattern: revB &- revA) > 0 ? [pair.b, pair.a] : [pair.a, pair.b]
        for blk in order {
            let raw = try dev.read(Int(blk), 0, blockSize)
            if let log = LfsLog.parse(raw, progSize: progSize, diskVersion: version) {
                let other = blk == pair.a ? pair.b : pair.a
                return LfsDir(pair: LfsBlockPair(a: blk, b: other), rev: log.rev, state: log.state,
                              off: log.off, ptag: log.ptag, erased: log.erased)
            }
        }
        throw Lfs.corrupt
    }

    // MARK: global state

    var hasOrphans: Bool { gstate[3] & 0x80 != 0 }
    var moveTag: LfsTag { LfsTag(raw: le32(gstate, 0) & 0x7FFF_FFFF) }
    var hasMove: Bool { moveTag.type1 != 0 }
    var movePair: LfsBlockPair { LfsBlockPair(Array(gstate[4..<12])) }

    /// True for the entry a pending move leaves behind: it reads as deleted.
    func isMovedAway(_ pair: LfsBlockPair, _ id: Int) -> Bool {
        hasMove && movePair.overlaps(pair) && moveTag.id == id
    }

    static let orphanFlag: [UInt8] = [0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0]

    static func moveState(_ pair: LfsBlockPair, _ id: Int) -> [UInt8] {
        var d: [UInt8] = []
        appendLE32(&d, LfsTag(LfsType.delete, id, 0).raw)
        return d + pair.bytes
    }

    // MARK: operations

    /// Runs one filesystem operation: blocks allocated meanwhile count as used until it ends.
    func operation<T>(_ body: () throws -> T) throws -> T {
        depth += 1
        defer {
            depth -= 1
            if depth == 0 { inflight.removeAll() }
        }
        return try body()
    }

    /// Before the first change: finishes a move and removes orphans that a power loss left.
    func prepareWrite() throws {
        if consistent { return }
        if hasMove {
            var d = try fetch(movePair)
            let id = moveTag.id
            var change = [UInt8](repeating: 0, count: 12)
            for i in 0..<12 { change[i] = gstate[i] }
            change[3] &= 0x7F   // the move only, not the orphan flag
            if id < d.state.entries.count {
                try deleteEntry(&d, id, gchange: change)
            } else {
                try commit(&d, [], gchange: change)
            }
        }
        if hasOrphans { try deorphan() }
        consistent = true
    }

    /// Every directory's pairs, reached from the root through directory entries and hard tails.
    private func directoryPairs() throws -> [LfsBlockPair] {
        var out: [LfsBlockPair] = []
        var seen = Set<LfsBlockPair>()
        var heads = [root]
        while let head = heads.popLast() {
            var pair = head
            while !pair.isNull {
                guard seen.insert(pair.key).inserted else { break }
                guard seen.count <= blockCount else { throw Lfs.corrupt }
                out.append(pair)
                let d = try fetch(pair)
                for e in d.state.entries where e.isDir && e.structType == LfsType.dirStruct {
                    heads.append(LfsBlockPair(e.structData))
                }
                pair = d.state.split ? d.state.tail : .null
            }
        }
        return out
    }

    /// Walks the threaded list and unlinks pairs no directory refers to; a pair that shares a
    /// block with a directory's pair (relocated before the list was updated) is replaced by it.
    private func deorphan() throws {
        let dirs = try directoryPairs()
        var prev: LfsDir? = nil
        var pair = LfsBlockPair(a: 0, b: 1)
        var steps = 0
        while !pair.isNull {
            steps += 1
            guard steps <= 2 * blockCount else { throw Lfs.corrupt }
            let d = try fetch(pair)
            let isSuper = d.state.entries.first?.type == LfsType.superblock
            if var p = prev, !isSuper, !dirs.contains(where: { $0.sameBlocks(pair) }) {
                if let moved = dirs.first(where: { $0.overlaps(pair) }) {
                    try commit(&p, [.tail(hard: p.state.split, moved)])
                    prev = p
                    pair = moved
                } else {
                    try commit(&p, [.tail(hard: d.state.split, d.state.tail)], absorb: d.state.gdelta)
                    prev = p
                    pair = d.state.tail
                }
                continue
            }
            prev = d
            pair = d.state.tail
        }
        var r = try fetch(root)
        try commit(&r, [], gchange: LfsVolume.orphanFlag)
    }

    /// The pair whose tail is `pair` in the threaded list of every pair.
    func predecessor(of pair: LfsBlockPair) throws -> LfsDir? {
        var p = LfsBlockPair(a: 0, b: 1)
        var steps = 0
        while !p.isNull {
            steps += 1
            guard steps <= blockCount else { throw Lfs.corrupt }
            let d = try fetch(p)
            if d.state.tail.overlaps(pair) { return d }
            p = d.state.tail
        }
        return nil
    }

    // MARK: committing

    /// Applies `ops` to the pair and writes them: appended to the log when there is room, else
    /// the pair is compacted. `gchange` changes the global state (this pair's delta carries it);
    /// `absorb` is a dropped pair's delta taken over by this one.
    func commit(_ dir: inout LfsDir, _ ops: [LfsOp], gchange: [UInt8]? = nil, absorb: [UInt8]? = nil) throws {
        var state = dir.state
        var all = ops
        for op in ops { state.apply(op) }
        if gchange != nil || absorb != nil {
            var d = state.gdelta
            for x in [gchange, absorb] { if let x = x { for i in 0..<12 { d[i] ^= x[i] } } }
            all.append(.moveState(d))
            state.apply(.moveState(d))
        }
        usedFresh = false
        // a pair of 0xff entries or more is compacted (and so split), as littlefs does
        var appended = false
        if dir.erased && state.entries.count < 0xFF { appended = try append(&dir, all, state) }
        if !appended { try compact(&dir, state) }
        if let g = gchange { for i in 0..<12 { gstate[i] ^= g[i] } }
    }

    private func append(_ dir: inout LfsDir, _ ops: [LfsOp], _ state: LfsPairState) throws -> Bool {
        var w = LfsCommitWriter(start: dir.off, ptag: dir.ptag, blockSize: blockSize, progSize: progSize)
        for op in ops {
            for (t, d) in LfsPairState.tags(op) {
                guard w.fits(4 + d.count) else { return false }
                w.add(t, d)
            }
        }
        let block = Int(dir.pair.a)
        try w.finish(writeFCRC: version >= Lfs.version21) { off, n in try dev.read(block, off, n) }
        guard w.end <= blockSize else { return false }
        try dev.prog(block, dir.off, w.bytes)
        dir.off = w.end
        dir.ptag = w.ptag
        dir.state = state
        return true
    }

    /// Rewrites the pair into its other block with the next revision. Over half a block of
    /// entries is split: the later entries move to new pairs chained by hard tails.
    private func compact(_ dir: inout LfsDir, _ state: LfsPairState) throws {
        var state = state
        let limit = min(blockSize - 40, alignUp(blockSize / 2, progSize))
        var chunks: [[LfsEntry]] = []
        var cur: [LfsEntry] = []
        var size = 0
        for e in state.entries where e.type != 0 {
            let s = e.encodedSize
            if !cur.isEmpty && (size + s > limit || cur.count >= 0xFE) {
                chunks.append(cur)
                cur = []
                size = 0
            }
            cur.append(e)
            size += s
        }
        chunks.append(cur)
        if chunks.count > 1 {
            var next = (hard: state.split, pair: state.tail)
            for chunk in chunks[1...].reversed() {
                var s = LfsPairState()
                s.entries = chunk
                s.tail = next.pair
                s.split = next.hard
                next = (true, try newPair(s).pair)
            }
            state.entries = chunks[0]
            state.tail = next.pair
            state.split = true
        }
        dir = try writeLog(block: dir.pair.b, other: dir.pair.a, rev: dir.rev &+ 1, state)
    }

    /// Two new blocks holding `state`, with a revision above whatever the second block held.
    func newPair(_ state: LfsPairState) throws -> LfsDir {
        let a = try alloc(), b = try alloc()
        let revB = le32(try dev.read(Int(b), 0, 4), 0)
        return try writeLog(block: a, other: b, rev: revB &+ 1, state)
    }

    /// Erases `block` and writes `state` into it as one compacted commit.
    @discardableResult
    func writeLog(block: UInt32, other: UInt32, rev: UInt32, _ state: LfsPairState) throws -> LfsDir {
        try dev.erase(Int(block))
        var w = LfsCommitWriter(start: 0, ptag: 0xFFFF_FFFF, blockSize: blockSize, progSize: progSize, rev: rev)
        for op in state.compactedOps {
            for (t, d) in LfsPairState.tags(op) {
                guard w.fits(4 + d.count) else { throw Lfs.noSpace }
                w.add(t, d)
            }
        }
        try w.finish(writeFCRC: version >= Lfs.version21) { off, n in try dev.read(Int(block), off, n) }
        try dev.prog(Int(block), 0, w.bytes)
        return LfsDir(pair: LfsBlockPair(a: block, b: other), rev: rev, state: state, off: w.end, ptag: w.ptag, erased: true)
    }

    /// Deletes `id` from the pair; a pair of a directory other than its first, left empty, is
    /// unlinked from its predecessor instead (whose tail takes over its tail and global state).
    func deleteEntry(_ dir: inout LfsDir, _ id: Int, gchange: [UInt8]? = nil) throws {
        if dir.state.entries.count == 1, var pred = try predecessor(of: dir.pair), pred.state.split {
            try commit(&pred, [.tail(hard: dir.state.split, dir.state.tail)], gchange: gchange, absorb: dir.state.gdelta)
            dir.state.entries.removeAll()
            return
        }
        try commit(&dir, [.delete(id)], gchange: gchange)
    }

    /// Unlinks a removed directory's (empty) pair from the threaded list.
    func unlinkPair(_ child: LfsDir, gchange: [UInt8]?) throws {
        guard var pred = try predecessor(of: child.pair) else {
            if let g = gchange { var r = try fetch(root); try commit(&r, [], gchange: g) }
            return
        }
        try commit(&pred, [.tail(hard: child.state.split, child.state.tail)], gchange: gchange, absorb: child.state.gdelta)
    }

    // MARK: allocation and traversal

    /// A free block: the next one after the previous allocation that nothing refers to.
    func alloc() throws -> UInt32 {
        for attempt in 0..<2 {
            if used == nil || attempt == 1 {
                if attempt == 1 && usedFresh { break }
                try rescan()
            }
            for k in 0..<blockCount {
                let blk = (cursor + k) % blockCount
                if !used![blk] {
                    used![blk] = true
                    cursor = (blk + 1) % blockCount
                    inflight.insert(UInt32(blk))
                    return UInt32(blk)
                }
            }
        }
        throw Lfs.noSpace
    }

    private func rescan() throws {
        var u = [Bool](repeating: false, count: blockCount)
        try traverse(dirStructs: false) { b in u[Int(b)] = true }
        for b in inflight where Int(b) < blockCount { u[Int(b)] = true }
        for (_, w) in openFiles {
            guard let f = w.file else { continue }
            for b in f.heldBlocks where Int(b) < blockCount { u[Int(b)] = true }
        }
        used = u
        usedFresh = true
    }

    /// Visits every block in use: both blocks of each pair in the threaded list and each file's
    /// CTZ blocks; with `dirStructs` also the pair each directory entry names (statvfs counts
    /// those twice, as littlefs's traversal with orphans does).
    func traverse(dirStructs: Bool, _ visit: (UInt32) throws -> Void) throws {
        var pair = LfsBlockPair(a: 0, b: 1)
        var seen = Set<LfsBlockPair>()
        while !pair.isNull {
            guard seen.insert(pair.key).inserted, seen.count <= blockCount else { throw Lfs.corrupt }
            try visitBlock(pair.a, visit)
            try visitBlock(pair.b, visit)
            let d = try fetch(pair)
            for e in d.state.entries {
                if e.structType == LfsType.ctzStruct {
                    let (head, size) = try ctzStruct(e)
                    try ctzTraverse(head, size) { try visitBlock($0, visit) }
                } else if dirStructs && e.structType == LfsType.dirStruct {
                    let p = LfsBlockPair(e.structData)
                    try visitBlock(p.a, visit)
                    try visitBlock(p.b, visit)
                }
            }
            pair = d.state.tail
        }
    }

    private func visitBlock(_ b: UInt32, _ visit: (UInt32) throws -> Void) throws {
        guard Int(b) < blockCount else { throw Lfs.corrupt }
        try visit(b)
    }

    /// A CTZ struct's head block and file size.
    func ctzStruct(_ e: LfsEntry) throws -> (UInt32, Int) {
        guard e.structData.count >= 8 else { throw Lfs.corrupt }
        let head = le32(e.structData, 0), size = Int(le32(e.structData, 4))
        guard size <= Lfs.fileMax, LfsCTZ.blockCount(size, blockSize: blockSize) <= blockCount else { throw Lfs.corrupt }
        guard size == 0 || Int(head) < blockCount else { throw Lfs.corrupt }
        return (head, size)
    }

    /// Every block of a CTZ list, following two pointers from even blocks.
    func ctzTraverse(_ head: UInt32, _ size: Int, _ visit: (UInt32) throws -> Void) throws {
        let n = LfsCTZ.blockCount(size, blockSize: blockSize)
        guard n > 0 else { return }
        var index = n - 1
        var blk = head
        while true {
            try visit(blk)
            if index == 0 { return }
            if index & 1 == 1 {
                blk = le32(try dev.read(Int(blk), 0, 4), 0)
                index -= 1
            } else {
                let p = try dev.read(Int(blk), 0, 8)
                try visit(le32(p, 0))
                blk = le32(p, 4)
                index -= 2
            }
            guard Int(blk) < blockCount else { throw Lfs.corrupt }
        }
    }

    /// The blocks of a CTZ list in file order, by each block's first pointer.
    func ctzBlocks(_ head: UInt32, _ size: Int) throws -> [UInt32] {
        let n = LfsCTZ.blockCount(size, blockSize: blockSize)
        guard n > 0 else { return [] }
        var out = [UInt32](repeating: 0, count: n)
        var blk = head
        for i in stride(from: n - 1, through: 0, by: -1) {
            guard Int(blk) < blockCount else { throw Lfs.corrupt }
            out[i] = blk
            if i > 0 { blk = le32(try dev.read(Int(blk), 0, 4), 0) }
        }
        return out
    }

    /// Blocks in use as statvfs counts them.
    func usedBlocks() throws -> Int {
        var n = 0
        try traverse(dirStructs: true) { _ in n += 1 }
        return n
    }

    // MARK: open files

    func register(_ f: LfsFile) { openFiles[ObjectIdentifier(f)] = WeakLfsFile(f) }

    /// A closed file gives back the blocks it reserved and never used: the allocator's map
    /// still marks them, so it is rebuilt before the filesystem is called full.
    func unregister(_ f: LfsFile, releasing: Bool) {
        openFiles[ObjectIdentifier(f)] = nil
        if releasing { usedFresh = false }
    }

    /// Commits every open file's pending data, then syncs the device.
    func sync() throws {
        for (k, w) in openFiles {
            if let f = w.file { try f.sync() } else { openFiles[k] = nil }
        }
        try dev.sync()
    }
}
