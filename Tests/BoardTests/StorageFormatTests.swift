@testable import BoardStorage
import Glibc
import Testing
@testable import Board

// mkfs: the layouts FatFs's f_mkfs picks, and what a mount reads back from them.

@Suite struct StorageFormatTests {
    @Test func pyboardFlashIsFat12With190Clusters() throws {
        let (dev, vol) = try freshVolume(blocks: 224)
        #expect(vol.fatType == .fat12)
        #expect(vol.sectorsPerCluster == 1)
        #expect(vol.clusterCount == 224 - 1 - 1 - 32)   // reserved, one FAT, 512 root entries
        #expect(try vol.statvfs() == [512, 512, 190, 190, 190, 0, 0, 0, 0, 255])
        let b = dev.bytes
        #expect(Array(b[3..<11]) == Array("MSDOS5.0".utf8))
        #expect(b[21] == 0xF8 && b[510] == 0x55 && b[511] == 0xAA)
        #expect(Array(b[512..<515]) == [0xF8, 0xFF, 0xFF])   // FAT12 entries 0 and 1
        try checkConsistency(vol)
    }

    @Test func sdSizesPickFat16AndFat32() throws {
        // 32 MiB: FAT16 (FatFs: 4 KiB clusters for 32-64 MiB)
        let (_, v16) = try freshVolume(blocks: 65536)
        #expect(v16.fatType == .fat16)
        #expect(v16.clusterCount > maxFat12 && v16.clusterCount <= maxFat16)
        try checkConsistency(v16)
        // FAT32 when asked for it (VfsFat.mkfs's fallback)
        let (dev32, v32) = try freshVolume(blocks: 69632, fat32: true)
        #expect(v32.fatType == .fat32)
        #expect(v32.clusterCount > maxFat16)
        let b = dev32.bytes
        #expect(Array(b[82..<87]) == Array("FAT32".utf8))
        #expect(Array(b[6 * 512..<6 * 512 + 90]) == Array(b[0..<90]))    // backup boot sector
        #expect(le32(Array(b[512..<1024]), 0) == 0x4161_5252)            // FSInfo
        try checkConsistency(v32)
    }

    @Test func tooSmallDeviceIsRefused() throws {
        let dev = MemoryBlockDevice(blockCount: 100)
        #expect(throws: FsError.self) { try FatFormat.mkfs(dev) }
    }

    @Test func labelGoesToRootDirectoryAndBootSector() throws {
        let (dev, vol) = try freshVolume()
        try FatFormat.setLabel(vol, "pybflash")
        #expect(try vol.label() == "PYBFLASH")
        #expect(Array(dev.bytes[43..<54]) == Array("PYBFLASH   ".utf8))
        #expect(try vol.listdir("/").isEmpty)   // the label is not a file
        #expect(throws: FsError.self) { try FatFormat.setLabel(vol, "much too long label") }
    }

    @Test func factoryResetWritesTheFourFiles() throws {
        let path = "/tmp/microboard-storage-test-\(getpid()).img"
        defer { unlink(path) }
        try Storage.factoryReset(flash: path)
        let dev = try FileBlockDevice(path: path)
        #expect(dev.blockCount == 224)
        let vol = try FatVolume(dev: dev)
        #expect(try vol.label() == "PYBFLASH")
        #expect(try vol.listdir("/").map(\.name) == ["boot.py", "main.py", "pybcdc.inf", "README.txt"])
        #expect(try readFile(vol, "/main.py") == Array(FactoryFiles.mainPy.utf8))
        #expect(try readFile(vol, "/boot.py") == Array(FactoryFiles.bootPy.utf8))
        #expect(FactoryFiles.pybcdcInf.contains("USB\\VID_f055&PID_9800&MI_00"))
        try checkConsistency(vol)
    }
}
