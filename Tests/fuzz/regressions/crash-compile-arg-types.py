# crash-compile-arg-types: SIGSEGV
# top frames (HEAD 172865e): swiftString (ObjCore.swift:90) < compile (Builtins.swift:76) < callNative
# status at HEAD 406d2e6: fixed (TypeError; message says 'attribute name must be string')
compile('', {2}, [[]])
