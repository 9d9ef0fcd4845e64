# crash-unbound-memoryview-hex: SIGSEGV
# top frames (HEAD 172865e): Obj.o (Obj.swift:65) < memoryviewBytes (ObjBytes.swift:126) < memoryview.hex (ObjBytes.swift:193)
# status at HEAD 406d2e6: fixed (TypeError)
memoryview.hex(0)
