# vfs.VfsLfs2 with a block device that fails or holds garbage: OSError, never a crash.
# (MicroPython's tests/extmod/vfs_lfs_corrupt.py, littlefs v2 part.)
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


def corrupt(bdev, block):
    addr = block * bdev.ERASE_BLOCK_SIZE
    for i in range(bdev.ERASE_BLOCK_SIZE):
        bdev.data[addr + i] = i & 0xFF


def create_vfs(bdev, vfs_class):
    bdev.ret = 0
    vfs_class.mkfs(bdev)
    fs = vfs_class(bdev)
    with fs.open("f", "w") as f:
        for i in range(100):
            f.write("test")
    return fs


def test(bdev, vfs_class):
    print("test", vfs_class)

    # the superblock pair full of garbage
    fs = create_vfs(bdev, vfs_class)
    corrupt(bdev, 0)
    corrupt(bdev, 1)
    try:
        print(fs.statvfs(""))
    except OSError:
        print("statvfs OSError")
    try:
        vfs_class(bdev)
    except OSError:
        print("mount OSError")

    # the device reports EIO (readblocks/writeblocks return -5)
    fs = create_vfs(bdev, vfs_class)
    f = fs.open("f", "r")
    bdev.ret = -5
    try:
        f.read(10)
    except OSError as e:
        print("read OSError", e.errno)

    fs = create_vfs(bdev, vfs_class)
    f = fs.open("f", "a")
    bdev.ret = -5
    try:
        f.write("test")
    except OSError as e:
        print("write OSError", e.errno)

    fs = create_vfs(bdev, vfs_class)
    f = fs.open("f", "w")
    f.write("test")
    bdev.ret = -5
    try:
        f.close()
    except OSError as e:
        print("close OSError", e.errno)

    fs = create_vfs(bdev, vfs_class)
    f = fs.open("f", "w")
    f.write("test")
    bdev.ret = -5
    try:
        f.flush()
    except OSError as e:
        print("flush OSError", e.errno)
    # after a failed sync the file is left alone: closing commits nothing (littlefs's
    # errored state), the old contents stay
    bdev.ret = 0
    f.close()
    with fs.open("f", "r") as f:
        data = f.read()
    print(len(data), data[:8])


bdev = RAMBlockDevice(30)
test(bdev, vfs.VfsLfs2)
