# division by zero raises ZeroDivisionError for every operator
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.5 % 0,
    lambda: divmod(5, 0),
    lambda: divmod(5.0, 0),
    lambda: 0 ** -1,
    lambda: (2 ** 80) // 0,
    lambda: (2 ** 80) % 0,
    lambda: 0.0 ** -1,
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except ZeroDivisionError:
        print(i, 'ZeroDivisionError')
x = 10
try:
    x /= 0
except ZeroDivisionError:
    print('augassign ZeroDivisionError', x)
try:
    x //= 0
except ArithmeticError:
    print('caught as ArithmeticError')
print(0 / 5, 0 // 5, 0 % 5, 0.0 / 1)
print(5 % 5, -5 % 5)
try:
    1 / 0
except Exception as e:
    print(type(e).__name__, isinstance(e, ArithmeticError))
