# __enter__ and __exit__ on classes
class Resource:
    opened = 0
    def __init__(self, name):
        self.name = name
        self.log = []
    def __enter__(self):
        Resource.opened += 1
        self.log.append('enter')
        return self
    def __exit__(self, et, ev, tb):
        Resource.opened -= 1
        self.log.append('exit:' + ('ok' if et is None else et.__name__))
        return et is KeyError
r = Resource('r')
with r as got:
    print(got is r, Resource.opened)
print(Resource.opened, r.log)
with r:
    raise KeyError('suppressed')
print(r.log)
try:
    with r:
        raise ValueError('escapes')
except ValueError:
    print('ValueError escaped', r.log[-1])
class Timer:
    def __enter__(self):
        self.ticks = 0
        return self
    def tick(self):
        self.ticks += 1
    def __exit__(self, *exc):
        print('ticks:', self.ticks)
with Timer() as t:
    for _ in range(5):
        t.tick()
class Nested:
    depth = 0
    def __enter__(self):
        Nested.depth += 1
        return Nested.depth
    def __exit__(self, *a):
        Nested.depth -= 1
with Nested() as a:
    with Nested() as b:
        with Nested() as c:
            print(a, b, c, Nested.depth)
print(Nested.depth)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.backup = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.backup)
            print('rolled back')
            return True
        print('committed')
db = {'x': 1}
with Transaction(db) as s:
    s['x'] = 2
print(db)
with Transaction(db) as s:
    s['x'] = 99
    s['y'] = 1
    raise RuntimeError
print(sorted(db.items()))
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError):
    print('error: missing __enter__')
