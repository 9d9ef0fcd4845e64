# crash-eval-globals-locals-not-dict: SIGSEGV
# top frames (HEAD 172865e): MapRef.capacity (Map.swift:17) < MapRef.find (Map.swift:69) < MapRef.get (Map.swift:102) < runCode (Runtime.swift:229)
# status at HEAD 406d2e6: STILL CRASHES
eval('a', True, [])
