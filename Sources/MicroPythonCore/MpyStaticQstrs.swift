// The qstrs every MicroPython build numbers the same way (static qstrs 1...): a .mpy file
// refers to these by number instead of spelling them out. The order is part of the .mpy v6 format.

let mpyStaticQstrs: [String] = [
    "", "__dir__", "\n", " ", "*", "/", "<module>", "_", "__call__", "__class__", "__delitem__", "__enter__",
    "__exit__", "__getattr__", "__getitem__", "__hash__", "__init__", "__int__", "__iter__", "__len__",
    "__main__", "__module__", "__name__", "__new__", "__next__", "__qualname__", "__repr__", "__setitem__",
    "__str__", "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "EOFError", "Ellipsis",
    "Exception", "GeneratorExit", "ImportError", "IndentationError", "IndexError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "NameError", "NoneType", "NotImplementedError",
    "OSError", "OverflowError", "RuntimeError", "StopIteration", "SyntaxError", "SystemExit", "TypeError",
    "ValueError", "ZeroDivisionError", "abs", "all", "any", "append", "args", "bool", "builtins", "bytearray",
    "bytecode", "bytes", "callable", "chr", "classmethod", "clear", "close", "const", "copy", "count", "dict",
    "dir", "divmod", "end", "endswith", "eval", "exec", "extend", "find", "format", "from_bytes", "get",
    "getattr", "globals", "hasattr", "hash", "id", "index", "insert", "int", "isalpha", "isdigit",
    "isinstance", "islower", "isspace", "issubclass", "isupper", "items", "iter", "join", "key", "keys",
    "len", "list", "little", "locals", "lower", "lstrip", "main", "map", "micropython", "next", "object",
    "open", "ord", "pop", "popitem", "pow", "print", "range", "read", "readinto", "readline", "remove",
    "replace", "repr", "reverse", "rfind", "rindex", "round", "rsplit", "rstrip", "self", "send", "sep",
    "set", "setattr", "setdefault", "sort", "sorted", "split", "start", "startswith", "staticmethod", "step",
    "stop", "str", "strip", "sum", "super", "throw", "to_bytes", "tuple", "type", "update", "upper", "utf-8",
    "value", "values", "write", "zip",
]
