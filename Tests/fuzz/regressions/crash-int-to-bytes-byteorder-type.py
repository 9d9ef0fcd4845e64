# crash-int-to-bytes-byteorder-type: SIGSEGV
# top frames (HEAD 172865e): strBytes (ObjCore.swift:84) < swiftString (ObjCore.swift:90) < int.to_bytes (ObjNumberTypes.swift:10) < callNative (Native.swift:101)
# status at HEAD 406d2e6: fixed (TypeError; message says 'attribute name must be string')
(2).to_bytes(7, None)
