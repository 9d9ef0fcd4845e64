# crash-print-end-type: SIGSEGV
# top frames (HEAD 172865e): strBytes (ObjCore.swift:84) < builtinPrint (Builtins.swift:336)
# status at HEAD 406d2e6: fixed (TypeError)
print(0, end=1)
