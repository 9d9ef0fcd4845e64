@testable import BoardStorage
import Glibc
import Testing
@testable import Board

// Corrupted images: every operation ends in FsError (or succeeds), never a trap or a hang.

@Suite struct StorageCorruptionTests {
    /// A small populated FAT12 volume's bytes.
    func populated() throws -> [UInt8] {
        let (dev, vol) = try freshVolume(blocks: 400)
        try vol.mkdir("/dir")
        try vol.mkdir("/dir/sub")
        for i in 0..<20 { try writeFile(vol, "/dir/long name \(i).txt", pattern(700 * i, seed: UInt32(i))) }
        try writeFile(vol, "/dir/sub/x.bin", pattern(5000, seed: 99))
        try vol.sync()
        return dev.bytes
    }

    /// Mounts and exercises everything; returns how many operations failed with FsError.
    @discardableResult
    func exercise(_ bytes: [UInt8]) -> Int {
        var failures = 0
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch is FsError { failures += 1 } catch { Issue.record("unexpected \(error)") }
        }
        let dev = MemoryBlockDevice(bytes: bytes)
        guard let vol = try? FatVolume(dev: dev) else { return 1 }
        func walk(_ path: String, depth: Int) {
            if depth > 8 { return }
            attempt {
                for e in try vol.listdir(path) {
                    let p = path == "/" ? "/" + e.name : path + "/" + e.name
                    if e.isDir { walk(p, depth: depth + 1) } else { attempt { _ = try readFile(vol, p) } }
                }
            }
        }
        walk("/", depth: 0)
        attempt { _ = try vol.statvfs() }
        attempt { try writeFile(vol, "/new file.txt", pattern(3000, seed: 7)) }
        attempt { try vol.mkdir("/dir/newdir") }
        attempt { try vol.rename("/dir/long name 3.txt", "/renamed.txt") }
        attempt { try vol.remove("/dir/long name 5.txt") }
        attempt { try vol.rmdir("/dir/sub") }
        attempt { try vol.sync() }
        return failures
    }

    @Test func garbageBootSectorIsNoFilesystem() throws {
        var b = try populated()
        for i in 11..<62 { b[i] = 0xFF }
        #expect(throws: FsError(ENODEV)) { try FatVolume(dev: MemoryBlockDevice(bytes: b)) }
        let blank = MemoryBlockDevice(blockCount: 300)
        #expect(throws: FsError(ENODEV)) { try FatVolume(dev: blank) }
    }

    @Test func boundsInTheBootSectorAreChecked() throws {
        let good = try populated()
        for (offset, value) in [(13, 0), (13, 3), (14, 0), (16, 0), (16, 9), (17, 1), (19, 0), (22, 0), (11, 0)] {
            var b = good
            b[offset] = UInt8(value)
            if offset == 19 { b[20] = 0 }
            if offset == 22 { b[23] = 0 }
            if offset == 11 { b[12] = 0 }
            #expect(throws: FsError.self) { try FatVolume(dev: MemoryBlockDevice(bytes: b)) }
        }
        var huge = good                        // more sectors than the device holds
        huge[19] = 0xFF; huge[20] = 0xFF
        exercise(huge)
    }

    @Test func chainLoopIsAnErrorNotAHang() throws {
        var b = try populated()
        let vol = try FatVolume(dev: MemoryBlockDevice(bytes: b))
        let e = try vol.find(try vol.directory(["dir"]), "long name 19.txt")!
        // point the file's first cluster at itself (FAT12 entry of cluster c)
        let c = Int(e.cluster), off = 512 + c + c / 2
        if c & 1 == 0 {
            b[off] = UInt8(c & 0xFF); b[off + 1] = (b[off + 1] & 0xF0) | UInt8((c >> 8) & 0x0F)
        } else {
            b[off] = (b[off] & 0x0F) | UInt8((c << 4) & 0xF0); b[off + 1] = UInt8((c >> 4) & 0xFF)
        }
        let v2 = try FatVolume(dev: MemoryBlockDevice(bytes: b))
        #expect(throws: FsError(EIO)) { try v2.chain(e.cluster) }
        // the loop makes reading past the first cluster wrap rather than run away
        _ = try? readFile(v2, "/dir/long name 19.txt")
        exercise(b)
    }

    @Test func directoryPointingOutsideTheVolume() throws {
        var b = try populated()
        let root = try FatVolume(dev: MemoryBlockDevice(bytes: b)).rootDirStart
        // the root's "dir" entry: first cluster 0xFFF0
        var hit = false
        for slot in 0..<16 {
            let at = root * 512 + slot * 32
            if Array(b[at..<(at + 3)]) == Array("DIR".utf8) { b[at + 26] = 0xF0; b[at + 27] = 0xFF; hit = true }
        }
        #expect(hit)
        let vol = try FatVolume(dev: MemoryBlockDevice(bytes: b))
        #expect(throws: FsError.self) { try vol.listdir("/dir") }
        exercise(b)
    }

    @Test func randomCorruptionNeverTraps() throws {
        let good = try populated()
        var seed: UInt32 = 12345
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5
            return Int(seed)
        }
        var failures = 0
        for round in 0..<150 {
            var b = good
            // hit the metadata area (boot sector, FAT, root directory, first directory clusters)
            let span = round % 3 == 0 ? b.count : 60 * 512
            for _ in 0..<(1 + next() % 24) { b[next() % span] = UInt8(truncatingIfNeeded: next()) }
            failures += exercise(b)
        }
        #expect(failures > 0)   // the corruption was noticed somewhere
    }
}
