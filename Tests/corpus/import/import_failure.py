# a module whose body raises is not left half-imported
import sys
sys.path.insert(0, 'lib')
try:
    import raises_on_import
except ValueError as e:
    print('ValueError:', e)
print('raises_on_import' in sys.modules)
try:
    import raises_on_import
except ValueError as e:
    print('second attempt ValueError:', e)
