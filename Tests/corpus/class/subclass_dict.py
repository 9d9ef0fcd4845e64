# subclassing dict
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
d = AttrDict(a=1)
d['b'] = 2
print(d.a, d.b, d['a'])
print(sorted(d.items()), len(d))
try:
    d.zzz
except AttributeError:
    print('AttributeError')
print(isinstance(d, dict), type(d).__name__)
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in 'abracadabra':
    c.add(ch)
print(sorted(c.items()))
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
lw = Lower()
lw['HeLLo'] = 1
print(lw['HELLO'], list(lw.keys()))
class Keys(dict):
    def sorted_keys(self):
        return sorted(self)
print(Keys({'z': 1, 'a': 2}).sorted_keys())
kd = Keys(q=1)
kd.update({'r': 2})
print(sorted(kd), 'q' in kd, kd.get('r'))
print(AttrDict({'k': 'v'}) == {'k': 'v'})
