# return from inside loops, with and try: the code after them still runs with the right stack
def first(xs):
    for x in xs:
        return x
    try:
        return "empty"
    except Exception:
        pass

def nested(rows):
    for r in rows:
        for c in r:
            if c < 0:
                return c
    with open(__file__) as f:
        for line in f:
            return len(line) > 0
    return None

def after_loop():
    for i in range(3):
        if i == 5:
            return i
    try:
        x = [1, 2][5]
    except IndexError:
        x = "ie"
    return x

print(first([]), first([7]), nested([[1, -2]]), nested([[1]]), after_loop())
