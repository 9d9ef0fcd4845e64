# vfs.VfsLfs2 on a Python RAM block device (the extended block protocol of the vfs docs):
# files big and small, directories, renames, errors, and the same tree after a remount.
import vfs, os, errno


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


disk = RAMDisk(512, 64)
vfs.VfsLfs2.mkfs(disk)
fs = vfs.VfsLfs2(disk)
vfs.mount(fs, "/ram")
os.chdir("/ram")

with open("small.txt", "w") as f:
    f.write("hello littlefs\n")
big = bytes(i * 7 % 251 for i in range(5000))
with open("big.bin", "wb") as f:
    for i in range(0, len(big), 700):
        f.write(big[i:i + 700])
os.mkdir("d")
os.mkdir("d/e")
with open("d/e/deep.txt", "w") as f:
    f.write("deep")
os.rename("small.txt", "d/moved.txt")
print(sorted(os.listdir()), sorted(os.listdir("d")), os.listdir("d/e"))
print(os.stat("big.bin")[6], os.stat("d")[0] & 0x4000 != 0, os.getcwd())
with open("big.bin", "rb") as f:
    f.seek(4000)
    print(f.read(5) == big[4000:4005], f.tell())
with open("d/moved.txt") as f:
    print(f.readline().strip())
with open("d/moved.txt", "a") as f:
    f.write("more\n")

for op, args, code in ((os.rmdir, ("d",), errno.ENOTEMPTY), (os.mkdir, ("d",), errno.EEXIST),
                       (os.remove, ("nothere",), errno.ENOENT), (open, ("nothere",), errno.ENOENT)):
    try:
        op(*args)
    except OSError as e:
        print(op.__name__, e.errno == code)

os.chdir("/")
vfs.umount("/ram")
fs2 = vfs.VfsLfs2(disk)
print(sorted(name for name, *_ in fs2.ilistdir("/d")))
with fs2.open("/d/moved.txt", "r") as f:
    print(f.read().split())
with fs2.open("/big.bin", "rb") as f:
    print(f.read() == big)
fs2.remove("/d/e/deep.txt")
fs2.rmdir("/d/e")
print(sorted(name for name, *_ in fs2.ilistdir("/d")))
