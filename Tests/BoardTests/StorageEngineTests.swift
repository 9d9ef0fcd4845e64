@testable import BoardStorage
import Glibc
import Testing
@testable import Board

// The FAT engine: files, directories, long names and their short aliases, renames, a full disk.

@Suite struct StorageEngineTests {
    @Test func writeReadAppendSeek() throws {
        let (_, vol) = try freshVolume()
        let data = pattern(3000, seed: 1)
        try writeFile(vol, "/a.bin", data)
        #expect(try readFile(vol, "/a.bin") == data)
        let f = try FatFile.open(vol, "/a.bin", [.write, .openAlways, .append])
        try f.write([1, 2, 3])
        try f.close()
        #expect(try readFile(vol, "/a.bin") == data + [1, 2, 3])
        let g = try FatFile.open(vol, "/a.bin", [.read, .write])
        try g.seek(1000)
        try g.write([9, 9])
        try g.seek(-2, whence: 2)
        #expect(try g.read(10) == [2, 3])
        try g.close()
        var expect = data + [1, 2, 3]
        expect[1000] = 9; expect[1001] = 9
        #expect(try readFile(vol, "/a.bin") == expect)
        // seeking past the end of a read-only file stops at the end; a writable one grows with zeros
        let r = try FatFile.open(vol, "/a.bin", [.read])
        #expect(try r.seek(99999) == expect.count)
        let w = try FatFile.open(vol, "/gap.bin", [.write, .createAlways])
        try w.seek(700)
        try w.write([7])
        try w.close()
        #expect(try readFile(vol, "/gap.bin") == [UInt8](repeating: 0, count: 700) + [7])
        try checkConsistency(vol)
    }

    @Test func modesFollowFatFs() throws {
        let (_, vol) = try freshVolume()
        #expect(throws: FsError(ENOENT)) { try FatFile.open(vol, "/missing", [.read]) }
        try writeFile(vol, "/x", [1])
        #expect(throws: FsError(EEXIST)) { try FatFile.open(vol, "/x", [.write, .createNew]) }
        try writeFile(vol, "/x", [])      // 'w' truncates and frees the clusters
        #expect(try readFile(vol, "/x") == [])
        try vol.mkdir("/d")
        #expect(throws: FsError(ENOENT)) { try FatFile.open(vol, "/d", [.read]) }
        #expect(throws: FsError(EACCES)) { try FatFile.open(vol, "/d", [.write, .createAlways]) }
        let r = try FatFile.open(vol, "/x", [.read])
        #expect(throws: FsError(EACCES)) { try r.write([1]) }
        vol.readOnly = true
        #expect(throws: FsError(EROFS)) { try FatFile.open(vol, "/y", [.write, .createAlways]) }
        #expect(throws: FsError(EROFS)) { try vol.mkdir("/e") }
        try checkConsistency(vol)
    }

    @Test func directoriesNestAndGrow() throws {
        let (_, vol) = try freshVolume(blocks: 4096)
        try vol.mkdir("/a")
        try vol.mkdir("/a/b")
        try vol.mkdir("/a/b/c")
        #expect(throws: FsError(EEXIST)) { try vol.mkdir("/a/B") }     // names are case-insensitive
        #expect(throws: FsError(ENOENT)) { try vol.mkdir("/nope/x") }
        // 200 files with long names: the directory grows over several clusters
        for i in 0..<200 { try writeFile(vol, "/a/b/c/file number \(i).txt", Array("\(i)".utf8)) }
        let names = Set(try vol.listdir("/a/b/c").map(\.name))
        #expect(names.count == 200 && names.contains("file number 199.txt"))
        #expect(try readFile(vol, "/A/B/C/FILE NUMBER 57.TXT") == Array("57".utf8))
        vol.cwd = "/"
        try vol.chdir("a/b")
        #expect(vol.cwd == "/a/b")
        #expect(try readFile(vol, "c/../c/./file number 3.txt") == Array("3".utf8))
        #expect(throws: FsError(EACCES)) { try vol.rmdir("/a/b/c") }  // not empty
        for i in 0..<200 { try vol.remove("/a/b/c/file number \(i).txt") }
        try vol.rmdir("/a/b/c")
        #expect(throws: FsError(EACCES)) { try vol.rmdir("/a/b") }    // the current directory
        #expect(throws: FsError(EISDIR)) { try vol.remove("/a") }
        try writeFile(vol, "/f", [1])
        #expect(throws: FsError(ENOTDIR)) { try vol.rmdir("/f") }
        #expect(try vol.stat("/").isDir)
        #expect(try vol.stat("/f").size == 1)
        try checkConsistency(vol)
    }

    @Test func rootDirectoryOfFat12IsFixed() throws {
        let (_, vol) = try freshVolume()
        for i in 0..<512 { try writeFile(vol, "/F\(i)", []) }
        #expect(throws: FsError(EACCES)) { try writeFile(vol, "/one more", []) }
        #expect(try vol.listdir("/").count == 512)
        try checkConsistency(vol)
    }

    @Test func shortNamesAndLongNames() throws {
        let (dev, vol) = try freshVolume()
        // a lower-case 8.3 name needs no LFN entry: the NT flags keep its case
        try writeFile(vol, "/readme.txt", [1])
        let e = try vol.find(FatVolume.root, "README.TXT")!
        #expect(e.name == "readme.txt" && e.firstSlot == e.slot)
        #expect(dev.bytes[vol.rootDirStart * 512 + e.slot * 32 + 12] == 0x18)
        // mixed case needs one
        try writeFile(vol, "/Makefile", [])
        let m = try vol.find(FatVolume.root, "makefile")!
        #expect(m.name == "Makefile" && m.firstSlot == m.slot - 1)
        // lossy names get numbered aliases, reachable by the alias too
        try writeFile(vol, "/long file name one.text", [1])
        try writeFile(vol, "/long file name two.text", [2])
        let sfns = try vol.entries(FatVolume.root).map { String(decoding: $0.sfn, as: UTF8.self) }
        #expect(sfns.contains("LONGFI~1TEX") && sfns.contains("LONGFI~2TEX"))
        #expect(try readFile(vol, "/LONGFI~2.TEX") == [2])
        // exactly 13 and 26 characters: no terminator in the last LFN entry
        for n in [12, 13, 14, 26, 255] {
            let name = String(repeating: "n", count: n - 4) + ".txt"
            try writeFile(vol, "/" + name, Array("\(n)".utf8))
            #expect(try readFile(vol, "/" + name.uppercased()) == Array("\(n)".utf8))
        }
        #expect(throws: FsError(EINVAL)) { try writeFile(vol, "/" + String(repeating: "n", count: 256), []) }
        for bad in ["a*b", "q?", "x:y", "<", "p|q", "tab\tname", "...", "  "] {
            #expect(throws: FsError(EINVAL)) { try writeFile(vol, "/" + bad, []) }
        }
        // non-ASCII and astral characters round-trip through UTF-16
        for name in ["Grüße.txt", "日本語のファイル名.txt", "emoji 🐍.py", "ÆØÅ"] {
            try writeFile(vol, "/" + name, Array(name.utf8))
            #expect(try vol.listdir("/").contains { $0.name == name })
            #expect(try readFile(vol, "/" + name) == Array(name.utf8))
        }
        #expect(try readFile(vol, "/grüße.TXT") == Array("Grüße.txt".utf8))   // Unicode case folding
        // trailing dots and spaces are dropped, as FatFs does
        try writeFile(vol, "/trail. . ", [5])
        #expect(try readFile(vol, "/trail") == [5])
        try checkConsistency(vol)
    }

    @Test func shortNameRules() throws {
        func sn(_ s: String) throws -> (String, Bool, Bool) {
            let r = try makeShortName(s)
            return (String(decoding: r.bytes, as: UTF8.self), r.lossy, r.needsLFN)
        }
        #expect(try sn("FOO.BAR") == ("FOO     BAR", false, false))
        #expect(try sn("foo.bar") == ("FOO     BAR", false, false))
        #expect(try sn("Foo.bar") == ("FOO     BAR", false, true))
        #expect(try sn("foo.bar.baz") == ("FOOBAR  BAZ", true, true))
        #expect(try sn(".bashrc") == ("        BAS", true, true))
        #expect(try sn("verylongname") == ("VERYLONG   ", true, true))
        #expect(try sn("a+b=c") == ("A_B_C      ", true, true))
        #expect(try sn("x.html") == ("X       HTM", true, true))
        #expect(String(decoding: numberedShortName(Array("VERYLONG   ".utf8), 12), as: UTF8.self) == "VERYL~12   ")
        #expect(sfnChecksum(Array("FOO     BAR".utf8)) == sfnChecksum(Array("FOO     BAR".utf8)))
    }

    @Test func renameMovesReplacesAndRefuses() throws {
        let (_, vol) = try freshVolume(blocks: 2048)
        try vol.mkdir("/src")
        try vol.mkdir("/dst")
        try writeFile(vol, "/src/a.txt", [1])
        try writeFile(vol, "/dst/b.txt", [2])
        try vol.rename("/src/a.txt", "/dst/b.txt")            // replaces a file
        #expect(try readFile(vol, "/dst/b.txt") == [1])
        #expect(try vol.listdir("/src").isEmpty)
        try vol.rename("/dst/b.txt", "/dst/B.TXT")             // case-only rename of itself
        #expect(try vol.listdir("/dst").map(\.name) == ["B.TXT"])
        try vol.mkdir("/src/inner")
        try writeFile(vol, "/src/inner/deep.txt", [3])
        try vol.rename("/src/inner", "/dst/moved dir")         // directory: its ".." follows
        try vol.chdir("/dst/moved dir")
        try vol.chdir("..")
        #expect(vol.cwd == "/dst")
        #expect(try readFile(vol, "/dst/moved dir/deep.txt") == [3])
        #expect(throws: FsError(EINVAL)) { try vol.rename("/dst", "/dst/moved dir/x") }   // into itself
        #expect(throws: FsError(EISDIR)) { try vol.rename("/dst/B.TXT", "/src") }
        #expect(throws: FsError(ENOENT)) { try vol.rename("/none", "/x") }
        try checkConsistency(vol)
    }

    @Test func fullDiskStopsShortAndRecovers() throws {
        let (_, vol) = try freshVolume()
        let f = try FatFile.open(vol, "/fill", [.write, .createAlways])
        let n = try f.write(pattern(200 * 512, seed: 3))
        try f.close()
        #expect(n == 190 * 512)                                  // every data cluster
        #expect(try vol.freeCount() == 0)
        #expect(throws: FsError(ENOSPC)) { try vol.mkdir("/d") }
        try writeFile(vol, "/empty", [])                         // an empty file needs no cluster
        #expect(throws: FsError(ENOSPC)) { try writeFile(vol, "/one", [1]) }
        try checkConsistency(vol)
        try vol.remove("/fill")
        #expect(try vol.freeCount() == 190)
        try writeFile(vol, "/one", [1])
        try checkConsistency(vol)
    }

    @Test func dataReachesTheImageOnlyOnSync() throws {
        let path = "/tmp/microboard-storage-sync-\(getpid()).img"
        defer { unlink(path) }
        let dev = try FileBlockDevice(path: path, createSize: 224 * 512)
        var changes: [Bool] = []
        dev.onDirtyChange = { changes.append($0) }
        try FatFormat.mkfs(dev)
        #expect(changes == [true, false])
        let vol = try FatVolume(dev: dev)
        let f = try FatFile.open(vol, "/x", [.write, .createAlways])
        try f.write(Array("hello".utf8))
        try vol.sync()                                           // os.sync(): open files too
        let fresh = try FatVolume(dev: FileBlockDevice(path: path))
        #expect(try readFile(fresh, "/x") == Array("hello".utf8))
        try f.close()
    }
}
