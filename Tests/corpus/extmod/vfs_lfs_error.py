# vfs.VfsLfs2 error handling: each failing call raises OSError with littlefs's errno.
# (MicroPython's tests/extmod/vfs_lfs_error.py, littlefs v2 part, with the errnos printed.)
import vfs


class RAMBlockDevice:
    ERASE_BLOCK_SIZE = 1024

    def __init__(self, blocks):
        self.data = bytearray(blocks * self.ERASE_BLOCK_SIZE)
        self.ret = 0

    def readblocks(self, block, buf, off):
        addr = block * self.ERASE_BLOCK_SIZE + off
        for i in range(len(buf)):
            buf[i] = self.data[addr + i]
        return self.ret

    def writeblocks(self, block, buf, off):
        addr = block * self.ERASE_BLOCK_SIZE + off
        for i in range(len(buf)):
            self.data[addr + i] = buf[i]
        return self.ret

    def ioctl(self, op, arg):
        if op == 4:  # block count
            return len(self.data) // self.ERASE_BLOCK_SIZE
        if op == 5:  # block size
            return self.ERASE_BLOCK_SIZE
        if op == 6:  # erase block
            return 0


def attempt(name, f):
    try:
        f()
        print(name, "no error")
    except OSError as e:
        print(name, "OSError", e.errno)


def test(bdev, vfs_class):
    print("test", vfs_class)

    attempt("mkfs too small", lambda: vfs_class.mkfs(RAMBlockDevice(1)))
    attempt("mount unformatted", lambda: vfs_class(bdev))

    vfs_class.mkfs(bdev)
    fs = vfs_class(bdev)
    with fs.open("testfile", "w") as f:
        f.write("test")
    fs.mkdir("testdir")
    fs.open("testdir/inner", "w").close()

    attempt("ilistdir", lambda: fs.ilistdir("noexist"))
    attempt("ilistdir file", lambda: fs.ilistdir("testfile"))
    attempt("remove", lambda: fs.remove("noexist"))
    attempt("rmdir", lambda: fs.rmdir("noexist"))
    attempt("rmdir not empty", lambda: fs.rmdir("testdir"))
    attempt("rmdir root", lambda: fs.rmdir("/"))
    attempt("rename", lambda: fs.rename("noexist", "somethingelse"))
    attempt("rename dir over file", lambda: fs.rename("testdir", "testfile"))
    attempt("rename file over dir", lambda: fs.rename("testfile", "testdir"))
    attempt("rename into itself", lambda: fs.rename("testdir", "testdir/sub"))
    attempt("mkdir", lambda: fs.mkdir("testdir"))
    attempt("mkdir in missing", lambda: fs.mkdir("noexist/sub"))
    attempt("mkdir under file", lambda: fs.mkdir("testfile/sub"))
    attempt("open dir", lambda: fs.open("testdir", "r"))
    attempt("open long name", lambda: fs.open("n" * 256, "w"))
    attempt("chdir", lambda: fs.chdir("noexist"))
    print(fs.getcwd())
    attempt("chdir file", lambda: fs.chdir("testfile"))
    print(fs.getcwd())
    attempt("stat", lambda: fs.stat("noexist"))

    with fs.open("testfile", "r") as f:
        attempt("write read-only", lambda: f.write("x"))
        f.seek(1 << 30)
        attempt("seek too far", lambda: f.seek(1 << 30, 1))
        attempt("seek negative", lambda: f.seek(-1))
    with fs.open("testfile", "a") as f:
        attempt("read write-only", lambda: f.read())

    try:
        fs.open("x", "rw")
    except ValueError:
        print("mode ValueError")
    f = fs.open("testfile", "r")
    f.close()
    try:
        f.read()
    except ValueError:
        print("closed ValueError")


bdev = RAMBlockDevice(30)
test(bdev, vfs.VfsLfs2)
