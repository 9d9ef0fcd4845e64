# math: constants and elementary functions (values CPython and MicroPython agree on)
import math

print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.isnan(math.nan))
print(type(math.pi).__name__)

for x in (0, 1, 2, 0.5, 10, 100.0, 1e-5):
    print(x, math.sqrt(x), math.exp(x) if x < 50 else '-', round(math.log(x + 1), 12))

print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log(math.e))
print(math.pow(2, 10), math.pow(2.5, 2), math.pow(4, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, 2), math.fmod(3, math.inf))
print(math.degrees(math.pi), math.radians(180), math.radians(90) == math.pi / 2)

# trigonometry, rounded to keep the last digit out of it
for f in (math.sin, math.cos, math.tan, math.atan, math.sinh, math.cosh, math.tanh, math.asinh):
    print([round(f(v), 10) for v in (0, 0.5, 1, -2)])
for f in (math.asin, math.acos, math.atanh):
    print([round(f(v), 10) for v in (0, 0.5, -0.25)])
print(round(math.acosh(2), 10), round(math.atan2(1, 1), 10), round(math.atan2(-1, -1), 10), math.atan2(0, -1))
print(round(math.expm1(1e-10), 20), round(math.expm1(1), 10))

# rounding to ints, including big ones
for x in (2.5, -2.5, 0.0, -0.0, 3.999, -3.001, 1e20, -1e25, 7, True):
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)

# decomposition
for x in (8.0, 0.1, -3.5, 0.0, 1e-310, 1e300):
    m, e = math.frexp(x)
    print(x, m, e, math.ldexp(m, e) == x)
print(math.modf(3.25), math.modf(-3.25), math.modf(0.0), math.modf(5))
print(math.ldexp(1, 10), math.ldexp(0.5, -1), math.ldexp(3, 0))

# predicates
for x in (0.0, 1, math.inf, -math.inf, math.nan, 1e308):
    print(x, math.isfinite(x), math.isinf(x), math.isnan(x))

# isclose
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=0.01))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan))

# factorial
print([math.factorial(n) for n in range(10)])
print(math.factorial(30), math.factorial(70) % 1000003)

# ints and bools are accepted everywhere
print(math.sqrt(True), math.exp(False), math.log(10**20, 10))
