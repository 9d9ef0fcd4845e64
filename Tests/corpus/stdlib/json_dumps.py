# json.dumps: output identical to CPython for ASCII data
import json

print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(0), json.dumps(-17), json.dumps(2**40), json.dumps(-(2**100)))
print(json.dumps(1.5), json.dumps(-0.25), json.dumps(1e100), json.dumps(0.1), json.dumps(123456.789))
print(json.dumps(""), json.dumps("abc"), json.dumps('q"uote'), json.dumps("back\\slash"))
print(json.dumps("line\nfeed\rreturn\ttab"))
print(json.dumps([]), json.dumps({}), json.dumps(()))
print(json.dumps([1, [2, [3, [4, []]]]]))
print(json.dumps((1, "two", (3,))))
print(json.dumps({"a": 1, "b": [True, None], "c": {"d": "e"}}))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps([{"x": 1}, {"y": [1.0, 2.0]}]))

# separators
print(json.dumps([1, 2, {"a": 3}], separators=(",", ":")))
print(json.dumps({"a": [1, 2]}, separators=(", ", " = ")))
print(json.dumps({"a": 1}, separators=None))

# order of keys follows insertion
d = {}
for k in "zyxwv":
    d[k] = ord(k)
print(json.dumps(d))

# round trip
doc = {"name": "widget", "tags": ["a", "b"], "size": [10, 20.5], "ok": True, "none": None}
print(json.loads(json.dumps(doc)) == doc)

# unsupported objects
class Foo:
    pass

try:
    json.dumps(Foo())
except TypeError:
    print("TypeError")
try:
    json.dumps({1, 2})
except TypeError:
    print("TypeError")

# subclasses of builtin types
from collections import namedtuple, OrderedDict
P = namedtuple("P", "x y")
print(json.dumps([P(1, 2), OrderedDict([("b", 1), ("a", P(3, 4))])]))

class MyDict(dict):
    pass

class MyList(list):
    pass

class MyStr(str):
    pass

print(json.dumps(MyDict(k=MyList([1, MyStr("s")]))))
print(json.dumps({MyStr("key"): 1}))
