import CSupport
import Glibc

// VfsPosix: a host folder as a filesystem, the unix port's view. [type][root][cwd]: root is the
// host path prefix ("" = the host's own paths and working directory), cwd the folder inside
// root for relative paths when mounted.

enum VfsPosix {
    nonisolated(unsafe) static var type = Obj.null
    /// The fallback for paths under no mount point.
    nonisolated(unsafe) static var host = Obj.null

    static let methods: [NativeSpec] = [
        method("mount", 1, 3) { _ in .none },
        method("umount", 1) { _ in .none },
        method("open", 3) { a in
            let path = try hostPath(a[0], a[1])
            let mode = a[2]
            let argv = [try newStr(path), mode]
            let mark = rt.pointee.vmStackTop
            defer { popRoots(to: mark) }
            for v in argv { _ = pushRoot(v) }
            return try argv.withUnsafeBufferPointer { b in
                try ObjFile.hostOpen(Args(base: UnsafeMutablePointer(mutating: b.baseAddress!), count: 2, kwnames: .null))
            }
        },
        method("ilistdir", 1, 2) { a in
            let path = try hostPath(a[0], a.count > 1 ? a[1] : qobj("."))
            guard let d = opendir(path) else { throw osError(errno) }
            defer { closedir(d) }
            let l = try newList(count: 0)
            let keep = pushRoot(l)
            defer { popRoots(to: keep) }
            while let e = readdir(d) {
                let name = Array(String(cString: mb_dirent_name(e)).utf8)
                if name == [46] || name == [46, 46] { continue }
                let kind = e.pointee.d_type == UInt8(DT_DIR) ? 0x4000 : 0x8000
                let nameObj = try newStr(name)
                _ = pushRoot(nameObj)
                try listAppend(l, try newTuple([nameObj, Obj(small: kind), try newInt(Int(e.pointee.d_ino))]))
            }
            return try getIter(l)
        },
        method("stat", 2) { a in
            var st = stat()
            if fstatat(AT_FDCWD, try hostPath(a[0], a[1]), &st, 0) != 0 { throw osError(errno) }
            return try newTuple([try newInt(Int(st.st_mode)), try newInt(Int(st.st_ino)), try newInt(Int(st.st_dev)),
                                 try newInt(Int(st.st_nlink)), try newInt(Int(st.st_uid)), try newInt(Int(st.st_gid)),
                                 try newInt(Int(st.st_size)), try newInt(Int(st.st_atim.tv_sec)),
                                 try newInt(Int(st.st_mtim.tv_sec)), try newInt(Int(st.st_ctim.tv_sec))])
        },
        method("statvfs", 2) { a in
            var st = statvfs()
            let fd = Glibc.open(try hostPath(a[0], a[1]), O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw osError(errno) }
            defer { Glibc.close(fd) }
            if fstatvfs(fd, &st) != 0 { throw osError(errno) }
            return try newTuple([try newInt(Int(st.f_bsize)), try newInt(Int(st.f_frsize)), try newInt(Int(st.f_blocks)),
                                 try newInt(Int(st.f_bfree)), try newInt(Int(st.f_bavail)), try newInt(Int(st.f_files)),
                                 try newInt(Int(st.f_ffree)), try newInt(Int(st.f_favail)), try newInt(Int(st.f_flag)),
                                 try newInt(Int(st.f_namemax))])
        },
        method("mkdir", 2) { a in
            if Glibc.mkdir(try hostPath(a[0], a[1]), 0o777) != 0 { throw osError(errno) }
            return .none
        },
        method("rmdir", 2) { a in
            if Glibc.rmdir(try hostPath(a[0], a[1])) != 0 { throw osError(errno) }
            return .none
        },
        method("remove", 2) { a in
            if Glibc.unlink(try hostPath(a[0], a[1])) != 0 { throw osError(errno) }
            return .none
        },
        method("rename", 3) { a in
            if Glibc.rename(try hostPath(a[0], a[1]), try hostPath(a[0], a[2])) != 0 { throw osError(errno) }
            return .none
        },
        method("chdir", 2) { a in
            let vfs = a[0]
            let path = try hostPath(vfs, a[1])
            if isRootless(vfs) {
                if Glibc.chdir(path) != 0 { throw osError(errno) }
                return .none
            }
            var st = stat()
            guard fstatat(AT_FDCWD, path, &st, 0) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { throw osError(ENOENT) }
            let root = swiftString(vfs.o(1))
            vfs.setO(2, try newStr(normalise(String(path.dropFirst(root.count)))))
            return .none
        },
        method("getcwd", 1) { a in
            let vfs = a[0]
            if isRootless(vfs) {
                var buf = [CChar](repeating: 0, count: 4096)
                guard Glibc.getcwd(&buf, 4096) != nil else { throw osError(errno) }
                return try newStr(String(cString: buf))
            }
            return vfs.o(2)
        },
    ]

    static func register() {
        type = makeRomType("VfsPosix", methods, make: { a in
            let o = try allocObj(type.raw, words: 3)
            var root = a.count > 0 && a[0] != .none ? swiftString(try strArg(a[0])) : ""
            while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
            o.setO(1, try newStr(root))
            o.setO(2, qobj("/"))
            return o
        })
        let a = romAllocRaw(bytes: 12)
        let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
        w[0] = type.raw
        w[1] = qobj(._empty).raw
        w[2] = qobj("/").raw
        host = Obj(raw: a)
    }

    static func isRootless(_ vfs: Obj) -> Bool { strBytes(vfs.o(1)).count == 0 }

    /// The host path for a path inside this filesystem.
    static func hostPath(_ vfs: Obj, _ p: Obj) throws -> String {
        let path = swiftString(try strArg(p))
        if isRootless(vfs) { return path }
        let root = swiftString(vfs.o(1))
        let inside = path.hasPrefix("/") ? path : normalise(swiftString(vfs.o(2)) + "/" + path)
        return root + (inside.hasPrefix("/") ? inside : "/" + inside)
    }

    /// Collapses "." and ".." so a path cannot leave the filesystem's root.
    static func normalise(_ p: String) -> String {
        var parts: [Substring] = []
        for c in p.split(separator: "/") {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }
}
