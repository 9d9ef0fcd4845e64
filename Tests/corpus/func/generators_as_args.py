# passing iterators and generators into functions
def total(it):
    s = 0
    for x in it:
        s += x
    return s
def gen(n):
    for i in range(n):
        yield i
print(total(gen(5)), total([1, 2]), total(range(4)), total(x * x for x in range(4)))
def first_n(it, n):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(first_n(gen(100), 3), first_n('abcdef', 2))
def stats(*values):
    return min(values), max(values), sum(values) / len(values)
print(stats(*gen(5)))
print(stats(*[2, 4, 6]))
def apply_all(funcs, value):
    return [f(value) for f in funcs]
print(apply_all([abs, str, lambda v: v * 2], -3))
def consume_twice(it):
    return list(it), list(it)
print(consume_twice(gen(3)))
print(consume_twice([1, 2]))
def keyword_iter(*, source):
    return sorted(source)
print(keyword_iter(source=gen(4)))
print(keyword_iter(source={3, 1, 2}))
