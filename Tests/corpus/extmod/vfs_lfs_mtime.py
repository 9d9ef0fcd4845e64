# vfs.VfsLfs2 modification times ('t' attribute): set when a file is created or written, kept
# when it is only read, not written with mtime=False, still there after remounting.
# (After MicroPython's tests/extmod/vfs_lfs_mtime.py; the clock is not compared with time.time()
# here, since the epoch of os.stat times and of the time module may differ on a port.)
import time, vfs


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


def test(bdev, vfs_class):
    print("test", vfs_class)
    vfs_class.mkfs(bdev)

    print("mtime=True")
    fs = vfs_class(bdev, mtime=True)
    fs.open("test1", "wt").close()
    time.sleep(1)
    fs.open("test2", "wt").close()
    stat1 = fs.stat("test1")
    stat2 = fs.stat("test2")
    print(stat1[8] != 0, stat2[8] != 0)
    print(stat1[7] == stat1[8] == stat1[9])
    print(stat1[8] < stat2[8] <= stat1[8] + 2)
    fs.mkdir("dir")
    print(fs.stat("dir")[8])

    time.sleep(1)
    fs.open("test1", "rt").close()
    print(fs.stat("test1") == stat1)
    f = fs.open("test1", "r+")
    f.read()
    f.close()
    print(fs.stat("test1") == stat1)

    fs.open("test1", "wt").close()
    stat1_old = stat1
    stat1 = fs.stat("test1")
    print(stat1_old[8] < stat1[8])

    time.sleep(1)
    with fs.open("test2", "a") as f:
        f.write("x")
    stat2 = fs.stat("test2")
    print(stat2[8] > stat1[8], stat2[6])
    fs.umount()

    print("mtime=False")
    fs = vfs_class(bdev, mtime=False)
    print(fs.stat("test1") == stat1)
    print(fs.stat("test2") == stat2)
    f = fs.open("test1", "wt")
    f.close()
    print(fs.stat("test1") == stat1)
    fs.open("test3", "w").close()
    print(fs.stat("test3")[8])
    fs.umount()

    print("mtime=True")
    fs = vfs_class(bdev, mtime=True)
    print(fs.stat("test1") == stat1)
    print(fs.stat("test2") == stat2)
    fs.umount()


bdev = RAMBlockDevice(30)
test(bdev, vfs.VfsLfs2)
