# method lookup through simple hierarchies
class Base:
    def a(self):
        return 'Base.a'
    def b(self):
        return 'Base.b'
    def c(self):
        return 'Base.c calls ' + self.a()
class Mid(Base):
    def a(self):
        return 'Mid.a'
class Leaf(Mid):
    def b(self):
        return 'Leaf.b'
l = Leaf()
print(l.a(), l.b(), l.c())
print(Mid().c(), Base().c())
class Mixin:
    def extra(self):
        return 'Mixin.extra'
    def a(self):
        return 'Mixin.a'
class Combined(Mixin, Leaf):
    pass
class Combined2(Leaf, Mixin):
    pass
print(Combined().a(), Combined().b(), Combined().extra())
print(Combined2().a(), Combined2().b(), Combined2().extra())
class Attr:
    x = 'Attr.x'
class Sub1(Attr):
    pass
class Sub2(Sub1):
    x = 'Sub2.x'
class Sub3(Sub2):
    pass
print(Sub1.x, Sub2.x, Sub3.x)
del Sub2.x
print(Sub3.x)
class Override:
    def __init__(self):
        self.method = lambda: 'instance attribute wins'
    def method(self):
        return 'class method'
print(Override().method())
class Dyn(Base):
    pass
print(Dyn().a())
Base.a = lambda self: 'patched Base.a'
print(Dyn().a(), Leaf().a(), Dyn().c())
