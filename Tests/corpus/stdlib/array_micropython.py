# array: MicroPython specifics (truncation, buffer concatenation, slice assignment rules)
from array import array as A

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# values are truncated to the item size (MicroPython 1.x)
print(A("b", [257]), A("B", [-1]), A("H", [70000]), A("I", [-1]), A("q", [2 ** 64 + 5]))
a = A("b", [0])
a[0] = 200
print(a)
# '+' and extend() take anything with the buffer protocol, as raw bytes
print(A("B", [1]) + b"\x02\x03", A("h", [1]) + b"\x02\x00\x03")
a = A("h")
a.extend(b"\x01\x00\x02\x00")
a.extend(bytearray(b"\x03\x00"))
print(a)
# slice assignment takes arrays, bytearray, memoryview or bytes of the same item size
b = A("B", [1, 2, 3, 4])
b[1:3] = bytearray(b"\x07\x08\x09")
print(b)
b[0:1] = b"\xff"
print(b)
show(lambda: A("h", [1, 2]).__class__)
def assign(target, value):
    target[0:1] = value
    return target
show(lambda: assign(A("h", [1, 2]), b"\x01\x02"))
show(lambda: assign(A("h", [1, 2]), A("b", [1])))
show(lambda: assign(A("h", [1, 2]), [5]))
print(assign(A("i", [1, 2]), A("f", [0.0])))
show(lambda: A("h", b"\x01\x02\x03"))
show(lambda: A("X", [1]))
show(lambda: A("i", [1, 2])[5])
print(A("ii", [1]))
print(sorted(n for n in dir(A("i")) if not n.startswith("_")))
