# cmath: MicroPython's subset (cos exp log log10 phase polar rect sin sqrt e pi)
import cmath

def r(z):
    z = complex(z)
    re, im = round(z.real, 9), round(z.imag, 9)
    return (re + 0.0, im + 0.0)  # no negative zeros

print(cmath.pi, cmath.e)
for z in (1, -1, 1j, -1j, 3 + 4j, -2 - 0.5j, 0.5, 2j):
    print(z, r(cmath.sqrt(z)), r(cmath.exp(z)), r(cmath.cos(z)), r(cmath.sin(z)))
for z in (1, -1, 1j, 3 + 4j, -2 - 0.5j, 10):
    print(z, r(cmath.log(z)), r(cmath.log10(z)), round(cmath.phase(z), 9))
for z in (1, 1j, -1, 3 + 4j, 0):
    m, p = cmath.polar(z)
    print(z, round(m, 9), round(p, 9))
for m, p in ((1, 0), (2, cmath.pi / 2), (1.5, -cmath.pi / 4)):
    print(m, round(p, 9), r(cmath.rect(m, p)))
print(type(cmath.sqrt(4)).__name__, type(cmath.phase(1j)).__name__)
