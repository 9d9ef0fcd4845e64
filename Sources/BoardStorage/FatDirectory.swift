import Glibc

// Directories of a FAT volume: 32-byte entries, long file names (VFAT LFN entries, UTF-16, with
// the short-name checksum), 8.3 short names generated as FatFs does (upper case, NT lower-case
// flags when the name is a plain lower-case 8.3 name, "~N" tails when information is lost), path
// lookup, and the operations that change directories (create, delete, mkdir, rmdir, rename).

/// One directory entry as found on disk.
public struct FatEntry {
    public var name: String
    var sfn: [UInt8]            // 11 bytes, as stored
    public var attr: UInt8
    public var cluster: UInt32
    public var size: UInt32
    public var time: UInt16
    public var date: UInt16
    var slot: Int               // index of the short entry in its directory
    var firstSlot: Int          // index of its first LFN entry (== slot without one)
    public var isDir: Bool { attr & 0x10 != 0 }
}

enum Attr {
    static let readOnly: UInt8 = 0x01, volumeID: UInt8 = 0x08, directory: UInt8 = 0x10
    static let archive: UInt8 = 0x20, longName: UInt8 = 0x0F
}

/// FatFs limits a directory to 65536 entries (2 MiB).
let maxDirSlots = 65536

extension FatVolume {
    // MARK: slots

    /// The sectors that hold directory `dir`'s slots, in order.
    func dirSectors(_ dir: UInt32) throws -> [Int] {
        if dir == FatVolume.root && fatType != .fat32 {
            return Array(rootDirStart..<(rootDirStart + rootDirSectors))
        }
        let first = dir == FatVolume.root ? rootCluster : dir
        var out: [Int] = []
        for c in try chain(first) {
            let s = firstSector(ofCluster: c)
            out += Array(s..<(s + sectorsPerCluster))
            if out.count * sectorSize / 32 >= maxDirSlots { break }
        }
        return out
    }

    /// Calls `body(slot, entry bytes)` on each slot in order until it returns false.
    func forEachSlot(_ dir: UInt32, _ body: (Int, [UInt8]) throws -> Bool) throws {
        let perSector = sectorSize / 32
        var idx = 0
        for s in try dirSectors(dir) {
            let d = try readSector(s)
            for k in 0..<perSector {
                if try !body(idx, Array(d[(k * 32)..<(k * 32 + 32)])) { return }
                idx += 1
                if idx >= maxDirSlots { return }
            }
        }
    }

    func writeSlot(_ sectors: [Int], _ idx: Int, _ e: [UInt8]) throws {
        let perSector = sectorSize / 32
        guard idx / perSector < sectors.count else { throw FsError.io }
        let s = sectors[idx / perSector]
        var d = try readSector(s)
        d.replaceSubrange((idx % perSector) * 32..<((idx % perSector) * 32 + 32), with: e)
        try writeSector(s, d)
    }

    func readSlot(_ sectors: [Int], _ idx: Int) throws -> [UInt8] {
        let perSector = sectorSize / 32
        guard idx / perSector < sectors.count else { throw FsError.io }
        let d = try readSector(sectors[idx / perSector])
        return Array(d[(idx % perSector) * 32..<((idx % perSector) * 32 + 32)])
    }

    // MARK: reading entries

    /// The entries of `dir` (without "." and ".." and volume labels).
    func entries(_ dir: UInt32) throws -> [FatEntry] {
        var out: [FatEntry] = []
        var lfn: [UInt16] = []
        var expect = 0, checksum: UInt8 = 0, lfnStart = -1
        try forEachSlot(dir) { idx, e in
            if e[0] == 0 { return false }
            if e[0] == 0xE5 { expect = 0; lfnStart = -1; return true }
            if e[11] & 0x3F == Attr.longName {
                let ord = Int(e[0] & 0x3F)
                if e[0] & 0x40 != 0 {
                    if ord >= 1 && ord <= 20 {
                        lfn = [UInt16](repeating: 0xFFFF, count: 13 * ord)
                        expect = ord; checksum = e[13]; lfnStart = idx
                    } else { expect = 0; lfnStart = -1; return true }
                } else if !(expect > 0 && ord == expect && e[13] == checksum) {
                    expect = 0; lfnStart = -1; return true
                }
                let at = (ord - 1) * 13
                for (k, off) in lfnOffsets.enumerated() { lfn[at + k] = UInt16(e[off]) | UInt16(e[off + 1]) << 8 }
                expect -= 1
                return true
            }
            defer { expect = 0; lfnStart = -1 }
            if e[11] & Attr.volumeID != 0 { return true }
            if e[0] == 0x2E { return true }   // "." and ".."
            var name: String? = nil
            if lfnStart >= 0 && expect == 0 && sfnChecksum(e) == checksum {
                let units = lfn.prefix { $0 != 0 }
                if !units.isEmpty { name = String(decoding: units, as: UTF16.self) }
            }
            let cl = UInt32(le16(e, 26)) | (fatType == .fat32 ? UInt32(le16(e, 20)) << 16 : 0)
            out.append(FatEntry(name: name ?? displayShortName(e), sfn: Array(e[0..<11]), attr: e[11],
                                cluster: cl, size: le32(e, 28), time: UInt16(le16(e, 22)), date: UInt16(le16(e, 24)),
                                slot: idx, firstSlot: name != nil ? lfnStart : idx))
            return true
        }
        return out
    }

    /// The entry named `name` in `dir` (case-insensitive, long or short name), if any.
    func find(_ dir: UInt32, _ name: String) throws -> FatEntry? {
        let key = foldCase(name)
        let short = try? makeShortName(name)
        for e in try entries(dir) {
            if foldCase(e.name) == key { return e }
            if let s = short, !s.lossy, s.bytes == e.sfn { return e }
        }
        return nil
    }

    // MARK: paths

    /// Components of `path` from the root ("." and ".." resolved against the current directory).
    func components(_ path: String) -> [String] {
        let full = path.hasPrefix("/") || path.hasPrefix("\\") ? path : cwd + "/" + path
        var parts: [String] = []
        for c in full.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(c))
        }
        return parts
    }

    /// The directory at `parts` (ENOENT when a component is missing or not a directory).
    func directory(_ parts: ArraySlice<String>) throws -> UInt32 {
        var dir = FatVolume.root
        for p in parts {
            guard let e = try find(dir, p), e.isDir else { throw FsError.noEntry }
            guard e.cluster != 0 else { throw FsError.io }   // a subdirectory always has a cluster
            dir = e.cluster
        }
        return dir
    }

    /// (parent directory, last name, its entry if it exists); nil name for the root.
    func locate(_ path: String) throws -> (dir: UInt32, name: String?, entry: FatEntry?) {
        let parts = components(path)
        guard let last = parts.last else { return (FatVolume.root, nil, nil) }
        let dir = try directory(parts.dropLast())
        return (dir, last, try find(dir, last))
    }

    // MARK: creating and deleting entries

    /// Creates an entry for `name` in `dir`; returns its short-entry slot.
    @discardableResult
    func createEntry(_ dir: UInt32, _ rawName: String, attr: UInt8, cluster: UInt32, size: UInt32,
                     template: [UInt8]? = nil) throws -> Int {
        if readOnly { throw FsError.readOnly }
        let name = try validName(rawName)
        var short = try makeShortName(name)
        var sfn = short.bytes
        if short.lossy {
            var taken = Set<[UInt8]>()
            try forEachSlot(dir) { _, e in
                if e[0] == 0 { return false }
                if e[0] != 0xE5 && e[11] & 0x3F != Attr.longName { taken.insert(Array(e[0..<11])) }
                return true
            }
            var found = false
            for n in 1...999_999 {
                let cand = numberedShortName(short.bytes, n)
                if !taken.contains(cand) { sfn = cand; found = true; break }
            }
            if !found { throw FsError.denied }
        }
        short.bytes = sfn
        let units = Array(name.utf16)
        let lfnCount = short.needsLFN ? (units.count + 12) / 13 : 0
        let need = lfnCount + 1
        let first = try reserveSlots(dir, need)
        let sectors = try dirSectors(dir)
        let sum = sfnChecksum(sfn)
        for k in 0..<lfnCount {
            let ord = lfnCount - k
            var e = [UInt8](repeating: 0, count: 32)
            e[0] = UInt8(ord) | (k == 0 ? 0x40 : 0)
            e[11] = Attr.longName
            e[13] = sum
            for (j, off) in lfnOffsets.enumerated() {
                let i = (ord - 1) * 13 + j
                let u: UInt16 = i < units.count ? units[i] : (i == units.count ? 0 : 0xFFFF)
                e[off] = UInt8(u & 0xFF); e[off + 1] = UInt8(u >> 8)
            }
            try writeSlot(sectors, first + k, e)
        }
        var e = template ?? [UInt8](repeating: 0, count: 32)
        e.replaceSubrange(0..<11, with: sfn)
        e[11] = attr
        e[12] = short.ntFlags
        if template == nil {
            let (t, d) = fatTimestamp()
            putLE16(&e, 14, Int(t)); putLE16(&e, 16, Int(d)); putLE16(&e, 18, Int(d))
            putLE16(&e, 22, Int(t)); putLE16(&e, 24, Int(d))
        }
        setEntryCluster(&e, cluster)
        putLE32(&e, 28, size)
        try writeSlot(sectors, first + need - 1, e)
        return first + need - 1
    }

    /// Finds `need` consecutive free slots in `dir`, growing a cluster directory when full.
    private func reserveSlots(_ dir: UInt32, _ need: Int) throws -> Int {
        var runStart = -1, runLen = 0, total = 0
        try forEachSlot(dir) { idx, e in
            total = idx + 1
            if e[0] == 0 || e[0] == 0xE5 {
                if runLen == 0 { runStart = idx }
                runLen += 1
                if runLen == need { return false }
            } else { runLen = 0 }
            return true
        }
        if runLen >= need { return runStart }
        // grow: only cluster directories can, up to FatFs's 65536-entry limit
        if dir == FatVolume.root && fatType != .fat32 { throw FsError.denied }
        let perCluster = clusterBytes / 32
        let start = runLen > 0 ? runStart : total
        var have = total
        var last = try chain(dir == FatVolume.root ? rootCluster : dir).last!
        while have < start + need {
            if have + perCluster > maxDirSlots { throw FsError.denied }
            let c = try allocate(after: last)
            try zeroCluster(c)
            last = c
            have += perCluster
        }
        return start
    }

    /// Marks an entry and its LFN entries deleted.
    func deleteEntry(_ dir: UInt32, _ e: FatEntry) throws {
        let sectors = try dirSectors(dir)
        for i in e.firstSlot...e.slot {
            var s = try readSlot(sectors, i)
            s[0] = 0xE5
            try writeSlot(sectors, i, s)
        }
    }

    func setEntryCluster(_ e: inout [UInt8], _ c: UInt32) {
        putLE16(&e, 26, Int(c & 0xFFFF))
        putLE16(&e, 20, fatType == .fat32 ? Int(c >> 16) : 0)
    }

    /// Rewrites fields of the short entry at `slot` of `dir`.
    func updateEntry(_ dir: UInt32, _ slot: Int, _ change: (inout [UInt8]) -> Void) throws {
        let sectors = try dirSectors(dir)
        var e = try readSlot(sectors, slot)
        change(&e)
        try writeSlot(sectors, slot, e)
    }

    func fatTimestamp() -> (UInt16, UInt16) {
        let (y, mo, d, h, mi, s) = clock()
        let date = (max(0, min(127, y - 1980)) << 9) | (mo << 5) | d
        return (UInt16((h << 11) | (mi << 5) | (s / 2)), UInt16(date))
    }

    // MARK: operations

    func requireWritable() throws { if readOnly { throw FsError.readOnly } }

    public func mkdir(_ path: String) throws {
        try requireWritable()
        let (dir, name, entry) = try locate(path)
        guard let n = name else { throw FsError.exists }
        if entry != nil { throw FsError.exists }
        _ = try validName(n)
        let c = try allocate(after: nil)
        do {
            try zeroCluster(c)
            let (t, d) = fatTimestamp()
            var dot = [UInt8](repeating: 0x20, count: 11) + [UInt8](repeating: 0, count: 21)
            dot[0] = 0x2E
            dot[11] = Attr.directory
            putLE16(&dot, 22, Int(t)); putLE16(&dot, 24, Int(d))
            putLE16(&dot, 14, Int(t)); putLE16(&dot, 16, Int(d)); putLE16(&dot, 18, Int(d))
            var dotdot = dot
            dotdot[1] = 0x2E
            setEntryCluster(&dot, c)
            setEntryCluster(&dotdot, dir)   // 0 for the root, on FAT32 too
            var s = try readSector(firstSector(ofCluster: c))
            s.replaceSubrange(0..<32, with: dot)
            s.replaceSubrange(32..<64, with: dotdot)
            try writeSector(firstSector(ofCluster: c), s)
            try createEntry(dir, n, attr: Attr.directory, cluster: c, size: 0)
        } catch {
            try? freeChain(c)
            throw error
        }
        try flushMeta()
    }

    public func rmdir(_ path: String) throws {
        try requireWritable()
        let (dir, name, entry) = try locate(path)
        guard name != nil else { throw FsError.denied }
        guard let e = entry else { throw FsError.noEntry }
        guard e.isDir else { throw FsError(ENOTDIR) }
        guard e.cluster != 0 else { throw FsError.io }
        if !(try entries(e.cluster).isEmpty) { throw FsError.denied }
        if (try? directory(components(cwd)[...])) == e.cluster { throw FsError.denied }
        try deleteEntry(dir, e)
        try freeChain(e.cluster)
        try flushMeta()
    }

    public func remove(_ path: String) throws {
        try requireWritable()
        let (dir, name, entry) = try locate(path)
        guard name != nil else { throw FsError(EISDIR) }
        guard let e = entry else { throw FsError.noEntry }
        if e.isDir { throw FsError(EISDIR) }
        if e.attr & Attr.readOnly != 0 { throw FsError.denied }
        try deleteEntry(dir, e)
        try freeChain(e.cluster)
        try flushMeta()
    }

    /// Renames or moves. An existing file at `to` is replaced and an existing directory there is
    /// EISDIR, as MicroPython's VfsFat (remove the target, then retry) behaves.
    public func rename(_ from: String, _ to: String) throws {
        try requireWritable()
        let src = try locate(from)
        guard src.name != nil, let old = src.entry else { throw src.name == nil ? FsError.invalid : FsError.noEntry }
        let fromParts = components(from), toParts = components(to)
        if old.isDir && toParts.count > fromParts.count && Array(toParts.prefix(fromParts.count)).map(foldCase) == fromParts.map(foldCase) {
            throw FsError.invalid   // into itself
        }
        let dst = try locate(to)
        guard let newName = dst.name else { throw FsError.exists }
        if let existing = dst.entry, !(dst.dir == src.dir && existing.slot == old.slot) {
            if existing.isDir { throw FsError(EISDIR) }
            if existing.attr & Attr.readOnly != 0 { throw FsError.denied }
            try deleteEntry(dst.dir, existing)
            try freeChain(existing.cluster)
        }
        let sectors = try dirSectors(src.dir)
        let template = try readSlot(sectors, old.slot)
        let attr = old.isDir ? old.attr : old.attr | Attr.archive
        // the new entry first (as FatFs's f_rename): a failure leaves the old one in place
        try createEntry(dst.dir, newName, attr: attr, cluster: old.cluster, size: old.size, template: template)
        try deleteEntry(src.dir, old)
        if old.isDir && dst.dir != src.dir && old.cluster != 0 {
            let s = firstSector(ofCluster: old.cluster)
            var d = try readSector(s)
            if d[32] == 0x2E && d[33] == 0x2E {
                var dd = Array(d[32..<64])
                setEntryCluster(&dd, dst.dir)
                d.replaceSubrange(32..<64, with: dd)
                try writeSector(s, d)
            }
        }
        try flushMeta()
    }

    public func chdir(_ path: String) throws {
        let parts = components(path)
        _ = try directory(parts[...])
        cwd = "/" + parts.joined(separator: "/")
    }

    /// (name, is directory, size) of each entry of the directory at `path`.
    public func listdir(_ path: String) throws -> [(name: String, isDir: Bool, size: Int)] {
        let dir = try directory(components(path)[...])
        return try entries(dir).map { ($0.name, $0.isDir, Int($0.size)) }
    }

    /// (is directory, size, FAT time, FAT date); the root is a directory dated 1980-01-01.
    public func stat(_ path: String) throws -> (isDir: Bool, size: Int, time: UInt16, date: UInt16) {
        let (_, name, entry) = try locate(path)
        if name == nil { return (true, 0, 0, 0x21) }
        guard let e = entry else { throw FsError.noEntry }
        return (e.isDir, Int(e.size), e.time, e.date)
    }
}

// MARK: names

/// Byte offsets of the 13 UTF-16 characters in an LFN entry.
let lfnOffsets = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30]

func sfnChecksum<C: Collection>(_ e: C) -> UInt8 where C.Element == UInt8, C.Index == Int {
    var sum: UInt8 = 0
    for i in e.startIndex..<(e.startIndex + 11) { sum = ((sum & 1) << 7) &+ (sum >> 1) &+ e[i] }
    return sum
}

/// Upper-cases each character that has a one-character upper case (FatFs's ff_wtoupper keeps
/// characters such as ß whose upper case is longer).
func foldCase(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
        let up = String(u).uppercased().unicodeScalars
        if up.count == 1 { out.append(up.first!) } else { out.append(u) }
    }
    return String(out)
}

/// A name as FatFs stores it: trailing spaces and dots removed; EINVAL for an empty or too long
/// name, or one with a control character or one of " * : < > ? | DEL.
func validName(_ raw: String) throws -> String {
    var units = Array(raw.utf16)
    while let l = units.last, l == 0x20 || l == 0x2E { units.removeLast() }
    if units.isEmpty || units.count > 255 { throw FsError.invalid }
    for u in units where u < 0x20 || u == 0x7F || [0x22, 0x2A, 0x3A, 0x3C, 0x3E, 0x3F, 0x7C].contains(u) {
        throw FsError.invalid
    }
    return String(decoding: units, as: UTF16.self)
}

struct ShortName {
    var bytes: [UInt8]      // 11 bytes, upper case, space padded
    var lossy: Bool         // information lost: needs a ~N tail
    var needsLFN: Bool
    var ntFlags: UInt8      // 0x08 body lower case, 0x10 extension lower case
}

/// The 8.3 name FatFs's create_name derives from a long name. `si` is the index of the next
/// character, `di` the index just after the last dot (0: no dot), as in FatFs.
func makeShortName(_ name: String) throws -> ShortName {
    let units = Array(try validName(name).utf16)
    var sfn = [UInt8](repeating: 0x20, count: 11)
    var lossy = false, lfn = false
    var si = 0
    while si < units.count && units[si] == 0x20 { si += 1 }
    if si > 0 || (si < units.count && units[si] == 0x2E) { lossy = true; lfn = true }
    var di = units.count
    while di > 0 && units[di - 1] != 0x2E { di -= 1 }
    var i = 0, ni = 8, caseBits = 0
    while si < units.count {
        let w = units[si]
        si += 1
        if w == 0x20 || (w == 0x2E && si != di) { lossy = true; lfn = true; continue }   // embedded spaces, dots
        if i >= ni || si == di {              // end of a field
            if ni == 11 { lossy = true; lfn = true; break }   // extension overflow
            if si != di { lossy = true; lfn = true }           // body overflow
            if si > di { break }                               // no extension
            si = di; i = 8; ni = 11; caseBits <<= 2
            continue
        }
        var c: UInt8
        if w >= 0x80 {
            c = 0x5F; lossy = true; lfn = true   // no OEM code page for new short names
        } else {
            c = UInt8(w)
            if [0x2B, 0x2C, 0x3B, 0x3D, 0x5B, 0x5D].contains(c) { c = 0x5F; lossy = true; lfn = true }
            else if c >= 0x41 && c <= 0x5A { caseBits |= 2 }
            else if c >= 0x61 && c <= 0x7A { caseBits |= 1; c -= 0x20 }
        }
        sfn[i] = c
        i += 1
    }
    if ni == 8 { caseBits <<= 2 }
    if sfn[0] == 0x20 { lossy = true; lfn = true }
    if (caseBits & 0x0C) == 0x0C || (caseBits & 0x03) == 0x03 { lfn = true }
    var nt: UInt8 = 0
    if !lfn {
        if caseBits & 0x01 != 0 { nt |= 0x10 }
        if caseBits & 0x04 != 0 { nt |= 0x08 }
    }
    return ShortName(bytes: sfn, lossy: lossy, needsLFN: lfn, ntFlags: nt)
}

/// `BASE~N` within 8 characters, keeping the extension.
func numberedShortName(_ sfn: [UInt8], _ n: Int) -> [UInt8] {
    let tail = Array("~\(n)".utf8)
    var bodyLen = 0
    while bodyLen < 8 && sfn[bodyLen] != 0x20 { bodyLen += 1 }
    let keep = min(bodyLen, 8 - tail.count)
    var out = sfn
    for j in 0..<8 { out[j] = 0x20 }
    for j in 0..<keep { out[j] = sfn[j] }
    for (j, t) in tail.enumerated() { out[keep + j] = t }
    return out
}

/// "NAME.EXT" from a short entry, honouring the NT lower-case flags; OEM bytes as code page 437.
func displayShortName(_ e: [UInt8]) -> String {
    var base = Array(e[0..<8]), ext = Array(e[8..<11])
    if base[0] == 0x05 { base[0] = 0xE5 }
    while let l = base.last, l == 0x20 { base.removeLast() }
    while let l = ext.last, l == 0x20 { ext.removeLast() }
    func text(_ b: [UInt8], lower: Bool) -> String {
        var s = String.UnicodeScalarView()
        for c in b {
            var u = c < 0x80 ? Unicode.Scalar(c) : cp437High[Int(c) - 0x80]
            if lower && c >= 0x41 && c <= 0x5A { u = Unicode.Scalar(c + 0x20) }
            s.append(u)
        }
        return String(s)
    }
    let b = text(base, lower: e[12] & 0x08 != 0)
    return ext.isEmpty ? b : b + "." + text(ext, lower: e[12] & 0x10 != 0)
}

/// Code page 437, bytes 0x80-0xFF (FatFs's default OEM code page for short names).
let cp437High: [Unicode.Scalar] = Array(
    "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}".unicodeScalars)
