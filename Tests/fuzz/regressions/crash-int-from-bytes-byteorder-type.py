# crash-int-from-bytes-byteorder-type: SIGSEGV
# top frames (HEAD 172865e): strBytes (ObjCore.swift:84) < swiftString < int.from_bytes (ObjNumberTypes.swift:20) < callNative
# status at HEAD 406d2e6: fixed (TypeError; message says 'attribute name must be string')
(1).from_bytes(b'ab', 2)
