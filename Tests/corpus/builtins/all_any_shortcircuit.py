# all()/any() stop consuming the iterator as soon as the result is known
seen = []


def gen(values):
    for v in values:
        seen.append(v)
        yield v


print(all(gen([1, 1, 0, 1, 1])))
print(seen)
seen.clear()
print(any(gen([0, 0, 7, 0, 9])))
print(seen)
seen.clear()
print(all(gen([1, 2, 3])))
print(seen)
seen.clear()
print(any(gen([0, '', None])))
print(seen)
it = iter([0, 1, 2, 3, 0, 5])
print(any(it))
print(list(it))
it2 = iter([1, 2, 0, 3, 4])
print(all(it2))
print(list(it2))
calls = []


def check(x):
    calls.append(x)
    return x > 2


print(any(check(x) for x in range(10)))
print(calls)
calls.clear()
print(all(check(x) for x in range(3, 10)))
print(len(calls))
calls.clear()
print(all(check(x) for x in [5, 1, 9]))
print(calls)
print(any([]), all([]))
print(any(x for x in []), all(x for x in []))
