# crash-unbound-int-bit_length: SIGSEGV (other selves: SIGABRT 'failed to allocate' from a garbage length)
# top frames (HEAD 172865e): Obj.w (Obj.swift:62) < bigOf (ObjNumbers.swift:34) < int.bit_length (ObjNumberTypes.swift:24)
# status at HEAD 406d2e6: fixed (TypeError)
int.bit_length('a')
