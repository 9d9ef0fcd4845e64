# crash-exec-globals-negative-int: SIGILL (Swift arithmetic overflow)
# top frames (HEAD 172865e): dictMap(_:) (ObjCore.swift:188) < runCode (Runtime.swift:229) < evalOrExec (Builtins.swift:457)
# status at HEAD 406d2e6: STILL CRASHES
exec('', -1)
