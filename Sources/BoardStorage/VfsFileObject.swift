import MicroPythonCore

// The Python file objects of the filesystems (io.TextIOWrapper and io.FileIO, as MicroPython
// names them) over any engine's open file. A file object is [type][file id][filesystem object]
// [flags: 1 = binary]; each filesystem keeps its engine files in a table keyed by the id, and
// the filesystem object in the file keeps the block device reachable for the collector.

protocol VfsOpenFile: AnyObject {
    func read(_ n: Int) throws -> [UInt8]
    func write(_ data: [UInt8]) throws -> Int
    func seek(_ offset: Int, whence: Int) throws -> Int
    func tell() -> Int
    /// Bytes from the position to the end.
    var remaining: Int { get }
    func flushFile() throws
}

/// How one filesystem's file objects reach their engine files.
struct VfsFileAccess {
    /// The engine file of a file object (the filesystem's error for a closed one).
    let file: (Obj) throws -> VfsOpenFile
    /// Closes a file object; closing again does nothing.
    let close: (Obj) throws -> Void
    /// Text files take str only and binary files buffers only; else any buffer, str included,
    /// as MicroPython's stream write takes it.
    let strictWrite: Bool
}

enum VfsFileObject {
    static func isBinary(_ o: Obj) -> Bool { Py.word(o, 2) & 1 != 0 }

    /// A new file object of `type` for engine file `id` of filesystem object `fs`.
    static func make(_ type: Obj, id: Int, fs: Obj, binary: Bool) throws -> Obj {
        let o = try Py.newObject(type, words: 3)
        Py.setWord(o, 0, UInt32(id))
        Py.setSlot(o, 1, fs)
        Py.setWord(o, 2, binary ? 1 : 0)
        return o
    }

    static func result(_ fileObj: Obj, _ bytes: [UInt8]) throws -> Obj {
        isBinary(fileObj) ? try Py.bytes(bytes) : try Py.str(String(decoding: bytes, as: UTF8.self))
    }

    static func methods(_ acc: VfsFileAccess) -> [PyNative] {
        [
            .method("read", 1, 2) { a in try read(a[0], try acc.file(a[0]), a.count > 1 ? a[1] : Py.none) },
            .method("readinto", 2, 3) { a in
                let f = try acc.file(a[0])
                var n = try Py.bufferLength(a[1])
                if a.count > 2 { n = min(n, max(0, try Py.toInt(a[2]))) }
                let data = try VfsFat.fs { try f.read(n) }
                try Py.withWritableBuffer(a[1]) { b in for i in 0..<data.count { b[i] = data[i] } }
                return try Py.int(data.count)
            },
            .method("readline", 1, 2) { a in
                let limit = a.count > 1 && !Py.isNone(a[1]) ? try Py.toInt(a[1]) : -1
                return try result(a[0], try readLine(try acc.file(a[0]), limit: limit))
            },
            .method("readlines", 1) { a in
                let f = try acc.file(a[0])
                var lines: [[UInt8]] = []
                while true {
                    let l = try readLine(f, limit: -1)
                    if l.isEmpty { break }
                    lines.append(l)
                }
                return try VfsFat.buildList(lines.count) { i in try result(a[0], lines[i]) }
            },
            .method("write", 2) { a in
                let f = try acc.file(a[0])
                if acc.strictWrite && isBinary(a[0]) == Py.isStr(a[1]) {
                    throw Py.error(.TypeError, "object with buffer protocol required")
                }
                let data = try Py.readBuffer(a[1])
                let n = try VfsFat.fs { try f.write(data) }
                if n != data.count { throw Py.osError(28) }   // ENOSPC
                return try Py.int(n)
            },
            .method("seek", 2, 3) { a in
                let f = try acc.file(a[0])
                let off = try Py.toInt(a[1])
                let whence = a.count > 2 ? try Py.toInt(a[2]) : 0
                return try Py.int(try VfsFat.fs { try f.seek(off, whence: whence) })
            },
            .method("tell", 1) { a in try Py.int(try acc.file(a[0]).tell()) },
            .method("flush", 1) { a in let f = try acc.file(a[0]); try VfsFat.fs { try f.flushFile() }; return Py.none },
            .method("close", 1) { a in try acc.close(a[0]); return Py.none },
            .method("__enter__", 1) { a in a[0] },
            .method("__exit__", 1, 4) { a in try acc.close(a[0]); return Py.none },
            .method("__del__", 1) { a in try acc.close(a[0]); return Py.none },
            .method("__iter__", 1) { a in a[0] },
            .method("__next__", 1) { a in
                let l = try readLine(try acc.file(a[0]), limit: -1)
                if l.isEmpty { throw Py.error(.StopIteration) }
                return try result(a[0], l)
            },
        ]
    }

    /// read([n]): n bytes in binary mode, n characters in text mode (UTF-8 sequences are
    /// completed, as MicroPython's text streams do).
    static func read(_ o: Obj, _ f: VfsOpenFile, _ nObj: Obj) throws -> Obj {
        let n = Py.isNone(nObj) ? -1 : try Py.toInt(nObj)
        return try VfsFat.fs {
            if n < 0 { return try result(o, try f.read(f.remaining)) }
            if isBinary(o) { return try result(o, try f.read(n)) }
            var out: [UInt8] = []
            var chars = 0
            while chars < n {
                let chunk = try f.read(n - chars)
                if chunk.isEmpty { break }
                out += chunk
                chars += chunk.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            }
            while true {   // the rest of a character cut in two
                let b = try f.read(1)
                if b.isEmpty { break }
                if b[0] & 0xC0 != 0x80 { _ = try f.seek(-1, whence: 1); break }
                out += b
            }
            return try result(o, out)
        }
    }

    static func readLine(_ f: VfsOpenFile, limit: Int) throws -> [UInt8] {
        try VfsFat.fs {
            var out: [UInt8] = []
            while limit < 0 || out.count < limit {
                let want = limit < 0 ? 64 : min(64, limit - out.count)
                let chunk = try f.read(want)
                if chunk.isEmpty { break }
                if let nl = chunk.firstIndex(of: 10) {
                    out += chunk[...nl]
                    _ = try f.seek(-(chunk.count - nl - 1), whence: 1)
                    break
                }
                out += chunk
            }
            return out
        }
    }
}

extension FatFile: VfsOpenFile {
    var remaining: Int { size - tell() }
    func flushFile() throws { try flush(syncDevice: true) }
}

extension LfsFile: VfsOpenFile {
    func flushFile() throws { try sync() }
}
