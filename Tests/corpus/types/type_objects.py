# type objects: identity, repr, calling a type, isinstance with type
print(type(1) is int, type(1.0) is float, type('') is str)
print(type(True) is bool, type(None) is type(None))
print(type([]) is list, type(()) is tuple, type({}) is dict)
print(type(set()) is set, type(frozenset()) is frozenset)
print(type(b'') is bytes, type(bytearray()) is bytearray)
print(type(1j) is complex, type(range(1)) is range)
print(type(2 ** 100) is int)
print(type(int) is type, type(type) is type)
print(int, float, str, bool)
print(list, tuple, dict, set)
print(bytes, bytearray, complex, range)
print(type, object)
print(repr(int), str(dict))
print(type(5)('7'), type('s')(5), type([])('ab'))
print(type(1.5)('2.5'), type(())([1]))
print(isinstance(int, type), isinstance(5, type))
print(isinstance(type, object), isinstance(object, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(type, object))
print(int.__name__, str.__name__, type(None).__name__)
print(bool.__name__, type.__name__, object.__name__)
print([t.__name__ for t in (list, tuple, dict, set, frozenset, bytes, bytearray, memoryview, complex, slice, range)])


class Foo:
    pass


class Bar(Foo):
    pass


f = Foo()
b = Bar()
print(type(f) is Foo, type(b) is Bar, type(b) is Foo)
print(isinstance(b, Foo), isinstance(f, Bar))
print(Foo.__name__, Bar.__name__, type(f).__name__)
print(type(Foo) is type)
print(issubclass(Bar, Foo), issubclass(Foo, Bar))
t = type(b)
print(t.__name__, isinstance(t(), Foo))
print(type(lambda: 0).__name__)
print(int is int, int is not float)
print({int: 'i', str: 's'}[int])
print(type(type(type(1))) is type)
