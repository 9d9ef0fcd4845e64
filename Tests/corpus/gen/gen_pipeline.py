# generator pipelines
def read_lines():
    text = 'alpha 1\nbeta 22\n\ngamma 333\n# comment\ndelta 4'
    for line in text.split('\n'):
        yield line
def non_empty(lines):
    for l in lines:
        if l and not l.startswith('#'):
            yield l
def split_fields(lines):
    for l in lines:
        name, num = l.split()
        yield name, int(num)
def big_only(records, limit):
    for name, n in records:
        if n >= limit:
            yield name
print(list(non_empty(read_lines())))
print(list(split_fields(non_empty(read_lines()))))
print(list(big_only(split_fields(non_empty(read_lines())), 10)))
def numbers():
    for i in range(1, 21):
        print('produce', i) if i > 18 else None
        yield i
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squared(it):
    for x in it:
        yield x * x
pipe = squared(evens(numbers()))
print(next(pipe), next(pipe))
print(list(pipe))
def batch(it, size):
    b = []
    for x in it:
        b.append(x)
        if len(b) == size:
            yield b
            b = []
    if b:
        yield b
print(list(batch(range(10), 3)))
def window(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]
print(list(window('abcdef', 3)))
def enumerate_gen(it, start=0):
    i = start
    for x in it:
        yield i, x
        i += 1
print(list(enumerate_gen('xyz', 5)))
def zip_gen(*its):
    iters = [iter(i) for i in its]
    while True:
        row = []
        for it in iters:
            try:
                row.append(next(it))
            except StopIteration:
                return
        yield tuple(row)
print(list(zip_gen('abc', range(5), [True, False, None])))
def unique(it):
    seen = set()
    for x in it:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique([3, 1, 3, 2, 1, 5])))
