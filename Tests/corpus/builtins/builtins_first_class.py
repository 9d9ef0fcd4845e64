# builtin functions used as first-class values
funcs = [len, abs, str, bool, repr, type]
for f in funcs:
    print(f(-3) if f is not len else f('abc'))
table = {'upper': str.upper, 'lower': str.lower, 'len': len}
for name in ('upper', 'lower', 'len'):
    print(name, table[name]('MiXed'))
print(list(map(abs, [-1, -2, 3])))
print(sorted(['bb', 'a', 'ccc'], key=len))
print(max(['apple', 'fig'], key=len))
print(len(list(filter(callable, [len, 1, print, 'x']))))
ops = [min, max, sum, sorted, len]
data = [4, 1, 3]
print([op(data) for op in ops])
apply = lambda fn, *args: fn(*args)
print(apply(pow, 2, 5), apply(divmod, 17, 5), apply(round, 2.5))
print(apply(isinstance, 3, int), apply(getattr, 'abc', 'upper')())
converters = [int, float, str]
print([c('7') for c in converters])
composed = lambda x: str(abs(int(x)))
print(composed('-42'), type(composed('-42')).__name__)
print(len is len, print is not len)
saved = print
saved('printed via alias')
p = print
p('a', 'b', sep='-')
keyfuncs = {'by_len': len, 'by_abs': abs}
print(sorted([-3, 1, -2], key=keyfuncs['by_abs']))
print(list(map(str.strip, [' a ', 'b  '])))
print(list(map(chr, range(97, 100))))
print(list(zip(map(ord, 'ab'), map(chr, [65, 66]))))
print(sum(map(len, ['ab', 'cde'])))
