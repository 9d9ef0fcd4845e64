# __name__ of modules and of the main script
import sys
sys.path.insert(0, 'lib')
print(__name__)
import show_name
print(show_name.__name__, show_name.is_main)
import pkg.helper
print(pkg.__name__, pkg.helper.__name__)
from pkg import helper
print(helper.__name__)
if __name__ == '__main__':
    print('running as main')
def f():
    return __name__
print(f())
