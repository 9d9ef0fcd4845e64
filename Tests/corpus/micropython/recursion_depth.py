# unbounded recursion raises RuntimeError('maximum recursion depth exceeded')
def infinite(n):
    return infinite(n + 1) + 1
try:
    infinite(0)
except RuntimeError as e:
    print(type(e).__name__)
    print(e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
