# assignment expressions (walrus)
if (n := 10) > 5:
    print('n is', n)
print(n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10])
print(y)
vals = iter([3, 2, 1, 0, 7])
while (v := next(vals)) != 0:
    print('got', v)
print('stopped at', v)
print((a := 5) + a)
print(a)
def f():
    if (m := 3) > 2:
        return m * 2
    return 0
print(f())
total = 0
results = [total := total + i for i in range(5)]
print(results, total)
print([(z := i) for i in range(3)], z)
def g(lst):
    return any((hit := x) > 2 for x in lst), hit
print(g([1, 2, 3, 4]))
s = 'hello world'
if (k := s.find('o')) >= 0:
    print('found at', k)
w = 0
print((w := w + 1), (w := w + 1), w)
print(x := 42)
def h():
    return [q := 1, q + 1]
print(h())
print(len(l := [1, 2, 3]), l)
