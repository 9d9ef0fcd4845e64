# json.loads: results identical to CPython
import json

def show(s):
    v = json.loads(s)
    print(type(v).__name__, repr(v))

show("null")
show("true")
show("false")
show("0")
show("-0")
show("123")
show("-456")
show("12345678901234567890123")
show("-98765432109876543210")
show("1.5")
show("-2.25e3")
show("1E-2")
show("6.02e+23")
show('""')
show('"hello"')
show('"esc: \\" \\\\ \\/ \\b \\f \\n \\r \\t"')
show('"\\u0041\\u00e9\\u4e2d"')
show('"\\ud83d\\ude00"')
show("[]")
show("{}")
show("[1, 2, 3]")
show('{"a": 1, "b": [true, false, null], "c": {"d": "e"}}')
show(' \t\n\r [ 1 , { "k" : [ ] } ] \n ')
show('[[[[[[[[[[[["deep"]]]]]]]]]]]]')
show('{"dup": 1, "dup": 2}')
show(b'{"bytes": [1, 2]}')
show(bytearray(b'[3, 4]'))

# errors: CPython raises JSONDecodeError, a subclass of ValueError
for bad in ["", " ", "[", "]", "[1,]", "[1 2]", "{1: 2}", '{"a" 1}', '{"a": 1,}', "tru", "nul",
            "01", "1.", ".5", "-", "1e", '"abc', '"\\x"', "[1] x", "{\"a\": }", "[,]", '"\\u12"']:
    try:
        json.loads(bad)
        print("no error", repr(bad))
    except ValueError:
        print("ValueError", repr(bad))

# large nesting
n = 500
v = json.loads("[" * n + "]" * n)
depth = 0
while v:
    v = v[0]
    depth += 1
print(depth)
