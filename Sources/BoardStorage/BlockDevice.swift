import Glibc

// Block devices under the FAT engine: a host image file (the board's flash and SD card), RAM
// (unit tests), a virtual-MBR view (the legacy pyb.Flash() layout) and, in VfsFat.swift, a
// Python object speaking MicroPython's block-device protocol.

/// A filesystem or block-device error, carrying the errno MicroPython would raise.
public struct FsError: Error, Equatable, CustomStringConvertible {
    public let code: Int32
    public init(_ code: Int32) { self.code = code }
    public var description: String { "FsError(errno \(code))" }
    static let io = FsError(EIO), noEntry = FsError(ENOENT), exists = FsError(EEXIST)
    static let denied = FsError(EACCES), invalid = FsError(EINVAL), noSpace = FsError(ENOSPC)
    static let readOnly = FsError(EROFS), noDevice = FsError(ENODEV)
}

public protocol BlockDevice: AnyObject {
    var blockSize: Int { get }
    var blockCount: Int { get }
    var isReadOnly: Bool { get }
    /// `count` blocks from `block` on.
    func read(_ block: Int, count: Int) throws -> [UInt8]
    /// Whole blocks from `block` on (`data.count` is a multiple of the block size).
    func write(_ block: Int, _ data: [UInt8]) throws
    /// Makes every write durable (reach the host file).
    func sync() throws
}

/// A host image file with a write-back cache of dirty blocks, written out on `sync()` (file
/// close/flush, os.sync(), unmount, soft reset) as the pyboard's flash cache is.
public final class FileBlockDevice: BlockDevice {
    public let path: String
    public let blockSize: Int
    public let blockCount: Int
    public let isReadOnly: Bool
    private let fd: Int32
    private var dirty: [Int: [UInt8]] = [:]
    /// Called when the cache turns dirty (true) or clean (false): the pyboard's red LED.
    public var onDirtyChange: ((Bool) -> Void)?
    /// Above this many dirty blocks the cache is written out without waiting for a sync.
    public var dirtyLimit = 32768
    public var isDirty: Bool { !dirty.isEmpty }

    /// Opens `path`; with `createSize`, a missing file is created with that many zero bytes.
    public init(path: String, blockSize: Int = 512, createSize: Int? = nil) throws {
        guard blockSize >= 512 && blockSize <= 4096 && blockSize & (blockSize - 1) == 0 else { throw FsError.invalid }
        self.path = path
        self.blockSize = blockSize
        var flags = O_RDWR | O_CLOEXEC
        if createSize != nil { flags |= O_CREAT }
        var fd = Glibc.open(path, flags, 0o644)
        var ro = false
        if fd < 0 && (errno == EACCES || errno == EROFS) {
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            ro = true
        }
        if fd < 0 { throw FsError(errno) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { Glibc.close(fd); throw FsError.invalid }
        var size = Int(st.st_size)
        if size == 0, let n = createSize {
            if ro || ftruncate(fd, off_t(n)) != 0 { let e = errno; Glibc.close(fd); throw FsError(ro ? EROFS : e) }
            size = n
        }
        self.fd = fd
        self.isReadOnly = ro
        self.blockCount = size / blockSize
    }

    deinit {
        try? sync()
        Glibc.close(fd)
    }

    public func read(_ block: Int, count: Int) throws -> [UInt8] {
        guard block >= 0, count >= 0, block + count <= blockCount else { throw FsError.io }
        var out = [UInt8](repeating: 0, count: count * blockSize)
        let want = out.count
        var done = 0
        while done < want {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, want - done, off_t(block * blockSize + done)) }
            if n < 0 { if errno == EINTR { continue }; throw FsError.io }
            if n == 0 { break }
            done += n
        }
        if !dirty.isEmpty {
            for i in 0..<count {
                if let d = dirty[block + i] { out.replaceSubrange(i * blockSize..<(i + 1) * blockSize, with: d) }
            }
        }
        return out
    }

    public func write(_ block: Int, _ data: [UInt8]) throws {
        if isReadOnly { throw FsError.readOnly }
        let count = data.count / blockSize
        guard block >= 0, data.count % blockSize == 0, block + count <= blockCount else { throw FsError.io }
        let wasClean = dirty.isEmpty
        for i in 0..<count { dirty[block + i] = Array(data[i * blockSize..<(i + 1) * blockSize]) }
        if wasClean && count > 0 { onDirtyChange?(true) }
        if dirty.count > dirtyLimit { try sync() }
    }

    public func sync() throws {
        if dirty.isEmpty { return }
        let blocks = dirty.keys.sorted()
        var i = 0
        while i < blocks.count {
            // coalesce runs of consecutive blocks into one pwrite
            var j = i
            while j + 1 < blocks.count && blocks[j + 1] == blocks[j] + 1 { j += 1 }
            var run: [UInt8] = []
            run.reserveCapacity((j - i + 1) * blockSize)
            for k in i...j { run += dirty[blocks[k]]! }
            var done = 0
            while done < run.count {
                let n = run.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, run.count - done, off_t(blocks[i] * blockSize + done)) }
                if n < 0 { if errno == EINTR { continue }; throw FsError.io }
                done += n
            }
            i = j + 1
        }
        dirty.removeAll(keepingCapacity: true)
        onDirtyChange?(false)
    }
}

/// A RAM disk (unit tests, scratch volumes).
public final class MemoryBlockDevice: BlockDevice {
    public let blockSize: Int
    public var bytes: [UInt8]
    public var isReadOnly = false
    public var blockCount: Int { bytes.count / blockSize }
    public init(blockSize: Int = 512, blockCount: Int) {
        self.blockSize = blockSize
        bytes = [UInt8](repeating: 0, count: blockSize * blockCount)
    }
    public init(blockSize: Int = 512, bytes: [UInt8]) {
        self.blockSize = blockSize
        self.bytes = bytes
    }
    public func read(_ block: Int, count: Int) throws -> [UInt8] {
        guard block >= 0, count >= 0, block + count <= blockCount else { throw FsError.io }
        return Array(bytes[block * blockSize..<(block + count) * blockSize])
    }
    public func write(_ block: Int, _ data: [UInt8]) throws {
        if isReadOnly { throw FsError.readOnly }
        guard block >= 0, data.count % blockSize == 0, block + data.count / blockSize <= blockCount else { throw FsError.io }
        bytes.replaceSubrange(block * blockSize..<block * blockSize + data.count, with: data)
    }
    public func sync() throws {}
}

/// The legacy `pyb.Flash()` view: a virtual MBR in block 0 whose one partition (type 0x01,
/// FAT12) starts at block `start` (0x100 on the pyboard) and maps onto the whole inner device.
/// Writes below the partition are ignored, as stm32's storage.c does.
public final class VirtualMBRDevice: BlockDevice {
    public let inner: BlockDevice
    public let start: Int
    public var blockSize: Int { inner.blockSize }
    public var blockCount: Int { start + inner.blockCount }
    public var isReadOnly: Bool { inner.isReadOnly }
    public init(inner: BlockDevice, start: Int = 0x100) {
        self.inner = inner
        self.start = start
    }

    func mbr() -> [UInt8] {
        var b = [UInt8](repeating: 0, count: blockSize)
        let e = 446
        b[e + 4] = 0x01
        // CHS fields as storage.c's build_partition writes them
        for i in [1, 2, 3, 5, 6, 7] { b[e + i] = 0xFF }
        putLE32(&b, e + 8, UInt32(start))
        putLE32(&b, e + 12, UInt32(inner.blockCount))
        b[510] = 0x55; b[511] = 0xAA
        return b
    }

    public func read(_ block: Int, count: Int) throws -> [UInt8] {
        guard block >= 0, count >= 0, block + count <= blockCount else { throw FsError.io }
        var out: [UInt8] = []
        out.reserveCapacity(count * blockSize)
        var b = block
        while b < block + count && b < start {
            out += b == 0 ? mbr() : [UInt8](repeating: 0, count: blockSize)
            b += 1
        }
        if b < block + count { out += try inner.read(b - start, count: block + count - b) }
        return out
    }

    public func write(_ block: Int, _ data: [UInt8]) throws {
        let count = data.count / blockSize
        guard block >= 0, block + count <= blockCount else { throw FsError.io }
        let skip = max(0, start - block)
        if skip < count { try inner.write(block + skip - start, Array(data[(skip * blockSize)...])) }
    }

    public func sync() throws { try inner.sync() }
}

@inline(__always) func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
@inline(__always) func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
}
@inline(__always) func putLE16(_ b: inout [UInt8], _ i: Int, _ v: Int) {
    b[i] = UInt8(v & 0xFF); b[i + 1] = UInt8((v >> 8) & 0xFF)
}
@inline(__always) func putLE32(_ b: inout [UInt8], _ i: Int, _ v: UInt32) {
    b[i] = UInt8(v & 0xFF); b[i + 1] = UInt8((v >> 8) & 0xFF); b[i + 2] = UInt8((v >> 16) & 0xFF); b[i + 3] = UInt8(v >> 24)
}

/// Blocks `start ..< start + count` of another device (pyb.Flash(start=, len=)).
public final class RangeBlockDevice: BlockDevice {
    public let inner: BlockDevice
    public let start: Int
    public let blockCount: Int
    public var blockSize: Int { inner.blockSize }
    public var isReadOnly: Bool { inner.isReadOnly }
    public init(inner: BlockDevice, start: Int, count: Int) {
        self.inner = inner
        self.start = start
        self.blockCount = count
    }
    public func read(_ block: Int, count: Int) throws -> [UInt8] {
        guard block >= 0, count >= 0, block + count <= blockCount else { throw FsError.io }
        return try inner.read(start + block, count: count)
    }
    public func write(_ block: Int, _ data: [UInt8]) throws {
        guard block >= 0, block + data.count / blockSize <= blockCount else { throw FsError.io }
        try inner.write(start + block, data)
    }
    public func sync() throws { try inner.sync() }
}

extension BlockDevice {
    /// Bytes at a byte offset (the extended block protocol's readblocks(n, buf, offset)).
    public func readBytes(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset + count <= blockCount * blockSize else { throw FsError.io }
        if count == 0 { return [] }
        let first = offset / blockSize, last = (offset + count - 1) / blockSize
        let data = try read(first, count: last - first + 1)
        let skip = offset - first * blockSize
        return Array(data[skip..<(skip + count)])
    }

    /// Writes bytes at a byte offset, reading back the partial blocks at either end.
    public func writeBytes(at offset: Int, _ bytes: [UInt8]) throws {
        guard offset >= 0, offset + bytes.count <= blockCount * blockSize else { throw FsError.io }
        if bytes.isEmpty { return }
        let first = offset / blockSize, last = (offset + bytes.count - 1) / blockSize
        var data = try read(first, count: last - first + 1)
        let skip = offset - first * blockSize
        data.replaceSubrange(skip..<(skip + bytes.count), with: bytes)
        try write(first, data)
    }
}
