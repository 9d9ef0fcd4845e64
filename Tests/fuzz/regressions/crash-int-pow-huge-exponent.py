# crash-int-pow-huge-exponent: SIGILL (Swift arithmetic overflow); 2 ** 2 ** 63 and 1 << 2 ** 62 give MemoryError
# top frames (HEAD 172865e): intBinaryOp (ObjNumbers.swift:194) < builtinBinaryOp (Ops.swift:345) < binaryOp (Ops.swift:297)
# status at HEAD 406d2e6: STILL CRASHES
10 ** 2 ** 62
