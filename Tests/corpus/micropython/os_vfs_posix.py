# os and vfs: a host folder mounted with VfsPosix, file operations through the mount point
import os, vfs
base = 'vfs_scratch'
here = os.getcwd()
def rmtree(d):
    for n in os.listdir(d):
        try:
            os.remove(d + '/' + n)
        except OSError:
            rmtree(d + '/' + n)
    os.rmdir(d)
try:
    rmtree(base)
except OSError:
    pass
os.mkdir(base)
v = vfs.VfsPosix(base)
vfs.mount(v, '/mnt')
with open('/mnt/a.txt', 'w') as f:
    print(f.write('hello\n'))
print(os.listdir('/mnt'))
print(open('/mnt/a.txt').read(), end='')
print(os.stat('/mnt/a.txt')[6])
os.mkdir('/mnt/sub')
print(sorted(os.listdir('/mnt')))
print(sorted((e[0], e[1]) for e in os.ilistdir('/mnt')))
os.chdir('/mnt/sub')
print(os.getcwd())
with open('b.bin', 'wb') as f:
    f.write(b'\x00\x01')
print(os.listdir(), open('/mnt/sub/b.bin', 'rb').read())
os.rename('/mnt/sub/b.bin', '/mnt/c.bin')
print(sorted(os.listdir('/mnt')))
try:
    os.stat('/mnt/missing')
except OSError as e:
    print('OSError', e.errno)
try:
    os.mount(v, '/mnt')
except OSError as e:
    print('already mounted', e.errno)
os.remove('/mnt/c.bin')
os.remove('/mnt/a.txt')
os.rmdir('/mnt/sub')
vfs.umount('/mnt')
os.chdir(here)
os.rmdir(base)
print(base in os.listdir('.'))
