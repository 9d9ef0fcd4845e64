# vfs.VfsLfs2 when the device fills up: write() raises ENOSPC once no block is left for the data;
# the file, never synced, keeps what it held at open (nothing: "wb") and closes without error;
# its blocks were never committed, so statvfs shows them free again.
import vfs, errno


class RAMDisk:
    def __init__(self, block_size, blocks):
        self.bs = block_size
        self.data = bytearray(block_size * blocks)

    def readblocks(self, n, buf, off=0):
        a = n * self.bs + off
        buf[:] = self.data[a:a + len(buf)]

    def writeblocks(self, n, buf, off=0):
        a = n * self.bs + off
        self.data[a:a + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.bs
        if op == 5:
            return self.bs
        if op == 6:
            return 0


disk = RAMDisk(1024, 24)
vfs.VfsLfs2.mkfs(disk)
fs = vfs.VfsLfs2(disk)
free = fs.statvfs("/")[3]
print(free)

f = fs.open("fill.bin", "wb")
written = 0
try:
    for i in range(30):
        f.write(bytes(1024))
        written += 1024
except OSError as e:
    print(e.errno == errno.ENOSPC, written < free * 1024)
f.close()
print(fs.stat("fill.bin")[6], fs.statvfs("/")[3] == free)

# 8000 bytes in 1024-byte blocks: block 0 holds 1024, block i after it 1024 - 4 * (ctz(i) + 1):
# 1020 + 1016 + 1020 + 1012 + 1020 + 1016 + 1020 more reach 8148, so 8 blocks
with fs.open("fill.bin", "wb") as f:
    f.write(bytes(range(250)) * 32)
print(fs.stat("fill.bin")[6], free - fs.statvfs("/")[3])
with fs.open("fill.bin", "rb") as f:
    print(f.read() == bytes(range(250)) * 32)
