# crash-format-kwargs-nonstr-keys: SIGSEGV (a second ** mapping with non-str keys)
# top frames (HEAD 172865e): strBytes (ObjCore.swift:84) < swiftString < dictMerge (ObjDict.swift:154) < dispatch (VM.swift:449)
# status at HEAD 406d2e6: STILL CRASHES
''.format(**{1: 2}, **{1: 2})
