# crash-unbound-float-is_integer: SIGILL 'load from misaligned raw pointer' (debug) / SIGSEGV (release)
# top frames (HEAD 172865e): floatValue (ObjCore.swift:202) < float.is_integer (ObjNumberTypes.swift:35) < callNative
# status at HEAD 406d2e6: fixed (TypeError)
float.is_integer(0)
