# import x
import sys
sys.path.insert(0, 'lib')
import mod_a
print(mod_a.VALUE)
print(mod_a.func(1))
print(mod_a.Klass().hello())
print(mod_a.bump(), mod_a.bump(), mod_a.counter)
print(mod_a.__name__)
print(type(mod_a).__name__)
print(hasattr(mod_a, 'VALUE'), hasattr(mod_a, 'nothing'))
print(getattr(mod_a, 'VALUE'))
mod_a.NEW_ATTR = 'set from importer'
print(mod_a.NEW_ATTR)
print(mod_a._private)
def use_in_function():
    return mod_a.func('inside function')
print(use_in_function())
import mod_a as alias
print(alias is mod_a, alias.counter)
print('mod_a' in sys.modules)
