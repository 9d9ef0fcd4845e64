# array: repr, operators, comparison, buffer protocol
from array import array as A

print(A("i"), A("i", [1, 2]), A("b", [-1]), A("B", [255]), A("h", [-300, 7]))
print(A("d", [1.0, -2.5, 1e100]), A("f", [0.5, 1.0]), A("Q", [2 ** 64 - 1]), A("q", [-2 ** 63]))
print(repr(A("L", [1, 2, 3])), str(A("H", [1])))
print([A("i", [1])], {"k": A("d")})

a = A("i", [1, 2, 3])
b = A("i", [4, 5])
print(a + b, a, b)
c = A("i", [9])
c += b
c += A("i")
print(c)
print(A("h", [1, 2]) * 3, 2 * A("b", [7]), A("d", [1.5]) * 0, A("i", [1]) * -1)
d = A("H", [1, 2])
d *= 2
print(d)

# comparison
print(A("i", [1, 2]) == A("i", [1, 2]), A("i", [1, 2]) == A("i", [1, 3]), A("i", [1, 2]) != A("i", [1]))
print(A("I", [1, 2]) == A("I", [1, 2]), A("d", [1.0, 2.0]) == A("d", [1.0, 2.0]), A("f", [0.5]) != A("f", [0.5]))
print(A("i", [1, 2]) == [1, 2], A("i") == A("i"), A("b") == (), A("i", [1]) != None)
print(A("B", [1, 2]) < A("B", [1, 3]), A("B", [2]) > A("B", [1, 9]), A("B", [1]) <= A("B", [1]), A("B", [1, 2]) >= A("B", [1]))
print(A("h", [-1]) < A("h", [0]), A("d", [1.5]) < A("d", [2.5]), A("i", [3]) > A("i", [3]))

# membership
print(2 in A("i", [1, 2, 3]), 5 in A("i", [1, 2, 3]), 2.5 in A("d", [2.5]), 0 not in A("b"))

# buffer protocol: bytes(), bytearray(), memoryview, struct
print(bytes(A("h", [1, 2])), bytes(A("B", [65, 66])), bytearray(A("i", [-1])), bytes(A("d")))
print(bytes(A("f", [1.0])), len(bytes(A("q", [1, 2]))))
m = memoryview(A("B", [1, 2, 3]))
print(len(m), m[1], bytes(m[1:]))
print(len(memoryview(A("b", [1, 2]))), bytes(memoryview(A("h", [258]))))
import struct
print(struct.unpack("<2h", A("h", [-5, 6])))
arr = A("b", [0, 0, 0, 0])
struct.pack_into("<h", arr, 1, -2)
print(arr)
import binascii, hashlib
print(binascii.hexlify(A("H", [0x1234, 0xabcd])), hashlib.sha1(A("B", b"abc")).digest().hex())
