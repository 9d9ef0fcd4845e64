# sys.implementation identifies MicroPython
import sys
print(sys.implementation.name)
print(sys.implementation.name == 'micropython')
print(sys.version_info[0])
print(type(sys.implementation.version) is tuple)
