import Glibc

// A mounted FAT12/16/32 volume: boot sector (BPB), the FAT (cluster chains, allocation, free
// count, FSInfo) and a write-back cache of metadata sectors (FAT and directories). File data goes
// straight to the device through each open file's one-sector buffer (FatFile.swift).
// Every number read from the image is checked before use: a corrupted image ends in FsError
// (EIO/ENODEV), never in a trap or an endless loop.

public enum FatType: Int, Sendable { case fat12 = 12, fat16 = 16, fat32 = 32 }

/// Cluster-count limits of FatFs (ChaN): at most 4085 clusters is FAT12, at most 65525 FAT16.
let maxFat12 = 0xFF5, maxFat16 = 0xFFF5, maxFat32 = 0x0FFF_FFF5

public final class FatVolume {
    public let dev: BlockDevice
    /// First device block of the volume (0, or the partition's start).
    public let base: Int
    public let sectorSize: Int
    public let sectorsPerCluster: Int
    public let fatType: FatType
    public let totalSectors: Int
    /// Data clusters; valid cluster numbers are 2 ... clusterCount + 1.
    public let clusterCount: Int
    let reservedSectors: Int
    let numFATs: Int
    let fatSectors: Int
    let rootEntries: Int          // FAT12/16 fixed root directory
    let rootDirStart: Int         // sector of the fixed root (FAT12/16)
    let rootDirSectors: Int
    let dataStart: Int
    let rootCluster: UInt32       // FAT32 root directory cluster
    let fsInfoSector: Int?
    public var readOnly: Bool
    /// Directory entries: 0 means "the root directory" everywhere in the engine.
    static let root: UInt32 = 0

    private var cache: [Int: [UInt8]] = [:]
    private var dirtySectors = Set<Int>()
    private var freeClusters: Int?
    private var nextFree: UInt32 = 2
    private var fsInfoDirty = false
    /// Open files, flushed by sync(); weakly held so an abandoned handle does not leak.
    private var openFiles: [ObjectIdentifier: WeakFile] = [:]
    /// The current directory (absolute, "/"-separated) for relative paths.
    public var cwd = "/"
    /// Timestamp source: (year, month, day, hour, minute, second).
    public var clock: () -> (Int, Int, Int, Int, Int, Int) = { Storage.now() }

    var clusterBytes: Int { sectorsPerCluster * sectorSize }

    /// Mounts the FAT volume on `dev`: block 0 is a FAT boot sector, or an MBR whose first FAT
    /// partition is used. ENODEV when there is no valid FAT volume.
    public init(dev: BlockDevice, readOnly: Bool = false) throws {
        self.dev = dev
        let ss = dev.blockSize
        guard ss >= 512 && ss <= 4096 && ss & (ss - 1) == 0 else { throw FsError.noDevice }
        var b = try dev.read(0, count: 1)
        var start = 0
        switch FatVolume.classify(b) {
        case .fat: break
        case .mbr:
            var found = false
            for p in 0..<4 {
                let e = 446 + 16 * p
                let lba = Int(le32(b, e + 8))
                if b[e + 4] == 0 || lba == 0 || lba >= dev.blockCount { continue }
                let vbr = try dev.read(lba, count: 1)
                if case .fat = FatVolume.classify(vbr) { b = vbr; start = lba; found = true; break }
            }
            if !found { throw FsError.noDevice }
        case .none: throw FsError.noDevice
        }
        base = start
        sectorSize = ss
        guard le16(b, 11) == ss else { throw FsError.noDevice }
        let spc = Int(b[13])
        guard spc > 0 && spc & (spc - 1) == 0 else { throw FsError.noDevice }
        sectorsPerCluster = spc
        reservedSectors = le16(b, 14)
        numFATs = Int(b[16])
        rootEntries = le16(b, 17)
        let tot16 = le16(b, 19), fat16 = le16(b, 22)
        totalSectors = tot16 != 0 ? tot16 : Int(le32(b, 32))
        fatSectors = fat16 != 0 ? fat16 : Int(le32(b, 36))
        guard reservedSectors > 0, numFATs == 1 || numFATs == 2, fatSectors > 0,
              rootEntries % (ss / 32) == 0 else { throw FsError.noDevice }
        rootDirSectors = rootEntries * 32 / ss
        let system = reservedSectors + numFATs * fatSectors + rootDirSectors
        guard totalSectors > system else { throw FsError.noDevice }
        let n = (totalSectors - system) / spc
        guard n > 0 && n <= maxFat32 else { throw FsError.noDevice }
        clusterCount = n
        fatType = n <= maxFat12 ? .fat12 : n <= maxFat16 ? .fat16 : .fat32
        rootDirStart = reservedSectors + numFATs * fatSectors
        dataStart = system
        // the FAT must hold an entry for every cluster
        let fatBytes: Int
        switch fatType {
        case .fat12: fatBytes = ((n + 2) * 3 + 1) / 2
        case .fat16: fatBytes = (n + 2) * 2
        case .fat32: fatBytes = (n + 2) * 4
        }
        guard fatSectors * ss >= fatBytes else { throw FsError.noDevice }
        if fatType == .fat32 {
            guard rootEntries == 0, le16(b, 42) == 0 else { throw FsError.noDevice }
            let rc = le32(b, 44) & 0x0FFF_FFFF
            guard rc >= 2 && Int(rc) <= n + 1 else { throw FsError.noDevice }
            rootCluster = rc
            let fi = le16(b, 48)
            fsInfoSector = fi > 0 && fi < reservedSectors ? fi : nil
        } else {
            guard rootEntries > 0 else { throw FsError.noDevice }
            rootCluster = 0
            fsInfoSector = nil
        }
        self.readOnly = readOnly || dev.isReadOnly
        if let fi = fsInfoSector {
            let s = try readSector(fi)
            if le32(s, 0) == 0x4161_5252 && le32(s, 484) == 0x6141_7272 {
                // the stored free count is only a hint that other systems may have left stale:
                // it is counted from the FAT when first needed, and written back exact or "unknown"
                let nx = le32(s, 492)
                if nx >= 2 && Int(nx) <= clusterCount + 1 { nextFree = nx }
            }
        }
    }

    enum SectorKind { case fat, mbr, none }

    /// What block 0 holds: a FAT boot sector (FatFs's test: a jump instruction and "FAT" in the
    /// file-system type field, or a sane BPB), a partition table, or neither.
    static func classify(_ b: [UInt8]) -> SectorKind {
        guard b.count >= 512, b[510] == 0x55, b[511] == 0xAA else { return .none }
        let jump = b[0] == 0xEB || b[0] == 0xE9 || b[0] == 0xE8
        if jump {
            if b[54] == 0x46 && b[55] == 0x41 && b[56] == 0x54 { return .fat }       // "FAT" (FAT12/16)
            if b[82] == 0x46 && b[83] == 0x41 && b[84] == 0x54 { return .fat }       // "FAT32"
            let bps = le16(b, 11), spc = Int(b[13])
            if bps >= 512 && bps <= 4096 && bps & (bps - 1) == 0 && spc > 0 && spc & (spc - 1) == 0
                && le16(b, 14) > 0 && (b[16] == 1 || b[16] == 2) && (le16(b, 22) > 0 || le32(b, 36) > 0) {
                return .fat
            }
        }
        for p in 0..<4 where b[446 + 16 * p + 4] != 0 { return .mbr }
        return .none
    }

    // MARK: sectors (volume-relative)

    func readSector(_ s: Int) throws -> [UInt8] {
        if let c = cache[s] { return c }
        guard s >= 0 && s < totalSectors else { throw FsError.io }
        let d = try dev.read(base + s, count: 1)
        if cache.count >= 512 { try flushMeta(); cache.removeAll(keepingCapacity: true) }
        cache[s] = d
        return d
    }

    func writeSector(_ s: Int, _ d: [UInt8]) throws {
        if readOnly { throw FsError.readOnly }
        guard s >= 0 && s < totalSectors, d.count == sectorSize else { throw FsError.io }
        if cache.count >= 512 && cache[s] == nil { try flushMeta(); cache.removeAll(keepingCapacity: true) }
        cache[s] = d
        dirtySectors.insert(s)
    }

    /// File data: reads see cached metadata sectors (a freed directory cluster reused as data).
    func readData(_ s: Int, count: Int = 1) throws -> [UInt8] {
        guard s >= dataStart && s + count <= totalSectors else { throw FsError.io }
        var out = try dev.read(base + s, count: count)
        for i in 0..<count where cache[s + i] != nil {
            out.replaceSubrange(i * sectorSize..<(i + 1) * sectorSize, with: cache[s + i]!)
        }
        return out
    }

    func writeData(_ s: Int, _ d: [UInt8]) throws {
        if readOnly { throw FsError.readOnly }
        let count = d.count / sectorSize
        guard s >= dataStart && s + count <= totalSectors else { throw FsError.io }
        for i in 0..<count where cache[s + i] != nil {
            cache[s + i] = nil
            dirtySectors.remove(s + i)
        }
        try dev.write(base + s, d)
    }

    /// Writes dirty metadata sectors (each FAT sector to every FAT copy) and FSInfo to the device.
    func flushMeta() throws {
        if fsInfoDirty, let fi = fsInfoSector, !readOnly {
            fsInfoDirty = false   // first: reading the sector may evict the cache and re-enter
            var s = try readSector(fi)
            if le32(s, 0) == 0x4161_5252 && le32(s, 484) == 0x6141_7272 {
                putLE32(&s, 488, freeClusters.map { UInt32($0) } ?? 0xFFFF_FFFF)
                putLE32(&s, 492, nextFree)
                try writeSector(fi, s)
            }
        }
        for s in dirtySectors.sorted() {
            guard let d = cache[s] else { continue }
            try dev.write(base + s, d)
            let fatStart = reservedSectors
            if s >= fatStart && s < fatStart + fatSectors {
                for copy in 1..<max(numFATs, 1) { try dev.write(base + s + copy * fatSectors, d) }
            }
        }
        dirtySectors.removeAll()
    }

    /// Flushes open files, metadata and the device: after this the image is consistent.
    public func sync() throws {
        for (k, w) in openFiles {
            if let f = w.file { try f.flush(syncDevice: false) } else { openFiles[k] = nil }
        }
        try flushMeta()
        try dev.sync()
    }

    func register(_ f: FatFile) { openFiles[ObjectIdentifier(f)] = WeakFile(file: f) }
    func unregister(_ f: FatFile) { openFiles[ObjectIdentifier(f)] = nil }

    // MARK: the FAT

    func isValidCluster(_ c: UInt32) -> Bool { c >= 2 && Int(c) <= clusterCount + 1 }

    var endOfChain: UInt32 {
        switch fatType {
        case .fat12: return 0xFFF
        case .fat16: return 0xFFFF
        case .fat32: return 0x0FFF_FFFF
        }
    }

    func isEnd(_ v: UInt32) -> Bool {
        switch fatType {
        case .fat12: return v >= 0xFF8
        case .fat16: return v >= 0xFFF8
        case .fat32: return v >= 0x0FFF_FFF8
        }
    }

    /// The byte offset of cluster c's entry within the FAT.
    private func fatOffset(_ c: UInt32) -> Int {
        switch fatType {
        case .fat12: return Int(c) + Int(c) / 2
        case .fat16: return Int(c) * 2
        case .fat32: return Int(c) * 4
        }
    }

    private func fatByte(_ off: Int) throws -> UInt8 {
        try readSector(reservedSectors + off / sectorSize)[off % sectorSize]
    }

    private func setFatByte(_ off: Int, _ v: UInt8) throws {
        let s = reservedSectors + off / sectorSize
        var d = try readSector(s)
        d[off % sectorSize] = v
        try writeSector(s, d)
    }

    func fatEntry(_ c: UInt32) throws -> UInt32 {
        guard isValidCluster(c) else { throw FsError.io }
        let off = fatOffset(c)
        switch fatType {
        case .fat12:
            let v = UInt32(try fatByte(off)) | UInt32(try fatByte(off + 1)) << 8
            return c & 1 != 0 ? v >> 4 : v & 0xFFF
        case .fat16:
            return UInt32(try fatByte(off)) | UInt32(try fatByte(off + 1)) << 8
        case .fat32:
            let s = try readSector(reservedSectors + off / sectorSize)
            return le32(s, off % sectorSize) & 0x0FFF_FFFF
        }
    }

    func setFatEntry(_ c: UInt32, _ v: UInt32) throws {
        guard isValidCluster(c) else { throw FsError.io }
        let off = fatOffset(c)
        switch fatType {
        case .fat12:
            if c & 1 != 0 {
                try setFatByte(off, (try fatByte(off) & 0x0F) | UInt8((v << 4) & 0xF0))
                try setFatByte(off + 1, UInt8((v >> 4) & 0xFF))
            } else {
                try setFatByte(off, UInt8(v & 0xFF))
                try setFatByte(off + 1, (try fatByte(off + 1) & 0xF0) | UInt8((v >> 8) & 0x0F))
            }
        case .fat16:
            try setFatByte(off, UInt8(v & 0xFF))
            try setFatByte(off + 1, UInt8((v >> 8) & 0xFF))
        case .fat32:
            let s = reservedSectors + off / sectorSize
            var d = try readSector(s)
            let keep = le32(d, off % sectorSize) & 0xF000_0000
            putLE32(&d, off % sectorSize, keep | (v & 0x0FFF_FFFF))
            try writeSector(s, d)
        }
    }

    /// The cluster after c, nil at the end of the chain; EIO for a free, bad or out-of-range link.
    func next(_ c: UInt32) throws -> UInt32? {
        let v = try fatEntry(c)
        if isEnd(v) { return nil }
        guard isValidCluster(v) else { throw FsError.io }
        return v
    }

    /// Every cluster of the chain from `first` (loops and overlong chains are EIO).
    func chain(_ first: UInt32) throws -> [UInt32] {
        if first == 0 { return [] }
        guard isValidCluster(first) else { throw FsError.io }
        var out = [first]
        var c = first
        while let n = try next(c) {
            out.append(n)
            if out.count > clusterCount { throw FsError.io }
            c = n
        }
        return out
    }

    func firstSector(ofCluster c: UInt32) -> Int { dataStart + (Int(c) - 2) * sectorsPerCluster }

    /// Free clusters (counted from the FAT once, then kept up to date).
    public func freeCount() throws -> Int {
        if let f = freeClusters { return f }
        var n = 0
        for c in 2..<(clusterCount + 2) where try fatEntry(UInt32(c)) == 0 { n += 1 }
        freeClusters = n
        return n
    }

    /// Allocates a free cluster, marks it end-of-chain and links it after `prev` (if any).
    func allocate(after prev: UInt32?) throws -> UInt32 {
        if readOnly { throw FsError.readOnly }
        if freeClusters == 0 { throw FsError.noSpace }
        var c = isValidCluster(nextFree) ? nextFree : 2
        for _ in 0..<clusterCount {
            if try fatEntry(c) == 0 {
                try setFatEntry(c, endOfChain)
                if let p = prev { try setFatEntry(p, c) }
                if let f = freeClusters { freeClusters = f - 1 }
                nextFree = Int(c) + 1 <= clusterCount + 1 ? c + 1 : 2
                fsInfoDirty = true
                return c
            }
            c = Int(c) + 1 <= clusterCount + 1 ? c + 1 : 2
        }
        freeClusters = 0
        throw FsError.noSpace
    }

    /// Frees the chain from `first` on.
    func freeChain(_ first: UInt32) throws {
        if first == 0 { return }
        var c: UInt32? = first
        var n = 0
        while let cur = c {
            let v = try fatEntry(cur)
            if v == 0 { break }   // already free: a cross-linked remainder, stop here
            try setFatEntry(cur, 0)
            if let f = freeClusters { freeClusters = f + 1 }
            n += 1
            if n > clusterCount { throw FsError.io }
            c = isEnd(v) || !isValidCluster(v) ? nil : v
        }
        fsInfoDirty = true
    }

    /// A newly allocated cluster filled with zeros (directories).
    func zeroCluster(_ c: UInt32) throws {
        let s = firstSector(ofCluster: c)
        let zero = [UInt8](repeating: 0, count: sectorSize)
        for i in 0..<sectorsPerCluster { try writeSector(s + i, zero) }
    }

    /// statvfs as MicroPython's VfsFat returns it.
    public func statvfs() throws -> [Int] {
        let free = try freeCount()
        return [clusterBytes, clusterBytes, clusterCount, free, free, 0, 0, 0, 0, 255]
    }

    /// The volume label from the root directory (FatFs f_getlabel), "" when none.
    public func label() throws -> String {
        var result = ""
        try forEachSlot(FatVolume.root) { _, e in
            if e[0] == 0 { return false }
            if e[0] != 0xE5 && e[11] & 0x3F == 0x08 {
                result = String(decoding: e[0..<11], as: UTF8.self)
                while result.hasSuffix(" ") { result.removeLast() }
                return false
            }
            return true
        }
        return result
    }
}

struct WeakFile { weak var file: FatFile? }
