import Glibc

// mkfs: the FAT layout FatFs's f_mkfs (R0.13, as MicroPython ships it) chooses, so an image made
// here looks like one made on the board: one FAT, 512 root entries on FAT12/16, 32 reserved sectors
// and FSInfo/backup boot sector on FAT32, the same cluster-size tables, "MSDOS5.0" OEM name,
// media 0xF8, label "NO NAME" in the boot sector. `VfsFat.mkfs` asks for FAT12/16 without a
// partition table and falls back to FAT32 when the volume is too big; the pyboard's flash is
// formatted inside its (virtual) partition, so the boot sector records 256 hidden sectors.

public enum FatFormat {
    public struct Options {
        public var allowFAT16 = true        // FM_FAT
        public var allowFAT32 = false       // FM_FAT32
        public var hiddenSectors = 0        // BPB_HiddSec: where the volume starts on the disk
        public var volumeID: UInt32? = nil  // default: the FAT timestamp, as FatFs
        public var clock: () -> (Int, Int, Int, Int, Int, Int) = { Storage.now() }
        public init() {}
    }

    /// Formats all of `dev` as one FAT volume (no partition table). EIO-like FsError when the
    /// size fits no FAT type (FatFs's FR_MKFS_ABORTED).
    public static func mkfs(_ dev: BlockDevice, _ opt: Options = Options()) throws {
        let ss = dev.blockSize
        let szVol = dev.blockCount
        if dev.isReadOnly { throw FsError.readOnly }
        guard ss >= 512 && ss <= 4096 else { throw FsError.invalid }
        guard szVol >= 128 else { throw FsError.io }
        let nFats = 1, nRootDir = 512
        let cst = [1, 4, 16, 64, 256, 512], cst32 = [1, 2, 4, 8, 16, 32]
        var fat32 = opt.allowFAT32 && !opt.allowFAT16
        guard opt.allowFAT16 || opt.allowFAT32 else { throw FsError.invalid }
        var au = 0
        var pau = 0, nClst = 0, szFat = 0, szRsv = 0, szDir = 0
        var fat12 = false
        while true {
            pau = au
            fat12 = false
            if fat32 {
                if pau == 0 {
                    let n = szVol / 0x20000
                    pau = 1
                    for c in cst32 where c <= n { pau <<= 1 }
                }
                nClst = szVol / pau
                szFat = (nClst * 4 + 8 + ss - 1) / ss
                szRsv = 32
                szDir = 0
                if nClst <= maxFat16 || nClst > maxFat32 { throw FsError.io }
            } else {
                if pau == 0 {
                    let n = szVol / 0x1000
                    pau = 1
                    for c in cst where c <= n { pau <<= 1 }
                }
                nClst = szVol / pau
                let n: Int
                if nClst > maxFat12 { n = nClst * 2 + 4 } else { fat12 = true; n = (nClst * 3 + 1) / 2 + 3 }
                szFat = (n + ss - 1) / ss
                szRsv = 1
                szDir = nRootDir * 32 / ss
            }
            // erase-block alignment: the block size is 1 sector for every device here
            if szVol < szRsv + szFat * nFats + szDir + pau * 16 { throw FsError.io }
            nClst = (szVol - szRsv - szFat * nFats - szDir) / pau
            if fat32 && nClst <= maxFat16 {
                if au == 0 { au = pau / 2; if au != 0 { continue } }
                throw FsError.io
            }
            if !fat32 && !fat12 {
                if nClst > maxFat16 {
                    if au == 0 && pau * 2 <= 64 { au = pau * 2; continue }
                    if opt.allowFAT32 { fat32 = true; continue }
                    if au == 0 { au = pau * 2; if au <= 128 { continue } }
                    throw FsError.io
                }
                if nClst <= maxFat12 {
                    if au == 0 { au = pau * 2; if au <= 128 { continue } }
                    throw FsError.io
                }
            }
            if fat12 && nClst > maxFat12 { throw FsError.io }
            break
        }

        let (y, mo, d, h, mi, s) = opt.clock()
        let fatTime = UInt32(max(0, y - 1980)) << 25 | UInt32(mo) << 21 | UInt32(d) << 16
            | UInt32(h) << 11 | UInt32(mi) << 5 | UInt32(s / 2)
        var vbr = [UInt8](repeating: 0, count: ss)
        vbr.replaceSubrange(0..<11, with: [0xEB, 0xFE, 0x90] + Array("MSDOS5.0".utf8))
        putLE16(&vbr, 11, ss)
        vbr[13] = UInt8(pau)
        putLE16(&vbr, 14, szRsv)
        vbr[16] = UInt8(nFats)
        putLE16(&vbr, 17, fat32 ? 0 : nRootDir)
        if szVol < 0x10000 { putLE16(&vbr, 19, szVol) } else { putLE32(&vbr, 32, UInt32(szVol)) }
        vbr[21] = 0xF8
        putLE16(&vbr, 24, 63)
        putLE16(&vbr, 26, 255)
        putLE32(&vbr, 28, UInt32(opt.hiddenSectors))
        let vsn = opt.volumeID ?? fatTime
        if fat32 {
            putLE32(&vbr, 67, vsn)
            putLE32(&vbr, 36, UInt32(szFat))
            putLE32(&vbr, 44, 2)
            putLE16(&vbr, 48, 1)
            putLE16(&vbr, 50, 6)
            vbr[64] = 0x80
            vbr[66] = 0x29
            vbr.replaceSubrange(71..<90, with: Array("NO NAME    FAT32   ".utf8))
        } else {
            putLE32(&vbr, 39, vsn)
            putLE16(&vbr, 22, szFat)
            vbr[36] = 0x80
            vbr[38] = 0x29
            vbr.replaceSubrange(43..<62, with: Array("NO NAME    FAT     ".utf8))
        }
        vbr[510] = 0x55; vbr[511] = 0xAA
        let zero = [UInt8](repeating: 0, count: ss)
        // the reserved area is cleared too, so no stale FSInfo or backup survives a reformat
        for i in 0..<szRsv { try dev.write(i, i == 0 ? vbr : zero) }
        if fat32 {
            try dev.write(6, vbr)
            var fsi = zero
            putLE32(&fsi, 0, 0x4161_5252)
            putLE32(&fsi, 484, 0x6141_7272)
            putLE32(&fsi, 488, UInt32(nClst - 1))
            putLE32(&fsi, 492, 2)
            fsi[510] = 0x55; fsi[511] = 0xAA
            try dev.write(7, fsi)
            try dev.write(1, fsi)
        }
        var sect = szRsv
        for _ in 0..<nFats {
            var first = zero
            if fat32 {
                putLE32(&first, 0, 0xFFFF_FFF8); putLE32(&first, 4, 0xFFFF_FFFF); putLE32(&first, 8, 0x0FFF_FFFF)
            } else {
                putLE32(&first, 0, fat12 ? 0x00FF_FFF8 : 0xFFFF_FFF8)
            }
            try writeRun(dev, sect, first, zero, count: szFat)
            sect += szFat
        }
        try writeRun(dev, sect, zero, zero, count: fat32 ? pau : szDir)
        try dev.sync()
    }

    /// `first` then `count - 1` copies of `rest`, in runs of up to 64 sectors.
    private static func writeRun(_ dev: BlockDevice, _ start: Int, _ first: [UInt8], _ rest: [UInt8], count: Int) throws {
        var i = 0
        while i < count {
            let n = min(64, count - i)
            var chunk: [UInt8] = []
            chunk.reserveCapacity(n * rest.count)
            for k in 0..<n { chunk += (i + k == 0) ? first : rest }
            try dev.write(start + i, chunk)
            i += n
        }
    }

    /// Sets the volume label as FatFs's f_setlabel: an entry with the volume attribute in the
    /// root directory (upper case, 11 characters), replacing any existing one; also in the boot sector.
    public static func setLabel(_ vol: FatVolume, _ label: String) throws {
        try vol.requireWritable()
        var bytes = [UInt8](repeating: 0x20, count: 11)
        var i = 0
        for u in label.uppercased().utf8 {
            guard i < 11 else { throw FsError.invalid }
            guard u >= 0x20 && u < 0x7F && !Array("\"*+,.:;<=>?[]|".utf8).contains(u) else { throw FsError.invalid }
            bytes[i] = u
            i += 1
        }
        var existing: Int? = nil
        var freeSlot: Int? = nil
        try vol.forEachSlot(FatVolume.root) { idx, e in
            if e[0] == 0 { if freeSlot == nil { freeSlot = idx }; return false }
            if e[0] == 0xE5 { if freeSlot == nil { freeSlot = idx }; return true }
            if e[11] & 0x3F != Attr.longName && e[11] & Attr.volumeID != 0 && e[11] & Attr.directory == 0 {
                existing = idx
                return false
            }
            return true
        }
        let sectors = try vol.dirSectors(FatVolume.root)
        guard let slot = existing ?? freeSlot else { throw FsError.denied }
        var e = [UInt8](repeating: 0, count: 32)
        e.replaceSubrange(0..<11, with: bytes)
        e[11] = Attr.volumeID
        let (t, d) = vol.fatTimestamp()
        putLE16(&e, 22, Int(t)); putLE16(&e, 24, Int(d))
        try vol.writeSlot(sectors, slot, e)
        // FatFs leaves the boot sector's copy as "NO NAME"; dosfstools reports the mismatch, so
        // both copies get the label (as mkfs.fat -n and mlabel write them)
        var vbr = try vol.readSector(0)
        let at = vol.fatType == .fat32 ? 71 : 43
        if vbr[at - 5] == 0x29 {
            vbr.replaceSubrange(at..<(at + 11), with: bytes)
            try vol.writeSector(0, vbr)
        }
        try vol.flushMeta()
    }
}
