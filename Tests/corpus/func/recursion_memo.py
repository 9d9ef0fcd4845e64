# recursion with memoisation through dicts and closures
def make_fib():
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib
fib = make_fib()
print(fib(10), fib(50), fib(90))
def count_paths(r, c, memo=None):
    if memo is None:
        memo = {}
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in memo:
        memo[key] = count_paths(r - 1, c, memo) + count_paths(r, c - 1, memo)
    return memo[key]
print(count_paths(2, 2), count_paths(5, 5), count_paths(10, 10))
def partitions(n, k=None, memo={}):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]
print([partitions(i) for i in range(1, 15)])
def edit_distance(a, b):
    memo = {}
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if (i, j) in memo:
            return memo[i, j]
        r = min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
        memo[i, j] = r
        return r
    return d(len(a), len(b))
print(edit_distance('kitten', 'sitting'), edit_distance('', 'abc'), edit_distance('same', 'same'))
def catalan(n, memo={0: 1}):
    if n not in memo:
        memo[n] = sum(catalan(i) * catalan(n - 1 - i) for i in range(n))
    return memo[n]
print([catalan(i) for i in range(12)])
