# crash-dict-display-32768-pairs: SIGSEGV: a display needing >= 65536 value-stack slots overflows the code object's 16-bit stack size
# top frames (HEAD 172865e): Obj.typeAddr (Obj.swift:70) < pyHash/instanceHash < MapRef.find (Map.swift:76) < MapRef.set (Map.swift:108) < dispatch (VM.swift:418)
# status at HEAD 406d2e6: STILL CRASHES
exec('x = {' + 'None: None, ' * 32768 + '}')
