# micropython.stack_use returns an integer
import micropython
base = micropython.stack_use()
print(type(base) is int)
def nest(n):
    if n == 0:
        return micropython.stack_use()
    return nest(n - 1)
print(type(nest(20)) is int)
