# a module is executed only once, then cached in sys.modules
import sys
sys.path.insert(0, 'lib')
print('first import')
import runs_once
print('second import')
import runs_once
print('from-import')
from runs_once import loads
print('import as')
import runs_once as r2
print(r2 is runs_once, r2.loads is loads)
runs_once.loads.append(2)
import runs_once
print(runs_once.loads)
def f():
    import runs_once
    return runs_once.loads
print(f())
print(sys.modules['runs_once'] is runs_once)
m = __import__('runs_once')
print(m is runs_once)
