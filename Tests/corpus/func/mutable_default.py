# the mutable default argument pitfall
def append_to(v, target=[]):
    target.append(v)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
def add_key(k, d={}):
    d[k] = len(d)
    return d
print(sorted(add_key('a').items()))
print(sorted(add_key('b').items()))
def safe_append(v, target=None):
    if target is None:
        target = []
    target.append(v)
    return target
print(safe_append(1), safe_append(2))
def counter(c=[0]):
    c[0] += 1
    return c[0]
print(counter(), counter(), counter())
r1 = append_to(5)
r2 = append_to(6)
print(r1 is r2, r1)
def shared_set(x, s=set()):
    s.add(x)
    return sorted(s)
print(shared_set(3), shared_set(1), shared_set(2))
class Memo:
    def __init__(self, cache={}):
        self.cache = cache
m1 = Memo()
m2 = Memo()
m1.cache['x'] = 1
print(m2.cache, m1.cache is m2.cache)
def memo_fib(n, memo={0: 0, 1: 1}):
    if n not in memo:
        memo[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return memo[n]
print(memo_fib(50), memo_fib(80))
