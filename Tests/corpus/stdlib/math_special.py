# math: special functions (rounded: libm and CPython may differ in the last bits)
import math

def r(x):
    return round(x, 9)

for x in (0.5, 1, 1.5, 2, 5, 10.5, -0.5, -2.5):
    print(x, r(math.gamma(x)), r(math.lgamma(x)))
for x in (0, 0.1, 0.5, 1, 2, -1, 3.5):
    print(x, r(math.erf(x)), r(math.erfc(x)))
print(math.gamma(1), math.gamma(5), math.lgamma(1), math.erf(0), math.erfc(0))
print(math.gamma(math.inf), math.erf(math.inf), math.erf(-math.inf), math.erfc(math.inf))
print(math.isnan(math.gamma(math.nan)), math.isnan(math.erf(math.nan)))
