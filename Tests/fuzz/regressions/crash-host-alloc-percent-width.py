# crash-host-alloc-percent-width: host allocation of 1 GB (seconds, ~2 GB RSS) before MemoryError; 10**10 aborts 'failed to allocate 10000000035 bytes'
# top frames (HEAD 172865e): printfIntegerBytes (FormatSpec.swift:1250)
# status at HEAD 406d2e6: fixed (MemoryError)
'%*d' % (10**9, 1)
