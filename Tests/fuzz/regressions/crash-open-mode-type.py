# crash-open-mode-type: SIGSEGV
# top frames (HEAD 172865e): strBytes (ObjCore.swift:84) < swiftString < ObjFile.hostOpen (ObjFile.swift:123)
# status at HEAD 406d2e6: fixed (TypeError; message says 'attribute name must be string')
open('x', 0)
