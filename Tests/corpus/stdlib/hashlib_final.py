# hashlib: MicroPython finalises a hash object at digest() (CPython does not)
import hashlib

for ctor in (hashlib.sha256, hashlib.sha1, hashlib.md5):
    h = ctor(b"abc")
    d = h.digest()
    try:
        h.digest()
        print("no error")
    except ValueError as e:
        print("ValueError", e)
    try:
        h.update(b"x")
        print("no error")
    except ValueError as e:
        print("ValueError", e)
print(hasattr(hashlib.sha256(), "hexdigest"))
print(hashlib.sha256(b"abc").digest() == hashlib.sha256(b"abc").digest())
