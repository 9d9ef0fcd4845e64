# json.dump to a stream and json.load from a stream
import io
import json

s = io.StringIO()
json.dump({"a": [1, 2, 3], "b": "text"}, s)
print(s.getvalue())
s.seek(0)
print(json.load(s))

s = io.StringIO()
json.dump([1, {"x": None}], s, separators=(",", ":"))
print(s.getvalue())

print(json.load(io.StringIO('  {"k": [true, false]}  ')))
print(json.load(io.BytesIO(b'[1.5, "b"]')))

# a Python stream class with write()
class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

c = Collect()
json.dump({"n": 1}, c)
print("".join(c.parts))
