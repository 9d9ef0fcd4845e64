# recursive generators
def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, (3, [4, [5, 6]])], [[[7]]], 8])))
def perms(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            yield items[i:i + 1] + p
print(list(perms('abc')))
print(len(list(perms([1, 2, 3, 4]))))
def combinations(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], k - 1):
            yield (items[i],) + rest
print(list(combinations('abcd', 2)))
print(list(combinations(range(5), 3))[:4])
def subsets(s):
    if not s:
        yield []
        return
    for sub in subsets(s[1:]):
        yield sub
        yield [s[0]] + sub
print(sorted(subsets([1, 2, 3])))
def walk(d, prefix=''):
    for k in sorted(d):
        v = d[k]
        if isinstance(v, dict):
            yield from walk(v, prefix + k + '/')
        else:
            yield prefix + k, v
tree = {'a': {'b': 1, 'c': {'d': 2}}, 'e': 3}
print(list(walk(tree)))
def countdown(n):
    if n >= 0:
        yield n
        yield from countdown(n - 1)
print(list(countdown(50))[-5:])
def inorder(node):
    if node is not None:
        left, val, right = node
        yield from inorder(left)
        yield val
        yield from inorder(right)
bst = ((None, 1, None), 2, ((None, 3, None), 4, (None, 5, None)))
print(list(inorder(bst)))
