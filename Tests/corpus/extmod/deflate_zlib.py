# deflate.DeflateIO against CPython's zlib: streams zlib and gzip made (embedded below) are
# decompressed whole, in pieces, by readinto and readline; what DeflateIO compresses decompresses
# back; corrupt input, bad checksums and references beyond the window raise.
try:
    import deflate
except ImportError:
    import sys
    sys.path.insert(0, "support")
    import deflate_shim as deflate
import io
from binascii import a2b_base64, crc32


def data(n, seed):
    out = bytearray()
    x = seed
    words = [b"alpha ", b"beta ", b"gamma\n", b"delta ", b"epsilon ", b"zeta\n"]
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out += words[(x >> 16) % 6] if x & 0x100 else bytes([(x >> 8) & 0xFF])
    return bytes(out[:n])


D1 = data(3000, 1)
BLOBS = [
    ('zlib level 9', deflate.ZLIB, 0, a2b_base64(
        'eNp1Vn9E3GEYz5mTc05/zJycJMnZX3NOZpJzJidJJnMm2aXalu9uZ5skOUmSSXL2x5xMf0xm5mQmmWQyJ0mSTJKZ'
        'ZJJzcs5JTrY9n+973897Xf+83/d9ns/zvM+Pz/PexZeO+wZeR+pleb2cWo0YsaeRel++4Wz0n8ghS/+A8U+LNQnA'
        'yOQVTT4uoqCrMRFKtYz9ivkBfRJ5/jziwNoMqNw2jX1hDTCcFmvu4liXtT+qFVzvICQDsVfPjBfReg+OHXLbYZ8S'
        '4wLoTuuUdE5cQLqDD0kUqseqARTT8CZXrNQh3KELCAm2gs8npwDJprv65qFs1A3IzquOZ76iicbnZkunuBWbH6HB'
        'teINuCbHuqvq2JlreUKMxgRUkNUt6y1cfi7qrOxbZbXHlZdV0cFzWL/AS3UKrcinUemMIW4ngMnJ1GfK/bJLTOz+'
        'NlAIoKLy4MR5/ktzDTJpERRVNVch6Z1S5c4Tf+K2r2e7zJpNsU6m1y++w+woxMwstAOMdUbA0ECSxSdPSUT71YU6'
        'v0R5VAtrrcPQH6sjXSLb/QnvHCB7emYJV4a8ZZSY2k+TxhNFXbIqmF9tNam5AYugflubiwKD6oQyE6VOtAARJbMF'
        '52Z1Q1oBXtqqCXoDkJ5pwRjR4V2FyzqHoXPYrbH7XF5u9R3f82rdwRr0rVOBaHtoi4u/dlKYAYk8zV4QxvY6zXUF'
        '6sGJLeDJpJlUepX096Qawn3xtivrJhHcB3U77lnAKayMBd6Ep8+kcw6VmvlJhHonuDiRYyPdYPHFWvwpSip8lUFY'
        '/5inbXE+RyWhpi7KPtC/g+PO7RMYbZUDyfy6xpqNvIt0tbHhuAC7RYnfueTRX8BrcdmbLb0QapPiNzT11nVaHsIX'
        'jyeh9ufBcJb9agGVTtEgT05phH+UvMxsBnqdQUd3KklzJgEUKZgpPKrd7OyrvSBS5/0PCydQHDotTo7C/EAktRvl'
        'M7tkwGRWZ+0g4bgztZVY28ThROfFb/N4mLmCXxrg3EeVfnrf2O9x9wFtln3KfWpa4hXNbVkkPVg0Ol4Grz5yeqEf'
        'Lmb9x25zIPFeimeTEcYoHKRLv1bAmGM7ia+PHs40jU+Wwm77Bdk35Sk3Qq34v0wfdOQs1o+ZNfEkOuLcGiRa4lKV'
        '4cLlQxQDLKtoehR+TWSzrY/nix/77HeoiwHYV/nfuafMmrZx92a8Gn8nrhvC+zC6x7YZh/YS8ZsXm9NGWjvYrAJR'
        'cpdLa1EUgfs5UgxatftGNhV+bMvqzhSBj0QP/tqYJHjK9Gl8W56x2GwTmyvUvUDqpBl4Z6kpnMjv/SZ94MxKTiyL'
        'cXt+ckM2exdbMOjaoyweaL+fcDDV9x7KR1aFHp/X6AEOxP4Cblx2gQ=='
    )),
    ('zlib level 0 (stored)', deflate.AUTO, 0, a2b_base64(
        'eAEBuAtH9H6w5GJldGEgYmV0YSB0tq68YWxwaGEgMvQi8HpldGEKemV0YQpkZWx0YSBkZWx0YSCaYWxwaGEgeIR6'
        'ZXRhCmRlbHRhIGRlbHRhIPR+emV0YQpCDiSSSK48fN5wNGFscGhhIGdhbW1hCmdhbW1hCjZkZWx0YSBiZXRhIIhk'
        'ZWx0YSD2vmFscGhhIGRlbHRhIKYQOGFscGhhIB7uBloaYmV0YSBeZmFscGhhIGVwc2lsb24gHGFscGhhIEx6ZXRh'
        'CtxiZXBzaWxvbiBnYW1tYQphbHBoYSDqHmVwc2lsb24gkGJldGEgYWxwaGEg0GFscGhhIGJldGEgYWxwaGEgZXBz'
        'aWxvbiBcYmV0YSBiZXRhIGFscGhhIIhnYW1tYQp6ZXRhCrgeYmV0YSCIavpnYW1tYQpiZXRhIGFscGhhILhhbHBo'
        'YSCqDHpldGEKZ2FtbWEKemV0YQpUCBTcemV0YQplcHNpbG9uIGRlbHRhIChlcHNpbG9uIPAy/GdhbW1hCnpnYW1t'
        'YQoUPE5iZXRhIHpldGEKxEhmvvwEYWxwaGEgemV0YQpnYW1tYQplcHNpbG9uIGRlbHRhIAhw8A62gmJldGEgfHpl'
        'dGEK9npldGEKGHpldGEKFtx6ZXRhCvhiZXRhIO56ZXRhCj56ZXRhCgZ+ZXBzaWxvbiC8YmV0YSBnYW1tYQpYZ2Ft'
        'bWEKZXBzaWxvbiAoYWxwaGEgYmV0YSBIuGJldGEgJGVwc2lsb24gbGpnYW1tYQpnYW1tYQphbHBoYSCahK6sZ2Ft'
        'bWEKemV0YQr+UGJldGEgBjRG8HpldGEKYWxwaGEg/GVwc2lsb24gDGFscGhhIJyyNhBkZWx0YSA8emV0YQpiZXRh'
        'IGFscGhhIPJ6ZXRhCmdhbW1hCmVwc2lsb24g0GVwc2lsb24g8PiS5n4CtPDSYWxwaGEgZGVsdGEgymJldGEgmsbC'
        '+sBnYW1tYQriSGRlbHRhIGRlbHRhIPZKYWxwaGEgYWxwaGEgjGJldGEgZGVsdGEgYWxwaGEg7mFscGhhIPRnYW1t'
        'YQp6ZXRhCm5kZXBzaWxvbiBlcHNpbG9uIGdhbW1hCnpldGEK4hpkZWx0YSB6ZXRhCmVwc2lsb24gZ2FtbWEK5GVw'
        'c2lsb24gYmV0YSBkZWx0YSBiZXRhINiCKJBnYW1tYQrUZ2FtbWEKZXBzaWxvbiCSDuxkZWx0YSB6ZXRhCuxlcHNp'
        'bG9uIGFscGhhIHpldGEKemV0YQpkZWx0YSBhbHBoYSBnYW1tYQphbHBoYSBiZXRhIHpldGEKYmV0YSD0vD5hbHBo'
        'YSC4yGRlbHRhIEJnYW1tYQplcHNpbG9uIEYOYmV0YSBkZWx0YSBnYW1tYQroZ2FtbWEKemV0YQpiZXRhIGVwc2ls'
        'b24gZGVsdGEgQGJldGEgZ2FtbWEK7MxhbHBoYSBIZGVsdGEgSHpldGEKZXBzaWxvbiByAghiZXRhIGdhbW1hCgRk'
        'ZWx0YSBciHpldGEKbG520mVwc2lsb24g7gx2ZGVsdGEgCgZiZXRhIGJldGEgrGVwc2lsb24gZXBzaWxvbiBlcHNp'
        'bG9uIIDUKGFscGhhIPRnYW1tYQpnYW1tYQpCMsJhbHBoYSB6ZXRhCmFscGhhIHpldGEK3AJ+YmV0YSBKemV0YQph'
        'bHBoYSBnYW1tYQoEYmV0YSDGZ2FtbWEKZ2FtbWEKZGVsdGEgzsJnYW1tYQpiZXRhIHpldGEKZ2FtbWEKZXBzaWxv'
        'biBhbHBoYSACQBzsxmRlbHRhIGRlbHRhIGVwc2lsb24gZGVsdGEgYWxwaGEgZXBzaWxvbiAIZGVsdGEg2HpldGEK'
        '0npldGEKymJldGEgYWxwaGEgMmRlbHRhIEpnYW1tYQqgZGVsdGEgWGVwc2lsb24gemV0YQomYmV0YSBewGdhbW1h'
        'CvIGYmV0YSCM1mRlbHRhIGJldGEgmHpldGEKfnpldGEKZGVsdGEgyMYiemV0YQp6ZXRhCnpldGEKemV0YQo0rnpl'
        'dGEKZ2FtbWEKWGFscGhhIGdhbW1hCmFscGhhIGFscGhhIOYKYWxwaGEgzmJldGEgkGdhbW1hCmJldGEgYmV0YSBn'
        'YW1tYQqmYmV0YSBAZNBnYW1tYQrQKuhhbHBoYSDMYmV0YSBiZXRhIGdhbW1hCmdhbW1hCmJldGEgZXBzaWxvbiBl'
        'cHNpbG9uIGVwc2lsb24gZ2FtbWEKQjh6ZXRhCiZlcHNpbG9uIGJldGEgYWxwaGEgYWxwaGEgZ2FtbWEKFmRlbHRh'
        'IGJldGEgMP5hbHBoYSBkZWx0YSCg8npldGEK/l7uZXBzaWxvbiDwZXBzaWxvbiCuBGFscGhhIHpldGEKrpQO6mVw'
        'c2lsb24gZXBzaWxvbiCyHBySZXBzaWxvbiD4QljuYWxwaGEgZGVsdGEgZXBzaWxvbiBiZXRhICBlcHNpbG9uIG5C'
        'ZGVsdGEgZ2FtbWEKZXBzaWxvbiCSxGVwc2lsb24g+IzKQF4MQgpUrppiZXRhIGRlbHRhIHpldGEK/GFscGhhIHpl'
        'dGEKhmJldGEgJFRkZWx0YSBnYW1tYQq0BvZiZXRhIAxEpKDoZGVsdGEg3AxiZXRhIHpldGEKemFscGhhINpiZXRh'
        'IBrIZ2FtbWEKemV0YQpiZXRhILBsZGVsdGEgjmVwc2lsb24gYWxwaGEgZmdhbW1hCnpldGEKZ2FtbWEKZ2FtbWEK'
        'GmRlbHRhIGFscGhhIGVwc2lsb24gJmRlbHRhIGdhbW1hCm6cYmV0YSA2gFhnYW1tYQphbHBoYSB6ZXRhCvZkZWx0'
        'YSAY4mVwc2lsb24gZ2FtbWEKYWxwaGEgigY6CmdhbW1hCmJldGEgZGVsdGEgNmJldGEgrhjqZGVsdGEgGHpldGEK'
        '4vLMemV0YQp6ZXRhCtqmbExyQmRlbHRhIGFscGhhIGdhbW1hCmdhbW1hCmVwc2lsb24gVqbuNOQYYWxwaGEgAnpl'
        'dGEK7GJldGEg/mFscGhhIGx6ZGVsdGEgxmVwc2lsb24gbHpldGEK7GRlbHRhIGSEZGVsdGEgMmFscGhhIGJldGEg'
        'xnpldGEKZGVsdGEg7mdhbW1hCmJldGEgRt5kZWx0YSC6ZXBzaWxvbiDyeGJldGEgemV0YQp6ZXRhCojaTPJiZXRh'
        'IGJldGEgfPZkZWx0YSAckkx+Z2FtbWEKemV0YQpiemV0YQriZXBzaWxvbiBiAGwOYWxwaGEgamFscGhhIGJldGEg'
        'ZGVsdGEgAGJldGEgZ2FtbWEKZXBzaWxvbiC+YmV0YSCOPmCc/KhiBjB6ZXRhCmdhbW1hCkBhbHBoYSAANJgYhmRl'
        'bHRhIBhGZGVsdGEgZ2FtbWEKjChlcHNpbG9uIGJldGEggmVwc2lsb24gZXBzaWxvbiBlcHNpbG9uIERkZWx0YSA6'
        'ZGVsdGEgZ2FtbWEK7AplcHNpbG9uIHpldGEKZGVsdGEgZGVsdGEgcJBiZXRhIGVwc2lsb24gYmV0YSBlcHNpbG9u'
        'IAJiZXRhIHpldGEKYWxwaGEgYmV0YSD+sL5uemV0YQriZ2FtbWEKZ2FtbWEKePxCYmV0YSBiZXRhILp6ZXRhCmFs'
        'cGhhIGVwc2lsb24gZ2FtbWEKemV0YQpiZXRhIHpldGEKemV0YQpkZWx0YSBhbHBoYSBiZXRhIGKSXHpldGEKBv5h'
        'bHBoYSBoYWxwaGEgZ2FtbWEKJJRlcHNpbG9uIGVwc2lsb24gYmV0YSDOYWxwaGEgemV0YQpiZXRhIGdhbW1hCmVw'
        'c2lsb24g9mFscGhhIHpldGEKmuJnYW1tYQpOZXBzaWxvbiC+Z2FtbWEKZ2FtbWEK4NgmZXBzaWxvbiBhbHBoYSA6'
        'ZGVsdGEggrZ6ZXRhCkr0hMh6ZXRhCtT6zGdhbW1hClDUemV0YQpkZWx0YSBSemV0YQplcHNpbG9uIGFscGhhIIZi'
        'nmRlbHRhIFpiZXRhIGJldGEgYPgQZ2FtbWEKZXBzaWxvbiBlcG5cdoE='
    )),
    ('zlib wbits 9', deflate.ZLIB, 0, a2b_base64(
        'GBllj29EJHgYxzMyMsboxVpJkpXkXq0kK0nGykjWOjlZyc6obi+z3djLSjJWkpysjH2xktOLk3PWyFrJSlbWSJIk'
        'J8k6IysZY4wxkpFd30/P9ZvuzfP8nu+/5/nFV08jw+PhBpXxteRGOBp7Fm5oKdzLTX7HfSpDw9HvEuoigomZ/zGF'
        'uKBgoDERSnZMfYm1Iv05/Px52EdtI0Tb5ngXN5ExrVQ/YKzPep/USjc4AjIc++2X6K9jDXWMvdp2EjGYBXDn9YYu'
        'KAJ0n+YgphoQ5hBzpGnFer2IudFLQEe2TuLffgkdT1/VnRNhtoHfNduYayldq2l3Oh4pVp7PoZHNUiXRTrB5iaqK'
        '5QJr0zJNSVRUrVG9y/IL0VlBnareuKVsiGN7P82oZlZLEFpXazQuOoqWinBxJvmOWTuuHsvibe3OaUZUsgQ/89L7'
        'tmp+0iGVPFB5AeU37Zs9d5H4Gvd8yB2gJWJH7sXU1uUnbOkQBLXYg5g6LzEMSJZWcD4xNmQLrTtkuha37iznT210'
        'luh5NN28QMQhzYSJQMZJyxjMSdqg4t5LAAqFS6FXYaMTfH0bR7B8W3fAOQzqjHaTYScQ0CUDmswu4SGokDwmf+Gp'
        'cqSVSAbmpImOvTwwXdb/Es7nlV7lnbG3+6vDZnYWOIEabNkCVbrzPPHEldfjEFgqhafcFM7Y2wITLxuzXUK6p6su'
        'k8JANZoJkWFVgEdKO1DdUTyyFuge9iwz9ZtZ8ibJBz8hyXs1zv+DVMNb6eKqwNupe5puldakAJL6uYCBN/Wrj76n'
        '8AUEeqswr+jdNbTPuP/DGabd20LHbt+63ZEEH+i4JmMV5N6F7K7z8ftX8EDLeQVcDWYtImePZCVCCZJvAudGWH9f'
        'V5ew90WwP+vmGq6DGmwaC7KVqwxNfLbXxfxO16A/6OtLLsqIWgeUnGNmRTb2uWEfvEWh/od/Lp9BnPiFyD6J/VhI'
        '7TYHiBGyGsXy2i5BPuLoeFJrUSMyS5N7ztiSctte9eNwri+iq0mb0VX87m33McuPtE3vZM35tVN3p/O7/Gx4POw7'
        'Xon2vghCs4oQqi36aSXbeloD75E5o+QroOgkASnTR9GADs3QWxDLmJIAPOuc3f0F7KMl5Sekvzl47rg3L0hlqoi+'
        'LtEbJ0bKiGraQiIV0QDLR50bcFYop/y7m8Jedz5dKv0V8d5XGIou/BWtb2tm8dd00+Hnm//bOTwebpi26XZ/iKnd'
        '9WZ8ptJCKGpsQRcZXzZ4NMnifO5qdXNMWJrDqBOloNQqHx2PJSMTcROrkUOcDZHEgAjvFeAzGgmNbyzRuuL20Nzk'
        'ozZN0aEXrw9/ZOQmWuq/R02G42nnvuk1ZfcUZrb1OLzcxfD4UDOqH/UuD5iN/AH5RJeqPL2oLj9wOPYNblx2gQ=='
    )),
    ('gzip', deflate.GZIP, 0, a2b_base64(
        'H4sIAAAAAAACA3VWf0TcYRjPmZNzTn/MnJwkydlfc05mknMmJ0kmcybZpdqW725nmyQ5SZJJcvbHnEx/TGbmZCaZ'
        'ZDInSZJMkplkknNyzklOtj2f73vfz3td/7zf932ez/O8z4/P897Fl477Bl5H6mV5vZxajRixp5F6X77hbPSfyCFL'
        '/4DxT4s1CcDI5BVNPi6ioKsxEUq1jP2K+QF9Enn+POLA2gyo3DaNfWENMJwWa+7iWJe1P6oVXO8gJAOxV8+MF9F6'
        'D44dctthnxLjAuhO65R0TlxAuoMPSRSqx6oBFNPwJles1CHcoQsICbaCzyenAMmmu/rmoWzUDcjOq45nvqKJxudm'
        'S6e4FZsfocG14g24Jse6q+rYmWt5QozGBFSQ1S3rLVx+Luqs7FtltceVl1XRwXNYv8BLdQqtyKdR6YwhbieAycnU'
        'Z8r9sktM7P42UAigovLgxHn+S3MNMmkRFFU1VyHpnVLlzhN/4ravZ7vMmk2xTqbXL77D7CjEzCy0A4x1RsDQQJLF'
        'J09JRPvVhTq/RHlUC2utw9AfqyNdItv9Ce8cIHt6ZglXhrxllJjaT5PGE0VdsiqYX201qbkBi6B+W5uLAoPqhDIT'
        'pU60ABElswXnZnVDWgFe2qoJegOQnmnBGNHhXYXLOoehc9itsftcXm71Hd/zat3BGvStU4Foe2iLi792UpgBiTzN'
        'XhDG9jrNdQXqwYkt4MmkmVR6lfT3pBrCffG2K+smEdwHdTvuWcAprIwF3oSnz6RzDpWa+UmEeie4OJFjI91g8cVa'
        '/ClKKnyVQVj/mKdtcT5HJaGmLso+0L+D487tExhtlQPJ/LrGmo28i3S1seG4ALtFid+55NFfwGtx2ZstvRBqk+I3'
        'NPXWdVoewhePJ6H258Fwlv1qAZVO0SBPTmmEf5S8zGwGep1BR3cqSXMmARQpmCk8qt3s7Ku9IFLn/Q8LJ1AcOi1O'
        'jsL8QCS1G+Uzu2TAZFZn7SDhuDO1lVjbxOFE58Vv83iYuYJfGuDcR5V+et/Y73H3AW2Wfcp9alriFc1tWSQ9WDQ6'
        'XgavPnJ6oR8uZv3HbnMg8V6KZ5MRxigcpEu/VsCYYzuJr48ezjSNT5bCbvsF2TflKTdCrfi/TB905CzWj5k18SQ6'
        '4twaJFriUpXhwuVDFAMsq2h6FH5NZLOtj+eLH/vsd6iLAdhX+d+5p8yatnH3ZrwafyeuG8L7MLrHthmH9hLxmxeb'
        '00ZaO9isAlFyl0trURSB+zlSDFq1+0Y2FX5sy+rOFIGPRA/+2pgkeMr0aXxbnrHYbBObK9S9QOqkGXhnqSmcyO/9'
        'Jn3gzEpOLItxe35yQzZ7F1sw6NqjLB5ov59wMNX3HspHVoUen9foAQ7E/gLMI4f4uAsAAA=='
    )),
    ('gzip auto', deflate.AUTO, 0, a2b_base64(
        'H4sIAAAAAAACA3VWf0TcYRjPmZNzTn/MnJwkydlfc05mknMmJ0kmcybZpdqW725nmyQ5SZJJcvbHnEx/TGbmZCaZ'
        'ZDInSZJMkplkknNyzklOtj2f73vfz3td/7zf932ez/O8z4/P897Fl477Bl5H6mV5vZxajRixp5F6X77hbPSfyCFL'
        '/4DxT4s1CcDI5BVNPi6ioKsxEUq1jP2K+QF9Enn+POLA2gyo3DaNfWENMJwWa+7iWJe1P6oVXO8gJAOxV8+MF9F6'
        'D44dctthnxLjAuhO65R0TlxAuoMPSRSqx6oBFNPwJles1CHcoQsICbaCzyenAMmmu/rmoWzUDcjOq45nvqKJxudm'
        'S6e4FZsfocG14g24Jse6q+rYmWt5QozGBFSQ1S3rLVx+Luqs7FtltceVl1XRwXNYv8BLdQqtyKdR6YwhbieAycnU'
        'Z8r9sktM7P42UAigovLgxHn+S3MNMmkRFFU1VyHpnVLlzhN/4ravZ7vMmk2xTqbXL77D7CjEzCy0A4x1RsDQQJLF'
        'J09JRPvVhTq/RHlUC2utw9AfqyNdItv9Ce8cIHt6ZglXhrxllJjaT5PGE0VdsiqYX201qbkBi6B+W5uLAoPqhDIT'
        'pU60ABElswXnZnVDWgFe2qoJegOQnmnBGNHhXYXLOoehc9itsftcXm71Hd/zat3BGvStU4Foe2iLi792UpgBiTzN'
        'XhDG9jrNdQXqwYkt4MmkmVR6lfT3pBrCffG2K+smEdwHdTvuWcAprIwF3oSnz6RzDpWa+UmEeie4OJFjI91g8cVa'
        '/ClKKnyVQVj/mKdtcT5HJaGmLso+0L+D487tExhtlQPJ/LrGmo28i3S1seG4ALtFid+55NFfwGtx2ZstvRBqk+I3'
        'NPXWdVoewhePJ6H258Fwlv1qAZVO0SBPTmmEf5S8zGwGep1BR3cqSXMmARQpmCk8qt3s7Ku9IFLn/Q8LJ1AcOi1O'
        'jsL8QCS1G+Uzu2TAZFZn7SDhuDO1lVjbxOFE58Vv83iYuYJfGuDcR5V+et/Y73H3AW2Wfcp9alriFc1tWSQ9WDQ6'
        'XgavPnJ6oR8uZv3HbnMg8V6KZ5MRxigcpEu/VsCYYzuJr48ezjSNT5bCbvsF2TflKTdCrfi/TB905CzWj5k18SQ6'
        '4twaJFriUpXhwuVDFAMsq2h6FH5NZLOtj+eLH/vsd6iLAdhX+d+5p8yatnH3ZrwafyeuG8L7MLrHthmH9hLxmxeb'
        '00ZaO9isAlFyl0trURSB+zlSDFq1+0Y2FX5sy+rOFIGPRA/+2pgkeMr0aXxbnrHYbBObK9S9QOqkGXhnqSmcyO/9'
        'Jn3gzEpOLItxe35yQzZ7F1sw6NqjLB5ov59wMNX3HspHVoUen9foAQ7E/gLMI4f4uAsAAA=='
    )),
    ('raw wbits 10', deflate.RAW, 10, a2b_base64(
        'dVJ/RNxhGM/JSc7pj5mTk0xy9teck0lyzuQkM5M5k3SptuXb7WyTJGeSZDI5+2NOpj8mM3MySZJMcpIkySTJJEnO'
        'Oeec5GTb5/N97/u8t/bP877v83yez/v8+MQWTnv734TrYd4sJVfDRvR5uN6bv5Md/eOqhunrN/5EaRMEjEz8E8nH'
        '4Ao4G+LBZMvYcdRH6LPw0FC4mraJUPw2xXthjTC+5mvu81mXsT+tBa57gJ7+6OsXxstIvZvPDvx21Kvc/ICxizrl'
        'nQEFvbs8hEehuqwZMDBFNnyxXMdyB6/oFLBlHl8dAIqczqpbR7ioH9idRz2z3qKJ5nGr5SFokbMRHFgrVpJaEOtU'
        'VdGsc2kcSWMAFWBdsLf5+SXCGdxbYe0xxbKKGJlD+gceMafgMo4GFTMG5ToJTEwkv4nerx8hxe5ro4QIKioGB9+z'
        '35tq2EkLUGKquRua3i1N7jJ+FrMtZvekaraQnUitX/1g2klQKrPQTjDtNMCM0JPhkRdNRPrUh7q+EDypZba2YcZP'
        '1VN8guvBuGeGkH29s7gzLdjSyi3WDyPrlcO3ZINbfrXVlOYmMwL6b21OURhD56IzBHWh+YVQ0tskN6cb1AbwylYl'
        'oJWEdE0BY0SG9xQu4xhmrNoOPMy38nGr8+2+R9sObcC7LgYkrke2GPjaRcAsCP6UZGEZO+t8WZPUR0YSm9+dTklR'
        '6VMiSPmq6DwA2x7slhC4l+F2/jPHV0glA94IeLcp5xwnNf1TCOojcDEhjs3UHUsvlvElRVOhfxVEe2a+dkA+I0Yi'
        'ljqPu79vl8/du+dM2i4HivT/LdZc5H22q7xiSrLS26Lxe9eM0DWXA8F1d0ZRZNUlWSmEkfzgvCgv4bvbHVf3y0Ao'
        'I3m1gkqvSIBRXSHxjRLL9Ja/2xGo7kwmkEg0CiiKYiYRbOiUZIv2AryOB5/nzhk4cliaHGX6ITy1m8xBBJ4Fgynv'
        'ddUOCJzcTO1Nqm2U5URmwdv0NiS1AqICca4TfZVEvLM3y+0T2oR70nVhZoLmJLdtifRw3uh4FZBVyXLVR0/mM75T'
        'F+M25KXBbCrCGCVBSuENYujtm+DpJRiJKQDoz4iy247pW1FMuRGxir9m6rAjZ6l+zJyJO94Rk6thoyUtVRhOfj4o'
        'amBmBe56u2vwvW/tmS1+6bXfE1v0M7/C99E1ac60TW5v2qPpd1y9ys8HTGqWuenS/2I4tNEZ0Gnc6mGzBiSau15Y'
        'i3AIcp8jxYA1uxWRoyvKkrc1dykRcsS7ELCbIngu5dPwobxj5OwINd8w94IIJ8zCH5aWIhv5ddCo/MwxJzm+hOT2'
        '/MQmLvtX20x4tC+6eIy7TjDZ+4nBp9aEei5r9AL7o78B'
    )),
    ('zlib fixed codes', deflate.ZLIB, 0, a2b_base64(
        'eAGr2/AkKbUkUQFMlGxbtycxpyAjUcHoi9KHKqAQF5hISc0BykLIWRAFFS0YMl/qwEJOfCqTPNbZ1NwrMIEoTU/M'
        'zU3kgpBmEKVg2zog7G/7IMogvGUCFhCu3Du2KCmwurg0iEhqQXFmTn6eggyE6wO27U4STBhiAUTulRxMdALYCIjo'
        'BQiFJAJTFYMIA4hEB8Q0sBU75CDOzfoFEURStgNCreIBK0TSE8IhcgfMgNkA8Z0GjPvB6A9UNYQSsfEDGwvWc8Qj'
        'bd8fFojRSAajGsVR8IFvWxNYUw1Y0TcwKQEmxSCW/wBLvwOz7cAkWx3MlD1gOYjJEagWaCCFk8cOMKUCk8vJQo5O'
        'iMJZLevWIPn9XwBYC5uJGyQJQRT9gZnAA+HP2WQmAPGJDVgVUqh+wuLpC/CQ+zHpWR3Tlg+XkFPNKbDuWccO/ToA'
        '0fbIAzllfvOCKIaQPWDFEBmIyDsI9QXJE3kpMAtR0xdY8pEURDdKDEPkn8C4SJaAmTeaNCZAlFxB9dkkvjdIpr2B'
        'CSNFP1JOQ85RSLGECMEve+ygSfMERIcTqm1ufEgOg0i9QPIZWBI1oTkgJZQ3ZyCGQ0PXAyUAipg4kJSyQJTEdIDV'
        '5OSVXYKpe8dTBpHjYkNkuzXowQ2jG65ooMQOhHQyOoQUQEjMO0x1YPO8kCSgDgKLH0M2BeKMc4eQ8jWWpAcxhMlB'
        '5s0x5ESFGkqo5QkHRPAG2LRLYPIUUgI3gkh7QexZAOFFwDSDlatBij5ocv4ECamea0gJagZYXR1S4jhxTAmRXhCE'
        'yTokT0VgpiAI+QzKOwc2fAJSkCBF6jIw2yHlAoR7QesFRNMZdIVI2nFFLDQiLSDeRck2yO6CKBND8rjBP+SsvwBS'
        'WvyLewcvIWCMdchl6LopfK/QnbBJRmYSjP3DKeIdsrkoDoLz8pyQcw48Cx+Bm9JzyiGOx4krZN0spHwGdsAfJMe0'
        'QQrVEGTDtrB9A4vyuCxZ8AIicYcHkSarINpvgUWkTqDn2Q05EC19qKk2DUkdcsxIYUu1asjOyZsDNtesIQI5rUBq'
        'Gog6iUfYqt4uNivk2IcoNQOz10m8guqElKKfziAS6a1lOT5FTpiFHGpAhy17Z/JEApohIeUl2GRoisipghhwDF5b'
        'QdRAs20LhDZCKjiPIWWfd0jOdrsHEdsFM+lTBVJUgIiOWz6fEKm+BhomMpN86pCjBuJReFpiyOGDWJ6F5AaITgak'
        '3ANTvw8s1meXMOfPiiQ2A6RYdIDoZzCZIdEGDVM35Njr0UBJv024MqELRJMVst43XCglEXKZVzABJUujcJgQAYTk'
        'uX8b9uVBAgE5Piv+OCHCbheSHiyVLVq4IycRiBmTYiBNG2giyEBOPipT0H0M1nMOKTVjCfdvSNKzoA73g0cKskce'
        '3FBDzXDQkGzaBtbs9aXlBJhx5dcZiIaAK0i+CEKpPyEGtCXNg0hGIUIo4YcAqgNTCwBuXHaB'
    )),
    ('zlib several blocks', deflate.ZLIB, 0, a2b_base64(
        'eJxsUzFIAmEUhggREXGQCAmRcHAWkQZxcIgjIhoaIiI4USs57SCHCLlBHBwaxFGaGyIkIsRBJCIimiQaGqRBpCFE'
        'jjhERCJ5n3++o5b3/ve+733v3vv/0667sURW9pLJ1qoNWVEPZG/AWNZPJykbmXhCmaCwFRBOCn8QQ6NU1OErS9Vw'
        '7l0Ngrovp9OyDTYEKnUr4jxogobowrmC0NO37LiJt5dEJqEeHypHGe8SwnXq1o6JNBoA+/SIbIkkkG3BsYxg7c52'
        'AKAINWpR9+BzUyMkGa0Od2knIqvZsrradBAdMJ1fhHpgPGXDucIbJEs1D1KyOZ6HNBM2S1lV3VHLU1GOSAOyi2QX'
        '0HxIcJ/OEbIWTag0CIPytrmBn+1JqpPzCUxJ8esEsVKoXrHZvzepxBJcxRMCaSwU7IjPb0JOTBImFtvq1z9Dt343'
        'Nyx/aHO3+gt/Nc9UXXm8H92hrCPxlzlYAxn2jMhAkOnDGWyITFw0NL8vAjtuVJtuGHhXhKwJHd/y/hIor+bJyo4e'
        'U+uJNLt+9qfxP4rd0myDRiMyfZpPqIiC/AMAAP//dVVfZFthFI+oqIjY00TlIaai9lQRNX2YuCoqYmZqYiqaaLZu'
        'brPopiomqipqoir6UFWTh4k9TNTMHvpQUxNREVUxFTVTM1ERExU1EevO7/tyzxfty7nfOed3fvd858+9scSr5/rL'
        'uMtvj8ZeR1yzMf1KPovMz0esdTySV3YrOWMCC5CPbMA0yhE9MRdxTcI1STESvmAeZNABQKbXCKPHF48lrmlbhM9q'
        'ITyJj9Lb/1yujuCdF+CF1DwHsBI7O56aU8QXYA6RENmLnAVpVA6gkZ/CoMsMQGL2ORtFBECqVQJI2gZhPCG2Y5KH'
        'RA+YB+4A3pODFpLBBHcTPPwVkBYqlfkOKClbhEuRhLlUvENan/AW2KVCvCQ4Q/4WWoXIN1hJWFPzdPbNHkE9ultH'
        'ULkfyMJvaqxo5D1cV1pZlXimt9nFR7vwwJRrEUE33JQUf+ShMMAGo7BpP+9P4ZPTmZXnSy3U5LxKQj0trvHNkdbs'
        'tx5L5tAXtmnWqcI22zNKoMOSSZNzeIqTfba0yWqbeJ+rw3FqM2YyifAaWYZK/Tu7qyNkXZ3apwzHOzN03dS6eTrx'
        'HeIdWw7xWSGiNnCOM7WVQLy1jPPuAzpG54LjXEQSzVmrbAxpLa8HFzSeFU9Xvuhxvun95RALSXENYhYToSdBUJR4'
        'HRixtqt4egDG54CtT5Ol7f8B255kai2xVvwXa7Vgy5j6N6ImzmwwxVuDi/ZmyaTb8fIXLAdEmtj2SPw+2dbvz+x0'
        'PkQto6yLPsSbvFuOtKipn3cvM6LM78pNSziBoHEe27AqXyL+zUtsKCutKGajQOxy3d39OIrA+7nU0Yza7bEYdaKM'
        '8TbqzkcEHNlpcljEEMzx8Rne7L8xxVTYNF9T9zZzb4vEH/Sawi/y88StLpyo5MoXCg5crJboUP1bRsDDKrvFI+X/'
        'CYJ09B2cT4wKzVzeUhOMJf4Bblx2gQ=='
    )),
    ('empty', deflate.ZLIB, 0, a2b_base64(
        'eJwDAAAAAAE='
    )),
]

for name, fmt, wbits, blob in BLOBS:
    expect = b"" if name == "empty" else D1
    d = deflate.DeflateIO(io.BytesIO(blob), fmt, wbits)
    out = d.read()
    print(name, len(out), out == expect, d.read(), d.read(10))
    # in pieces
    d = deflate.DeflateIO(io.BytesIO(blob), fmt, wbits)
    parts = []
    while True:
        p = d.read(777)
        if not p:
            break
        parts.append(len(p))
    print(" pieces", parts)

d = deflate.DeflateIO(io.BytesIO(BLOBS[0][3]), deflate.ZLIB)
print(d.readline(), d.readline(5))
buf = bytearray(100)
print(d.readinto(buf), crc32(buf))
print(crc32(d.read()))

# trailing data after the compressed stream stays in the wrapped stream
s = io.BytesIO(BLOBS[3][3] + b"TRAILER")
print(len(deflate.DeflateIO(s, deflate.GZIP).read()), s.read())

# compression round trips, with the zlib header DeflateIO writes
for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP, deflate.AUTO):
    for wbits in (0, 5, 9, 15):
        out = io.BytesIO()
        with deflate.DeflateIO(out, fmt, wbits) as d:
            d.write(D1[:1234])
            d.write(b"")
            d.write(D1[1234:])
        comp = out.getvalue()
        print("write", fmt, wbits, comp[:2].hex() if fmt == deflate.ZLIB else comp[:4].hex() if fmt == deflate.GZIP else "",
              len(comp) < len(D1))
        back = deflate.DeflateIO(io.BytesIO(comp), deflate.RAW if fmt in (deflate.RAW, deflate.AUTO) else fmt, 15 if fmt in (deflate.RAW, deflate.AUTO) else 0)
        print(" back", back.read() == D1)

# errors
def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        arg = e.args[0] if e.args else ""
        print(type(e).__name__, arg if arg in (22, "format", "wbits") else "")

zblob = BLOBS[0][3]
attempt(lambda: deflate.DeflateIO(io.BytesIO(zblob[:-1] + bytes([zblob[-1] ^ 1])), deflate.ZLIB).read())
attempt(lambda: deflate.DeflateIO(io.BytesIO(zblob[:40]), deflate.ZLIB).read())
attempt(lambda: deflate.DeflateIO(io.BytesIO(b"\x00\x01garbage"), deflate.ZLIB).read())
attempt(lambda: deflate.DeflateIO(io.BytesIO(zblob), deflate.GZIP).read())
attempt(lambda: deflate.DeflateIO(io.BytesIO(BLOBS[3][3]), deflate.ZLIB).read())
attempt(lambda: deflate.DeflateIO(io.BytesIO(b""), 7))
attempt(lambda: deflate.DeflateIO(io.BytesIO(b""), deflate.RAW, 16))
# a back-reference further than a 256-byte window
far = io.BytesIO()
with deflate.DeflateIO(far, deflate.RAW, 15) as d:
    d.write(D1[:1000] + D1[:1000])
attempt(lambda: len(deflate.DeflateIO(io.BytesIO(far.getvalue()), deflate.RAW, 8).read()))
attempt(lambda: len(deflate.DeflateIO(io.BytesIO(far.getvalue()), deflate.RAW, 11).read()))
closed = deflate.DeflateIO(io.BytesIO(zblob), deflate.ZLIB)
closed.close()
attempt(lambda: closed.read())
s = io.BytesIO()
deflate.DeflateIO(s, deflate.RAW, 0, True).close()
attempt(lambda: s.getvalue())
