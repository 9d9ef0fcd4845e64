# Python-defined streams deriving from io.IOBase
import io
import json

class Writer(io.IOBase):
    def __init__(self):
        self.chunks = []

    def write(self, s):
        self.chunks.append(s)
        return len(s)

w = Writer()
print(isinstance(w, io.IOBase))
print("hello", 42, file=w)
print("x", end="", file=w)
json.dump({"k": [1, 2]}, w)
print(repr("".join(w.chunks)))

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper()
u.write("abc")
print("def", file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO))

print(io.open is open)
