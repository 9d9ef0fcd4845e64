# os.dupterm: an attached stream receives a copy of stdout/stderr output, its input is read by
# input(), a stream that raises is detached, and dupterm returns the previous stream.
import os, io, sys


class Term(io.IOBase):
    def __init__(self, incoming=b""):
        self.out = bytearray()
        self.inp = bytearray(incoming)

    def write(self, b):
        self.out += b
        return len(b)

    def readinto(self, buf):
        if not self.inp:
            return None
        buf[0] = self.inp[0]
        self.inp = self.inp[1:]
        return 1


t = Term(b"typed on the dupterm\nsecond\r\n")
print(os.dupterm(t))
print("mirrored", 42)
sys.stdout.write("via sys.stdout\n")
prev = os.dupterm(None)
print(prev is t, bytes(t.out))
print("not mirrored")
print(bytes(t.out).count(b"not"))

# input comes from the dupterm stream first
os.dupterm(t)
line = input()
line2 = input()
os.dupterm(None)
print(repr(line), repr(line2))

# notify queues pending input for input()
t2 = Term(b"queued\n")
os.dupterm(t2, 1)
os.dupterm_notify(t2)
print(bytes(t2.inp), repr(input()))
print(os.dupterm(None, 1) is t2)


ns = {}
exec(compile("def write(self, b):\n    raise OSError(5)\n", "term.py", "exec"), ns)


class Broken:
    write = ns["write"]


os.dupterm(Broken())
print("after broken")
print(os.dupterm(None))
for bad in (3, -1):
    try:
        os.dupterm(t, bad)
    except ValueError as e:
        print("ValueError", e)
try:
    os.dupterm(42)
except OSError:
    print("OSError")
