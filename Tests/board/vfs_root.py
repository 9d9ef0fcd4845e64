# On the board the VFS root is the board's own (extmod/vfs.c): "/" lists the mount points, paths
# under no mount point are ENODEV, the root itself refuses file operations (EPERM); nothing of the
# host shows through. sys.path and the current directory are what main.c sets up.
import os, sys
print(os.getcwd())
print(os.listdir('/'))
print(list(os.ilistdir('/')))
print(os.stat('/')[0] == 0x4000)
print(sys.path)
for op in (lambda: open('/nope.txt'), lambda: os.listdir('/nope'), lambda: os.mkdir('/x'), lambda: os.stat('/etc')):
    try:
        op()
    except OSError as e:
        print('OSError', e.errno)
os.chdir('/')
print(os.getcwd(), os.listdir(), os.listdir('flash')[:2])
try:
    open('rel.txt', 'w')
except OSError as e:
    print('at root', e.errno)
os.chdir('flash')
print(os.getcwd())
os.umount('/flash')
print(os.listdir('/'), os.getcwd())
