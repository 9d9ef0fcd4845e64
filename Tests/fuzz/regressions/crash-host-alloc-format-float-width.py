# crash-host-alloc-format-float-width: host allocation of 1 GB before MemoryError
# top frames (HEAD 172865e): formatDoubleBytes (FormatSpec.swift:918) < renderField (ObjStrFormatMethod.swift:126)
# status at HEAD 406d2e6: fixed (MemoryError)
'{:1000000000f}'.format(1.5)
