# __import__ and import of the sys module
sys_mod = __import__('sys')
print(sys_mod.__name__)
import sys
print(sys_mod is sys)
print(type(sys).__name__)
print(isinstance(sys.argv, list))
print(isinstance(sys.path, list))
print(sys.byteorder in ('little', 'big'))
print(hasattr(sys, 'exit'), callable(sys.exit))
print(isinstance(sys.maxsize, int), sys.maxsize > 2 ** 30)
print(hasattr(sys, 'stdout'))
print(isinstance(sys.modules, dict))
print(__import__('sys') is __import__('sys'))
import sys as s2
print(s2 is sys)
from sys import argv
print(argv is sys.argv)
print(type(sys.version_info[0]).__name__, sys.version_info[0])
print(sys.implementation.name in ('cpython', 'micropython'))
try:
    __import__('no_such_module_xyz')
except ImportError:
    print('ImportError')
try:
    import no_such_module_abc
except ImportError:
    print('ImportError')
try:
    from sys import no_such_name
except ImportError:
    print('ImportError')
sys.stdout.write('written via sys.stdout\n')
print(callable(__import__))
