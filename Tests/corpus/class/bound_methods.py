# bound methods
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n):
        self.v += n
        return self.v
a = C(1)
b = C(100)
ga = a.get
gb = b.get
print(ga(), gb())
a.v = 5
print(ga())
add = a.add
print(add(2), add(3), a.v)
methods = [a.get, b.get]
print([m() for m in methods])
print(C.get(b))
unbound = C.add
print(unbound(b, 1))
print(list(map(C.get, [a, b])))
print(list(map(a.add, [1, 1, 1])))
class Btn:
    def __init__(self, name):
        self.name = name
    def click(self):
        return self.name + ' clicked'
handlers = {}
for n in ['ok', 'cancel']:
    handlers[n] = Btn(n).click
print(handlers['ok'](), handlers['cancel']())
print(a.get == a.get, a.get == b.get)
class Holder:
    pass
h = Holder()
h.f = a.get
print(h.f())
def plain(x):
    return x * 2
h.g = plain
print(h.g(21))
Holder.method = lambda self: 'added method'
print(h.method())
print(sorted([C(3), C(1), C(2)], key=C.get)[0].v)
