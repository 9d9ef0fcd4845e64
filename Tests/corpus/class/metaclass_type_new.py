# classes made by type(), type.__new__ and metaclasses derived from type
class Meta(type):
    pass

class A(metaclass=Meta):
    x = 1

print(type(A) is Meta, A.x, A.__name__, isinstance(A, type))

class Meta2(type):
    def __new__(mcs, name, bases, d):
        d['added'] = 2
        return type.__new__(mcs, name, bases, d)

class B(metaclass=Meta2):
    def m(self):
        return 'm'

print(B.added, B.__name__, type(B) is Meta2, B().m())

C = type('C', (B,), {'y': 3})
print(C.__name__, C.y, C.added, type(C) is Meta2)
print(type('abc') is str)
D = type.__new__(type, 'D', (), {'z': 4})
print(D.__name__, D.z, type(D) is type)
for bad in ((type, 'n', ()), (type, 1, (), {}), (type, 'n', [], {})):
    try:
        type.__new__(*bad)
    except TypeError:
        print('TypeError')
