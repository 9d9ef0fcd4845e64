# for/else and while/else combined with return and exceptions
def search(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                return r, c
        else:
            continue
    else:
        return None
m = [[1, 2], [3, 4], [5, 6]]
print(search(m, 4), search(m, 7), search([], 1))
def validate(items):
    for it in items:
        if not isinstance(it, int):
            break
    else:
        return 'all ints'
    return 'found %r' % (it,)
print(validate([1, 2, 3]), validate([1, 'x', 3]), validate([]))
def countdown(n):
    while n > 0:
        if n == 13:
            return 'unlucky'
        n -= 1
    else:
        return 'lift off'
print(countdown(5), countdown(20))
def else_with_exception(items):
    try:
        for it in items:
            if it < 0:
                raise ValueError(it)
        else:
            return 'no negatives'
    except ValueError as e:
        return 'negative %d' % e.args[0]
print(else_with_exception([1, 2]), else_with_exception([1, -5, 2]))
