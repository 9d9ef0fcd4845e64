# factorials computed by loop: factorial(200) etc.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


for n in (0, 1, 5, 10, 20, 21, 25, 30):
    print(n, fact(n))
f200 = fact(200)
print(f200)
print(len(str(f200)))
print(sum(int(c) for c in str(f200)))
s = str(f200)
print(len(s) - len(s.rstrip('0')))
print(f200 // fact(198))
print(f200 % 1000000007)
print(fact(100) // fact(98) == 9900)
print(fact(50) // (fact(25) * fact(25)))


def comb(n, k):
    return fact(n) // (fact(k) * fact(n - k))


print(comb(100, 50))
print(comb(60, 30))
print([comb(10, k) for k in range(11)])
print(fact(34) > 2 ** 127)
print(fact(35) > 2 ** 128)
