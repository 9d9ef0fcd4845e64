# hashlib: sha256, sha1, md5 with update() and digest()
import hashlib

vectors = [b"", b"abc", b"message digest", b"a" * 55, b"a" * 56, b"a" * 63, b"a" * 64, b"a" * 65,
           b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", bytes(range(256)) * 5]
for name in ("sha256", "sha1", "md5"):
    ctor = getattr(hashlib, name)
    for v in vectors:
        print(name, len(v), ctor(v).digest().hex())
    # incremental updates give the same digest
    h = ctor()
    for k in range(0, 1280, 37):
        h.update(vectors[-1][k:k + 37])
    print(name, "incremental", h.digest() == ctor(vectors[-1]).digest())
    h = ctor(b"a")
    h.update(b"b")
    h.update(bytearray(b"c"))
    h.update(memoryview(b""))
    print(name, h.digest() == ctor(b"abc").digest(), len(h.digest()) if False else len(ctor().digest()))

# one million 'a's through many updates
h = hashlib.sha256()
chunk = b"a" * 1000
for _ in range(1000):
    h.update(chunk)
print(h.digest().hex())

try:
    hashlib.sha256(123)
except TypeError:
    print("TypeError")
try:
    hashlib.md5().update(None)
except TypeError:
    print("TypeError")
