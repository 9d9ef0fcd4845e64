# crash-exec-globals-not-dict: SIGSEGV
# top frames (HEAD 172865e): Obj.typeAddr (Obj.swift:70) < builtinCompare (Ops.swift:167) < compareOp < pyEqual < keysEqual (Map.swift) < MapRef.find < runCode (Runtime.swift:229) < evalOrExec (Builtins.swift:457)
# status at HEAD 406d2e6: STILL CRASHES
exec('', int)
