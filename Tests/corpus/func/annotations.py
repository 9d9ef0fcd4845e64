# annotations are accepted (and ignored at run time here)
def f(a: int, b: str = 'x', *args: int, c: float = 1.0, **kw: dict) -> str:
    return '%s %s %s %s %s' % (a, b, args, c, sorted(kw))
print(f(1))
print(f(1, 'y', 2, 3, c=2.5, z=1))
def g(x: 'any expression' = 5) -> 'also anything':
    return x
print(g(), g(7))
x: int = 10
y: list = [1, 2]
print(x, y)
z: 'undefined_name_is_fine'
print('z' in globals())
class C:
    attr: int = 3
    other: str
    def m(self, v: int) -> int:
        return v + self.attr
print(C().m(4), C.attr, hasattr(C, 'other'))
def h() -> None:
    local: int = 1
    return local
print(h())
def annotated_lambda_user(fn: 'callable') -> 'result':
    return fn(2)
print(annotated_lambda_user(lambda v: v * 21))
def kwonly(*, k: int = 0) -> int:
    return k
print(kwonly(k=5))
class D:
    x: int
    y: int = 0
    def __init__(self, x: int) -> None:
        self.x = x
d = D(3)
print(d.x, d.y)
