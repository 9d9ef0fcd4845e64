# A generator that resumes a new copy of itself at every step nests as deeply as plain recursion
# and meets the same limit: a RuntimeError (CPython's RecursionError is one), not a host crash.
depth = 0


def down():
    global depth
    depth += 1
    yield from down()


try:
    list(down())
except RuntimeError:
    print("recursion stopped", depth > 100)


def nexts():
    yield next(nexts())


try:
    next(nexts())
except RuntimeError:
    print("next() recursion stopped")

# the limit leaves the interpreter usable
print(list(x * 2 for x in range(3)))
