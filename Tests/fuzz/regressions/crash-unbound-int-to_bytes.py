# crash-unbound-int-to_bytes: SIGSEGV
# top frames (HEAD 172865e): Obj.w (Obj.swift:62) < bigOf (ObjNumbers.swift:34) < int.to_bytes (ObjNumberTypes.swift:10)
# status at HEAD 406d2e6: fixed (TypeError)
int.to_bytes('a')
