# sys.path and sys.modules basics
import sys
print(type(sys.path).__name__, type(sys.modules).__name__)
before = len(sys.path)
sys.path.insert(0, 'lib')
print(sys.path[0], len(sys.path) - before)
print('show_name' in sys.modules)
import show_name
print('show_name' in sys.modules, sys.modules['show_name'] is show_name)
del sys.modules['show_name']
import show_name as again
print(again is not show_name)
sys.path.remove('lib')
print('lib' in sys.path)
print('sys' in sys.modules)
