// Paths and directories of a littlefs volume: a directory is a chain of metadata pairs (hard
// tails) holding its entries, ordered as littlefs orders names; new directories are linked into
// the threaded list of all pairs right after their parent's last pair. mkdir, remove (files and
// empty directories), rename (in one commit inside a pair, else with a move in the global state),
// listing and stat.

/// Where a path leads: the directory's first pair, the pair holding the entry (or the pair and
/// id a new entry takes), and the entry; for a missing name also the directory's last pair.
struct LfsLocation {
    var dirHead: LfsBlockPair
    var dir: LfsDir
    var id: Int
    var entry: LfsEntry
    var last: LfsDir? = nil
}

enum LfsLookup {
    case root
    case found(LfsLocation)
    /// The parent exists, the name does not: `location.id` is where it would be inserted.
    case missing(LfsLocation, name: [UInt8])
}

/// One listed entry.
struct LfsDirEntry {
    var name: [UInt8]
    var isDir: Bool
    var size: Int
}

extension LfsVolume {
    /// Path components with "." dropped and ".." taking back the previous one (never above the
    /// root), as littlefs reads paths.
    static func components(_ path: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for part in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual([UInt8(ascii: ".")]) { continue }
            if part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                if !out.isEmpty { out.removeLast() }
                continue
            }
            out.append(Array(part))
        }
        return out
    }

    /// littlefs's name order: bytewise over the common length, then the longer name first.
    static func compare(_ disk: [UInt8], _ name: [UInt8]) -> Int {
        let n = min(disk.count, name.count)
        for i in 0..<n where disk[i] != name[i] { return disk[i] < name[i] ? -1 : 1 }
        if disk.count == name.count { return 0 }
        return name.count < disk.count ? -1 : 1
    }

    /// Visits the pairs of the directory starting at `head`, in order; `body` returns true to stop.
    func scanDirectory(_ head: LfsBlockPair, _ body: (LfsDir) throws -> Bool) throws {
        var pair = head
        var steps = 0
        while true {
            steps += 1
            guard steps <= blockCount else { throw Lfs.corrupt }
            let d = try fetch(pair)
            if try body(d) { return }
            guard d.state.split else { return }
            pair = d.state.tail
        }
    }

    /// Entries a listing or lookup sees: files and directories, not the superblock nor an entry
    /// a pending move has left behind.
    func visible(_ d: LfsDir, _ id: Int) -> Bool {
        d.state.entries[id].isListed && !isMovedAway(d.pair, id)
    }

    /// Follows a path. The pairs of a directory hold names in littlefs's order across the whole
    /// chain (littlefs's lookup stops at the first pair holding a name after the one sought), so
    /// a new name goes into the first pair with a name after it, at that name's id, or at the
    /// end of the last pair.
    func lookup(_ path: [UInt8]) throws -> LfsLookup {
        let comps = LfsVolume.components(path)
        if comps.isEmpty { return .root }
        var head = root
        for (i, name) in comps.enumerated() {
            var found: (LfsDir, Int)? = nil
            var insert: (LfsDir, Int)? = nil
            var last: LfsDir? = nil
            try scanDirectory(head) { d in
                last = d
                for id in 0..<d.state.entries.count where visible(d, id) {
                    let c = LfsVolume.compare(d.state.entries[id].name, name)
                    if c == 0 {
                        found = (d, id)
                        return true
                    }
                    if c > 0 && insert == nil { insert = (d, id) }
                }
                return false
            }
            let isLast = i == comps.count - 1
            if let (d, id) = found {
                let e = d.state.entries[id]
                let loc = LfsLocation(dirHead: head, dir: d, id: id, entry: e)
                if isLast { return .found(loc) }
                guard e.isDir else { throw Lfs.notDir }
                guard e.structType == LfsType.dirStruct, e.structData.count >= 8 else { throw Lfs.corrupt }
                head = LfsBlockPair(e.structData)
                continue
            }
            guard isLast, let l = last else { throw Lfs.noEntry }
            let (d, id) = insert ?? (l, l.state.entries.count)
            return .missing(LfsLocation(dirHead: head, dir: d, id: id, entry: LfsEntry(), last: l), name: name)
        }
        return .root
    }

    /// The directory's entries in littlefs's order (the pairs in turn, ids in order).
    func list(_ path: [UInt8]) throws -> [LfsDirEntry] {
        let head: LfsBlockPair
        switch try lookup(path) {
        case .root: head = root
        case .missing: throw Lfs.noEntry
        case .found(let loc):
            guard loc.entry.isDir else { throw Lfs.notDir }
            guard loc.entry.structType == LfsType.dirStruct, loc.entry.structData.count >= 8 else { throw Lfs.corrupt }
            head = LfsBlockPair(loc.entry.structData)
        }
        var out: [LfsDirEntry] = []
        try scanDirectory(head) { d in
            for id in 0..<d.state.entries.count where visible(d, id) {
                let e = d.state.entries[id]
                out.append(LfsDirEntry(name: e.name, isDir: e.isDir, size: e.isFile ? try fileSize(e) : 0))
            }
            return false
        }
        return out
    }

    /// A file entry's size: an inline file's data length or a CTZ struct's size field.
    func fileSize(_ e: LfsEntry) throws -> Int {
        switch e.structType {
        case LfsType.inlineStruct: return e.structData.count
        case LfsType.ctzStruct: return try ctzStruct(e).1
        default: return 0
        }
    }

    /// (is a directory, size, user attribute 't' if present); the root is a directory whose
    /// attributes are the superblock entry's.
    func stat(_ path: [UInt8]) throws -> (isDir: Bool, size: Int, mtime: [UInt8]?) {
        switch try lookup(path) {
        case .root:
            let d = try fetch(root)
            return (true, 0, d.state.entries.first?.attr(Lfs.mtimeAttr))
        case .missing: throw Lfs.noEntry
        case .found(let loc):
            return (loc.entry.isDir, loc.entry.isFile ? try fileSize(loc.entry) : 0, loc.entry.attr(Lfs.mtimeAttr))
        }
    }

    func checkName(_ name: [UInt8]) throws {
        if name.count > nameMax { throw Lfs.nameTooLong }
    }

    func mkdir(_ path: [UInt8]) throws {
        try prepareWrite()
        guard case .missing(var loc, let name) = try lookup(path) else { throw Lfs.exists }
        try checkName(name)
        // the new pair goes into the threaded list after the parent's last pair
        guard var last = loc.last else { throw Lfs.corrupt }
        var s = LfsPairState()
        s.tail = last.state.tail
        let child = try newPair(s)
        let id = loc.id
        var ops: [LfsOp] = [.create(id), .name(id, type: LfsType.dir, name),
                            .structure(id, type: LfsType.dirStruct, child.pair.bytes)]
        if last.pair.sameBlocks(loc.dir.pair) {
            ops.append(.tail(hard: false, child.pair))
            try commit(&loc.dir, ops)
        } else {
            // linked first, named second: an orphan meanwhile, flagged in the global state
            try commit(&last, [.tail(hard: false, child.pair)], gchange: LfsVolume.orphanFlag)
            loc.dir = try fetch(loc.dir.pair)
            try commit(&loc.dir, ops, gchange: LfsVolume.orphanFlag)
        }
    }

    /// The first pair of a directory entry, which must be empty to go (ENOTEMPTY).
    private func emptyDirectory(_ e: LfsEntry) throws -> LfsDir {
        guard e.structType == LfsType.dirStruct, e.structData.count >= 8 else { throw Lfs.corrupt }
        let child = try fetch(LfsBlockPair(e.structData))
        if !child.state.entries.isEmpty || child.state.split { throw Lfs.notEmpty }
        return child
    }

    /// Removes a file or an empty directory (os.remove and os.rmdir alike, as littlefs's remove).
    func remove(_ path: [UInt8]) throws {
        try prepareWrite()
        switch try lookup(path) {
        case .root: throw Lfs.invalid
        case .missing: throw Lfs.noEntry
        case .found(var loc):
            if loc.entry.isDir {
                let child = try emptyDirectory(loc.entry)
                // orphaned between the two commits: flagged in the global state meanwhile
                try deleteEntry(&loc.dir, loc.id, gchange: LfsVolume.orphanFlag)
                try unlinkPair(child, gchange: LfsVolume.orphanFlag)
            } else {
                try deleteEntry(&loc.dir, loc.id)
            }
            forgetOpenFiles(loc.dirHead, loc.entry.name)
        }
    }

    func rename(_ from: [UInt8], _ to: [UInt8]) throws {
        try prepareWrite()
        guard case .found(let src) = try lookup(from) else {
            if case .root = try lookup(from) { throw Lfs.invalid }
            throw Lfs.noEntry
        }
        let dst = try lookup(to)
        if src.entry.isDir {
            // a directory cannot move into itself
            let a = LfsVolume.components(from), b = LfsVolume.components(to)
            if b.count > a.count && Array(b[0..<a.count]) == a { throw Lfs.invalid }
        }
        var target: LfsDir
        let id: Int
        let newName: [UInt8]
        let newHead: LfsBlockPair
        var replaced: LfsDir? = nil
        switch dst {
        case .root: throw Lfs.invalid
        case .found(let d):
            if d.dir.pair.sameBlocks(src.dir.pair) && d.id == src.id { return }
            if d.entry.type != src.entry.type { throw d.entry.isDir ? Lfs.isDir : Lfs.notDir }
            if d.entry.isDir { replaced = try emptyDirectory(d.entry) }
            target = d.dir
            id = d.id
            newName = d.entry.name
            newHead = d.dirHead
        case .missing(let m, let name):
            try checkName(name)
            target = m.dir
            id = m.id
            newName = name
            newHead = m.dirHead
        }
        var ops: [LfsOp] = []
        if isReplacing(dst) { ops.append(.delete(id)) }
        ops.append(.create(id))
        ops.append(.name(id, type: src.entry.type, newName))
        if src.entry.structType >= 0 { ops.append(.structure(id, type: src.entry.structType, src.entry.structData)) }
        for a in src.entry.attrs { ops.append(.attr(id, type: a.type, a.data)) }
        let orphans: [UInt8]? = replaced != nil ? LfsVolume.orphanFlag : nil
        if target.pair.sameBlocks(src.dir.pair) {
            // one commit: the old id after the splices before it
            var old = src.id
            if isReplacing(dst) && id < old { old -= 1 }
            if id <= old { old += 1 }
            ops.append(.delete(old))
            try commit(&target, ops, gchange: orphans)
        } else {
            // the move is recorded in the global state until the old entry is gone
            let move = LfsVolume.moveState(src.dir.pair, src.id)
            var change = move
            if let o = orphans { for i in 0..<12 { change[i] ^= o[i] } }
            try commit(&target, ops, gchange: change)
            var old = try fetch(src.dir.pair)
            guard src.id < old.state.entries.count else { throw Lfs.corrupt }
            try deleteEntry(&old, src.id, gchange: move)
        }
        if let child = replaced { try unlinkPair(child, gchange: LfsVolume.orphanFlag) }
        if case .found(let d) = dst { forgetOpenFiles(d.dirHead, d.entry.name) }
        for (_, w) in openFiles {
            if let f = w.file, f.dirHead == src.dirHead, f.name == src.entry.name {
                f.dirHead = newHead
                f.name = newName
            }
        }
    }

    private func isReplacing(_ l: LfsLookup) -> Bool {
        if case .found = l { return true }
        return false
    }

    /// Open files of a removed entry no longer have anywhere to commit to.
    func forgetOpenFiles(_ head: LfsBlockPair, _ name: [UInt8]) {
        for (_, w) in openFiles {
            if let f = w.file, f.dirHead == head, f.name == name { f.orphaned = true }
        }
    }

    /// The entry of an open file, found again by its directory and name (ids move as entries
    /// come and go, pairs split).
    func locate(_ head: LfsBlockPair, _ name: [UInt8]) throws -> (LfsDir, Int)? {
        var found: (LfsDir, Int)? = nil
        try scanDirectory(head) { d in
            for id in 0..<d.state.entries.count where visible(d, id) && d.state.entries[id].name == name {
                found = (d, id)
                return true
            }
            return false
        }
        return found
    }
}
