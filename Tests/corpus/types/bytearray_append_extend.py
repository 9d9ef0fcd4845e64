# bytearray.append and bytearray.extend
def chk(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)


ba = bytearray()
for i in range(65, 70):
    ba.append(i)
    print(ba, len(ba))
print(ba.append(0))
print(ba)
ba.extend(b'xyz')
print(ba)
ba.extend(bytearray(b'12'))
print(ba)
ba.extend(b'!"')
print(ba)
ba.extend(bytes(range(3)))
print(ba)
ba.extend(b'')
print(len(ba))
chk(lambda: ba.append('a'))
chk(lambda: ba.extend(5))
print(ba)
out = bytearray()
for word in (b'one', b'two', b'three'):
    out.extend(word)
    out.append(ord(','))
print(out)
print(out.decode().split(','))
big = bytearray()
for i in range(256):
    big.append(i)
print(len(big), big[0], big[255], big[128])
print(bytes(big[250:]))
acc = bytearray(b'>')
acc.extend(bytes(acc))
print(acc)
acc.extend(memoryview(b'mv'))
print(acc)
