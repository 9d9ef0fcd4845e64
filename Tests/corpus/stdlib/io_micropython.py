# io behaviour specific to MicroPython
import io

# relative seeks on StringIO (CPython allows only seek(0, 1) and seek(0, 2))
s = io.StringIO("0123456789")
print(s.seek(-3, 2), s.read())
print(s.seek(2), s.seek(3, 1), s.read(2))
print(s.seek(-100, 1), s.tell())
# positions count bytes of the UTF-8 text
s = io.StringIO("é")
s.read()
print(s.tell())
# an int initial value preallocates
s = io.StringIO(100)
print(repr(s.getvalue()), s.tell())
b = io.BytesIO(10)
print(b.getvalue())
