// A littlefs metadata pair as data: its entries (name, struct, user attributes by id), tail and
// global-state delta, read from a block's log of commits (`LfsLog.parse`) and written back as
// commits (`LfsCommitWriter`): tags XOR-chained from 0xffffffff, each commit closed by a CRC tag
// padded to the program size, with an FCRC of the erased bytes after it on 2.1 disks.

struct LfsBlockPair: Equatable, Hashable {
    var a: UInt32
    var b: UInt32
    static let null = LfsBlockPair(a: Lfs.null, b: Lfs.null)
    var isNull: Bool { a == Lfs.null || b == Lfs.null }
    /// littlefs compares pairs by overlap: a relocated pair shares a block with its old self.
    func overlaps(_ o: LfsBlockPair) -> Bool { a == o.a || a == o.b || b == o.a || b == o.b }
    /// The same two blocks in either order.
    func sameBlocks(_ o: LfsBlockPair) -> Bool { (a == o.a && b == o.b) || (a == o.b && b == o.a) }
    var key: LfsBlockPair { a <= b ? self : LfsBlockPair(a: b, b: a) }
    var bytes: [UInt8] { var d: [UInt8] = []; appendLE32(&d, a); appendLE32(&d, b); return d }
    init(a: UInt32, b: UInt32) { self.a = a; self.b = b }
    init(_ d: [UInt8]) {
        a = d.count >= 4 ? le32(d, 0) : Lfs.null
        b = d.count >= 8 ? le32(d, 4) : Lfs.null
    }
}

/// One id of a pair. `type` is the name tag's type3 (reg, dir, superblock; 0 for an id created
/// but not named yet); `structType` -1 when the id has no struct.
struct LfsEntry {
    var type = 0
    var name: [UInt8] = []
    var structType = -1
    var structData: [UInt8] = []
    var attrs: [(type: Int, data: [UInt8])] = []

    var isFile: Bool { type == LfsType.reg }
    var isDir: Bool { type == LfsType.dir }
    var isListed: Bool { isFile || isDir }

    func attr(_ t: Int) -> [UInt8]? { attrs.first(where: { $0.type == t })?.data }
    mutating func setAttr(_ t: Int, _ data: [UInt8]?) {
        attrs.removeAll { $0.type == t }
        if let d = data {
            attrs.append((t, d))
            attrs.sort { $0.type < $1.type }
        }
    }

    /// Bytes of this id in a compacted block: its tags and their data.
    var encodedSize: Int {
        guard type != 0 else { return 0 }
        var n = 4 + name.count
        if structType >= 0 { n += 4 + structData.count }
        for a in attrs { n += 4 + a.data.count }
        return n
    }
}

/// A change to a pair, in the order littlefs applies tags.
enum LfsOp {
    case create(Int)
    case delete(Int)
    case name(Int, type: Int, [UInt8])
    case structure(Int, type: Int, [UInt8])
    case attr(Int, type: Int, [UInt8]?)
    case tail(hard: Bool, LfsBlockPair)
    case moveState([UInt8])
}

/// What a pair holds after its valid commits.
struct LfsPairState {
    var entries: [LfsEntry] = []
    var tail = LfsBlockPair.null
    var split = false
    var gdelta = [UInt8](repeating: 0, count: 12)

    /// Applies one change; ids out of range are ignored as littlefs's count bookkeeping would.
    mutating func apply(_ op: LfsOp) {
        switch op {
        case .create(let id):
            if id <= entries.count { entries.insert(LfsEntry(), at: id) }
        case .delete(let id):
            if id < entries.count { entries.remove(at: id) }
        case .name(let id, let type, let name):
            while entries.count <= id { entries.append(LfsEntry()) }
            entries[id].type = type
            entries[id].name = name
        case .structure(let id, let type, let data):
            guard id < entries.count else { return }
            entries[id].structType = type
            entries[id].structData = data
        case .attr(let id, let type, let data):
            guard id < entries.count else { return }
            entries[id].setAttr(type, data)
        case .tail(let hard, let pair):
            split = hard
            tail = pair
        case .moveState(let d):
            gdelta = d
        }
    }

    /// The change a tag read from disk makes.
    static func op(_ tag: LfsTag, _ data: [UInt8]) -> LfsOp? {
        let id = tag.id
        switch tag.type1 {
        case 0: return id < 0x3FF ? .name(id, type: tag.type3, data) : nil
        case 2: return .structure(id, type: tag.isDeleted ? -1 : tag.type3, tag.isDeleted ? [] : data)
        case 3: return .attr(id, type: tag.chunk, tag.isDeleted ? nil : data)
        case 4:
            switch tag.type3 {
            case LfsType.create: return .create(id)
            case LfsType.delete: return .delete(id)
            default: return nil
            }
        case 6: return .tail(hard: tag.chunk & 1 != 0, LfsBlockPair(data))
        case 7: return tag.type3 == LfsType.moveState && data.count >= 12 ? .moveState(Array(data[0..<12])) : nil
        default: return nil
        }
    }

    /// The tags that write `op` (a struct removal is a deleted tag).
    static func tags(_ op: LfsOp) -> [(LfsTag, [UInt8])] {
        switch op {
        case .create(let id): return [(LfsTag(LfsType.create, id, 0), [])]
        case .delete(let id): return [(LfsTag(LfsType.delete, id, 0), [])]
        case .name(let id, let type, let name): return [(LfsTag(type, id, name.count), name)]
        case .structure(let id, let type, let data):
            return type < 0 ? [(LfsTag(LfsType.inlineStruct, id, 0x3FF), [])] : [(LfsTag(type, id, data.count), data)]
        case .attr(let id, let type, let data):
            guard let d = data else { return [(LfsTag(LfsType.userAttr | type, id, 0x3FF), [])] }
            return [(LfsTag(LfsType.userAttr | type, id, d.count), d)]
        case .tail(let hard, let pair):
            return [(LfsTag(hard ? LfsType.hardTail : LfsType.softTail, 0x3FF, 8), pair.bytes)]
        case .moveState(let d): return [(LfsTag(LfsType.moveState, 0x3FF, 12), d)]
        }
    }

    /// Every tag of a compacted block: each named id's name, struct and attributes, then the
    /// tail and the global-state delta.
    var compactedOps: [LfsOp] {
        var ops: [LfsOp] = []
        var id = 0
        for e in entries where e.type != 0 {
            ops.append(.name(id, type: e.type, e.name))
            if e.structType >= 0 { ops.append(.structure(id, type: e.structType, e.structData)) }
            for a in e.attrs { ops.append(.attr(id, type: a.type, a.data)) }
            id += 1
        }
        if !tail.isNull { ops.append(.tail(hard: split, tail)) }
        if gdelta.contains(where: { $0 != 0 }) { ops.append(.moveState(gdelta)) }
        return ops
    }

    /// Bytes of the compacted tags without the entries (tail and global state).
    var fixedSize: Int { (tail.isNull ? 0 : 12) + (gdelta.contains(where: { $0 != 0 }) ? 16 : 0) }
}

/// A block's log, parsed: the state after its last valid commit and where the next commit goes.
struct LfsLog {
    var rev: UInt32
    var state: LfsPairState
    /// End of the last valid commit.
    var off: Int
    /// The tag the next commit's first tag is XORed with (valid bit set as the last CRC asked).
    var ptag: UInt32
    /// The bytes after `off` are known to be erased: a new commit may be appended there.
    var erased: Bool

    /// Parses a block as SPEC.md describes; nil when no commit in it is valid.
    static func parse(_ raw: [UInt8], progSize: Int, diskVersion: UInt32) -> LfsLog? {
        let bs = raw.count
        guard bs >= 12 else { return nil }
        let rev = le32(raw, 0)
        var crc = LfsCRC.update(0xFFFF_FFFF, raw, 0..<4)
        var off = 4
        var ptag: UInt32 = 0xFFFF_FFFF
        var work = LfsPairState()
        var best: LfsLog? = nil
        var fcrc: (size: Int, crc: UInt32)? = nil
        var lastFcrc: (size: Int, crc: UInt32)? = nil
        var maybeErased = false
        while off + 4 <= bs {
            let stored = be32(raw, off)
            let tag = LfsTag(raw: stored ^ ptag)
            if !tag.isValid {
                // only the state right after a commit can be followed by erased bytes
                maybeErased = best != nil && best!.off == off
                break
            }
            if off + 4 + tag.dataSize > bs { break }
            crc = LfsCRC.update(crc, raw, off..<(off + 4))
            ptag = tag.raw
            let dataStart = off + 4
            if tag.isCommitCRC {
                guard tag.dataSize >= 4, le32(raw, dataStart) == crc else { break }
                ptag ^= UInt32(tag.chunk & 1) << 31
                off = dataStart + tag.dataSize
                best = LfsLog(rev: rev, state: work, off: off, ptag: ptag, erased: false)
                lastFcrc = fcrc
                fcrc = nil
                crc = 0xFFFF_FFFF
                continue
            }
            crc = LfsCRC.update(crc, raw, dataStart..<(dataStart + tag.dataSize))
            let data = Array(raw[dataStart..<(dataStart + tag.dataSize)])
            if tag.type3 == LfsType.fcrc {
                if data.count >= 8 { fcrc = (Int(le32(data, 0)), le32(data, 4)) }
            } else if let op = LfsPairState.op(tag, data) {
                work.apply(op)
            }
            off = dataStart + tag.dataSize
        }
        guard var log = best else { return nil }
        if maybeErased && log.off % progSize == 0 {
            if diskVersion < Lfs.version21 {
                // 2.0 disks have no FCRC: what follows a commit there is taken as erased
                log.erased = true
            } else if let f = lastFcrc, log.off + f.size <= bs {
                log.erased = LfsCRC.update(0xFFFF_FFFF, raw, log.off..<(log.off + f.size)) == f.crc
            }
        }
        return log
    }
}

/// Builds one commit's bytes for a block whose current contents are `raw`, from `start` on.
struct LfsCommitWriter {
    let start: Int
    let blockSize: Int
    let progSize: Int
    private(set) var bytes: [UInt8] = []
    private(set) var ptag: UInt32
    private var crc: UInt32

    /// A commit at `start` continuing the chain from `ptag`; a compaction (start 0) begins with
    /// the revision count, which the first commit's CRC covers.
    init(start: Int, ptag: UInt32, blockSize: Int, progSize: Int, rev: UInt32? = nil) {
        self.start = start
        self.ptag = ptag
        self.blockSize = blockSize
        self.progSize = progSize
        crc = 0xFFFF_FFFF
        if let r = rev {
            appendLE32(&bytes, r)
            crc = LfsCRC.update(crc, bytes)
        }
    }

    var end: Int { start + bytes.count }

    /// Room left for tags: the CRC tag needs 8 bytes at the end of the block.
    func fits(_ more: Int) -> Bool { end + more <= blockSize - 8 }

    mutating func add(_ tag: LfsTag, _ data: [UInt8]) {
        var t: [UInt8] = []
        appendBE32(&t, tag.raw ^ ptag)
        crc = LfsCRC.update(crc, t)
        crc = LfsCRC.update(crc, data)
        bytes += t
        bytes += data
        ptag = tag.raw
    }

    mutating func add(_ op: LfsOp) {
        for (t, d) in LfsPairState.tags(op) { add(t, d) }
    }

    /// Closes the commit: an FCRC of the next program unit's erased bytes (2.1 disks, when the
    /// block has room for another commit), then CRC tags padding to a program boundary. The CRC
    /// tag's chunk bit asks the next commit's valid bit to differ from the first erased byte's top
    /// bit, so erased bytes never read as a tag. `erased(offset, count)` reads the block as it is.
    mutating func finish(writeFCRC: Bool, erased: (Int, Int) throws -> [UInt8]) throws {
        let end = alignUp(min(self.end + 20, blockSize), progSize)
        while self.end < end {
            var noff = min(end - (self.end + 4), 0x3FE) + self.end + 4
            if noff < end { noff = min(noff, end - 20) }
            var eperturb: UInt8 = 0xFF
            if noff >= end && noff <= blockSize - progSize {
                let next = try erased(noff, progSize)
                eperturb = next[0]
                if writeFCRC {
                    var d: [UInt8] = []
                    appendLE32(&d, UInt32(progSize))
                    appendLE32(&d, LfsCRC.update(0xFFFF_FFFF, next))
                    add(LfsTag(LfsType.fcrc, 0x3FF, 8), d)
                }
            }
            let flip = Int(~eperturb) >> 7 & 1
            let tag = LfsTag(LfsType.crc | flip, 0x3FF, noff - (self.end + 4))
            var t: [UInt8] = []
            appendBE32(&t, tag.raw ^ ptag)
            crc = LfsCRC.update(crc, t)
            bytes += t
            appendLE32(&bytes, crc)
            // padding is not covered by any CRC; programmed as erased bytes
            while self.end < noff { bytes.append(0xFF) }
            ptag = tag.raw ^ (UInt32(flip) << 31)
            crc = 0xFFFF_FFFF
        }
    }
}
