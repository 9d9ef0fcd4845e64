# vfs.VfsLfs2 on a RAM block device: mkfs, statvfs, files, ilistdir, mkdir/rmdir, stat,
# a multi-block file, rename within and across directories, remove, chdir/getcwd.
# (MicroPython's tests/extmod/vfs_lfs.py, littlefs v2 part.)
import vfs


class RAMBlockDevice:
    ERASE_BLOCK_SIZE = 1024

    def __init__(self, blocks):
        self.data = bytearray(blocks * self.ERASE_BLOCK_SIZE)

    def readblocks(self, block, buf, off):
        addr = block * self.ERASE_BLOCK_SIZE + off
        for i in range(len(buf)):
            buf[i] = self.data[addr + i]

    def writeblocks(self, block, buf, off):
        addr = block * self.ERASE_BLOCK_SIZE + off
        for i in range(len(buf)):
            self.data[addr + i] = buf[i]

    def ioctl(self, op, arg):
        if op == 4:  # block count
            return len(self.data) // self.ERASE_BLOCK_SIZE
        if op == 5:  # block size
            return self.ERASE_BLOCK_SIZE
        if op == 6:  # erase block
            return 0


def test(bdev, vfs_class):
    print("test", vfs_class)

    vfs_class.mkfs(bdev)
    fs = vfs_class(bdev)
    print(fs.statvfs("/"))

    f = fs.open("test", "w")
    f.write("littlefs")
    f.close()
    print(fs.statvfs("/"))

    print(list(fs.ilistdir()))
    print(list(fs.ilistdir("/")))
    print(list(fs.ilistdir(b"/")))

    fs.mkdir("testdir")
    print(list(fs.ilistdir()))
    print(sorted(list(fs.ilistdir("testdir"))))
    fs.rmdir("testdir")
    print(list(fs.ilistdir()))
    fs.mkdir("testdir")

    # the modification time (st_mtime...) depends on the clock: leave it out
    print(fs.stat("test")[:7])
    print(fs.stat("testdir")[:6])

    with fs.open("test", "r") as f:
        print(f.read())

    with fs.open("testbig", "w") as f:
        data = "large012" * 32 * 16
        print("data length:", len(data))
        for i in range(4):
            print("write", i)
            f.write(data)

    print(fs.statvfs("/"))

    fs.rename("testbig", "testbig2")
    print(sorted(list(fs.ilistdir())))
    fs.chdir("testdir")
    fs.rename("/testbig2", "testbig2")
    print(sorted(list(fs.ilistdir())))
    fs.rename("testbig2", "/testbig2")
    fs.chdir("/")
    print(sorted(list(fs.ilistdir())))

    with fs.open("testbig2", "r") as f:
        got = f.read()
    print(len(got), got == data * 4)

    fs.remove("testbig2")
    print(sorted(list(fs.ilistdir())))

    print(fs.getcwd())
    fs.chdir("/testdir")
    print(fs.getcwd())
    fs.chdir("/")
    print(fs.getcwd())
    fs.mkdir("testdir/subdir")
    fs.chdir("testdir/subdir")
    print(fs.getcwd())
    fs.chdir("..//.//")
    print(fs.getcwd())
    fs.chdir("../../../testdir/./subdir/")
    print(fs.getcwd())
    fs.chdir("/")
    fs.rmdir("testdir/subdir")
    fs.rmdir("testdir")
    print(list(fs.ilistdir()))


bdev = RAMBlockDevice(30)
test(bdev, vfs.VfsLfs2)
