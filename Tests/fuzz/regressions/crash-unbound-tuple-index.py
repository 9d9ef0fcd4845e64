# crash-unbound-tuple-index: SIGSEGV
# top frames (HEAD 172865e): Obj.typeAddr (Obj.swift:70) < builtinCompare < compareOp < pyEqual < tuple.index (Builtins.swift:713)
# status at HEAD 406d2e6: fixed (TypeError)
tuple.index([], 1)
