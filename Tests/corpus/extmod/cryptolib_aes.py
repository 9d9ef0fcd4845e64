# cryptolib.aes against the FIPS-197 appendix C and NIST SP 800-38A vectors (ECB, CBC, CTR with
# 128- and 256-bit keys), data given whole and in pieces, with and without an output buffer.
import cryptolib
from binascii import unhexlify as h, hexlify

PT = h("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
       "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
K128 = h("2b7e151628aed2a6abf7158809cf4f3c")
K256 = h("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
IV = h("000102030405060708090a0b0c0d0e0f")
CTR = h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")


def show(b):
    b = hexlify(b).decode()
    for i in range(0, len(b), 32):
        print(b[i:i + 32])


print("FIPS-197")
show(cryptolib.aes(bytes(range(16)), 1).encrypt(h("00112233445566778899aabbccddeeff")))
show(cryptolib.aes(bytes(range(32)), 1).encrypt(h("00112233445566778899aabbccddeeff")))
print(cryptolib.aes(bytes(range(32)), 1).decrypt(h("8ea2b7ca516745bfeafc49904b496089")).hex())

for name, key in (("128", K128), ("256", K256)):
    for mode, iv in ((cryptolib.MODE_ECB, None), (cryptolib.MODE_CBC, IV), (cryptolib.MODE_CTR, CTR)):
        print("mode", mode, name)
        enc = cryptolib.aes(key, mode, iv) if iv else cryptolib.aes(key, mode)
        ct = enc.encrypt(PT)
        show(ct)
        # in pieces: CBC chains and CTR keeps its keystream position across calls
        enc2 = cryptolib.aes(key, mode, iv) if iv else cryptolib.aes(key, mode)
        step = 5 if mode == 6 else 16
        pieces = b"".join(enc2.encrypt(PT[i:i + step]) for i in range(0, len(PT), step))
        print("pieces", pieces == ct)
        dec = cryptolib.aes(key, mode, iv) if iv else cryptolib.aes(key, mode)
        out = bytearray(len(ct))
        r = dec.decrypt(ct, out)
        print("decrypt", r is out, out == PT)

# in place, and errors
buf = bytearray(PT[:16])
a = cryptolib.aes(K128, 1)
a.encrypt(buf, buf)
print(buf.hex())
for args in ((b"short", 1), (K128, 3), (K128, 2), (K128, 6), (K128, 2, b"1234")):
    try:
        cryptolib.aes(*args)
    except ValueError as e:
        print("ValueError", e)
for f in (lambda: a.decrypt(PT[:16]), lambda: a.encrypt(PT[:15]), lambda: a.encrypt(PT[:16], bytearray(8)),
          lambda: len(cryptolib.aes(K128, 6, CTR).encrypt(b"odd length ok"))):
    try:
        print(f())
    except ValueError as e:
        print("ValueError", e)
import ucryptolib
print(ucryptolib.aes is cryptolib.aes)
