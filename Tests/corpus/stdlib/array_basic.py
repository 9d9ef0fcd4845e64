# array: construction, indexing, slicing, append/extend, iteration (printed as lists)
import array
from array import array as A

a = A("B", [1, 2, 3])
print(list(a), len(a), a[0], a[-1], type(a).__name__)
i = A("I", [1, 2, 3])
print(list(i), len(i), i[1])
print(list(A("l", [-1])), A("l", [-1])[0], A("L", [1, 2, 3])[1])
print(len(A("h")), list(A("i")), bool(A("i")), bool(A("i", [0])))

# every typecode round-trips its values
vals = {"b": [-128, 0, 127], "B": [0, 255, 7], "h": [-32768, 32767, 5], "H": [0, 65535, 9],
        "i": [-2 ** 31, 2 ** 31 - 1, 0], "I": [0, 2 ** 32 - 1, 3], "l": [-2 ** 31, 2 ** 31 - 1, 1],
        "L": [0, 2 ** 32 - 1, 4], "q": [-2 ** 63, 2 ** 63 - 1, -1], "Q": [0, 2 ** 64 - 1, 2 ** 40],
        "f": [0.5, -1.25, 3.0], "d": [0.1, -1e300, 2.5]}
for code in sorted(vals):
    x = A(code, vals[code])
    print(code, list(x), x[1], len(x))

# constructors from iterables and buffers
print(list(A("h", range(5))), list(A("i", (x * x for x in range(4)))), list(A("b", (1, 2))))
print(list(A("h", b"\x01\x00\x02\x00")), list(A("B", bytearray(b"ab"))), list(A("I", b"")))
print(list(A("d", [1, 2])), list(A("f", [True])), list(A("i", A("b", [1, -2, 3]))))

# assignment
a = A("i", [1, 2, 3, 4, 5])
a[0] = 10
a[-1] = -5
a[2] += 100
print(list(a))
f = A("d", [0.0] * 3)
f[1] = 2
f[2] = 1.5
print(list(f))

# slices
a = A("h", range(10))
print(list(a[2:5]), list(a[:3]), list(a[7:]), list(a[-3:]), list(a[5:2]), type(a[1:2]).__name__)
print(list(a[::2]), list(a[::-1]), list(a[1:8:3]))
a[2:5] = A("h", [20, 30])
print(list(a))
a[0:0] = A("h", [-1, -2])
print(list(a))
a[len(a):] = A("h", [99])
print(list(a))
a[:] = A("h")
print(list(a), len(a))
b = A("b", [1, 2, 3, 4])
b[1:3] = A("b", [7, 8, 9])
print(list(b))

# append / extend
a = A("i")
for k in range(20):
    a.append(k * k)
print(list(a), len(a))
a.extend(A("i", [-1, -2]))
a.extend([7, 8])
a.extend(range(3))
print(list(a)[-7:], len(a))
c = A("d")
c.append(1)
c.append(2.5)
c.extend((3, 4.25))
print(list(c))

# iteration, membership of values via list, sum
print([x * 2 for x in A("b", [1, -2, 3])], sum(A("H", [1000, 2000, 3000])), list(reversed(A("i", [1, 2]))))
print(max(A("d", [1.5, 9.5, -3.0])), sorted(A("h", [3, -1, 2])), tuple(A("Q", [5])))

# errors
def err(f):
    try:
        f()
        print("no error")
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__)
err(lambda: A("X"))
err(lambda: A("i")[0])
err(lambda: A("i", [1])[5])
def setneg():
    x = A("i", [1, 2])
    x[-3] = 0
err(setneg)
err(lambda: A("i", [1.5]))
err(lambda: A("d", ["x"]))
err(lambda: A("i", 5))
err(lambda: A("i", [1])["a"])
