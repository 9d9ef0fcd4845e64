# crash-host-alloc-format-width: host allocation of 1 GB before MemoryError
# top frames (HEAD 172865e): formatIntegerBytes (FormatSpec.swift:513) < formatWithSpec (ObjStr.swift:154) < renderField (ObjStrFormatMethod.swift:126)
# status at HEAD 406d2e6: fixed (MemoryError)
'{:1000000000}'.format(1)
