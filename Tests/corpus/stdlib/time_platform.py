# the platform module returns strings describing the port
import platform

p = platform.platform()
print(type(p).__name__, p.count("-") >= 4, "-with-" in p)
print(type(platform.python_compiler()).__name__)
lib = platform.libc_ver()
print(type(lib).__name__, len(lib), type(lib[0]).__name__, type(lib[1]).__name__)
