# The docs' custom block device ("Working with filesystems": a RAM disk with the extended
# interface) formatted as littlefs and mounted with os.mount, then the stream methods of its
# files: readline/readlines/iteration, readinto, text read of UTF-8, seek past the end and
# write (zeros fill the gap), append mode, larger files crossing blocks, many entries.
import os


class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)

    def readblocks(self, block_num, buf, offset=0):
        addr = block_num * self.block_size + offset
        for i in range(len(buf)):
            buf[i] = self.data[addr + i]

    def writeblocks(self, block_num, buf, offset=None):
        if offset is None:
            # do erase, then write
            for i in range(len(buf) // self.block_size):
                self.ioctl(6, block_num + i)
            offset = 0
        addr = block_num * self.block_size + offset
        for i in range(len(buf)):
            self.data[addr + i] = buf[i]

    def ioctl(self, op, arg):
        if op == 4:  # block count
            return len(self.data) // self.block_size
        if op == 5:  # block size
            return self.block_size
        if op == 6:  # block erase
            return 0


bdev = RAMBlockDev(512, 50)
os.VfsLfs2.mkfs(bdev)
os.mount(bdev, "/ramdisk")

with open("/ramdisk/hello.txt", "w") as f:
    f.write("Hello world")
print(open("/ramdisk/hello.txt").read())

with open("/ramdisk/lines.txt", "w") as f:
    print(f.write("one\ntwo\n"), f.write("three\n"), f.write("no newline"))
with open("/ramdisk/lines.txt") as f:
    print(repr(f.readline()), repr(f.readline(2)), repr(f.readline()))
    print(f.readlines())
with open("/ramdisk/lines.txt") as f:
    print([line for line in f])

with open("/ramdisk/utf8.txt", "w") as f:
    f.write("h\u00e9llo w\u00f6rld \u20ac")
with open("/ramdisk/utf8.txt") as f:
    print(f.read(2), f.read(6), f.read())
with open("/ramdisk/utf8.txt", "rb") as f:
    print(f.read(3))

buf = bytearray(4)
with open("/ramdisk/hello.txt", "rb") as f:
    print(f.readinto(buf), buf, f.readinto(buf, 2), buf, f.tell())

with open("/ramdisk/gap.bin", "wb") as f:
    f.write(b"ab")
    print(f.seek(10), f.tell())
    f.write(b"cd")
    print(f.seek(0, 2), f.seek(-3, 2), f.seek(1, 1))
with open("/ramdisk/gap.bin", "rb") as f:
    print(f.read())

with open("/ramdisk/log.txt", "a") as f:
    f.write("first\n")
with open("/ramdisk/log.txt", "a") as f:
    print(f.tell())
    f.write("second\n")
    print(f.tell())
print(open("/ramdisk/log.txt").read().split())

# 3000 bytes: several 512-byte blocks, then a patch in the middle and an append
data = bytes((i * 7) & 255 for i in range(3000))
with open("/ramdisk/big.bin", "wb") as f:
    f.write(data)
with open("/ramdisk/big.bin", "r+b") as f:
    f.seek(1500)
    f.write(b"PATCH")
with open("/ramdisk/big.bin", "ab") as f:
    f.write(b"END")
with open("/ramdisk/big.bin", "rb") as f:
    got = f.read()
want = data[:1500] + b"PATCH" + data[1505:] + b"END"
print(len(got), got == want)
with open("/ramdisk/big.bin", "rb") as f:
    f.seek(2000)
    print(f.read(4) == want[2000:2004], f.tell())

os.mkdir("/ramdisk/many")
for i in range(40):
    with open("/ramdisk/many/f%02d" % i, "w") as f:
        f.write(str(i) * i)
for i in range(0, 40, 2):
    os.remove("/ramdisk/many/f%02d" % i)
names = os.listdir("/ramdisk/many")
print(len(names), names[:3], names[-1])
print(sum(os.stat("/ramdisk/many/" + n)[6] for n in names))
print(sorted(os.listdir("/ramdisk")))
os.umount("/ramdisk")
