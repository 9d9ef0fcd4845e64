#!/usr/bin/env python3
"""Generates format_cases.txt: CPython's results for format(), %-formatting, repr(float),
shortest float32 repr and float(str), checked by FormatTests.swift.

Run with CPython 3.11+:  python3 gen_format_cases.py > format_cases.txt
(optional arguments: scale seed, e.g. `python3 gen_format_cases.py 30 7` for a local stress run)

Line formats (fields separated by TAB; specs and results never contain TAB or newline):
  F   <spec>  <double bits hex>            <result>    format(float, spec)
  I   <spec>  <int decimal> <hex> <oct> <bin> <result> format(int, spec); digits of |n|, sign on decimal
  S   <spec>  <utf-8 hex>                  <result>    format(str, spec)
  PF  <fmt>   <double bits hex>            <result>    fmt % float
  PI  <fmt>   <int decimal> <hex> <oct>    <result>    fmt % int
  PS  <fmt>   <utf-8 hex>                  <result>    fmt % str
  R   -       <double bits hex>            <result>    repr(float)
  R32 -       <float32 bits hex>           <result>    repr of a float32 as MicroPython's single-precision
                                                       ports print it: '%.7g', plus '.0' if it reads as an int
  P   -       <utf-8 hex>                  <bits hex | None>   float(str)
An error result is "!<ExceptionName>: <message>".
"""
import random
import struct
import sys
from fractions import Fraction

# Optional arguments: a scale factor for the case counts and a seed (for local stress runs; the
# committed fixture uses the defaults).
SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20240611)


def dbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def hexs(s):
    return s.encode('utf-8', 'surrogatepass').hex()


def run(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        return '!%s: %s' % (type(e).__name__, e)
    if '\t' in r or '\n' in r or '\r' in r or any(0xD800 <= ord(c) < 0xE000 for c in r):
        return '!skip'   # e.g. format(10, 'c'), a lone surrogate; the Swift test ignores such lines
    return r


def random_double():
    k = rng.random()
    if k < 0.20:   # any finite bit pattern
        while True:
            x = from_bits(rng.getrandbits(64))
            if x == x and abs(x) != float('inf'):
                return x
    if k < 0.27:   # subnormal
        return from_bits(rng.getrandbits(52) | (rng.getrandbits(1) << 63))
    if k < 0.40:   # integral
        return float(rng.choice([-1, 1]) * rng.getrandbits(rng.randint(1, 70)))
    if k < 0.55:   # dyadic: exact decimal ties at some precision (halfway cases)
        return rng.choice([-1, 1]) * rng.getrandbits(rng.randint(1, 30)) / 2.0 ** rng.randint(1, 12)
    if k < 0.70:   # decimal-looking
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if k < 0.80:   # moderate magnitude
        return rng.uniform(-1, 1) * 10.0 ** rng.randint(-25, 25)
    if k < 0.88:   # powers of ten and neighbours
        x = 10.0 ** rng.randint(-30, 30)
        b = struct.unpack('<Q', struct.pack('<d', x))[0] + rng.randint(-2, 2)
        return from_bits(b)
    if k < 0.93:
        return rng.choice([0.0, -0.0, float('inf'), float('-inf'), float('nan'), 0.5, 1.5, 2.5, 2.675,
                           1e16, 1e15, 1e-5, 1e-4, 123456789.0, 0.1, 1 / 3, 5e-324, 1.7976931348623157e308,
                           2.2250738585072014e-308, 9007199254740993.0, 1e22, 1e23, 0.125, 0.375])
    return rng.uniform(-10, 10)


FLOAT_SPECS = ['', '.3f', 'e', '.10g', '+,.2f', '08.3f', '^12', '%', '.0f', '.1f', '.2f', '.17g', '.20f',
               'g', 'G', 'E', '.0e', '#.0f', '#g', '#.3g', '.50f', '.30e', ' .4e', '=+12.3f', '*^20.5g',
               '_.3f', ',', '_', '.3', '10', '.0%', 'z.1f', 'n', '.12n', '>15.6e', '<15', '015.2f',
               '0=15,.2f', ',.0f', '#', '.1', 'F', '.5G', '#.0e', '-.3f', ' g', '.2%', '012', '+', 'z',
               '#.10', '020,.4f', '€^14.2e', '.0g', '#.0g', '.16', '.15g', '+.1e', 'f', '.9e', '#x', 'd',
               ',x', 's', '.', 'abc', '=10', '012,', '#010.2f', '_e', '.25g', '0<12.3f', '-^+10.1f']
BIG_SPECS = ['.50f', '.100e', '.120f', '.330f', '.60g', '.400g', '#.110g', '.1080f', '.770e']

INT_SPECS = ['d', '_d', ',', '#x', '#X', '#o', '#b', 'x', '_x', '_b', '#_x', '08d', '+d', ' d', '^10', '<10',
             '=+10', '*>12,', '010,', '09,', 'n', '.2f', 'e', '%', '#010x', '-#x', '08_b', '', 'X', 'o', 'b',
             '#09_b', '+#x', ' #o', '012_d', '0=+12', '€^11', 'g', '.3', 's', ',x', '_n', 'z', '.0e', 'c',
             '+c', '#c', '^5c', '05c', '20_X', ',.1%', '0,']

STR_SPECS = ['', '10', '<10', '>10', '^10', '*^9', '.3', '10.2', '05', 'é^7', 's', '.0', '^', '+', ' ', '#',
             '=10', ',', 'd', 'z', '20.10s', '0>6', '_^11']

PF_FMTS = ['%f', '%.3f', '%e', '%.0e', '%g', '%.10g', '%G', '%E', '%F', '%#g', '%#.0f', '%+f', '% f',
           '%10.3f', '%-10.3f', '%010.3f', '%+010.2e', '%.20f', '%5.1f', '% 012.4g', '%-+12.5e', '%#.3g',
           '%#10.0e', '%-010.1f', '%.17g', '%.0f', '%.1f', '%+.2g', '%#G', '%08.3E', '%.30f', '%.40e']

PI_FMTS = ['%d', '%i', '%u', '%5d', '%-5d', '%05d', '%+d', '% d', '%x', '%X', '%#x', '%#X', '%#o', '%o',
           '%.5d', '%+.3x', '%#10.4x', '%-#10o', '%#010x', '%+08X', '%-+8d', '%e', '%.2f', '%g', '% 06d',
           '%#-8.3X', '%+#o', '%#.0o', '%.0d', '%012d', '% #x', '%-05d']

PS_FMTS = ['%s', '%.3s', '%10s', '%-10s', '%10.2s', '%05s', '%.0s', '%-+5s', '%#8s', '%5.10s']


def random_int():
    k = rng.random()
    if k < 0.5:
        n = rng.getrandbits(rng.randint(1, 40))
    elif k < 0.8:
        n = rng.getrandbits(rng.randint(40, 64))
    elif k < 0.95:
        n = rng.getrandbits(rng.randint(64, 200))
    else:
        n = rng.choice([0, 1, 9, 10, 255, 256, 65, 0x10FFFF, 0x110000, 10 ** 308, 10 ** 309, 2 ** 1024,
                        2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1])
    return -n if rng.random() < 0.3 else n


def random_str():
    alphabet = 'abcXYZ 019_-é€😀ß'
    return ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))


def int_fields(n):
    a = abs(n)
    if a.bit_length() > 130:   # only decimal digits are needed (see the spec choice in main)
        return '%d\t-\t-\t-' % n
    return '%d\t%x\t%o\t%s' % (n, a, a, bin(a)[2:])


DECIMAL_INT_SPECS = ['e', '.2f', '%', 'g', 'd', ',', '', '_d', ',.1%', '.0e', 'n', 'c', '+.3e', '030,']


# float32 helpers
def f32_from_bits(b):
    return struct.unpack('<f', struct.pack('<I', b))[0]


def shortest_f32(bits):
    """Shortest decimal that rounds to the float32 with these bits (closest one among the shortest),
    as (digits, decpt) with value = 0.digits * 10**decpt."""
    bits &= 0x7fffffff
    f = Fraction(f32_from_bits(bits))
    if f == 0:
        return '0', 1
    lo_n = Fraction(f32_from_bits(bits - 1)) if bits > 0 else None
    if bits + 1 >= 0x7f800000:
        hi = f + (f - Fraction(f32_from_bits(bits - 1))) / 2
        hi_incl = False
    else:
        hi = (f + Fraction(f32_from_bits(bits + 1))) / 2
        hi_incl = (bits & 1) == 0
    lo = (f + lo_n) / 2 if bits > 0 else f / 2
    lo_incl = (bits & 1) == 0

    def inside(v):
        if v < lo or (v == lo and not lo_incl):
            return False
        if v > hi or (v == hi and not hi_incl):
            return False
        return True

    # decimal exponent E with 10**E <= f < 10**(E+1)
    e = 0
    while Fraction(10) ** e > f:
        e -= 1
    while Fraction(10) ** (e + 1) <= f:
        e += 1
    for p in range(1, 12):
        scale = Fraction(10) ** (e - p + 1)
        q = f / scale
        fl = q.numerator // q.denominator
        cands = [c for c in {fl, fl + 1} if c > 0 and inside(c * scale)]
        if cands:
            c = min(cands, key=lambda c: (abs(c * scale - f), c % 2))
            v = c * scale
            # digits of v
            s = str(c)
            exp10 = e - p + 1  # v = c * 10**exp10
            s2 = s.rstrip('0')
            decpt = len(s) + exp10
            return s2, decpt
    raise AssertionError('no shortest found')


def repr_layout(digits, decpt, negative):
    out = '-' if negative else ''
    if decpt <= -4 or decpt > 16:
        out += digits[0]
        if len(digits) > 1:
            out += '.' + digits[1:]
        return out + 'e%+03d' % (decpt - 1)
    if decpt <= 0:
        return out + '0.' + '0' * (-decpt) + digits
    if decpt < len(digits):
        return out + digits[:decpt] + '.' + digits[decpt:]
    return out + digits + '0' * (decpt - len(digits)) + '.0'


def random_f32_bits():
    k = rng.random()
    if k < 0.6:
        while True:
            b = rng.getrandbits(32)
            if (b >> 23) & 0xff != 0xff:
                return b
    if k < 0.7:
        return rng.getrandbits(23) | (rng.getrandbits(1) << 31)
    if k < 0.85:
        x = rng.uniform(-1000, 1000)
        return struct.unpack('<I', struct.pack('<f', x))[0]
    if k < 0.9:   # integral
        x = float(rng.randint(-2 ** 26, 2 ** 26))
        return struct.unpack('<I', struct.pack('<f', x))[0]
    return rng.choice([0x7f7fffff, 0x00800000, 0x00000001, 0x3f800000, 0x3dcccccd, 0x80000000, 0x4b800000,
                       0x5a0e1bca, 0x4f000000, 0x3eaaaaab])


def random_float_text():
    k = rng.random()
    if k < 0.3:
        s = repr(random_double())
    elif k < 0.5:
        s = '%.*e' % (rng.randint(0, 25), random_double())
    elif k < 0.6:
        s = ''.join(rng.choice('0123456789') for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.5:
            i = rng.randint(0, len(s))
            s = s[:i] + '.' + s[i:]
        if rng.random() < 0.5:
            s += rng.choice('eE') + rng.choice(['', '+', '-']) + str(rng.randint(0, 400))
    elif k < 0.75:
        s = rng.choice(['inf', 'Inf', '-INFINITY', '+infinity', 'nan', '-NaN', '+nan', 'infinit', 'in', 'nana',
                        '.', '', ' ', '1e', '1e+', '0x10', '1.5j', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0',
                        '1e_10', '.5', '5.', '+.5e-3', '--1', '+-1', '1.2.3', '1e5.5', '1 2', 'e5',
                        '0' * 30 + '1', '1' + '0' * 400, '0.' + '0' * 400 + '1e400', '1e-400', '1e99999999999',
                        '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623158e308',
                        '1.7976931348623157e308', '9007199254740993', '0.1e1_0', '1_2_3.4_5', '\u00a01.5\u3000'])
    else:
        s = repr(random_double())
        # sprinkle underscores between digits
        out = ''
        for i, ch in enumerate(s):
            out += ch
            if ch.isdigit() and i + 1 < len(s) and s[i + 1].isdigit() and rng.random() < 0.3:
                out += '_'
        s = out
    if rng.random() < 0.2:
        s = rng.choice([' ', '\t', '\n ', '']) + s + rng.choice([' ', '\r\n', '', '\x0b'])
    return s


def main():
    lines = []
    for _ in range(int(2500 * SCALE)):
        x = random_double()
        spec = rng.choice(FLOAT_SPECS)
        lines.append('F\t%s\t%s\t%s' % (spec, dbits(x), run(lambda: format(x, spec))))
    for _ in range(int(25 * SCALE)):
        x = random_double()
        spec = rng.choice(BIG_SPECS)
        lines.append('F\t%s\t%s\t%s' % (spec, dbits(x), run(lambda: format(x, spec))))
    for _ in range(int(700 * SCALE)):
        n = random_int()
        spec = rng.choice(INT_SPECS if n.bit_length() <= 130 else DECIMAL_INT_SPECS)
        if spec.endswith('c') and rng.random() < 0.7:
            n = rng.randint(32, 0x2000)
        lines.append('I\t%s\t%s\t%s' % (spec, int_fields(n), run(lambda: format(n, spec))))
    for _ in range(int(300 * SCALE)):
        s = random_str()
        spec = rng.choice(STR_SPECS)
        lines.append('S\t%s\t%s\t%s' % (spec, hexs(s), run(lambda: format(s, spec))))
    for _ in range(int(900 * SCALE)):
        x = random_double()
        fmt = rng.choice(PF_FMTS)
        lines.append('PF\t%s\t%s\t%s' % (fmt, dbits(x), run(lambda: fmt % x)))
    for _ in range(int(600 * SCALE)):
        n = random_int()
        if abs(n) > 2 ** 80 and rng.random() < 0.7:
            n = n >> 200
        fmt = rng.choice(PI_FMTS)
        a = abs(n)
        lines.append('PI\t%s\t%d\t%x\t%o\t%s' % (fmt, n, a, a, run(lambda: fmt % n)))
    for _ in range(int(200 * SCALE)):
        s = random_str()
        fmt = rng.choice(PS_FMTS)
        lines.append('PS\t%s\t%s\t%s' % (fmt, hexs(s), run(lambda: fmt % s)))
    for _ in range(int(1100 * SCALE)):
        x = random_double()
        lines.append('R\t-\t%s\t%s' % (dbits(x), repr(x)))
    for _ in range(int(900 * SCALE)):
        b = random_f32_bits()
        digits, decpt = shortest_f32(b)   # keeps the random stream as before
        x = struct.unpack('<f', struct.pack('<I', b))[0]
        r = '%.7g' % x
        if '.' not in r and 'e' not in r and 'n' not in r:
            r += '.0'
        lines.append('R32\t-\t%08x\t%s' % (b, r))
    for _ in range(int(400 * SCALE)):
        s = random_float_text()
        try:
            r = dbits(float(s))
        except ValueError:
            r = 'None'
        lines.append('P\t-\t%s\t%s' % (hexs(s), r))
    sys.stdout.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
