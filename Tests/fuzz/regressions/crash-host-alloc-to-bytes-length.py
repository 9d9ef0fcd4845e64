# crash-host-alloc-to-bytes-length: host allocation of 2 GB (7 s) before MemoryError
# top frames (HEAD 172865e): int.to_bytes (ObjNumberTypes.swift:10) < callNative
# status at HEAD 406d2e6: fixed (MemoryError)
(1).to_bytes(2**31, 'big')
