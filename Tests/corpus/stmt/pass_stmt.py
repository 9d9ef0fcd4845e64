# pass in all statement positions
def f():
    pass
print(f())
class C:
    pass
print(type(C()).__name__)
for i in range(3):
    pass
print(i)
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
try:
    1 / 0
except ZeroDivisionError:
    pass
print('after except pass')
def g(x):
    if x:
        pass
    return x
print(g(5), g(0))
class D:
    def m(self):
        pass
    x = 1
print(D().m(), D.x)
for i in range(2):
    if i:
        pass
    else:
        print('i is 0')
def empty_body_doc():
    "only a docstring"
print(empty_body_doc())
lambda_ = lambda: None
print(lambda_())
...
print('ellipsis statement ok')
