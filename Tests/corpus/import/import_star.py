# from module import *
import sys
sys.path.insert(0, 'lib')
from star_mod import *
print(public_one, public_two)
print(public_func())
try:
    _hidden
except NameError:
    print('underscore names are not imported by *')
import star_mod
print(star_mod._hidden)
