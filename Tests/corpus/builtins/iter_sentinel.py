# iter(callable, sentinel)
data = [3, 1, 4, 0, 5, 9, 0]
pos = [0]


def read():
    v = data[pos[0]]
    pos[0] += 1
    return v


print(list(iter(read, 0)))
print(pos[0])
print(list(iter(read, 0)))
count = [0]


def tick():
    count[0] += 1
    return count[0]


print(list(iter(tick, 5)))
print(list(iter(tick, 8)))
lines = ['a', 'b', '', 'c']
it = iter(lines)
print(list(iter(lambda: next(it), '')))
print(list(it))


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n * 10


c = Counter()
print(list(iter(c, 50)))
s = iter(c, 100)
print(next(s), next(s))
print(list(s))
try:
    next(s)
except StopIteration:
    print('StopIteration')
values = iter([1, 2, None, 3])
for v in iter(lambda: next(values), None):
    print('got', v)
chars = list('hello!world')
gen = iter(lambda: chars.pop(0), '!')
print(''.join(gen), ''.join(chars))
nums = [5, 4, 3, 2, 1, 0, -1]
for n in iter(lambda: nums.pop(0), 0):
    print('n', n)
print(nums)
state = {'i': 0}


def step():
    state['i'] += 2
    return state['i']


print(list(iter(step, 10)))
print(state)
