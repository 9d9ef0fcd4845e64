# crash-unbound-tuple-count: SIGSEGV
# top frames (HEAD 172865e): Obj.w (Obj.swift:62) < tupleLen (ObjCore.swift:133) < tuple.count (Builtins.swift:702)
# status at HEAD 406d2e6: fixed (TypeError)
tuple.count(0, 1)
