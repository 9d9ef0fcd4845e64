# import a.b as c
import sys
sys.path.insert(0, 'lib')
import pkg.helper as h
print(h.HELP, h.assist('x'))
print(h.__name__)
import pkg.nested.deep as d
print(d.deep_info())
print(d.__name__)
print('pkg' in globals())
import pkg.sub
print('pkg' in globals(), pkg.sub.work() == d.work())
