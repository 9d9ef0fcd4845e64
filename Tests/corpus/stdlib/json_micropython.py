# json behaviour specific to MicroPython (CPython differs)
import json

# non-ASCII text is written as UTF-8 (CPython escapes it as \uXXXX)
print(json.dumps("héllo wörld ✓ 😀"))
print(json.dumps({"clé": "valeur"}))
# control characters other than \n \r \t become \u00XX (CPython writes \b and \f)
print(json.dumps("a\x01b\x08c\x0cd\x1fe"))
# bytes are written as strings
print(json.dumps(b"bytes"))
print(json.dumps([b"x", bytearray(b"y")]))
# non-finite floats
print(json.dumps([float("inf"), float("-inf")]))
# the error message
try:
    json.loads("[1, 2")
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads("{")
except ValueError as e:
    print("ValueError:", e)
# unknown keyword
try:
    json.dumps([], indent=2)
except TypeError:
    print("TypeError")
