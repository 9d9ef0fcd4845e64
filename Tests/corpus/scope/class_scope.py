# class body scope rules
class A:
    x = 10
    y = x * 2
    def method(self):
        try:
            return x
        except NameError:
            return 'class var not visible in method'
    def method2(self):
        return self.x, A.y
print(A.y, A().method(), A().method2())
x = 'global x'
class B:
    x = 'class x'
    def m(self):
        return x
print(B().m())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
class D:
    n = 5
    try:
        items = [n * i for i in range(3)]
    except NameError:
        items = 'NameError: comprehension cannot see class var'
print(D.items)
class E:
    n = 3
    items = [i for i in range(n)]
print(E.items)
def f():
    local = 'function local'
    class K:
        attr = local
        def get(self):
            return local
    return K.attr, K().get()
print(f())
class F:
    a = 1
    a = a + 1
    b = [a]
print(F.a, F.b)
class G:
    def helper():
        return 'helper called in class body'
    result = helper()
print(G.result)
y = 'global y'
class H:
    print('in body, y =', y)
    y = 'class y'
    print('after assign, y =', y)
print(H.y, y)
class I:
    items = []
    for k in range(3):
        items.append(k)
print(I.items, I.k)
