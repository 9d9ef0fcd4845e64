# crash-host-alloc-percent-precision: host allocation of 1 GB (6 s, 2 GB RSS) before MemoryError
# top frames (HEAD 172865e): layoutDigits (FormatSpec.swift:817) < printfDoubleBytes (FormatSpec.swift:1196)
# status at HEAD 406d2e6: fixed (MemoryError)
'%.*f' % (10**9, 1.0)
