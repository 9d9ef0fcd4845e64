// littlefs v2 on-disk basics, from littlefs's SPEC.md (disk versions 2.0 and 2.1): the 32-bit
// metadata tag, tag types, the CRC-32 of commits, CTZ skip-list arithmetic, the superblock
// fields and the byte-order helpers. Everything is little-endian except tags, which are stored
// big-endian and XOR-chained with the previous tag.

enum LfsType {
    // type1 0, the name tags: the chunk is the file type
    static let reg = 0x001, dir = 0x002, superblock = 0x0ff
    // type1 4, splices moving the ids that follow
    static let create = 0x401, delete = 0x4ff
    // type1 2, what an id's data is
    static let dirStruct = 0x200, inlineStruct = 0x201, ctzStruct = 0x202
    // type1 3, user attributes: the chunk is the attribute type
    static let userAttr = 0x300
    // type1 6, the next pair of the directory (hard) or of the filesystem (soft)
    static let softTail = 0x600, hardTail = 0x601
    // type1 7, this pair's share of the global state
    static let moveState = 0x7ff
    // type1 5, end of commit (chunk bit 0: expected valid bit of the next commit) and the
    // forward CRC of the erased bytes after it (2.1)
    static let crc = 0x500, fcrc = 0x5ff
}

enum Lfs {
    static let null: UInt32 = 0xFFFF_FFFF
    static let version20: UInt32 = 0x0002_0000
    static let version21: UInt32 = 0x0002_0001
    static let nameMax = 255
    static let fileMax = 2_147_483_647
    static let attrMax = 1022
    /// The user attribute MicroPython keeps a file's modification time in: 't', 64-bit
    /// nanoseconds since 1970, little-endian.
    static let mtimeAttr = 0x74
    static let magic: [UInt8] = Array("littlefs".utf8)

    // littlefs's error codes, as the errno MicroPython raises (OSError(-err))
    static let io = FsError(5), corrupt = FsError(84), noEntry = FsError(2), exists = FsError(17)
    static let notDir = FsError(20), isDir = FsError(21), notEmpty = FsError(39), badFile = FsError(9)
    static let tooBig = FsError(27), invalid = FsError(22), noSpace = FsError(28), nameTooLong = FsError(36)
    static let readOnly = FsError(30)
}

/// A metadata tag: [valid:1][type3:11 = type1:3 + chunk:8][id:10][length:10].
struct LfsTag: Equatable {
    var raw: UInt32

    init(raw: UInt32) { self.raw = raw }
    init(_ type3: Int, _ id: Int, _ size: Int) {
        raw = UInt32(type3 & 0x7FF) << 20 | UInt32(id & 0x3FF) << 10 | UInt32(size & 0x3FF)
    }

    /// After the XOR with the previous tag, the valid bit of a written tag is 0.
    var isValid: Bool { raw & 0x8000_0000 == 0 }
    var type1: Int { Int(raw >> 28) & 7 }
    var type3: Int { Int(raw >> 20) & 0x7FF }
    var chunk: Int { Int(raw >> 20) & 0xFF }
    var id: Int { Int(raw >> 10) & 0x3FF }
    var size: Int { Int(raw) & 0x3FF }
    /// Length 0x3ff marks a deleted tag (no data follows).
    var isDeleted: Bool { size == 0x3FF }
    var dataSize: Int { isDeleted ? 0 : size }
    /// The commit-ending CRC tag (type1 5 with the chunk's top bit clear).
    var isCommitCRC: Bool { type1 == 5 && chunk & 0x80 == 0 }
}

/// CRC-32, polynomial 0x04c11db7 (reflected), as littlefs runs it: seeded with the running value,
/// no final inversion (zlib's crc32 of the same bytes is the complement of a 0xffffffff seed).
enum LfsCRC {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func update(_ crc: UInt32, _ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
        var c = crc
        table.withUnsafeBufferPointer { t in
            for i in range { c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8) }
        }
        return c
    }

    static func update(_ crc: UInt32, _ bytes: [UInt8]) -> UInt32 { update(crc, bytes, 0..<bytes.count) }
}

/// CTZ skip-lists: block i of a file (i > 0) starts with ctz(i)+1 pointers, to blocks i-1, i-2,
/// i-4, ... i-2^ctz(i); block 0 holds data only. The head is the last block.
enum LfsCTZ {
    static func pointerCount(_ index: Int) -> Int { index == 0 ? 0 : index.trailingZeroBitCount + 1 }

    /// Data bytes block `index` holds.
    static func capacity(_ index: Int, blockSize: Int) -> Int { blockSize - 4 * pointerCount(index) }

    /// Data bytes held by blocks 0..<n: sum of ctz(i)+1 over 1...m is 2m - popcount(m).
    static func start(ofBlock n: Int, blockSize: Int) -> Int {
        if n == 0 { return 0 }
        let m = n - 1
        return blockSize * n - 4 * (2 * m - m.nonzeroBitCount)
    }

    /// The block holding data byte `pos` and the byte's offset inside that block (after its pointers).
    static func locate(_ pos: Int, blockSize: Int) -> (index: Int, offset: Int) {
        var i = pos / (blockSize - 8)   // an average block holds blockSize - 8 bytes: start(i) >= i * (blockSize - 8)
        while i > 0 && start(ofBlock: i, blockSize: blockSize) > pos { i -= 1 }
        while start(ofBlock: i + 1, blockSize: blockSize) <= pos { i += 1 }
        return (i, pos - start(ofBlock: i, blockSize: blockSize) + 4 * pointerCount(i))
    }

    /// Blocks a file of `size` bytes occupies.
    static func blockCount(_ size: Int, blockSize: Int) -> Int {
        size == 0 ? 0 : locate(size - 1, blockSize: blockSize).index + 1
    }
}

/// The superblock entry's inline struct: version, block size and count, name/file/attr limits.
struct LfsSuperblock {
    var version: UInt32
    var blockSize: UInt32
    var blockCount: UInt32
    var nameMax: UInt32
    var fileMax: UInt32
    var attrMax: UInt32

    init(version: UInt32, blockSize: Int, blockCount: Int) {
        self.version = version
        self.blockSize = UInt32(blockSize)
        self.blockCount = UInt32(blockCount)
        nameMax = UInt32(Lfs.nameMax)
        fileMax = UInt32(Lfs.fileMax)
        attrMax = UInt32(Lfs.attrMax)
    }

    /// From the struct's bytes: littlefs reads what is there and leaves the rest zero.
    init(_ b: [UInt8]) {
        var d = b
        if d.count < 24 { d += [UInt8](repeating: 0, count: 24 - d.count) }
        version = le32(d, 0); blockSize = le32(d, 4); blockCount = le32(d, 8)
        nameMax = le32(d, 12); fileMax = le32(d, 16); attrMax = le32(d, 20)
    }

    var bytes: [UInt8] {
        var b: [UInt8] = []
        for v in [version, blockSize, blockCount, nameMax, fileMax, attrMax] { appendLE32(&b, v) }
        return b
    }
}

@inline(__always) func appendLE32(_ b: inout [UInt8], _ v: UInt32) {
    b.append(UInt8(v & 0xFF)); b.append(UInt8((v >> 8) & 0xFF)); b.append(UInt8((v >> 16) & 0xFF)); b.append(UInt8(v >> 24))
}
@inline(__always) func appendBE32(_ b: inout [UInt8], _ v: UInt32) {
    b.append(UInt8(v >> 24)); b.append(UInt8((v >> 16) & 0xFF)); b.append(UInt8((v >> 8) & 0xFF)); b.append(UInt8(v & 0xFF))
}
@inline(__always) func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
}
@inline(__always) func alignUp(_ v: Int, _ a: Int) -> Int { (v + a - 1) / a * a }
