#!/usr/bin/env python3
"""Generate bigint_cases.txt: randomized BigInt cases with results computed by CPython.

Usage: python3 gen_bigint_cases.py [output]   (default: bigint_cases.txt next to this script)

Deterministic (fixed seed). One case per line, tokens separated by single spaces.
Integers are written in hexadecimal with an optional leading '-' and no prefix ("-1f", "0"),
unless noted as decimal. Lines starting with '#' are comments.

  add|sub|mul|and|or|xor|gcd A B R
  divmod A B Q R          floor division and modulo (Python // and %)
  quorem A B Q R          truncating division (quotient rounded toward zero)
  cmp A B C               C in -1, 0, 1 (decimal)
  inv A R                 ~A
  pow A E R               A ** E, E decimal
  powmod A E M R          pow(A, E, M); R is ERR when not invertible
  shl|shr A N R           A << N, A >> N, N decimal
  str A D                 D = str(A) (decimal)
  base B A S              S = A written in base B (lowercase, no prefix), B decimal
  bitlen A N              A.bit_length(), decimal
  hash A H                hash(A), decimal
  float A F               float(A) as the hex IEEE-754 bit pattern, or OVF
  truediv A B F           A / B as the hex IEEE-754 bit pattern, or OVF
  trunc F R               int(F) for the double with bit pattern F
  cmpf A F C              comparison of A with the double F (-1, 0, 1)
  tobytes A LEN ORDER SIGNED HEX    A.to_bytes(LEN, ORDER, signed=SIGNED); ORDER l|b, SIGNED 0|1,
                                    HEX the bytes in hex ('-' when empty) or OVF
  frombytes HEX ORDER SIGNED R      int.from_bytes(...)
  parse BASE HEXTEXT R    int(text, BASE) where HEXTEXT is the text's bytes in hex; R is ERR when
                          CPython raises ValueError
"""

import math
import random
import struct
import sys
import os

sys.set_int_max_str_digits(0)
rng = random.Random(20240611)


def h(x):
    return ('-' + format(-x, 'x')) if x < 0 else format(x, 'x')


def fbits(f):
    return format(struct.unpack('<Q', struct.pack('<d', f))[0], 'x')


def rand_mag(maxbits=600):
    mode = rng.random()
    if mode < 0.15:
        k = rng.choice([31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 160, 192, 256, 320, 512])
        k = min(k, maxbits)
        return max(0, (1 << k) + rng.choice([-2, -1, 0, 1, 2]))
    if mode < 0.35:
        limbs = rng.randint(1, max(1, maxbits // 32))
        v = 0
        for _ in range(limbs):
            v = (v << 32) | rng.choice([0, 0xFFFFFFFF, 0xFFFFFFFF, 1, 0x80000000, 0x7FFFFFFF,
                                        rng.getrandbits(32)])
        return v
    bits = int(math.exp(rng.uniform(0, math.log(maxbits))))
    return rng.getrandbits(bits) | (1 << (bits - 1))


def rand_int(maxbits=600, nonzero=False):
    while True:
        v = rand_mag(maxbits)
        if rng.random() < 0.03:
            v = rng.choice([0, 1, 2])
        if nonzero and v == 0:
            continue
        return -v if rng.random() < 0.5 else v


def quorem(a, b):
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return q, a - q * b


def cmp(a, b):
    return (a > b) - (a < b)


def rand_parse_text():
    base = rng.choice([0, 0, 0, 2, 8, 10, 10, 16, 16, 36, rng.randint(2, 36)])
    digit_base = base if base else rng.choice([2, 8, 10, 16])
    alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'[:digit_base]
    parts = []
    if rng.random() < 0.2:
        parts.append(rng.choice([' ', '  ', '\t', '\n', ' \r\n', '\x0b', '\x0c', '\x1c']))
    if rng.random() < 0.4:
        parts.append(rng.choice(['-', '+', '-', '--', '+-']) if rng.random() < 0.1 else rng.choice('-+'))
    if rng.random() < 0.1:
        parts.append(' ')
    prefix_for = {16: '0x', 8: '0o', 2: '0b'}
    if rng.random() < 0.4:
        p = prefix_for.get(digit_base, rng.choice(['0x', '0o', '0b']))
        if rng.random() < 0.15:
            p = rng.choice(['0x', '0o', '0b', '0X', '0O', '0B'])
        if rng.random() < 0.3:
            p = p.upper()
        parts.append(p)
        if rng.random() < 0.2:
            parts.append(rng.choice(['_', '__']))
    n = int(math.exp(rng.uniform(0, math.log(120))))
    digits = []
    if rng.random() < 0.15:
        digits.append('0' * rng.randint(1, 3))
    for _ in range(n):
        c = rng.choice(alphabet)
        if rng.random() < 0.3:
            c = c.upper()
        digits.append(c)
        if rng.random() < 0.08:
            digits.append(rng.choice(['_', '_', '_', '__']))
    s = ''.join(digits)
    if rng.random() < 0.05:
        s = '_' + s
    if rng.random() < 0.05:
        i = rng.randint(0, len(s))
        s = s[:i] + rng.choice(['g', 'z', '.', ' ', '#', '9', '-', '_']) + s[i:]
    if rng.random() < 0.03:
        s = ''
    parts.append(s)
    if rng.random() < 0.2:
        parts.append(rng.choice([' ', '\n', '\t ', '\x0c']))
    text = ''.join(parts)
    return base, text


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), 'bigint_cases.txt')
    lines = ['# Generated by gen_bigint_cases.py with CPython %s; do not edit.' % sys.version.split()[0]]

    def emit(*tokens):
        lines.append(' '.join(str(t) for t in tokens))

    for _ in range(200):
        a, b = rand_int(), rand_int()
        emit('add', h(a), h(b), h(a + b))
        a, b = rand_int(), rand_int()
        emit('sub', h(a), h(b), h(a - b))
    for _ in range(230):
        a, b = rand_int(), rand_int()
        emit('mul', h(a), h(b), h(a * b))
    # A few products large enough for Karatsuba (threshold 40 limbs).
    for _ in range(8):
        a = rand_int(rng.choice([1300, 2600, 4000])) | (1 << rng.randint(1280, 1400))
        b = rand_int(rng.choice([1300, 2600, 4000])) | (1 << rng.randint(1280, 1400))
        emit('mul', h(a), h(b), h(a * b))
    for _ in range(280):
        a, b = rand_int(), rand_int(nonzero=True)
        if rng.random() < 0.3:
            # Quotients of various lengths with structured operands.
            b = rand_int(300, nonzero=True)
            a = b * rand_int(300) + rand_int(300) % abs(b) * rng.choice([1, -1])
        emit('divmod', h(a), h(b), h(a // b), h(a % b))
    for _ in range(160):
        a, b = rand_int(), rand_int(nonzero=True)
        q, r = quorem(a, b)
        emit('quorem', h(a), h(b), h(q), h(r))
    for _ in range(120):
        a = rand_int()
        b = a if rng.random() < 0.15 else (-a if rng.random() < 0.1 else rand_int())
        emit('cmp', h(a), h(b), cmp(a, b))
    for _ in range(80):
        a = rand_int()
        emit('inv', h(a), h(~a))
    for _ in range(120):
        a = rand_int(rng.choice([8, 40, 100, 200]))
        e = rng.randint(0, max(1, 900 // max(1, a.bit_length())))
        emit('pow', h(a), e, h(a ** e))
    for _ in range(150):
        a = rand_int(rng.choice([64, 300, 600]))
        m = rand_int(rng.choice([16, 64, 200, 600]), nonzero=True)
        e = rand_int(rng.choice([4, 40, 200]))
        if e < 0 and rng.random() < 0.5:
            e = -e
        try:
            r = h(pow(a, e, m))
        except ValueError:
            r = 'ERR'
        emit('powmod', h(a), h(e), h(m), r)
    for _ in range(160):
        a = rand_int()
        n = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randint(0, 700)])
        emit('shl', h(a), n, h(a << n))
        a = rand_int()
        n = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randint(0, 700)])
        emit('shr', h(a), n, h(a >> n))
    for op, f in (('and', lambda x, y: x & y), ('or', lambda x, y: x | y), ('xor', lambda x, y: x ^ y)):
        for _ in range(130):
            a, b = rand_int(), rand_int()
            emit(op, h(a), h(b), h(f(a, b)))
    for _ in range(60):
        a, b = rand_int(), rand_int()
        emit('gcd', h(a), h(b), h(math.gcd(a, b)))
    for _ in range(130):
        a = rand_int(rng.choice([64, 200, 600, 1200]))
        emit('str', h(a), str(a))
    for _ in range(80):
        a = rand_int()
        b = rng.randint(2, 36)
        digits = '0123456789abcdefghijklmnopqrstuvwxyz'
        m, s = abs(a), ''
        while m:
            m, d = divmod(m, b)
            s = digits[d] + s
        s = s or '0'
        emit('base', b, h(a), ('-' if a < 0 else '') + s)
    for _ in range(60):
        a = rand_int()
        emit('bitlen', h(a), a.bit_length())
    for _ in range(120):
        a = rand_int(rng.choice([64, 200, 600]))
        if rng.random() < 0.1:
            a = rng.choice([1, -1]) * ((1 << 61) - 1) * rng.randint(0, 5) + rng.choice([-2, -1, 0, 1])
        emit('hash', h(a), hash(a))
    # float(int): random, ties, and the overflow boundary.
    for _ in range(130):
        r = rng.random()
        if r < 0.4:
            a = rand_int(1100)
        elif r < 0.7:
            # Exactly halfway between two doubles, or just around it.
            m = (rng.getrandbits(52) | (1 << 52)) * 2 + 1
            k = rng.randint(1, 960)
            a = (m << k) + rng.choice([0, 0, 1, -1]) * rng.choice([1, 1 << max(0, k - 1)])
            if rng.random() < 0.5:
                a = -a
        else:
            a = (1 << 1024) - rng.choice([1, 1 << 970, (1 << 970) + 1, (1 << 970) - 1, 1 << 971, 0])
            a = a if rng.random() < 0.5 else -a
        try:
            f = fbits(float(a))
        except OverflowError:
            f = 'OVF'
        emit('float', h(a), f)
    # True division, including overflow and subnormal results.
    for _ in range(180):
        r = rng.random()
        if r < 0.6:
            a, b = rand_int(), rand_int(nonzero=True)
        elif r < 0.8:
            b = rand_int(rng.choice([60, 200]), nonzero=True)
            a = rand_int(rng.choice([60, 200])) << rng.randint(950, 1080)
        else:
            a = rand_int(rng.choice([60, 200]))
            b = rand_int(rng.choice([60, 200]), nonzero=True) << rng.randint(1000, 1150)
        try:
            f = fbits(a / b)
        except OverflowError:
            f = 'OVF'
        emit('truediv', h(a), h(b), f)
    for _ in range(80):
        r = rng.random()
        if r < 0.5:
            d = rng.uniform(-1, 1) * 2.0 ** rng.randint(-5, 1023)
        elif r < 0.8:
            d = rng.uniform(-1e6, 1e6)
        else:
            d = float(rng.choice([1, -1]) * rng.getrandbits(rng.randint(1, 80)))
        emit('trunc', fbits(d), h(int(d)))
        a = rand_int(1030)
        if rng.random() < 0.4:
            a = int(d) + rng.choice([-1, 0, 0, 1])
        emit('cmpf', h(a), fbits(d), cmp(a, d))
    for _ in range(150):
        a = rand_int(rng.choice([8, 16, 64, 128, 200]))
        n = max(0, (a.bit_length() + 7) // 8 + rng.choice([-1, 0, 0, 1, 2]))
        order = rng.choice(['little', 'big'])
        signed = rng.random() < 0.6
        if rng.random() < 0.1:
            a = -(1 << (8 * n - 1)) if n > 0 else 0
        try:
            bs = a.to_bytes(n, order, signed=signed)
            res = bs.hex() or '-'
        except OverflowError:
            res = 'OVF'
        emit('tobytes', h(a), n, order[0], int(signed), res)
        bs = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 24)))
        if bs and rng.random() < 0.2:
            bs = bytes([rng.choice([0x80, 0xff, 0x00])]) + bytes([rng.choice([0, 0xff])]) * (len(bs) - 1)
        order = rng.choice(['little', 'big'])
        signed = rng.random() < 0.6
        emit('frombytes', bs.hex() or '-', order[0], int(signed), h(int.from_bytes(bs, order, signed=signed)))
    for _ in range(360):
        base, text = rand_parse_text()
        try:
            r = h(int(text, base))
        except ValueError:
            r = 'ERR'
        emit('parse', base, text.encode().hex() or '-', r)

    with open(out_path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('wrote %d cases (%d bytes) to %s' % (len(lines) - 1, sum(len(l) + 1 for l in lines), out_path))


if __name__ == '__main__':
    main()
