# loops inside try and try inside loops
def parse_all(items):
    out = []
    for it in items:
        try:
            out.append(int(it))
        except ValueError:
            out.append(None)
    return out
print(parse_all(['1', 'x', '3', '', '-4']))
def first_error(items):
    try:
        for i, it in enumerate(items):
            int(it)
    except ValueError:
        return 'error at %d' % i
    return 'no errors'
print(first_error(['1', '2', 'q', '4']))
print(first_error(['1']))
total = 0
i = 0
while i < 6:
    i += 1
    try:
        if i % 3 == 0:
            raise ArithmeticError
        total += i
    except ArithmeticError:
        total -= 100
        continue
    finally:
        total += 1000
print(total)
results = []
for n in range(5):
    try:
        results.append(10 // (n - 2))
    except ZeroDivisionError:
        results.append('inf')
        continue
    finally:
        results.append('f')
print(results)
def retry(times):
    attempts = 0
    while True:
        try:
            attempts += 1
            if attempts < times:
                raise RuntimeError('fail')
            return attempts
        except RuntimeError:
            print('retrying after attempt', attempts)
print(retry(3))
try:
    for x in [1, 2, 3]:
        if x == 2:
            raise StopIteration
        print('x', x)
except StopIteration:
    print('StopIteration caught outside loop')
