# crash-host-alloc-fstring-width: host allocation of 1 GB before MemoryError
# top frames (HEAD 172865e): formatValue (ObjStr.swift:136) < dispatch (VM.swift:428)
# status at HEAD 406d2e6: fixed (MemoryError)
x = 1
f'{x!r:{10**9}}'
