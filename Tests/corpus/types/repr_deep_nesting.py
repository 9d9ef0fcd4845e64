# Containers nested very deeply: repr stops with a RuntimeError (CPython's RecursionError is one)
# in reasonable time instead of recursing without bound; moderate nesting still prints.
for make in (lambda x: (x,), lambda x: [x], lambda x: {0: x}):
    t = None
    for i in range(50):
        t = make(t)
    s = repr(t)
    print(len(s), s[:6], s[-6:])
for make in (lambda x: (x,), lambda x: [x]):
    t = None
    for i in range(10200):
        t = make(t)
    try:
        repr(t)
        print("printed")
    except RuntimeError:
        print("too deep")
    try:
        str([t])
        print("printed")
    except RuntimeError:
        print("too deep")
    t = None
