# crash-unbound-float-int: SIGILL/SIGSEGV
# top frames (HEAD 172865e): floatValue (ObjCore.swift:202) < float.__int__ (ObjNumberTypes.swift:33) < callNative
# status at HEAD 406d2e6: fixed (TypeError)
float.__int__(0)
