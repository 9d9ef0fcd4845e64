#!/usr/bin/env python3
"""Storage tests against real peers.

Runs microboard scripts that build FAT images (the pyboard's flash, SD images, mkfs.fat images,
images written by mtools and by ChaN's FatFs through the fatfs-ng package) and checks them with:
  fsck.fat -n     (dosfstools): no error in any image after any test
  mdir / mcopy    (mtools): lists and reads byte-identical what the board wrote
  fatfs-ng        (FatFs): reads our images; what it writes, the board reads
Corrupted images must end in OSError inside the script, never a crash or a hang.

usage: run_storage_tests.py --exe .build/debug/microboard [-k NAME] [--keep]
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from testloop import Failure, check, run_tests  # noqa: E402,F401

EXE = None
WORK = None
ENV = dict(os.environ, LC_ALL="C.UTF-8", MTOOLS_SKIP_CHECK="1")


def board(script, timeout=120, expect_ok=True, options=("-X", "heapsize=16M")):
    """Runs a script on microboard in WORK; returns its stdout."""
    path = os.path.join(WORK, "script.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)
    try:
        p = subprocess.run([EXE, *options, path], cwd=WORK, capture_output=True, timeout=timeout, env=ENV)
    except subprocess.TimeoutExpired:
        raise Failure("microboard hung (over %d s)" % timeout)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0 or p.returncode > 1:
        raise Failure("microboard crashed (status %d)\n%s%s" % (p.returncode, out[-2000:], err[-2000:]))
    if expect_ok and p.returncode != 0:
        raise Failure("script failed (status %d)\n%s%s" % (p.returncode, out[-3000:], err[-3000:]))
    return out


def result(out):
    """The JSON object the script printed on its last line."""
    return json.loads(out.strip().splitlines()[-1])


def run(cmd, ok_codes=(0,)):
    p = subprocess.run(cmd, capture_output=True, env=ENV)
    if p.returncode not in ok_codes:
        raise Failure("%s -> %d\n%s%s" % (" ".join(cmd), p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")))
    return p.stdout


def fsck(img):
    p = subprocess.run(["fsck.fat", "-n", "-v", img], capture_output=True, env=ENV)
    text = (p.stdout + p.stderr).decode(errors="replace")
    if p.returncode != 0:
        raise Failure("fsck.fat -n %s found errors (status %d):\n%s" % (os.path.basename(img), p.returncode, text[-3000:]))
    return text


def mtools_files(img):
    """{path: size} of every file in the image, from mdir's recursive bare listing."""
    out = run(["mdir", "-/", "-b", "-i", img, "::"]).decode("utf-8")
    files = {}
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith("::/"):
            continue
        path = line[2:]
        if path.endswith("/"):
            continue
        files[path] = None
    return files


def mcopy(img, path):
    return run(["mcopy", "-n", "-i", img, "::" + path, "-"])


def content(i):
    """Deterministic file contents shared by the board scripts and the checks."""
    return (("%d:" % i) * (i % 97 + 1) + "\n").encode()


CONTENT_SRC = '''
def content(i):
    return (("%d:" % i) * (i % 97 + 1) + "\\n").encode()
'''

WALK_SRC = '''
import os, json, hashlib, binascii
def walk(top):
    out = {}
    for e in os.ilistdir(top):
        p = top.rstrip("/") + "/" + e[0]
        if e[1] == 0x4000:
            out.update(walk(p))
        else:
            with open(p, "rb") as f:
                data = f.read()
            out[p] = binascii.hexlify(hashlib.sha256(data).digest()).decode()
    return out
'''


def sha(b):
    return hashlib.sha256(b).hexdigest()


def fatfs_read_all(img):
    """{path: sha256} of every file, read by ChaN's FatFs (fatfs-ng)."""
    import fatfs
    from fatfs import wrapper as w
    storage = bytearray(open(img, "rb").read())
    part = w.Partition(fatfs.RamDisk(storage))
    part.mount()
    found = {}

    def walk(d):
        dh, fi = w.DIR_Handle(), w.FILINFO_Handle()
        check(w.pyf_opendir(dh, part._adjust_path(d)) == 0, "FatFs cannot open directory %s" % d)
        names = []
        while w.pyf_readdir(dh, fi) == 0:
            try:
                name = fi.get_name()
            except UnicodeError:
                name = None
            if not name:
                break
            if all(ord(c) < 128 for c in name):   # this FatFs build has an ASCII-only path API
                names.append((name, fi.is_directory()))
        w.pyf_closedir(dh)
        for name, is_dir in names:
            p = d.rstrip("/") + "/" + name
            if is_dir:
                walk(p)
            else:
                fh = w.FIL_Handle()
                check(w.pyf_open(fh, part._adjust_path(p), fatfs.FA_READ) == 0, "FatFs cannot open %s" % p)
                data = b""
                while True:
                    r = w.pyf_read(fh, 65536)
                    check(r[0] == 0, "FatFs read error on %s" % p)
                    if not r[1]:
                        break
                    data += r[1]
                w.pyf_close(fh)
                found[p] = sha(data)

    walk("/")
    return found


def fatfs_write(img, path, data):
    import fatfs
    from fatfs import wrapper as w
    storage = bytearray(open(img, "rb").read())
    part = w.Partition(fatfs.RamDisk(storage))
    part.mount()
    fh = w.FIL_Handle()
    check(w.pyf_open(fh, part._adjust_path(path), fatfs.FA_WRITE | fatfs.FA_CREATE_ALWAYS) == 0, "FatFs cannot create %s" % path)
    w.pyf_write(fh, data)
    w.pyf_close(fh)
    with open(img, "wb") as f:
        f.write(storage)


# ---------------------------------------------------------------------------------------------

def test_flash_factory_reset():
    img = os.path.join(WORK, "flash.img")
    out = board('''
import os, json, microboard_storage as ms
ms.factory_reset("flash.img")
ms.mount_flash("flash.img")
names = os.listdir("/flash")
texts = {n: open("/flash/" + n, "rb").read().decode() for n in names}
st = os.statvfs("/flash")
fl = ms.Flash()
mbr = bytearray(512)
fl.readblocks(0, mbr)
raw = ms.Flash(start=0)
boot = bytearray(512)
raw.readblocks(0, boot)
legacy_boot = bytearray(512)
fl.readblocks(0x100, legacy_boot)
assert boot == legacy_boot
assert mbr[510] == 0x55 and mbr[511] == 0xAA and mbr[446 + 4] == 1
print(json.dumps({"names": names, "texts": texts, "statvfs": list(st),
                  "count": fl.ioctl(4, 0), "raw_count": raw.ioctl(4, 0), "size": fl.ioctl(5, 0),
                  "part_start": mbr[454] | mbr[455] << 8, "label": boot[43:54].decode()}))
''')
    r = result(out)
    check(os.path.getsize(img) == 224 * 512, "flash image is %d bytes" % os.path.getsize(img))
    check(r["names"] == ["boot.py", "main.py", "pybcdc.inf", "README.txt"], "factory files %r" % r["names"])
    check(r["statvfs"][:3] == [512, 512, 190], "statvfs %r" % r["statvfs"])
    check(r["count"] == 0x100 + 224 and r["raw_count"] == 224 and r["size"] == 512, "Flash ioctl %r" % r)
    check(r["part_start"] == 0x100, "virtual MBR partition at %d" % r["part_start"])
    check(r["label"] == "PYBFLASH   ", "boot sector label %r" % r["label"])
    text = fsck(img)
    check("FAT12" in text or "12-bit" in text or "FAT type" not in text, "fsck sees a FAT12 volume")
    listing = run(["mdir", "-i", img, "::"]).decode()
    check("PYBFLASH" in listing, "mdir shows the label:\n" + listing)
    for name, t in r["texts"].items():
        check(mcopy(img, "/" + name) == t.encode(), "mcopy %s differs from the board's reading" % name)
    check(r["texts"]["boot.py"].endswith("\r\n"), "factory files use CRLF")


def test_sd_tree_long_names_renames_deletes():
    img = os.path.join(WORK, "sd.img")
    if os.path.exists(img):
        os.remove(img)
    out = board(CONTENT_SRC + WALK_SRC + '''
import microboard_storage as ms
ms.sd("sd.img", 64 * 1024 * 1024)
ms.mount_sd("sd.img")
names = ["plain%d.txt", "Mixed Case %d.Text", "a very long file name number %d with spaces.data",
         "Ünïcödé %d.txt", "日本語 %d.txt", "emoji %d 🐍.py", "UPPER%d.TXT", "dots.in.name.%d.x"]
dirs = ["/sd/lib", "/sd/lib/deep folder", "/sd/lib/deep folder/deeper still", "/sd/Ωmega"]
for d in dirs:
    os.mkdir(d)
n = 0
for i in range(320):
    d = dirs[i % len(dirs)] if i % 5 else "/sd"
    with open(d + "/" + names[i % len(names)] % i, "wb") as f:
        f.write(content(i))
    n += 1
big = bytearray(1024 * 1024)
for k in range(0, len(big), 4096):
    big[k:k + 4096] = bytes([(k >> 12) & 0xFF]) * 4096
with open("/sd/big.bin", "wb") as f:
    for k in range(0, len(big), 65536):
        f.write(big[k:k + 65536])
all_files = walk("/sd")
removed = sorted(all_files)[::3]
for p in removed:
    if not p.endswith("big.bin"):
        os.remove(p)
os.mkdir("/sd/renamed")
for p in sorted(walk("/sd"))[::7]:
    if "big.bin" not in p:
        os.rename(p, "/sd/renamed/" + p.split("/")[-1] + ".moved")
os.rename("/sd/lib/deep folder", "/sd/renamed/Deep Folder Moved")
final = walk("/sd")
print(json.dumps({"files": {p[3:]: h for p, h in final.items()}, "statvfs": list(os.statvfs("/sd"))}))
''', timeout=600)
    r = result(out)
    files = r["files"]
    check(len(files) > 150, "only %d files" % len(files))
    check("/renamed/Deep Folder Moved/deeper still" in "\n".join(files), "moved directory keeps its subtree")
    fsck(img)
    # mtools shows characters outside the BMP (UTF-16 surrogate pairs) as "_": those names are
    # checked by count there, and by content through the board's own reading
    listed = mtools_files(img)
    bmp = {p for p in files if all(ord(c) < 0x10000 for c in p)}
    check(bmp <= set(listed) and len(listed) == len(files), "mtools sees other files:\n only mtools %r\n only board %r"
          % (sorted(set(listed) - set(files))[:5], sorted(bmp - set(listed))[:5]))
    for p in bmp:
        check(sha(mcopy(img, p)) == files[p], "mcopy %s is not what the board wrote" % p)
    big = mcopy(img, "/big.bin")
    check(len(big) == 1024 * 1024 and big[4096 * 7] == 7, "1 MB file through mtools")
    ff = fatfs_read_all(img)
    ascii_files = {p: h for p, h in files.items() if all(ord(c) < 128 for c in p)}
    for p, h in ascii_files.items():
        check(ff.get(p) == h, "FatFs reads %s differently" % p)
    check(len(ascii_files) > 50, "FatFs comparison covered %d files" % len(ascii_files))


def test_mtools_and_fatfs_write_board_reads():
    img = os.path.join(WORK, "peer.img")
    if os.path.exists(img):
        os.remove(img)
    board('''
import vfs, microboard_storage as ms
dev = ms.ImageBlockDevice("peer.img", 512, 8 * 1024 * 1024)
vfs.VfsFat.mkfs(dev)
''')
    fsck(img)
    expected = {}
    src = os.path.join(WORK, "src")
    os.makedirs(src, exist_ok=True)
    run(["mmd", "-i", img, "::/from mtools", "::/from mtools/Sub Dir Ä"])
    for i in range(40):
        name = ["short%d.txt" % i, "Long Name From MTools %d.txt" % i, "Grüße %d.dat" % i][i % 3]
        target = "/from mtools/" + ("Sub Dir Ä/" if i % 2 else "") + name
        local = os.path.join(src, "f%d" % i)
        with open(local, "wb") as f:
            f.write(content(i * 13) * (i % 5 + 1))
        run(["mcopy", "-i", img, local, "::" + target])
        expected[target] = sha(content(i * 13) * (i % 5 + 1))
    fatfs_data = bytes(random.Random(5).getrandbits(8) for _ in range(70000))
    fatfs_write(img, "/written by fatfs.bin", fatfs_data)
    expected["/written by fatfs.bin"] = sha(fatfs_data)
    fsck(img)
    out = board(WALK_SRC + '''
import vfs, microboard_storage as ms
vfs.mount(ms.ImageBlockDevice("peer.img"), "/peer")
files = walk("/peer")
print(json.dumps({p[5:]: h for p, h in files.items()}))
''')
    got = result(out)
    check(got == expected, "board reads other files than mtools/FatFs wrote:\n%r\n%r"
          % (sorted(set(got) ^ set(expected))[:6], [p for p in expected if got.get(p) != expected[p]][:6]))


def test_mkfs_fat_images():
    for fat, size_kb, extra in [(12, 1440, []), (16, 32 * 1024, []), (32, 48 * 1024, ["-s", "1"])]:
        img = os.path.join(WORK, "mkfs%d.img" % fat)
        if os.path.exists(img):
            os.remove(img)
        run(["mkfs.fat", "-F", str(fat), "-n", "HOSTFS", "-C"] + extra + [img, str(size_kb)])
        local = os.path.join(WORK, "host.txt")
        with open(local, "wb") as f:
            f.write(content(fat * 1000) * 50)
        run(["mcopy", "-i", img, local, "::/from host.txt"])
        host_text = content(fat * 1000) * 50
        out = board(CONTENT_SRC + WALK_SRC + '''
import vfs, microboard_storage as ms
vfs.mount(ms.ImageBlockDevice("mkfs%d.img"), "/m")
host = open("/m/from host.txt", "rb").read()
os.mkdir("/m/made on board")
for i in range(60):
    with open("/m/made on board/file with a long name %%d.txt" %% i, "wb") as f:
        f.write(content(i))
os.remove("/m/made on board/file with a long name 7.txt")
os.rename("/m/made on board/file with a long name 8.txt", "/m/eight.txt")
st = os.statvfs("/m")
vfs.umount("/m")
print(json.dumps({"host": binascii.hexlify(hashlib.sha256(host).digest()).decode(), "statvfs": list(st)}))
''' % fat)
        r = result(out)
        check(r["host"] == sha(host_text), "FAT%d: board reads the host's file differently" % fat)
        fsck(img)
        files = mtools_files(img)
        check("/eight.txt" in files and "/made on board/file with a long name 7.txt" not in files,
              "FAT%d: mtools listing after the board's changes" % fat)
        for i in range(60):
            if i in (7, 8):
                continue
            check(mcopy(img, "/made on board/file with a long name %d.txt" % i) == content(i), "FAT%d: file %d" % (fat, i))
        check(mcopy(img, "/eight.txt") == content(8), "FAT%d: renamed file" % fat)


def test_full_disk():
    img = os.path.join(WORK, "full.img")
    if os.path.exists(img):
        os.remove(img)
    out = board('''
import os, json, errno, microboard_storage as ms
ms.factory_reset("full.img")
ms.mount_flash("full.img")
free0 = os.statvfs("/flash")[3]
n = 0
err = None
try:
    with open("/flash/filler.bin", "wb") as f:
        while True:
            f.write(b"x" * 1000)
            n += 1000
except OSError as e:
    err = e.errno
size = os.stat("/flash/filler.bin")[6]
try:
    os.mkdir("/flash/nospace")
    mkdir_err = None
except OSError as e:
    mkdir_err = e.errno
full = os.statvfs("/flash")[3]
os.remove("/flash/filler.bin")
with open("/flash/after.txt", "w") as f:
    f.write("space again")
print(json.dumps({"err": err, "enospc": errno.ENOSPC, "size": size, "mkdir_err": mkdir_err,
                  "free0": free0, "full": full, "free_after": os.statvfs("/flash")[3]}))
''')
    r = result(out)
    check(r["err"] == r["enospc"] and r["mkdir_err"] == r["enospc"], "full disk errors %r" % r)
    check(r["full"] == 0 and r["size"] >= (r["free0"] - 1) * 512, "full disk state %r" % r)
    check(r["free_after"] == r["free0"] - 1, "space returned %r" % r)
    fsck(img)
    check(mcopy(img, "/after.txt") == b"space again", "file written after the disk was full")


def test_python_block_devices():
    check(board(BDEV_SCRIPT).strip().endswith("OK"), "block-device script did not finish")


def test_gc_stress():
    """Collect at every allocation: Python objects held by the storage layer must stay rooted."""
    gc_opts = ("-X", "gcstress", "-X", "heapsize=1M")
    check(board(BDEV_SCRIPT, timeout=600, options=gc_opts).strip().endswith("OK"), "block-device script under gcstress")
    img = os.path.join(WORK, "gc.img")
    if os.path.exists(img):
        os.remove(img)
    out = board(CONTENT_SRC + WALK_SRC + '''
import gc, microboard_storage as ms
ms.factory_reset("gc.img")
ms.mount_flash("gc.img")
for i in range(25):
    with open("/flash/gc file %d.txt" % i, "wb") as f:
        f.write(content(i))
print(json.dumps({p[6:]: h for p, h in walk("/flash").items()}))
''', timeout=600, options=gc_opts)
    got = result(out)
    fsck(img)
    for i in range(25):
        p = "/gc file %d.txt" % i
        check(got.get(p) == sha(content(i)) and mcopy(img, p) == content(i), "gcstress: %s" % p)


BDEV_SCRIPT = ('''
import os, vfs, errno
class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)
    def readblocks(self, block_num, buf, offset=0):
        addr = block_num * self.block_size + offset
        buf[:] = self.data[addr:addr + len(buf)]
    def writeblocks(self, block_num, buf, offset=None):
        if offset is None:
            offset = 0
        addr = block_num * self.block_size + offset
        self.data[addr:addr + len(buf)] = buf
    def ioctl(self, op, arg):
        if op == 4: return len(self.data) // self.block_size
        if op == 5: return self.block_size
        if op == 6: return 0

class Legacy:           # the simple protocol: readblocks/writeblocks/count/sync
    def __init__(self, n):
        self.data = bytearray(512 * n)
    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512:n * 512 + len(buf)]
    def writeblocks(self, n, buf):
        self.data[n * 512:n * 512 + len(buf)] = buf
    def count(self):
        return len(self.data) // 512
    def sync(self):
        pass

for bdev in (RAMBlockDev(512, 300), RAMBlockDev(1024, 200), Legacy(260)):
    try:
        vfs.mount(bdev, "/ram")
        raise AssertionError("mounted a blank device")
    except OSError as e:
        assert e.errno == errno.ENODEV, e
    vfs.VfsFat.mkfs(bdev)
    vfs.mount(bdev, "/ram")                      # auto-detected as FAT
    with open("/ram/t.txt", "w") as f:
        f.write("héllo\\nwörld\\n")
    with open("/ram/t.txt") as f:
        assert f.read(2) == "hé" and f.tell() == 3   # text mode counts characters
        assert f.readline() == "llo\\n"
        assert f.readline() == "wörld\\n" and f.readline() == ""
    with open("/ram/t.txt", "rb") as f:
        b = bytearray(4)
        assert f.readinto(b) == 4 and b == "hé".encode() + b"l"
        assert f.seek(-3, 2) == len("héllo\\nwörld\\n".encode()) - 3
    with open("/ram/t.txt", "a") as f:
        f.write("end")
    assert open("/ram/t.txt").readlines() == ["héllo\\n", "wörld\\n", "end"]
    with open("/ram/x.bin", "xb") as f:
        f.write(b"1234")
    try:
        open("/ram/x.bin", "x")
        raise AssertionError("x mode")
    except OSError as e:
        assert e.errno == errno.EEXIST
    with open("/ram/x.bin", "r+b") as f:
        f.seek(2)
        f.write(b"ab")
        f.seek(0)
        assert f.read() == b"12ab"
    os.chdir("/ram")
    os.mkdir("d")
    os.chdir("d")
    assert os.getcwd() == "/ram/d"
    open("rel.txt", "w").write("relative")
    assert os.listdir() == ["rel.txt"] and os.listdir("/ram/d") == ["rel.txt"]
    os.chdir("/")
    vfs.umount("/ram")
    fs = vfs.VfsFat(bdev)
    vfs.mount(fs, "/ram", readonly=True)
    assert open("/ram/d/rel.txt").read() == "relative"
    try:
        open("/ram/new", "w")
        raise AssertionError("readonly")
    except OSError as e:
        assert e.errno == errno.EROFS
    vfs.umount(fs)
print("OK")
''')


def test_corrupted_images_raise_oserror():
    base = os.path.join(WORK, "flash.img")
    if not os.path.exists(base):
        test_flash_factory_reset()
    good = open(base, "rb").read()
    rng = random.Random(1234)
    variants = {
        "zeros.img": bytes(len(good)),
        "garbage.img": bytes(rng.getrandbits(8) for _ in range(len(good))),
        "truncated.img": good[:len(good) // 3],
        "tiny.img": good[:700],
    }
    for k in range(12):
        b = bytearray(good)
        for _ in range(1 + k * 3):
            pos = rng.randrange(0, 40 * 512)           # boot sector, FAT, root directory
            b[pos] = rng.getrandbits(8)
        variants["flip%02d.img" % k] = bytes(b)
    loop = bytearray(good)
    loop[512 + 3:512 + 6] = bytes([0x03, 0x40, 0x00])  # FAT12: clusters 2 and 3 point at each other
    variants["loop.img"] = bytes(loop)
    for name, data in variants.items():
        with open(os.path.join(WORK, name), "wb") as f:
            f.write(data)
        out = board('''
import os, vfs, microboard_storage as ms
errors = 0
def attempt(fn):
    global errors
    try:
        fn()
    except OSError:
        errors += 1
def walk(p, depth):
    if depth > 6:
        return
    for e in os.ilistdir(p):
        q = p + "/" + e[0]
        if e[1] == 0x4000:
            attempt(lambda: walk(q, depth + 1))
        else:
            attempt(lambda: open(q, "rb").read())
try:
    vfs.mount(ms.ImageBlockDevice("%s"), "/c")
except OSError as e:
    print("mount OSError", e.errno)
else:
    attempt(lambda: walk("/c", 0))
    attempt(lambda: os.statvfs("/c"))
    attempt(lambda: open("/c/new file.txt", "w").write("x" * 3000))
    attempt(lambda: os.mkdir("/c/newdir"))
    attempt(lambda: os.rename("/c/boot.py", "/c/renamed.py"))
    attempt(lambda: os.remove("/c/main.py"))
    attempt(lambda: os.sync())
    print("done", errors)
''' % name, timeout=60)
        check("done" in out or "mount OSError" in out, "%s: no clean end:\n%s" % (name, out[-500:]))


TESTS = [
    test_flash_factory_reset,
    test_sd_tree_long_names_renames_deletes,
    test_mtools_and_fatfs_write_board_reads,
    test_mkfs_fat_images,
    test_full_disk,
    test_python_block_devices,
    test_gc_stress,
    test_corrupted_images_raise_oserror,
]


def main():
    global EXE, WORK
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=".build/debug/microboard")
    ap.add_argument("-k", default="")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (images) for inspection")
    args = ap.parse_args()
    EXE = os.path.abspath(args.exe)
    for tool in ("fsck.fat", "mkfs.fat", "mdir", "mcopy", "mmd", "minfo"):
        if not shutil.which(tool):
            print("missing tool %s (install dosfstools and mtools)" % tool)
            return 2
    try:
        import fatfs  # noqa: F401
    except ImportError:
        print("missing Python package fatfs-ng (pip install fatfs-ng)")
        return 2
    WORK = tempfile.mkdtemp(prefix="microboard-storage-")
    return run_tests(TESTS, args.k, WORK, args.keep, "storage")


if __name__ == "__main__":
    sys.exit(main())
