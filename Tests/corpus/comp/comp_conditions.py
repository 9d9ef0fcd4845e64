# comprehension filters and conditional expressions
nums = list(range(-5, 6))
print([n for n in nums if n > 0])
print([n for n in nums if n > 0 if n % 2 == 0])
print([n for n in nums if n < -3 or n > 3])
print([n if n >= 0 else 0 for n in nums])
print(['pos' if n > 0 else 'neg' if n < 0 else 'zero' for n in (-1, 0, 1)])
print([n for n in nums if not n])
print([s for s in ['', 'a', ' ', 'bc'] if s.strip()])
print([x for x in range(20) if all(x % d for d in range(2, x)) and x > 1])
print([w for w in 'apple Banana cherry Date'.split() if w[0].isupper()])
print([x for x in range(10) if x in {2, 4, 8}])
print([(x, 'even') if x % 2 == 0 else (x, 'odd') for x in range(4)])
calls = []
def check(x):
    calls.append(x)
    return x % 2 == 0
print([x for x in range(6) if check(x)])
print(calls)
print([x for x in range(10) if (y := x * x) > 20])
print([x for x in [None, 0, False, [], 'a', 1] if x is not None])
print({x for x in range(10) if x % 3 == 0} == {0, 3, 6, 9})
print(sorted({k: v for k, v in zip('abcd', range(4)) if v % 2}.items()))
