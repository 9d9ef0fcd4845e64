# all() and any() on many iterables
print(all([]), any([]))
print(all([1, 2, 3]), any([0, 0, 1]))
print(all([1, 0, 3]), any([0, 0, 0]))
print(all(['a', '']), any(['', 'b']))
print(all([[]]), any([[]]))
print(all([None]), any([None, 0, '']))
print(all((True, True)), any((False,)))
print(all('abc'), any(''))
print(all(range(1, 5)), all(range(0, 5)), any(range(0)))
print(all({1: 'a', 2: 'b'}), all({0: 'a'}))
print(any({0, 0.0}), any({0, 1}))
print(all(x > 0 for x in [1, 2, 3]))
print(any(x > 2 for x in [1, 2, 3]))
print(all(x % 2 == 0 for x in []))
print(any(c.isdigit() for c in 'abc1'))
print(all(isinstance(x, int) for x in [1, True, 2 ** 80]))
print(type(all([])).__name__, type(any([1])).__name__)
print(any([0.0, -0.0, 0j]))
print(all([1.5, -1, 'x', (0,)]))
print(any(iter([0, 0, 5])))
try:
    all(5)
except TypeError:
    print('TypeError')
try:
    any(None)
except TypeError:
    print('TypeError')
