# names visible from methods
CONST = 'module const'
def helper():
    return 'module helper'
class K:
    CONST = 'class const'
    def get_const(self):
        return CONST
    def get_class_const(self):
        return self.CONST, K.CONST, type(self).CONST
    def call_helper(self):
        return helper()
    def call_other_method(self):
        return self.get_const()
    def try_bare_method(self):
        try:
            return get_const()
        except NameError:
            return 'NameError: methods are not in scope by bare name'
k = K()
print(k.get_const())
print(k.get_class_const())
print(k.call_helper())
print(k.call_other_method())
print(k.try_bare_method())
class Counter:
    count = 0
    def inc(self):
        Counter.count += 1
        return Counter.count
c = Counter()
c.inc(); c.inc()
print(Counter.count)
def make_class():
    secret = 's3cret'
    class Inner:
        def reveal(self):
            return secret
    return Inner
print(make_class()().reveal())
class Outer:
    val = 'outer val'
    class Nested:
        def get(self):
            try:
                return val
            except NameError:
                return 'NameError: outer class body not visible'
print(Outer.Nested().get())
