# exception handling across function boundaries
def level3(x):
    return 100 // x
def level2(x):
    return level3(x) + 1
def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError:
        return 'handled at level1'
print(level1(5), level1(0))
def no_handler(x):
    return level2(x)
try:
    no_handler(0)
except ArithmeticError as e:
    print('handled at top', type(e).__name__)
def handler_in_loop(values):
    results = []
    for v in values:
        try:
            results.append(level2(v))
        except ZeroDivisionError:
            results.append(None)
    return results
print(handler_in_loop([1, 0, 50, 0, 200]))
def recursive_raise(n):
    if n == 0:
        raise ValueError('bottom reached')
    return recursive_raise(n - 1)
try:
    recursive_raise(50)
except ValueError as e:
    print(e)
def catch_at_depth(n, catch_at):
    try:
        if n == 0:
            raise KeyError('deep')
        return catch_at_depth(n - 1, catch_at)
    except KeyError:
        if n == catch_at:
            return 'caught at depth %d' % n
        raise
print(catch_at_depth(10, 3))
print(catch_at_depth(10, 10))
class Service:
    def run(self):
        return self.step()
    def step(self):
        raise RuntimeError('service failed')
try:
    Service().run()
except RuntimeError as e:
    print(e)
def lambda_raise():
    f = lambda: [][1]
    try:
        f()
    except IndexError:
        return 'lambda raised IndexError'
print(lambda_raise())
def comprehension_raise():
    try:
        return [1 // x for x in [1, 0]]
    except ZeroDivisionError:
        return 'comprehension raised'
print(comprehension_raise())
