# crash-unbound-complex-conjugate: SIGILL/SIGSEGV
# top frames (HEAD 172865e): complexValue (ObjCore.swift:214) < complex.conjugate (ObjNumberTypes.swift:40) < callNative
# status at HEAD 406d2e6: fixed (TypeError)
complex.conjugate(0)
