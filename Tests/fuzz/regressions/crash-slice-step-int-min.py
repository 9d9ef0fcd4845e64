# crash-slice-step-int-min: SIGILL (Swift arithmetic overflow negating the step)
# top frames (HEAD 172865e): sliceIndices (Subscr.swift:34) < subscrLoad (Subscr.swift:57) < dispatch (VM.swift:241)
# status at HEAD 406d2e6: STILL CRASHES
[0][slice(None, None, -2**63)]
