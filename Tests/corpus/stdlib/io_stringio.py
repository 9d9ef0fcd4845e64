import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.write("second line\nthird"))
print(repr(s.getvalue()))
print(s.tell())
print(s.seek(0))
print(repr(s.read(5)), repr(s.read(1)), s.tell())
print(repr(s.readline()))
print(repr(s.readline()))
print(repr(s.readline()), repr(s.readline()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
for line in s:
    print(repr(line))
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()))
s.seek(0, 2)
s.write("!")
print(repr(s.getvalue()), s.tell())
print(s.seek(2), repr(s.read(4)))

s = io.StringIO("initial\ntext")
print(s.tell(), repr(s.read()), repr(s.getvalue()))
s = io.StringIO("abc")
s.write("X")
print(repr(s.getvalue()))
print(repr(io.StringIO().read()), repr(io.StringIO().readline()), io.StringIO().readlines())
print(repr(io.StringIO("a\nb").readline(1)))

# non-ASCII text: read counts characters
s = io.StringIO("żółw и 猫\n")
print(repr(s.read(3)), repr(s.read(3)), repr(s.readline()))

with io.StringIO("ctx") as f:
    print(f.read())
try:
    f.read()
except ValueError:
    print("ValueError")
try:
    f.getvalue()
except ValueError:
    print("ValueError")
s = io.StringIO()
s.close()
s.close()
try:
    s.write("x")
except ValueError:
    print("ValueError")
try:
    io.StringIO().write(b"bytes")
except TypeError:
    print("TypeError")

# print() to a StringIO
s = io.StringIO()
print("a", 1, [2], sep="-", end="!\n", file=s)
print("second", file=s)
print(repr(s.getvalue()))
