@testable import BoardStorage
import Glibc
@testable import Board

// Helpers for the storage tests: fresh volumes on RAM disks, whole-file I/O, and a consistency
// check of a volume (every chain matches its size, no cluster used twice, the free count agrees
// with the FAT) standing in for fsck inside the unit tests.

func freshVolume(blocks: Int = 224, fat32: Bool = false) throws -> (MemoryBlockDevice, FatVolume) {
    let dev = MemoryBlockDevice(blockCount: blocks)
    var opt = FatFormat.Options()
    opt.clock = { (2024, 5, 17, 12, 30, 10) }
    if fat32 { opt.allowFAT16 = false; opt.allowFAT32 = true }
    try FatFormat.mkfs(dev, opt)
    let vol = try FatVolume(dev: dev)
    vol.clock = { (2024, 5, 17, 12, 30, 10) }
    return (dev, vol)
}

func writeFile(_ vol: FatVolume, _ path: String, _ data: [UInt8]) throws {
    let f = try FatFile.open(vol, path, [.write, .createAlways])
    let n = try f.write(data)
    try f.close()
    if n != data.count { throw FsError(ENOSPC) }
}

func readFile(_ vol: FatVolume, _ path: String) throws -> [UInt8] {
    let f = try FatFile.open(vol, path, [.read])
    defer { try? f.close() }
    return try f.read(f.size)
}

/// Deterministic pseudo-random bytes.
func pattern(_ n: Int, seed: UInt32) -> [UInt8] {
    var x = seed &* 2_654_435_761 | 1
    return (0..<n).map { _ in
        x ^= x << 13; x ^= x >> 17; x ^= x << 5
        return UInt8(truncatingIfNeeded: x)
    }
}

struct ConsistencyError: Error, CustomStringConvertible { let description: String }

/// Walks the whole tree; returns the number of files and directories found.
@discardableResult
func checkConsistency(_ vol: FatVolume) throws -> Int {
    var used = Set<UInt32>()
    var count = 0
    func claim(_ first: UInt32, bytes: Int?, what: String) throws {
        let chain = try vol.chain(first)
        for c in chain {
            if !used.insert(c).inserted { throw ConsistencyError(description: "cluster \(c) cross-linked (\(what))") }
        }
        if let b = bytes {
            let need = (b + vol.clusterBytes - 1) / vol.clusterBytes
            if chain.count != need { throw ConsistencyError(description: "\(what): \(chain.count) clusters for \(b) bytes") }
        }
    }
    if vol.fatType == .fat32 { try claim(vol.rootCluster, bytes: nil, what: "root") }
    func walk(_ dir: UInt32, _ path: String) throws {
        for e in try vol.entries(dir) {
            count += 1
            let p = path + "/" + e.name
            if e.isDir {
                try claim(e.cluster, bytes: nil, what: p)
                try walk(e.cluster, p)
            } else if e.cluster != 0 || e.size != 0 {
                try claim(e.cluster, bytes: Int(e.size), what: p)
            }
        }
    }
    try walk(FatVolume.root, "")
    var free = 0
    for c in 2..<(vol.clusterCount + 2) {
        let v = try vol.fatEntry(UInt32(c))
        if v == 0 { free += 1 } else if !used.contains(UInt32(c)) {
            throw ConsistencyError(description: "cluster \(c) allocated but unused")
        }
    }
    if free != (try vol.freeCount()) { throw ConsistencyError(description: "free count \(try vol.freeCount()) != \(free)") }
    return count
}
