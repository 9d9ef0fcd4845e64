from collections import OrderedDict

d = OrderedDict()
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(list(d.keys()), list(d.values()), list(d.items()))
print(d["a"], len(d), "z" in d, "q" in d, isinstance(d, dict))
d2 = OrderedDict([("b", 1), ("a", 2)])
print(list(d2), d2 == {"a": 2, "b": 1}, d2.get("a"), d2.get("x", 0))
del d["a"]
d["a"] = 9
print(list(d.items()))
print(d.pop("z"), list(d))
d.update({"n": 5, "o": 6})
print(list(d))
print(d.popitem(), list(d))
print(d.popitem(last=False), list(d))
d.move_to_end("n")
print(list(d))
d.move_to_end("n", last=False)
print(list(d))
for k in OrderedDict(c=1, b=2, a=3):
    print(k)
print(OrderedDict(x=1) == OrderedDict(x=1))
print(type(OrderedDict()).__name__)
e = OrderedDict()
try:
    e.popitem()
except KeyError:
    print("KeyError")
