# comprehensions inside functions and closures
def make_multiples(n):
    return [lambda x, k=k: x * k for k in range(n)]
print([f(10) for f in make_multiples(4)])
def late():
    return [lambda: k for k in range(3)]
print([f() for f in late()])
def uses_param(factor):
    return [factor * x for x in range(4)]
print(uses_param(3))
def uses_outer_in_filter(limit):
    return [x for x in range(10) if x < limit]
print(uses_outer_in_filter(4))
def nested_closure():
    base = 100
    def inner():
        return [base + x for x in range(3)]
    return inner()
print(nested_closure())
def comp_modifies_outer():
    acc = []
    [acc.append(x) for x in range(3)]
    return acc
print(comp_modifies_outer())
def comp_in_default(v=[x * 2 for x in range(3)]):
    return v
print(comp_in_default())
def gen_with_closure():
    m = 5
    g = (m * x for x in range(3))
    m = 10
    return list(g)
print(gen_with_closure())
def dict_comp_closure():
    prefix = 'key_'
    return sorted({prefix + str(i): i for i in range(3)})
print(dict_comp_closure())
class C:
    def method(self):
        return [self.v * x for x in range(3)]
    v = 7
print(C().method())
def recursion_in_comp(n):
    if n == 0:
        return [[]]
    return [[n] + r for r in recursion_in_comp(n - 1)]
print(recursion_in_comp(3))
