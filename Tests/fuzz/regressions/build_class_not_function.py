# __build_class__ with a body that is not a function (reached from a damaged .mpy): TypeError
try:
    __build_class__(1, "A")
except TypeError as e:
    print("TypeError", e)
