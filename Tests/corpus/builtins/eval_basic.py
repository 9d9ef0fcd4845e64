# eval() of simple expressions
print(eval('1 + 2'))
print(eval('2 ** 10'))
print(eval('10 / 4'))
print(eval('"abc" * 2'))
print(eval("'x' + 'y'"))
print(eval('[1, 2] + [3]'))
print(eval('(1, 2)'))
print(eval("{'a': 1}"))
print(eval('len("hello")'))
print(eval('max(3, 7)'))
print(eval('  42  '))
print(eval('True and not False'))
print(eval('None'))
print(eval('1 if 2 > 1 else 0'))
print(eval('[x * x for x in range(4)]'))
print(eval('(lambda a: a + 1)(5)'))
print(eval('2 ** 100'))
print(eval('-7 // 2'))
print(eval('0x1f + 0o7 + 0b1'))
print(eval('"é" * 2'))
x = 10
print(eval('x * 3'))
print(eval('x > 5'))
print(type(eval('1.5')).__name__)
print(eval(repr([1, 'two', 3.0])))
print(eval(repr({'k': (1, 2)})))


def chk(src):
    try:
        print(eval(src))
    except Exception as e:
        print(type(e).__name__)


chk('1 / 0')
chk('undefined_name')
chk('1 +')
chk('[1, 2][5]')
chk("{'a': 1}['b']")
chk('int("x")')
